#pragma once

// Store-internal: a thin RAII layer over the sqlite3 C API for the bulk paths (import, the
// metrics pass), where QSqlQuery's QVariant per value costs more than the work itself. Never
// included outside core/store.

#include "model/error.h"

#include <QByteArrayView>
#include <QDate>
#include <QString>

#include <cstdint>
#include <optional>
#include <sqlite3.h>

namespace tierdesk::store {

/// A translated error for a failed SQLite call, with SQLite's own message as the detail.
Error sqliteError(sqlite3 *db, int code, const QString &what);

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
    void bindText(int i, const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        bindText(i, QByteArrayView(utf8));
    }
    void bindDate(int i, QDate d)
    {
        if (d.isValid())
            bindText(i, d.toString(Qt::ISODate));
        else
            bindNull(i);
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

} // namespace tierdesk::store
