#include "bulk.h"

#include "classify/dupkeys.h"
#include "database.h"
#include "model/dates.h"
#include "schema.h"
#include "search.h"
#include "sqlite.h"

#include <QCoreApplication>

#include <unordered_map>

namespace tierdesk::store {
namespace {

Error constraintError(sqlite3 *db, int rc, const QString &record)
{
    if (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE)
        return Error{
            QCoreApplication::translate("tierdesk::store", "%1: this id exists already.").arg(record),
            QString::fromUtf8(sqlite3_errmsg(db))};
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        return Error{
            QCoreApplication::translate("tierdesk::store", "%1: its customer does not exist.").arg(record),
            QString::fromUtf8(sqlite3_errmsg(db))};
    return sqliteError(db, rc, record + u':');
}

} // namespace

struct BulkImport::Private {
    Database &db;
    std::optional<Transaction> tx;
    Statement customer, order, call, tagAdd, tagLink, exists, search;
    std::unordered_map<QString, std::int64_t> tagIds;
    std::int64_t nextTagId = 1;
};

BulkImport::BulkImport(Database &db)
    : d(std::make_unique<Private>(Private{db, std::nullopt, {}, {}, {}, {}, {}, {}, {}, {}, 1}))
{}

BulkImport::~BulkImport()
{
    rollback();
}

Result<void> BulkImport::begin()
{
    sqlite3 *db = d->db.handle();
    auto tx = d->db.beginWrite();
    if (!tx)
        return std::unexpected(tx.error());
    d->tx.emplace(std::move(*tx));
    auto prepare = [&](Statement &into, const char *sql) -> Result<void> {
        auto s = Statement::prepare(db, sql);
        if (!s)
            return std::unexpected(s.error());
        into = std::move(*s);
        return {};
    };
    for (auto r :
         {prepare(d->customer, schema::kInsertCustomer),
          prepare(d->order, "INSERT INTO orders (id, customer_id, ordered_at, amount, profit, note) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
          prepare(d->call, "INSERT INTO calls (id, customer_id, called_at, direction, outcome, "
                           "duration_s, next_follow_up, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
          prepare(d->tagAdd, "INSERT INTO tags (id, name) VALUES (?1, ?2)"),
          prepare(d->tagLink,
                  "INSERT INTO customer_tags (customer_id, position, tag_id) VALUES (?1, ?2, ?3)"),
          prepare(d->exists, "SELECT 1 FROM customers WHERE id = ?1"),
          prepare(d->search, "INSERT INTO customer_search (rowid, text) VALUES (?1, ?2)")}) {
        if (!r)
            return r;
    }
    // Existing tags keep their ids.
    auto tags = Statement::prepare(db, "SELECT id, name FROM tags");
    if (!tags)
        return std::unexpected(tags.error());
    while (tags->step() == SQLITE_ROW) {
        const std::int64_t id = tags->int64(0);
        d->tagIds.emplace(tags->text(1), id);
        d->nextTagId = std::max(d->nextTagId, id + 1);
    }
    return {};
}

Result<void> BulkImport::addCustomer(const Customer &c)
{
    sqlite3 *db = d->db.handle();
    Statement &s = d->customer;
    s.bind(1, std::int64_t(c.id));
    s.bindText(2, c.name);
    s.bindText(3, c.company);
    if (c.type)
        s.bindText(4, toText(*c.type));
    s.bindText(5, c.phone);
    s.bindText(6, c.email);
    s.bindText(7, c.city);
    s.bindText(8, c.owner);
    s.bindDate(9, c.createdAt);
    if (c.grade)
        s.bindText(10, toText(*c.grade));
    s.bindDate(11, c.gradeSetAt);
    if (c.man.money)
        s.bind(12, int(*c.man.money));
    if (c.man.authority)
        s.bind(13, int(*c.man.authority));
    if (c.man.need)
        s.bind(14, int(*c.man.need));
    s.bind(15, int(c.archived));
    s.bindText(16, classify::phoneKey(c.phone));
    s.bindText(17, classify::emailKey(c.email));
    const int rc = s.step();
    const int ext = sqlite3_extended_errcode(db); // before reset() can change it
    s.reset();
    if (rc != SQLITE_DONE)
        return std::unexpected(constraintError(
            db, ext, QCoreApplication::translate("tierdesk::store", "Customer %1").arg(c.id)));
    d->search.bind(1, std::int64_t(c.id));
    d->search.bindText(2, searchText(c));
    if (auto ok = d->search.run(QCoreApplication::translate("tierdesk::store", "Customer %1:").arg(c.id));
        !ok)
        return ok;
    int position = 0;
    for (const QString &tag : c.tags) {
        if (tag.isEmpty())
            continue;
        auto it = d->tagIds.find(tag);
        if (it == d->tagIds.end()) {
            const std::int64_t id = d->nextTagId++;
            d->tagAdd.bind(1, id);
            d->tagAdd.bindText(2, tag);
            if (auto ok =
                    d->tagAdd.run(QCoreApplication::translate("tierdesk::store", "Customer %1:").arg(c.id));
                !ok)
                return ok;
            it = d->tagIds.emplace(tag, id).first;
        }
        d->tagLink.bind(1, std::int64_t(c.id));
        d->tagLink.bind(2, position++);
        d->tagLink.bind(3, it->second);
        if (auto ok =
                d->tagLink.run(QCoreApplication::translate("tierdesk::store", "Customer %1:").arg(c.id));
            !ok)
            return ok;
    }
    return {};
}

Result<void> BulkImport::addOrder(const Order &o)
{
    sqlite3 *db = d->db.handle();
    Statement &s = d->order;
    s.bind(1, o.id);
    s.bind(2, std::int64_t(o.customerId));
    s.bindDate(3, o.orderedAt);
    s.bind(4, std::int64_t(o.amount));
    s.bindOptional(5, o.profit);
    s.bindText(6, o.note);
    const int rc = s.step();
    const int ext = sqlite3_extended_errcode(db); // before reset() can change it
    s.reset();
    if (rc != SQLITE_DONE)
        return std::unexpected(
            constraintError(db, ext, QCoreApplication::translate("tierdesk::store", "Order %1").arg(o.id)));
    return {};
}

Result<void> BulkImport::addCall(const Call &c)
{
    sqlite3 *db = d->db.handle();
    Statement &s = d->call;
    s.bind(1, c.id);
    s.bind(2, std::int64_t(c.customerId));
    s.bindText(3, isoDateTime(c.calledAt));
    s.bindText(4, toText(c.direction));
    s.bindText(5, toText(c.outcome));
    s.bindOptional(6, c.durationS);
    s.bindDate(7, c.nextFollowUp);
    s.bindText(8, c.note);
    const int rc = s.step();
    const int ext = sqlite3_extended_errcode(db); // before reset() can change it
    s.reset();
    if (rc != SQLITE_DONE)
        return std::unexpected(
            constraintError(db, ext, QCoreApplication::translate("tierdesk::store", "Call %1").arg(c.id)));
    return {};
}

Result<bool> BulkImport::customerExists(CustomerId id)
{
    d->exists.bind(1, std::int64_t(id));
    const int rc = d->exists.step();
    d->exists.reset();
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return std::unexpected(sqliteError(d->db.handle(), rc, {}));
}

Result<void> BulkImport::commit()
{
    if (!d->tx)
        return {};
    d->customer = {};
    d->order = {};
    d->call = {};
    d->tagAdd = {};
    d->tagLink = {};
    d->exists = {};
    d->search = {};
    auto ok = d->tx->commit();
    d->tx.reset();
    return ok;
}

void BulkImport::rollback()
{
    d->customer = {};
    d->order = {};
    d->call = {};
    d->tagAdd = {};
    d->tagLink = {};
    d->exists = {};
    d->search = {};
    d->tx.reset(); // the Transaction rolls back in its destructor
}

Result<void> BulkExport::customers(const std::function<bool(const Customer &)> &sink)
{
    sqlite3 *db = m_db.handle();
    auto s = Statement::prepare(
        db, "SELECT id, name, company, type, phone, email, city, owner, created_at, grade, "
            "grade_set_at, man_money, man_authority, man_need, archived FROM customers "
            "ORDER BY id");
    auto tags =
        Statement::prepare(db, "SELECT ct.customer_id, t.name FROM customer_tags ct JOIN tags t ON t.id = "
                               "ct.tag_id ORDER BY ct.customer_id, ct.position");
    if (!s)
        return std::unexpected(s.error());
    if (!tags)
        return std::unexpected(tags.error());
    int tagRc = tags->step();
    int rc;
    while ((rc = s->step()) == SQLITE_ROW) {
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
        auto b = [&](int col) {
            return s->isNull(col) ? std::nullopt : std::optional<bool>(s->integer(col) != 0);
        };
        c.man = {b(11), b(12), b(13)};
        c.archived = s->integer(14) != 0;
        while (tagRc == SQLITE_ROW && tags->int64(0) < c.id)
            tagRc = tags->step();
        while (tagRc == SQLITE_ROW && tags->int64(0) == c.id) {
            c.tags << tags->text(1);
            tagRc = tags->step();
        }
        if (!sink(c))
            return {};
    }
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(
            db, rc, QCoreApplication::translate("tierdesk::store", "Could not read the customers.")));
    return {};
}

Result<void> BulkExport::orders(const std::function<bool(const Order &)> &sink)
{
    sqlite3 *db = m_db.handle();
    auto s = Statement::prepare(
        db, "SELECT id, customer_id, ordered_at, amount, profit, note FROM orders ORDER BY id");
    if (!s)
        return std::unexpected(s.error());
    int rc;
    Order o;
    while ((rc = s->step()) == SQLITE_ROW) {
        o.id = s->int64(0);
        o.customerId = s->int64(1);
        o.orderedAt = s->date(2);
        o.amount = s->int64(3);
        o.profit = s->optionalInt(4);
        o.note = s->text(5);
        if (!sink(o))
            return {};
    }
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(
            db, rc, QCoreApplication::translate("tierdesk::store", "Could not read the orders.")));
    return {};
}

Result<void> BulkExport::calls(const std::function<bool(const Call &)> &sink)
{
    sqlite3 *db = m_db.handle();
    auto s = Statement::prepare(db, "SELECT id, customer_id, called_at, direction, outcome, duration_s, "
                                    "next_follow_up, note FROM calls ORDER BY id");
    if (!s)
        return std::unexpected(s.error());
    int rc;
    Call c;
    while ((rc = s->step()) == SQLITE_ROW) {
        c.id = s->int64(0);
        c.customerId = s->int64(1);
        c.calledAt = parseIsoDateTime(s->bytes(2));
        c.direction = directionFromText(s->text(3)).value_or(Direction::Out);
        c.outcome = outcomeFromText(s->text(4)).value_or(Outcome::Reached);
        c.durationS = s->isNull(5) ? std::nullopt : std::optional<int>(s->integer(5));
        c.nextFollowUp = s->date(6);
        c.note = s->text(7);
        if (!sink(c))
            return {};
    }
    if (rc != SQLITE_DONE)
        return std::unexpected(
            sqliteError(db, rc, QCoreApplication::translate("tierdesk::store", "Could not read the calls.")));
    return {};
}

} // namespace tierdesk::store
