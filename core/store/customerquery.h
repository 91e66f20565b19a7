#pragma once

#include "classify/classification.h"
#include "model/error.h"
#include "model/types.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace tierdesk::store {

class Database;

/// What the customer table shows; every part narrows the list (AND).
struct CustomerFilter {
    /// Free text over name, company, phone (digits in any format) and e-mail; substrings,
    /// Chinese included.
    QString search;
    std::optional<ValueTier> tier;
    std::optional<Segment> segment;
    std::optional<Lifecycle> lifecycle;
    std::optional<Grade> grade;
    QString owner; ///< empty: everyone's
    QString tag;   ///< a hand-set tag; empty: any
    bool includeArchived = false;
    /// Only customers due on or before this day (the queue); invalid: no limit.
    QDate dueOnOrBefore;

    friend bool operator==(const CustomerFilter &, const CustomerFilter &) = default;
};

enum class CustomerSort {
    Id,
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
    NextDue,
    Monetary,
    Priority, ///< the queue's order: class, days overdue, monetary, id
};

/// One row of the customer table or the queue: plain values, no SQL behind them.
struct CustomerRow {
    CustomerId id = 0;
    QString name;
    QString company;
    QString phone;
    QString email;
    QString owner;
    QString city;
    std::optional<ValueTier> tier;
    std::optional<Segment> segment;
    std::optional<Lifecycle> lifecycle;
    std::optional<Level> loyalty;
    std::optional<Grade> grade; ///< hand-set or suggested
    bool gradeSuggested = false;
    std::optional<Grade> demoteTo;
    Cents monetary = 0;
    QDate lastContact;
    std::optional<Outcome> lastOutcome;
    QDate due;
    classify::DueReason reason;
    int priority = 5;
    bool archived = false;
};

/// True when `a` and `b`, two rows of one customer (before and after a write), have the same
/// place in a list sorted by `sort`: every column its ORDER BY reads is the same in both (ties go
/// by id). Gaining or losing a stored classification counts as a move in every order (the
/// orders by a classification column put the unclassified last).
bool sortsAlike(CustomerSort sort, const CustomerRow &a, const CustomerRow &b);

/// The paged, filtered, sorted view over every customer that the table models read. Sorting and
/// filtering happen in SQL so that a million customers cost one page at a time.
class CustomerQuery final {
public:
    explicit CustomerQuery(Database &db)
        : m_db(db)
    {}

    /// How many customers match (`count(*)`).
    Result<qint64> count(const CustomerFilter &filter);
    /// The count when it is quick to know; `atMost + 1` when it is more than `atMost` and knowing
    /// how many would read most of the customers (a search of a character or two found in nearly
    /// every row: a third of a second at a million customers). Stops after `atMost + 1` matches.
    Result<qint64> countAtMost(const CustomerFilter &filter, qint64 atMost);
    /// The count of `filter` when this thread knows it already, with nothing more to read: the
    /// last page() or count() of this search on this thread found every match in the texts in
    /// memory (prepareSearchSnapshot()), and the data has not changed since. nullopt otherwise
    /// (count() then). For a worker that read a search's first page: its count comes with it.
    Result<std::optional<qint64>> knownCount(const CustomerFilter &filter);
    /// `limit` rows from `offset` in the given order (ties broken by id).
    Result<std::vector<CustomerRow>> page(const CustomerFilter &filter, CustomerSort sort, bool descending,
                                          qint64 offset, int limit);
    /// Reads every customer's search text into memory (SearchSnapshot), kept for this database
    /// file while its search index does not change, when the database has `minCustomers` or more:
    /// from then on a search by name finds its first page and its count from memory (about 10 ms
    /// at a million customers instead of up to 190 ms). About 100 MB and a second at a million
    /// customers: for a worker, at opening and after customers changed. True when one is ready.
    Result<bool> prepareSearchSnapshot(qint64 minCustomers = kSearchSnapshotCustomers);
    /// Frees the texts of prepareSearchSnapshot() (before something else needs the memory: a
    /// classification of everyone). A snapshot being read meanwhile is not kept either.
    static void releaseSearchSnapshots();
    /// Below this many customers the search index answers every search quickly enough.
    static constexpr qint64 kSearchSnapshotCustomers = 50000;

    /// One row by id (after an edit), or nullopt.
    Result<std::optional<CustomerRow>> row(CustomerId id);
    /// The row of `id` if that customer is among those `filter` lets through, else nullopt: what
    /// a list shows of one customer before and after a write, without reading the list. The
    /// filter must have no search text (an error otherwise).
    Result<std::optional<CustomerRow>> rowIn(const CustomerFilter &filter, CustomerId id);

    /// The owners and tags in use, for the filter menus.
    Result<QStringList> owners();
    Result<QStringList> tags();

private:
    Database &m_db;
};

} // namespace tierdesk::store
