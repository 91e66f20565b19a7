#pragma once

// Reads of a big database that must not hold up the window.

#include "model/error.h"
#include "store/database.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>

namespace tierdesk::ui {

/// Set it, and the read it belongs to stops (Database::stopWhen) and its answer is dropped: when
/// a newer read replaces it, or when whoever waited for it goes away.
using StopFlag = std::shared_ptr<std::atomic<bool>>;

/// True when `path` is a file a worker can open a connection of its own to (not in memory).
inline bool readableInBackground(const QString &path)
{
    return !path.isEmpty() && path != u":memory:";
}

/// True when the work on the database file at `path` goes to workers: a file of
/// bigDatabaseBytes() or more, where a list's page, a dialog's read of a customer's history or a
/// long write takes longer than the window may wait. Session::worksInBackground() for the open one.
bool isBigDatabase(const QString &path);
/// 64 MB; tests lower it to 0 to take the workers' way on a small file.
qint64 bigDatabaseBytes();
void setBigDatabaseBytes(qint64 bytes);

/// The threads of readInBackground(): a pool of their own. Qt paints in the global pool (the
/// raster engine splits big fills among its threads and waits for them), so a slow read there
/// would hold up painting; and tests can hold these threads without freezing the window.
QThreadPool *readerPool();

/// This worker thread's read-only connection to the database file `path`, opened on its first
/// read and kept for the next ones (until the thread ends after a few idle minutes, or `path`
/// names another file): a new connection starts with an empty page cache, and a search's first
/// page then took three times as long at a million customers.
Result<store::Database *> readerConnection(const QString &path);
/// After a read on readerConnection(): forgets the stop flag, and drops the connection if the
/// read left it inside a transaction (an interrupted statement), which would pin an old snapshot.
void readerDone(store::Database &db);

/// Held by a worker thread of readerPool() while it uses readerConnection(): its connection is
/// not idle meanwhile (releaseIdleReaderMemory()).
class ReaderInUse final {
public:
    ReaderInUse();
    ~ReaderInUse();
    ReaderInUse(const ReaderInUse &) = delete;
    ReaderInUse &operator=(const ReaderInUse &) = delete;
};

/// Empties the page caches of the worker threads' kept connections (up to 32 MiB each, filled by
/// the lists' and search's reads), from any thread: a job that needs the memory (the call list's
/// Export…, a classification of everyone) calls it in its worker as it starts, then
/// releaseFreeMemory(); not the window's thread, whose frees in the readers' heaps would wait for
/// that trim. An idle connection's at once; a reading thread's when its read is done, and that
/// thread then calls releaseFreeMemory(). The
/// next read of each list starts from an empty cache (the file's pages are in the system's
/// cache), as it does anyway after any write to the file.
void releaseIdleReaderMemory();
/// Waits until no worker thread of readerPool() is in a read, or `timeoutMs` have passed; true
/// when none is. For such a job, after releaseIdleReaderMemory(): the reads under way (a list's
/// after a write, the search texts being read) give their memory back as they end, before the
/// job fills its own, instead of under its peak. From any thread but the window's.
bool waitForReadsToEnd(int timeoutMs);

/// Runs `read(store::Database &) -> Result<T>` in a worker thread (readerPool()) on a read-only
/// connection of that thread to the database file `path` (readerConnection(); the window's
/// connection has opened and checked it), and calls `done(const Result<T> &)` in `context`'s thread, unless
/// the returned flag was set first.
template<typename T, typename Read, typename Done>
StopFlag readInBackground(QObject *context, const QString &path, Read read, Done done)
{
    auto stop = std::make_shared<std::atomic<bool>>(false);
    auto *watcher = new QFutureWatcher<Result<T>>(context);
    QObject::connect(watcher, &QFutureWatcher<Result<T>>::finished, context, [watcher, stop, done] {
        watcher->deleteLater();
        if (!*stop)
            done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(readerPool(), [path, stop, read]() -> Result<T> {
        if (*stop) // replaced before it started
            return Result<T>(std::unexpected(Error{}));
        const ReaderInUse inUse;
        auto db = readerConnection(path);
        if (!db)
            return std::unexpected(db.error());
        (*db)->stopWhen(stop);
        Result<T> result = read(**db);
        readerDone(**db);
        return result;
    }));
    return stop;
}

/// Sets `flag`, if any, and forgets it.
inline void stopRead(StopFlag &flag)
{
    if (flag)
        *flag = true;
    flag.reset();
}

} // namespace tierdesk::ui
