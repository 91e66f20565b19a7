#include "database.h"

#include "schema.h"
#include "sqlite.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <fcntl.h>
#include <mutex>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

namespace tierdesk::store {
namespace {

/// Files up to this size are checked (quick_check) before open() returns; about 150 ms.
std::atomic<qint64> syncCheckBytes = qint64(64) << 20;

QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("tierdesk-%1").arg(counter.fetchAndAddRelaxed(1));
}

/// Creates an empty file readable only by its owner, so that SQLite (which keeps the mode of an
/// existing file) never makes customer data world-readable.
Result<void> createPrivateFile(const QString &path)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(
            QCoreApplication::translate("tierdesk::store::Database", "Could not create the folder “%1”.")
                .arg(QDir::toNativeSeparators(info.absolutePath())));
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return {};
        return fail(QCoreApplication::translate("tierdesk::store::Database",
                                                "Could not create the database file “%1”: %2.")
                        .arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(strerror(errno))));
    }
    ::close(fd);
    return {};
}

/// Adds and opens the Qt connection and returns its SQLite handle. The QSqlDatabase object is
/// gone when this returns, so that Database::close() can remove the connection without Qt
/// warning that it is still in use.
Result<sqlite3 *> connectQt(const QString &connection, const QString &file, const QString &options)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    db.setDatabaseName(file);
    db.setConnectOptions(options);
    if (!db.open())
        return fail(QString(), db.lastError().text());
    const QVariant h = db.driver()->handle();
    if (!h.isValid() || qstrcmp(h.typeName(), "sqlite3*") != 0)
        return fail(QCoreApplication::translate("tierdesk::store::Database",
                                                "The SQLite driver of Qt is not usable."));
    return *static_cast<sqlite3 *const *>(h.constData());
}

} // namespace

/// The outcome of a connection's damage check. Shared by the checking thread, the connection and
/// the connections opened beside it: each of them may outlive the others.
struct Database::DamageCheck {
    enum State { Running, Passed, Damaged };
    std::atomic<int> state = Passed;
    QString damage; ///< SQLite's report, set before state becomes Damaged
};

struct Database::Private {
    QString connection;
    QString path;
    sqlite3 *handle = nullptr;
    int version = 0;

    // The background quick_check of a big file: its own read-only connection and thread.
    std::thread checker;
    std::atomic<bool> stopChecking = false;
    std::mutex checkerLock; ///< guards checkerDb between sqlite3_interrupt() and sqlite3_close()
    sqlite3 *checkerDb = nullptr;
    /// This connection's check, or the one of the connection it was opened beside; never null.
    std::shared_ptr<const DamageCheck> check = std::make_shared<DamageCheck>();
    std::shared_ptr<const std::atomic<bool>> stopWhen; ///< see Database::stopWhen()

    // The background checkpoints (see Database::checkpointInBackground()): a thread of its own
    // with a connection of its own, woken by a commit that leaves many pages in the log, by the
    // end of the damage check, or by close().
    std::thread checkpointer;
    std::mutex checkpointLock; ///< guards the three flags below
    std::condition_variable checkpointWake;
    bool checkpointWanted = false;
    bool checkpointStop = false;
    bool checkpointRunning = false; ///< the thread was started (and not yet told to stop)

    /// Wakes the checkpointer, if there is one. Any thread.
    void wantCheckpoint()
    {
        {
            std::lock_guard lock(checkpointLock);
            if (!checkpointRunning)
                return;
            checkpointWanted = true;
        }
        checkpointWake.notify_one();
    }

    void stopCheckpoints()
    {
        if (!checkpointer.joinable())
            return;
        {
            std::lock_guard lock(checkpointLock);
            checkpointStop = true;
            checkpointRunning = false;
        }
        checkpointWake.notify_one();
        checkpointer.join();
        checkpointStop = false;
        checkpointWanted = false;
    }

    void stopCheck()
    {
        if (!checker.joinable())
            return;
        // The progress handler stops the check between steps of its program, the interrupt
        // inside the one step that walks the file.
        stopChecking = true;
        {
            std::lock_guard lock(checkerLock);
            if (checkerDb)
                sqlite3_interrupt(checkerDb);
        }
        checker.join();
        stopChecking = false;
    }
};

Database::Database()
    : d(std::make_unique<Private>())
{}

Database::~Database()
{
    close();
}

bool Database::isOpen() const
{
    return d->handle != nullptr;
}
QString Database::path() const
{
    return d->path;
}
QString Database::connectionName() const
{
    return d->connection;
}
int Database::schemaVersion() const
{
    return d->version;
}
int Database::latestSchemaVersion()
{
    return schema::latestVersion();
}
sqlite3 *Database::handle() const
{
    return d->handle;
}

bool Database::inTransaction() const
{
    return d->handle && !sqlite3_get_autocommit(d->handle);
}

const std::atomic<bool> *Database::stopFlag() const
{
    return d->stopWhen.get();
}

void Database::stopWhen(std::shared_ptr<const std::atomic<bool>> stop)
{
    d->stopWhen = std::move(stop);
    if (!d->handle)
        return;
    if (!d->stopWhen) {
        sqlite3_progress_handler(d->handle, 0, nullptr, nullptr);
        return;
    }
    sqlite3_progress_handler(
        d->handle, 1000,
        [](void *flag) { return static_cast<const std::atomic<bool> *>(flag)->load() ? 1 : 0; },
        const_cast<std::atomic<bool> *>(d->stopWhen.get()));
}

void Database::close()
{
    d->stopCheck();
    // After the check (whose end wakes it), before the connection: its last pass empties the log.
    d->stopCheckpoints();
    // A new outcome for the next file: a connection opened beside this one keeps the old one.
    d->check = std::make_shared<DamageCheck>();
    if (d->connection.isEmpty())
        return;
    if (d->handle)
        forgetConnection(d->handle);
    d->handle = nullptr;
    {
        QSqlDatabase db = QSqlDatabase::database(d->connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(d->connection);
    d->connection.clear();
    d->path.clear();
    d->version = 0;
}

Result<void> Database::open(const QString &path, Mode mode)
{
    return openFile(path, mode, nullptr);
}

Result<void> Database::openBeside(const QString &path, std::shared_ptr<const DamageCheck> check)
{
    Q_ASSERT(check);
    return openFile(path, Mode::ReadWrite, check ? std::move(check) : std::make_shared<DamageCheck>());
}

std::shared_ptr<const Database::DamageCheck> Database::damageCheck() const
{
    return d->check;
}

Result<void> Database::openFile(const QString &path, Mode mode, std::shared_ptr<const DamageCheck> beside)
{
    close();
    const QString native = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (info.exists() && info.isDir())
        return fail(
            QCoreApplication::translate("tierdesk::store::Database", "“%1” is a folder, not a database file.")
                .arg(native));
    if (mode == Mode::ReadWrite) {
        if (info.exists() && !info.isWritable())
            return fail(QCoreApplication::translate(
                            "tierdesk::store::Database",
                            "The database “%1” is read-only. Ask for write access or copy it to a folder of "
                            "your own.")
                            .arg(native));
        // ":memory:" is SQLite's name for a database in memory: no file of that name.
        if (path != QStringLiteral(":memory:")) {
            if (auto created = createPrivateFile(path); !created)
                return created;
        }
    } else if (!info.exists()) {
        return fail(
            QCoreApplication::translate("tierdesk::store::Database", "The database “%1” does not exist.")
                .arg(native));
    }

    d->connection = nextConnectionName();
    auto handle =
        connectQt(d->connection, path,
                  mode != Mode::ReadWrite ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                          : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!handle) {
        close();
        return fail(
            QCoreApplication::translate("tierdesk::store::Database", "Could not open the database “%1”.")
                .arg(native),
            handle.error().detail);
    }
    d->handle = *handle;
    registerConnection(d->handle);
    d->path = path;
    if (auto ok = configure(mode, beside != nullptr); !ok) {
        close();
        return ok;
    }
    if (beside)
        d->check = std::move(beside);
    if (mode != Mode::ReadWrite) {
        if (d->version != schema::latestVersion()) {
            close();
            return fail(QCoreApplication::translate(
                            "tierdesk::store::Database",
                            "The database “%1” needs an upgrade, which is not possible while it is opened "
                            "read-only.")
                            .arg(native));
        }
        return {};
    }
    if (auto ok = migrate(); !ok) {
        close();
        return ok;
    }
    return {};
}

Result<void> Database::openInMemory()
{
    close();
    d->connection = nextConnectionName();
    auto handle = connectQt(d->connection, QStringLiteral(":memory:"), QString());
    if (!handle) {
        close();
        return fail(QCoreApplication::translate("tierdesk::store::Database",
                                                "Could not create an in-memory database."),
                    handle.error().detail);
    }
    d->handle = *handle;
    registerConnection(d->handle);
    d->path = QStringLiteral(":memory:");
    if (auto ok = configure(Mode::ReadWrite, false); !ok) {
        close();
        return ok;
    }
    if (auto ok = migrate(); !ok) {
        close();
        return ok;
    }
    return {};
}

Result<void> Database::exec(const char *sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(d->handle, sql, nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return std::unexpected(sqliteError(d->handle, rc, {}));
    return {};
}

Result<void> Database::configure(Mode mode, bool checked)
{
    const QString native = QDir::toNativeSeparators(d->path);
    sqlite3_busy_timeout(d->handle, 5000);
    // The first read tells a non-database or an encrypted file apart from a good one.
    auto version = Statement::prepare(d->handle, "PRAGMA user_version");
    if (!version || version->step() != SQLITE_ROW) {
        const int rc = sqlite3_errcode(d->handle);
        if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
            return fail(QCoreApplication::translate("tierdesk::store::Database",
                                                    "“%1” is not a TierDesk database, or it is damaged.")
                            .arg(native),
                        QString::fromUtf8(sqlite3_errmsg(d->handle)));
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            return fail(QCoreApplication::translate(
                            "tierdesk::store::Database",
                            "The database “%1” is locked by another program. Close it there and try again.")
                            .arg(native));
        return fail(
            QCoreApplication::translate("tierdesk::store::Database", "Could not read the database “%1”.")
                .arg(native),
            QString::fromUtf8(sqlite3_errmsg(d->handle)));
    }
    d->version = version->integer(0);
    version = {};
    if (d->version > schema::latestVersion())
        return fail(QCoreApplication::translate(
                        "tierdesk::store::Database",
                        "The database “%1” was made by a newer version of TierDesk (schema %2; this version "
                        "knows up to %3). Update TierDesk to open it.")
                        .arg(native)
                        .arg(d->version)
                        .arg(schema::latestVersion()));

    // A 32 MiB page cache (SQLite's default is 2 MB): the pages the lists, the queue and the
    // charts read again and again stay in memory at a million customers.
    const char *pragmas[] = {"PRAGMA foreign_keys = ON", "PRAGMA trusted_schema = OFF",
                             "PRAGMA synchronous = FULL", "PRAGMA cache_size = -32768"};
    for (const char *p : pragmas) {
        if (auto ok = exec(p); !ok)
            return ok;
    }
    // A new file gets 16 KiB pages (before WAL writes its header): the full scans of the metrics
    // pass, the import and the index builds touch a quarter as many pages as with the default
    // 4 KiB, which halved their time at a million customers. An existing file keeps its size.
    if (mode == Mode::ReadWrite && d->version == 0) {
        if (auto ok = exec("PRAGMA page_size = 16384"); !ok)
            return ok;
    }
    if (mode == Mode::ReadWrite && d->path != QStringLiteral(":memory:")) {
        auto wal = Statement::prepare(d->handle, "PRAGMA journal_mode = WAL");
        if (!wal)
            return std::unexpected(wal.error());
        const int rc = wal->step();
        if (rc != SQLITE_ROW)
            return rc == SQLITE_BUSY
                       ? fail(QCoreApplication::translate(
                                  "tierdesk::store::Database",
                                  "The database “%1” is locked by another program. Close it there and try "
                                  "again.")
                                  .arg(native))
                       : std::unexpected(
                             sqliteError(d->handle, rc,
                                         QCoreApplication::translate("tierdesk::store::Database",
                                                                     "Could not prepare the database.")));
    }

    // quick_check: O(size) but catches a damaged file before the user works on it. It reads every
    // page: about 3 s for a file of a million customers (1.3 GB). Up to 64 MB it runs
    // here; a bigger file opens at once and is checked by a helper thread (see startCheck()),
    // and writes are refused from the moment damage is found.
    const qint64 fileSize = d->path == QStringLiteral(":memory:") ? 0 : QFileInfo(d->path).size();
    if (mode == Mode::ReadOnlyUnchecked || checked) {
        // The connection that opened the file first checks it.
    } else if (mode == Mode::ReadOnly && d->version > 0 && fileSize > syncCheckBytes.load()) {
        // Nothing is written through a read-only connection, and the background check only
        // refuses writes: its outcome would never be used. A read of a damaged page fails by
        // itself ("damaged", see sqliteError()). A one-shot command (tierdesk-cli queue, 2 s at a
        // million customers) shared the second core with the check for nothing.
    } else if (d->version > 0 && fileSize > syncCheckBytes.load()) {
        startCheck();
    } else if (d->version > 0) {
        auto check = Statement::prepare(d->handle, "PRAGMA quick_check(1)");
        if (!check)
            return fail(QCoreApplication::translate("tierdesk::store::Database",
                                                    "“%1” is not a TierDesk database, or it is damaged.")
                            .arg(native),
                        check.error().detail);
        const int rc = check->step();
        if (rc != SQLITE_ROW || check->text(0) != QStringLiteral("ok")) {
            const QString detail =
                rc == SQLITE_ROW ? check->text(0) : QString::fromUtf8(sqlite3_errmsg(d->handle));
            return fail(
                QCoreApplication::translate(
                    "tierdesk::store::Database",
                    "The database “%1” is damaged. Restore it from a backup; TierDesk will not change "
                    "it.")
                    .arg(native),
                detail);
        }
    }
    return {};
}

Result<void> Database::migrate()
{
    while (d->version < schema::latestVersion()) {
        const int next = d->version + 1;
        auto tx = beginWrite();
        if (!tx)
            return std::unexpected(tx.error());
        for (const char *sql : schema::migration(next)) {
            if (auto ok = exec(sql); !ok)
                return fail(QCoreApplication::translate("tierdesk::store::Database",
                                                        "Could not upgrade the database to version %1.")
                                .arg(next),
                            ok.error().detail);
        }
        const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(next);
        if (auto ok = exec(setVersion.constData()); !ok)
            return ok;
        if (auto ok = tx->commit(); !ok)
            return ok;
        d->version = next;
    }
    return {};
}

void Database::startCheck()
{
    d->stopCheck();
    auto outcome = std::make_shared<DamageCheck>();
    outcome->state = DamageCheck::Running;
    d->check = outcome;
    const QByteArray file = QFile::encodeName(d->path);
    Private *p = d.get();
    d->checker = std::thread([p, outcome, file] {
        // Behind the work the user asked for: the lowest priority this thread can have.
        setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), 19);
        sqlite3 *db = nullptr;
        if (sqlite3_open_v2(file.constData(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) !=
            SQLITE_OK) {
            sqlite3_close(db);
            outcome->state = DamageCheck::Passed; // not readable now: the next open will tell
            return;
        }
        sqlite3_busy_timeout(db, 5000);
        {
            std::lock_guard lock(p->checkerLock);
            p->checkerDb = db;
        }
        sqlite3_progress_handler(
            db, 1000, [](void *stop) { return static_cast<std::atomic<bool> *>(stop)->load() ? 1 : 0; },
            &p->stopChecking);
        sqlite3_stmt *stmt = nullptr;
        int state = DamageCheck::Passed;
        if (!p->stopChecking &&
            sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &stmt, nullptr) == SQLITE_OK) {
            const int rc = sqlite3_step(stmt);
            if (rc == SQLITE_ROW) {
                const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
                if (qstrcmp(text, "ok") != 0) {
                    outcome->damage = QString::fromUtf8(text);
                    state = DamageCheck::Damaged;
                }
            } else if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB) {
                outcome->damage = QString::fromUtf8(sqlite3_errmsg(db));
                state = DamageCheck::Damaged;
            }
        }
        sqlite3_finalize(stmt);
        {
            std::lock_guard lock(p->checkerLock);
            p->checkerDb = nullptr;
        }
        sqlite3_close(db);
        outcome->state = state;
        // Its read snapshot held back what was committed after it began (a classification on
        // opening): that can be copied into the file now.
        if (state == DamageCheck::Passed)
            p->wantCheckpoint();
    });
}

Result<void> Database::integrity() const
{
    if (d->check->state.load() != DamageCheck::Damaged)
        return {};
    return fail(QCoreApplication::translate("tierdesk::store::Database",
                                            "The database “%1” is damaged. Restore it from a backup; "
                                            "TierDesk will not change it.")
                    .arg(QDir::toNativeSeparators(d->path)),
                d->check->damage);
}

bool Database::integrityChecked() const
{
    return d->check->state.load() != DamageCheck::Running;
}

Result<void> Database::syncLog()
{
    sqlite3_file *log = nullptr;
    int rc = sqlite3_file_control(d->handle, "main", SQLITE_FCNTL_JOURNAL_POINTER, &log);
    if (rc == SQLITE_OK && log && log->pMethods)
        rc = log->pMethods->xSync(log, SQLITE_SYNC_NORMAL);
    if (rc != SQLITE_OK)
        return std::unexpected(sqliteError(d->handle, rc, {}));
    return {};
}

Result<bool> Database::checkpoint()
{
    // PASSIVE: copies the frames no reader needs any more; a busy lock is no error, only less done.
    int logFrames = -1;
    int copiedFrames = -1;
    const int rc =
        sqlite3_wal_checkpoint_v2(d->handle, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copiedFrames);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        return false;
    if (rc != SQLITE_OK)
        return std::unexpected(sqliteError(d->handle, rc, {}));
    return copiedFrames == logFrames;
}

namespace {

/// What a commit leaves in the log before the checkpointer is woken: SQLite's own threshold for
/// its automatic checkpoint (1,000 pages, 16 MB with 16 KiB pages).
constexpr int kCheckpointFrames = 1000;
/// How long the checkpointer waits before it tries again when readers held part of the log back.
std::atomic<int> checkpointRetryMs = 1000;

} // namespace

void Database::checkpointInBackground()
{
    if (!d->handle || d->checkpointer.joinable() || d->path == QStringLiteral(":memory:"))
        return;
    {
        std::lock_guard lock(d->checkpointLock);
        d->checkpointRunning = true;
        d->checkpointWanted = false;
        d->checkpointStop = false;
    }
    // Replaces SQLite's automatic checkpoint, which is a hook of the same kind (PRAGMA
    // wal_autocheckpoint reads 0 from now on).
    sqlite3_wal_hook(
        d->handle,
        [](void *p, sqlite3 *, const char *, int frames) {
            if (frames >= kCheckpointFrames)
                static_cast<Private *>(p)->wantCheckpoint();
            return SQLITE_OK;
        },
        d.get());
    Private *p = d.get();
    d->checkpointer = std::thread([p, file = QFile::encodeName(d->path), check = d->check] {
        sqlite3 *db = nullptr;
        const bool opened =
            sqlite3_open_v2(file.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) ==
            SQLITE_OK;
        // A busy lock is no reason to wait: the next pass copies what this one could not. A first
        // read makes the connection see the log (before it, checkpoints find no WAL file).
        if (opened) {
            sqlite3_busy_timeout(db, 0);
            sqlite3_exec(db, "PRAGMA schema_version", nullptr, nullptr, nullptr);
        }
        // A pass that failed (a full disk) is not tried again until the next commit wakes this.
        bool failed = false;
        // True when the log is all in the file; false when readers held part of it back.
        auto pass = [&](int mode) {
            int logFrames = -1;
            int copiedFrames = -1;
            const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, mode, &logFrames, &copiedFrames);
            failed = rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED;
            return rc == SQLITE_OK && copiedFrames == logFrames;
        };
        bool behind = false; // the last pass left frames a reader still needed
        std::unique_lock lock(p->checkpointLock);
        while (opened) {
            const bool checking = check->state.load() == DamageCheck::Running;
            // While the damage check runs, its snapshot holds the log back: its end wakes this.
            if (behind && !checking && !failed)
                p->checkpointWake.wait_for(lock, std::chrono::milliseconds(checkpointRetryMs.load()),
                                           [p] { return p->checkpointWanted || p->checkpointStop; });
            else
                p->checkpointWake.wait(lock, [p] { return p->checkpointWanted || p->checkpointStop; });
            const bool stop = p->checkpointStop;
            p->checkpointWanted = false;
            lock.unlock();
            // Nothing goes into a file found damaged (see integrity()).
            if (check->state.load() == DamageCheck::Damaged)
                break;
            behind = !pass(SQLITE_CHECKPOINT_PASSIVE);
            // Closing: a log that is all in the file is emptied, so that no copy of the day's work
            // stays beside the file (some 280 MB after a classification at a million customers).
            // TRUNCATE waits for no one here (busy timeout 0): a reader still in a read (the
            // views' workers, stopped as the window closes) is given half a second at most.
            if (stop) {
                for (int tries = 0; !failed && tries < 25; ++tries) {
                    if (!behind && pass(SQLITE_CHECKPOINT_TRUNCATE))
                        break;
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                    behind = !pass(SQLITE_CHECKPOINT_PASSIVE);
                }
                break;
            }
            lock.lock();
        }
        if (lock.owns_lock())
            lock.unlock();
        sqlite3_close(db);
    });
}

void Database::setCheckpointRetry(int milliseconds)
{
    checkpointRetryMs = milliseconds;
}

void Database::setSyncCheckLimit(qint64 bytes)
{
    syncCheckBytes = bytes;
}

Result<Transaction> Database::beginWrite()
{
    // A big file is checked in the background after opening: once damage is found, nothing more
    // is written to it.
    if (auto ok = integrity(); !ok)
        return std::unexpected(ok.error());
    // Inside a write transaction already (a batch such as a customer import calling the
    // repositories), a savepoint: its commit releases it, its rollback undoes only its part.
    const bool nested = !sqlite3_get_autocommit(d->handle);
    const int rc = sqlite3_exec(d->handle, nested ? "SAVEPOINT tierdesk_nested" : "BEGIN IMMEDIATE", nullptr,
                                nullptr, nullptr);
    if (rc != SQLITE_OK)
        return std::unexpected(sqliteError(d->handle, rc, {}));
    Transaction tx(d->handle, nested);
    // The write count (schema 3): a reader compares it with the one the stored classification
    // saw. Counted at the start, so a transaction that commits anything has counted itself.
    if (!nested && d->version >= 3) {
        if (auto ok = exec("UPDATE data_generation SET generation = generation + 1"); !ok)
            return std::unexpected(ok.error());
    }
    return tx;
}

Result<std::optional<std::int64_t>> Database::writeGeneration()
{
    if (d->version < 3)
        return std::optional<std::int64_t>();
    auto n = selectInt(d->handle, "SELECT generation FROM data_generation WHERE id = 1");
    if (!n)
        return std::unexpected(n.error());
    return std::optional<std::int64_t>(*n);
}

Result<void> Database::backupTo(const QString &target)
{
    const QString temp = target + QStringLiteral(".partial");
    QFile::remove(temp);
    // VACUUM INTO accepts an empty file and keeps its mode: the copy stays private like the
    // database itself.
    if (auto created = createPrivateFile(temp); !created)
        return created;
    auto vacuum = Statement::prepare(d->handle, "VACUUM INTO ?1");
    if (!vacuum)
        return std::unexpected(vacuum.error());
    vacuum->bindText(1, temp);
    if (auto ok = vacuum->run(
            QCoreApplication::translate("tierdesk::store::Database", "Could not write the backup."));
        !ok) {
        QFile::remove(temp);
        return ok;
    }
    {
        QFile file(temp);
        if (!file.open(QIODevice::ReadWrite) || ::fsync(file.handle()) != 0) {
            QFile::remove(temp);
            return fail(QCoreApplication::translate("tierdesk::store::Database",
                                                    "Could not write the backup to “%1”.")
                            .arg(QDir::toNativeSeparators(target)));
        }
    }
    {
        Database check;
        if (auto ok = check.open(temp, Mode::ReadOnly); !ok) {
            QFile::remove(temp);
            return fail(QCoreApplication::translate("tierdesk::store::Database",
                                                    "The backup could not be verified; it was not kept."),
                        ok.error().message);
        }
    }
    QFile::remove(target);
    if (!QFile::rename(temp, target)) {
        QFile::remove(temp);
        return fail(QCoreApplication::translate("tierdesk::store::Database",
                                                "Could not move the backup into place at “%1”.")
                        .arg(QDir::toNativeSeparators(target)));
    }
    return {};
}

Transaction::Transaction(sqlite3 *db, bool nested)
    : m_db(db)
    , m_nested(nested)
{}

Transaction::Transaction(Transaction &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_nested(other.m_nested)
{}

Transaction::~Transaction()
{
    rollback();
}

Result<void> Transaction::commit()
{
    if (!m_db)
        return {};
    const int rc =
        sqlite3_exec(m_db, m_nested ? "RELEASE tierdesk_nested" : "COMMIT", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        Error e = sqliteError(m_db, rc,
                              QCoreApplication::translate("tierdesk::store::Database", "Nothing was saved."));
        rollback();
        return std::unexpected(e);
    }
    m_db = nullptr;
    return {};
}

void Transaction::rollback()
{
    if (!m_db)
        return;
    if (m_nested)
        sqlite3_exec(m_db, "ROLLBACK TO tierdesk_nested; RELEASE tierdesk_nested", nullptr, nullptr, nullptr);
    else if (!sqlite3_get_autocommit(m_db))
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    m_db = nullptr;
}

} // namespace tierdesk::store
