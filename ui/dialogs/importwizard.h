#pragma once

#include "backgroundread.h"
#include "io/activityimport.h"
#include "io/customerimport.h"

#include <QPointer>
#include <QWizard>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace tierdesk::ui {

class Session;
struct ExportProgress;

/// File › Import customers… / orders… / calls…: a list from Excel, WPS, a shop or phone system or
/// another CRM, in four steps.
///  1. File: the file, with its encoding and separator (detected, and overridable) and a preview.
///  2. Columns: what each column holds, guessed from the header and editable.
///  3. Review: what will happen — new customers (or orders, calls), duplicates in the database and
///     in the file with a decision for all of them and for each, the rows that cannot be imported
///     and why. Orders and calls find their customer by id, phone or e-mail.
///  4. Import: progress with cancel, then the report, the problem rows as a CSV to fix and import
///     again, and undo of the whole import. New orders and calls start a classification.
///
/// On a big database (Session::worksInBackground()) the plan is made by a worker on a
/// read-only connection (readInBackground()) and the import written by a worker on a connection
/// of its own (Database::openBeside()), still one transaction: the window stays responsive, the
/// page shows the worker's progress, and Cancel rolls it back. A classification running when the
/// import starts is waited for; one asked for meanwhile waits for the import
/// (Session::beginBackgroundImport()). On a small one both run on the window's thread.
class ImportWizard final : public QWizard {
    Q_OBJECT

public:
    enum PageId { FilePage, ColumnsPage, ReviewPage, ImportPage };
    enum class Kind { Customers, Orders, Calls };

    explicit ImportWizard(Session *session, QWidget *parent = nullptr)
        : ImportWizard(session, Kind::Customers, parent)
    {}
    ImportWizard(Session *session, Kind kind, QWidget *parent = nullptr);
    ~ImportWizard() override;

    /// Loads `path` as if it had been chosen in the file dialog (tests, drag and drop). On a big
    /// database a worker reads it (true: the read started; table() once isBusy() is false).
    bool loadFile(const QString &path);
    const std::optional<io::Table> &table() const { return m_table; }
    const std::optional<io::Plan> &plan() const { return m_plan; }
    const std::optional<io::CustomerImportReport> &report() const { return m_report; }
    const std::optional<io::ActivityPlan> &activityPlan() const { return m_activityPlan; }
    const std::optional<io::ActivityImportReport> &activityReport() const { return m_activityReport; }
    /// Writes the problem rows (the Import page's button without its file dialog).
    bool saveProblems(const QString &path);
    /// Undoes the import just made (the Import page's button without its question).
    bool undoImport();
    /// True while the file is read, the plan made or the import written (by workers on a big
    /// database).
    bool isBusy() const
    {
        return m_importing || m_stopPlan != nullptr || m_stopRead != nullptr || m_reviewFilling;
    }

protected:
    void initializePage(int id) override;
    bool validateCurrentPage() override;
    void reject() override;
    /// Finish is refused while an import is written (Cancel, Esc and closing cancel it).
    void done(int result) override;

private:
    QWizardPage *buildFilePage();
    QWizardPage *buildColumnsPage();
    QWizardPage *buildReviewPage();
    QWizardPage *buildImportPage();
    void chooseFile();
    void reload();
    /// Shows what reload() read: the preview, or why the file cannot be read.
    void showTable(Result<io::Table> loaded);
    void fillPreview();
    void fillColumns();
    std::vector<int> mapping() const; ///< each column's io::Field or io::ActivityField
    bool customers() const { return m_kind == Kind::Customers; }
    io::ActivityKind activityKind() const
    {
        return m_kind == Kind::Orders ? io::ActivityKind::Orders : io::ActivityKind::Calls;
    }
    /// The summary and the rows the file itself gets wrong; fillReviewRows() adds the rest.
    void fillCustomerReview();
    void fillActivityReview();
    /// Adds the review rows of the plan's rows from `from` on, a batch now and the next in a
    /// later turn of the event loop, while `fill` is the latest fill.
    void fillReviewRows(std::size_t from, int fill);
    /// Adds plan row `i` to the review if it needs a look (true then).
    bool addCustomerReviewRow(std::size_t i);
    bool addActivityReviewRow(std::size_t i);
    void finishReview(qint64 attention);
    /// Appends a row to the review: line, who (name or customer), what (phone or date), the finding.
    int addReviewRow(qint64 line, const QString &who, const QString &what, const QString &found);
    void markNotImported(int row); ///< "Not imported", in red
    int addFileProblems();         ///< the rows the file itself gets wrong, first
    QComboBox *decisionBox(const QString &objectName, std::initializer_list<io::Decision> choices,
                           io::Decision current);
    bool makePlan();
    io::PlanOptions planOptions() const;
    io::ActivityPlanOptions activityPlanOptions() const;
    /// Makes the plan in a worker; the Columns page waits (Next and Back disabled) and moves on to
    /// the review when it comes.
    void planInBackground();
    void endPlan();
    void fillReview();
    void runImport();
    void runActivityImport(const std::function<bool(qint64, qint64)> &progress);
    /// Writes the import in a worker (a classification that is running stops, and runs again after).
    void importInBackground();
    void showCustomerReport(const Result<io::CustomerImportReport> &report);
    void showActivityReport(const Result<io::ActivityImportReport> &report);
    /// Ends an import on the page: says what went wrong (`error`) or that it was cancelled, and
    /// returns false then; true when the report is to be shown.
    bool importFinished(const Error *error, bool cancelled);
    /// What saveProblems() writes of `table` and `plan`, in memory (the import's worker).
    template<typename Plan>
    static Result<QByteArray> rowsToFix(const io::Table &table, const Plan &plan);
    QString title() const;

    Session *m_session;
    /// The session whose search texts the wizard paused while it is open (a big database).
    QPointer<Session> m_searchPausedIn;
    Kind m_kind;
    QString m_path;
    std::optional<io::Table> m_table;
    std::optional<io::Plan> m_plan;
    std::optional<io::CustomerImportReport> m_report;
    std::optional<io::ActivityPlan> m_activityPlan;
    std::optional<io::ActivityImportReport> m_activityReport;
    /// After an import written in the background: the rows to fix, as saveProblems() writes them
    /// (the worker freed the list and its plan).
    std::optional<Result<QByteArray>> m_rowsToFix;
    bool m_importing = false;
    bool m_cancel = false;
    StopFlag m_stopRead;      ///< the file's reader, while it runs
    StopFlag m_stopPlan;      ///< the plan's worker, while it runs
    bool m_planReady = false; ///< its plan came: the next validation of the Columns page passes
    /// The import's worker: how far it is, and Cancel.
    std::shared_ptr<ExportProgress> m_importProgress;
    QTimer *m_progressTimer = nullptr;
    int m_reviewFill = 0;         ///< fills of the review so far (fillReviewRows() of the latest goes on)
    bool m_reviewFilling = false; ///< its rows are still being added
    qint64 m_reviewAttention = 0; ///< rows that need a look, listed or not
    int m_reviewRows = 0;         ///< the review's rows filled so far

    QLineEdit *m_file = nullptr;
    QComboBox *m_encoding = nullptr;
    QComboBox *m_delimiter = nullptr;
    QLabel *m_fileInfo = nullptr;
    QTableWidget *m_preview = nullptr;
    QTableWidget *m_columns = nullptr;
    QLabel *m_columnsHint = nullptr;
    QLabel *m_summary = nullptr;
    QComboBox *m_allDuplicates = nullptr;
    QTableWidget *m_review = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_saveProblems = nullptr;
    QPushButton *m_undo = nullptr;
};

} // namespace tierdesk::ui
