// tierdesk: the desktop app. Thin by design: identity, language, command line, main window.

#include "mainwindow.h"
#include "model/apppaths.h"
#include "model/language.h"
#include "model/memory.h"
#include "session.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace tierdesk;

int main(int argc, char **argv)
{
    // The workers' heaps give back what a classification or a list's read freed (see there).
    returnFreedMemoryPromptly();
    QApplication app(argc, argv);
    AppPaths::setUpApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("TierDesk"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/tierdesk.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "TierDesk — customer tiers and who to call next"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"),
                                QApplication::translate("main", "Open the database at PATH."),
                                QStringLiteral("PATH"));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QApplication::translate("main", "Interface language: zh_CN or en (default: system)."),
        QStringLiteral("LANG"));
    const QCommandLineOption asOf(
        QStringLiteral("as-of"),
        QApplication::translate("main", "Work as of this day instead of today (YYYY-MM-DD)."),
        QStringLiteral("DATE"));
    parser.addOption(db);
    parser.addOption(lang);
    parser.addOption(asOf);
    parser.process(app);

    // Language: the command line, else the user's choice in Settings, else the system locale.
    Language::install(ui::MainWindow::chooseLanguage(parser.value(lang)));

    ui::Session session;
    if (parser.isSet(asOf)) {
        const QDate day = QDate::fromString(parser.value(asOf), Qt::ISODate);
        if (day.isValid())
            session.setToday(day);
    }
    ui::MainWindow window(&session);
    window.show();
    window.start(parser.isSet(db) ? parser.value(db) : QString());
    return QApplication::exec();
}
