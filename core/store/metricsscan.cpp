#include "metricsscan.h"

#include "database.h"
#include "model/memory.h"
#include "schema.h"
#include "sqlite.h"

#include <QCoreApplication>

#include <climits>
#include <cstdlib>
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
        const Cents amount = s->int64(2);
        OrderSums &o = *out.sums.find(s->int64(0));
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

} // namespace

Result<std::vector<classify::CustomerFacts>> scanAllFacts(Database &database, QDate asOf,
                                                          const classify::Settings &settings)
{
    Bounds b;
    b.t = asOf.toJulianDay();
    b.w = asOf.addDays(-settings.windowDays).toJulianDay();
    b.h1 = asOf.addDays(-settings.halfDays).toJulianDay();
    b.h0 = asOf.addDays(-2 * settings.halfDays).toJulianDay();

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
    std::thread worker;
    if (helper && helper->get()) {
        worker = std::thread([&] {
            ReadTransaction helperRead(helper->get());
            scanOrders(helper->get(), b, orders);
        });
    }
    struct Join {
        std::thread &t;
        ~Join()
        {
            if (t.joinable())
                t.join();
        }
    } join{worker};

    // Customers, in id order.
    std::vector<classify::CustomerFacts> facts;
    {
        auto s = Statement::prepare(db, "SELECT id, created_at, type, grade, grade_set_at, man_money, "
                                        "man_authority, man_need, archived FROM customers");
        if (!s)
            return std::unexpected(s.error());
        facts.reserve(std::size_t(std::max<qint64>(0, std::min<qint64>(*maxId, kDenseIdLimit))));
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
    }
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

} // namespace tierdesk::store
