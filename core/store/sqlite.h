#pragma once

// Store-internal: a thin RAII layer over the sqlite3 C API for the bulk paths (import, the
// metrics pass), where QSqlQuery's QVariant per value costs more than the work itself. Never
// included outside core/store.

#include "model/error.h"

#include <QByteArrayView>
#include <QDate>
#include <QDateTime>
#include <QString>

class QTemporaryFile;

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <sqlite3.h>

namespace tierdesk::store {

/// A translated error for a failed SQLite call, with SQLite's own message as the detail.
Error sqliteError(sqlite3 *db, int code, const QString &what);

/// What a cache of query results read through a connection is good for: that connection, and
/// what it reads, which may have changed with each of its own writes or another connection's
/// commit (PRAGMA data_version).
struct DataVersion {
    /// The connection's number (registerConnection()): unlike its address, never that of another
    /// connection. A worker opens a connection for each read, and the next one often gets the
    /// same address and the same data_version while the file has changed in between.
    std::uint64_t connection = 0;
    std::uint64_t changes = 0;
    friend bool operator==(const DataVersion &, const DataVersion &) = default;
};
DataVersion dataVersion(sqlite3 *db);

/// Gives an open connection its number for dataVersion(); forgetConnection() before it closes.
void registerConnection(sqlite3 *db);
void forgetConnection(sqlite3 *db);

/// Runs `sql`, one or more statements without parameters or results; on failure the error says
/// `what`, with SQLite's message as the detail.
Result<void> execute(sqlite3 *db, const char *sql, const QString &what = {});

/// Runs `work` in a write transaction begun by BEGIN IMMEDIATE, and commits it when `work`
/// succeeds; rolls it back otherwise. For the store's own builds (an index, the search index), not
/// Database::beginWrite(): its count of writes would have the stored classification taken for
/// out of date, and nothing a classification reads changes. Errors say `what`.
Result<void> inWriteTransaction(sqlite3 *db, const std::function<Result<void>()> &work, const QString &what);

/// Opens a scratch database in `file`, a new temporary file next to the database at `path` named
/// `<path><suffix>XXXXXX`: no journal, no sync, locked to this one connection (nothing of it has
/// to survive a crash). Then runs `setup` on it, in order. Null, with the file removed, when that
/// is not possible (a database in memory, a folder that cannot be written). The caller closes the
/// connection, and removes the file, when done.
sqlite3 *openScratchBeside(const QString &path, const QString &suffix, QTemporaryFile &file,
                           std::initializer_list<const char *> setup);

/// The integer in the first column of the first row of `sql` (a count, a PRAGMA), which takes no
/// parameters; an error when it has no row.
Result<qint64> selectInt(sqlite3 *db, const char *sql);

/// A read transaction for a group of statements, unless one is open already: one lock and one
/// snapshot for all of them, and the page cache stays valid in between (each statement on its own
/// locks, checks the file and may drop the cache: at 771,000 row lookups that was most of the
/// time). Ends (COMMIT) when destroyed.
class ReadTransaction final {
public:
    explicit ReadTransaction(sqlite3 *db)
        : m_db(db)
    {
        if (sqlite3_get_autocommit(db))
            m_open = sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    ~ReadTransaction()
    {
        if (m_open)
            sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
    }
    ReadTransaction(const ReadTransaction &) = delete;
    ReadTransaction &operator=(const ReadTransaction &) = delete;

private:
    sqlite3 *m_db;
    bool m_open = false;
};

/// A read-only connection of its own for a helper thread (without SQLite's per-call mutex: one
/// thread uses it); closed on destruction. get() is null when the file could not be opened.
class HelperConnection {
public:
    explicit HelperConnection(const QString &path)
    {
        const QByteArray file = path.toUtf8();
        if (sqlite3_open_v2(file.constData(), &m_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) !=
            SQLITE_OK) {
            sqlite3_close(m_db);
            m_db = nullptr;
            return;
        }
        sqlite3_busy_timeout(m_db, 5000);
        sqlite3_exec(m_db, "PRAGMA trusted_schema = OFF", nullptr, nullptr, nullptr);
    }
    ~HelperConnection() { sqlite3_close(m_db); }
    HelperConnection(const HelperConnection &) = delete;
    HelperConnection &operator=(const HelperConnection &) = delete;
    sqlite3 *get() const { return m_db; }

private:
    sqlite3 *m_db = nullptr;
};

/// The text a date, or a date and time, is stored as: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS";
/// empty for an invalid one (stored as NULL). Written without a QString for the years 1–9999.
class StoredDate final {
public:
    explicit StoredDate(QDate d)
    {
        m_size = formatIsoDate(d, m_buffer);
        if (m_size == 0 && d.isValid())
            m_other = d.toString(Qt::ISODate).toUtf8();
    }
    explicit StoredDate(const QDateTime &t)
    {
        m_size = formatIsoDateTime(t, m_buffer);
        if (m_size == 0 && t.isValid())
            m_other =
                (t.date().toString(Qt::ISODate) + QLatin1Char('T') + t.time().toString(Qt::ISODate)).toUtf8();
    }
    /// Valid while this object lives.
    QByteArrayView bytes() const
    {
        return m_size > 0 ? QByteArrayView(m_buffer, m_size) : QByteArrayView(m_other);
    }

private:
    /// Writes "YYYY-MM-DD" for a date of the years 1–9999 into `out` and returns 10; returns 0
    /// for an invalid date or one outside those years (the constructor falls back to QDate).
    static qsizetype formatIsoDate(QDate d, char *out)
    {
        int y = 0, m = 0, day = 0;
        if (!d.isValid())
            return 0;
        d.getDate(&y, &m, &day);
        if (y < 1 || y > 9999)
            return 0;
        put2(out, y / 100);
        put2(out + 2, y % 100);
        out[4] = '-';
        put2(out + 5, m);
        out[7] = '-';
        put2(out + 8, day);
        return 10;
    }
    /// Writes "YYYY-MM-DDTHH:MM:SS" for a time of the years 1–9999 into `out` and returns 19;
    /// returns 0 otherwise (the constructor falls back to QDate and QTime).
    static qsizetype formatIsoDateTime(const QDateTime &t, char *out)
    {
        if (!t.isValid() || formatIsoDate(t.date(), out) != 10)
            return 0;
        const QTime time = t.time();
        out[10] = 'T';
        put2(out + 11, time.hour());
        out[13] = ':';
        put2(out + 14, time.minute());
        out[16] = ':';
        put2(out + 17, time.second());
        return 19;
    }
    static void put2(char *out, int v)
    {
        out[0] = char('0' + v / 10);
        out[1] = char('0' + v % 10);
    }

    char m_buffer[20];
    qsizetype m_size = 0;
    QByteArray m_other; ///< the text of a date outside the years 1–9999
};

class Statement final {
public:
    Statement() = default;
    Statement(Statement &&other) noexcept
        : m_stmt(std::exchange(other.m_stmt, nullptr))
        , m_db(other.m_db)
    {}
    Statement &operator=(Statement &&other) noexcept
    {
        std::swap(m_stmt, other.m_stmt);
        m_db = other.m_db;
        return *this;
    }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement() { sqlite3_finalize(m_stmt); }

    static Result<Statement> prepare(sqlite3 *db, const char *sql);

    void bind(int i, std::int64_t v) { sqlite3_bind_int64(m_stmt, i, v); }
    void bind(int i, int v) { sqlite3_bind_int(m_stmt, i, v); }
    void bindNull(int i) { sqlite3_bind_null(m_stmt, i); }
    /// Binds UTF-8 text; SQLite copies it. An empty view binds NULL ("absent").
    void bindText(int i, QByteArrayView utf8)
    {
        if (utf8.isEmpty())
            sqlite3_bind_null(m_stmt, i);
        else
            sqlite3_bind_text(m_stmt, i, utf8.data(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    /// Binds UTF-8 text that stays as it is until the statement is reset (reset() clears the
    /// bindings too): SQLite reads it where it is instead of copying it first. An empty view
    /// binds NULL.
    void bindTextInPlace(int i, QByteArrayView utf8)
    {
        if (utf8.isEmpty())
            sqlite3_bind_null(m_stmt, i);
        else
            sqlite3_bind_text(m_stmt, i, utf8.data(), int(utf8.size()), SQLITE_STATIC);
    }
    void bindText(int i, const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        bindText(i, QByteArrayView(utf8));
    }
    /// Binds a date as "YYYY-MM-DD" (NULL when invalid), without a QString in between.
    void bindDate(int i, QDate d) { bindText(i, StoredDate(d).bytes()); }
    /// Binds a date and time as "YYYY-MM-DDTHH:MM:SS" (NULL when invalid).
    void bindDateTime(int i, const QDateTime &t) { bindText(i, StoredDate(t).bytes()); }
    /// Binds static ASCII text (an enumeration's stored form) without copying it.
    void bindStatic(int i, const char *text)
    {
        if (text)
            sqlite3_bind_text(m_stmt, i, text, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(m_stmt, i);
    }

    template<typename T>
    void bindOptional(int i, const std::optional<T> &v)
    {
        if (v)
            bind(i, *v);
        else
            bindNull(i);
    }

    /// SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(m_stmt); }
    /// Steps a statement without results; resets it for the next use.
    Result<void> run(const QString &what);
    void reset()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }

    bool isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
    /// SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL.
    int type(int col) const { return sqlite3_column_type(m_stmt, col); }
    std::int64_t int64(int col) const { return sqlite3_column_int64(m_stmt, col); }
    int integer(int col) const { return sqlite3_column_int(m_stmt, col); }
    QByteArrayView bytes(int col) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
        return p ? QByteArrayView(p, sqlite3_column_bytes(m_stmt, col)) : QByteArrayView();
    }
    QString text(int col) const
    {
        const QByteArrayView b = bytes(col);
        return QString::fromUtf8(b.data(), b.size());
    }
    QDate date(int col) const;
    std::optional<std::int64_t> optionalInt(int col) const
    {
        return isNull(col) ? std::nullopt : std::optional<std::int64_t>(int64(col));
    }

    sqlite3_stmt *get() const { return m_stmt; }

private:
    sqlite3_stmt *m_stmt = nullptr;
    sqlite3 *m_db = nullptr;
};

/// Holds a connection's page cache to SQLite's default 2 MiB while it lives, and gives it its own
/// size back after, for a read that passes once over a big table or index (a queue's read, the
/// search texts, the groups of duplicates): in the 32 MiB cache of a kept connection those pages
/// pushed out what the lists read again, and stayed resident under the read's peak, read once and
/// never again. Shrinking the cache frees the pages beyond it at once.
class SmallPageCache final {
public:
    explicit SmallPageCache(sqlite3 *db);
    ~SmallPageCache();
    SmallPageCache(const SmallPageCache &) = delete;
    SmallPageCache &operator=(const SmallPageCache &) = delete;

private:
    static constexpr std::int64_t kSmallKiB = 2048;
    sqlite3 *m_db;
    std::int64_t m_size = 0;
    bool m_restore = false;
};

} // namespace tierdesk::store
