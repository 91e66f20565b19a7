// tierdesk_screenshots: the pictures of docs/screenshots, taken from the real windows.
//
//   tierdesk_screenshots --db DEMO.sqlite --lang zh_CN --out docs/screenshots [--as-of 2026-06-30]
//
// Opens the main window on the database as a user would, visits each place, opens the customer
// card and the call dialog, and saves each as <out>/<lang>-<name>.png. Run it under Xvfb
// (packaging/screenshots.sh does), so that fonts and styles are those of a real X desktop. The
// window's settings are kept apart from the user's (a separate application name).

#include "charts/chartsview.h"
#include "dialogs/customerdialog.h"
#include "dialogs/importwizard.h"
#include "dialogs/logcalldialog.h"
#include "mainwindow.h"
#include "model/apppaths.h"
#include "model/language.h"
#include "session.h"
#include "views/customersview.h"
#include "views/queueview.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QLineEdit>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QStringEncoder>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace tierdesk;

namespace {

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool save(const QPixmap &pixmap, const QString &path)
{
    if (pixmap.isNull() || !pixmap.save(path)) {
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s (%dx%d)\n", qPrintable(path), pixmap.width(), pixmap.height());
    return true;
}

template<typename Dialog>
Dialog *openDialog()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *d = qobject_cast<Dialog *>(w); d && d->isVisible())
            return d;
    }
    return nullptr;
}

void selectFirstRow(QWidget *place, const QString &tableName)
{
    if (auto *table = place->findChild<QTableView *>(tableName);
        table && table->model() && table->model()->rowCount() > 0) {
        table->setFocus();
        table->selectRow(0);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    AppPaths::setUpApplication();
    QApplication::setApplicationName(QStringLiteral("TierDesk-screenshots"));
    QApplication::setApplicationDisplayName(QStringLiteral("TierDesk"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/tierdesk.svg")));

    QCommandLineParser parser;
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("The database."),
                                QStringLiteral("PATH"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("zh_CN or en."),
                                  QStringLiteral("LANG"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("The folder for the PNGs."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption asOf(QStringLiteral("as-of"), QStringLiteral("The as-of day."),
                                  QStringLiteral("DATE"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size (default 1366x800)."),
                                  QStringLiteral("WxH"), QStringLiteral("1366x800"));
    parser.addOptions({db, lang, out, asOf, size});
    parser.addHelpOption();
    parser.process(app);
    if (!parser.isSet(db) || !parser.isSet(out)) {
        std::fprintf(stderr, "usage: tierdesk_screenshots --db PATH --out DIR [--lang L] [--as-of D]\n");
        return 2;
    }
    QSettings().clear(); // default column widths and window layout, as a new user sees them
    const QString language = Language::normalized(parser.value(lang));
    Language::install(language);
    QDir().mkpath(parser.value(out));
    const QString prefix = QDir(parser.value(out)).filePath(language + QLatin1Char('-'));
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));

    ui::Session session;
    if (parser.isSet(asOf))
        session.setToday(QDate::fromString(parser.value(asOf), Qt::ISODate));
    ui::MainWindow window(&session);
    window.resize(wh.value(0).toInt(), wh.value(1).toInt());
    window.show();
    window.start(parser.value(db));

    // Wait for the start-up classification to finish.
    const QDeadlineTimer deadline(60'000);
    auto *progress = window.findChild<QProgressBar *>(QStringLiteral("reclassifyProgress"));
    settle(300);
    while (progress && progress->isVisible() && !deadline.hasExpired())
        settle(100);
    settle(500);

    bool ok = true;
    window.showPlace(ui::MainWindow::Place::Customers);
    selectFirstRow(window.customersView(), QStringLiteral("customerTable"));
    settle(300);
    ok &= save(window.grab(), prefix + QStringLiteral("customers.png"));

    // Search as you type, with a Chinese substring in the Chinese UI.
    if (auto *search = window.customersView()->findChild<QLineEdit *>(QStringLiteral("searchEdit"))) {
        search->setText(language == u"zh_CN" ? QStringLiteral("科技") : QStringLiteral("trading"));
        settle(800);
        ok &= save(window.grab(), prefix + QStringLiteral("customers-search.png"));
        search->clear();
        settle(300);
    }

    window.showPlace(ui::MainWindow::Place::Calls);
    selectFirstRow(window.queueView(), QStringLiteral("queueTable"));
    settle(300);
    ok &= save(window.grab(), prefix + QStringLiteral("calls.png"));

    window.logCall();
    settle(500);
    if (auto *dialog = openDialog<ui::LogCallDialog>()) {
        ok &= save(dialog->grab(), prefix + QStringLiteral("log-call.png"));
        dialog->reject();
        settle(200);
    }

    if (const auto id = window.currentCustomer()) {
        window.openCustomer(*id);
        settle(800);
        if (auto *dialog = openDialog<ui::CustomerDialog>()) {
            ok &= save(dialog->grab(), prefix + QStringLiteral("customer-card.png"));
            dialog->reject();
            settle(200);
        }
    }

    window.showPlace(ui::MainWindow::Place::Charts);
    settle(800);
    ok &= save(window.grab(), prefix + QStringLiteral("charts.png"));
    if (auto *content = window.chartsView()->findChild<QWidget *>(QStringLiteral("chartsContent")))
        ok &= save(content->grab(), prefix + QStringLiteral("charts-all.png"));

    // Importing a phone system's call log: the review, with the customers found by their phone
    // numbers, a row repeated, and a number nobody has. Stops before importing anything.
    QTemporaryDir tmp;
    QStringList log{QStringLiteral("日期,时间,对方号码,通话时长,通话结果,备注")};
    for (CustomerId id = 1; id <= 6; ++id) {
        if (auto c = session.customer(id); c && *c && !(*c)->phone.isEmpty())
            log << QStringLiteral("2026-11-2%1,1%1:05,%2,%3,%4,")
                       .arg(id % 3)
                       .arg((*c)->phone)
                       .arg(id * 37)
                       .arg(id % 2 ? QStringLiteral("接通") : QStringLiteral("未接"));
    }
    log << log.value(1) << QStringLiteral("2026-11-22,16:40,130 0000 0000,12,接通,");
    const QString logPath = tmp.filePath(QStringLiteral("calls.csv"));
    if (QFile f(logPath); f.open(QIODevice::WriteOnly))
        f.write(
            QStringEncoder(QStringEncoder::Utf8)(log.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")));
    ui::ImportWizard wizard(&session, ui::ImportWizard::Kind::Calls, &window);
    wizard.show();
    if (wizard.loadFile(logPath)) {
        settle(300);
        wizard.next();
        settle(300);
        ok &= save(wizard.grab(), prefix + QStringLiteral("import-columns.png"));
        wizard.next();
        settle(300);
        ok &= save(wizard.grab(), prefix + QStringLiteral("import-review.png"));
    }
    wizard.close();

    return ok ? 0 : 1;
}
