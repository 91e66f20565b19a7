#pragma once

#include "model/error.h"
#include "model/types.h"

#include <QPointer>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QPushButton;
class QTableView;
class QTimer;

namespace tierdesk::ui {

class CustomerTableModel;
class Session;

/// The Customers place: search as you type, filters with a live count, and the whole database
/// in a table that pages from SQL.
class CustomersView final : public QWidget {
    Q_OBJECT

public:
    explicit CustomersView(Session *session, QWidget *parent = nullptr);
    /// Stops an Export… that a worker writes: it leaves no file (closing the window does not
    /// wait seconds for a million rows).
    ~CustomersView() override;

    std::optional<CustomerId> currentCustomer() const;
    void selectCustomer(CustomerId id);
    CustomerTableModel *model() const { return m_model; }
    /// Re-reads the owners and tags for the filters and reloads the table.
    void reload();
    void focusSearch();
    /// Writes the customers as the table shows them (search, filters, order) to `path`: an Excel
    /// workbook when it ends in .xlsx, else CSV for Excel, WPS and LibreOffice. All or nothing.
    Result<qint64> exportCustomers(const QString &path);
    /// What Export… does once the user has chosen `path`: exports, and says so when that fails.
    /// On a big database a worker writes the file while a progress dialog (with Cancel) shows how
    /// far it is, and this returns at once; exportFinished() tells the end.
    bool exportToFile(const QString &path);
    /// True while a worker writes an Export… (Export… is disabled meanwhile).
    bool isExporting() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void openCustomerRequested(tierdesk::CustomerId id);
    void currentCustomerChanged();
    /// An Export… written by a worker ended: `error` is empty when the file was written, and
    /// says why it was not otherwise (also shown to the user); a cancelled export says nothing.
    void exportFinished(const QString &path, const QString &error);

private:
    void applyFilter();
    void fillChoices();
    void updateCount(qint64 count);
    void afterLoad();
    void chooseExportFile();
    void exportInBackground(const QString &path);
    void endExport();

    Session *m_session;
    CustomerTableModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_tier;
    QComboBox *m_segment;
    QComboBox *m_lifecycle;
    QComboBox *m_grade;
    QComboBox *m_owner;
    QComboBox *m_tag;
    QLabel *m_count;
    QPushButton *m_export;
    QTableView *m_table;
    QTimer *m_searchTimer;
    /// The customer to select again once the rows of a reload are shown.
    std::optional<CustomerId> m_keepAfterLoad;
    /// The worker's Export…, and its dialog (see exportInBackground()).
    std::shared_ptr<std::atomic<bool>> m_stopExport;
    QPointer<QProgressDialog> m_exportProgress;
};

} // namespace tierdesk::ui
