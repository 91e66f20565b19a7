#pragma once

#include "model/error.h"

#include <QString>

#include <atomic>
#include <memory>

struct sqlite3;

namespace tierdesk::store {

class Transaction;

/// One connection to a TierDesk database file. Owns a named Qt Sql connection (one per thread:
/// open a second Database in a worker thread) and applies the rules every connection follows:
/// WAL, synchronous=FULL, foreign keys, trusted_schema=OFF, a 5 s busy timeout, quick_check on
/// open, and the schema migrations. Never throws; failures come back as translated errors.
class Database final {
public:
    /// ReadOnlyUnchecked: a read-only second connection to a file this program already has open
    /// (and checked), for a short job in a worker thread: it skips the damage check.
    enum class Mode { ReadWrite, ReadOnly, ReadOnlyUnchecked };

    /// The damage check of one connection's file, shared with the second connections that
    /// openBeside() it (opaque).
    struct DamageCheck;

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens `path`, creating it (mode 0600, parent folders too) when it does not exist in
    /// ReadWrite mode. Fails with a clear message when the file is not a database, is damaged,
    /// is locked by another program, is read-only, or was made by a newer TierDesk. The damage
    /// check (quick_check) reads the whole file: a file above 64 MB opens at once and is checked
    /// by a low-priority helper thread instead; writes fail from the moment it finds damage
    /// (see integrity()).
    Result<void> open(const QString &path, Mode mode = Mode::ReadWrite);
    /// Opens a second read-write connection to a file this program already has open, for a worker
    /// thread: `check` is what damageCheck() of the first connection gave (on its thread). No damage
    /// check of its own (the first connection's reads the whole file already); its writes are
    /// refused from the moment that check finds damage, as the first connection's are, even when
    /// the first connection was closed since.
    Result<void> openBeside(const QString &path, std::shared_ptr<const DamageCheck> check);
    /// The damage check of this connection, for openBeside().
    std::shared_ptr<const DamageCheck> damageCheck() const;
    /// A private in-memory database with the current schema (tests, previews).
    Result<void> openInMemory();
    void close();

    bool isOpen() const;
    QString path() const;
    QString connectionName() const;
    int schemaVersion() const;
    static int latestSchemaVersion();

    /// Makes every statement of this connection stop with an error as soon as `stop` is true (a
    /// worker's query that nobody waits for any more). Checked every thousand SQLite steps.
    void stopWhen(std::shared_ptr<const std::atomic<bool>> stop);
    /// The flag of stopWhen(), or null: work of the store outside SQLite's statements (the search
    /// texts in memory) stops on it too.
    const std::atomic<bool> *stopFlag() const;

    /// True inside a transaction: one left open (an interrupted read) keeps an old snapshot.
    bool inTransaction() const;

    /// The SQLite handle, for the store's bulk paths (import, metrics). Valid while open.
    sqlite3 *handle() const;

    /// Starts a write transaction with BEGIN IMMEDIATE (waits for other writers up to the busy
    /// timeout instead of failing at the first write). Inside one already, a savepoint: the
    /// repositories' writes then join a caller's batch, which commits or rolls back as a whole.
    Result<Transaction> beginWrite();

    /// How many write transactions have been committed to the file (every beginWrite() that is
    /// not nested counts one), or nullopt for a file older than schema 3. The same count at two
    /// moments means nothing was written in between, by any connection of any process that
    /// writes through this class.
    Result<std::optional<std::int64_t>> writeGeneration();

    /// Writes a consistent copy to `target` (VACUUM INTO a temporary file, fsync, verify, rename).
    Result<void> backupTo(const QString &target);

    /// Runs one statement without results (store-internal DDL and PRAGMAs).
    Result<void> exec(const char *sql);

    /// The outcome of the damage check so far: an error once it found damage (then every write
    /// fails with it), success while it runs or after it passed.
    Result<void> integrity() const;
    /// False while the background check of a big file is still running (for a connection opened
    /// with openBeside(), the first connection's check).
    bool integrityChecked() const;
    /// Writes the write-ahead log to the disk, as a commit with synchronous = FULL does: what was
    /// committed with synchronous = NORMAL before is durable after it.
    Result<void> syncLog();
    /// Copies what the write-ahead log holds into the file, as far as no reader still needs it
    /// (PRAGMA wal_checkpoint(PASSIVE): never waits for a lock, never blocks a reader or a writer).
    /// True when the whole log is in the file now.
    Result<bool> checkpoint();
    /// From now on this connection's commits never copy the write-ahead log into the file on the
    /// calling thread. SQLite's automatic checkpoint does, in the commit that takes the log past
    /// 1,000 pages: after a classification at a million customers some 280 MB, half a second of
    /// the window's thread. Instead a thread of its own copies it (a PASSIVE checkpoint on a
    /// connection of its own) once a commit left that much, again a moment later when readers
    /// held part of it back, and when the damage check ends (its snapshot holds back whatever was
    /// committed after it began). close() waits for it, and empties a log that is all copied.
    void checkpointInBackground();
    /// How long the background checkpoints wait before they try again (1 s; tests change it).
    static void setCheckpointRetry(int milliseconds);
    /// The file size above which open() leaves the check to the helper thread (64 MB; tests
    /// lower it).
    static void setSyncCheckLimit(qint64 bytes);

private:
    Result<void> openFile(const QString &path, Mode mode, std::shared_ptr<const DamageCheck> beside);
    Result<void> configure(Mode mode, bool checked);
    void startCheck();
    Result<void> migrate();
    struct Private;
    std::unique_ptr<Private> d;
};

/// RAII write transaction: rolls back unless commit() succeeded.
class Transaction final {
public:
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    ~Transaction();
    Result<void> commit();
    void rollback();

private:
    friend class Database;
    Transaction(sqlite3 *db, bool nested);
    sqlite3 *m_db = nullptr;
    bool m_nested = false;
};

} // namespace tierdesk::store
