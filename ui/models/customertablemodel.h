#pragma once

#include "store/customerquery.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QTimer>

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
    /// The filter of the rows shown (while loading, those of the filter before).
    const store::CustomerFilter &filter() const { return m_shown.filter; }
    /// The order of the rows shown (the column the user sorted by), for exports in the same order.
    store::CustomerSort sortKey() const { return m_shown.sort; }
    bool isDescending() const { return m_shown.descending; }
    /// The order used for the Rank column's "queue" sort and as the default.
    void setDefaultSort(store::CustomerSort sort) { m_defaultSort = sort; }
    /// Re-counts and drops the cached pages (after a write or a classification). On a big
    /// database (loadsInBackground()) a worker reads the count and the first page: the model
    /// shows the rows it had until they arrive, and loaded() follows. A newer reload drops the
    /// answer of an older one. A search there reads its first page alone: when the page is full
    /// the rows show at once with isCountExact() false, and a worker counts the rest (unless the
    /// page's worker found every match already: its count comes with the rows).
    void reload();
    /// True from a reload in a worker until its rows are shown (loaded()).
    bool isLoading() const { return m_stopLoad != nullptr; }
    /// True while a worker reads a page the view asked for (a big database: see data()).
    bool isReadingPages() const { return !m_pageReads.isEmpty(); }
    /// Before a write that changes one customer (Session::customerAboutToChange): notes that
    /// customer's row as the list has it, if the list has it, for updateCustomer().
    void rememberCustomer(CustomerId id);
    /// After that write (Session::customerChanged): applies it to the rows without reading the
    /// list again when the result is sure to be the same as a reload's. A row whose place in the
    /// order is the same is replaced; a row that leaves the list is taken out (the count goes
    /// down by one); a customer neither before nor after in the list changes nothing. Then
    /// customerUpdated() follows, and true. False, and nothing done, when the list must be read
    /// again (reload()): a search, a customer who enters the list or moves in its order, a row
    /// that leaves from beyond the pages read, a count not yet exact, a reload on its way.
    bool updateCustomer(CustomerId id);
    /// On a big database (loadsInBackground()), has a worker read every customer's search text
    /// into memory (store::CustomerQuery::prepareSearchSnapshot()), unless it is there and
    /// current: searches by name then find their rows and count in about 10 ms at a million
    /// customers. For the list with the search box: at opening and after customers changed.
    void prepareSearch();
    /// Frees what prepareSearch() read (before a classification of everyone, which needs the
    /// memory); searches use the search index until prepareSearch() again.
    void releaseSearch();
    /// The fewest customers for which prepareSearch() reads the texts (50,000; tests lower it).
    static qint64 searchSnapshotCustomers();
    static void setSearchSnapshotCustomers(qint64 customers);
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
    /// How many of the rows a worker counted (countInBackground()) are added to the list in one
    /// turn of the window's event loop (131,072; tests lower it). The table's header makes a
    /// section for each row, on fresh memory: a million rows at once held the window for 40 ms on
    /// a quiet machine, and over 100 ms while the morning's classification took both cores.
    static qint64 insertStepRows();
    static void setInsertStepRows(qint64 rows);
    /// The last error of a query (shown by the view), empty when fine.
    QString lastError() const { return m_error; }
    /// The widest texts a column can show, in the UI's language (for the initial column widths);
    /// for the names, a long one of each kind that the column shows whole; empty for the other
    /// free text (companies, owners, reasons).
    static QStringList sampleTexts(int column);
    /// All matching rows in the current order (exports).
    Result<std::vector<store::CustomerRow>> allRows() const;
    /// The first `count` matching rows in the current order (printing).
    Result<std::vector<store::CustomerRow>> firstRows(qint64 count) const;

signals:
    void countChanged(qint64 count);
    /// The rows of the last reload are shown: at once on a small database, when the worker
    /// answers on a big one.
    void loaded();
    /// updateCustomer() applied a change in place: the customer's row before and after it, each
    /// only when it is in the list (the count changed when only `before` is).
    void customerUpdated(const std::optional<tierdesk::store::CustomerRow> &before,
                         const std::optional<tierdesk::store::CustomerRow> &after);

private:
    static constexpr int kPageSize = 256;
    static constexpr int kMaxPages = 64;
    /// What the rows are: the filter and the order.
    struct Query {
        store::CustomerFilter filter;
        store::CustomerSort sort = store::CustomerSort::Name;
        bool descending = false;
    };
    /// A reload's answer from a worker: the count (up to quickCountLimit()) and the first page.
    struct Loaded {
        qint64 count = 0;
        bool exact = true;
        std::vector<store::CustomerRow> firstPage;
        /// The exact count of a search whose page was found among all its matches
        /// (store::CustomerQuery::knownCount()), when `count` is not.
        std::optional<qint64> counted;
    };
    /// The row, from the pages read. A page not read yet is read at once, or with `wait` false
    /// on a big database by a worker (nullptr until then; dataChanged() follows).
    const store::CustomerRow *fetch(int row, bool wait = true) const;
    void readPage(qint64 page) const;
    void showPage(qint64 page, const Result<std::vector<store::CustomerRow>> &rows);
    /// Stops the page reads on their way: the pages they read are no longer where they were.
    void dropPageReads() const;
    void loadInBackground(const Query &query);
    void show(const Query &query, const Result<Loaded> &answer);
    void countInBackground();
    /// Adds the next insertStepRows() of the rows counted (m_counted), and queues the step after
    /// it; after the last one the count is exact (countChanged()).
    void insertCountedRows();

    Session *m_session;
    // What was asked for (setFilter, sort) ...
    store::CustomerFilter m_filter;
    store::CustomerSort m_sort = store::CustomerSort::Name;
    store::CustomerSort m_defaultSort = store::CustomerSort::Name;
    bool m_descending = false;
    // ... and what the rows shown are: the same, but for a reload still in a worker.
    Query m_shown;
    qint64 m_count = 0;
    bool m_countExact = true;
    /// The worker reading a reload's count and first page; set by the next reload.
    std::shared_ptr<std::atomic<bool>> m_stopLoad;
    /// The worker counting the rest of a big search; set on the next reload, which drops its count.
    std::shared_ptr<std::atomic<bool>> m_stopCount;
    /// The rows that worker counted, while they are added a step at a time (insertCountedRows()).
    qint64 m_counted = 0;
    /// Runs the next step of insertCountedRows(); a reload stops it. A timer, not a queued call: the
    /// window handles its posted events, queued calls among them, until none is left before it
    /// looks at its timers and input again, so a chain of queued steps would be one long stall.
    QTimer *m_insertStep;
    mutable QHash<qint64, std::vector<store::CustomerRow>> m_pages;
    /// The workers reading pages for the view (data() on a big database), by page.
    mutable QHash<qint64, std::shared_ptr<std::atomic<bool>>> m_pageReads;
    /// The worker of prepareSearch(), and whether it is to run again when it is done.
    std::shared_ptr<std::atomic<bool>> m_preparingSearch;
    bool m_prepareSearchAgain = false;
    /// The list's pages are read by workers (loadsInBackground(), known at the last reload).
    bool m_pagesInBackground = false;
    mutable QString m_error;
    /// The row of rememberCustomer(), and of which list (a reload forgets it).
    struct Remembered {
        CustomerId id = 0;
        std::optional<store::CustomerRow> row;
    };
    std::optional<Remembered> m_remembered;
};

} // namespace tierdesk::ui
