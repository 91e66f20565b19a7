#include "searchindex.h"

#include "database.h"
#include "sqlite.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryFile>

#include <sqlite3.h>
#include <string_view>

namespace tierdesk::store {
namespace {

/// The definition of customer_search (schema version 1), repeated in the scratch file.
constexpr char kDefinition[] = "CREATE VIRTUAL TABLE customer_search USING fts5 (text, tokenize = 'trigram')";

/// FTS5 gathers this many bytes of terms in memory before it writes them as a new segment (1 MB by
/// default): fewer segments to merge. Kept in the scratch index's config table only. The window
/// builds beside everything it holds: at a million customers `index-search` with 16 MB took
/// 8.9 s and 46 MiB, with 4 MB 9.5–9.9 s and 29 MiB (8 MB: the time of 4, 35 MiB).
constexpr char kHashSize[] =
    "INSERT INTO customer_search (customer_search, rank) VALUES ('hashsize', 4194304)";

QString notBuilt()
{
    return QCoreApplication::translate("tierdesk::store", "The search index could not be built.");
}

Result<void> exec(sqlite3 *db, const char *sql)
{
    return execute(db, sql, notBuilt());
}

} // namespace

namespace searchindex {

Result<bool> isPending(sqlite3 *db)
{
    auto n = selectInt(db, "SELECT EXISTS (SELECT 1 FROM customer_search_pending)");
    if (!n)
        return std::unexpected(n.error());
    return *n != 0;
}

Result<qint64> pendingWrites(sqlite3 *db)
{
    return selectInt(db, "SELECT changes FROM customer_search_pending_state");
}

Result<void> indexPendingInPlace(sqlite3 *db)
{
    // The index is empty while texts are pending; a row it has anyway gives way, rather than
    // stop the insert on its rowid.
    for (const char *sql :
         {"DELETE FROM customer_search WHERE rowid IN (SELECT id FROM customer_search_pending)",
          "INSERT INTO customer_search (rowid, text) SELECT id, text FROM "
          "customer_search_pending WHERE text IS NOT NULL ORDER BY id",
          "DELETE FROM customer_search_pending"}) {
        if (auto ok = exec(db, sql); !ok)
            return ok;
    }
    return {};
}

} // namespace searchindex

Result<SearchTextWriter> SearchTextWriter::open(sqlite3 *db, Into into)
{
    SearchTextWriter out;
    if (into == Into::Current) {
        auto pending = searchindex::isPending(db);
        if (!pending)
            return std::unexpected(pending.error());
        out.m_pending = *pending;
    } else {
        out.m_pending = into == Into::Pending;
    }
    if (out.m_pending) {
        if (auto ok = exec(db, "UPDATE customer_search_pending_state SET changes = changes + 1"); !ok)
            return std::unexpected(ok.error());
        auto changes = searchindex::pendingWrites(db);
        if (!changes)
            return std::unexpected(changes.error());
        out.m_changes = *changes;
    }
    // While pending, the insert of a text and the removal (a row without text) are one statement.
    auto remove = Statement::prepare(db, out.m_pending ? "INSERT OR REPLACE INTO customer_search_pending "
                                                         "(id, text, changed) VALUES (?1, NULL, ?2)"
                                                       : "DELETE FROM customer_search WHERE rowid = ?1");
    auto insert =
        Statement::prepare(db, out.m_pending ? "INSERT OR REPLACE INTO customer_search_pending "
                                               "(id, text, changed) VALUES (?1, ?2, ?3)"
                                             : "INSERT INTO customer_search (rowid, text) VALUES (?1, ?2)");
    if (!remove)
        return std::unexpected(remove.error());
    if (!insert)
        return std::unexpected(insert.error());
    out.m_remove = std::move(*remove);
    out.m_insert = std::move(*insert);
    return out;
}

Result<void> SearchTextWriter::write(CustomerId id, QByteArrayView utf8)
{
    if (!m_pending) {
        if (auto ok = remove(id); !ok)
            return ok;
    }
    m_insert.bind(1, std::int64_t(id));
    m_insert.bindTextInPlace(2, utf8); // run() resets the statement before the call ends
    if (m_pending)
        m_insert.bind(3, std::int64_t(m_changes));
    return m_insert.run({});
}

Result<void> SearchTextWriter::remove(CustomerId id)
{
    m_remove.bind(1, std::int64_t(id));
    if (m_pending)
        m_remove.bind(2, std::int64_t(m_changes));
    return m_remove.run({});
}

struct PendingSearchBuild::Private {
    explicit Private(Database &database)
        : db(database)
    {}
    Database &db;
    /// The scratch file of the index prepare() built; open() only while it is built.
    QTemporaryFile file;
    /// prepare() found texts pending and built their index in `file`.
    bool built = false;
    /// prepare() found texts pending, and no scratch file could be written: install() indexes
    /// them in place.
    bool inPlace = false;
    /// The writes counter (pendingWrites()) of the snapshot prepare() read.
    qint64 since = 0;

    void forget()
    {
        built = false;
        inPlace = false;
        if (!file.fileName().isEmpty())
            file.remove();
    }

    /// Opens a scratch database next to the database; null when that is not possible (in
    /// memory, or a folder that cannot be written). Its pages are written once: a 4 MiB cache
    /// built as fast as 16 MiB did.
    sqlite3 *openScratch()
    {
        return openScratchBeside(
            db.path(), QStringLiteral(".search-"), file,
            {"PRAGMA page_size = 16384", "PRAGMA cache_size = -4096", kDefinition, kHashSize, "BEGIN"});
    }

    /// Copies the scratch index over the empty customer_search, in the caller's transaction. The
    /// virtual table is created again first, so that no connection keeps a view of the empty index
    /// cached in its FTS5 table. Each of the five tables is copied by `INSERT INTO t SELECT * FROM
    /// pending_search.t`, which SQLite carries out as a copy of the stored records, without
    /// decoding them (its transfer optimization, for tables of the same definition).
    Result<void> copyIn(sqlite3 *h)
    {
        for (const char *sql : {"DROP TABLE customer_search", kDefinition}) {
            if (auto ok = exec(h, sql); !ok)
                return ok;
        }
        for (const char *table : {"customer_search_data", "customer_search_idx", "customer_search_content",
                                  "customer_search_docsize", "customer_search_config"}) {
            QByteArray sql = QByteArray("DELETE FROM main.") + table + "; INSERT INTO main." + table +
                             " SELECT * FROM pending_search." + table;
            if (table == std::string_view("customer_search_config"))
                sql += " WHERE k <> 'hashsize'";
            if (auto ok = exec(h, sql.constData()); !ok)
                return ok;
        }
        // The texts written since prepare() read them: indexed again, or taken out.
        auto changed = Statement::prepare(
            h, "SELECT id, text FROM customer_search_pending WHERE changed > ?1 ORDER BY id");
        if (!changed)
            return std::unexpected(changed.error());
        changed->bind(1, std::int64_t(since));
        auto index = SearchTextWriter::open(h, SearchTextWriter::Into::Index);
        if (!index)
            return std::unexpected(index.error());
        int rc;
        while ((rc = changed->step()) == SQLITE_ROW) {
            const CustomerId id = changed->int64(0);
            auto ok = changed->isNull(1) ? index->remove(id) : index->write(id, changed->bytes(1));
            if (!ok)
                return ok;
        }
        if (rc != SQLITE_DONE)
            return std::unexpected(sqliteError(h, rc, notBuilt()));
        return exec(h, "DELETE FROM customer_search_pending");
    }
};

PendingSearchBuild::PendingSearchBuild(Database &db)
    : d(std::make_unique<Private>(db))
{}

PendingSearchBuild::~PendingSearchBuild()
{
    d->forget();
}

Result<qint64> PendingSearchBuild::prepare(const std::atomic<bool> *stop)
{
    d->forget();
    sqlite3 *h = d->db.handle();
    SmallPageCache small(h);
    ReadTransaction read(h);
    auto pending = searchindex::isPending(h);
    if (!pending)
        return std::unexpected(pending.error());
    if (!*pending)
        return 0;
    auto since = searchindex::pendingWrites(h);
    if (!since)
        return std::unexpected(since.error());
    d->since = *since;

    sqlite3 *side = d->openScratch();
    if (!side) {
        auto texts = selectInt(h, "SELECT count(*) FROM customer_search_pending WHERE text IS NOT NULL");
        if (!texts)
            return std::unexpected(texts.error());
        d->inPlace = true;
        return *texts;
    }
    sqlite3_stmt *insert = nullptr;
    int rc = sqlite3_prepare_v2(side, "INSERT INTO customer_search (rowid, text) VALUES (?1, ?2)", -1,
                                &insert, nullptr);
    auto texts = Statement::prepare(
        h, "SELECT id, text FROM customer_search_pending WHERE text IS NOT NULL ORDER BY id");
    qint64 count = 0;
    std::optional<Error> error;
    if (rc != SQLITE_OK) {
        error = sqliteError(side, rc, notBuilt());
    } else if (!texts) {
        error = texts.error();
    } else {
        while ((rc = texts->step()) == SQLITE_ROW) {
            if (stop && (count & 4095) == 0 && stop->load()) {
                error = Error{QCoreApplication::translate("tierdesk::store", "Stopped."), {}};
                break;
            }
            const QByteArrayView text = texts->bytes(1);
            sqlite3_bind_int64(insert, 1, texts->int64(0));
            sqlite3_bind_text(insert, 2, text.data(), int(text.size()), SQLITE_STATIC);
            const int done = sqlite3_step(insert);
            sqlite3_reset(insert);
            if (done != SQLITE_DONE) {
                error = sqliteError(side, done, notBuilt());
                break;
            }
            ++count;
        }
        if (!error && rc != SQLITE_DONE)
            error = sqliteError(h, rc, notBuilt());
    }
    sqlite3_finalize(insert);
    if (!error && sqlite3_exec(side, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        error = sqliteError(side, sqlite3_extended_errcode(side), notBuilt());
    // Its connection keeps the file locked until it is closed (locking_mode).
    sqlite3_close(side);
    if (error) {
        d->forget();
        return std::unexpected(*error);
    }
    d->built = true;
    return count;
}

Result<void> PendingSearchBuild::install()
{
    if (!d->built && !d->inPlace)
        return {};
    if (auto ok = d->db.integrity(); !ok)
        return ok;
    sqlite3 *h = d->db.handle();
    SmallPageCache small(h);
    bool attached = false;
    auto work = [&]() -> Result<void> {
        auto pending = searchindex::isPending(h);
        if (!pending)
            return std::unexpected(pending.error());
        if (!*pending)
            return {}; // built meanwhile by another connection
        auto empty = selectInt(h, "SELECT NOT EXISTS (SELECT 1 FROM customer_search_content)");
        if (!empty)
            return std::unexpected(empty.error());
        // The scratch index repeats the definition of customer_search: copied only over that one.
        auto definition =
            Statement::prepare(h, "SELECT sql FROM sqlite_schema WHERE name = 'customer_search'");
        if (!definition)
            return std::unexpected(definition.error());
        const bool same =
            definition->step() == SQLITE_ROW && definition->bytes(0) == QByteArrayView(kDefinition);
        definition = {};
        if (d->inPlace || !*empty || !same)
            return searchindex::indexPendingInPlace(h);
        auto attach = Statement::prepare(h, "ATTACH ?1 AS pending_search");
        if (!attach)
            return std::unexpected(attach.error());
        attach->bindText(1, QByteArrayView(QFile::encodeName(d->file.fileName())));
        if (auto ok = attach->run(notBuilt()); !ok)
            return ok;
        attached = true;
        return d->copyIn(h);
    };
    auto ok = inWriteTransaction(h, work, notBuilt());
    // SQLite refuses to detach inside a transaction.
    if (attached)
        sqlite3_exec(h, "DETACH pending_search", nullptr, nullptr, nullptr);
    if (ok)
        d->forget();
    return ok;
}

Result<qint64> PendingSearchBuild::run(Database &db)
{
    PendingSearchBuild build(db);
    auto texts = build.prepare();
    if (!texts)
        return texts;
    if (auto ok = build.install(); !ok)
        return std::unexpected(ok.error());
    return texts;
}

} // namespace tierdesk::store
