#pragma once

// Store-internal: the indexes a big import left for afterwards (schema::deferredIndexes()).

#include "model/error.h"

#include <QByteArray>
#include <QList>

struct sqlite3;

namespace tierdesk::store {

class Database;

/// An import of many customers into an empty database file (more than an import's commit indexes
/// the search texts of, see BulkImport) leaves out the indexes of schema::deferredIndexes(): they
/// serve an order of the customer list only, which sorts without them until they are built. They
/// are built afterwards, as the search index is (searchindex.h): the window starts it in a
/// worker when it opens the file, the CLI with `index-search`.
namespace deferredindexes {

/// The names of the deferred indexes this file lacks (none when every one is there).
Result<QList<QByteArray>> missing(sqlite3 *db);

/// True when a big import left anything for the build afterwards: its search texts pending
/// (searchindex.h) or a deferred index missing.
Result<bool> leftForLater(sqlite3 *db);

/// Creates the missing ones, in one write transaction of `db` (0.6 s at a million customers):
/// Database::stopWhen() stops it, and it rolls back; call it again then. Returns how many it
/// created.
Result<int> build(Database &db);

} // namespace deferredindexes
} // namespace tierdesk::store
