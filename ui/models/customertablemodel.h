#pragma once

#include "store/customerquery.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace tierdesk::ui {

class Session;

/// Customers of the open database as a table, a page at a time: filtering, sorting and counting
/// happen in SQL (store::CustomerQuery), the model keeps only the pages the view has asked for.
/// Serves both the customer list and the follow-up queue (a filter with dueOnOrBefore and the
/// Priority order).
class CustomerTableModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Rank,
        Name,
        Company,
        Phone,
        Owner,
        ValueTier,
        Segment,
        Lifecycle,
        Loyalty,
        Grade,
        LastContact,
        LastOutcome,
        NextDue,
        Overdue,
        Reason,
        Suggestion,
        Monetary,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, ///< CustomerId (qint64)
        OverdueRole,               ///< days overdue (int), 0 when not overdue
        SuggestionRole,            ///< the suggested grade's text form, or empty
    };

    explicit CustomerTableModel(Session *session, QObject *parent = nullptr);
    ~CustomerTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilter(const store::CustomerFilter &filter);
    const store::CustomerFilter &filter() const { return m_filter; }
    /// The order of the rows (the column the user sorted by), for exports in the same order.
    store::CustomerSort sortKey() const { return m_sort; }
    bool isDescending() const { return m_descending; }
    /// The order used for the Rank column's "queue" sort and as the default.
    void setDefaultSort(store::CustomerSort sort) { m_defaultSort = sort; }
    /// Re-counts and drops the cached pages (after a write or a classification).
    void reload();
    /// The row of a customer if it is in a page already loaded; -1 otherwise.
    int rowOf(CustomerId id) const;
    std::optional<store::CustomerRow> rowAt(int row) const;
    /// False while the exact count of a big search is worked out in a worker thread: until then
    /// rowCount() is the first quickCountLimit() rows, and countChanged() follows with the count.
    bool isCountExact() const { return m_countExact; }
    /// How many matches a search counts in the window's thread before it leaves the rest to a
    /// worker (5000; tests lower it).
    static qint64 quickCountLimit();
    static void setQuickCountLimit(qint64 rows);
    /// The last error of a query (shown by the view), empty when fine.
    QString lastError() const { return m_error; }
    /// The widest texts a column can show, in the UI's language (for the initial column widths);
    /// empty for free text (names, companies, owners, reasons).
    static QStringList sampleTexts(int column);
    /// All matching rows in the current order (exports, printing).
    Result<std::vector<store::CustomerRow>> allRows() const;

signals:
    void countChanged(qint64 count);

private:
    static constexpr int kPageSize = 256;
    static constexpr int kMaxPages = 64;
    const store::CustomerRow *fetch(int row) const;
    void countInBackground();

    Session *m_session;
    store::CustomerFilter m_filter;
    store::CustomerSort m_sort = store::CustomerSort::Name;
    store::CustomerSort m_defaultSort = store::CustomerSort::Name;
    bool m_descending = false;
    qint64 m_count = 0;
    bool m_countExact = true;
    /// The worker counting the rest of a big search; set on the next reload, which drops its count.
    std::shared_ptr<std::atomic<bool>> m_stopCount;
    mutable QHash<qint64, std::vector<store::CustomerRow>> m_pages;
    mutable QString m_error;
};

} // namespace tierdesk::ui
