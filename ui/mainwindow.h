#pragma once

#include "dialogs/importwizard.h"
#include "model/types.h"

#include <QMainWindow>

#include <optional>

class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QStackedWidget;

namespace tierdesk::ui {

class ChartsView;
class CustomersView;
class QueueView;
class Session;

/// The window a salesperson keeps open all day: Customers, Today's calls and Charts, one
/// keystroke apart (Ctrl+1/2/3), with Ctrl+L to log a call from anywhere.
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    enum class Place { Customers, Calls, Charts };

    explicit MainWindow(Session *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The UI language: `commandLine` if given, else the one chosen in Settings, else the
    /// system's (Simplified Chinese for a Chinese system, English otherwise).
    static QString chooseLanguage(const QString &commandLine);

    /// Opens `path`, or the last database used, or the default one; with none of them the
    /// welcome dialog offers demo data, a new database or an existing file.
    void start(const QString &path);
    /// Opens a database, reporting failures to the user; true on success.
    bool openDatabase(const QString &path);

    void showPlace(Place place);
    Place place() const;
    /// The customer selected in the current place.
    std::optional<CustomerId> currentCustomer() const;

    CustomersView *customersView() const { return m_customers; }
    QueueView *queueView() const { return m_queue; }
    /// The Charts page, built on first use (when first shown): its five charts are a fifth of
    /// the window's widgets and most of the time the window takes to build.
    ChartsView *chartsView();
    /// The Charts page if it has been built, else null (nothing is built).
    ChartsView *chartsViewIfBuilt() const { return m_charts; }

    void logCall();
    void addOrder();
    void openCustomer(CustomerId id);
    void newCustomer();
    void importCustomers();
    void startImport(ImportWizard::Kind kind);
    void findDuplicates();
    void openSettings();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void updateStatus();
    void updateRecentMenu();
    void rememberRecent(const QString &path);
    void chooseNewDatabase();
    void chooseOpenDatabase();
    void showWelcome();
    void showAbout();

    Session *m_session;
    QListWidget *m_nav;
    QStackedWidget *m_pages;
    CustomersView *m_customers;
    QueueView *m_queue;
    ChartsView *m_charts = nullptr;
    QLabel *m_statusDatabase;
    QLabel *m_statusAsOf;
    QLabel *m_statusClassified;
    QLabel *m_statusSearch; ///< while what a big import left for later is built
    QProgressBar *m_progress;
    QMenu *m_recentMenu = nullptr;
};

} // namespace tierdesk::ui
