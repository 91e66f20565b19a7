#include "chartquery.h"

#include "database.h"
#include "sqlite.h"

#include <algorithm>
#include <optional>

namespace tierdesk::store {
namespace {

// Every chart reads the stored classification of the customers still worked with. The owner,
// when one is chosen, is always parameter 1; a statement's own values follow from 2.
//
// `SELECT <select> FROM classification k JOIN customers c <join> WHERE c.archived = 0
//  [AND c.owner = ?1] <rest>`, with the owner bound when there is one. Only fixed SQL text is
// spliced in; every value is bound.
Result<Statement> prepare(Database &db, const QString &owner, const char *select, const char *rest,
                          const char *join = "")
{
    QByteArray sql = QByteArray("SELECT ") + select +
                     " FROM classification k JOIN customers c ON c.id = k.customer_id" + join +
                     " WHERE c.archived = 0";
    if (!owner.isEmpty())
        sql += " AND c.owner = ?1";
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
    auto s = prepare(m_db, m_owner, "k.value_tier, count(*), sum(k.monetary)", " GROUP BY k.value_tier");
    if (!s)
        return std::unexpected(s.error());
    PyramidCounts out;
    auto ok = forEachRow(m_db, *s, [&](const Statement &row) {
        if (const auto i = indexOf(valueTierFromText(row.text(0)))) {
            out.tiers[*i].customers = row.int64(1);
            out.tiers[*i].monetary = row.int64(2);
        }
    });
    if (!ok)
        return std::unexpected(ok.error());
    return out;
}

Result<LifecycleCounts> ChartQuery::lifecycle()
{
    auto s = prepare(m_db, m_owner, "k.lifecycle, count(*)", " GROUP BY k.lifecycle");
    if (!s)
        return std::unexpected(s.error());
    LifecycleCounts out{};
    auto ok = forEachRow(m_db, *s, [&](const Statement &row) {
        if (const auto i = indexOf(lifecycleFromText(row.text(0))))
            out[*i] = row.int64(1);
    });
    if (!ok)
        return std::unexpected(ok.error());
    return out;
}

Result<RfmCounts> ChartQuery::rfmGrid()
{
    auto s = prepare(m_db, m_owner, "k.r, k.f, count(*)",
                     " AND k.r BETWEEN 1 AND 5 AND k.f BETWEEN 1 AND 5 GROUP BY k.r, k.f");
    if (!s)
        return std::unexpected(s.error());
    RfmCounts out;
    auto ok = forEachRow(m_db, *s, [&](const Statement &row) {
        out.counts[std::size_t(row.integer(0) - 1)][std::size_t(row.integer(1) - 1)] = row.int64(2);
    });
    if (!ok)
        return std::unexpected(ok.error());
    return out;
}

Result<FollowUpLoad> ChartQuery::followUpLoad(QDate today, int days)
{
    FollowUpLoad out;
    if (!today.isValid() || days <= 0)
        return out;
    const QDate last = today.addDays(days - 1);
    // Dates are ISO text, so max() with today moves every overdue due date onto day 0.
    auto s = prepare(m_db, m_owner, "max(k.due_date, ?2) AS day, k.priority, count(*), sum(k.due_date < ?2)",
                     " AND k.due_date IS NOT NULL AND k.due_date <= ?3 GROUP BY day, k.priority");
    if (!s)
        return std::unexpected(s.error());
    s->bindDate(2, today);
    s->bindDate(3, last);
    out.days.resize(std::size_t(days));
    for (int i = 0; i < days; ++i)
        out.days[std::size_t(i)].day = today.addDays(i);
    auto ok = forEachRow(m_db, *s, [&](const Statement &row) {
        const qint64 offset = today.daysTo(row.date(0));
        if (offset < 0 || offset >= days)
            return;
        const int cls = std::clamp(row.integer(1), 0, 5);
        out.days[std::size_t(offset)].byClass[std::size_t(cls)] += row.int64(2);
        out.overdue += row.int64(3);
    });
    if (!ok)
        return std::unexpected(ok.error());
    return out;
}

Result<TierMigration> ChartQuery::migration(QDate today)
{
    TierMigration out;
    if (!today.isValid())
        return out;
    const QDate firstOfMonth(today.year(), today.month(), 1);
    out.previousMonth = firstOfMonth.addMonths(-1).toString(QStringLiteral("yyyy-MM"));

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

    // A LEFT JOIN keeps the customers without last month's row: the arrivals.
    auto s =
        prepare(m_db, m_owner, "s.value_tier, k.value_tier, count(*)", " GROUP BY s.value_tier, k.value_tier",
                " LEFT JOIN tier_snapshots s ON s.month = ?2 AND s.customer_id = k.customer_id");
    if (!s)
        return std::unexpected(s.error());
    s->bindText(2, out.previousMonth);
    auto ok = forEachRow(m_db, *s, [&](const Statement &row) {
        const auto to = indexOf(valueTierFromText(row.text(1)));
        if (!to)
            return;
        if (row.isNull(0)) {
            out.arrivals[*to] += row.int64(2);
        } else if (const auto from = indexOf(valueTierFromText(row.text(0)))) {
            out.moves[*from][*to] += row.int64(2);
        }
    });
    if (!ok)
        return std::unexpected(ok.error());
    return out;
}

} // namespace tierdesk::store
