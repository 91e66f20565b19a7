#pragma once

#include "classify/classify.h"
#include "classify/settings.h"
#include "customerquery.h"
#include "model/error.h"
#include "model/types.h"

#include <QByteArrayView>
#include <QDateTime>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

struct sqlite3;

namespace tierdesk::store {

class Database;

/// What a merge changed, so that it can be undone exactly.
struct MergeRecord {
    CustomerId kept = 0;
    Customer keptBefore; ///< the kept customer's profile before the merge
    Customer removed;    ///< the merged-away customer, as it was
    std::vector<std::int64_t> movedOrders;
    std::vector<std::int64_t> movedCalls;
};

/// Customers: the profile a salesperson edits. Normalised phone and e-mail keys (spec §13) are
/// maintained here, on every write.
class CustomerRepository final {
public:
    explicit CustomerRepository(Database &db)
        : m_db(db)
    {}

    /// Inserts `c`; an id of 0 lets the database choose one. Returns the id.
    Result<CustomerId> add(const Customer &c);
    Result<void> update(const Customer &c);
    Result<std::optional<Customer>> find(CustomerId id);
    Result<void> setArchived(CustomerId id, bool archived);
    /// Other customers sharing a phone or e-mail key with `c` (duplicate candidates), by id.
    Result<std::vector<CustomerId>> duplicatesOf(const Customer &c);
    Result<qint64> count();

    /// Merges `other` into `keep` in one transaction: every order, call and tag of `other` moves
    /// to `keep`, empty profile fields of `keep` are filled from `other`, and `other` is removed.
    Result<MergeRecord> merge(CustomerId keep, CustomerId other);
    /// Undoes a merge: restores the removed customer with its id, moves its orders and calls back
    /// and restores the kept customer's profile.
    Result<void> unmerge(const MergeRecord &record);

private:
    Result<void> writeTags(CustomerId id, const QStringList &tags);
    Database &m_db;
};

class OrderRepository final {
public:
    explicit OrderRepository(Database &db)
        : m_db(db)
    {}
    Result<std::int64_t> add(const Order &o);
    /// Newest first.
    Result<std::vector<Order>> forCustomer(CustomerId id);

private:
    Database &m_db;
};

class CallRepository final {
public:
    explicit CallRepository(Database &db)
        : m_db(db)
    {}
    /// Logs a call in one write transaction. Returns its id.
    Result<std::int64_t> add(const Call &c);
    /// Newest first.
    Result<std::vector<Call>> forCustomer(CustomerId id);

private:
    Database &m_db;
};

/// The classification settings, shared by the team through the database.
class SettingsRepository final {
public:
    explicit SettingsRepository(Database &db)
        : m_db(db)
    {}
    Result<classify::Settings> load();
    Result<void> save(const classify::Settings &s);

private:
    Database &m_db;
};

/// The one pass over customers, orders and calls that builds every customer's facts as of T.
class MetricsQuery final {
public:
    explicit MetricsQuery(Database &db)
        : m_db(db)
    {}
    /// All customers, ordered by id.
    Result<std::vector<classify::CustomerFacts>> all(QDate asOf, const classify::Settings &s);
    /// One customer (after logging a call or an order).
    Result<classify::CustomerFacts> one(CustomerId id, QDate asOf, const classify::Settings &s);

private:
    Result<std::vector<classify::CustomerFacts>> load(std::optional<CustomerId> only, QDate asOf,
                                                      const classify::Settings &s);
    Database &m_db;
};

/// Summary of the latest stored classification.
struct ClassificationRunInfo {
    QDate asOf;
    QDateTime finishedAt;
    qint64 customers = 0;
    qint64 buyers = 0;
    qint64 spenders = 0;
    qint64 tierACutoff = 0;
    qint64 tierBCutoff = 0;
    qint64 durationMs = 0;
};

/// The six contact texts of a customer as the database holds them (UTF-8), viewed in a
/// ContactBook: valid while the book lives.
struct ContactTexts {
    QByteArrayView name, company, phone, email, owner, city;
};

/// Contact details of many customers (a day's call list) in little memory: the six texts of a
/// row packed in one UTF-8 buffer, instead of six QStrings a row.
class ContactBook final {
public:
    /// The rows, in the order they were asked for.
    std::size_t size() const { return m_offsets.size(); }
    /// False when that customer was not found.
    bool found(std::size_t row) const { return m_offsets[row] != kMissing; }
    /// Sets name, company, phone, e-mail, owner and city of `out` from row `row` (found).
    void fill(std::size_t row, CustomerRow &out) const;
    /// The same texts of row `row` (found), as UTF-8 without a copy.
    ContactTexts texts(std::size_t row) const;
    /// Asks the CPU to fetch the texts of row `row` (found), for a texts() a little later: rows
    /// taken in another order than they were read in (a queue's) miss the cache each.
    void prefetch(std::size_t row) const
    {
        const char *p = this->row(row);
        __builtin_prefetch(p);
        __builtin_prefetch(p + 64);
    }
    /// Keeps the rows of the customers `ids` (ascending) of a book whose rows are the customers
    /// `rowIds` (ascending): row k is then `ids[k]`'s, not found when `rowIds` lacks it.
    void keepRows(std::span<const CustomerId> rowIds, std::span<const CustomerId> ids);
    /// Puts the rows in another order: row i becomes what row `order[i]` was.
    void reorder(std::span<const std::uint32_t> order);

private:
    friend class ContactQuery;
    static constexpr std::uint64_t kMissing = ~std::uint64_t(0);
    /// The block a new row goes to (appended to its end), and where the row starts. Blocks of a
    /// few MB, each filled once: one growing buffer copied itself at each doubling and was a
    /// sixth of a call list's export at a million customers.
    std::string &blockForRow(std::uint64_t &at);
    const char *row(std::size_t row) const
    {
        const std::uint64_t at = m_offsets[row];
        return m_blocks[std::size_t(at >> 32)].data() + (at & 0xffffffffu);
    }
    std::vector<std::uint64_t> m_offsets; ///< where each row starts: block << 32 | offset in it
    std::vector<std::string> m_blocks;    ///< per row six fields, each a length (varint) and UTF-8
};

/// A day's queue as stored by the latest classification (ClassificationStore::currentQueue):
/// the spec's order, about 40 bytes a row plus the contact texts.
class StoredQueue final {
public:
    std::size_t size() const { return m_entries.size(); }
    /// Row `i` of the queue with its contact details, as the customer table shows it (the
    /// values a call list writes; `out` is reused so that its strings keep their memory).
    void fill(std::size_t i, CustomerRow &out) const;
    /// The same without the contact texts: name, company, phone, e-mail, owner and city of `out`
    /// are left as they are.
    void fillColumns(std::size_t i, CustomerRow &out) const;
    /// The contact texts of row `i`, as UTF-8 (see ContactBook::texts()).
    ContactTexts contacts(std::size_t i) const { return m_contacts.texts(i); }
    /// See ContactBook::prefetch().
    void prefetchContacts(std::size_t i) const { m_contacts.prefetch(i); }

private:
    friend class ClassificationStore;
    struct Entry {
        CustomerId id = 0;
        std::int32_t lastContact = 0, due = 0, reasonDate = 0; ///< Julian days, 0: none
        std::int32_t reasonCadence = 0;
        std::int8_t grade = -1, demoteTo = -1, tier = -1, lifecycle = -1, segment = -1,
                    lastOutcome = -1; ///< enumeration codes, -1: NULL
        std::int8_t reasonKind = 0;
        bool gradeSuggested = false;
    };
    std::vector<Entry> m_entries;
    ContactBook m_contacts; ///< row i: the contacts of m_entries[i]
};

/// The stored results of the latest classification.
class ClassificationStore final {
public:
    explicit ClassificationStore(Database &db)
        : m_db(db)
    {}
    /// Replaces every stored result in one transaction, and keeps the tiers as the snapshot of
    /// the as-of month (the latest run of a month wins). `facts[i]` and `run.rows[i]` describe the
    /// same customer.
    ///
    /// `factsGeneration` is Database::writeGeneration() from before the facts were read. When no
    /// other write was committed between then and this one, the run records the count, and
    /// currentQueue() can take the stored queue for a fresh one until the next write.
    Result<void> replace(std::span<const classify::CustomerFacts> facts, const classify::Run &run,
                         qint64 durationMs, std::optional<std::int64_t> factsGeneration = std::nullopt);
    /// The same, each row worked out by `classifier` when it is compared and again when it is
    /// written: the run's results are never all held (136 bytes a customer).
    Result<void> replace(const classify::Classifier &classifier, qint64 durationMs,
                         std::optional<std::int64_t> factsGeneration = std::nullopt);
    /// Called by replace() on its thread once it holds the write lock, with its connection's stop
    /// flag (Database::stopFlag(), may be null): tests hold a run there, as a long write at a
    /// million customers would be. Set it while no run is going; an empty function removes it.
    static void setWriteStartedHook(std::function<void(const std::atomic<bool> *)> hook);
    /// What of one customer's stored row depends on its own facts alone: refreshed after a call, an
    /// order or a change of grade, without a full run.
    struct OwnResult {
        classify::FollowUp plan;
        std::optional<Grade> grade; ///< set by hand, else suggested by the MAN answers
        bool gradeSuggested = false;
        std::optional<Grade> demoteTo;
        int priority = 5;
    };
    /// Updates one customer's due date, reason, last contact, grade, demotion suggestion and
    /// priority class.
    Result<void> updateFollowUp(const classify::CustomerFacts &facts, const OwnResult &own);
    Result<std::optional<classify::Classification>> find(CustomerId id);
    Result<std::optional<ClassificationRunInfo>> lastRun();

    /// The queue of `day` (spec §10: not archived, due on or before `day`; by priority class,
    /// due date, spend descending, id), read from the stored results, when they are exactly
    /// what a fresh classification of `day` would give: the latest run was as of `day`, it knew
    /// the write count its facts were read at, and nothing has been written since (the count
    /// is unchanged). Any write counts, the one-customer update after a logged call too: its
    /// new facts may move what a full run decides for everyone (ranks, cut-offs). Otherwise
    /// nullopt: classify afresh.
    /// One read transaction; about 0.1 KB a row.
    Result<std::optional<StoredQueue>> currentQueue(QDate day);
    /// The stored queue of `day` as Today's calls shows it (CustomerQuery with
    /// CustomerFilter::dueOnOrBefore and CustomerSort::Priority), current or not, of one owner's
    /// customers, or of everyone's when `owner` is empty. One read transaction, as currentQueue().
    Result<StoredQueue> storedQueue(QDate day, const QString &owner = {});

private:
    /// The queue of `day` (of `owner`'s customers unless empty), in the current transaction.
    Result<StoredQueue> readQueue(QDate day, const QString &owner);
    Database &m_db;
};

/// Contact details for call lists, fetched in one statement per customer.
struct ContactRow {
    CustomerId id = 0;
    QString name;
    QString company;
    QString phone;
    QString email;
    QString owner;
    QString city;
};

class ContactQuery final {
public:
    explicit ContactQuery(Database &db)
        : m_db(db)
    {}
    /// The contact rows of `ids`, in the same order; missing ids are skipped.
    Result<std::vector<ContactRow>> fetch(std::span<const CustomerId> ids);
    /// The same, packed: row i is `ids[i]` (not found when missing).
    Result<ContactBook> fetchPacked(std::span<const CustomerId> ids);
    /// The same on the connection `db` (a helper thread's), in its current transaction if any.
    static Result<ContactBook> fetchPacked(sqlite3 *db, std::span<const CustomerId> ids);
    /// The contacts of every customer due on or before `dueBy` in the stored classification (a
    /// day's queue: not archived, `due_date <= dueBy`; every customer when `dueBy` is invalid),
    /// only of `owner`'s customers unless empty, in id order, packed, on the connection `db` in its
    /// current transaction: row k is `ids[k]`, which this fills. `expected`: about how many
    /// customers there are (memory is reserved for them).
    static Result<ContactBook> fetchAllPacked(sqlite3 *db, const QString &owner, QDate dueBy,
                                              std::size_t expected, std::vector<CustomerId> &ids);

private:
    Database &m_db;
};

} // namespace tierdesk::store
