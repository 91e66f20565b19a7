#include "activitystore.h"

#include "database.h"
#include "sqlite.h"

#include <QCoreApplication>

namespace tierdesk::store {

struct ActivityStore::Statements {
    explicit Statements(sqlite3 *db)
        : snapshot(db)
    {}
    ReadTransaction snapshot; ///< declared first: ends after the statements are finalised
    Statement byId, byPhone, byEmail, order, call, addOrder, addCall;
};

ActivityStore::ActivityStore(Database &db)
    : m_db(db)
    , m_s(std::make_unique<Statements>(db.handle()))
{}

ActivityStore::~ActivityStore() = default;

namespace {

/// Prepares `sql` into `s` the first time; resets it before every later use.
Result<Statement *> ready(sqlite3 *db, Statement &s, const char *sql)
{
    if (!s.get()) {
        auto prepared = Statement::prepare(db, sql);
        if (!prepared)
            return std::unexpected(prepared.error());
        s = std::move(*prepared);
    } else {
        s.reset();
    }
    return &s;
}

Result<std::vector<ActivityStore::CustomerRef>> customers(sqlite3 *db, Statement &s)
{
    std::vector<ActivityStore::CustomerRef> out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out.push_back({s.int64(0), s.text(1)});
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(db, rc, {}));
    return out;
}

Result<std::optional<std::int64_t>> firstId(sqlite3 *db, Statement &s)
{
    const int rc = s.step();
    if (rc == SQLITE_ROW)
        return std::optional<std::int64_t>(s.int64(0));
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(db, rc, {}));
    return std::optional<std::int64_t>();
}

} // namespace

Result<std::optional<ActivityStore::CustomerRef>> ActivityStore::customerById(CustomerId id)
{
    auto s = ready(m_db.handle(), m_s->byId, "SELECT id, name FROM customers WHERE id = ?1");
    if (!s)
        return std::unexpected(s.error());
    (*s)->bind(1, std::int64_t(id));
    auto found = customers(m_db.handle(), **s);
    if (!found)
        return std::unexpected(found.error());
    if (found->empty())
        return std::optional<CustomerRef>();
    return std::optional<CustomerRef>(found->front());
}

Result<std::vector<ActivityStore::CustomerRef>> ActivityStore::customersByPhoneKey(const QString &key,
                                                                                   int limit)
{
    auto s = ready(m_db.handle(), m_s->byPhone,
                   "SELECT id, name FROM customers WHERE archived IN (0, 1) AND phone_key = ?1 "
                   "ORDER BY id LIMIT ?2");
    if (!s)
        return std::unexpected(s.error());
    (*s)->bindText(1, key);
    (*s)->bind(2, limit);
    return customers(m_db.handle(), **s);
}

Result<std::vector<ActivityStore::CustomerRef>> ActivityStore::customersByEmailKey(const QString &key,
                                                                                   int limit)
{
    auto s = ready(m_db.handle(), m_s->byEmail,
                   "SELECT id, name FROM customers WHERE email_key = ?1 ORDER BY id LIMIT ?2");
    if (!s)
        return std::unexpected(s.error());
    (*s)->bindText(1, key);
    (*s)->bind(2, limit);
    return customers(m_db.handle(), **s);
}

Result<std::optional<std::int64_t>> ActivityStore::findOrder(CustomerId customer, QDate orderedAt,
                                                             Cents amount)
{
    auto s = ready(m_db.handle(), m_s->order,
                   "SELECT id FROM orders WHERE customer_id = ?1 AND ordered_at = ?2 AND amount = ?3 "
                   "ORDER BY id LIMIT 1");
    if (!s)
        return std::unexpected(s.error());
    (*s)->bind(1, std::int64_t(customer));
    (*s)->bindDate(2, orderedAt);
    (*s)->bind(3, std::int64_t(amount));
    return firstId(m_db.handle(), **s);
}

Result<std::optional<std::int64_t>> ActivityStore::findCall(CustomerId customer, const QDateTime &calledAt)
{
    // Stored to the second. Two calls a few seconds apart are two calls (busy, then again), but a
    // list that rounds to the minute cannot tell them apart: then the minute decides.
    auto s = ready(m_db.handle(), m_s->call,
                   "SELECT id FROM calls WHERE customer_id = ?1 AND substr(called_at, 1, length(?2)) = ?2 "
                   "ORDER BY id LIMIT 1");
    if (!s)
        return std::unexpected(s.error());
    (*s)->bind(1, std::int64_t(customer));
    (*s)->bindText(2, calledAt.toString(calledAt.time().second() ? QStringLiteral("yyyy-MM-ddTHH:mm:ss")
                                                                 : QStringLiteral("yyyy-MM-ddTHH:mm")));
    return firstId(m_db.handle(), **s);
}

Result<std::int64_t> ActivityStore::insertOrder(const Order &o)
{
    auto s = ready(m_db.handle(), m_s->addOrder,
                   "INSERT INTO orders (customer_id, ordered_at, amount, profit, note) "
                   "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!s)
        return std::unexpected(s.error());
    (*s)->bind(1, std::int64_t(o.customerId));
    (*s)->bindDate(2, o.orderedAt);
    (*s)->bind(3, std::int64_t(o.amount));
    (*s)->bindOptional(4, o.profit);
    (*s)->bindText(5, o.note);
    if (auto ok = (*s)->run(QCoreApplication::translate("tierdesk::store", "The order was not saved.")); !ok)
        return std::unexpected(ok.error());
    return std::int64_t(sqlite3_last_insert_rowid(m_db.handle()));
}

Result<std::int64_t> ActivityStore::insertCall(const Call &c)
{
    auto s = ready(m_db.handle(), m_s->addCall,
                   "INSERT INTO calls (customer_id, called_at, direction, outcome, duration_s, "
                   "next_follow_up, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!s)
        return std::unexpected(s.error());
    (*s)->bind(1, std::int64_t(c.customerId));
    (*s)->bindDateTime(2, c.calledAt);
    (*s)->bindText(3, toText(c.direction));
    (*s)->bindText(4, toText(c.outcome));
    (*s)->bindOptional(5, c.durationS);
    (*s)->bindDate(6, c.nextFollowUp);
    (*s)->bindText(7, c.note);
    if (auto ok = (*s)->run(QCoreApplication::translate("tierdesk::store", "The call was not saved.")); !ok)
        return std::unexpected(ok.error());
    return std::int64_t(sqlite3_last_insert_rowid(m_db.handle()));
}

} // namespace tierdesk::store
