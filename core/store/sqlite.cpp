#include "sqlite.h"

#include "model/dates.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <QtGlobal>

#include <mutex>
#include <string>
#include <unordered_map>

namespace tierdesk::store {
namespace {

/// SQLite counts every allocation of every connection in statistics of the whole process, under a
/// single mutex, unless told not to before its first use. Connections busy on two threads at once
/// (an import and the helper that builds its search index, the classification's writer and its
/// readers, the window's workers) queued on that mutex: at a million customers the import took
/// 35 s with it and 24 s without. TierDesk reads none of those statistics (no sqlite3_memory_used(),
/// no soft heap limit). Run before main(), while no other thread can be using SQLite; should
/// SQLite be in use already, sqlite3_config() refuses and nothing changes.
void countNoSqliteMemory()
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

} // namespace

Q_CONSTRUCTOR_FUNCTION(countNoSqliteMemory)

Error sqliteError(sqlite3 *db, int code, const QString &what)
{
    const QString detail = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    const int primary = code & 0xff;
    QString message;
    switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        message = QCoreApplication::translate(
            "tierdesk::store",
            "The database is busy: another program (or another TierDesk window) is writing to it. "
            "Try again in a moment.");
        break;
    case SQLITE_FULL:
        message = QCoreApplication::translate(
            "tierdesk::store", "The disk is full. Nothing was saved; free some space and try again.");
        break;
    case SQLITE_READONLY:
        message =
            QCoreApplication::translate("tierdesk::store", "The database is read-only. Nothing was saved.");
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        message = QCoreApplication::translate("tierdesk::store",
                                              "The database file is damaged or is not a TierDesk database.");
        break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        message = QCoreApplication::translate("tierdesk::store",
                                              "The database file could not be read or written (%1).")
                      .arg(detail);
        break;
    case SQLITE_CONSTRAINT:
        message =
            QCoreApplication::translate("tierdesk::store", "The change breaks a rule of the database (%1).")
                .arg(detail);
        break;
    default:
        message =
            QCoreApplication::translate("tierdesk::store", "A database error occurred (%1).").arg(detail);
        break;
    }
    if (!what.isEmpty())
        message = what + u' ' + message;
    return Error{message, detail};
}

namespace {

std::mutex connectionsMutex;
std::unordered_map<sqlite3 *, std::uint64_t> connections;
std::uint64_t lastConnection = 0;

} // namespace

void registerConnection(sqlite3 *db)
{
    const std::lock_guard lock(connectionsMutex);
    connections[db] = ++lastConnection;
}

void forgetConnection(sqlite3 *db)
{
    const std::lock_guard lock(connectionsMutex);
    connections.erase(db);
}

DataVersion dataVersion(sqlite3 *db)
{
    std::uint64_t others = 0;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        others = std::uint64_t(sqlite3_column_int64(stmt, 0));
    sqlite3_finalize(stmt);
    DataVersion v;
    {
        const std::lock_guard lock(connectionsMutex);
        const auto it = connections.find(db);
        v.connection = it != connections.end() ? it->second : 0;
    }
    // Both in one number: this connection's changes fit in 40 bits for a very long time.
    v.changes = (std::uint64_t(sqlite3_total_changes64(db)) << 24) + (others & 0xffffff);
    return v;
}

Result<void> execute(sqlite3 *db, const char *sql, const QString &what)
{
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return std::unexpected(sqliteError(db, sqlite3_extended_errcode(db), what));
    return {};
}

Result<void> inWriteTransaction(sqlite3 *db, const std::function<Result<void>()> &work, const QString &what)
{
    if (auto ok = execute(db, "BEGIN IMMEDIATE", what); !ok)
        return ok;
    auto ok = work();
    if (ok)
        ok = execute(db, "COMMIT", what);
    if (!ok)
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return ok;
}

sqlite3 *openScratchBeside(const QString &path, const QString &suffix, QTemporaryFile &file,
                           std::initializer_list<const char *> setup)
{
    if (path.isEmpty() || path == QStringLiteral(":memory:"))
        return nullptr;
    file.setFileTemplate(QFileInfo(path).absoluteFilePath() + suffix + QStringLiteral("XXXXXX"));
    if (!file.open())
        return nullptr;
    file.close(); // only its name is kept; SQLite writes it
    sqlite3 *db = nullptr;
    const QByteArray name = QFile::encodeName(file.fileName());
    bool ok = sqlite3_open_v2(name.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) ==
              SQLITE_OK;
    for (const char *sql :
         {"PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF", "PRAGMA locking_mode = EXCLUSIVE"})
        ok = ok && sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    for (const char *sql : setup)
        ok = ok && sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    if (!ok) {
        sqlite3_close(db);
        file.remove();
        return nullptr;
    }
    return db;
}

Result<qint64> selectInt(sqlite3 *db, const char *sql)
{
    auto s = Statement::prepare(db, sql);
    if (!s)
        return std::unexpected(s.error());
    const int rc = s->step();
    if (rc != SQLITE_ROW)
        return std::unexpected(sqliteError(db, rc == SQLITE_DONE ? SQLITE_ERROR : rc, {}));
    return s->int64(0);
}

SmallPageCache::SmallPageCache(sqlite3 *db)
    : m_db(db)
{
    auto size = Statement::prepare(db, "PRAGMA cache_size");
    auto page = Statement::prepare(db, "PRAGMA page_size");
    if (!size || !page || size->step() != SQLITE_ROW || page->step() != SQLITE_ROW)
        return;
    m_size = size->int64(0);
    // A negative size is in KiB, a positive one in pages.
    const std::int64_t kib = m_size < 0 ? -m_size : m_size * page->int64(0) / 1024;
    if (kib > kSmallKiB)
        m_restore = sqlite3_exec(db, "PRAGMA cache_size = -2048", nullptr, nullptr, nullptr) == SQLITE_OK;
}

SmallPageCache::~SmallPageCache()
{
    if (m_restore)
        sqlite3_exec(m_db, ("PRAGMA cache_size = " + std::to_string(m_size)).c_str(), nullptr, nullptr,
                     nullptr);
}

Result<Statement> Statement::prepare(sqlite3 *db, const char *sql)
{
    Statement s;
    s.m_db = db;
    const int rc = sqlite3_prepare_v2(db, sql, -1, &s.m_stmt, nullptr);
    if (rc != SQLITE_OK)
        return std::unexpected(sqliteError(db, rc, {}));
    return s;
}

Result<void> Statement::run(const QString &what)
{
    const int rc = sqlite3_step(m_stmt);
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return std::unexpected(sqliteError(m_db, rc, what));
    return {};
}

QDate Statement::date(int col) const
{
    return parseIsoDate(bytes(col));
}

} // namespace tierdesk::store
