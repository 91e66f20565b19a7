#include "metricsscan.h"

#include "database.h"
#include "model/memory.h"
#include "schema.h"
#include "sqlite.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <climits>
#include <cstdlib>
#include <limits>
#include <sys/mman.h>
#include <thread>
#include <unordered_map>

namespace tierdesk::store {
namespace {

// Ids up to this bound are looked up in flat arrays (4 bytes per possible id); beyond it, or when
// the ids are much sparser than the rows, in hash maps.
constexpr qint64 kDenseIdLimit = qint64(1) << 26;

constexpr qint64 kUnixEpochJulianDay = 2440588;

int twoDigits(const char *p)
{
    return (p[0] - '0') * 10 + (p[1] - '0');
}

bool allDigits(const char *p, int n)
{
    for (int i = 0; i < n; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return false;
    }
    return true;
}

/// The Julian day of the "YYYY-MM-DD" at the start of `t`, or 0 when that is not a valid date
/// (the same dates QDate accepts for the years 1–9999). The scans parse millions of dates: no
/// QDate, no allocation.
qint64 julianDay(QByteArrayView t)
{
    if (t.size() < 10)
        return 0;
    const char *p = t.data();
    if (p[4] != '-' || p[7] != '-' || !allDigits(p, 4) || !allDigits(p + 5, 2) || !allDigits(p + 8, 2))
        return 0;
    const int y = twoDigits(p) * 100 + twoDigits(p + 2);
    const int m = twoDigits(p + 5);
    const int d = twoDigits(p + 8);
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1)
        return 0;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > kDays[m - 1] + (m == 2 && leap ? 1 : 0))
        return 0;
    // Days from the civil date (proleptic Gregorian), as in Howard Hinnant's algorithm.
    const int yy = y - (m <= 2 ? 1 : 0);
    const int era = yy / 400;
    const int yoe = yy - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468 + kUnixEpochJulianDay;
}

/// Seconds of the day of "…THH:MM:SS" (positions 11–18), or 0 when absent or malformed.
int secondOfDay(QByteArrayView t)
{
    if (t.size() < 19)
        return 0;
    const char *p = t.data();
    if (p[10] != 'T' || p[13] != ':' || p[16] != ':' || !allDigits(p + 11, 2) || !allDigits(p + 14, 2) ||
        !allDigits(p + 17, 2))
        return 0;
    return twoDigits(p + 11) * 3600 + twoDigits(p + 14) * 60 + twoDigits(p + 17);
}

QDate dateOf(qint64 jd)
{
    return jd > 0 ? QDate::fromJulianDay(jd) : QDate();
}

/// A zero-initialised array of trivial records indexed by customer id, backed by transparent huge
/// pages where the kernel allows it: orders and calls arrive in the order they were entered, so
/// every row lands on a random customer, and with 4 KiB pages each of those was a TLB miss as well
/// as a cache miss (perf: over 90 % of the orders loop on the first load of the record).
template<typename T>
class IdArray {
    static_assert(std::is_trivially_copyable_v<T>);

public:
    explicit IdArray(qint64 size)
    {
        if (size <= 0)
            return;
        constexpr std::size_t kHuge = std::size_t(2) << 20;
        const std::size_t bytes = (std::size_t(size) * sizeof(T) + kHuge - 1) / kHuge * kHuge;
        void *p = nullptr;
        if (posix_memalign(&p, kHuge, bytes) != 0)
            return;
        madvise(p, bytes, MADV_HUGEPAGE);
        m_data = static_cast<T *>(p);
        m_size = std::size_t(size);
        for (std::size_t i = 0; i < m_size; ++i)
            new (m_data + i) T();
    }
    ~IdArray() { std::free(m_data); }
    IdArray(const IdArray &) = delete;
    IdArray &operator=(const IdArray &) = delete;

    std::size_t size() const { return m_size; }
    T &operator[](std::size_t i) { return m_data[i]; }
    const T &operator[](std::size_t i) const { return m_data[i]; }

private:
    T *m_data = nullptr;
    std::size_t m_size = 0;
};

/// The per-customer sums of the orders pass (spec §2), before they go into the facts.
struct OrderSums {
    qint32 first = INT_MAX; ///< Julian day of the earliest order with amount > 0
    qint32 last = 0;        ///< Julian day of the latest order with amount > 0
    qint32 total = 0;       ///< orders with amount > 0
    qint32 frequency = 0;   ///< of those, in W
    Cents monetary = 0;     ///< net sum in W
    Cents recent = 0;       ///< net sum in H1
    Cents previous = 0;     ///< net sum in H0
};

/// The day boundaries of one run, as Julian days: T, and the exclusive starts of W, H1 and H0.
struct Bounds {
    qint64 t = 0;
    qint64 w = 0;
    qint64 h1 = 0;
    qint64 h0 = 0;
};

/// Adds an order of the Julian day `day` (on or before T) to a customer's sums: a purchase when
/// its amount is > 0, a refund (< 0) only in the sums of money.
void addOrder(OrderSums &o, qint64 day, Cents amount, const Bounds &b)
{
    if (amount > 0) {
        o.first = std::min(o.first, qint32(day));
        o.last = std::max(o.last, qint32(day));
        ++o.total;
        if (day > b.w)
            ++o.frequency;
    }
    if (day > b.w)
        o.monetary += amount;
    if (day > b.h1)
        o.recent += amount;
    else if (day > b.h0)
        o.previous += amount;
}

/// Order sums by customer id: flat for dense ids, hashed for the rest.
class OrderTable {
public:
    explicit OrderTable(qint64 denseIds)
        : m_dense(denseIds)
    {}
    OrderSums *find(qint64 id)
    {
        if (id >= 0 && id < qint64(m_dense.size()))
            return &m_dense[std::size_t(id)];
        return &m_sparse[id];
    }
    const OrderSums *get(qint64 id) const
    {
        if (id >= 0 && id < qint64(m_dense.size()))
            return &m_dense[std::size_t(id)];
        const auto it = m_sparse.find(id);
        return it == m_sparse.end() ? nullptr : &it->second;
    }

private:
    IdArray<OrderSums> m_dense;
    std::unordered_map<qint64, OrderSums> m_sparse;
};

struct OrderScan {
    explicit OrderScan(qint64 denseIds)
        : sums(denseIds)
    {}
    OrderTable sums;
    std::optional<Error> error;
};

/// Reads every order dated on or before T once, in storage order, into per-customer sums.
void scanOrders(sqlite3 *db, const Bounds &b, OrderScan &out)
{
    auto s = Statement::prepare(db, "SELECT customer_id, ordered_at, amount FROM orders");
    if (!s) {
        out.error = s.error();
        return;
    }
    int rc;
    while ((rc = s->step()) == SQLITE_ROW) {
        const qint64 day = julianDay(s->bytes(1));
        if (day == 0 || day > b.t)
            continue;
        addOrder(*out.sums.find(s->int64(0)), day, s->int64(2), b);
    }
    if (rc != SQLITE_DONE)
        out.error =
            sqliteError(db, rc, QCoreApplication::translate("tierdesk::store", "Could not read the orders."));
}

std::optional<bool> optionalBool(const Statement &s, int col)
{
    return s.isNull(col) ? std::nullopt : std::optional<bool>(s.integer(col) != 0);
}

QDate storedDate(const Statement &s, int col)
{
    return dateOf(julianDay(s.bytes(col)));
}

Result<qint64> maxCustomerId(sqlite3 *db)
{
    auto s = Statement::prepare(db, "SELECT ifnull(max(id), 0) FROM customers");
    if (!s)
        return std::unexpected(s.error());
    if (const int rc = s->step(); rc != SQLITE_ROW)
        return std::unexpected(sqliteError(db, rc, {}));
    return s->int64(0);
}

/// The customers' own columns of the facts, in id order.
Result<void> readCustomers(sqlite3 *db, qint64 maxId, std::vector<classify::CustomerFacts> &facts)
{
    auto s = Statement::prepare(db, "SELECT id, created_at, type, grade, grade_set_at, man_money, "
                                    "man_authority, man_need, archived FROM customers");
    if (!s)
        return std::unexpected(s.error());
    facts.reserve(std::size_t(std::max<qint64>(0, std::min<qint64>(maxId, kDenseIdLimit))));
    adviseHugePages(facts.data(), facts.capacity() * sizeof(classify::CustomerFacts));
    int rc;
    while ((rc = s->step()) == SQLITE_ROW) {
        classify::CustomerFacts &f = facts.emplace_back();
        f.id = s->int64(0);
        f.createdAt = storedDate(*s, 1);
        f.type = schema::fromStored<CustomerType>(s->bytes(2));
        f.grade = schema::fromStored<Grade>(s->bytes(3));
        f.gradeSetAt = storedDate(*s, 4);
        f.man = {optionalBool(*s, 5), optionalBool(*s, 6), optionalBool(*s, 7)};
        f.archived = s->integer(8) != 0;
    }
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(
            db, rc, QCoreApplication::translate("tierdesk::store", "Could not read the customers.")));
    facts.shrink_to_fit();
    return {};
}

Bounds boundsOf(QDate asOf, const classify::Settings &settings)
{
    Bounds b;
    b.t = asOf.toJulianDay();
    b.w = asOf.addDays(-settings.windowDays).toJulianDay();
    b.h1 = asOf.addDays(-settings.halfDays).toJulianDay();
    b.h0 = asOf.addDays(-2 * settings.halfDays).toJulianDay();
    return b;
}

} // namespace

Result<std::vector<classify::CustomerFacts>> scanAllFactsFromTables(Database &database, QDate asOf,
                                                                    const classify::Settings &settings)
{
    const Bounds b = boundsOf(asOf, settings);

    // On a database file, two read-only connections of their own: the orders, the biggest table,
    // in a helper thread, customers and calls here. They open without SQLite's per-call mutex
    // (each is used by one thread), which the shared connection would take for every column of
    // every row. An in-memory database has only the shared connection, and inside a transaction
    // of the shared connection only it sees what that transaction wrote.
    std::optional<HelperConnection> here, helper;
    if (database.path() != QStringLiteral(":memory:") && sqlite3_get_autocommit(database.handle())) {
        here.emplace(database.path());
        helper.emplace(database.path());
    }
    sqlite3 *db = here && here->get() ? here->get() : database.handle();

    ReadTransaction read(db);
    auto maxId = maxCustomerId(db);
    if (!maxId)
        return std::unexpected(maxId.error());
    const qint64 denseIds = *maxId < kDenseIdLimit ? *maxId + 1 : 0;

    OrderScan orders(denseIds);
    std::jthread worker; // joined when it goes out of scope, an error return too
    if (helper && helper->get()) {
        worker = std::jthread([&] {
            ReadTransaction helperRead(helper->get());
            scanOrders(helper->get(), b, orders);
        });
    }

    // Customers, in id order.
    std::vector<classify::CustomerFacts> facts;
    if (auto ok = readCustomers(db, *maxId, facts); !ok)
        return std::unexpected(ok.error());
    // Calls: the latest one of each customer by (called_at, id), and its latest reached one. The
    // calls come in the order they were logged, so customers come at random: one small record per
    // customer id keeps that to one cache miss per call, and the facts are filled in id order after.
    {
        auto s =
            Statement::prepare(db, "SELECT customer_id, called_at, id, outcome, next_follow_up FROM calls");
        if (!s)
            return std::unexpected(s.error());
        struct Latest {
            qint64 key = -1;     ///< Julian day × 86400 + second of the day
            qint64 id = 0;       ///< the call's id: ties at the same second go to the later call
            qint32 reached = 0;  ///< Julian day of the latest reached call
            qint32 followUp = 0; ///< Julian day of the latest call's follow-up
            qint8 outcome = -1;  ///< the latest call's outcome
        };
        IdArray<Latest> dense(denseIds);
        std::unordered_map<qint64, Latest> sparse;
        auto latestOf = [&](qint64 customer) -> Latest & {
            if (customer >= 0 && customer < qint64(dense.size()))
                return dense[std::size_t(customer)];
            return sparse[customer];
        };
        int rc;
        while ((rc = s->step()) == SQLITE_ROW) {
            const QByteArrayView calledAt = s->bytes(1);
            const qint64 day = julianDay(calledAt);
            if (day == 0 || day > b.t) // a call on T at any time counts
                continue;
            Latest &l = latestOf(s->int64(0));
            const std::optional<Outcome> o = schema::fromStored<Outcome>(s->bytes(3));
            if (o == Outcome::Reached)
                l.reached = std::max(l.reached, qint32(day));
            const qint64 key = day * 86400 + secondOfDay(calledAt);
            const qint64 id = s->int64(2);
            if (key > l.key || (key == l.key && id > l.id)) {
                l.key = key;
                l.id = id;
                l.outcome = o ? qint8(*o) : qint8(-1);
                l.followUp = s->isNull(4) ? 0 : qint32(julianDay(s->bytes(4)));
            }
        }
        if (rc != SQLITE_DONE)
            return std::unexpected(sqliteError(
                db, rc, QCoreApplication::translate("tierdesk::store", "Could not read the calls.")));
        for (classify::CustomerFacts &f : facts) {
            const Latest *l = nullptr;
            if (f.id >= 0 && f.id < qint64(dense.size()))
                l = &dense[std::size_t(f.id)];
            else if (const auto it = sparse.find(f.id); it != sparse.end())
                l = &it->second;
            if (!l || l->key < 0)
                continue;
            f.lastContact = QDate::fromJulianDay(l->key / 86400);
            f.lastOutcome = l->outcome >= 0 ? std::optional<Outcome>(Outcome(l->outcome)) : std::nullopt;
            f.followUp = dateOf(l->followUp);
            f.lastReachedCall = dateOf(l->reached);
        }
    }

    // Orders: in the helper thread, or here.
    if (worker.joinable())
        worker.join();
    else
        scanOrders(db, b, orders);
    if (orders.error)
        return std::unexpected(*orders.error);
    for (classify::CustomerFacts &f : facts) {
        const OrderSums *o = orders.sums.get(f.id);
        if (!o)
            continue;
        f.firstOrder = o->total > 0 ? dateOf(o->first) : QDate();
        f.lastOrder = o->total > 0 ? dateOf(o->last) : QDate();
        f.ordersTotal = o->total;
        f.frequency = o->frequency;
        f.monetary = o->monetary;
        f.spendRecent = o->recent;
        f.spendPrev = o->previous;
    }
    return facts;
}

namespace {

// The customers' history digests (schema 4, table customer_history). Each customer's orders and
// calls dated on a valid day, packed and sorted by date, so that the facts as of any day are one
// walk of a few bytes: the pass reads a million narrow rows in id order instead of eleven million
// orders and calls in the order they were entered.
//
// orders: per order, by day: varint(day − previous day; the first from 0), zigzag varint(amount).
// calls: per call, by (day, second of the day, id): varint(day − previous day), varint(second of
//        the day), one byte (the outcome's code, 7 when unknown; 8 when a follow-up is set), and then
//        zigzag varint(follow-up day − day) when set. The latest call on or before T is the last one
//        of the walk that stops after T; the second is kept so that later calls merge in order.
//
// A digest holds the rows up to customer_history_state.orders_upto / calls_upto (row ids). Rows
// added since (a logged call, a new order: ids above those) are read from the end of their table
// by every pass and merged in memory; they are written into the digests once there are many. The
// triggers list only the customers whose rows up to those ids changed (an edit, a deletion, a
// merge, an undone import); the pass rebuilds them from those rows.

constexpr quint8 kNoOutcome = 7;
constexpr quint8 kHasFollowUp = 8;

void putVarint(std::string &out, quint64 v)
{
    while (v >= 0x80) {
        out.push_back(char(quint8(v) | 0x80));
        v >>= 7;
    }
    out.push_back(char(v));
}

void putSigned(std::string &out, qint64 v)
{
    putVarint(out, (quint64(v) << 1) ^ quint64(v >> 63));
}

/// Reads a varint at `p` (never beyond `end`: a damaged digest reads as zeros).
quint64 getVarint(const quint8 *&p, const quint8 *end)
{
    quint64 v = 0;
    for (int shift = 0; p < end && shift < 64; shift += 7) {
        const quint8 byte = *p++;
        v |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            break;
    }
    return v;
}

qint64 getSigned(const quint8 *&p, const quint8 *end)
{
    const quint64 v = getVarint(p, end);
    return qint64(v >> 1) ^ -qint64(v & 1);
}

/// An order or a call on its way into a digest. `Id` is 32 bits when every customer id fits (the
/// first build sorts the rows 262,144 at a time: 16 and 24 bytes a row instead of 24 and 32).
template<typename Id>
struct OrderRecord {
    Id customer;
    qint32 day;
    Cents amount;
};

template<typename Id>
struct CallRecord {
    Id customer;
    qint32 day;
    qint32 secondAndOutcome; ///< second of the day × 8 + the outcome's code (or kNoOutcome)
    qint32 followUp;         ///< Julian day, 0 when none
    qint64 id;
};

/// One kind of digest for many customers: ids ascending, and each one's bytes.
struct Digests {
    std::vector<qint64> ids;
    std::vector<std::size_t> ends; ///< the end of each one's bytes in `bytes`
    std::string bytes;

    std::size_t size() const { return ids.size(); }
    QByteArrayView at(std::size_t i) const
    {
        const std::size_t begin = i == 0 ? 0 : ends[i - 1];
        return QByteArrayView(bytes.data() + begin, qsizetype(ends[i] - begin));
    }
};

/// Writes an order after the one before of the same customer (`previous`: its day, 0 for the
/// first): the days since, the amount (read by readOrderDigest()).
template<typename Id>
void putRecord(std::string &bytes, const OrderRecord<Id> &o, qint32 previous)
{
    putVarint(bytes, quint64(o.day - previous));
    putSigned(bytes, o.amount);
}

/// A call: the days since the one before, the second of the day, a byte of outcome and whether
/// a follow-up was set, and that follow-up in days after the call (read by readCallDigest()).
template<typename Id>
void putRecord(std::string &bytes, const CallRecord<Id> &c, qint32 previous)
{
    putVarint(bytes, quint64(c.day - previous));
    putVarint(bytes, quint64(c.secondAndOutcome >> 3));
    bytes.push_back(char((c.secondAndOutcome & 7) | (c.followUp > 0 ? kHasFollowUp : 0)));
    if (c.followUp > 0)
        putSigned(bytes, qint64(c.followUp) - c.day);
}

/// About how many bytes a record takes in a digest.
template<typename Id>
constexpr std::size_t bytesPerRecord(const OrderRecord<Id> *)
{
    return 6;
}
template<typename Id>
constexpr std::size_t bytesPerRecord(const CallRecord<Id> *)
{
    return 7;
}

/// Packs records sorted by customer and date into one digest per customer, appended to `out`.
template<typename Record>
void packDigests(const std::vector<Record> &rows, Digests &out)
{
    out.bytes.reserve(out.bytes.size() + rows.size() * bytesPerRecord(static_cast<const Record *>(nullptr)));
    for (std::size_t i = 0; i < rows.size();) {
        const auto customer = rows[i].customer;
        qint32 previous = 0;
        for (; i < rows.size() && rows[i].customer == customer; ++i) {
            putRecord(out.bytes, rows[i], previous);
            previous = rows[i].day;
        }
        out.ids.push_back(customer);
        out.ends.push_back(out.bytes.size());
    }
}

template<typename Id>
void sortRecords(std::vector<OrderRecord<Id>> &rows)
{
    std::sort(rows.begin(), rows.end(), [](const OrderRecord<Id> &a, const OrderRecord<Id> &b) {
        return a.customer != b.customer ? a.customer < b.customer : a.day < b.day;
    });
}

/// By customer, then (called_at, id) as the latest call is chosen.
template<typename Id>
void sortRecords(std::vector<CallRecord<Id>> &rows)
{
    std::sort(rows.begin(), rows.end(), [](const CallRecord<Id> &a, const CallRecord<Id> &b) {
        if (a.customer != b.customer)
            return a.customer < b.customer;
        if (a.day != b.day)
            return a.day < b.day;
        const qint32 sa = a.secondAndOutcome >> 3, sb = b.secondAndOutcome >> 3;
        return sa != sb ? sa < sb : a.id < b.id;
    });
}

/// Reads an order digest (putRecord()) in date order: `f(day, amount)` for each order until it returns
/// false.
template<typename F>
void readOrderDigest(QByteArrayView digest, F f)
{
    auto p = reinterpret_cast<const quint8 *>(digest.data());
    const auto end = p + digest.size();
    qint64 day = 0;
    while (p < end) {
        day += qint64(getVarint(p, end));
        const Cents amount = getSigned(p, end);
        if (!f(day, amount))
            return;
    }
}

/// Reads a call digest (putRecord()) in its order: `f(day, second, code, followUp)` for each call
/// until it returns false; `code` holds the outcome (low three bits, kNoOutcome for none),
/// `followUp` is a Julian day or 0.
template<typename F>
void readCallDigest(QByteArrayView digest, F f)
{
    auto p = reinterpret_cast<const quint8 *>(digest.data());
    const auto end = p + digest.size();
    qint64 day = 0;
    while (p < end) {
        day += qint64(getVarint(p, end));
        const qint64 second = qint64(getVarint(p, end));
        const quint8 code = p < end ? *p++ : kNoOutcome;
        const qint64 followUp = code & kHasFollowUp ? day + getSigned(p, end) : 0;
        if (!f(day, second, code, followUp))
            return;
    }
}

/// A digest's records again, to merge other rows into it.
void unpack(qint64 customer, QByteArrayView digest, std::vector<OrderRecord<qint64>> &out, qint64 = 0)
{
    readOrderDigest(digest, [&](qint64 day, Cents amount) {
        out.push_back({customer, qint32(day), amount});
        return true;
    });
}

/// The calls get ids from `firstId` up, in their order: they sort among other calls as the
/// rows they came from when those had ids in the same order (see sortRecords()).
void unpack(qint64 customer, QByteArrayView digest, std::vector<CallRecord<qint64>> &out, qint64 firstId)
{
    qint64 id = firstId;
    readCallDigest(digest, [&](qint64 day, qint64 second, quint8 code, qint64 followUp) {
        out.push_back({customer, qint32(day), qint32(second * 8 + (code & 7)), qint32(followUp), id++});
        return true;
    });
}

/// Whether `customer` fits the records' id type (a row of a customer who cannot exist is left out:
/// the pass has no facts for it).
template<typename Id>
bool fits(qint64 customer)
{
    return customer >= qint64(std::numeric_limits<Id>::min()) &&
           customer <= qint64(std::numeric_limits<Id>::max());
}

/// Reads the orders of a statement (its parameters bound) into records (`out.push_back()`), and
/// resets it. Orders without a valid day never count, so they are left out.
template<typename Out>
Result<void> readOrders(sqlite3 *db, Statement &s, Out &out)
{
    using Id = decltype(Out::value_type::customer);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        const qint64 day = julianDay(s.bytes(1));
        const qint64 id = s.int64(0);
        if (day == 0 || !fits<Id>(id))
            continue;
        out.push_back(OrderRecord<Id>{Id(id), qint32(day), s.int64(2)});
    }
    s.reset();
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(
            db, rc, QCoreApplication::translate("tierdesk::store", "Could not read the orders.")));
    return {};
}

template<typename Out>
Result<void> readCalls(sqlite3 *db, Statement &s, Out &out)
{
    using Id = decltype(Out::value_type::customer);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        const QByteArrayView calledAt = s.bytes(1);
        const qint64 day = julianDay(calledAt);
        const qint64 id = s.int64(0);
        if (day == 0 || !fits<Id>(id))
            continue;
        const std::optional<Outcome> o = schema::fromStored<Outcome>(s.bytes(3));
        const qint64 followUp = s.isNull(4) ? 0 : julianDay(s.bytes(4));
        out.push_back(CallRecord<Id>{Id(id), qint32(day),
                                     qint32(secondOfDay(calledAt) * 8 + (o ? int(*o) : kNoOutcome)),
                                     qint32(followUp), s.int64(2)});
    }
    s.reset();
    if (rc != SQLITE_DONE)
        return std::unexpected(
            sqliteError(db, rc, QCoreApplication::translate("tierdesk::store", "Could not read the calls.")));
    return {};
}

/// Where a record sorts in its customer's digest: the day, and for a call the second of the day.
struct DigestKey {
    qint64 day = 0;
    qint64 second = 0;
    auto operator<=>(const DigestKey &) const = default;
};

/// The keys of a digest's first and last records ({0, 0} for an empty one).
std::pair<DigestKey, DigestKey> firstAndLast(QByteArrayView digest, const OrderRecord<qint64> *)
{
    std::pair<DigestKey, DigestKey> keys;
    bool first = true;
    readOrderDigest(digest, [&](qint64 day, Cents) {
        keys.second = {day, 0};
        if (std::exchange(first, false))
            keys.first = keys.second;
        return true;
    });
    return keys;
}

std::pair<DigestKey, DigestKey> firstAndLast(QByteArrayView digest, const CallRecord<qint64> *)
{
    std::pair<DigestKey, DigestKey> keys;
    bool first = true;
    readCallDigest(digest, [&](qint64 day, qint64 second, quint8, qint64) {
        keys.second = {day, second};
        if (std::exchange(first, false))
            keys.first = keys.second;
        return true;
    });
    return keys;
}

/// How many records the digests are built from at a time (setHistoryChunkRows()), and into how
/// many chunks at most: a bigger table gets bigger chunks (DigestMerge reads all of them for each
/// customer).
constexpr std::size_t kHistoryChunkRows = std::size_t(1) << 18;
constexpr std::size_t kMostHistoryChunks = 64;
std::atomic<std::size_t> g_historyChunkRows{kHistoryChunkRows};

/// Digests built a chunk of records at a time, so that the first build holds the rows packed
/// rather than as records. Every chunkRows() records (in the order read) are sorted and packed
/// into a chunk: for each of its customers, ascending, the difference of its id from the one
/// before (the first from 0), the length of its digest, and the digest. DigestMerge reads them.
///
/// A million customers' first build read their 7 million orders and 3.9 million calls into
/// 16- and 24-byte records to sort them all at once: 206 MB, on two threads. The chunks hold
/// them in about 7 bytes a row.
template<typename Record>
class ChunkedDigests {
public:
    using value_type = Record;

    /// For about `rows` records.
    explicit ChunkedDigests(qint64 rows)
        : m_chunkRows(std::max<std::size_t>(
              {g_historyChunkRows, std::size_t(std::max<qint64>(rows, 0)) / kMostHistoryChunks + 1}))
    {}

    void push_back(const Record &r)
    {
        m_rows.push_back(r);
        if (m_rows.size() >= m_chunkRows)
            flush();
    }
    std::vector<std::string> finish()
    {
        flush();
        m_rows = {};
        return std::move(m_chunks);
    }

private:
    void flush()
    {
        if (m_rows.empty())
            return;
        sortRecords(m_rows);
        m_packed.ids.clear();
        m_packed.ends.clear();
        m_packed.bytes.clear();
        packDigests(m_rows, m_packed);
        m_rows.clear();
        std::string chunk;
        chunk.reserve(m_packed.bytes.size() + m_packed.size() * 3);
        qint64 previous = 0;
        for (std::size_t i = 0; i < m_packed.size(); ++i) {
            const QByteArrayView digest = m_packed.at(i);
            putVarint(chunk, quint64(m_packed.ids[i]) - quint64(previous));
            putVarint(chunk, quint64(digest.size()));
            chunk.append(digest.data(), std::size_t(digest.size()));
            previous = m_packed.ids[i];
        }
        chunk.shrink_to_fit();
        m_chunks.push_back(std::move(chunk));
    }

    std::size_t m_chunkRows;
    std::vector<Record> m_rows;
    Digests m_packed;
    std::vector<std::string> m_chunks;
};

/// The digests of ChunkedDigests' chunks, customer by customer in id order. A customer found in
/// one chunk reads its digest there; one found in several gets them joined (a table in date
/// order spreads most customers over every chunk).
template<typename Record>
class DigestMerge {
public:
    explicit DigestMerge(std::vector<std::string> chunks)
        : m_chunks(std::move(chunks))
    {
        for (std::size_t i = 0; i < m_chunks.size(); ++i) {
            const auto *p = reinterpret_cast<const quint8 *>(m_chunks[i].data());
            Cursor cursor{p, p + m_chunks[i].size(), 0, {}, qint64(i)};
            if (advance(cursor))
                m_cursors.push_back(cursor);
        }
        findNext();
    }

    /// The next customer's id, LLONG_MAX after the last.
    qint64 id() const { return m_next; }

    /// The digest of id(), which moves on to the next customer. The bytes stay valid until the
    /// next call.
    QByteArrayView take()
    {
        const qint64 customer = m_next;
        // Its parts, in chunk order. The cursors are few (a chunk is 262,144 rows) and most of
        // them hold most customers: a walk over all of them was faster than a heap.
        m_parts.clear();
        bool ended = false;
        for (Cursor &cursor : m_cursors) {
            if (cursor.id != customer)
                continue;
            m_parts.push_back({cursor.digest, cursor.chunk});
            if (!advance(cursor)) {
                cursor.id = LLONG_MAX;
                ended = true;
            }
        }
        if (ended)
            std::erase_if(m_cursors, [](const Cursor &c) { return c.id == LLONG_MAX; });
        findNext();
        if (m_parts.size() <= 1)
            return m_parts.empty() ? QByteArrayView() : m_parts.front().first;
        if (concatenate())
            return QByteArrayView(m_bytes.data(), qsizetype(m_bytes.size()));
        m_records.clear();
        for (const auto &[digest, chunk] : m_parts) {
            // Calls of a later chunk come after those of an earlier one at the same second: the
            // chunks were read in row id order.
            unpack(customer, digest, m_records, LLONG_MIN + (chunk << 32));
        }
        sortRecords(m_records);
        m_merged.ids.clear();
        m_merged.ends.clear();
        m_merged.bytes.clear();
        packDigests(m_records, m_merged);
        return m_merged.at(0);
    }

private:
    /// Where a chunk is read: its next customer and that one's digest.
    struct Cursor {
        const quint8 *p;
        const quint8 *end;
        qint64 id;
        QByteArrayView digest;
        qint64 chunk;
    };
    /// Reads the chunk's next customer; false at its end.
    static bool advance(Cursor &cursor)
    {
        if (cursor.p >= cursor.end)
            return false;
        cursor.id = qint64(quint64(cursor.id) + getVarint(cursor.p, cursor.end));
        const quint64 length =
            std::min<quint64>(getVarint(cursor.p, cursor.end), quint64(cursor.end - cursor.p));
        cursor.digest = QByteArrayView(reinterpret_cast<const char *>(cursor.p), qsizetype(length));
        cursor.p += length;
        return true;
    }
    void findNext()
    {
        m_next = LLONG_MAX;
        for (const Cursor &cursor : m_cursors)
            m_next = std::min(m_next, cursor.id);
    }

    /// When each part begins at or after the (day, second) where the one before ends, as in a
    /// table filled in date order: the parts one after the other in m_bytes, each one's first
    /// day counted from the last day of the one before instead of from 0. The order the merge
    /// would give: the calls at the same second in chunk order, the orders of a day in any.
    bool concatenate()
    {
        DigestKey before{0, 0};
        m_lastDays.clear();
        for (const auto &[digest, chunk] : m_parts) {
            const auto [first, last] = firstAndLast(digest, static_cast<const Record *>(nullptr));
            if (first < before)
                return false;
            before = last;
            m_lastDays.push_back(last.day);
        }
        m_bytes.clear();
        qint64 day = 0;
        for (std::size_t i = 0; i < m_parts.size(); ++i) {
            const QByteArrayView digest = m_parts[i].first;
            auto p = reinterpret_cast<const quint8 *>(digest.data());
            const auto end = p + digest.size();
            const qint64 first = qint64(getVarint(p, end));
            putVarint(m_bytes, quint64(first - day));
            m_bytes.append(reinterpret_cast<const char *>(p), std::size_t(end - p));
            day = m_lastDays[i];
        }
        return true;
    }

    std::vector<std::string> m_chunks;
    std::vector<Cursor> m_cursors; ///< of the chunks not read to their end, in chunk order
    qint64 m_next = LLONG_MAX;
    std::vector<std::pair<QByteArrayView, qint64>> m_parts; ///< take()'s: digest, chunk
    std::vector<qint64> m_lastDays;
    std::vector<Record> m_records;
    Digests m_merged;
    std::string m_bytes;
};

// ?1: up to which row id (the digests' part), ?2 a customer; the tail: the rows after ?1.
// The whole tables are read in row id order (their storage order), which DigestMerge relies on.
constexpr char kAllOrders[] = "SELECT customer_id, ordered_at, amount FROM orders WHERE id <= ?1 ORDER BY id";
constexpr char kAllCalls[] =
    "SELECT customer_id, called_at, id, outcome, next_follow_up FROM calls WHERE id <= ?1 ORDER BY id";
constexpr char kOrdersOf[] =
    "SELECT customer_id, ordered_at, amount FROM orders WHERE customer_id = ?2 AND id <= ?1 ORDER BY id";
constexpr char kCallsOf[] = "SELECT customer_id, called_at, id, outcome, next_follow_up FROM calls WHERE "
                            "customer_id = ?2 AND id <= ?1 ORDER BY id";
constexpr char kOrdersAfter[] = "SELECT customer_id, ordered_at, amount FROM orders WHERE id > ?1";
constexpr char kCallsAfter[] =
    "SELECT customer_id, called_at, id, outcome, next_follow_up FROM calls WHERE id > ?1";

/// Up to which row ids of orders and calls the digests go.
struct Upto {
    qint64 orders = 0;
    qint64 calls = 0;
};

/// Customers' digests of both kinds.
struct History {
    Digests orders;
    Digests calls;
};

/// Customers' digests of both kinds as built, read in id order.
struct BuiltHistory {
    DigestMerge<OrderRecord<qint64>> orders;
    DigestMerge<CallRecord<qint64>> calls;
};

/// Every customer's digests from the orders and calls tables up to `upto` (each read once in
/// storage order). With `helper`, the orders are read there in a second thread while `db` reads the
/// calls.
template<typename Id>
Result<BuiltHistory> buildAll(sqlite3 *db, sqlite3 *helper, const Upto &upto)
{
    std::vector<std::string> orderChunks, callChunks;
    std::optional<Error> orderError;
    auto orders = [&](sqlite3 *c) {
        ChunkedDigests<OrderRecord<Id>> chunks(upto.orders);
        auto s = Statement::prepare(c, kAllOrders);
        if (!s) {
            orderError = s.error();
            return;
        }
        s->bind(1, std::int64_t(upto.orders));
        if (auto ok = readOrders(c, *s, chunks); !ok) {
            orderError = ok.error();
            return;
        }
        orderChunks = chunks.finish();
    };
    std::jthread worker; // joined when it goes out of scope, an error return too
    if (helper) {
        worker = std::jthread([&] {
            ReadTransaction read(helper);
            orders(helper);
        });
    }
    {
        ChunkedDigests<CallRecord<Id>> chunks(upto.calls);
        auto s = Statement::prepare(db, kAllCalls);
        if (!s)
            return std::unexpected(s.error());
        s->bind(1, std::int64_t(upto.calls));
        if (auto ok = readCalls(db, *s, chunks); !ok)
            return std::unexpected(ok.error());
        callChunks = chunks.finish();
    }
    if (worker.joinable())
        worker.join();
    else
        orders(db);
    if (orderError)
        return std::unexpected(*orderError);
    return BuiltHistory{DigestMerge<OrderRecord<qint64>>(std::move(orderChunks)),
                        DigestMerge<CallRecord<qint64>>(std::move(callChunks))};
}

Result<BuiltHistory> buildAll(sqlite3 *db, sqlite3 *helper, const Upto &upto)
{
    auto range =
        selectInt(db, "SELECT ifnull(min(id), 0) >= 0 AND ifnull(max(id), 0) <= 2147483647 FROM customers");
    if (!range)
        return std::unexpected(range.error());
    return *range ? buildAll<qint32>(db, helper, upto) : buildAll<qint64>(db, helper, upto);
}

/// The digests of the customers `ids` (ascending) from their orders and calls up to `upto`.
Result<BuiltHistory> buildSome(sqlite3 *db, const std::vector<qint64> &ids, const Upto &upto)
{
    ChunkedDigests<OrderRecord<qint64>> orders(0);
    ChunkedDigests<CallRecord<qint64>> calls(0);
    auto ordersOf = Statement::prepare(db, kOrdersOf);
    if (!ordersOf)
        return std::unexpected(ordersOf.error());
    auto callsOf = Statement::prepare(db, kCallsOf);
    if (!callsOf)
        return std::unexpected(callsOf.error());
    // Each customer's rows come in row id order (the index on customer_id), as DigestMerge needs.
    for (const qint64 id : ids) {
        ordersOf->bind(1, std::int64_t(upto.orders));
        ordersOf->bind(2, std::int64_t(id));
        if (auto ok = readOrders(db, *ordersOf, orders); !ok)
            return std::unexpected(ok.error());
        callsOf->bind(1, std::int64_t(upto.calls));
        callsOf->bind(2, std::int64_t(id));
        if (auto ok = readCalls(db, *callsOf, calls); !ok)
            return std::unexpected(ok.error());
    }
    return BuiltHistory{DigestMerge<OrderRecord<qint64>>(orders.finish()),
                        DigestMerge<CallRecord<qint64>>(calls.finish())};
}

/// The rows after `upto` (the newest), sorted by customer and date.
struct Tail {
    std::vector<OrderRecord<qint64>> orders;
    std::vector<CallRecord<qint64>> calls;
};

Result<Tail> readTail(sqlite3 *db, const Upto &upto)
{
    Tail t;
    auto orders = Statement::prepare(db, kOrdersAfter);
    if (!orders)
        return std::unexpected(orders.error());
    orders->bind(1, std::int64_t(upto.orders));
    if (auto ok = readOrders(db, *orders, t.orders); !ok)
        return std::unexpected(ok.error());
    auto calls = Statement::prepare(db, kCallsAfter);
    if (!calls)
        return std::unexpected(calls.error());
    calls->bind(1, std::int64_t(upto.calls));
    if (auto ok = readCalls(db, *calls, t.calls); !ok)
        return std::unexpected(ok.error());
    sortRecords(t.orders);
    sortRecords(t.calls);
    return t;
}

Result<std::vector<qint64>> dirtyIds(sqlite3 *db)
{
    auto s = Statement::prepare(db, "SELECT customer_id FROM customer_history_dirty ORDER BY customer_id");
    if (!s)
        return std::unexpected(s.error());
    std::vector<qint64> ids;
    int rc;
    while ((rc = s->step()) == SQLITE_ROW)
        ids.push_back(s->int64(0));
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(db, rc, {}));
    return ids;
}

/// When more customers than this share of all are dirty, all digests are built again from the
/// tables (two reads in storage order) rather than one customer at a time (two index lookups each).
constexpr qint64 kRebuildAllShare = 16;
/// The newest rows are written into the digests once there are more of them than this share of
/// the customers (at least kFoldRows): until then each pass reads them from the tables' ends.
constexpr qint64 kFoldShare = 8;
constexpr qint64 kFoldRows = 4096;

/// Walks the ids of both kinds of a History in order: f(id, orders, calls) with an empty view for
/// a kind the customer has none of.
template<typename F>
void forEachCustomer(const History &h, F f)
{
    std::size_t i = 0, j = 0;
    while (i < h.orders.size() || j < h.calls.size()) {
        const qint64 a = i < h.orders.size() ? h.orders.ids[i] : LLONG_MAX;
        const qint64 c = j < h.calls.size() ? h.calls.ids[j] : LLONG_MAX;
        const qint64 id = std::min(a, c);
        f(id, a == id ? h.orders.at(i++) : QByteArrayView(), c == id ? h.calls.at(j++) : QByteArrayView());
    }
}

/// What a customer's digests say as of T: the facts of orders and calls.
struct HistoryFacts {
    qint64 id = 0;
    OrderSums orders;
    qint32 lastContact = 0; ///< Julian day, 0 when no call
    qint32 followUp = 0;
    qint32 reached = 0;
    qint8 outcome = -1;
};

HistoryFacts factsOf(qint64 id, QByteArrayView orders, QByteArrayView calls, const Bounds &b)
{
    HistoryFacts h;
    h.id = id;
    readOrderDigest(orders, [&](qint64 day, Cents amount) {
        if (day > b.t)
            return false;
        addOrder(h.orders, day, amount, b);
        return true;
    });
    readCallDigest(calls, [&](qint64 day, qint64, quint8 code, qint64 followUp) {
        if (day > b.t)
            return false;
        const quint8 outcome = code & 7;
        if (outcome == quint8(Outcome::Reached))
            h.reached = qint32(day);
        h.lastContact = qint32(day);
        h.outcome = outcome == kNoOutcome ? qint8(-1) : qint8(outcome);
        h.followUp = qint32(followUp);
        return true;
    });
    return h;
}

/// A transaction for the pass on `db`: a write transaction of its own (inside a caller's, a
/// savepoint) when it may write the digests, else a read transaction. The write does not count
/// as one (Database::writeGeneration): what the digests say is already in the tables.
class PassTransaction {
public:
    PassTransaction(Database &database, sqlite3 *db, bool write)
        : m_db(db)
        , m_nested(!sqlite3_get_autocommit(db))
    {
        if (write && database.integrity())
            m_write = sqlite3_exec(db, m_nested ? "SAVEPOINT tierdesk_history" : "BEGIN IMMEDIATE", nullptr,
                                   nullptr, nullptr) == SQLITE_OK;
        if (!m_write)
            m_read.emplace(db);
    }
    ~PassTransaction()
    {
        if (!m_write)
            return;
        if (m_commit)
            sqlite3_exec(m_db, m_nested ? "RELEASE tierdesk_history" : "COMMIT", nullptr, nullptr, nullptr);
        else if (m_nested)
            sqlite3_exec(m_db, "ROLLBACK TO tierdesk_history; RELEASE tierdesk_history", nullptr, nullptr,
                         nullptr);
        else
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    PassTransaction(const PassTransaction &) = delete;
    PassTransaction &operator=(const PassTransaction &) = delete;
    bool writes() const { return m_write; }
    bool nested() const { return m_nested; }
    void commit() { m_commit = true; }

private:
    sqlite3 *m_db;
    bool m_nested;
    bool m_write = false;
    bool m_commit = false;
    std::optional<ReadTransaction> m_read;
};

/// Every customer's facts of orders and calls in id order, from the digests (built first when
/// they never were; the dirty customers' rebuilt) and the rows added since, in one snapshot of
/// `db`. With `write`, the digests are written back when they were built or rebuilt, or when
/// many rows were added since. `helper` may read the orders when all are built.
Result<std::vector<HistoryFacts>> historyFacts(Database &database, sqlite3 *db, sqlite3 *helper,
                                               const Bounds &b, bool write)
{
    PassTransaction tx(database, db, write);
    Upto upto;
    bool built = false;
    {
        auto s = Statement::prepare(db, "SELECT built, orders_upto, calls_upto FROM customer_history_state");
        if (!s)
            return std::unexpected(s.error());
        if (const int rc = s->step(); rc == SQLITE_ROW) {
            built = s->integer(0) != 0;
            upto = {s->int64(1), s->int64(2)};
        } else if (rc != SQLITE_DONE) {
            return std::unexpected(sqliteError(db, rc, {}));
        }
    }
    auto dirty = dirtyIds(db);
    if (!dirty)
        return std::unexpected(dirty.error());
    auto maxId = maxCustomerId(db);
    if (!maxId)
        return std::unexpected(maxId.error());
    const bool all = !built || qint64(dirty->size()) * kRebuildAllShare > *maxId;
    if (all) {
        // Built now: up to the last rows of this snapshot.
        auto orders = selectInt(db, "SELECT ifnull(max(id), 0) FROM orders");
        auto calls = selectInt(db, "SELECT ifnull(max(id), 0) FROM calls");
        if (!orders || !calls)
            return std::unexpected(!orders ? orders.error() : calls.error());
        upto = {*orders, *calls};
        dirty->clear();
    }
    // In WAL mode a helper's snapshot, taken while this transaction holds the write lock, is this
    // one; without the lock it may be later, and the rows up to `upto` are the same.
    auto base = all ? buildAll(db, tx.nested() ? nullptr : helper, upto) : buildSome(db, *dirty, upto);
    if (!base)
        return std::unexpected(base.error());
    auto tail = readTail(db, upto);
    if (!tail)
        return std::unexpected(tail.error());
    const qint64 tailRows = qint64(tail->orders.size() + tail->calls.size());
    const bool fold =
        tx.writes() && (all || !dirty->empty() || tailRows > std::max(kFoldRows, *maxId / kFoldShare));

    std::optional<Statement> stored;
    if (!all) {
        auto s = Statement::prepare(db, "SELECT customer_id, orders, calls FROM customer_history");
        if (!s)
            return std::unexpected(s.error());
        stored.emplace(std::move(*s));
    }
    // The digests written back: all of them as the walk below reads them, or after it the changed
    // ones (a customer merged into another, or whose last order was deleted, has none left).
    std::optional<Statement> put;
    if (fold) {
        if (all) {
            if (auto ok = database.exec("DELETE FROM customer_history"); !ok)
                return std::unexpected(ok.error());
        }
        auto s =
            Statement::prepare(db, "INSERT OR REPLACE INTO customer_history (customer_id, orders, calls) "
                                   "VALUES (?1, ?2, ?3)");
        if (!s)
            return std::unexpected(s.error());
        put.emplace(std::move(*s));
    }
    auto putDigests = [&](qint64 id, QByteArrayView orders, QByteArrayView calls) {
        put->bind(1, std::int64_t(id));
        sqlite3_bind_blob(put->get(), 2, orders.data(), int(orders.size()), SQLITE_STATIC);
        sqlite3_bind_blob(put->get(), 3, calls.data(), int(calls.size()), SQLITE_STATIC);
        return put->run({});
    };
    // One record per customer with a history, in id order: reserved for the largest id, on huge
    // pages (growing it as it filled was a third of the pass: copies and page faults).
    std::vector<HistoryFacts> out;
    out.reserve(std::size_t(std::clamp<qint64>(*maxId, 0, kDenseIdLimit)) + 1);
    adviseHugePages(out.data(), out.capacity() * sizeof(HistoryFacts));
    History changed; // what `fold` writes when not all were built: the changed customers
    auto blob = [&](int col) {
        return QByteArrayView(static_cast<const char *>(sqlite3_column_blob(stored->get(), col)),
                              sqlite3_column_bytes(stored->get(), col));
    };
    int rc = stored ? stored->step() : SQLITE_DONE;
    std::size_t to = 0, tc = 0, d = 0;
    std::vector<OrderRecord<qint64>> mergedOrders;
    std::vector<CallRecord<qint64>> mergedCalls;
    History merged;
    for (;;) {
        qint64 id = LLONG_MAX;
        if (rc == SQLITE_ROW)
            id = std::min<qint64>(id, stored->int64(0));
        id = std::min({id, base->orders.id(), base->calls.id()});
        if (to < tail->orders.size())
            id = std::min(id, tail->orders[to].customer);
        if (tc < tail->calls.size())
            id = std::min(id, tail->calls[tc].customer);
        if (id == LLONG_MAX)
            break;
        while (d < dirty->size() && (*dirty)[d] < id)
            ++d;
        const bool isDirty = d < dirty->size() && (*dirty)[d] == id;
        const bool fromStored = rc == SQLITE_ROW && stored->int64(0) == id;
        // The digests' part: rebuilt (all, or this customer dirty), else as stored.
        QByteArrayView orders, calls;
        if (fromStored && !isDirty) {
            orders = blob(1);
            calls = blob(2);
        }
        if (base->orders.id() == id)
            orders = base->orders.take();
        if (base->calls.id() == id)
            calls = base->calls.take();
        // All built: the digests as built go into the table, up to `upto` (the rows after stay
        // the tail).
        if (fold && all && !(orders.isEmpty() && calls.isEmpty())) {
            if (auto ok = putDigests(id, orders, calls); !ok)
                return std::unexpected(ok.error());
        }
        // The rows added since, merged in.
        const std::size_t to0 = to, tc0 = tc;
        while (to < tail->orders.size() && tail->orders[to].customer == id)
            ++to;
        while (tc < tail->calls.size() && tail->calls[tc].customer == id)
            ++tc;
        if (to > to0 || tc > tc0) {
            mergedOrders.clear();
            mergedCalls.clear();
            merged = {};
            if (to > to0) {
                unpack(id, orders, mergedOrders);
                mergedOrders.insert(mergedOrders.end(), tail->orders.begin() + qsizetype(to0),
                                    tail->orders.begin() + qsizetype(to));
                sortRecords(mergedOrders);
                packDigests(mergedOrders, merged.orders);
                orders = merged.orders.size() ? merged.orders.at(0) : QByteArrayView();
            }
            if (tc > tc0) {
                // Below any real id: a newer call at the same second comes after these.
                unpack(id, calls, mergedCalls, LLONG_MIN);
                mergedCalls.insert(mergedCalls.end(), tail->calls.begin() + qsizetype(tc0),
                                   tail->calls.begin() + qsizetype(tc));
                sortRecords(mergedCalls);
                packDigests(mergedCalls, merged.calls);
                calls = merged.calls.size() ? merged.calls.at(0) : QByteArrayView();
            }
        }
        out.push_back(factsOf(id, orders, calls, b));
        if (fold && !all && (isDirty || to > to0 || tc > tc0)) {
            for (auto [digests, bytes] :
                 {std::pair{&changed.orders, orders}, std::pair{&changed.calls, calls}}) {
                digests->ids.push_back(id);
                digests->bytes.append(bytes.data(), std::size_t(bytes.size()));
                digests->ends.push_back(digests->bytes.size());
            }
        }
        if (fromStored)
            rc = stored->step();
    }
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(db, rc, {}));
    stored.reset();
    if (!fold)
        return out;

    // The changed customers, with the tail merged in: then they hold every row of this snapshot.
    if (!all) {
        if (auto ok = database.exec("DELETE FROM customer_history WHERE customer_id IN "
                                    "(SELECT customer_id FROM customer_history_dirty)");
            !ok)
            return std::unexpected(ok.error());
        Result<void> written;
        forEachCustomer(changed, [&](qint64 id, QByteArrayView orders, QByteArrayView calls) {
            if (written && !(orders.isEmpty() && calls.isEmpty()))
                written = putDigests(id, orders, calls);
        });
        if (!written)
            return std::unexpected(written.error());
    }
    auto state = Statement::prepare(
        db, all ? "UPDATE customer_history_state SET built = 1, orders_upto = ?1, calls_upto = ?2"
                : "UPDATE customer_history_state SET built = 1,"
                  " orders_upto = max(orders_upto, (SELECT ifnull(max(id), 0) FROM orders)),"
                  " calls_upto = max(calls_upto, (SELECT ifnull(max(id), 0) FROM calls))");
    if (!state)
        return std::unexpected(state.error());
    if (all) {
        state->bind(1, std::int64_t(upto.orders));
        state->bind(2, std::int64_t(upto.calls));
    }
    if (auto ok = state->run({}); !ok)
        return std::unexpected(ok.error());
    if (auto ok = database.exec("DELETE FROM customer_history_dirty"); !ok)
        return std::unexpected(ok.error());
    tx.commit();
    return out;
}

} // namespace

void setHistoryChunkRows(std::size_t rows)
{
    g_historyChunkRows = std::max<std::size_t>(rows, 1);
}

Result<std::vector<classify::CustomerFacts>> scanAllFacts(Database &database, QDate asOf,
                                                          const classify::Settings &settings)
{
    if (database.schemaVersion() < 4) // a file older than the digests, opened read-only
        return scanAllFactsFromTables(database, asOf, settings);
    const Bounds b = boundsOf(asOf, settings);
    const bool file =
        database.path() != QStringLiteral(":memory:") && sqlite3_get_autocommit(database.handle());
    // Whether the digests are to be written: never built, customers listed, or many rows added
    // since (see historyFacts()). Only then does the pass take the write lock and the shared
    // connection; on other days it reads on a read-only connection of its own.
    auto state =
        selectInt(database.handle(),
                  "SELECT built + 2 * (built = 0 OR EXISTS (SELECT 1 FROM customer_history_dirty) OR"
                  " (SELECT ifnull(max(id), 0) FROM orders) - orders_upto + (SELECT ifnull(max(id), 0)"
                  " FROM calls) - calls_upto > max(4096, (SELECT ifnull(max(id), 0) FROM customers) / 8))"
                  " FROM customer_history_state");
    if (!state)
        return std::unexpected(state.error());
    const bool built = *state & 1;
    const bool write = (*state & 2) && !sqlite3_db_readonly(database.handle(), "main");

    // On a database file the customers are read in a helper thread on a read-only connection of
    // their own, as scanAllFactsFromTables() does, and the orders in another when every digest
    // is built. The digests are read here.
    std::optional<HelperConnection> here, forCustomers, forOrders;
    if (file) {
        if (!write)
            here.emplace(database.path());
        forCustomers.emplace(database.path());
        forOrders.emplace(database.path());
    }
    sqlite3 *db = here && here->get() ? here->get() : database.handle();
    sqlite3 *customersDb = forCustomers && forCustomers->get() ? forCustomers->get() : nullptr;

    std::vector<classify::CustomerFacts> facts;
    std::optional<Error> customersError;
    auto customers = [&](sqlite3 *c) {
        ReadTransaction read(c);
        auto maxId = maxCustomerId(c);
        if (!maxId) {
            customersError = maxId.error();
            return;
        }
        if (auto ok = readCustomers(c, *maxId, facts); !ok)
            customersError = ok.error();
    };
    // When the digests are to be built, the customers wait: building holds the orders and calls
    // of the whole database in memory (packed in chunks, 81 MB at 1M), and the facts beside them
    // would be another 112 MB.
    std::jthread worker; // joined when it goes out of scope, an error return too
    if (customersDb && built)
        worker = std::jthread([&] { customers(customersDb); });

    auto history = historyFacts(database, db, forOrders ? forOrders->get() : nullptr, b, write);
    if (write) {
        // The pages the digests' write left in the connection's cache (32 MiB), and what the
        // build freed, go back to the system before everyone's facts are read.
        sqlite3_db_release_memory(database.handle());
        releaseFreeMemory();
    }
    if (!built && customersDb)
        customers(customersDb);
    if (worker.joinable())
        worker.join();
    else if (!customersDb)
        customers(db);
    if (customersError)
        return std::unexpected(*customersError);
    if (!history)
        return std::unexpected(history.error());

    std::size_t i = 0;
    const std::vector<HistoryFacts> &h = *history;
    for (classify::CustomerFacts &f : facts) {
        while (i < h.size() && h[i].id < f.id)
            ++i;
        if (i == h.size() || h[i].id != f.id)
            continue;
        const OrderSums &o = h[i].orders;
        f.firstOrder = o.total > 0 ? dateOf(o.first) : QDate();
        f.lastOrder = o.total > 0 ? dateOf(o.last) : QDate();
        f.ordersTotal = o.total;
        f.frequency = o.frequency;
        f.monetary = o.monetary;
        f.spendRecent = o.recent;
        f.spendPrev = o.previous;
        if (h[i].lastContact > 0) {
            f.lastContact = QDate::fromJulianDay(h[i].lastContact);
            f.lastOutcome = h[i].outcome >= 0 ? std::optional<Outcome>(Outcome(h[i].outcome)) : std::nullopt;
            f.followUp = dateOf(h[i].followUp);
            f.lastReachedCall = dateOf(h[i].reached);
        }
    }
    return facts;
}

} // namespace tierdesk::store
