#pragma once

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

/// File › Import customers…: a customer list from Excel, WPS or another CRM, in four steps.
///  1. File: the file, with its encoding and separator (detected, and overridable) and a preview.
///  2. Columns: what each column holds, guessed from the header and editable.
///  3. Review: what will happen — new customers, duplicates in the database and in the file with
///     a decision for all of them and for each, the rows that cannot be imported and why.
///  4. Import: progress with cancel, then the report, the problem rows as a CSV to fix and import
///     again, and undo of the whole import.
class ImportWizard final : public QWizard {
    Q_OBJECT

public:
    enum PageId { FilePage, ColumnsPage, ReviewPage, ImportPage };

    explicit ImportWizard(Session *session, QWidget *parent = nullptr);
    ~ImportWizard() override;

    /// Loads `path` as if it had been chosen in the file dialog (tests, drag and drop).
    bool loadFile(const QString &path);
    const std::optional<io::Table> &table() const { return m_table; }
    const std::optional<io::Plan> &plan() const { return m_plan; }
    const std::optional<io::CustomerImportReport> &report() const { return m_report; }
    /// Writes the problem rows (the Import page's button without its file dialog).
    bool saveProblems(const QString &path);
    /// Undoes the import just made (the Import page's button without its question).
    bool undoImport();

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
    std::vector<io::Field> mapping() const;
    bool makePlan();
    void fillReview();
    void runImport();

    Session *m_session;
    QString m_path;
    std::optional<io::Table> m_table;
    std::optional<io::Plan> m_plan;
    std::optional<io::CustomerImportReport> m_report;
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
