#pragma once

#include "model/error.h"
#include "model/types.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
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
    bool exportToFile(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void openCustomerRequested(tierdesk::CustomerId id);
    void currentCustomerChanged();

private:
    void applyFilter();
    void fillChoices();
    void updateCount(qint64 count);
    void afterLoad();
    void chooseExportFile();

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
};

} // namespace tierdesk::ui
