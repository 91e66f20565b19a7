#include "importlog.h"

#include "database.h"
#include "repositories.h"
#include "searchindex.h"
#include "sqlite.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk::store {

namespace {

QString failedText()
{
    return QCoreApplication::translate("tierdesk::store::ImportLog", "The import log could not be written.");
}

const char *kindText(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Customers:
        break;
    case ImportKind::Orders:
        return "orders";
    case ImportKind::Calls:
        return "calls";
    }
    return "customers";
}

ImportKind kindFromText(const QString &text)
{
    if (text == u"orders")
        return ImportKind::Orders;
    if (text == u"calls")
        return ImportKind::Calls;
    return ImportKind::Customers;
}

QJsonValue optionalBool(const std::optional<bool> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

std::optional<bool> toOptionalBool(const QJsonValue &v)
{
    return v.isBool() ? std::optional<bool>(v.toBool()) : std::nullopt;
}

QByteArray toJson(const Customer &c)
{
    QJsonObject o{
        {QStringLiteral("name"), c.name},
        {QStringLiteral("company"), c.company},
        {QStringLiteral("type"), c.type ? QJsonValue(toText(*c.type)) : QJsonValue()},
        {QStringLiteral("phone"), c.phone},
        {QStringLiteral("email"), c.email},
        {QStringLiteral("city"), c.city},
        {QStringLiteral("owner"), c.owner},
        {QStringLiteral("created_at"), c.createdAt.toString(Qt::ISODate)},
        {QStringLiteral("grade"), c.grade ? QJsonValue(toText(*c.grade)) : QJsonValue()},
        {QStringLiteral("grade_set_at"), c.gradeSetAt.toString(Qt::ISODate)},
        {QStringLiteral("man_money"), optionalBool(c.man.money)},
        {QStringLiteral("man_authority"), optionalBool(c.man.authority)},
        {QStringLiteral("man_need"), optionalBool(c.man.need)},
        {QStringLiteral("archived"), c.archived},
        {QStringLiteral("tags"), QJsonArray::fromStringList(c.tags)},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Customer fromJson(CustomerId id, const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    Customer c;
    c.id = id;
    c.name = o.value(u"name").toString();
    c.company = o.value(u"company").toString();
    c.type = customerTypeFromText(o.value(u"type").toString());
    c.phone = o.value(u"phone").toString();
    c.email = o.value(u"email").toString();
    c.city = o.value(u"city").toString();
    c.owner = o.value(u"owner").toString();
    c.createdAt = QDate::fromString(o.value(u"created_at").toString(), Qt::ISODate);
    c.grade = gradeFromText(o.value(u"grade").toString());
    c.gradeSetAt = QDate::fromString(o.value(u"grade_set_at").toString(), Qt::ISODate);
    c.man.money = toOptionalBool(o.value(u"man_money"));
    c.man.authority = toOptionalBool(o.value(u"man_authority"));
    c.man.need = toOptionalBool(o.value(u"man_need"));
    c.archived = o.value(u"archived").toBool();
    for (const QJsonValue &t : o.value(u"tags").toArray())
        c.tags << t.toString();
    return c;
}

/// Marks the batch undone and commits the undo.
Result<void> markUndone(sqlite3 *db, qint64 batch, const QString &notUndone, Transaction &tx)
{
    auto done = Statement::prepare(db, "UPDATE import_batches SET undone_at = ?2 WHERE id = ?1");
    if (!done)
        return std::unexpected(done.error());
    done->bind(1, std::int64_t(batch));
    done->bindText(2, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (auto ok = done->run(notUndone); !ok)
        return ok;
    return tx.commit();
}

} // namespace

ImportLog::ImportLog(Database &db)
    : m_db(db)
{}

ImportLog::~ImportLog() = default;

Result<qint64> ImportLog::begin(const QString &source, ImportKind kind)
{
    auto s = Statement::prepare(m_db.handle(),
                                "INSERT INTO import_batches (source, imported_at, kind) VALUES (?1, ?2, ?3)");
    if (!s)
        return std::unexpected(s.error());
    s->bindText(1, source);
    s->bindText(2, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    s->bindStatic(3, kindText(kind));
    if (auto ok = s->run(failedText()); !ok)
        return std::unexpected(ok.error());
    return qint64(sqlite3_last_insert_rowid(m_db.handle()));
}

Result<void> ImportLog::recordCreated(qint64 batch, CustomerId id)
{
    auto s = Statement::prepare(
        m_db.handle(), "INSERT INTO import_changes (batch_id, customer_id, before) VALUES (?1, ?2, NULL)");
    if (!s)
        return std::unexpected(s.error());
    s->bind(1, std::int64_t(batch));
    s->bind(2, std::int64_t(id));
    return s->run(failedText());
}

Result<void> ImportLog::recordCreatedRecord(qint64 batch, std::int64_t id)
{
    if (!m_record) {
        auto s = Statement::prepare(m_db.handle(),
                                    "INSERT INTO import_records (batch_id, record_id) VALUES (?1, ?2)");
        if (!s)
            return std::unexpected(s.error());
        m_record = std::make_unique<Statement>(std::move(*s));
    }
    m_record->bind(1, std::int64_t(batch));
    m_record->bind(2, id);
    return m_record->run(failedText());
}

Result<void> ImportLog::recordChanged(qint64 batch, const Customer &before)
{
    // A customer created by this very batch needs no state: undo removes it.
    auto s = Statement::prepare(m_db.handle(), "INSERT INTO import_changes (batch_id, customer_id, before) "
                                               "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING");
    if (!s)
        return std::unexpected(s.error());
    s->bind(1, std::int64_t(batch));
    s->bind(2, std::int64_t(before.id));
    s->bindText(3, QString::fromUtf8(toJson(before)));
    return s->run(failedText());
}

Result<void> ImportLog::finish(qint64 batch, qint64 created, qint64 updated, qint64 skipped, qint64 rejected)
{
    auto s = Statement::prepare(m_db.handle(), "UPDATE import_batches SET created = ?2, updated = ?3, "
                                               "skipped = ?4, rejected = ?5 WHERE id = ?1");
    if (!s)
        return std::unexpected(s.error());
    s->bind(1, std::int64_t(batch));
    s->bind(2, std::int64_t(created));
    s->bind(3, std::int64_t(updated));
    s->bind(4, std::int64_t(skipped));
    s->bind(5, std::int64_t(rejected));
    return s->run(failedText());
}

Result<std::vector<ImportBatch>> ImportLog::batches()
{
    auto s = Statement::prepare(
        m_db.handle(), "SELECT id, source, imported_at, created, updated, skipped, rejected, undone_at, "
                       "kind FROM import_batches ORDER BY id DESC");
    if (!s)
        return std::unexpected(s.error());
    std::vector<ImportBatch> out;
    int rc;
    while ((rc = s->step()) == SQLITE_ROW) {
        ImportBatch b;
        b.id = s->int64(0);
        b.source = s->text(1);
        b.importedAt = QDateTime::fromString(s->text(2), Qt::ISODate);
        b.created = s->int64(3);
        b.updated = s->int64(4);
        b.skipped = s->int64(5);
        b.rejected = s->int64(6);
        b.undoneAt = QDateTime::fromString(s->text(7), Qt::ISODate);
        b.kind = kindFromText(s->text(8));
        out.push_back(std::move(b));
    }
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(m_db.handle(), rc, {}));
    return out;
}

Result<void> ImportLog::undo(qint64 batch)
{
    const QString notUndone =
        QCoreApplication::translate("tierdesk::store::ImportLog", "The import was not undone.");
    sqlite3 *db = m_db.handle();
    auto tx = m_db.beginWrite();
    if (!tx)
        return std::unexpected(tx.error());

    auto state = Statement::prepare(db, "SELECT undone_at, kind FROM import_batches WHERE id = ?1");
    if (!state)
        return std::unexpected(state.error());
    state->bind(1, std::int64_t(batch));
    if (state->step() != SQLITE_ROW)
        return fail(QCoreApplication::translate("tierdesk::store::ImportLog", "There is no import number %1.")
                        .arg(batch));
    if (!state->isNull(0))
        return fail(QCoreApplication::translate("tierdesk::store::ImportLog",
                                                "Import number %1 has been undone already.")
                        .arg(batch));
    const ImportKind kind = kindFromText(state->text(1));
    *state = Statement(); // done with it; a statement left open would keep its read lock

    if (kind != ImportKind::Customers) {
        // The orders or calls the batch created. Nothing refers to them, so undo always can.
        auto remove = Statement::prepare(
            db,
            kind == ImportKind::Orders
                ? "DELETE FROM orders WHERE id IN (SELECT record_id FROM import_records WHERE batch_id = ?1)"
                : "DELETE FROM calls WHERE id IN (SELECT record_id FROM import_records WHERE batch_id = ?1)");
        if (!remove)
            return std::unexpected(remove.error());
        remove->bind(1, std::int64_t(batch));
        if (auto ok = remove->run(notUndone); !ok)
            return ok;
        auto forget = Statement::prepare(db, "DELETE FROM import_records WHERE batch_id = ?1");
        if (!forget)
            return std::unexpected(forget.error());
        forget->bind(1, std::int64_t(batch));
        if (auto ok = forget->run(notUndone); !ok)
            return ok;
        return markUndone(db, batch, notUndone, *tx);
    }

    // Customers of this batch that have orders or calls by now: undo would have to drop them.
    auto busy = Statement::prepare(
        db, "SELECT count(*) FROM import_changes c WHERE c.batch_id = ?1 AND c.before IS NULL AND "
            "(EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id) OR "
            " EXISTS (SELECT 1 FROM calls k WHERE k.customer_id = c.customer_id))");
    if (!busy)
        return std::unexpected(busy.error());
    busy->bind(1, std::int64_t(batch));
    if (busy->step() != SQLITE_ROW)
        return std::unexpected(sqliteError(db, sqlite3_errcode(db), notUndone));
    if (const qint64 n = busy->int64(0); n > 0)
        return fail(QCoreApplication::translate("tierdesk::store::ImportLog",
                                                "%n customer(s) created by this import have calls or orders "
                                                "by now; undoing the import would delete them. Nothing was "
                                                "changed.",
                                                nullptr, int(n)));

    auto changes =
        Statement::prepare(db, "SELECT customer_id, before FROM import_changes WHERE batch_id = ?1 "
                               "ORDER BY customer_id");
    if (!changes)
        return std::unexpected(changes.error());
    changes->bind(1, std::int64_t(batch));
    std::vector<CustomerId> created;
    std::vector<Customer> restore;
    int rc;
    while ((rc = changes->step()) == SQLITE_ROW) {
        if (changes->isNull(1))
            created.push_back(changes->int64(0));
        else
            restore.push_back(fromJson(changes->int64(0), changes->text(1).toUtf8()));
    }
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(db, rc, notUndone));

    auto unindex = SearchTextWriter::open(db);
    auto remove = Statement::prepare(db, "DELETE FROM customers WHERE id = ?1");
    if (!unindex)
        return std::unexpected(unindex.error());
    if (!remove)
        return std::unexpected(remove.error());
    for (CustomerId id : created) {
        if (auto ok = unindex->remove(id); !ok)
            return ok;
        remove->bind(1, std::int64_t(id));
        if (auto ok = remove->run(notUndone); !ok)
            return ok;
    }
    CustomerRepository customers(m_db);
    for (const Customer &c : restore) {
        if (auto ok = customers.update(c); !ok)
            return ok;
    }

    auto forget = Statement::prepare(db, "DELETE FROM import_changes WHERE batch_id = ?1");
    if (!forget)
        return std::unexpected(forget.error());
    forget->bind(1, std::int64_t(batch));
    if (auto ok = forget->run(notUndone); !ok)
        return ok;
    return markUndone(db, batch, notUndone, *tx);
}

} // namespace tierdesk::store
