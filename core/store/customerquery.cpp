#include "customerquery.h"

#include "database.h"
#include "schema.h"
#include "search.h"
#include "searchindex.h"
#include "searchsnapshot.h"
#include "sqlite.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <functional>
#include <mutex>
#include <numeric>
#include <optional>
#include <string_view>
#include <thread>

namespace tierdesk::store {
namespace {

// The details of the rows of a page, looked up by id once the page's ids are known.
constexpr const char *kColumns =
    "c.id, c.name, c.company, c.phone, c.email, c.owner, c.city, k.value_tier, k.segment, k.lifecycle, "
    "k.loyalty, "
    "k.grade, k.grade_suggested, k.demote_to, k.monetary, k.last_contact, k.last_outcome, k.due_date, "
    "k.reason_kind, k.reason_date, k.reason_cadence, k.priority, c.archived";

/// A WHERE clause with its bound values, built from a filter. Only fixed SQL text is spliced in;
/// every user value is bound.
struct Where {
    QByteArray sql;
    QList<QString> values;

    void add(const char *clause, const QString &value)
    {
        sql += sql.isEmpty() ? " WHERE " : " AND ";
        const QByteArray placeholder = QByteArray("?") + QByteArray::number(values.size() + 1);
        sql += QByteArray(clause).replace(QByteArray("?"), placeholder);
        values.append(value);
    }
    void add(const char *clause)
    {
        sql += sql.isEmpty() ? " WHERE " : " AND ";
        sql += clause;
    }
    void bind(Statement &s) const
    {
        for (qsizetype i = 0; i < values.size(); ++i)
            s.bindText(int(i + 1), values[i]);
    }
};

Result<qint64> scalar(sqlite3 *db, const QByteArray &sql, const Where *w = nullptr)
{
    auto s = Statement::prepare(db, sql.constData());
    if (!s)
        return std::unexpected(s.error());
    if (w)
        w->bind(*s);
    const int rc = s->step();
    if (rc != SQLITE_ROW)
        return std::unexpected(sqliteError(db, rc, {}));
    return s->int64(0);
}

/// An FTS5 phrase: the text in double quotes, inner quotes doubled, so that nothing the user
/// types is read as query syntax.
QString ftsPhrase(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

/// How a search runs. Three characters or more are a phrase of the trigram index. One or two
/// are the trigrams that start with them (the index's terms, listed by fts5vocab): every character
/// of the indexed text starts a trigram (searchText() ends in two line ends), so a row contains
/// the text exactly when it has one of those trigrams. SQLite 3.40 answers LIKE wrongly on a
/// trigram table for patterns that short, and scanning every row with instr() took a quarter of a
/// second at a million customers.
struct Search {
    bool active = false;
    QString term;         ///< what is looked for, lower-cased (digits only for a phone number)
    QString match;        ///< the FTS5 query; empty with `scan` or when nothing can match
    bool scan = false;    ///< too many trigrams: every row's text is read
    bool dense = false;   ///< finds a good part of everyone: tested on each row the list reads
    bool nothing = false; ///< no row can match
    /// The texts are pending (searchindex.h): the index is empty, and each row's text is read
    /// from customer_search_pending (with `scan` and `dense`).
    bool pending = false;
    /// The table of the texts, each row's rowid a customer's id.
    const char *texts() const { return pending ? "customer_search_pending" : "customer_search"; }
};

Result<Search> readSearch(sqlite3 *db, const QString &needle);

/// The search of a filter. A keystroke asks twice (the count, then the first page) and a
/// scrolled list once per page: a search of one or two characters reads the index's vocabulary
/// (0.15 s for "1" at a million customers), so the last one is kept until the data changes.
Result<Search> prepareSearch(sqlite3 *db, const CustomerFilter &f)
{
    const QString needle = f.search.trimmed().toLower();
    if (needle.isEmpty())
        return Search{};
    struct Last {
        sqlite3 *db = nullptr;
        DataVersion version;
        QString needle;
        Search search;
    };
    thread_local Last last;
    const DataVersion version = dataVersion(db);
    if (last.db == db && last.version == version && last.needle == needle)
        return last.search;
    auto search = readSearch(db, needle);
    if (search)
        last = Last{db, version, needle, *search};
    return search;
}

/// The fewest rows a sample of the search index must have to tell a dense search (below that,
/// the index's terms are quick to read anyway).
constexpr qint64 kDensitySample = 200;
/// The rows of that sample: the first ones of the index in storage order.
constexpr qint64 kDensitySampleRows = 2000;

/// What a search looks for in the texts: the trimmed, lower-cased needle, or its digits when it
/// is a phone number typed with separators ("138-0013").
QString searchTerm(const QString &needle)
{
    const QString digits = digitsOf(needle);
    const bool phoneLike = digits.size() >= 3 && digits.size() * 2 >= needle.size();
    return phoneLike ? digits : needle;
}

Result<Search> readSearch(sqlite3 *db, const QString &needle)
{
    Search out;
    out.active = true;
    out.term = searchTerm(needle);
    auto pending = searchindex::isPending(db);
    if (!pending)
        return std::unexpected(pending.error());
    if (*pending) {
        out.pending = out.scan = out.dense = true;
        return out;
    }
    if (out.term.size() >= 3) {
        out.match = ftsPhrase(out.term);
        return out;
    }
    // A character found in most rows ("1" in every phone number): testing each row the list
    // reads finds a page at once, while listing its trigrams reads their whole lists (0.15 s
    // for "1" at a million customers). A sample of the rows in storage order tells.
    {
        const QByteArray sql =
            "SELECT count(*), total(instr(text, ?1) > 0) FROM (SELECT text FROM customer_search LIMIT " +
            QByteArray::number(kDensitySampleRows) + ")";
        auto sample = Statement::prepare(db, sql.constData());
        if (!sample)
            return std::unexpected(sample.error());
        sample->bindText(1, out.term);
        const int rc = sample->step();
        if (rc != SQLITE_ROW)
            return std::unexpected(sqliteError(db, rc, {}));
        const qint64 rows = sample->int64(0);
        if (rows >= kDensitySample && sample->int64(1) * 4 > rows) {
            out.scan = out.dense = true;
            return out;
        }
    }
    // The trigrams that start with the term: [term, term with its last byte raised).
    const QByteArray from = out.term.toUtf8();
    QByteArray to = from;
    to[to.size() - 1] = char(uchar(to.back()) + 1);
    auto s = Statement::prepare(
        db, "SELECT term, doc FROM temp.tierdesk_search_terms WHERE term >= ?1 AND term < ?2");
    if (!s) {
        // The vocabulary table of this connection, created on first use (temp: nothing is
        // written to the database).
        char *message = nullptr;
        sqlite3_exec(db,
                     "CREATE VIRTUAL TABLE IF NOT EXISTS temp.tierdesk_search_terms USING fts5vocab(main, "
                     "customer_search, 'row')",
                     nullptr, nullptr, &message);
        sqlite3_free(message);
        s = Statement::prepare(
            db, "SELECT term, doc FROM temp.tierdesk_search_terms WHERE term >= ?1 AND term < ?2");
        if (!s)
            return std::unexpected(s.error());
    }
    s->bindText(1, QByteArrayView(from));
    s->bindText(2, QByteArrayView(to));
    constexpr int kMaxTerms = 4000;
    QStringList terms;
    qint64 docs = 0; // rows with each trigram, summed: at least the rows found, at most three times
    int rc;
    while ((rc = s->step()) == SQLITE_ROW && terms.size() <= kMaxTerms) {
        terms << ftsPhrase(s->text(0));
        docs += s->int64(1);
    }
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return std::unexpected(sqliteError(db, rc, {}));
    s = {};
    auto customers = scalar(db, "SELECT count(*) FROM customers");
    if (!customers)
        return std::unexpected(customers.error());
    if (terms.isEmpty())
        out.nothing = true;
    // A character in nearly every row ("1", "a"): merging its trigrams' lists costs more than
    // reading every row's text once.
    else if (terms.size() > kMaxTerms || docs > *customers + *customers / 2)
        out.scan = true;
    else
        out.match = terms.join(QStringLiteral(" OR "));
    out.dense = out.scan || docs > *customers / 4;
    return out;
}

bool hasClassificationFilter(const CustomerFilter &f)
{
    return f.tier || f.segment || f.lifecycle || f.grade || f.dueOnOrBefore.isValid();
}

bool isClassificationSort(CustomerSort s)
{
    using S = CustomerSort;
    switch (s) {
    case S::ValueTier:
    case S::Segment:
    case S::Lifecycle:
    case S::Loyalty:
    case S::Grade:
    case S::LastContact:
    case S::NextDue:
    case S::Monetary:
    case S::Priority:
        return true;
    case S::Id:
    case S::Name:
    case S::Company:
    case S::Phone:
    case S::Owner:
        return false;
    }
    return false;
}

/// How a statement reaches the customers: from `customers c` with the classification joined
/// (the general form), from `customers c` alone (no classification column involved), or from
/// `classification k` (its rows give the order, sorted in memory, and the filter; the customer id
/// is k.customer_id, and `c` is joined only when a customer column is needed).
enum class Drive { Joined, Customers, Classification };

/// `column` as the statement's alias for the customer id.
const char *idColumn(Drive d)
{
    return d == Drive::Classification ? "k.customer_id" : "c.id";
}

/// Where the search's rows come from: read first from the index (`FROM customer_search s`, the
/// other tables joined to its rowids: a search that finds few), or tested on each row the plan
/// reads (its text looked up by id: a search that finds many, read in the list's order).
enum class SearchUse { FromIndex, PerRow };

Where buildWhere(const CustomerFilter &f, Drive d, const Search &search = {},
                 SearchUse use = SearchUse::PerRow)
{
    Where w;
    const bool fromK = d == Drive::Classification;
    if (search.active && use == SearchUse::FromIndex)
        w.add("customer_search MATCH ?", search.match);
    if (!f.includeArchived)
        w.add(fromK ? "k.archived = 0" : "c.archived = 0");
    // Per row, the index's matches are gathered once into a temporary set of ids, and each row
    // of the plan is looked up in it; only when the index cannot answer (scan, and while the
    // texts are pending) is each row's text read.
    if (search.active && use == SearchUse::PerRow && !search.dense) {
        w.add(fromK ? "k.customer_id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)"
                    : "c.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)",
              search.match);
    } else if (search.active && use == SearchUse::PerRow) {
        const QByteArray exists = QByteArray("EXISTS (SELECT 1 FROM ") + search.texts() +
                                  " s WHERE s.rowid = " + (fromK ? "k.customer_id" : "c.id") +
                                  " AND instr(s.text, ?) > 0)";
        w.add(exists.constData(), search.term);
    }
    if (f.tier)
        w.add("k.value_tier = ?", toText(*f.tier));
    if (f.segment)
        w.add("k.segment = ?", toText(*f.segment));
    if (f.lifecycle)
        w.add("k.lifecycle = ?", toText(*f.lifecycle));
    if (f.grade)
        w.add("k.grade = ?", toText(*f.grade));
    // Through customers_by_owner, which has `archived` in front: named here even where k.archived,
    // of which c.archived is a copy, leaves the archived out already.
    if (!f.owner.isEmpty())
        w.add(f.includeArchived ? "c.archived IN (0, 1) AND c.owner = ?" : "c.archived = 0 AND c.owner = ?",
              f.owner);
    if (!f.tag.isEmpty())
        w.add(fromK ? "k.customer_id IN (SELECT ct.customer_id FROM customer_tags ct JOIN tags t ON t.id = "
                      "ct.tag_id WHERE t.name = ?)"
                    : "c.id IN (SELECT ct.customer_id FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id "
                      "WHERE t.name = ?)",
              f.tag);
    if (f.dueOnOrBefore.isValid())
        w.add("k.due_date <= ?", f.dueOnOrBefore.toString(Qt::ISODate));
    return w;
}

/// The FROM clause of a plan; with `searchFirst`, the search index leads (CROSS JOIN keeps
/// SQLite from reordering it).
QByteArray from(Drive d, const CustomerFilter &f, bool searchFirst = false)
{
    if (searchFirst) {
        switch (d) {
        case Drive::Joined:
            return " FROM customer_search s CROSS JOIN customers c ON c.id = s.rowid LEFT JOIN "
                   "classification k "
                   "ON k.customer_id = c.id";
        case Drive::Customers:
            return " FROM customer_search s CROSS JOIN customers c ON c.id = s.rowid";
        case Drive::Classification:
            return f.owner.isEmpty() ? QByteArray(" FROM customer_search s CROSS JOIN classification k ON "
                                                  "k.customer_id = s.rowid")
                                     : QByteArray(" FROM customer_search s CROSS JOIN classification k ON "
                                                  "k.customer_id = s.rowid JOIN customers c ON c.id = "
                                                  "k.customer_id");
        }
    }
    switch (d) {
    case Drive::Joined:
        return " FROM customers c LEFT JOIN classification k ON k.customer_id = c.id";
    case Drive::Customers:
        return " FROM customers c";
    case Drive::Classification:
        return f.owner.isEmpty()
                   ? QByteArray(" FROM classification k")
                   : QByteArray(" FROM classification k JOIN customers c ON c.id = k.customer_id");
    }
    return {};
}

const char *orderByText(CustomerSort sort, bool descending, Drive d)
{
    // sortsAlike() compares the columns each order reads here: keep the two in step.
    // NULLs (customers never classified, prospects without a segment) sort last either way.
    // Driven from the classification, every row has one; the columns declared NOT NULL
    // (value_tier, lifecycle, monetary, priority) need no NULL term: the order is the same.
    // memoryOrder() gives these orders from the classification: keep the two in step too.
    const bool k = d == Drive::Classification;
    switch (sort) {
    case CustomerSort::Id:
        return descending ? " ORDER BY c.id DESC" : " ORDER BY c.id";
    case CustomerSort::Name:
        return descending ? " ORDER BY c.name DESC, c.id DESC" : " ORDER BY c.name, c.id";
    // Descending, SQLite's own order puts NULL last already: an index's order, backwards.
    // Ascending from one table, the rows with and without a value are read apart (nullSplit()).
    case CustomerSort::Company:
        if (d == Drive::Customers)
            return descending ? " ORDER BY c.company DESC, c.id DESC" : " ORDER BY c.company, c.id";
        return descending ? " ORDER BY c.company IS NULL, c.company DESC, c.id DESC"
                          : " ORDER BY c.company IS NULL, c.company, c.id";
    case CustomerSort::Phone:
        if (d == Drive::Customers)
            return descending ? " ORDER BY c.phone_key DESC, c.id DESC" : " ORDER BY c.phone_key, c.id";
        return descending ? " ORDER BY c.phone_key IS NULL, c.phone_key DESC, c.id DESC"
                          : " ORDER BY c.phone_key IS NULL, c.phone_key, c.id";
    case CustomerSort::Owner:
        if (d == Drive::Customers)
            return descending ? " ORDER BY c.owner DESC, c.id DESC" : " ORDER BY c.owner, c.id";
        return descending ? " ORDER BY c.owner IS NULL, c.owner DESC, c.id DESC"
                          : " ORDER BY c.owner IS NULL, c.owner, c.id";
    case CustomerSort::ValueTier:
        // A first, and within a tier the bigger spender first.
        if (k)
            return descending ? " ORDER BY k.value_tier DESC, k.monetary, k.customer_id DESC"
                              : " ORDER BY k.value_tier, k.monetary DESC, k.customer_id";
        return descending ? " ORDER BY k.value_tier IS NULL, k.value_tier DESC, k.monetary, c.id DESC"
                          : " ORDER BY k.value_tier IS NULL, k.value_tier, k.monetary DESC, c.id";
    case CustomerSort::Segment:
        if (k)
            return descending ? " ORDER BY k.segment DESC, k.customer_id DESC"
                              : " ORDER BY k.segment, k.customer_id";
        return descending ? " ORDER BY k.segment IS NULL, k.segment DESC, c.id DESC"
                          : " ORDER BY k.segment IS NULL, k.segment, c.id";
    case CustomerSort::Lifecycle:
        if (k)
            return descending ? " ORDER BY k.lifecycle DESC, k.customer_id DESC"
                              : " ORDER BY k.lifecycle, k.customer_id";
        return descending ? " ORDER BY k.lifecycle IS NULL, k.lifecycle DESC, c.id DESC"
                          : " ORDER BY k.lifecycle IS NULL, k.lifecycle, c.id";
    case CustomerSort::Loyalty:
        if (k)
            return descending ? " ORDER BY k.loyalty DESC, k.customer_id DESC"
                              : " ORDER BY k.loyalty, k.customer_id";
        return descending ? " ORDER BY k.loyalty IS NULL, k.loyalty DESC, c.id DESC"
                          : " ORDER BY k.loyalty IS NULL, k.loyalty, c.id";
    case CustomerSort::Grade:
        if (k)
            return descending ? " ORDER BY k.grade DESC, k.customer_id DESC"
                              : " ORDER BY k.grade, k.customer_id";
        return descending ? " ORDER BY k.grade IS NULL, k.grade DESC, c.id DESC"
                          : " ORDER BY k.grade IS NULL, k.grade, c.id";
    case CustomerSort::LastContact:
        if (k)
            return descending ? " ORDER BY k.last_contact DESC, k.customer_id DESC"
                              : " ORDER BY k.last_contact, k.customer_id";
        return descending ? " ORDER BY k.last_contact IS NULL, k.last_contact DESC, c.id DESC"
                          : " ORDER BY k.last_contact IS NULL, k.last_contact, c.id";
    case CustomerSort::NextDue:
        // Descending, SQLite's own order puts NULL last already: the index order, backwards.
        if (k)
            return descending ? " ORDER BY k.due_date DESC, k.customer_id DESC"
                              : " ORDER BY k.due_date, k.customer_id";
        return descending ? " ORDER BY k.due_date IS NULL, k.due_date DESC, c.id DESC"
                          : " ORDER BY k.due_date IS NULL, k.due_date, c.id";
    case CustomerSort::Monetary:
        if (k)
            return descending ? " ORDER BY k.monetary DESC, k.customer_id"
                              : " ORDER BY k.monetary, k.customer_id";
        return descending ? " ORDER BY k.monetary IS NULL, k.monetary DESC, c.id"
                          : " ORDER BY k.monetary IS NULL, k.monetary, c.id";
    case CustomerSort::Priority:
        // Spec §10: class, then days overdue descending (= due ascending), monetary, id.
        if (k)
            return " ORDER BY k.priority, k.due_date, k.monetary DESC, k.customer_id";
        return " ORDER BY k.priority, k.due_date, k.monetary DESC, c.id";
    }
    return " ORDER BY c.id";
}

/// The column whose NULLs an ascending order puts last when the plan reads one table in the
/// order of that column's index: the rows with a value are read first, then those without (by
/// id). Null when the plan's ORDER BY says it all.
const char *nullSplit(CustomerSort sort, bool descending, Drive d)
{
    if (descending)
        return nullptr;
    if (d == Drive::Customers) {
        switch (sort) {
        case CustomerSort::Company:
            return "c.company";
        case CustomerSort::Phone:
            return "c.phone_key";
        case CustomerSort::Owner:
            return "c.owner";
        default:
            return nullptr;
        }
    }
    if (d == Drive::Classification) {
        switch (sort) {
        case CustomerSort::Segment:
            return "k.segment";
        case CustomerSort::Loyalty:
            return "k.loyalty";
        case CustomerSort::Grade:
            return "k.grade";
        case CustomerSort::LastContact:
            return "k.last_contact";
        case CustomerSort::NextDue:
            return "k.due_date";
        default:
            return nullptr;
        }
    }
    return nullptr;
}

/// The ORDER BY of a plan; driven from the classification, ties go by k.customer_id (= c.id).
QByteArray orderBy(CustomerSort sort, bool descending, Drive d)
{
    QByteArray sql(orderByText(sort, descending, d));
    if (d == Drive::Classification)
        sql.replace("c.id", "k.customer_id");
    return sql;
}

CustomerRow readRow(const Statement &s)
{
    CustomerRow r;
    r.id = s.int64(0);
    r.name = s.text(1);
    r.company = s.text(2);
    r.phone = s.text(3);
    r.email = s.text(4);
    r.owner = s.text(5);
    r.city = s.text(6);
    r.tier = schema::fromStored<ValueTier>(s.bytes(7));
    r.segment = schema::fromStored<Segment>(s.bytes(8));
    r.lifecycle = schema::fromStored<Lifecycle>(s.bytes(9));
    r.loyalty = schema::fromStored<Level>(s.bytes(10));
    r.grade = schema::fromStored<Grade>(s.bytes(11));
    r.gradeSuggested = s.integer(12) != 0;
    r.demoteTo = schema::fromStored<Grade>(s.bytes(13));
    r.monetary = s.int64(14);
    r.lastContact = s.date(15);
    r.lastOutcome = schema::fromStored<Outcome>(s.bytes(16));
    r.due = s.date(17);
    r.reason = schema::storedReason(s.bytes(18), s.date(19), s.integer(20), r.grade, r.tier,
                                    r.lifecycle && *r.lifecycle != Lifecycle::Prospect);
    r.priority = s.isNull(21) ? 5 : s.integer(21);
    r.archived = s.integer(22) != 0;
    return r;
}

/// True when every customer has a stored classification (after a full run, until a customer is
/// added): then the classification can order the whole list.
Result<bool> everyoneClassified(sqlite3 *db)
{
    // Both counts are SQLite's page-by-page count of a whole table, not a scan of its rows.
    auto customers = scalar(db, "SELECT count(*) FROM customers");
    if (!customers)
        return std::unexpected(customers.error());
    auto classified = scalar(db, "SELECT count(*) FROM classification");
    if (!classified)
        return std::unexpected(classified.error());
    return *customers == *classified;
}

/// The plan for a filter and an order. The classification drives when its columns order or
/// filter the list and no customer can be missing from it: a filter on a classification column
/// leaves out the unclassified customers anyway; an order by one needs everyone classified (they
/// would sort last). The customers drive when no classification column is involved.
Result<Drive> plan(sqlite3 *db, const CustomerFilter &f, CustomerSort sort)
{
    const bool kFilter = hasClassificationFilter(f);
    const bool kSort = isClassificationSort(sort);
    if (!kFilter && !kSort)
        return Drive::Customers;
    if (!kSort)
        return Drive::Joined; // a customer column orders: SQLite picks the way in
    if (kFilter)
        return Drive::Classification;
    auto all = everyoneClassified(db);
    if (!all)
        return std::unexpected(all.error());
    return *all ? Drive::Classification : Drive::Joined;
}

/// From this many rows (and an eighth of their id range), a page's details are read in id order
/// (see CustomerQuery::page()).
constexpr std::size_t kLookupRows = 64;

/// Ids read ahead for the pages around the one asked for (see pageIds()).
constexpr qint64 kIdWindow = 2048;

struct IdWindow {
    sqlite3 *db = nullptr;
    DataVersion version;
    QByteArray key; ///< the statement and its values
    qint64 start = 0;
    std::vector<CustomerId> ids;
    bool complete = false; ///< the statement had no rows after these
};

/// One window per thread (a connection belongs to one thread).
IdWindow &idWindow()
{
    thread_local IdWindow window;
    return window;
}

/// How many rows of the search index match (before any other filter).
Result<qint64> matches(sqlite3 *db, const Search &search)
{
    // A keystroke asks twice (the count, then the first page): the index answers once.
    struct Last {
        sqlite3 *db = nullptr;
        DataVersion version;
        QString match;
        qint64 count = 0;
    };
    thread_local Last last;
    const DataVersion version = dataVersion(db);
    if (last.db == db && last.version == version && last.match == search.match)
        return last.count;
    Where w;
    w.values.append(search.match);
    auto n = scalar(db, "SELECT count(*) FROM customer_search WHERE customer_search MATCH ?1", &w);
    if (n)
        last = Last{db, version, search.match, *n};
    return n;
}

/// A filter of a search and nothing else (the archived customers left out or not): what the kept
/// SearchSnapshot can answer.
bool searchOnly(const CustomerFilter &f)
{
    return !f.search.trimmed().isEmpty() && !hasClassificationFilter(f) && f.owner.isEmpty() &&
           f.tag.isEmpty();
}

/// The matches of a search in a SearchSnapshot.
struct SnapshotMatches {
    QString term;
    /// Rows of the snapshot whose text has the term, in id order (shared with other threads).
    std::shared_ptr<const std::vector<std::uint32_t>> found;
    std::vector<std::uint32_t> rows; ///< those the filter lets through (a customer, not archived)
};

/// The kept snapshot and the matches in it (this thread's last answer, valid until its next call).
struct SnapshotSearch {
    std::shared_ptr<const SearchSnapshot> snapshot;
    const SnapshotMatches *matches = nullptr;
    /// Found in a quarter of the customers or more: walking the names finds a page sooner.
    bool dense() const { return snapshot->size() > 0 && matches->found->size() * 4 > snapshot->size(); }
};

/// True once the read that `stop` belongs to is not waited for any more (Database::stopWhen()).
bool stopped(const std::atomic<bool> *stop)
{
    return stop && stop->load(std::memory_order_relaxed);
}

/// The error of a read stopped half-way, as SQLite gives it for a statement it interrupted.
Error interrupted()
{
    return sqliteError(nullptr, SQLITE_INTERRUPT, {});
}

/// The customers `f` leaves out for being archived, by id: none when it includes them.
Result<std::vector<CustomerId>> archivedLeftOut(sqlite3 *db, const CustomerFilter &f)
{
    if (f.includeArchived)
        return std::vector<CustomerId>();
    auto s = Statement::prepare(db, "SELECT id FROM customers WHERE archived = 1");
    if (!s)
        return std::unexpected(s.error());
    std::vector<CustomerId> ids;
    int rc;
    while ((rc = s->step()) == SQLITE_ROW)
        ids.push_back(s->int64(0));
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(db, rc, {}));
    std::sort(ids.begin(), ids.end());
    return ids;
}

/// This thread's last matches of snapshotMatches().
struct LastMatches {
    std::weak_ptr<const SearchSnapshot> snapshot;
    DataVersion version;
    bool includeArchived = false;
    SnapshotMatches matches;

    /// True when they are those of `f` (its term, archived or not) in `snapshot` as `db` reads it now.
    bool answers(const std::shared_ptr<const SearchSnapshot> &now, const DataVersion &v,
                 const CustomerFilter &f, const QString &term) const
    {
        return snapshot.lock() == now && version == v && includeArchived == f.includeArchived &&
               matches.term == term;
    }
};

LastMatches &lastMatches()
{
    thread_local LastMatches last;
    return last;
}

/// The matches of a search-only filter in the snapshot kept for the database (see
/// CustomerQuery::prepareSearchSnapshot()); nullopt when there is none or it no longer stands for
/// what `db` reads. The last answer of this thread is kept while the data does not change, and a
/// term that contains the last one is looked for among its matches only (typing on). The thread
/// does not keep the snapshot itself alive: a newer one replaces it when the index changes.
/// Interrupted (an error, nothing kept) once `stop` is true. A new scan of every text runs in
/// `scanParts` threads (SearchSnapshot::find()).
Result<std::optional<SnapshotSearch>> snapshotMatches(sqlite3 *db, const CustomerFilter &f,
                                                      const std::atomic<bool> *stop, int scanParts = 1)
{
    if (!searchOnly(f))
        return std::nullopt;
    auto snapshot = SearchSnapshot::current(db);
    if (!snapshot)
        return std::nullopt;
    LastMatches &last = lastMatches();
    const QString term = searchTerm(f.search.trimmed().toLower());
    const DataVersion version = dataVersion(db);
    const bool sameSnapshot = last.snapshot.lock() == snapshot;
    if (last.answers(snapshot, version, f, term))
        return SnapshotSearch{snapshot, &last.matches};
    SnapshotMatches m;
    m.term = term;
    const QByteArray needle = term.toUtf8();
    // The matches of a term are the same for every thread: the count's worker takes those the
    // page's worker found.
    struct Shared {
        std::mutex mutex;
        std::weak_ptr<const SearchSnapshot> snapshot;
        QString term;
        std::shared_ptr<const std::vector<std::uint32_t>> found;
    };
    static Shared shared;
    // What the new term is looked for among: the last term of this thread or of any other that
    // it contains (typing on), the longer one when both do.
    SnapshotMatches before;
    {
        std::lock_guard lock(shared.mutex);
        if (shared.snapshot.lock() == snapshot && term.contains(shared.term))
            before = SnapshotMatches{shared.term, shared.found, {}};
    }
    if (sameSnapshot && last.matches.found && term.contains(last.matches.term) &&
        (!before.found || last.matches.term.size() > before.term.size()))
        before = SnapshotMatches{last.matches.term, last.matches.found, {}};
    if (before.found && before.term == term)
        m.found = before.found;
    // Among many matches ("13": a third of a million customers), each row's own search costs more
    // than the scan of every text: typing on narrows a set of up to an eighth of the rows.
    else if (before.found && !before.term.isEmpty() && before.found->size() * 8 <= snapshot->size())
        m.found = std::make_shared<const std::vector<std::uint32_t>>(
            snapshot->find(needle, before.found.get(), stop));
    else
        m.found = std::make_shared<const std::vector<std::uint32_t>>(
            snapshot->find(needle, nullptr, stop, scanParts));
    // Stopped, the matches are not all: nothing of them is kept.
    if (stopped(stop))
        return std::unexpected(interrupted());
    {
        std::lock_guard lock(shared.mutex);
        shared.snapshot = snapshot;
        shared.term = term;
        shared.found = m.found;
    }
    auto leftOut = archivedLeftOut(db, f);
    if (!leftOut)
        return std::unexpected(leftOut.error());
    const std::vector<CustomerId> &archived = *leftOut;
    m.rows.reserve(m.found->size());
    for (const std::uint32_t row : *m.found) {
        if (snapshot->nameRank(row) == SearchSnapshot::kNoRank)
            continue;
        if (!archived.empty() && std::binary_search(archived.begin(), archived.end(), snapshot->id(row)))
            continue;
        m.rows.push_back(row);
    }
    last = LastMatches{snapshot, version, f.includeArchived, std::move(m)};
    return SnapshotSearch{snapshot, &last.matches};
}

/// How many threads scan the texts for a page that needs every match (SearchSnapshot::find()).
int pageScanParts()
{
    static const int parts = int(std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
    return parts;
}

/// How many of the first rows of `snapshot` (the same sample as readSearch() takes) have a
/// search-only filter's term, and how many were tested.
struct SampleHits {
    std::size_t hits = 0;
    std::size_t tested = 0;
    /// In a quarter of the sample or more (readSearch() judges the same).
    bool dense() const { return tested >= std::size_t(kDensitySample) && hits * 4 > tested; }
};

SampleHits sampleHits(const SearchSnapshot &snapshot, const QByteArray &needle)
{
    const std::size_t n = std::min<std::size_t>(snapshot.size(), kDensitySampleRows);
    std::vector<std::uint32_t> sample(n);
    std::iota(sample.begin(), sample.end(), 0u);
    return SampleHits{snapshot.find(needle, &sample).size(), n};
}

/// How many names a bounded walk tests (at most a quarter of its bound) before it judges whether
/// its page is likely to fill.
constexpr std::size_t kWalkProbe = 4096;

/// Rows [offset, offset + limit) of a search-only filter's matches in the order of the names
/// (ties by id), found by walking the name order from its start (or end) and testing each
/// customer's text until the page is full. A term in one customer of a hundred fills a first
/// page within some 25,000 texts, where finding every match and sorting them reads all million.
/// At most `mostPlaces` customers are tested: nullopt when the page is not full by then (and
/// more are left), or when the first kWalkProbe of them hold too few matches to fill it by then,
/// for the caller to find the matches instead. Interrupted once `stop` is true.
Result<std::optional<std::vector<CustomerId>>>
snapshotWalk(sqlite3 *db, const SearchSnapshot &s, const CustomerFilter &f, bool descending, qint64 offset,
             int limit, const std::atomic<bool> *stop, std::size_t mostPlaces = SIZE_MAX)
{
    std::vector<CustomerId> ids;
    if (limit <= 0)
        return ids;
    auto leftOut = archivedLeftOut(db, f);
    if (!leftOut)
        return std::unexpected(leftOut.error());
    const std::vector<CustomerId> &archived = *leftOut;
    const QByteArray needle = searchTerm(f.search.trimmed().toLower()).toUtf8();
    const std::size_t places = s.ranks();
    const std::size_t walked = std::min(places, mostPlaces);
    ids.reserve(std::min<std::size_t>(std::size_t(limit), places));
    qint64 skip = std::max<qint64>(0, offset);
    // A bounded walk gives up early when its first names promise too few matches: a term found
    // mostly in Chinese names ("明") is seldom in the Latin ones the walk starts with.
    const std::size_t probe = mostPlaces < places ? std::min<std::size_t>(kWalkProbe, walked / 4) : places;
    const auto wanted = std::size_t(std::max<qint64>(0, offset)) + std::size_t(limit);
    std::size_t matched = 0;
    std::size_t i = 0;
    for (; i < walked && ids.size() < std::size_t(limit); ++i) {
        if (i == probe && matched * walked < wanted * probe)
            return std::nullopt;
        if (i % 65536 == 65535 && stopped(stop))
            return std::unexpected(interrupted());
        const std::uint32_t row = s.rowAtRank(std::uint32_t(descending ? places - 1 - i : i));
        if (row == SearchSnapshot::kNoRank || !s.contains(row, needle))
            continue;
        const CustomerId id = s.id(row);
        if (!archived.empty() && std::binary_search(archived.begin(), archived.end(), id))
            continue;
        ++matched;
        if (skip > 0)
            --skip;
        else
            ids.push_back(id);
    }
    if (ids.size() < std::size_t(limit) && i < places)
        return std::nullopt;
    return ids;
}

/// Rows [offset, offset + limit) of the matches in the order of the names (ties by id).
std::vector<CustomerId> snapshotPage(const SnapshotSearch &found, bool descending, qint64 offset, int limit)
{
    const SearchSnapshot &s = *found.snapshot;
    // (place in the name order, row): the places are unique, one per customer.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> byName;
    byName.reserve(found.matches->rows.size());
    for (const std::uint32_t row : found.matches->rows)
        byName.emplace_back(s.nameRank(row), row);
    const auto end = std::size_t(
        std::min<qint64>(std::max<qint64>(0, offset) + std::max(0, limit), qint64(byName.size())));
    const auto begin = std::size_t(std::clamp<qint64>(offset, 0, qint64(end)));
    if (descending)
        std::partial_sort(byName.begin(), byName.begin() + qptrdiff(end), byName.end(), std::greater<>());
    else
        std::partial_sort(byName.begin(), byName.begin() + qptrdiff(end), byName.end());
    std::vector<CustomerId> ids;
    ids.reserve(end - begin);
    for (std::size_t i = begin; i < end; ++i)
        ids.push_back(s.id(byName[i].second));
    return ids;
}

/// A search that finds at most this many rows (and a twentieth of the customers) is read from the
/// index and sorted; one that finds more is tested row by row in the order of the list, which
/// finds a page's worth soon.
constexpr qint64 kSortedSearchRows = 20000;

/// A list in the order of a classification column, sorted in memory. The classification table
/// has no index for its orders any more (schema::retiredClassificationIndexes()): a day's run
/// rewrote some 58,000 of its rows spread over every page of nine of them. Past the first page
/// (SQLite's, see pageIds()), the plan's rows are read once in storage order with the columns of
/// the order, sorted here and kept until the data changes, so that each page is a slice of the
/// kept ids, where SQLite would sort up to the page's offset again for each one (1.4 s for the
/// last page at a million customers).
///
/// Each row's place is a 96-bit key (hi, then lo) that compares as the plan's ORDER BY
/// (orderByText(), the NULLs of nullSplit() last), then its id, ascending or descending.
struct OrderEntry {
    std::uint64_t hi = 0;
    std::uint32_t lo = 0;
    std::uint32_t id = 0;
};

/// A NULL where the order puts it last: above every value's key.
constexpr std::uint64_t kNullLast = std::uint64_t(1) << 63;
/// Money (integer cents) in 58 bits, biased: within ±1.4 × 10^17 cents, far beyond any spend.
constexpr int kMoneyBits = 58;
constexpr std::int64_t kMoneyBias = std::int64_t(1) << (kMoneyBits - 1);
constexpr std::uint64_t kMoneyTop = (std::uint64_t(1) << kMoneyBits) - 1;
/// A stored date as YYYYMMDD: below 2^27.
constexpr std::uint64_t kDateTop = (std::uint64_t(1) << 27) - 1;

/// What one row's columns give, or nothing when a value is one the keys cannot order as SQLite
/// does (a text no writer of TierDesk stores, money beyond the bias): the list then keeps
/// SQLite's own order.
struct RowKey {
    std::uint64_t hi = 0;
    std::uint32_t lo = 0;
};

/// The stored texts of an enumeration in SQLite's order of them (BINARY: bytes, then length).
template<typename E>
std::vector<QByteArrayView> storedTextsInOrder(int count)
{
    std::vector<QByteArrayView> texts;
    for (int i = 0; i < count; ++i)
        texts.emplace_back(schema::storedText(E(i)));
    std::sort(texts.begin(), texts.end(), [](QByteArrayView a, QByteArrayView b) {
        // memcmp(), then the shorter first: SQLite's BINARY collation.
        return std::string_view(a.data(), std::size_t(a.size())) <
               std::string_view(b.data(), std::size_t(b.size()));
    });
    return texts;
}

/// The place of a stored text among `texts` (in SQLite's order); nullopt for another text.
std::optional<std::uint64_t> textRank(const Statement &s, int col, const std::vector<QByteArrayView> &texts)
{
    if (s.type(col) != SQLITE_TEXT)
        return std::nullopt;
    const QByteArrayView t = s.bytes(col);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (texts[i] == t)
            return i;
    }
    return std::nullopt;
}

/// A stored ISO date (YYYY-MM-DD) as the number YYYYMMDD, which orders as the text does; nullopt
/// for another text.
std::optional<std::uint64_t> dateNumber(const Statement &s, int col)
{
    if (s.type(col) != SQLITE_TEXT)
        return std::nullopt;
    const QByteArrayView t = s.bytes(col);
    if (t.size() != 10 || t[4] != '-' || t[7] != '-')
        return std::nullopt;
    std::uint64_t v = 0;
    for (const qsizetype i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (t[i] < '0' || t[i] > '9')
            return std::nullopt;
        v = v * 10 + std::uint64_t(t[i] - '0');
    }
    return v;
}

/// Stored money, biased into [0, kMoneyTop]; nullopt when it is not an integer in range.
std::optional<std::uint64_t> moneyNumber(const Statement &s, int col)
{
    if (s.type(col) != SQLITE_INTEGER)
        return std::nullopt;
    const std::int64_t m = s.int64(col);
    if (m < -kMoneyBias || m >= kMoneyBias)
        return std::nullopt;
    return std::uint64_t(m + kMoneyBias);
}

/// How an order by a classification column reads its rows and makes their keys.
struct MemoryOrder {
    const char *columns = nullptr; ///< after k.customer_id, from column 1 on
    bool idDescending = false;
    std::function<std::optional<RowKey>(const Statement &)> key;
};

/// The order of orderByText() for `sort` driven from the classification, with nullSplit()'s
/// NULLs last when ascending. SQLite's DESC puts NULLs last by itself, ties by id descending.
MemoryOrder memoryOrder(CustomerSort sort, bool descending)
{
    // A value's key ascending, or the reverse of it within [0, top] descending; NULL last.
    const auto place = [descending](std::optional<std::uint64_t> v, std::uint64_t top, bool isNull) {
        if (isNull)
            return std::optional<RowKey>(RowKey{kNullLast, 0});
        if (!v)
            return std::optional<RowKey>();
        return std::optional<RowKey>(RowKey{descending ? top - *v : *v, 0});
    };
    const auto byText = [place](const char *column, std::vector<QByteArrayView> texts) {
        const std::uint64_t top = texts.size() - 1;
        return MemoryOrder{column, false, [place, texts = std::move(texts), top](const Statement &s) {
                               return place(textRank(s, 1, texts), top, s.isNull(1));
                           }};
    };
    const auto byDate = [place](const char *column) {
        return MemoryOrder{column, false, [place](const Statement &s) {
                               return place(dateNumber(s, 1), kDateTop, s.isNull(1));
                           }};
    };
    MemoryOrder order;
    switch (sort) {
    case CustomerSort::ValueTier: {
        // A first, the bigger spender first within a tier; descending all of it reversed.
        const std::vector<QByteArrayView> tiers = storedTextsInOrder<ValueTier>(4);
        order = MemoryOrder{"k.value_tier, k.monetary", false,
                            [tiers, descending](const Statement &s) -> std::optional<RowKey> {
                                const auto tier = textRank(s, 1, tiers);
                                const auto money = moneyNumber(s, 2);
                                if (!tier || !money)
                                    return std::nullopt;
                                const std::uint64_t t = descending ? tiers.size() - 1 - *tier : *tier;
                                const std::uint64_t m = descending ? *money : kMoneyTop - *money;
                                return RowKey{(t << kMoneyBits) | m, 0};
                            }};
        break;
    }
    case CustomerSort::Segment:
        order = byText("k.segment", storedTextsInOrder<Segment>(SegmentCount));
        break;
    case CustomerSort::Lifecycle:
        order = byText("k.lifecycle", storedTextsInOrder<Lifecycle>(6));
        break;
    case CustomerSort::Loyalty:
        order = byText("k.loyalty", storedTextsInOrder<Level>(3));
        break;
    case CustomerSort::Grade:
        order = byText("k.grade", storedTextsInOrder<Grade>(5));
        break;
    case CustomerSort::LastContact:
        order = byDate("k.last_contact");
        break;
    case CustomerSort::NextDue:
        order = byDate("k.due_date");
        break;
    case CustomerSort::Monetary:
        // Ties by id ascending both ways.
        return MemoryOrder{"k.monetary", false, [descending](const Statement &s) -> std::optional<RowKey> {
                               const auto money = moneyNumber(s, 1);
                               if (!money)
                                   return std::nullopt;
                               return RowKey{descending ? kMoneyTop - *money : *money, 0};
                           }};
    case CustomerSort::Priority:
        // One way only: class, due date (no date first, as SQLite's ascending order puts NULL),
        // the bigger spender first, id. Class in 5 bits and the date in 27 above the spend's top
        // 32 bits; its other 26 in lo.
        return MemoryOrder{"k.priority, k.due_date, k.monetary", false,
                           [](const Statement &s) -> std::optional<RowKey> {
                               if (s.type(1) != SQLITE_INTEGER || s.int64(1) < 0 || s.int64(1) > 31)
                                   return std::nullopt;
                               std::optional<std::uint64_t> due =
                                   s.isNull(2) ? std::optional<std::uint64_t>(0) : dateNumber(s, 2);
                               const auto money = moneyNumber(s, 3);
                               if (!due || !money)
                                   return std::nullopt;
                               const std::uint64_t m = kMoneyTop - *money;
                               return RowKey{(std::uint64_t(s.int64(1)) << 59) | (*due << 32) | (m >> 26),
                                             std::uint32_t(m & ((std::uint64_t(1) << 26) - 1))};
                           }};
    case CustomerSort::Id:
    case CustomerSort::Name:
    case CustomerSort::Company:
    case CustomerSort::Phone:
    case CustomerSort::Owner:
        return MemoryOrder{};
    }
    order.idDescending = descending;
    return order;
}

/// This thread's last order sorted in memory, kept until the data changes.
struct KeptOrder {
    sqlite3 *db = nullptr;
    DataVersion version;
    QByteArray key; ///< the plan's statement and its values
    std::vector<std::uint32_t> ids;
    /// A stored value the keys cannot order: SQLite's order, without reading the table again.
    bool sqliteOrders = false;
};

KeptOrder &keptOrder()
{
    thread_local KeptOrder kept;
    return kept;
}

/// True when this thread keeps the order of `key` as `db` reads the data now.
bool isKeptOrder(sqlite3 *db, const QByteArray &key)
{
    const KeptOrder &kept = keptOrder();
    return kept.db == db && kept.key == key && kept.version == dataVersion(db);
}

/// Every id of the plan `from` + `w` (driven from the classification) in the order of `sort`,
/// kept for this thread under `key`; nullptr when a stored value is one the keys cannot order
/// (the caller reads SQLite's order instead). Interrupted (an error) once `stop` is true.
Result<const std::vector<std::uint32_t> *> memoryOrdered(sqlite3 *db, const QByteArray &fromWhere,
                                                         const Where &w, CustomerSort sort, bool descending,
                                                         const QByteArray &key, const std::atomic<bool> *stop)
{
    KeptOrder &kept = keptOrder();
    const DataVersion version = dataVersion(db);
    if (isKeptOrder(db, key))
        return kept.sqliteOrders ? nullptr : &kept.ids;
    kept = KeptOrder{};
    const MemoryOrder order = memoryOrder(sort, descending);
    if (!order.columns)
        return nullptr;
    // One order sorted at a time: a list dragged to its end asks for the pages there and around
    // them from two threads at once, and each sort holds 20 MiB at a million customers.
    static std::mutex sorting;
    const std::lock_guard oneAtATime(sorting);
    // One pass over the table: its pages are not kept in the connection's cache after it.
    SmallPageCache smallCache(db);
    const QByteArray sql = QByteArray("SELECT k.customer_id, ") + order.columns + fromWhere;
    auto s = Statement::prepare(db, sql.constData());
    if (!s)
        return std::unexpected(s.error());
    w.bind(*s);
    // Room for every classified customer at once (ids are given in turn): growing by doubling
    // would hold the old entries and the new ones together at its last step (24 MiB at a million).
    // What is reserved and never written costs nothing.
    std::vector<OrderEntry> entries;
    if (auto most = scalar(db, "SELECT max(customer_id) FROM classification"))
        entries.reserve(std::size_t(std::clamp<qint64>(*most, 0, qint64(1) << 22)));
    int rc;
    while ((rc = s->step()) == SQLITE_ROW) {
        if ((entries.size() & 0xffff) == 0xffff && stopped(stop))
            return std::unexpected(interrupted());
        const std::int64_t id = s->int64(0);
        const std::optional<RowKey> k = order.key(*s);
        if (!k || id < 0 || id > std::int64_t(UINT32_MAX)) {
            // Each page of this list would read the whole table to find it out again.
            entries = {};
            kept = KeptOrder{db, version, key, {}, true};
            return nullptr;
        }
        entries.push_back(OrderEntry{k->hi, k->lo, std::uint32_t(id)});
    }
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(db, rc, {}));
    s = {};
    const bool idDescending = order.idDescending;
    std::sort(entries.begin(), entries.end(), [idDescending](const OrderEntry &a, const OrderEntry &b) {
        if (a.hi != b.hi)
            return a.hi < b.hi;
        if (a.lo != b.lo)
            return a.lo < b.lo;
        return idDescending ? a.id > b.id : a.id < b.id;
    });
    std::vector<std::uint32_t> ids(entries.size());
    std::transform(entries.begin(), entries.end(), ids.begin(), [](const OrderEntry &e) { return e.id; });
    kept = KeptOrder{db, version, key, std::move(ids)};
    return &kept.ids;
}

/// The ids of one page, in order.
Result<std::vector<CustomerId>> pageIds(sqlite3 *db, const CustomerFilter &filter, CustomerSort sort,
                                        bool descending, qint64 offset, int limit,
                                        const std::atomic<bool> *stop)
{
    if (sort == CustomerSort::Name && searchOnly(filter)) {
        // From the texts in memory: a term in many rows by walking the names in order, any other
        // by finding its matches and sorting them.
        if (auto snapshot = SearchSnapshot::current(db)) {
            const QByteArray needle = searchTerm(filter.search.trimmed().toLower()).toUtf8();
            const SampleHits sample = sampleHits(*snapshot, needle);
            if (sample.dense()) {
                auto page = snapshotWalk(db, *snapshot, filter, descending, offset, limit, stop);
                if (!page)
                    return std::unexpected(page.error());
                return std::move(**page);
            }
            // A term in a per cent of the sample or more: walking the first thirty-second of the
            // names likely fills the page, at a tenth of the cost of the scan. The sample is in
            // id order, the walk in name order: a term found mostly in Chinese names ("王") may
            // not be among the first names (the Latin ones) at all, and is then scanned for.
            const std::size_t budget = snapshot->ranks() / 32;
            const auto wanted = std::size_t(std::max<qint64>(0, offset) + std::max(0, limit));
            if (sample.hits > 0 && wanted * sample.tested <= sample.hits * budget) {
                auto page = snapshotWalk(db, *snapshot, filter, descending, offset, limit, stop, budget);
                if (!page)
                    return std::unexpected(page.error());
                if (*page)
                    return std::move(**page);
            }
            // The window waits for this scan: on as many cores as there are (up to four).
            auto kept = snapshotMatches(db, filter, stop, pageScanParts());
            if (!kept)
                return std::unexpected(kept.error());
            if (*kept && (*kept)->dense()) {
                auto page = snapshotWalk(db, *(*kept)->snapshot, filter, descending, offset, limit, stop);
                if (!page)
                    return std::unexpected(page.error());
                return std::move(**page);
            }
            if (*kept)
                return snapshotPage(**kept, descending, offset, limit);
        }
    }
    auto drive = plan(db, filter, sort);
    if (!drive)
        return std::unexpected(drive.error());
    auto search = prepareSearch(db, filter);
    if (!search)
        return std::unexpected(search.error());
    if (search->nothing)
        return std::vector<CustomerId>();
    SearchUse use = SearchUse::PerRow;
    if (search->active && !search->dense) {
        auto n = matches(db, *search);
        if (!n)
            return std::unexpected(n.error());
        auto customers = scalar(db, "SELECT count(*) FROM customers");
        if (!customers)
            return std::unexpected(customers.error());
        if (*n <= std::min(kSortedSearchRows, *customers / 20))
            use = SearchUse::FromIndex;
    }
    const bool searchFirst = search->active && use == SearchUse::FromIndex;
    const Where w = buildWhere(filter, *drive, *search, use);
    QByteArray sql = QByteArray("SELECT ") + idColumn(*drive) + from(*drive, filter, searchFirst) + w.sql;
    sql += orderBy(sort, descending, *drive);

    // The ids of the pages around this one come with it and are kept until the data changes: a
    // view asks for neighbouring pages as it scrolls, and every one of them would cost the sort
    // or the walk to its offset again.
    QByteArray key = sql;
    for (const QString &v : w.values)
        key += '\0' + v.toUtf8();
    // An order by a classification column has no index to walk. Its first page is SQLite's: one
    // pass over the table that keeps the page's rows only (0.1-0.2 s at a million customers,
    // about half of a sort of them all). A page further on, or any page once the order is kept,
    // comes from the whole order sorted in memory (memoryOrdered()), where SQLite would sort up to
    // the page's offset for each one.
    const bool classificationOrder = *drive == Drive::Classification && isClassificationSort(sort);
    if (classificationOrder && (offset > 0 || isKeptOrder(db, key))) {
        auto ordered =
            memoryOrdered(db, from(*drive, filter, searchFirst) + w.sql, w, sort, descending, key, stop);
        if (!ordered)
            return std::unexpected(ordered.error());
        if (const std::vector<std::uint32_t> *all = *ordered) {
            const auto end = std::size_t(
                std::clamp<qint64>(std::max<qint64>(0, offset) + std::max(0, limit), 0, qint64(all->size())));
            const auto begin = std::size_t(std::clamp<qint64>(offset, 0, qint64(end)));
            return std::vector<CustomerId>(all->begin() + qptrdiff(begin), all->begin() + qptrdiff(end));
        }
    }
    // A pass over the whole table does not fill the connection's cache (32 MiB) with its pages.
    std::optional<SmallPageCache> smallCache;
    if (classificationOrder)
        smallCache.emplace(db);
    const DataVersion version = dataVersion(db);
    IdWindow &cache = idWindow();
    if (cache.db == db && cache.version == version && cache.key == key && offset >= cache.start &&
        (offset + limit <= cache.start + qint64(cache.ids.size()) || cache.complete)) {
        const auto from = std::size_t(std::min<qint64>(offset - cache.start, qint64(cache.ids.size())));
        const auto to = std::size_t(std::min<qint64>(offset - cache.start + limit, qint64(cache.ids.size())));
        return std::vector<CustomerId>(cache.ids.begin() + qptrdiff(from), cache.ids.begin() + qptrdiff(to));
    }
    // The first page of a list is all a keystroke or a sort needs before its rows can show: a
    // short search found in a twentieth of the customers walks 20 rows for each it keeps, so the
    // window ahead is read only when the list is scrolled.
    const bool windowed = limit < kIdWindow && offset > 0;
    const qint64 start = windowed ? std::max<qint64>(0, offset - (kIdWindow - limit) / 4) : offset;
    const qint64 count = windowed ? kIdWindow : limit;
    std::vector<CustomerId> ids;
    ids.reserve(std::size_t(std::min<qint64>(count, kIdWindow)));
    // Rows [from, from + n) of `statement` (the plan's SELECT and WHERE, then `tail`).
    auto read = [&](const QByteArray &statement, qint64 from, qint64 n) -> Result<void> {
        if (n <= 0)
            return {};
        const QByteArray text =
            statement + " LIMIT " + QByteArray::number(n) + " OFFSET " + QByteArray::number(from);
        auto s = Statement::prepare(db, text.constData());
        if (!s)
            return std::unexpected(s.error());
        w.bind(*s);
        int rc;
        while ((rc = s->step()) == SQLITE_ROW)
            ids.push_back(s->int64(0));
        if (rc != SQLITE_DONE)
            return std::unexpected(sqliteError(db, rc, {}));
        return {};
    };
    if (const char *column = nullSplit(sort, descending, *drive)) {
        const QByteArray base = QByteArray("SELECT ") + idColumn(*drive) + from(*drive, filter, searchFirst) +
                                w.sql + (w.sql.isEmpty() ? " WHERE " : " AND ");
        const QByteArray withValue = base + column + " IS NOT NULL";
        auto valued = scalar(db, "SELECT count(*) FROM (" + withValue + ")", &w);
        if (!valued)
            return std::unexpected(valued.error());
        const QByteArray id = idColumn(*drive);
        if (auto ok =
                read(withValue + " ORDER BY " + column + ", " + id, start, std::min(count, *valued - start));
            !ok)
            return std::unexpected(ok.error());
        const qint64 more = count - qint64(ids.size());
        if (auto ok =
                read(base + column + " IS NULL ORDER BY " + id, std::max<qint64>(0, start - *valued), more);
            !ok)
            return std::unexpected(ok.error());
    } else if (auto ok = read(sql, start, count); !ok) {
        return std::unexpected(ok.error());
    }
    const bool complete = qint64(ids.size()) < count;
    if (!windowed && offset > 0) // one big read (an export): nothing to keep
        return ids;
    cache = IdWindow{db, version, std::move(key), start, std::move(ids), complete};
    const auto from = std::size_t(std::min<qint64>(offset - start, qint64(cache.ids.size())));
    const auto to = std::size_t(std::min<qint64>(offset - start + limit, qint64(cache.ids.size())));
    return std::vector<CustomerId>(cache.ids.begin() + qptrdiff(from), cache.ids.begin() + qptrdiff(to));
}

} // namespace

Result<qint64> CustomerQuery::count(const CustomerFilter &filter)
{
    sqlite3 *db = m_db.handle();
    ReadTransaction read(db);
    const bool onlyArchived = !hasClassificationFilter(filter) && filter.search.trimmed().isEmpty() &&
                              filter.owner.isEmpty() && filter.tag.isEmpty();
    if (onlyArchived) {
        // Everyone not archived: the whole table's count (page by page) less the few archived.
        if (filter.includeArchived)
            return scalar(db, "SELECT count(*) FROM customers");
        return scalar(db, "SELECT (SELECT count(*) FROM customers) - (SELECT count(*) FROM customers WHERE "
                          "archived = 1)");
    }
    const bool queueOnly = filter.dueOnOrBefore.isValid() && !filter.includeArchived && !filter.tier &&
                           !filter.segment && !filter.lifecycle && !filter.grade &&
                           filter.search.trimmed().isEmpty() && filter.owner.isEmpty() &&
                           filter.tag.isEmpty();
    if (queueOnly) {
        // The queue: one pass over the classification in storage order, its pages not kept.
        SmallPageCache smallCache(db);
        const QString day = filter.dueOnOrBefore.toString(Qt::ISODate);
        Where w;
        w.values.append(day);
        return scalar(db, "SELECT count(*) FROM classification WHERE archived = 0 AND due_date <= ?1", &w);
    }
    if (auto kept = snapshotMatches(db, filter, m_db.stopFlag()); !kept)
        return std::unexpected(kept.error());
    else if (*kept)
        return qint64((*kept)->matches->rows.size());
    auto search = prepareSearch(db, filter);
    if (!search)
        return std::unexpected(search.error());
    if (search->nothing)
        return 0;
    const Drive drive = hasClassificationFilter(filter) ? Drive::Classification : Drive::Customers;
    const bool searchOnly =
        !hasClassificationFilter(filter) && filter.owner.isEmpty() && filter.tag.isEmpty();
    if (search->active && search->scan && searchOnly) {
        // Every row's text read once, in storage order; the archived customers among the
        // matches (few) are taken off.
        Where w;
        w.values.append(search->term);
        auto n = scalar(
            db, QByteArray("SELECT count(*) FROM ") + search->texts() + " WHERE instr(text, ?1) > 0", &w);
        if (!n || filter.includeArchived)
            return n;
        auto archived = scalar(db,
                               QByteArray("SELECT count(*) FROM customers c JOIN ") + search->texts() +
                                   " s ON s.rowid = c.id WHERE c.archived = 1 AND instr(s.text, ?1) > 0",
                               &w);
        if (!archived)
            return archived;
        return *n - *archived;
    }
    if (search->active && !search->scan) {
        if (searchOnly) {
            // The index counts its matches; the archived customers among them (few) are taken off.
            auto n = matches(db, *search);
            if (!n || filter.includeArchived)
                return n;
            Where w;
            w.values.append(search->term);
            auto archived =
                scalar(db,
                       "SELECT count(*) FROM customers c JOIN customer_search s ON s.rowid = c.id "
                       "WHERE c.archived = 1 AND instr(s.text, ?1) > 0",
                       &w);
            if (!archived)
                return archived;
            return *n - *archived;
        }
        const Where w = buildWhere(filter, drive, *search, SearchUse::FromIndex);
        return scalar(db, "SELECT count(*)" + from(drive, filter, true) + w.sql, &w);
    }
    const Where w = buildWhere(filter, drive, *search, SearchUse::PerRow);
    // A filter on a classification column reads the whole table: its pages are not kept.
    std::optional<SmallPageCache> smallCache;
    if (drive == Drive::Classification)
        smallCache.emplace(db);
    return scalar(db, "SELECT count(*)" + from(drive, filter) + w.sql, &w);
}

Result<std::optional<qint64>> CustomerQuery::knownCount(const CustomerFilter &filter)
{
    if (!searchOnly(filter))
        return std::nullopt;
    sqlite3 *db = m_db.handle();
    ReadTransaction read(db);
    auto snapshot = SearchSnapshot::current(db);
    if (!snapshot)
        return std::nullopt;
    const LastMatches &last = lastMatches();
    if (!last.answers(snapshot, dataVersion(db), filter, searchTerm(filter.search.trimmed().toLower())))
        return std::nullopt;
    return qint64(last.matches.rows.size());
}

Result<qint64> CustomerQuery::countAtMost(const CustomerFilter &filter, qint64 atMost)
{
    sqlite3 *db = m_db.handle();
    {
        ReadTransaction read(db);
        // The texts in memory count every match at once.
        auto kept = snapshotMatches(db, filter, m_db.stopFlag());
        if (!kept)
            return std::unexpected(kept.error());
        if (*kept)
            return qint64((*kept)->matches->rows.size());
        auto search = prepareSearch(db, filter);
        if (!search)
            return std::unexpected(search.error());
        if (search->active && search->dense && !search->nothing) {
            // Row by row in storage order, each row's text tested, until one more than asked for.
            const Drive drive = hasClassificationFilter(filter) ? Drive::Classification : Drive::Customers;
            const Where w = buildWhere(filter, drive, *search, SearchUse::PerRow);
            return scalar(db,
                          "SELECT count(*) FROM (SELECT 1" + from(drive, filter) + w.sql + " LIMIT " +
                              QByteArray::number(std::max<qint64>(0, atMost) + 1) + ")",
                          &w);
        }
    }
    return count(filter);
}

Result<bool> CustomerQuery::prepareSearchSnapshot(qint64 minCustomers)
{
    sqlite3 *db = m_db.handle();
    if (!SearchSnapshot::canKeep(db))
        return false;
    ReadTransaction read(db);
    if (SearchSnapshot::current(db))
        return true;
    SearchSnapshot::forgetStale(db);
    auto customers = scalar(db, "SELECT count(*) FROM customers");
    if (!customers)
        return std::unexpected(customers.error());
    if (*customers < minCustomers)
        return false;
    const std::uint64_t since = SearchSnapshot::generation();
    auto snapshot = SearchSnapshot::read(db);
    if (!snapshot)
        return std::unexpected(snapshot.error());
    if (!*snapshot)
        return false;
    return SearchSnapshot::keep(db, std::move(*snapshot), since);
}

void CustomerQuery::releaseSearchSnapshots()
{
    SearchSnapshot::forgetAll();
}

namespace {

/// Closes the gaps of the rows not `found`: a customer gone since its id was read (another
/// program deleted it) leaves no empty row in a page.
void dropMissing(std::vector<CustomerRow> &rows, const std::vector<bool> &found)
{
    std::size_t kept = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (found[i])
            rows[kept++] = std::move(rows[i]);
    }
    rows.resize(kept);
}

} // namespace

Result<std::vector<CustomerRow>> CustomerQuery::page(const CustomerFilter &filter, CustomerSort sort,
                                                     bool descending, qint64 offset, int limit)
{
    // First the ids of the page, from the narrowest statement that can order and filter them
    // (often an index alone, even deep into the list), then each row's details by id.
    sqlite3 *db = m_db.handle();
    ReadTransaction read(db);
    auto ids = pageIds(db, filter, sort, descending, offset, limit, m_db.stopFlag());
    if (!ids)
        return std::unexpected(ids.error());
    std::vector<CustomerRow> rows;
    if (ids->empty())
        return rows;
    const QByteArray byIdSql =
        QByteArray("SELECT ") + kColumns +
        " FROM customers c LEFT JOIN classification k ON k.customer_id = c.id WHERE c.id = ?1";
    if (ids->size() < kLookupRows) {
        auto s = Statement::prepare(db, byIdSql.constData());
        if (!s)
            return std::unexpected(s.error());
        rows.reserve(ids->size());
        for (CustomerId id : *ids) {
            s->bind(1, std::int64_t(id));
            const int rc = s->step();
            if (rc == SQLITE_ROW)
                rows.push_back(readRow(*s));
            else if (rc != SQLITE_DONE)
                return std::unexpected(sqliteError(db, rc, {}));
            s->reset();
        }
        return rows;
    }
    // Many rows (an export, a printout): looked up in list order, nearly every row costs a read of
    // a page the cache no longer holds (11 s for the 771,000 rows of a day's queue at a million
    // customers). Read in id order instead, the tables go by front to back, each page read once,
    // and every row lands at its place in the list.
    std::vector<std::pair<CustomerId, std::size_t>> byId(ids->size());
    for (std::size_t i = 0; i < ids->size(); ++i)
        byId[i] = {(*ids)[i], i};
    std::sort(byId.begin(), byId.end());
    rows.resize(ids->size());
    std::vector<bool> found(ids->size());
    const CustomerId low = byId.front().first, high = byId.back().first;
    if (ids->size() * 8 > std::size_t(high - low + 1)) {
        // Dense in their id range: one pass over that range.
        const QByteArray sql = QByteArray("SELECT ") + kColumns +
                               " FROM customers c LEFT JOIN classification k ON k.customer_id = c.id "
                               "WHERE c.id >= ?1 AND c.id <= ?2 ORDER BY c.id";
        auto s = Statement::prepare(db, sql.constData());
        if (!s)
            return std::unexpected(s.error());
        s->bind(1, std::int64_t(low));
        s->bind(2, std::int64_t(high));
        std::size_t k = 0;
        int rc = SQLITE_DONE;
        while (k < byId.size() && (rc = s->step()) == SQLITE_ROW) {
            const CustomerId id = s->int64(0);
            while (k < byId.size() && byId[k].first < id)
                ++k;
            while (k < byId.size() && byId[k].first == id) {
                rows[byId[k].second] = readRow(*s);
                found[byId[k++].second] = true;
            }
        }
        if (k < byId.size() && rc != SQLITE_DONE)
            return std::unexpected(sqliteError(db, rc, {}));
    } else {
        // Far apart (an export's page sorted by name): one lookup each, in id order.
        auto s = Statement::prepare(db, byIdSql.constData());
        if (!s)
            return std::unexpected(s.error());
        for (const auto &[id, at] : byId) {
            s->bind(1, std::int64_t(id));
            const int rc = s->step();
            if (rc == SQLITE_ROW) {
                rows[at] = readRow(*s);
                found[at] = true;
            } else if (rc != SQLITE_DONE) {
                return std::unexpected(sqliteError(db, rc, {}));
            }
            s->reset();
        }
    }
    dropMissing(rows, found);
    return rows;
}

Result<std::optional<CustomerRow>> CustomerQuery::row(CustomerId id)
{
    const QByteArray sql =
        QByteArray("SELECT ") + kColumns +
        " FROM customers c LEFT JOIN classification k ON k.customer_id = c.id WHERE c.id = ?1";
    auto s = Statement::prepare(m_db.handle(), sql.constData());
    if (!s)
        return std::unexpected(s.error());
    s->bind(1, std::int64_t(id));
    const int rc = s->step();
    if (rc == SQLITE_DONE)
        return std::optional<CustomerRow>();
    if (rc != SQLITE_ROW)
        return std::unexpected(sqliteError(m_db.handle(), rc, {}));
    return std::optional<CustomerRow>(readRow(*s));
}

Result<std::optional<CustomerRow>> CustomerQuery::rowIn(const CustomerFilter &filter, CustomerId id)
{
    if (!filter.search.trimmed().isEmpty())
        return fail(QStringLiteral("CustomerQuery::rowIn: a filter with a search"));
    // The list's own conditions (buildWhere), on the one row found by its id.
    Where w = buildWhere(filter, Drive::Joined);
    const int idParameter = int(w.values.size()) + 1;
    const QByteArray byId = "c.id = ?" + QByteArray::number(idParameter);
    w.add(byId.constData());
    const QByteArray sql = QByteArray("SELECT ") + kColumns +
                           " FROM customers c LEFT JOIN classification k ON k.customer_id = c.id" + w.sql;
    auto s = Statement::prepare(m_db.handle(), sql.constData());
    if (!s)
        return std::unexpected(s.error());
    w.bind(*s);
    s->bind(idParameter, std::int64_t(id));
    const int rc = s->step();
    if (rc == SQLITE_DONE)
        return std::optional<CustomerRow>();
    if (rc != SQLITE_ROW)
        return std::unexpected(sqliteError(m_db.handle(), rc, {}));
    return std::optional<CustomerRow>(readRow(*s));
}

namespace {

Result<QStringList> strings(Database &db, const char *sql)
{
    auto s = Statement::prepare(db.handle(), sql);
    if (!s)
        return std::unexpected(s.error());
    QStringList out;
    int rc;
    while ((rc = s->step()) == SQLITE_ROW)
        out << s->text(0);
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(db.handle(), rc, {}));
    return out;
}

} // namespace

Result<QStringList> CustomerQuery::owners()
{
    // A handful of owners over a million customers: hop from one owner to the next through
    // customers_by_owner instead of reading every entry of it, among the customers not archived
    // and among the archived, and merge the two.
    return strings(m_db,
                   "WITH RECURSIVE o(archived, name) AS (SELECT column1, (SELECT min(owner) FROM customers "
                   "WHERE archived = column1) FROM (VALUES (0), (1)) UNION ALL SELECT o.archived, (SELECT "
                   "min(owner) FROM customers WHERE archived = o.archived AND owner > o.name) FROM o WHERE "
                   "o.name IS NOT NULL) SELECT DISTINCT name FROM o WHERE name IS NOT NULL ORDER BY name");
}

Result<QStringList> CustomerQuery::tags()
{
    return strings(m_db, "SELECT name FROM tags ORDER BY name");
}

// Keep in step with orderByText(): the columns each order reads.
bool sortsAlike(CustomerSort sort, const CustomerRow &a, const CustomerRow &b)
{
    using S = CustomerSort;
    // Without a stored classification every k.* column is NULL (value_tier is never NULL with
    // one): such a row sorts last in the classification's orders, and is taken for moved in all.
    if (a.tier.has_value() != b.tier.has_value())
        return false;
    switch (sort) {
    case S::Id:
        return true;
    case S::Name:
        return a.name == b.name;
    case S::Company:
        return a.company == b.company;
    case S::Phone:
        return a.phone == b.phone; // phone_key is made from it
    case S::Owner:
        return a.owner == b.owner;
    case S::ValueTier:
        return a.tier == b.tier && a.monetary == b.monetary;
    case S::Segment:
        return a.segment == b.segment;
    case S::Lifecycle:
        return a.lifecycle == b.lifecycle;
    case S::Loyalty:
        return a.loyalty == b.loyalty;
    case S::Grade:
        return a.grade == b.grade;
    case S::LastContact:
        return a.lastContact == b.lastContact;
    case S::NextDue:
        return a.due == b.due;
    case S::Monetary:
        return a.monetary == b.monetary;
    case S::Priority:
        return a.priority == b.priority && a.due == b.due && a.monetary == b.monetary;
    }
    return false;
}

} // namespace tierdesk::store
