#include "bulk.h"

#include "classify/dupkeys.h"
#include "database.h"
#include "model/dates.h"
#include "schema.h"
#include "search.h"
#include "searchindex.h"
#include "sqlite.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryFile>

#include <algorithm>
#include <atomic>
#include <unordered_map>
#include <unordered_set>

namespace tierdesk::store {
namespace {

/// The page cache while importing: the tables' last pages and the B-trees being filled stay in
/// memory instead of spilling to the WAL before commit. Far below the 300 MB the app may use.
constexpr int kImportCacheKiB = 64 * 1024;

/// The page cache while commit() builds the secondary indexes. SQLite's sorter takes the cache
/// size as the size of each sorted run: with runs of 64 MiB the sorts chased pointers through
/// memory far beyond the CPU's caches. Building the ten indexes of a million customers took 27 s
/// of CPU and 261 MiB that way, and 10 s and 11 MiB with runs of 2 MiB merged from temporary
/// files (sqlite3 shell, 1M, on a busy machine).
constexpr int kIndexBuildCacheKiB = 2 * 1024;

/// A record refused for an id that exists already; `detail` is SQLite's message, or what it
/// would have said when the import finds it before SQLite sees the record.
Error existingId(const QString &record, const QString &detail = QStringLiteral("UNIQUE constraint failed"))
{
    return Error{QCoreApplication::translate("tierdesk::store", "%1: this id exists already.").arg(record),
                 detail};
}

/// A record refused for a customer that does not exist; `detail` as for existingId().
Error missingCustomer(const QString &record,
                      const QString &detail = QStringLiteral("FOREIGN KEY constraint failed"))
{
    return Error{
        QCoreApplication::translate("tierdesk::store", "%1: its customer does not exist.").arg(record),
        detail};
}

Error constraintError(sqlite3 *db, int rc, const QString &record)
{
    if (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE)
        return existingId(record, QString::fromUtf8(sqlite3_errmsg(db)));
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        return missingCustomer(record, QString::fromUtf8(sqlite3_errmsg(db)));
    return sqliteError(db, rc, record + u':');
}

/// Steps a statement that returns no rows and resets it; on failure the error names the record.
/// The message is only built when something failed: on the way of a million rows, a translated
/// string per row cost more than the insert.
template<typename Describe>
Result<void> runFor(sqlite3 *db, Statement &s, Describe describe)
{
    const int rc = s.step();
    const int ext = sqlite3_extended_errcode(db); // before reset() can change it
    s.reset();
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return {};
    return std::unexpected(constraintError(db, ext, describe()));
}

/// Ids added by an import into an empty database: the customers', for the reference check of
/// orders and calls while foreign keys are off, and the orders' and calls' of a streamed insert,
/// for the check of the primary key before SQLite sees the row (see RecordSource). A bitmap for
/// the usual dense ids, a hash set for the rest.
class AddedIds {
public:
    void insert(std::int64_t id)
    {
        if (id >= 0 && id < kDense) {
            if (std::size_t(id) >= m_bits.size())
                m_bits.resize(std::max<std::size_t>(std::size_t(id) + 1, m_bits.size() * 2));
            m_bits[std::size_t(id)] = true;
        } else {
            m_sparse.insert(id);
        }
    }
    bool contains(std::int64_t id) const
    {
        if (id >= 0 && id < kDense)
            return std::size_t(id) < m_bits.size() && m_bits[std::size_t(id)];
        return m_sparse.contains(id);
    }

private:
    static constexpr std::int64_t kDense = std::int64_t(1) << 28;
    std::vector<bool> m_bits;
    std::unordered_set<std::int64_t> m_sparse;
};

/// Switches a database file from WAL to a rollback journal for an import into it while it is
/// empty; true when it did. In WAL mode every page of the import was written twice, to the WAL
/// and again by the checkpoint at commit, and the index builds at commit read the table's pages
/// back through the WAL's index. A rollback journal keeps only the pages the file had before
/// (pages added past its end are not journaled): the import's pages are written once, straight
/// into the file, and a rollback or a crash still leaves the file as it was. Only a connection
/// alone on the file can leave WAL: with another one open, the import stays in WAL mode, without
/// waiting for the other to close.
bool leaveWal(sqlite3 *db, const QString &path)
{
    if (path.isEmpty() || path == QStringLiteral(":memory:") || !sqlite3_get_autocommit(db))
        return false;
    auto timeout = selectInt(db, "PRAGMA busy_timeout");
    if (!timeout)
        return false;
    {
        auto mode = Statement::prepare(db, "PRAGMA journal_mode");
        if (!mode || mode->step() != SQLITE_ROW || mode->bytes(0) != QByteArrayView("wal"))
            return false;
    }
    sqlite3_busy_timeout(db, 0);
    bool left = false;
    {
        auto changed = Statement::prepare(db, "PRAGMA journal_mode = DELETE");
        left = changed && changed->step() == SQLITE_ROW && changed->bytes(0) == QByteArrayView("delete");
    }
    sqlite3_busy_timeout(db, int(*timeout));
    return left;
}

/// Where a record's values go: the parameters of a statement (addOrder(), a row at a time), or
/// the columns of the virtual table a streamed insert reads (addOrders()). orderColumn() and
/// callColumn() write through either, so that both paths store the same values.
class ParameterOut {
public:
    ParameterOut(Statement &s, int column)
        : m_s(s)
        , m_i(column + 1)
    {}
    void integer(std::int64_t v) { m_s.bind(m_i, v); }
    void null() { m_s.bindNull(m_i); }
    void text(const QString &t) { m_s.bindText(m_i, t); }
    void staticText(const char *t) { m_s.bindStatic(m_i, t); }
    void date(QDate d) { m_s.bindDate(m_i, d); }
    void dateTime(const QDateTime &t) { m_s.bindDateTime(m_i, t); }

private:
    Statement &m_s;
    int m_i;
};

/// The same values as ParameterOut binds, as the result of a virtual table's column.
class ResultOut {
public:
    explicit ResultOut(sqlite3_context *ctx)
        : m_ctx(ctx)
    {}
    void integer(std::int64_t v) { sqlite3_result_int64(m_ctx, v); }
    void null() { sqlite3_result_null(m_ctx); }
    /// Empty text is stored as NULL, as Statement::bindText() does.
    void text(const QString &t) { utf8(t.toUtf8()); }
    void staticText(const char *t)
    {
        if (t)
            sqlite3_result_text(m_ctx, t, -1, SQLITE_STATIC);
        else
            null();
    }
    void date(QDate d) { utf8(StoredDate(d).bytes()); }
    void dateTime(const QDateTime &t) { utf8(StoredDate(t).bytes()); }

private:
    /// SQLite copies the text; empty is NULL.
    void utf8(QByteArrayView bytes)
    {
        if (bytes.isEmpty())
            null();
        else
            sqlite3_result_text(m_ctx, bytes.data(), int(bytes.size()), SQLITE_TRANSIENT);
    }

    sqlite3_context *m_ctx;
};

constexpr char kOrderColumnNames[] = "id, customer_id, ordered_at, amount, profit, note";
constexpr int kOrderColumns = 6;

/// Column `column` (0-based, in kOrderColumnNames' order) of an order.
template<typename Out>
void orderColumn(const Order &o, int column, Out &&out)
{
    switch (column) {
    case 0:
        return out.integer(o.id);
    case 1:
        return out.integer(std::int64_t(o.customerId));
    case 2:
        return out.date(o.orderedAt);
    case 3:
        return out.integer(std::int64_t(o.amount));
    case 4:
        return o.profit ? out.integer(std::int64_t(*o.profit)) : out.null();
    case 5:
        return out.text(o.note);
    default:
        return out.null();
    }
}

constexpr char kCallColumnNames[] =
    "id, customer_id, called_at, direction, outcome, duration_s, next_follow_up, note";
constexpr int kCallColumns = 8;

/// Column `column` (0-based, in kCallColumnNames' order) of a call.
template<typename Out>
void callColumn(const Call &c, int column, Out &&out)
{
    switch (column) {
    case 0:
        return out.integer(c.id);
    case 1:
        return out.integer(std::int64_t(c.customerId));
    case 2:
        return out.dateTime(c.calledAt);
    case 3:
        return out.staticText(schema::storedText(c.direction));
    case 4:
        return out.staticText(schema::storedText(c.outcome));
    case 5:
        return c.durationS ? out.integer(*c.durationS) : out.null();
    case 6:
        return out.date(c.nextFollowUp);
    case 7:
        return out.text(c.note);
    default:
        return out.null();
    }
}

QString describeOrder(const Order &o)
{
    return QCoreApplication::translate("tierdesk::store", "Order %1").arg(o.id);
}

QString describeCall(const Call &c)
{
    return QCoreApplication::translate("tierdesk::store", "Call %1").arg(c.id);
}

/// The rows of a streamed insert, one after the other.
class RowSource {
public:
    virtual ~RowSource() = default;
    /// Moves to the next row; false after the last one.
    virtual bool next() = 0;
    /// Gives column `index` (0-based) of the current row as the result of `ctx`.
    virtual void column(sqlite3_context *ctx, int index) = 0;
};

/// `tierdesk_import_rows(?1)`: an eponymous virtual table over the RowSource bound to ?1 with
/// sqlite3_bind_pointer(), so that `INSERT INTO t (…) SELECT c1, c2, … FROM
/// tierdesk_import_rows(?1)` inserts every row of the source in one statement. A statement per
/// row took twice as long for 7M orders (4.0 s against 1.9–2.0 s in a throwaway program with
/// the same SQLite): each row started the statement's program, opened a cursor, sought the
/// table's end from its root and halted. The hidden column `source` takes the pointer; without
/// it there is no plan, and the table can only be used directly (not from a view or trigger).
namespace importrows {

constexpr char kName[] = "tierdesk_import_rows";
constexpr char kPointerType[] = "tierdesk::store::RowSource";
/// c1 … c8; `source` is the column after them.
constexpr int kColumns = 8;

struct Cursor : sqlite3_vtab_cursor {
    RowSource *source = nullptr;
    sqlite3_int64 row = 0;
    bool eof = true;
};

int connect(sqlite3 *db, void *, int, const char *const *, sqlite3_vtab **out, char **)
{
    const int rc = sqlite3_declare_vtab(db, "CREATE TABLE x (c1, c2, c3, c4, c5, c6, c7, c8, source HIDDEN)");
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
    auto *table = static_cast<sqlite3_vtab *>(sqlite3_malloc(sizeof(sqlite3_vtab)));
    if (!table)
        return SQLITE_NOMEM;
    *table = {};
    *out = table;
    return SQLITE_OK;
}

int bestIndex(sqlite3_vtab *, sqlite3_index_info *info)
{
    for (int i = 0; i < info->nConstraint; ++i) {
        const auto &c = info->aConstraint[i];
        if (c.iColumn != kColumns || c.op != SQLITE_INDEX_CONSTRAINT_EQ)
            continue;
        if (!c.usable)
            return SQLITE_CONSTRAINT;
        info->aConstraintUsage[i].argvIndex = 1;
        info->aConstraintUsage[i].omit = 1;
        info->estimatedCost = 1;
        return SQLITE_OK;
    }
    return SQLITE_CONSTRAINT;
}

int disconnect(sqlite3_vtab *table)
{
    sqlite3_free(table);
    return SQLITE_OK;
}

int openCursor(sqlite3_vtab *, sqlite3_vtab_cursor **out)
{
    auto *cursor = new (std::nothrow) Cursor;
    if (!cursor)
        return SQLITE_NOMEM;
    *out = cursor;
    return SQLITE_OK;
}

int closeCursor(sqlite3_vtab_cursor *cursor)
{
    delete static_cast<Cursor *>(cursor);
    return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor *base, int, const char *, int argc, sqlite3_value **argv)
{
    auto *c = static_cast<Cursor *>(base);
    c->source = argc == 1 ? static_cast<RowSource *>(sqlite3_value_pointer(argv[0], kPointerType)) : nullptr;
    c->row = 0;
    c->eof = !c->source || !c->source->next();
    return SQLITE_OK;
}

int next(sqlite3_vtab_cursor *base)
{
    auto *c = static_cast<Cursor *>(base);
    ++c->row;
    c->eof = !c->source->next();
    return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor *base)
{
    return static_cast<Cursor *>(base)->eof;
}

int column(sqlite3_vtab_cursor *base, sqlite3_context *ctx, int column)
{
    if (column < kColumns)
        static_cast<Cursor *>(base)->source->column(ctx, column);
    return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *out)
{
    *out = static_cast<Cursor *>(base)->row;
    return SQLITE_OK;
}

sqlite3_module makeModule()
{
    sqlite3_module m{};
    m.xCreate = nullptr; // eponymous only: no CREATE VIRTUAL TABLE of it in any file
    m.xConnect = connect;
    m.xBestIndex = bestIndex;
    m.xDisconnect = disconnect;
    m.xDestroy = disconnect;
    m.xOpen = openCursor;
    m.xClose = closeCursor;
    m.xFilter = filter;
    m.xNext = next;
    m.xEof = eof;
    m.xColumn = column;
    m.xRowid = rowid;
    return m;
}
const sqlite3_module kModule = makeModule();

/// `INSERT INTO <table> (<columns>) SELECT c1, … c<count> FROM tierdesk_import_rows(?1)`.
QByteArray insertSql(const char *table, const char *columns, int count)
{
    QByteArray sql = QByteArray("INSERT INTO ") + table + " (" + columns + ") SELECT ";
    for (int i = 1; i <= count; ++i)
        sql += (i > 1 ? ", c" : "c") + QByteArray::number(i);
    return sql + " FROM " + kName + "(?1)";
}

} // namespace importrows

/// The records `next` hands out, as the rows of a streamed insert into an empty table, without
/// those the table would refuse: an id in `ids` (added by this import) and a customer this
/// import did not add. Each of those goes to `rejected` before `next` is asked again, as addOrder() and
/// addCall() refuse them, and the statement goes on (a constraint failing inside it would end
/// the whole statement).
template<typename Record>
class RecordSource final : public RowSource {
public:
    using Column = void (*)(const Record &, int, ResultOut &&);
    RecordSource(const std::function<const Record *()> &next,
                 const std::function<void(const Error &)> &rejected, const AddedIds &customers, AddedIds &ids,
                 Column columnOf, QString (*describe)(const Record &))
        : m_next(next)
        , m_rejected(rejected)
        , m_customers(customers)
        , m_ids(ids)
        , m_column(columnOf)
        , m_describe(describe)
    {}

    bool next() override
    {
        while ((m_row = m_next())) {
            if (!m_customers.contains(m_row->customerId)) {
                m_rejected(missingCustomer(m_describe(*m_row)));
            } else if (m_ids.contains(m_row->id)) {
                m_rejected(existingId(m_describe(*m_row)));
            } else {
                m_ids.insert(m_row->id);
                return true;
            }
        }
        return false;
    }
    void column(sqlite3_context *ctx, int index) override { m_column(*m_row, index, ResultOut(ctx)); }

private:
    const std::function<const Record *()> &m_next;
    const std::function<void(const Error &)> &m_rejected;
    const AddedIds &m_customers;
    AddedIds &m_ids; ///< of the records added so far, in this statement or before it
    const Column m_column;
    QString (*const m_describe)(const Record &);
    const Record *m_row = nullptr;
};

/// Runs a streamed insert (importrows::insertSql()) over `source` on `h`.
Result<void> streamRows(sqlite3 *h, Statement &insert, RowSource &source)
{
    sqlite3_bind_pointer(insert.get(), 1, &source, importrows::kPointerType, nullptr);
    const int rc = insert.step();
    const int ext = sqlite3_extended_errcode(h); // before reset() can change it
    insert.reset();
    if (rc == SQLITE_DONE)
        return {};
    return std::unexpected(sqliteError(h, ext, {}));
}

/// The name under which commit() attaches the file of a SideCalls.
constexpr char kSideSchema[] = "import_calls";

} // namespace

struct BulkImport::SideCalls::Private {
    ~Private()
    {
        stream = {};
        sqlite3_close(h);
        if (!file.fileName().isEmpty())
            file.remove();
    }
    /// Only its name is kept: SQLite writes the file.
    QTemporaryFile file;
    sqlite3 *h = nullptr;
    Statement stream;
    /// The customers of the import (BulkImport::Private::added), not changed while the side runs.
    const AddedIds *customers = nullptr;
    AddedIds ids;
    /// finish() built the index and closed the file.
    bool finished = false;
};

namespace {

/// The statement that creates calls_by_customer, as buildIndexes() runs it; null if it is not
/// among the import's indexes.
const char *callsIndex()
{
    for (const schema::Index &index : schema::importIndexes()) {
        if (std::string_view(index.name) == "calls_by_customer")
            return index.create;
    }
    return nullptr;
}

/// Copies the calls of a SideCalls (its `file`, once `finished`) into the empty calls table, with its index,
/// in the transaction of `h`. Both tables and both indexes have the same definitions (sideCalls() repeats
/// them), so that SQLite copies each record as it is stored, in order, instead of decoding it and inserting
/// it again; foreign keys are off and the table has no triggers (begin() dropped them), which that copy also
/// needs.
Result<void> copySideCalls(sqlite3 *h, const QString &file, bool finished, bool &attached)
{
    if (!finished)
        return std::unexpected(
            Error{QCoreApplication::translate("tierdesk::store", "Could not import the calls."),
                  QStringLiteral("the side's calls were not finished")});
    const QByteArray attach = QByteArray("ATTACH ?1 AS ") + kSideSchema;
    auto s = Statement::prepare(h, attach.constData());
    if (!s)
        return std::unexpected(s.error());
    s->bindText(1, QByteArrayView(QFile::encodeName(file)));
    if (auto ok = s->run({}); !ok)
        return ok;
    attached = true;
    const QByteArray copy = QByteArray("INSERT INTO main.calls SELECT * FROM ") + kSideSchema + ".calls";
    return execute(h, copy.constData());
}

/// At most this many customers' texts are indexed by the commit of an import into an empty
/// database, inside its transaction (some 7 µs of CPU each, 0.14 s in all), and their deferred
/// indexes built; a bigger one leaves both for the build afterwards, in the background (see
/// searchindex.h and deferredindexes.h).
constexpr qint64 kIndexedAtCommit = 20000;
std::atomic<qint64> g_indexedAtCommit{kIndexedAtCommit};

bool isDeferred(const schema::Index &index)
{
    for (const schema::Index &deferred : schema::deferredIndexes()) {
        if (std::string_view(deferred.name) == index.name)
            return true;
    }
    return false;
}

} // namespace

struct BulkImport::Private {
    explicit Private(Database &database)
        : db(database)
    {}
    Database &db;
    std::optional<Transaction> tx;
    Statement customer, order, call, tagAdd, tagLink, exists;
    /// The customers' search texts: into the index, or pending (see searchindex.h). Into an
    /// empty database they are left pending, and commit() indexes them when they are few.
    std::optional<SearchTextWriter> search;
    qint64 texts = 0; ///< written by this import
    /// Into an empty database: the orders and the calls in one statement each (addOrders()).
    Statement orderStream, callStream;
    std::unordered_map<QString, std::int64_t> tagIds;
    std::int64_t nextTagId = 1;
    /// The database had no customers, orders or calls: the secondary indexes were dropped in
    /// this transaction and are created again by commit(), one sort each; foreign keys are off
    /// on this connection until the end, and `added` stands in for them.
    bool fresh = false;
    AddedIds added;
    /// The same for the orders and the calls added (into an empty database only).
    AddedIds orderIds, callIds;
    /// The connection's cache_size before begin(), restored at the end.
    std::optional<int> cacheSize;
    /// The file left WAL for a rollback journal in begin(); put back to WAL at the end.
    bool leftWal = false;
    /// commit() gave SQLite's sorter a helper thread for the index builds; 0 again at the end.
    bool sorterThreads = false;

    /// buildIndexes() ran.
    bool indexesBuilt = false;
    /// The calls added on another thread (sideCalls()), and whether commit() attached its file.
    std::unique_ptr<SideCalls> side;
    bool sideAttached = false;

    /// What add() and addAll() need of the orders or the calls.
    template<typename Record>
    struct Rows {
        Statement &insert; ///< one record
        Statement &stream; ///< every record, into an empty database
        AddedIds &ids;
        int columns;
        void (*parameter)(const Record &, int, ParameterOut &&);
        void (*result)(const Record &, int, ResultOut &&);
        QString (*describe)(const Record &);
    };
    Rows<Order> orders()
    {
        return {order,
                orderStream,
                orderIds,
                kOrderColumns,
                &orderColumn<ParameterOut>,
                &orderColumn<ResultOut>,
                &describeOrder};
    }
    Rows<Call> calls()
    {
        return {call,
                callStream,
                callIds,
                kCallColumns,
                &callColumn<ParameterOut>,
                &callColumn<ResultOut>,
                &describeCall};
    }

    /// BulkImport::addOrder() and addCall().
    template<typename Record>
    Result<void> add(const Rows<Record> &rows, const Record &r)
    {
        if (fresh && !added.contains(r.customerId))
            return std::unexpected(missingCustomer(rows.describe(r)));
        for (int column = 0; column < rows.columns; ++column)
            rows.parameter(r, column, ParameterOut(rows.insert, column));
        auto ok = runFor(db.handle(), rows.insert, [&] { return rows.describe(r); });
        if (ok && fresh)
            rows.ids.insert(r.id);
        return ok;
    }

    /// BulkImport::addOrders() and addCalls().
    template<typename Record>
    Result<void> addAll(const Rows<Record> &rows, const std::function<const Record *()> &next,
                        const std::function<void(const Error &)> &rejected)
    {
        if (!fresh) {
            while (const Record *r = next()) {
                if (auto ok = add(rows, *r); !ok)
                    rejected(ok.error());
            }
            return {};
        }
        RecordSource<Record> source(next, rejected, added, rows.ids, rows.result, rows.describe);
        return streamRows(db.handle(), rows.stream, source);
    }

    void finalize()
    {
        customer = {};
        order = {};
        call = {};
        tagAdd = {};
        tagLink = {};
        exists = {};
        search.reset();
        orderStream = {};
        callStream = {};
    }
    /// Puts the connection back as every other one is (after the transaction ended).
    void restoreConnection()
    {
        sqlite3 *h = db.handle();
        if (!h)
            return;
        if (cacheSize) {
            const QByteArray sql = "PRAGMA cache_size = " + QByteArray::number(*cacheSize);
            sqlite3_exec(h, sql.constData(), nullptr, nullptr, nullptr);
            cacheSize.reset();
        }
        sqlite3_exec(h, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
        if (sorterThreads) {
            sqlite3_exec(h, "PRAGMA threads = 0", nullptr, nullptr, nullptr);
            sorterThreads = false;
        }
        if (sideAttached) {
            const QByteArray sql = QByteArray("DETACH ") + kSideSchema;
            sqlite3_exec(h, sql.constData(), nullptr, nullptr, nullptr);
            sideAttached = false;
        }
        if (leftWal) {
            // Should this fail (another connection opened the file meanwhile and holds it), the
            // next connection to open the file read-write puts it in WAL mode (Database::configure).
            sqlite3_exec(h, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
            leftWal = false;
        }
    }
};

BulkImport::BulkImport(Database &db)
    : d(std::make_unique<Private>(db))
{}

BulkImport::~BulkImport()
{
    rollback();
}

Result<void> BulkImport::begin()
{
    sqlite3 *db = d->db.handle();
    auto cache = selectInt(db, "PRAGMA cache_size");
    if (!cache)
        return std::unexpected(cache.error());
    // Put back at the end: commit() changes it for the index builds.
    d->cacheSize = int(*cache);
    const int wanted = -kImportCacheKiB;
    // A positive size counts pages; compare in KiB only when both are given that way.
    if (*cache > 0 || *cache > wanted) {
        const QByteArray sql = "PRAGMA cache_size = " + QByteArray::number(wanted);
        if (auto ok = d->db.exec(sql.constData()); !ok) {
            d->restoreConnection();
            return ok;
        }
    }
    const char *emptySql = "SELECT NOT EXISTS (SELECT 1 FROM customers) AND NOT EXISTS (SELECT 1 FROM "
                           "orders) AND NOT EXISTS (SELECT 1 FROM calls)";
    auto empty = selectInt(db, emptySql);
    if (!empty) {
        d->restoreConnection();
        return std::unexpected(empty.error());
    }
    if (*empty != 0)
        d->leftWal = leaveWal(db, d->db.path());
    // Foreign keys can only be switched outside a transaction: off before BEGIN when the database
    // looks empty, and checked again inside it (another program may have written in between).
    for (bool tryFresh : {*empty != 0, false}) {
        if (tryFresh)
            sqlite3_exec(db, "PRAGMA foreign_keys = OFF", nullptr, nullptr, nullptr);
        else
            sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
        auto tx = d->db.beginWrite();
        if (!tx) {
            d->restoreConnection();
            return std::unexpected(tx.error());
        }
        d->tx.emplace(std::move(*tx));
        if (!tryFresh)
            break;
        auto still = selectInt(db, emptySql);
        if (!still) {
            rollback();
            return std::unexpected(still.error());
        }
        if (*still) {
            d->fresh = true;
            break;
        }
        d->tx.reset();
    }
    if (d->fresh) {
        // Into an empty database, rows go in without their secondary indexes: each index is then
        // built by one sort in commit() instead of a random B-tree insert per row. The DROP is
        // part of the transaction, so a rollback brings the indexes back.
        for (const schema::Index &index : schema::importIndexes()) {
            const QByteArray sql = QByteArray("DROP INDEX IF EXISTS ") + index.name;
            if (auto ok = d->db.exec(sql.constData()); !ok) {
                rollback();
                return ok;
            }
        }
        // Nor does each row list its customer for the history digests: they are emptied, and
        // the next classification builds them all (see metricsscan.cpp).
        for (const schema::Index &trigger : schema::historyTriggers()) {
            const QByteArray sql = QByteArray("DROP TRIGGER IF EXISTS ") + trigger.name;
            if (auto ok = d->db.exec(sql.constData()); !ok) {
                rollback();
                return ok;
            }
        }
        for (const char *sql :
             {"DELETE FROM customer_history", "DELETE FROM customer_history_dirty",
              "UPDATE customer_history_state SET built = 0, orders_upto = 0, calls_upto = 0"}) {
            if (auto ok = d->db.exec(sql); !ok) {
                rollback();
                return ok;
            }
        }
    }

    const QByteArray orderSql =
        QByteArray("INSERT INTO orders (") + kOrderColumnNames + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
    const QByteArray callSql =
        QByteArray("INSERT INTO calls (") + kCallColumnNames + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    auto prepare = [&](Statement &into, const char *sql) -> Result<void> {
        auto s = Statement::prepare(db, sql);
        if (!s)
            return std::unexpected(s.error());
        into = std::move(*s);
        return {};
    };
    for (auto r : {prepare(d->customer, schema::kInsertCustomer), prepare(d->order, orderSql.constData()),
                   prepare(d->call, callSql.constData()),
                   prepare(d->tagAdd, "INSERT INTO tags (id, name) VALUES (?1, ?2)"),
                   prepare(d->tagLink,
                           "INSERT INTO customer_tags (customer_id, position, tag_id) VALUES (?1, ?2, ?3)"),
                   prepare(d->exists, "SELECT 1 FROM customers WHERE id = ?1")}) {
        if (!r)
            return r;
    }
    auto writer = SearchTextWriter::open(db, d->fresh ? SearchTextWriter::Into::Pending
                                                      : SearchTextWriter::Into::Current);
    if (!writer) {
        rollback();
        return std::unexpected(writer.error());
    }
    d->search.emplace(std::move(*writer));
    if (d->fresh) {
        const int rc = sqlite3_create_module(db, importrows::kName, &importrows::kModule, nullptr);
        if (rc != SQLITE_OK) {
            rollback();
            return std::unexpected(sqliteError(db, rc, {}));
        }
        for (auto r : {prepare(d->orderStream,
                               importrows::insertSql("orders", kOrderColumnNames, kOrderColumns).constData()),
                       prepare(d->callStream,
                               importrows::insertSql("calls", kCallColumnNames, kCallColumns).constData())}) {
            if (!r) {
                rollback();
                return r;
            }
        }
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

BulkImport::PreparedCustomer BulkImport::prepare(const Customer &c)
{
    // Written into one buffer without a QString or QByteArray per part: at a million customers
    // the parts' conversions were two thirds of customers.csv's checking thread, which the
    // importing thread waited for.
    using P = PreparedCustomer;
    PreparedCustomer out;
    const QString phoneKey = classify::phoneKey(c.phone);
    // The texts, the e-mail key and the search text (name, company, phone twice, e-mail, 6 line
    // ends), in UTF-16 units: at most 3 bytes each in UTF-8.
    const qsizetype units = 2 * (c.name.size() + c.company.size()) + 3 * (c.phone.size() + c.email.size()) +
                            c.city.size() + c.owner.size() + phoneKey.size() + 6;
    out.m_bytes.reserve(3 * units);
    const QStringView plain[] = {c.name, c.company, c.phone, c.email, c.city, c.owner, phoneKey};
    for (int i = P::Name; i <= P::PhoneKey; ++i) {
        appendUtf8(out.m_bytes, plain[i]);
        out.m_ends[i] = out.m_bytes.size();
    }
    // classify::emailKey(): the e-mail trimmed and lower-cased.
    appendLowerUtf8(out.m_bytes, QStringView(c.email).trimmed());
    out.m_ends[P::EmailKey] = out.m_bytes.size();
    appendSearchTextUtf8(out.m_bytes, c);
    out.m_ends[P::SearchText] = out.m_bytes.size();
    out.m_bytes.squeeze();
    return out;
}

Result<void> BulkImport::addCustomer(const Customer &c)
{
    return addCustomer(c, prepare(c));
}

Result<void> BulkImport::addCustomer(const Customer &c, const PreparedCustomer &texts)
{
    using P = PreparedCustomer;
    sqlite3 *db = d->db.handle();
    const auto what = [&c] {
        return QCoreApplication::translate("tierdesk::store", "Customer %1").arg(c.id);
    };
    Statement &s = d->customer;
    s.bind(1, std::int64_t(c.id));
    s.bindTextInPlace(2, texts.part(P::Name));
    s.bindTextInPlace(3, texts.part(P::Company));
    if (c.type)
        s.bindStatic(4, schema::storedText(*c.type));
    s.bindTextInPlace(5, texts.part(P::Phone));
    s.bindTextInPlace(6, texts.part(P::Email));
    s.bindTextInPlace(7, texts.part(P::City));
    s.bindTextInPlace(8, texts.part(P::Owner));
    s.bindDate(9, c.createdAt);
    if (c.grade)
        s.bindStatic(10, schema::storedText(*c.grade));
    s.bindDate(11, c.gradeSetAt);
    if (c.man.money)
        s.bind(12, int(*c.man.money));
    if (c.man.authority)
        s.bind(13, int(*c.man.authority));
    if (c.man.need)
        s.bind(14, int(*c.man.need));
    s.bind(15, int(c.archived));
    s.bindTextInPlace(16, texts.part(P::PhoneKey));
    s.bindTextInPlace(17, texts.part(P::EmailKey));
    if (auto ok = runFor(db, s, what); !ok)
        return ok;
    if (d->fresh)
        d->added.insert(c.id);
    if (auto ok = d->search->write(c.id, texts.part(P::SearchText)); !ok)
        return std::unexpected(Error{what(), ok.error().detail});
    ++d->texts;
    int position = 0;
    for (const QString &tag : c.tags) {
        if (tag.isEmpty())
            continue;
        auto it = d->tagIds.find(tag);
        if (it == d->tagIds.end()) {
            const std::int64_t id = d->nextTagId++;
            d->tagAdd.bind(1, id);
            d->tagAdd.bindText(2, tag);
            if (auto ok = runFor(db, d->tagAdd, what); !ok)
                return ok;
            it = d->tagIds.emplace(tag, id).first;
        }
        d->tagLink.bind(1, std::int64_t(c.id));
        d->tagLink.bind(2, position++);
        d->tagLink.bind(3, it->second);
        if (auto ok = runFor(db, d->tagLink, what); !ok)
            return ok;
    }
    return {};
}

Result<void> BulkImport::addOrder(const Order &o)
{
    return d->add(d->orders(), o);
}

Result<void> BulkImport::addOrders(const std::function<const Order *()> &next,
                                   const std::function<void(const Error &)> &rejected)
{
    return d->addAll(d->orders(), next, rejected);
}

Result<void> BulkImport::addCall(const Call &c)
{
    return d->add(d->calls(), c);
}

Result<void> BulkImport::addCalls(const std::function<const Call *()> &next,
                                  const std::function<void(const Error &)> &rejected)
{
    return d->addAll(d->calls(), next, rejected);
}

Result<BulkImport::SideCalls *> BulkImport::sideCalls()
{
    if (!d->tx || !d->fresh)
        return nullptr;
    if (d->side)
        return d->side.get();
    const QString path = d->db.path();
    sqlite3 *db = d->db.handle();
    // The table as this file defines it (an older version's file may differ from a new one's),
    // and its index as buildIndexes() creates it.
    auto table =
        Statement::prepare(db, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'calls'");
    if (!table)
        return std::unexpected(table.error());
    if (table->step() != SQLITE_ROW)
        return nullptr;
    const QByteArray tableSql = table->bytes(0).toByteArray();
    table = {};
    auto pageSize = selectInt(db, "PRAGMA page_size");
    if (!pageSize)
        return std::unexpected(pageSize.error());
    if (!callsIndex())
        return nullptr;

    auto p = std::make_unique<SideCalls::Private>();
    p->customers = &d->added;
    const QByteArray pageSql = "PRAGMA page_size = " + QByteArray::number(*pageSize);
    const QByteArray cacheSql = "PRAGMA cache_size = " + QByteArray::number(-kIndexBuildCacheKiB);
    p->h = openScratchBeside(path, QStringLiteral(".calls-"), p->file,
                             {pageSql.constData(), cacheSql.constData(), tableSql.constData(), "BEGIN"});
    if (!p->h)
        return nullptr; // a folder that cannot be written: the calls go in here
    if (sqlite3_create_module(p->h, importrows::kName, &importrows::kModule, nullptr) != SQLITE_OK)
        return nullptr;
    auto stream =
        Statement::prepare(p->h, importrows::insertSql("calls", kCallColumnNames, kCallColumns).constData());
    if (!stream)
        return nullptr;
    p->stream = std::move(*stream);
    d->side.reset(new SideCalls(std::move(p)));
    return d->side.get();
}

BulkImport::SideCalls::SideCalls(std::unique_ptr<Private> p)
    : d(std::move(p))
{}

BulkImport::SideCalls::~SideCalls() = default;

Result<void> BulkImport::SideCalls::addCalls(const std::function<const Call *()> &next,
                                             const std::function<void(const Error &)> &rejected)
{
    RecordSource<Call> source(next, rejected, *d->customers, d->ids, &callColumn<ResultOut>, &describeCall);
    return streamRows(d->h, d->stream, source);
}

Result<void> BulkImport::SideCalls::finish()
{
    d->stream = {};
    // One helper thread of SQLite's sorter, as for the indexes of the database (buildIndexes()).
    for (const char *sql : {"PRAGMA threads = 1", callsIndex(), "COMMIT"}) {
        if (auto ok = execute(d->h, sql,
                              QCoreApplication::translate("tierdesk::store", "Could not import the calls."));
            !ok)
            return ok;
    }
    // Its connection keeps the file locked until it is closed (locking_mode).
    sqlite3_close(d->h);
    d->h = nullptr;
    d->finished = true;
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

Result<void> BulkImport::buildIndexes()
{
    if (!d->tx || !d->fresh || d->indexesBuilt)
        return {};
    d->indexesBuilt = true;
    // Small sorted runs (kIndexBuildCacheKiB), and one helper thread of SQLite's sorter beside
    // this one. At 1M on a quiet two-core machine the ten builds took 6.2-6.9 s with the
    // helper against 7.4-7.5 s without (three imports each), for 3 s more of CPU; two helpers
    // took 16 s of CPU instead of 10 on a busy machine. Set back to 0 at the end.
    d->sorterThreads = true;
    const QByteArray sql = "PRAGMA cache_size = " + QByteArray::number(-kIndexBuildCacheKiB);
    for (const char *pragma : {sql.constData(), "PRAGMA threads = 1"}) {
        if (auto ok = d->db.exec(pragma); !ok) {
            rollback();
            return ok;
        }
    }
    // A big import into a file leaves the deferred ones for the build afterwards; nothing would
    // build them for a database in memory.
    const bool defer =
        d->texts > g_indexedAtCommit && !d->db.path().isEmpty() && d->db.path() != QStringLiteral(":memory:");
    for (const schema::Index &index : schema::importIndexes()) {
        if (defer && isDeferred(index))
            continue;
        if (auto ok = d->db.exec(index.create); !ok) {
            rollback();
            return ok;
        }
    }
    return {};
}

Result<void> BulkImport::commit()
{
    if (!d->tx)
        return {};
    d->finalize();
    if (d->fresh) {
        if (auto ok = buildIndexes(); !ok)
            return ok;
        if (d->side) {
            if (auto ok = copySideCalls(d->db.handle(), d->side->d->file.fileName(), d->side->d->finished,
                                        d->sideAttached);
                !ok) {
                rollback();
                return ok;
            }
        }
        for (const schema::Index &trigger : schema::historyTriggers()) {
            if (auto ok = d->db.exec(trigger.create); !ok) {
                rollback();
                return ok;
            }
        }
    }
    if (d->fresh && d->texts <= g_indexedAtCommit) {
        if (auto ok = searchindex::indexPendingInPlace(d->db.handle()); !ok) {
            rollback();
            return ok;
        }
    }
    auto ok = d->tx->commit();
    d->tx.reset();
    d->restoreConnection();
    d->side.reset(); // finished (copySideCalls()): removes its file
    return ok;
}

void BulkImport::setIndexedAtCommit(qint64 most)
{
    g_indexedAtCommit = most;
}

void BulkImport::rollback()
{
    d->finalize();
    const bool open = d->tx.has_value();
    d->tx.reset(); // the Transaction rolls back in its destructor
    d->fresh = false;
    if (open)
        d->restoreConnection();
    // A side that has not finished may still be adding calls on its thread (this rollback
    // came from a failure here): it stays, and goes with this BulkImport, after that thread.
    if (d->side && d->side->d->finished)
        d->side.reset(); // removes its file
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
