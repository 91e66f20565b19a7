#include "backgroundread.h"

#include "model/memory.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <QThreadStorage>

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <sys/stat.h>
#include <vector>

namespace tierdesk::ui {
namespace {

/// A worker thread's kept connection, and which file it is of: a database replaced at the same
/// path (deleted, created anew) is another file.
struct Reader {
    QString path;
    dev_t device = 0;
    ino_t inode = 0;
    std::unique_ptr<store::Database> db;
};

/// A worker thread's Reader, known to releaseIdleReaderMemory() while the thread lives. `use` is
/// held while the thread reads (ReaderInUse), so that another thread touches only an idle
/// connection (they are opened without SQLite's own mutex); `release` asks a reading thread to
/// give its memory back when its read is done.
struct ReaderSlot {
    ReaderSlot();
    ~ReaderSlot();
    std::mutex use;
    std::atomic<bool> release{false};
    Reader reader;
};

/// Empties the page cache of `reader`'s connection, if it is idle; `use` is held.
void shrink(Reader &reader)
{
    if (reader.db && !reader.db->inTransaction())
        (void)reader.db->exec("PRAGMA shrink_memory");
}

std::mutex slotsMutex;
std::vector<ReaderSlot *> &allSlots()
{
    static std::vector<ReaderSlot *> all;
    return all;
}

ReaderSlot::ReaderSlot()
{
    const std::lock_guard lock(slotsMutex);
    allSlots().push_back(this);
}

ReaderSlot::~ReaderSlot()
{
    const std::lock_guard lock(slotsMutex);
    std::erase(allSlots(), this);
}

/// This thread's ReaderSlot. QThreadStorage rather than thread_local: it deletes its data when
/// the QThread finishes, before QThreadPool::waitForDone() returns; a thread_local would close its
/// connection later, as the thread exits, which could be after Qt Sql is gone at the end of the
/// program.
ReaderSlot &slot()
{
    static QThreadStorage<ReaderSlot *> readers;
    if (!readers.hasLocalData())
        readers.setLocalData(new ReaderSlot);
    return *readers.localData();
}

Reader &reader()
{
    return slot().reader;
}

} // namespace

ReaderInUse::ReaderInUse()
{
    slot().use.lock();
}

ReaderInUse::~ReaderInUse()
{
    ReaderSlot &s = slot();
    if (s.release.exchange(false)) {
        // Asked while this thread read (a search's texts that the job stopped, say): what the read
        // filled and freed goes back to the system now, under the job's peak.
        shrink(s.reader);
        releaseFreeMemory();
    }
    s.use.unlock();
}

namespace {
std::atomic<qint64> bigDatabaseLimit = qint64(64) << 20;
} // namespace

bool isBigDatabase(const QString &path)
{
    return readableInBackground(path) && QFileInfo(path).size() >= bigDatabaseLimit.load();
}

qint64 bigDatabaseBytes()
{
    return bigDatabaseLimit.load();
}

void setBigDatabaseBytes(qint64 bytes)
{
    bigDatabaseLimit = std::max<qint64>(0, bytes);
}

void releaseIdleReaderMemory()
{
    const std::lock_guard lock(slotsMutex);
    for (ReaderSlot *s : allSlots()) {
        if (std::unique_lock use(s->use, std::try_to_lock); use)
            shrink(s->reader);
        else
            s->release = true; // by the reading thread, when it is done (~ReaderInUse())
    }
}

bool waitForReadsToEnd(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        bool reading = false;
        {
            const std::lock_guard lock(slotsMutex);
            for (ReaderSlot *s : allSlots()) {
                if (std::unique_lock use(s->use, std::try_to_lock); !use) {
                    reading = true;
                    break;
                }
            }
        }
        if (!reading)
            return true;
        if (deadline.hasExpired())
            return false;
        QThread::msleep(5);
    }
}

QThreadPool *readerPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        // A thread and its connection (its page cache) outlive a pause in typing.
        p->setExpiryTimeout(5 * 60 * 1000);
        // Before the application object goes: the threads end and close their connections
        // while Qt Sql is still there.
        qAddPostRoutine([] { readerPool()->waitForDone(); });
        return p;
    }();
    return pool;
}

Result<store::Database *> readerConnection(const QString &path)
{
    Reader &reader = ui::reader();
    struct stat file {};
    const bool found = ::stat(QFile::encodeName(path).constData(), &file) == 0;
    if (reader.db && found && reader.path == path && reader.device == file.st_dev &&
        reader.inode == file.st_ino)
        return reader.db.get();
    reader = Reader{};
    auto db = std::make_unique<store::Database>();
    if (auto ok = db->open(path, store::Database::Mode::ReadOnlyUnchecked); !ok)
        return std::unexpected(ok.error());
    reader = Reader{path, file.st_dev, file.st_ino, std::move(db)};
    return reader.db.get();
}

void readerDone(store::Database &db)
{
    Reader &reader = ui::reader();
    db.stopWhen({});
    if (db.inTransaction() && reader.db.get() == &db)
        reader = Reader{};
}

} // namespace tierdesk::ui
