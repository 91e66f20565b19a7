#include "repositories.h"

#include "classify/dupkeys.h"
#include "database.h"
#include "metricsscan.h"
#include "model/dates.h"
#include "model/memory.h"
#include "schema.h"
#include "search.h"
#include "searchindex.h"
#include "sqlite.h"

#include <QCoreApplication>

#include <algorithm>

namespace tierdesk::store {
namespace {

template<typename E>
void bindEnum(Statement &s, int i, const std::optional<E> &v)
{
    if (v)
        s.bindText(i, toText(*v));
    else
        s.bindNull(i);
}

void bindBool(Statement &s, int i, const std::optional<bool> &v)
{
    if (v)
        s.bind(i, int(*v));
    else
        s.bindNull(i);
}

std::optional<bool> optionalBool(const Statement &s, int col)
{
    return s.isNull(col) ? std::nullopt : std::optional<bool>(s.integer(col) != 0);
}

void bindCustomer(Statement &s, const Customer &c)
{
    s.bindText(2, c.name);
    s.bindText(3, c.company);
    bindEnum(s, 4, c.type);
    s.bindText(5, c.phone);
    s.bindText(6, c.email);
    s.bindText(7, c.city);
    s.bindText(8, c.owner);
    s.bindDate(9, c.createdAt);
    bindEnum(s, 10, c.grade);
    s.bindDate(11, c.gradeSetAt);
    bindBool(s, 12, c.man.money);
    bindBool(s, 13, c.man.authority);
    bindBool(s, 14, c.man.need);
    s.bind(15, int(c.archived));
    s.bindText(16, classify::phoneKey(c.phone));
    s.bindText(17, classify::emailKey(c.email));
}

Result<void> writeSearch(sqlite3 *db, const Customer &c)
{
    auto writer = SearchTextWriter::open(db);
    if (!writer)
        return std::unexpected(writer.error());
    return writer->write(c.id, searchText(c).toUtf8());
}

Result<void> stepDone(Statement &s, sqlite3 *db, const QString &what)
{
    const int rc = s.step();
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return std::unexpected(sqliteError(db, rc, what));
    return {};
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Customers

Result<CustomerId> CustomerRepository::add(const Customer &c)
{
    if (c.name.trimmed().isEmpty())
        return fail(QCoreApplication::translate("tierdesk::store", "A customer needs a name."));
    if (!c.createdAt.isValid())
        return fail(QCoreApplication::translate("tierdesk::store", "A customer needs a creation date."));
    auto tx = m_db.beginWrite();
    if (!tx)
        return std::unexpected(tx.error());
    auto s = Statement::prepare(m_db.handle(), schema::kInsertCustomer);
    if (!s)
        return std::unexpected(s.error());
    if (c.id > 0)
        s->bind(1, std::int64_t(c.id));
    else
        s->bindNull(1);
    bindCustomer(*s, c);
    if (auto ok = stepDone(*s, m_db.handle(),
                           QCoreApplication::translate("tierdesk::store", "The customer was not saved."));
        !ok)
        return std::unexpected(ok.error());
    const CustomerId id = sqlite3_last_insert_rowid(m_db.handle());
    if (auto ok = writeTags(id, c.tags); !ok)
        return std::unexpected(ok.error());
    Customer indexed = c;
    indexed.id = id;
    if (auto ok = writeSearch(m_db.handle(), indexed); !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return id;
}

Result<void> CustomerRepository::update(const Customer &c)
{
    if (c.name.trimmed().isEmpty())
        return fail(QCoreApplication::translate("tierdesk::store", "A customer needs a name."));
    auto tx = m_db.beginWrite();
    if (!tx)
        return std::unexpected(tx.error());
    auto s = Statement::prepare(m_db.handle(), schema::kUpdateCustomer);
    if (!s)
        return std::unexpected(s.error());
    s->bind(1, std::int64_t(c.id));
    bindCustomer(*s, c);
    if (auto ok = stepDone(*s, m_db.handle(),
                           QCoreApplication::translate("tierdesk::store", "The customer was not saved."));
        !ok)
        return ok;
    if (sqlite3_changes(m_db.handle()) == 0)
        return fail(
            QCoreApplication::translate("tierdesk::store", "Customer %1 no longer exists.").arg(c.id));
    if (auto ok = writeTags(c.id, c.tags); !ok)
        return ok;
    if (auto ok = writeSearch(m_db.handle(), c); !ok)
        return ok;
    return tx->commit();
}

Result<void> CustomerRepository::writeTags(CustomerId id, const QStringList &tags)
{
    sqlite3 *db = m_db.handle();
    auto clear = Statement::prepare(db, "DELETE FROM customer_tags WHERE customer_id = ?1");
    auto addTag = Statement::prepare(db, "INSERT INTO tags (name) VALUES (?1) ON CONFLICT (name) DO NOTHING");
    auto tagId = Statement::prepare(db, "SELECT id FROM tags WHERE name = ?1");
    auto link = Statement::prepare(
        db, "INSERT INTO customer_tags (customer_id, position, tag_id) VALUES (?1, ?2, ?3)");
    if (!clear || !addTag || !tagId || !link)
        return fail(QCoreApplication::translate("tierdesk::store", "The tags were not saved."));
    clear->bind(1, std::int64_t(id));
    if (auto ok = clear->run(QCoreApplication::translate("tierdesk::store", "The tags were not saved.")); !ok)
        return ok;
    int position = 0;
    for (const QString &raw : tags) {
        const QString tag = raw.trimmed();
        if (tag.isEmpty())
            continue;
        addTag->bindText(1, tag);
        if (auto ok = addTag->run(QCoreApplication::translate("tierdesk::store", "The tags were not saved."));
            !ok)
            return ok;
        tagId->bindText(1, tag);
        if (tagId->step() != SQLITE_ROW)
            return fail(QCoreApplication::translate("tierdesk::store", "The tags were not saved."));
        const std::int64_t tid = tagId->int64(0);
        tagId->reset();
        link->bind(1, std::int64_t(id));
        link->bind(2, position++);
        link->bind(3, tid);
        if (auto ok = link->run(QCoreApplication::translate("tierdesk::store", "The tags were not saved."));
            !ok)
            return ok;
    }
    return {};
}

Result<std::optional<Customer>> CustomerRepository::find(CustomerId id)
{
    auto s = Statement::prepare(
        m_db.handle(), "SELECT id, name, company, type, phone, email, city, owner, created_at, grade, "
                       "grade_set_at, man_money, man_authority, man_need, archived FROM customers "
                       "WHERE id = ?1");
    if (!s)
        return std::unexpected(s.error());
    s->bind(1, std::int64_t(id));
    const int rc = s->step();
    if (rc == SQLITE_DONE)
        return std::optional<Customer>();
    if (rc != SQLITE_ROW)
        return std::unexpected(sqliteError(m_db.handle(), rc, {}));
    Customer c;
    c.id = s->int64(0);
    c.name = s->text(1);
    c.company = s->text(2);
    c.type = customerTypeFromText(s->text(3));
    c.phone = s->text(4);
    c.email = s->text(5);
    c.city = s->text(6);
    c.owner = s->text(7);
    c.createdAt = s->date(8);
    c.grade = gradeFromText(s->text(9));
    c.gradeSetAt = s->date(10);
    c.man = {optionalBool(*s, 11), optionalBool(*s, 12), optionalBool(*s, 13)};
    c.archived = s->integer(14) != 0;
    auto tags = Statement::prepare(m_db.handle(),
                                   "SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id "
                                   "WHERE ct.customer_id = ?1 ORDER BY ct.position");
    if (!tags)
        return std::unexpected(tags.error());
    tags->bind(1, std::int64_t(id));
    while (tags->step() == SQLITE_ROW)
        c.tags << tags->text(0);
    return std::optional<Customer>(std::move(c));
}

Result<void> CustomerRepository::setArchived(CustomerId id, bool archived)
{
    auto tx = m_db.beginWrite();
    if (!tx)
        return std::unexpected(tx.error());
    auto s = Statement::prepare(m_db.handle(), "UPDATE customers SET archived = ?2 WHERE id = ?1");
    if (!s)
        return std::unexpected(s.error());
    s->bind(1, std::int64_t(id));
    s->bind(2, int(archived));
    if (auto ok = s->run(QCoreApplication::translate("tierdesk::store", "The customer was not saved.")); !ok)
        return ok;
    return tx->commit();
}

Result<std::vector<CustomerId>> CustomerRepository::duplicatesOf(const Customer &c)
{
    const QString phone = classify::phoneKey(c.phone);
    const QString email = classify::emailKey(c.email);
    std::vector<CustomerId> out;
    if (phone.isEmpty() && email.isEmpty())
        return out;
    auto s = Statement::prepare(
        m_db.handle(), "SELECT id FROM customers WHERE id != ?1 AND archived IN (0, 1) AND phone_key = ?2 "
                       "UNION SELECT id FROM customers WHERE id != ?1 AND email_key = ?3 ORDER BY id");
    if (!s)
        return std::unexpected(s.error());
    s->bind(1, std::int64_t(c.id));
    s->bindText(2, phone);
    s->bindText(3, email);
    int rc;
    while ((rc = s->step()) == SQLITE_ROW)
        out.push_back(s->int64(0));
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(m_db.handle(), rc, {}));
    return out;
}

Result<qint64> CustomerRepository::count()
{
    return selectInt(m_db.handle(), "SELECT count(*) FROM customers");
}

namespace {

Result<void> moveRows(sqlite3 *db, const char *table, const std::vector<std::int64_t> &ids, CustomerId to)
{
    const QByteArray sql = QByteArray("UPDATE ") + table + " SET customer_id = ?1 WHERE id = ?2";
    auto s = Statement::prepare(db, sql.constData());
    if (!s)
        return std::unexpected(s.error());
    for (std::int64_t id : ids) {
        s->bind(1, std::int64_t(to));
        s->bind(2, id);
        if (auto ok = s->run(QCoreApplication::translate("tierdesk::store", "The merge was not saved.")); !ok)
            return ok;
    }
    return {};
}

Result<std::vector<std::int64_t>> idsOf(sqlite3 *db, const char *table, CustomerId customer)
{
    const QByteArray sql = QByteArray("SELECT id FROM ") + table + " WHERE customer_id = ?1 ORDER BY id";
    auto s = Statement::prepare(db, sql.constData());
    if (!s)
        return std::unexpected(s.error());
    s->bind(1, std::int64_t(customer));
    std::vector<std::int64_t> ids;
    while (s->step() == SQLITE_ROW)
        ids.push_back(s->int64(0));
    return ids;
}

} // namespace

Result<MergeRecord> CustomerRepository::merge(CustomerId keep, CustomerId other)
{
    if (keep == other)
        return fail(
            QCoreApplication::translate("tierdesk::store", "A customer cannot be merged with itself."));
    auto kept = find(keep);
    auto gone = find(other);
    if (!kept)
        return std::unexpected(kept.error());
    if (!gone)
        return std::unexpected(gone.error());
    if (!*kept || !*gone)
        return fail(QCoreApplication::translate("tierdesk::store",
                                                "One of the customers to merge no longer exists."));
    MergeRecord record;
    record.kept = keep;
    record.keptBefore = **kept;
    record.removed = **gone;

    Customer merged = **kept;
    auto fill = [](QString &to, const QString &from) {
        if (to.trimmed().isEmpty())
            to = from;
    };
    fill(merged.company, record.removed.company);
    fill(merged.phone, record.removed.phone);
    fill(merged.email, record.removed.email);
    fill(merged.city, record.removed.city);
    fill(merged.owner, record.removed.owner);
    if (!merged.type)
        merged.type = record.removed.type;
    if (!merged.grade && record.removed.grade) {
        merged.grade = record.removed.grade;
        merged.gradeSetAt = record.removed.gradeSetAt;
    }
    if (!merged.man.money)
        merged.man.money = record.removed.man.money;
    if (!merged.man.authority)
        merged.man.authority = record.removed.man.authority;
    if (!merged.man.need)
        merged.man.need = record.removed.man.need;
    if (record.removed.createdAt.isValid() && record.removed.createdAt < merged.createdAt)
        merged.createdAt = record.removed.createdAt;
    for (const QString &tag : record.removed.tags) {
        if (!merged.tags.contains(tag))
            merged.tags << tag;
    }

    sqlite3 *db = m_db.handle();
    auto tx = m_db.beginWrite();
    if (!tx)
        return std::unexpected(tx.error());
    auto orders = idsOf(db, "orders", other);
    auto calls = idsOf(db, "calls", other);
    if (!orders)
        return std::unexpected(orders.error());
    if (!calls)
        return std::unexpected(calls.error());
    record.movedOrders = std::move(*orders);
    record.movedCalls = std::move(*calls);
    if (auto ok = moveRows(db, "orders", record.movedOrders, keep); !ok)
        return std::unexpected(ok.error());
    if (auto ok = moveRows(db, "calls", record.movedCalls, keep); !ok)
        return std::unexpected(ok.error());
    auto remove = Statement::prepare(db, "DELETE FROM customers WHERE id = ?1");
    auto unindex = SearchTextWriter::open(db);
    if (!remove || !unindex)
        return fail(QCoreApplication::translate("tierdesk::store", "The merge was not saved."));
    remove->bind(1, std::int64_t(other));
    if (auto ok = remove->run(QCoreApplication::translate("tierdesk::store", "The merge was not saved."));
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = unindex->remove(other); !ok)
        return std::unexpected(ok.error());
    // The profile update runs inside this transaction (SQLite nests nothing: update() would try
    // its own BEGIN), so write it directly.
    auto s = Statement::prepare(m_db.handle(), schema::kUpdateCustomer);
    if (!s)
        return std::unexpected(s.error());
    s->bind(1, std::int64_t(keep));
    bindCustomer(*s, merged);
    if (auto ok = s->run(QCoreApplication::translate("tierdesk::store", "The merge was not saved.")); !ok)
        return std::unexpected(ok.error());
    if (auto ok = writeTags(keep, merged.tags); !ok)
        return std::unexpected(ok.error());
    if (auto ok = writeSearch(db, merged); !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return record;
}

Result<void> CustomerRepository::unmerge(const MergeRecord &record)
{
    sqlite3 *db = m_db.handle();
    auto tx = m_db.beginWrite();
    if (!tx)
        return std::unexpected(tx.error());
    const Customer &c = record.removed;
    auto insert = Statement::prepare(db, schema::kInsertCustomer);
    if (!insert)
        return std::unexpected(insert.error());
    insert->bind(1, std::int64_t(c.id));
    bindCustomer(*insert, c);
    if (auto ok = insert->run(QCoreApplication::translate("tierdesk::store", "The merge was not undone."));
        !ok)
        return ok;
    if (auto ok = writeTags(c.id, c.tags); !ok)
        return ok;
    if (auto ok = writeSearch(db, c); !ok)
        return ok;
    if (auto ok = moveRows(db, "orders", record.movedOrders, c.id); !ok)
        return ok;
    if (auto ok = moveRows(db, "calls", record.movedCalls, c.id); !ok)
        return ok;
    auto s = Statement::prepare(db, schema::kUpdateCustomer);
    if (!s)
        return std::unexpected(s.error());
    s->bind(1, std::int64_t(record.kept));
    bindCustomer(*s, record.keptBefore);
    if (auto ok = s->run(QCoreApplication::translate("tierdesk::store", "The merge was not undone.")); !ok)
        return ok;
    if (auto ok = writeTags(record.kept, record.keptBefore.tags); !ok)
        return ok;
    if (auto ok = writeSearch(db, record.keptBefore); !ok)
        return ok;
    return tx->commit();
}

// ---------------------------------------------------------------------------------------------
// Orders and calls

Result<std::int64_t> OrderRepository::add(const Order &o)
{
    if (!o.orderedAt.isValid())
        return fail(QCoreApplication::translate("tierdesk::store", "An order needs a date."));
    auto tx = m_db.beginWrite();
    if (!tx)
        return std::unexpected(tx.error());
    auto s = Statement::prepare(m_db.handle(),
                                "INSERT INTO orders (id, customer_id, ordered_at, amount, profit, note) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!s)
        return std::unexpected(s.error());
    if (o.id > 0)
        s->bind(1, o.id);
    else
        s->bindNull(1);
    s->bind(2, std::int64_t(o.customerId));
    s->bindDate(3, o.orderedAt);
    s->bind(4, std::int64_t(o.amount));
    s->bindOptional(5, o.profit);
    s->bindText(6, o.note);
    if (auto ok = stepDone(*s, m_db.handle(),
                           QCoreApplication::translate("tierdesk::store", "The order was not saved."));
        !ok)
        return std::unexpected(ok.error());
    const std::int64_t id = sqlite3_last_insert_rowid(m_db.handle());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return id;
}

Result<std::vector<Order>> OrderRepository::forCustomer(CustomerId id)
{
    auto s = Statement::prepare(m_db.handle(),
                                "SELECT id, customer_id, ordered_at, amount, profit, note FROM orders "
                                "WHERE customer_id = ?1 ORDER BY ordered_at DESC, id DESC");
    if (!s)
        return std::unexpected(s.error());
    s->bind(1, std::int64_t(id));
    std::vector<Order> out;
    while (s->step() == SQLITE_ROW) {
        Order o;
        o.id = s->int64(0);
        o.customerId = s->int64(1);
        o.orderedAt = s->date(2);
        o.amount = s->int64(3);
        o.profit = s->optionalInt(4);
        o.note = s->text(5);
        out.push_back(std::move(o));
    }
    return out;
}

Result<std::int64_t> CallRepository::add(const Call &c)
{
    if (!c.calledAt.isValid())
        return fail(QCoreApplication::translate("tierdesk::store", "A call needs a date and time."));
    if (c.durationS && *c.durationS < 0)
        return fail(
            QCoreApplication::translate("tierdesk::store", "A call cannot last less than zero seconds."));
    auto tx = m_db.beginWrite();
    if (!tx)
        return std::unexpected(tx.error());
    auto s = Statement::prepare(
        m_db.handle(), "INSERT INTO calls (id, customer_id, called_at, direction, outcome, duration_s, "
                       "next_follow_up, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!s)
        return std::unexpected(s.error());
    if (c.id > 0)
        s->bind(1, c.id);
    else
        s->bindNull(1);
    s->bind(2, std::int64_t(c.customerId));
    s->bindText(3, isoDateTime(c.calledAt));
    s->bindText(4, toText(c.direction));
    s->bindText(5, toText(c.outcome));
    s->bindOptional(6, c.durationS);
    s->bindDate(7, c.nextFollowUp);
    s->bindText(8, c.note);
    if (auto ok = stepDone(*s, m_db.handle(),
                           QCoreApplication::translate("tierdesk::store", "The call was not saved."));
        !ok)
        return std::unexpected(ok.error());
    const std::int64_t id = sqlite3_last_insert_rowid(m_db.handle());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return id;
}

Result<std::vector<Call>> CallRepository::forCustomer(CustomerId id)
{
    auto s = Statement::prepare(
        m_db.handle(), "SELECT id, customer_id, called_at, direction, outcome, duration_s, next_follow_up, "
                       "note FROM calls WHERE customer_id = ?1 ORDER BY called_at DESC, id DESC");
    if (!s)
        return std::unexpected(s.error());
    s->bind(1, std::int64_t(id));
    std::vector<Call> out;
    while (s->step() == SQLITE_ROW) {
        Call c;
        c.id = s->int64(0);
        c.customerId = s->int64(1);
        c.calledAt = parseIsoDateTime(s->bytes(2));
        c.direction = directionFromText(s->text(3)).value_or(Direction::Out);
        c.outcome = outcomeFromText(s->text(4)).value_or(Outcome::Reached);
        if (!s->isNull(5))
            c.durationS = s->integer(5);
        c.nextFollowUp = s->date(6);
        c.note = s->text(7);
        out.push_back(std::move(c));
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Settings

Result<classify::Settings> SettingsRepository::load()
{
    auto s = Statement::prepare(m_db.handle(), "SELECT key, value FROM settings");
    if (!s)
        return std::unexpected(s.error());
    QMap<QString, QString> map;
    while (s->step() == SQLITE_ROW)
        map.insert(s->text(0), s->text(1));
    return classify::Settings::fromMap(map);
}

Result<void> SettingsRepository::save(const classify::Settings &settings)
{
    if (auto ok = settings.validate(); !ok)
        return ok;
    auto tx = m_db.beginWrite();
    if (!tx)
        return std::unexpected(tx.error());
    // Lists and optional keys: clear the old ones so that a shorter list or a cleared action
    // does not come back.
    if (auto ok = m_db.exec("DELETE FROM settings WHERE key LIKE 'tag\\_rule.%' ESCAPE '\\' OR key LIKE "
                            "'segment\\_action.%' ESCAPE '\\'");
        !ok)
        return ok;
    auto s = Statement::prepare(m_db.handle(), "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!s)
        return std::unexpected(s.error());
    const auto map = settings.toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        s->bindText(1, it.key());
        s->bindText(2, it.value());
        if (auto ok = s->run(QCoreApplication::translate("tierdesk::store", "The settings were not saved."));
            !ok)
            return ok;
    }
    return tx->commit();
}

// ---------------------------------------------------------------------------------------------
// The metrics pass

Result<std::vector<classify::CustomerFacts>> MetricsQuery::all(QDate asOf, const classify::Settings &s)
{
    return scanAllFacts(m_db, asOf, s);
}

Result<classify::CustomerFacts> MetricsQuery::one(CustomerId id, QDate asOf, const classify::Settings &s)
{
    auto facts = load(id, asOf, s);
    if (!facts)
        return std::unexpected(facts.error());
    if (facts->empty())
        return fail(QCoreApplication::translate("tierdesk::store", "Customer %1 does not exist.").arg(id));
    return facts->front();
}

Result<std::vector<classify::CustomerFacts>> MetricsQuery::load(std::optional<CustomerId> only, QDate asOf,
                                                                const classify::Settings &settings)
{
    sqlite3 *db = m_db.handle();
    // Three ordered streams merged by customer id: customers, per-customer order aggregates, and
    // calls in (customer, time, id) order. Each reads a covering index once.
    const char *customersSql =
        only ? "SELECT id, created_at, type, grade, grade_set_at, man_money, man_authority, "
               "man_need, archived FROM customers WHERE id = ?1"
             : "SELECT id, created_at, type, grade, grade_set_at, man_money, man_authority, "
               "man_need, archived FROM customers ORDER BY id";
    // ?1 = T, ?2 = start of W (exclusive), ?3 = start of H1 (exclusive), ?4 = start of H0 (exclusive)
    const char *ordersSql =
        only ? "SELECT customer_id,"
               " min(CASE WHEN amount > 0 THEN ordered_at END),"
               " max(CASE WHEN amount > 0 THEN ordered_at END),"
               " sum(amount > 0),"
               " sum(CASE WHEN amount > 0 AND ordered_at > ?2 THEN 1 ELSE 0 END),"
               " sum(CASE WHEN ordered_at > ?2 THEN amount ELSE 0 END),"
               " sum(CASE WHEN ordered_at > ?3 THEN amount ELSE 0 END),"
               " sum(CASE WHEN ordered_at > ?4 AND ordered_at <= ?3 THEN amount ELSE 0 END)"
               " FROM orders WHERE customer_id = ?5 AND ordered_at <= ?1 GROUP BY customer_id"
             : "SELECT customer_id,"
               " min(CASE WHEN amount > 0 THEN ordered_at END),"
               " max(CASE WHEN amount > 0 THEN ordered_at END),"
               " sum(amount > 0),"
               " sum(CASE WHEN amount > 0 AND ordered_at > ?2 THEN 1 ELSE 0 END),"
               " sum(CASE WHEN ordered_at > ?2 THEN amount ELSE 0 END),"
               " sum(CASE WHEN ordered_at > ?3 THEN amount ELSE 0 END),"
               " sum(CASE WHEN ordered_at > ?4 AND ordered_at <= ?3 THEN amount ELSE 0 END)"
               " FROM orders WHERE ordered_at <= ?1 GROUP BY customer_id ORDER BY customer_id";
    // A call on day T at any time counts: compare with the start of the next day.
    const char *callsSql =
        only ? "SELECT customer_id, called_at, outcome, next_follow_up FROM calls"
               " WHERE customer_id = ?2 AND called_at < ?1 ORDER BY customer_id, called_at, id"
             : "SELECT customer_id, called_at, outcome, next_follow_up FROM calls"
               " WHERE called_at < ?1 ORDER BY customer_id, called_at, id";

    auto customers = Statement::prepare(db, customersSql);
    auto orders = Statement::prepare(db, ordersSql);
    auto calls = Statement::prepare(db, callsSql);
    if (!customers)
        return std::unexpected(customers.error());
    if (!orders)
        return std::unexpected(orders.error());
    if (!calls)
        return std::unexpected(calls.error());

    const QByteArray t = asOf.toString(Qt::ISODate).toLatin1();
    const QByteArray w = asOf.addDays(-settings.windowDays).toString(Qt::ISODate).toLatin1();
    const QByteArray h1 = asOf.addDays(-settings.halfDays).toString(Qt::ISODate).toLatin1();
    const QByteArray h0 = asOf.addDays(-2 * settings.halfDays).toString(Qt::ISODate).toLatin1();
    const QByteArray nextDay = asOf.addDays(1).toString(Qt::ISODate).toLatin1();
    orders->bindText(1, QByteArrayView(t));
    orders->bindText(2, QByteArrayView(w));
    orders->bindText(3, QByteArrayView(h1));
    orders->bindText(4, QByteArrayView(h0));
    calls->bindText(1, QByteArrayView(nextDay));
    if (only) {
        customers->bind(1, std::int64_t(*only));
        orders->bind(5, std::int64_t(*only));
        calls->bind(2, std::int64_t(*only));
    }

    std::vector<classify::CustomerFacts> out;
    int rc;
    while ((rc = customers->step()) == SQLITE_ROW) {
        classify::CustomerFacts f;
        f.id = customers->int64(0);
        f.createdAt = customers->date(1);
        f.type = customerTypeFromText(customers->text(2));
        f.grade = gradeFromText(customers->text(3));
        f.gradeSetAt = customers->date(4);
        f.man = {optionalBool(*customers, 5), optionalBool(*customers, 6), optionalBool(*customers, 7)};
        f.archived = customers->integer(8) != 0;
        out.push_back(std::move(f));
    }
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(
            db, rc, QCoreApplication::translate("tierdesk::store", "Could not read the customers.")));

    // Merge the order aggregates (both streams ascend by id).
    std::size_t k = 0;
    while ((rc = orders->step()) == SQLITE_ROW) {
        const CustomerId id = orders->int64(0);
        while (k < out.size() && out[k].id < id)
            ++k;
        if (k == out.size())
            break;
        if (out[k].id != id)
            continue;
        classify::CustomerFacts &f = out[k];
        f.firstOrder = orders->date(1);
        f.lastOrder = orders->date(2);
        f.ordersTotal = orders->integer(3);
        f.frequency = orders->integer(4);
        f.monetary = orders->int64(5);
        f.spendRecent = orders->int64(6);
        f.spendPrev = orders->int64(7);
    }
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return std::unexpected(sqliteError(
            db, rc, QCoreApplication::translate("tierdesk::store", "Could not read the orders.")));

    // Calls ascend by (customer, time, id): the last row of a customer is its latest call.
    k = 0;
    while ((rc = calls->step()) == SQLITE_ROW) {
        const CustomerId id = calls->int64(0);
        while (k < out.size() && out[k].id < id)
            ++k;
        if (k == out.size())
            break;
        if (out[k].id != id)
            continue;
        classify::CustomerFacts &f = out[k];
        const QByteArrayView calledAt = calls->bytes(1);
        const QDate day = parseIsoDate(calledAt.first(std::min<qsizetype>(10, calledAt.size())));
        const QByteArrayView outcome = calls->bytes(2);
        f.lastContact = day;
        f.lastOutcome = outcomeFromText(QString::fromLatin1(outcome.data(), outcome.size()));
        f.followUp = calls->isNull(3) ? QDate() : calls->date(3);
        if (outcome == QByteArrayView("reached"))
            f.lastReachedCall = day;
    }
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return std::unexpected(
            sqliteError(db, rc, QCoreApplication::translate("tierdesk::store", "Could not read the calls.")));
    return out;
}

namespace {

void appendVarint(std::string &out, std::uint64_t v)
{
    while (v >= 0x80) {
        out.push_back(char(0x80 | (v & 0x7f)));
        v >>= 7;
    }
    out.push_back(char(v));
}

std::uint64_t readVarint(const char *&p)
{
    std::uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
        const auto byte = std::uint8_t(*p++);
        v |= std::uint64_t(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return v;
    }
}

/// Appends the six contact columns (1–6) of the statement's row to `text`.
void packContact(const Statement &s, std::string &text)
{
    for (int column = 1; column <= 6; ++column) {
        const QByteArrayView bytes = s.bytes(column);
        appendVarint(text, std::uint64_t(bytes.size()));
        text.append(bytes.data(), std::size_t(bytes.size()));
    }
}

} // namespace

std::string &ContactBook::blockForRow(std::uint64_t &at)
{
    constexpr std::size_t BlockBytes = std::size_t(4) << 20;
    // Room for a row of 64 KB; a longer one grows its block (once).
    if (m_blocks.empty() || m_blocks.back().size() + (std::size_t(64) << 10) > BlockBytes) {
        m_blocks.emplace_back();
        m_blocks.back().reserve(BlockBytes);
        // Filled right away: two huge pages instead of a thousand faults of 4 KiB.
        adviseHugePages(m_blocks.back().data(), BlockBytes);
    }
    at = std::uint64_t(m_blocks.size() - 1) << 32 | m_blocks.back().size();
    return m_blocks.back();
}

void ContactBook::fill(std::size_t row, CustomerRow &out) const
{
    const char *p = this->row(row);
    for (QString *field : {&out.name, &out.company, &out.phone, &out.email, &out.owner, &out.city}) {
        const auto n = qsizetype(readVarint(p));
        *field = QString::fromUtf8(p, n);
        p += n;
    }
}

ContactTexts ContactBook::texts(std::size_t row) const
{
    const char *p = this->row(row);
    ContactTexts out;
    for (QByteArrayView *field : {&out.name, &out.company, &out.phone, &out.email, &out.owner, &out.city}) {
        const auto n = qsizetype(readVarint(p));
        *field = QByteArrayView(p, n);
        p += n;
    }
    return out;
}

void ContactBook::keepRows(std::span<const CustomerId> rowIds, std::span<const CustomerId> ids)
{
    if (std::ranges::equal(rowIds, ids))
        return; // the rows asked for, already
    std::vector<std::uint64_t> offsets;
    assignOnHugePages(offsets, ids.size(), kMissing);
    std::size_t r = 0;
    for (std::size_t k = 0; k < ids.size(); ++k) {
        while (r < rowIds.size() && rowIds[r] < ids[k])
            ++r;
        if (r < rowIds.size() && rowIds[r] == ids[k])
            offsets[k] = m_offsets[r];
    }
    m_offsets = std::move(offsets);
}

void ContactBook::reorder(std::span<const std::uint32_t> order)
{
    std::vector<std::uint64_t> offsets;
    assignOnHugePages(offsets, order.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        offsets[i] = m_offsets[order[i]];
    m_offsets = std::move(offsets);
}

Result<ContactBook> ContactQuery::fetchAllPacked(sqlite3 *db, const QString &owner, QDate dueBy,
                                                 std::size_t expected, std::vector<CustomerId> &ids)
{
    ReadTransaction read(db);
    ContactBook out;
    ids.clear();
    ids.reserve(expected);
    adviseHugePages(ids.data(), expected * sizeof(CustomerId));
    out.m_offsets.reserve(expected);
    adviseHugePages(out.m_offsets.data(), expected * sizeof(std::uint64_t));
    const QByteArray ownerText = owner.toUtf8();
    // The queue's customers only: those not due were a quarter of the contacts at a million
    // customers (and their ids and offsets until dropped). CROSS JOIN keeps the customers table
    // outside, read in id order, with a lookup of each one's classification row by its key (the
    // rows of both tables go by in id order); the planner would rather sort the due ids first.
    auto s = Statement::prepare(
        db, dueBy.isValid()
                ? "SELECT c.id, c.name, c.company, c.phone, c.email, c.owner, c.city FROM customers c "
                  "CROSS JOIN classification k ON k.customer_id = c.id WHERE k.archived = 0 AND "
                  "k.due_date <= ?1 ORDER BY c.id"
                : "SELECT id, name, company, phone, email, owner, city FROM customers ORDER BY id");
    if (!s)
        return std::unexpected(s.error());
    if (dueBy.isValid())
        s->bindDate(1, dueBy);
    int rc;
    while ((rc = s->step()) == SQLITE_ROW) {
        if (!owner.isEmpty() && s->bytes(5) != QByteArrayView(ownerText))
            continue;
        std::uint64_t at = 0;
        packContact(*s, out.blockForRow(at));
        ids.push_back(s->int64(0));
        out.m_offsets.push_back(at);
    }
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(db, rc, {}));
    return out;
}

Result<ContactBook> ContactQuery::fetchPacked(std::span<const CustomerId> ids)
{
    return fetchPacked(m_db.handle(), ids);
}

Result<ContactBook> ContactQuery::fetchPacked(sqlite3 *db, std::span<const CustomerId> ids)
{
    ReadTransaction read(db);
    ContactBook out;
    assignOnHugePages(out.m_offsets, ids.size(), ContactBook::kMissing);
    if (ids.empty())
        return out;
    const auto [low, high] = std::minmax_element(ids.begin(), ids.end());
    if (ids.size() >= 64 && ids.size() * 8 > std::size_t(*high - *low + 1)) {
        // Most customers (a day's call list): the table read once in id order; a lookup per id
        // in list order reads a page per row (4 s at a million customers).
        std::vector<std::pair<CustomerId, std::size_t>> byId;
        assignOnHugePages(byId, ids.size());
        for (std::size_t i = 0; i < ids.size(); ++i)
            byId[i] = {ids[i], i};
        std::sort(byId.begin(), byId.end());
        auto s = Statement::prepare(db, "SELECT id, name, company, phone, email, owner, city FROM customers "
                                        "WHERE id >= ?1 AND id <= ?2 ORDER BY id");
        if (!s)
            return std::unexpected(s.error());
        s->bind(1, std::int64_t(*low));
        s->bind(2, std::int64_t(*high));
        std::size_t k = 0;
        int rc = SQLITE_DONE;
        while (k < byId.size() && (rc = s->step()) == SQLITE_ROW) {
            const CustomerId id = s->int64(0);
            while (k < byId.size() && byId[k].first < id)
                ++k;
            if (k < byId.size() && byId[k].first == id) {
                std::uint64_t at = 0;
                packContact(*s, out.blockForRow(at));
                for (; k < byId.size() && byId[k].first == id; ++k)
                    out.m_offsets[byId[k].second] = at;
            }
        }
        if (k < byId.size() && rc != SQLITE_DONE && rc != SQLITE_ROW)
            return std::unexpected(sqliteError(db, rc, {}));
        return out;
    }
    auto s = Statement::prepare(
        db, "SELECT id, name, company, phone, email, owner, city FROM customers WHERE id = ?1");
    if (!s)
        return std::unexpected(s.error());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        s->bind(1, std::int64_t(ids[i]));
        const int rc = s->step();
        if (rc == SQLITE_ROW) {
            packContact(*s, out.blockForRow(out.m_offsets[i]));
        } else if (rc != SQLITE_DONE) {
            return std::unexpected(sqliteError(db, rc, {}));
        }
        s->reset();
    }
    return out;
}

Result<std::vector<ContactRow>> ContactQuery::fetch(std::span<const CustomerId> ids)
{
    auto book = fetchPacked(ids);
    if (!book)
        return std::unexpected(book.error());
    std::vector<ContactRow> out;
    out.reserve(ids.size());
    CustomerRow row;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (!book->found(i))
            continue; // missing ids are skipped
        book->fill(i, row);
        out.push_back({ids[i], row.name, row.company, row.phone, row.email, row.owner, row.city});
    }
    return out;
}

} // namespace tierdesk::store
