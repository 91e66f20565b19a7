#include "chartquery.h"

#include "database.h"
#include "schema.h"
#include "sqlite.h"

#include <algorithm>
#include <map>
#include <optional>

namespace tierdesk::store {
namespace {

// Every chart reads the stored classification of the customers still worked with. The owner,
// when one is chosen, is always parameter 1; a statement's own values follow from 2.
//
// `SELECT <select> FROM classification k [JOIN customers c] <join> WHERE k.archived = 0
//  [AND c.archived = 0 AND c.owner = ?1] <rest>`, with the owner bound when there is one. Only
// fixed SQL text is spliced in; every value is bound.
Result<Statement> prepare(Database &db, const QString &owner, const char *select, const char *rest,
                          const char *join = "")
{
    // k.archived repeats customers.archived (kept in step by a trigger): the whole team's charts
    // read the classification alone, most of them from one of its indexes; only one owner's
    // need the customers too.
    QByteArray sql = QByteArray("SELECT ") + select + " FROM classification k";
    if (!owner.isEmpty())
        sql += " JOIN customers c ON c.id = k.customer_id";
    sql += join;
    sql += " WHERE k.archived = 0";
    // c.archived repeats k.archived, and puts one owner's customers in customers_by_owner.
    if (!owner.isEmpty())
        sql += " AND c.archived = 0 AND c.owner = ?1";
    sql += rest;
    auto s = Statement::prepare(db.handle(), sql.constData());
    if (s && !owner.isEmpty())
        s->bindText(1, owner);
    return s;
}

/// Steps `s` to the end, handing each row to `row`.
template<typename Row>
Result<void> forEachRow(Database &db, Statement &s, Row row)
{
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        row(s);
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(db.handle(), rc, {}));
    return {};
}

template<typename E>
std::optional<std::size_t> indexOf(std::optional<E> v)
{
    return v ? std::optional<std::size_t>(std::size_t(*v)) : std::nullopt;
}

/// The pyramid, the stages, the RFM grid and the due dates of one owner's (or everyone's)
/// customers, from one pass over the classification. SQLite sorts every row for a GROUP BY of a
/// column without an index (2.6 s per chart at a million customers); one pass counting in memory
/// serves four charts, and stays valid until the data changes.
struct ChartScan {
    sqlite3 *db = nullptr;
    DataVersion version;
    QString owner;
    PyramidCounts pyramid;
    LifecycleCounts lifecycle{};
    RfmCounts rfm;
    /// Customers by due day (Julian day) and priority class.
    std::map<qint64, std::array<qint64, 6>> due;
};

Result<const ChartScan *> scan(Database &db, const QString &owner)
{
    thread_local ChartScan cache;
    const DataVersion version = dataVersion(db.handle());
    if (cache.db == db.handle() && cache.version == version && cache.owner == owner)
        return &cache;
    ReadTransaction read(db.handle());
    // The whole team: the table in storage order (`+` keeps SQLite from walking an index on
    // archived and looking every row up from it, which took seconds).
    auto s = owner.isEmpty()
                 ? Statement::prepare(db.handle(), "SELECT k.value_tier, k.monetary, k.lifecycle, k.r, k.f, "
                                                   "k.due_date, k.priority FROM classification k WHERE "
                                                   "+k.archived = 0")
                 : prepare(db, owner,
                           "k.value_tier, k.monetary, k.lifecycle, k.r, k.f, k.due_date, k.priority", "");
    if (!s)
        return std::unexpected(s.error());
    ChartScan out;
    auto ok = forEachRow(db, *s, [&](const Statement &row) {
        if (const auto t = indexOf(schema::fromStored<ValueTier>(row.bytes(0)))) {
            out.pyramid.tiers[*t].customers += 1;
            out.pyramid.tiers[*t].monetary += row.int64(1);
        }
        if (const auto l = indexOf(schema::fromStored<Lifecycle>(row.bytes(2))))
            out.lifecycle[*l] += 1;
        if (!row.isNull(3) && !row.isNull(4)) {
            const int r = row.integer(3), f = row.integer(4);
            if (r >= 1 && r <= 5 && f >= 1 && f <= 5)
                out.rfm.counts[std::size_t(r - 1)][std::size_t(f - 1)] += 1;
        }
        if (!row.isNull(5)) {
            const QDate due = row.date(5);
            if (due.isValid())
                out.due[due.toJulianDay()][std::size_t(std::clamp(row.integer(6), 0, 5))] += 1;
        }
    });
    if (!ok)
        return std::unexpected(ok.error());
    out.db = db.handle();
    out.version = version;
    out.owner = owner;
    cache = std::move(out);
    return &cache;
}

} // namespace

qint64 PyramidCounts::customers() const
{
    qint64 n = 0;
    for (const TierTotals &t : tiers)
        n += t.customers;
    return n;
}

Cents PyramidCounts::revenue() const
{
    Cents sum = 0;
    for (const TierTotals &t : tiers)
        sum += std::max<Cents>(t.monetary, 0);
    return sum;
}

qint64 RfmCounts::total() const
{
    qint64 n = 0;
    for (const auto &row : counts)
        for (qint64 c : row)
            n += c;
    return n;
}

qint64 FollowUpDay::total() const
{
    qint64 n = 0;
    for (qint64 c : byClass)
        n += c;
    return n;
}

qint64 FollowUpLoad::total() const
{
    qint64 n = 0;
    for (const FollowUpDay &d : days)
        n += d.total();
    return n;
}

qint64 TierMigration::up() const
{
    qint64 n = 0;
    for (std::size_t from = 0; from < 4; ++from)
        for (std::size_t to = 0; to < from; ++to)
            n += moves[from][to];
    return n;
}

qint64 TierMigration::down() const
{
    qint64 n = 0;
    for (std::size_t from = 0; from < 4; ++from)
        for (std::size_t to = from + 1; to < 4; ++to)
            n += moves[from][to];
    return n;
}

qint64 TierMigration::stayed() const
{
    qint64 n = 0;
    for (std::size_t t = 0; t < 4; ++t)
        n += moves[t][t];
    return n;
}

qint64 TierMigration::newcomers() const
{
    qint64 n = 0;
    for (qint64 c : arrivals)
        n += c;
    return n;
}

Result<PyramidCounts> ChartQuery::pyramid()
{
    auto s = scan(m_db, m_owner);
    if (!s)
        return std::unexpected(s.error());
    return (*s)->pyramid;
}

Result<LifecycleCounts> ChartQuery::lifecycle()
{
    auto s = scan(m_db, m_owner);
    if (!s)
        return std::unexpected(s.error());
    return (*s)->lifecycle;
}

Result<RfmCounts> ChartQuery::rfmGrid()
{
    auto s = scan(m_db, m_owner);
    if (!s)
        return std::unexpected(s.error());
    return (*s)->rfm;
}

Result<FollowUpLoad> ChartQuery::followUpLoad(QDate today, int days)
{
    FollowUpLoad out;
    if (!today.isValid() || days <= 0)
        return out;
    auto s = scan(m_db, m_owner);
    if (!s)
        return std::unexpected(s.error());
    out.days.resize(std::size_t(days));
    for (int i = 0; i < days; ++i)
        out.days[std::size_t(i)].day = today.addDays(i);
    // Every overdue customer is to be called today: day 0.
    const qint64 first = today.toJulianDay();
    const qint64 last = first + days - 1;
    for (auto it = (*s)->due.cbegin(); it != (*s)->due.cend() && it->first <= last; ++it) {
        FollowUpDay &d = out.days[std::size_t(std::max<qint64>(0, it->first - first))];
        for (std::size_t cls = 0; cls < 6; ++cls) {
            d.byClass[cls] += it->second[cls];
            if (it->first < first)
                out.overdue += it->second[cls];
        }
    }
    return out;
}

Result<TierMigration> ChartQuery::migration(QDate today)
{
    TierMigration out;
    if (!today.isValid())
        return out;
    const QDate firstOfMonth(today.year(), today.month(), 1);
    out.previousMonth = firstOfMonth.addMonths(-1).toString(QStringLiteral("yyyy-MM"));

    // The stored tiers are those of the latest run, so they are the snapshot of that run's month
    // (ClassificationStore keeps them in tier_snapshots only once a later month is classified).
    auto latest = Statement::prepare(
        m_db.handle(), "SELECT substr(as_of, 1, 7) FROM classification_runs ORDER BY id DESC LIMIT 1");
    if (!latest)
        return std::unexpected(latest.error());
    const int latestRc = latest->step();
    if (latestRc != SQLITE_ROW && latestRc != SQLITE_DONE)
        return std::unexpected(sqliteError(m_db.handle(), latestRc, {}));
    const bool latestIsPrevious = latestRc == SQLITE_ROW && latest->text(0) == out.previousMonth;
    latest = {};
    if (latestIsPrevious) {
        // Last month's snapshot is what is stored now: everyone stayed where they are.
        out.hasPrevious = true;
        auto same = prepare(m_db, m_owner, "k.value_tier, count(*)", " GROUP BY k.value_tier");
        if (!same)
            return std::unexpected(same.error());
        auto ok = forEachRow(m_db, *same, [&](const Statement &row) {
            if (const auto t = indexOf(valueTierFromText(row.text(0))))
                out.moves[*t][*t] += row.int64(1);
        });
        if (!ok)
            return std::unexpected(ok.error());
        return out;
    }

    auto exists =
        Statement::prepare(m_db.handle(), "SELECT EXISTS (SELECT 1 FROM tier_snapshots WHERE month = ?1)");
    if (!exists)
        return std::unexpected(exists.error());
    exists->bindText(1, out.previousMonth);
    if (const int rc = exists->step(); rc != SQLITE_ROW)
        return std::unexpected(sqliteError(m_db.handle(), rc, {}));
    out.hasPrevious = exists->integer(0) != 0;
    exists->reset();
    if (!out.hasPrevious)
        return out;

    // A LEFT JOIN keeps the customers without last month's row: the arrivals. Counted here rather
    // than by a GROUP BY, which would sort every row first.
    auto s = prepare(m_db, m_owner, "s.value_tier, k.value_tier", "",
                     " LEFT JOIN tier_snapshots s ON s.month = ?2 AND s.customer_id = k.customer_id");
    if (!s)
        return std::unexpected(s.error());
    s->bindText(2, out.previousMonth);
    auto ok = forEachRow(m_db, *s, [&](const Statement &row) {
        const auto to = indexOf(schema::fromStored<ValueTier>(row.bytes(1)));
        if (!to)
            return;
        if (row.isNull(0)) {
            out.arrivals[*to] += 1;
        } else if (const auto from = indexOf(schema::fromStored<ValueTier>(row.bytes(0)))) {
            out.moves[*from][*to] += 1;
        }
    });
    if (!ok)
        return std::unexpected(ok.error());
    return out;
}

} // namespace tierdesk::store
