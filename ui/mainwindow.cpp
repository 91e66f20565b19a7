#include "mainwindow.h"

#include "backgroundread.h"
#include "charts/chartsview.h"
#include "dialogs/customerdialog.h"
#include "dialogs/duplicatesdialog.h"
#include "dialogs/importhistorydialog.h"
#include "dialogs/importwizard.h"
#include "dialogs/logcalldialog.h"
#include "dialogs/orderdialog.h"
#include "dialogs/settingsdialog.h"
#include "dialogs/welcomedialog.h"
#include "format.h"
#include "messagebox.h"
#include "model/apppaths.h"
#include "model/language.h"
#include "models/customertablemodel.h"
#include "session.h"
#include "store/database.h"
#include "views/customersview.h"
#include "views/queueview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>

namespace tierdesk::ui {
namespace {

const QString kRecentKey = QStringLiteral("recent/files");
constexpr int kMaxRecent = 8;

} // namespace

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_nav(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_customers(new CustomersView(session, this))
    , m_queue(new QueueView(session, this))
    , m_statusDatabase(new QLabel(this))
    , m_statusAsOf(new QLabel(this))
    , m_statusClassified(new QLabel(this))
    , m_statusSearch(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("TierDesk"));

    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setViewMode(QListView::IconMode);
    m_nav->setFlow(QListView::TopToBottom);
    m_nav->setMovement(QListView::Static);
    m_nav->setIconSize(QSize(32, 32));
    m_nav->setSpacing(6);
    m_nav->setUniformItemSizes(true);
    m_nav->setWordWrap(true);
    m_nav->setFixedWidth(std::max(104, m_nav->fontMetrics().horizontalAdvance(tr("Today's calls")) + 36));
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->setFocusPolicy(Qt::TabFocus);
    const struct {
        const char *icon;
        QString text;
    } places[] = {{"customers", tr("Customers")}, {"calls", tr("Today's calls")}, {"charts", tr("Charts")}};
    for (const auto &p : places) {
        auto *item = new QListWidgetItem(QIcon(QStringLiteral(":/icons/") + QLatin1String(p.icon) + u".svg"),
                                         p.text, m_nav);
        item->setTextAlignment(Qt::AlignHCenter);
        item->setSizeHint(QSize(m_nav->width() - 12, 64));
    }
    m_customers->setObjectName(QStringLiteral("customersPage"));
    m_queue->setObjectName(QStringLiteral("callsPage"));
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(m_customers);
    m_pages->addWidget(m_queue);
    m_pages->addWidget(new QWidget); // Charts, until first shown (chartsView())
    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row == int(Place::Charts))
            chartsView();
        m_pages->setCurrentIndex(row);
    });

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_nav);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_statusDatabase->setObjectName(QStringLiteral("statusDatabase"));
    m_statusAsOf->setObjectName(QStringLiteral("statusAsOf"));
    m_statusClassified->setObjectName(QStringLiteral("statusClassified"));
    m_progress->setObjectName(QStringLiteral("reclassifyProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->setRange(0, 100);
    m_progress->hide();
    m_statusDatabase->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_statusDatabase, 1);
    m_statusSearch->setObjectName(QStringLiteral("statusSearch"));
    m_statusSearch->setText(tr("Indexing customers for search…"));
    m_statusSearch->setToolTip(tr("After a big import, the search index and the customer list's index by "
                                  "company are built in the background. Searches and sorting work "
                                  "meanwhile, more slowly."));
    m_statusSearch->setVisible(session->isBuildingSearchIndex());
    statusBar()->addPermanentWidget(m_statusSearch);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_statusClassified);
    statusBar()->addPermanentWidget(m_statusAsOf);

    createActions();

    connect(m_customers, &CustomersView::openCustomerRequested, this, &MainWindow::openCustomer);
    // The call list's export holds every due customer's row and contacts: at a million customers
    // the search texts make room for it, as for a classification, and are read again after it.
    connect(m_queue, &QueueView::exportStarted, m_customers->model(), &CustomerTableModel::releaseSearch);
    connect(m_queue, &QueueView::exportEnded, m_customers->model(), &CustomerTableModel::prepareSearch);
    connect(session, &Session::opened, this, &MainWindow::updateStatus);
    connect(session, &Session::reclassifyStarted, this, [this] {
        m_progress->setValue(0);
        m_progress->show();
        m_statusClassified->setText(tr("Classifying…"));
    });
    connect(session, &Session::reclassifyProgress, m_progress, &QProgressBar::setValue);
    // A run stopped by closing its file (File › Open… of another) tells nothing more.
    connect(session, &Session::closed, this, [this] {
        m_progress->hide();
        m_statusSearch->hide();
        updateStatus();
    });
    connect(session, &Session::searchIndexStarted, m_statusSearch, &QWidget::show);
    // The search texts in memory were read from the pending texts: read again from the index.
    connect(session, &Session::searchIndexFinished, this, [this] {
        m_statusSearch->hide();
        m_customers->model()->prepareSearch();
    });
    connect(session, &Session::reclassifyFinished, this, [this](bool ok, const QString &error) {
        m_progress->hide();
        updateStatus();
        if (!ok)
            MessageBox::critical(this, tr("Classification failed"), error);
    });

    restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray());
    if (!QSettings().contains(QStringLiteral("window/geometry")))
        resize(1280, 800);
    m_nav->setCurrentRow(QSettings().value(QStringLiteral("window/place"), 1).toInt());
    updateStatus();
}

MainWindow::~MainWindow() = default;

QString MainWindow::chooseLanguage(const QString &commandLine)
{
    QString lang = commandLine;
    if (lang.isEmpty())
        lang = QSettings().value(QStringLiteral("ui/language")).toString();
    return lang.isEmpty() ? Language::system() : Language::normalized(lang);
}

void MainWindow::createActions()
{
    auto action = [this](const QString &objectName, const QString &text, const QKeySequence &shortcut,
                         auto slot) {
        auto *a = new QAction(text, this);
        a->setObjectName(objectName);
        if (!shortcut.isEmpty())
            a->setShortcut(shortcut);
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("newDatabaseAction"), tr("&New database…"), QKeySequence(),
                           &MainWindow::chooseNewDatabase));
    file->addAction(action(QStringLiteral("openDatabaseAction"), tr("&Open database…"), QKeySequence::Open,
                           &MainWindow::chooseOpenDatabase));
    m_recentMenu = file->addMenu(tr("Open &recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addAction(action(QStringLiteral("welcomeAction"), tr("Try the &demo database…"), QKeySequence(),
                           &MainWindow::showWelcome));
    file->addSeparator();
    file->addAction(action(QStringLiteral("importCustomersAction"), tr("&Import customers…"),
                           QKeySequence(Qt::CTRL | Qt::Key_I), &MainWindow::importCustomers));
    file->addAction(action(QStringLiteral("importOrdersAction"), tr("Import or&ders…"), QKeySequence(),
                           [this] { startImport(ImportWizard::Kind::Orders); }));
    file->addAction(action(QStringLiteral("importCallsAction"), tr("Import c&alls…"), QKeySequence(),
                           [this] { startImport(ImportWizard::Kind::Calls); }));
    file->addAction(
        action(QStringLiteral("importHistoryAction"), tr("Import &history…"), QKeySequence(), [this] {
            if (!m_session->isOpen())
                return;
            auto *dialog = new ImportHistoryDialog(m_session, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        }));
    file->addAction(action(QStringLiteral("exportCallListAction"), tr("&Export today's call list…"),
                           QKeySequence(Qt::CTRL | Qt::Key_E), [this] {
                               showPlace(Place::Calls);
                               if (auto *b =
                                       m_queue->findChild<QWidget *>(QStringLiteral("exportQueueButton")))
                                   QMetaObject::invokeMethod(b, "click");
                           }));
    file->addAction(action(
        QStringLiteral("printCallListAction"), tr("&Print today's call list…"), QKeySequence::Print, [this] {
            showPlace(Place::Calls);
            if (auto *b = m_queue->findChild<QWidget *>(QStringLiteral("printQueueButton")))
                QMetaObject::invokeMethod(b, "click");
        }));
    file->addSeparator();
    file->addAction(
        action(QStringLiteral("quitAction"), tr("&Quit"), QKeySequence::Quit, &MainWindow::close));

    QMenu *customer = menuBar()->addMenu(tr("&Customer"));
    customer->addAction(action(QStringLiteral("newCustomerAction"), tr("&New customer…"), QKeySequence::New,
                               &MainWindow::newCustomer));
    customer->addAction(action(QStringLiteral("openCustomerAction"), tr("&Open customer card"),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), [this] {
                                   if (auto id = currentCustomer())
                                       openCustomer(*id);
                               }));
    customer->addSeparator();
    customer->addAction(action(QStringLiteral("logCallAction"), tr("&Log a call…"),
                               QKeySequence(Qt::CTRL | Qt::Key_L), &MainWindow::logCall));
    customer->addAction(action(QStringLiteral("addOrderAction"), tr("Add an &order…"),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), &MainWindow::addOrder));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(action(QStringLiteral("showCustomersAction"), tr("&Customers"),
                           QKeySequence(Qt::CTRL | Qt::Key_1), [this] { showPlace(Place::Customers); }));
    view->addAction(action(QStringLiteral("showCallsAction"), tr("&Today's calls"),
                           QKeySequence(Qt::CTRL | Qt::Key_2), [this] { showPlace(Place::Calls); }));
    view->addAction(action(QStringLiteral("showChartsAction"), tr("C&harts"),
                           QKeySequence(Qt::CTRL | Qt::Key_3), [this] { showPlace(Place::Charts); }));
    view->addSeparator();
    view->addAction(action(QStringLiteral("findAction"), tr("&Find customer"), QKeySequence::Find, [this] {
        showPlace(Place::Customers);
        m_customers->focusSearch();
    }));

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(action(QStringLiteral("findDuplicatesAction"), tr("Find &duplicates…"), QKeySequence(),
                            &MainWindow::findDuplicates));
    tools->addAction(action(QStringLiteral("reclassifyAction"), tr("&Classify all customers now"),
                            QKeySequence(Qt::Key_F5), [this] { m_session->reclassify(); }));
    tools->addSeparator();
    tools->addAction(action(QStringLiteral("settingsAction"), tr("&Settings…"), QKeySequence::Preferences,
                            &MainWindow::openSettings));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(
        action(QStringLiteral("aboutAction"), tr("&About TierDesk"), QKeySequence(), &MainWindow::showAbout));
    updateRecentMenu();
}

void MainWindow::start(const QString &path)
{
    QString target = path;
    if (target.isEmpty()) {
        const QStringList recent = QSettings().value(kRecentKey).toStringList();
        if (!recent.isEmpty() && QFileInfo::exists(recent.constFirst()))
            target = recent.constFirst();
        else if (QFileInfo::exists(AppPaths::defaultDatabase()))
            target = AppPaths::defaultDatabase();
    }
    if (!target.isEmpty() && openDatabase(target))
        return;
    // Let the window appear first; the welcome dialog sits on top of it.
    QMetaObject::invokeMethod(this, &MainWindow::showWelcome, Qt::QueuedConnection);
}

bool MainWindow::openDatabase(const QString &path)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto ok = m_session->open(path);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        MessageBox::critical(this, tr("Cannot open the database"), ok.error().message);
        return false;
    }
    rememberRecent(path);
    updateStatus();
    if (m_session->classificationIsStale())
        m_session->reclassify();
    return true;
}

void MainWindow::showWelcome()
{
    WelcomeDialog dialog(m_session->today(), this);
    if (dialog.exec() == QDialog::Accepted && !dialog.chosenPath().isEmpty())
        openDatabase(dialog.chosenPath());
}

void MainWindow::chooseNewDatabase()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("New database"),
                                     QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                         .filePath(tr("customers.tierdesk")),
                                     tr("TierDesk databases (*.tierdesk *.sqlite)"));
    if (!path.isEmpty())
        openDatabase(path);
}

void MainWindow::chooseOpenDatabase()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open database"), QFileInfo(m_session->path()).absolutePath(),
                                     tr("TierDesk databases (*.tierdesk *.sqlite);;All files (*)"));
    if (!path.isEmpty())
        openDatabase(path);
}

void MainWindow::rememberRecent(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList recent = QSettings().value(kRecentKey).toStringList();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    QSettings().setValue(kRecentKey, recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString &path : recent) {
        QAction *a = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] { openDatabase(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

ChartsView *MainWindow::chartsView()
{
    if (!m_charts) {
        m_charts = new ChartsView(m_session, this);
        m_charts->setObjectName(QStringLiteral("chartsPage"));
        QWidget *placeholder = m_pages->widget(int(Place::Charts));
        m_pages->insertWidget(int(Place::Charts), m_charts);
        m_pages->removeWidget(placeholder);
        placeholder->deleteLater();
    }
    return m_charts;
}

void MainWindow::showPlace(Place place)
{
    m_nav->setCurrentRow(int(place));
    m_pages->currentWidget()->setFocus();
}

MainWindow::Place MainWindow::place() const
{
    return Place(m_pages->currentIndex());
}

std::optional<CustomerId> MainWindow::currentCustomer() const
{
    switch (place()) {
    case Place::Customers:
        return m_customers->currentCustomer();
    case Place::Calls:
        return m_queue->currentCustomer();
    case Place::Charts:
        return m_customers->currentCustomer();
    }
    return std::nullopt;
}

void MainWindow::logCall()
{
    if (!m_session->isOpen())
        return;
    if (place() == Place::Calls) {
        m_queue->logCall();
        return;
    }
    const auto id = currentCustomer();
    if (!id) {
        statusBar()->showMessage(tr("Select a customer first."), 4000);
        return;
    }
    auto *dialog = new LogCallDialog(m_session, *id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::addOrder()
{
    const auto id = currentCustomer();
    if (!m_session->isOpen() || !id) {
        statusBar()->showMessage(tr("Select a customer first."), 4000);
        return;
    }
    auto *dialog = new OrderDialog(m_session, *id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openCustomer(CustomerId id)
{
    if (!m_session->isOpen())
        return;
    auto *dialog = new CustomerDialog(m_session, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::newCustomer()
{
    openCustomer(0);
}

void MainWindow::findDuplicates()
{
    if (!m_session->isOpen())
        return;
    auto *dialog = new DuplicatesDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DuplicatesDialog::openCustomerRequested, this, &MainWindow::openCustomer);
    dialog->show();
}

void MainWindow::importCustomers()
{
    startImport(ImportWizard::Kind::Customers);
}

void MainWindow::startImport(ImportWizard::Kind kind)
{
    if (!m_session->isOpen())
        return;
    auto *wizard = new ImportWizard(m_session, kind, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->open();
}

void MainWindow::openSettings()
{
    if (!m_session->isOpen())
        return;
    auto *dialog = new SettingsDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::reclassifyRequested, m_session, &Session::reclassify);
    dialog->open();
}

void MainWindow::updateStatus()
{
    if (!m_session->isOpen()) {
        setWindowTitle(tr("TierDesk"));
        m_statusDatabase->setText(tr("No database open"));
        m_statusAsOf->clear();
        m_statusClassified->clear();
        return;
    }
    setWindowTitle(tr("%1 — TierDesk").arg(QFileInfo(m_session->path()).fileName()));
    m_statusDatabase->setText(QDir::toNativeSeparators(m_session->path()));
    m_statusAsOf->setText(tr("As of %1").arg(format::date(m_session->today())));
    const auto run = m_session->lastRun();
    if (!run)
        m_statusClassified->setText(tr("Not classified yet (F5)"));
    else
        m_statusClassified->setText(tr("Classified %1").arg(format::dateTime(run->finishedAt)));
}

void MainWindow::showAbout()
{
    MessageBox::information(
        this, tr("About TierDesk"),
        tr("<h3>TierDesk %1</h3><p>A desktop CRM for small sales teams: customer tiers, "
           "RFM segments and who to call next. Your data stays in one file on this computer.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    QSettings().setValue(QStringLiteral("window/place"), m_pages->currentIndex());
    QMainWindow::closeEvent(event);
}

} // namespace tierdesk::ui
