#pragma once

#include "io/calllist.h"
#include "model/error.h"
#include "model/types.h"
#include "store/customerquery.h"

#include <QDate>
#include <QPointer>
#include <QProgressDialog>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QPrinter;
class QPushButton;
class QTableView;

namespace tierdesk::ui {

class CustomerTableModel;
class Session;

/// Today's calls: the follow-up queue in the spec's order, each row with the reason to call,
/// overdue rows marked, demotion suggestions one click away, and the call list to export or
/// print.
class QueueView final : public QWidget {
    Q_OBJECT

public:
    explicit QueueView(Session *session, QWidget *parent = nullptr);
    /// Stops an Export… on its way: its worker leaves no file.
    ~QueueView() override;

    std::optional<CustomerId> currentCustomer() const;
    void selectRow(int row);
    CustomerTableModel *model() const { return m_model; }
    void reload();
    /// True while a worker reads the queue or its overdue count (a big database, after a change).
    bool isLoading() const;

    /// Opens the log-call dialog on the selected customer with "save and next" enabled.
    void logCall();
    /// Applies the selected row's demotion suggestion.
    void applySuggestion();
    /// Writes the call list as shown (owner filter applied) to `path`: an Excel workbook when it
    /// ends in .xlsx, else CSV for Excel, WPS and LibreOffice. All or nothing. The rows stream
    /// from the stored queue (io::exportStoredCallList), on this thread.
    Result<qint64> exportCallList(const QString &path);
    /// What Export… does once the user has chosen `path`: exports, and says so when that fails.
    /// On a big database (Session::worksInBackground()) a worker writes the file while
    /// a progress dialog with Cancel shows how far it is, and this returns true at once;
    /// exportFinished() follows, unless cancelled. Else the export is done on return.
    bool exportToFile(const QString &path);
    /// True while a worker writes an export.
    bool isExporting() const { return m_stopExport != nullptr; }
    /// The call list as an HTML table, for printing and PDF: its first printLimit() rows, and a
    /// line saying so when more are due.
    QString callListHtml() const;
    /// What a print of the call list needs from the window, for a worker thread.
    struct PrintJob {
        QString title;
        QString summary;
        QDate today;
        store::CustomerFilter filter;
        store::CustomerSort sort = store::CustomerSort::Priority;
        bool descending = false;
        int limit = 0;
    };
    /// The call list's HTML of `rows`, the first job.limit + 1 of the list (one more than printed
    /// tells that more are due); any thread.
    static QString callListHtml(const PrintJob &job, std::vector<store::CustomerRow> rows);
    /// The most rows Print… puts on paper (500, some twenty pages: a day's calls of a
    /// salesperson, not a team's backlog of a million customers); tests lower it.
    static int printLimit();
    static void setPrintLimit(int rows);
    /// What Print… does once the user has chosen `printer`: lays out callListHtml() and draws it
    /// on the printer in a worker thread (some twenty pages took over a second, which the window
    /// does not wait for); Print… is disabled until printFinished().
    void printInBackground(std::shared_ptr<QPrinter> printer);
    /// True while a worker prints the call list.
    bool isPrinting() const { return m_printing; }

signals:
    /// A worker's export has ended: `error` is empty when the file was written.
    void exportFinished(const QString &path, const QString &error);
    /// A worker starts writing an export, or has stopped (written, failed or cancelled): at a
    /// million customers it needs the memory of the search texts (see MainWindow).
    void exportStarted();
    void exportEnded();
    /// A worker's printing has ended; `ok` is false when the printer reported an error (which the
    /// user has been told).
    void printFinished(bool ok);
    void openCustomerRequested(tierdesk::CustomerId id);
    void currentCustomerChanged();

private:
    void applyFilter();
    void updateSummary();
    void showSummary(qint64 total, qint64 overdue);
    void customerUpdated(const std::optional<store::CustomerRow> &before,
                         const std::optional<store::CustomerRow> &after);
    void afterLoad();
    void updateButtons();
    void chooseExportFile();
    /// What io::exportStoredCallList() writes for the rows shown; nullopt when they are not the
    /// stored queue in its order (then the rows shown are written as they are).
    std::optional<io::StoredCallListOptions> storedExport() const;
    void exportInBackground(const QString &path, io::StoredCallListOptions options);
    void endExport();
    void choosePrinter();
    PrintJob printJob() const;

    Session *m_session;
    CustomerTableModel *m_model;
    QLabel *m_title;
    QLabel *m_summary;
    QComboBox *m_owner;
    QTableView *m_table;
    QPushButton *m_logCall;
    QPushButton *m_apply;
    QPushButton *m_export;
    QPushButton *m_print;
    /// The row to select once the queue's rows are shown, -1 for none.
    int m_selectAfterLoad = -1;
    /// "Save and next" was asked while the queue was being read: the next call then.
    bool m_logNextAfterLoad = false;
    /// The worker counting the overdue customers of a big queue.
    std::shared_ptr<std::atomic<bool>> m_stopOverdue;
    /// The overdue count the summary shows; unknown while a worker counts.
    std::optional<qint64> m_overdue;
    /// True while the model applies a change in place: the summary follows it without counting.
    bool m_updatingInPlace = false;
    /// The worker writing an export, and its progress dialog.
    std::shared_ptr<std::atomic<bool>> m_stopExport;
    QPointer<QProgressDialog> m_exportProgress;
    /// A worker prints the call list.
    bool m_printing = false;
};

} // namespace tierdesk::ui
