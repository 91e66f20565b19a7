#pragma once

#include "io/activityimport.h"
#include "io/customerimport.h"

#include <QWizard>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace tierdesk::ui {

class Session;

/// File › Import customers… / orders… / calls…: a list from Excel, WPS, a shop or phone system or
/// another CRM, in four steps.
///  1. File: the file, with its encoding and separator (detected, and overridable) and a preview.
///  2. Columns: what each column holds, guessed from the header and editable.
///  3. Review: what will happen — new customers (or orders, calls), duplicates in the database and
///     in the file with a decision for all of them and for each, the rows that cannot be imported
///     and why. Orders and calls find their customer by id, phone or e-mail.
///  4. Import: progress with cancel, then the report, the problem rows as a CSV to fix and import
///     again, and undo of the whole import. New orders and calls start a classification.
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

    /// Loads `path` as if it had been chosen in the file dialog (tests, drag and drop).
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
    /// True while the file is read, planned or imported.
    bool isBusy() const { return m_importing; }

protected:
    void initializePage(int id) override;
    bool validateCurrentPage() override;
    void reject() override;

private:
    QWizardPage *buildFilePage();
    QWizardPage *buildColumnsPage();
    QWizardPage *buildReviewPage();
    QWizardPage *buildImportPage();
    void chooseFile();
    void reload();
    void fillPreview();
    void fillColumns();
    std::vector<int> mapping() const; ///< each column's io::Field or io::ActivityField
    bool customers() const { return m_kind == Kind::Customers; }
    io::ActivityKind activityKind() const
    {
        return m_kind == Kind::Orders ? io::ActivityKind::Orders : io::ActivityKind::Calls;
    }
    void fillCustomerReview();
    void fillActivityReview();
    void finishReview(qint64 attention);
    /// Appends a row to the review: line, who (name or customer), what (phone or date), the finding.
    int addReviewRow(qint64 line, const QString &who, const QString &what, const QString &found);
    void markNotImported(int row); ///< "Not imported", in red
    int addFileProblems();         ///< the rows the file itself gets wrong, first
    QComboBox *decisionBox(const QString &objectName, std::initializer_list<io::Decision> choices,
                           io::Decision current);
    bool makePlan();
    void fillReview();
    void runImport();
    void runActivityImport(const std::function<bool(qint64, qint64)> &progress);
    /// Ends an import on the page: says what went wrong (`error`) or that it was cancelled, and
    /// returns false then; true when the report is to be shown.
    bool importFinished(const Error *error, bool cancelled);
    QString title() const;

    Session *m_session;
    Kind m_kind;
    QString m_path;
    std::optional<io::Table> m_table;
    std::optional<io::Plan> m_plan;
    std::optional<io::CustomerImportReport> m_report;
    std::optional<io::ActivityPlan> m_activityPlan;
    std::optional<io::ActivityImportReport> m_activityReport;
    bool m_importing = false;
    bool m_cancel = false;

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
