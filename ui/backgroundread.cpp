#include "backgroundread.h"

#include <QCoreApplication>
#include <QFile>
#include <QThreadStorage>

#include <memory>
#include <sys/stat.h>

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

/// This thread's Reader. QThreadStorage rather than thread_local: it deletes its data when the
/// QThread finishes, before QThreadPool::waitForDone() returns; a thread_local would close its
/// connection later, as the thread exits, which could be after Qt Sql is gone at the end of the
/// program.
Reader &reader()
{
    static QThreadStorage<Reader *> readers;
    if (!readers.hasLocalData())
        readers.setLocalData(new Reader);
    return *readers.localData();
}

} // namespace

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
