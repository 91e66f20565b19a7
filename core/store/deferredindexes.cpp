#include "deferredindexes.h"

#include "database.h"
#include "schema.h"
#include "searchindex.h"
#include "sqlite.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace tierdesk::store::deferredindexes {
namespace {

QString notBuilt()
{
    return QCoreApplication::translate("tierdesk::store", "The customer list's indexes could not be built.");
}

} // namespace

Result<QList<QByteArray>> missing(sqlite3 *db)
{
    auto exists = Statement::prepare(db, "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'index' "
                                         "AND name = ?1)");
    if (!exists)
        return std::unexpected(exists.error());
    QList<QByteArray> names;
    for (const schema::Index &index : schema::deferredIndexes()) {
        exists->bindStatic(1, index.name);
        const int rc = exists->step();
        if (rc != SQLITE_ROW)
            return std::unexpected(sqliteError(db, rc, {}));
        if (exists->int64(0) == 0)
            names.append(index.name);
        exists->reset();
    }
    return names;
}

Result<bool> leftForLater(sqlite3 *db)
{
    auto pending = searchindex::isPending(db);
    if (!pending)
        return std::unexpected(pending.error());
    if (*pending)
        return true;
    auto names = missing(db);
    if (!names)
        return std::unexpected(names.error());
    return !names->isEmpty();
}

Result<int> build(Database &db)
{
    if (auto ok = db.integrity(); !ok)
        return std::unexpected(ok.error());
    sqlite3 *h = db.handle();
    SmallPageCache small(h);
    int built = 0;
    auto ok = inWriteTransaction(
        h,
        [&]() -> Result<void> {
            // Looked at again with the write lock: another connection may have built them.
            auto names = missing(h);
            if (!names)
                return std::unexpected(names.error());
            for (const schema::Index &index : schema::deferredIndexes()) {
                if (!names->contains(index.name))
                    continue;
                if (auto created = execute(h, index.create, notBuilt()); !created)
                    return created;
                ++built;
            }
            return {};
        },
        notBuilt());
    if (!ok)
        return std::unexpected(ok.error());
    return built;
}

} // namespace tierdesk::store::deferredindexes
