#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdlib>
#include <gtest/gtest.h>
#include <memory>

// One main for every suite. Widget suites link a different application object through
// TIERDESK_TEST_GUI (see tests/ui); the core suites only need QCoreApplication.
#ifdef TIERDESK_TEST_GUI
#include <QApplication>
using TestApplication = QApplication;
#else
using TestApplication = QCoreApplication;
#endif

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Before any QSettings or AppPaths: never touch the developer's real data.
    QStandardPaths::setTestModeEnabled(true);
    // ctest runs every test in its own process, several at once: each gets settings of its own,
    // or one test's stored language or column layout shows up in another.
    const QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    ::testing::InitGoogleTest(&argc, argv);
    TestApplication app(argc, argv);
    TestApplication::setOrganizationName(QStringLiteral("TierDeskTests"));
    TestApplication::setApplicationName(QStringLiteral("tierdesk-tests"));
    return RUN_ALL_TESTS();
}
