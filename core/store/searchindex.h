#pragma once

// Store-internal: the customers' texts in the trigram index (customer_search), or pending.

#include "model/error.h"
#include "model/types.h"
#include "sqlite.h"

#include <QByteArrayView>
#include <QString>

#include <atomic>
#include <memory>

struct sqlite3;

namespace tierdesk::store {

class Database;

/// A big import into an empty database leaves its customers' search texts pending: in
/// customer_search_pending (schema version 6), with the trigram index empty. Tokenizing a
/// million texts takes some 7 s of CPU, a third of what the rest of the import needs on two
/// cores; the import is done, and every list and search works, without waiting for it. The
/// index is built afterwards by PendingSearchBuild (the window starts it in a worker, the CLI
/// with `index-search`), which holds the write lock only for the copy of what it built.
///
/// While any text is pending, every text is: the index stays empty, and each write of a
/// customer's text (a new customer, an edit, a merge, an undone import) goes to the pending
/// table, deletions as a row without text. Searches then read the pending texts, each tested
/// for the term, as for a term found in most rows (CustomerQuery, SearchSnapshot).
namespace searchindex {

/// True when the texts are pending (customer_search_pending has a row).
Result<bool> isPending(sqlite3 *db);

/// The value of the counter of writes to the pending texts, which each pending row keeps from
/// its last write (changed).
Result<qint64> pendingWrites(sqlite3 *db);

/// Moves every pending text into the index, inside the caller's write transaction: for a few
/// texts (an import's commit when it brought few customers), or where no scratch file can be
/// written (a database in memory).
Result<void> indexPendingInPlace(sqlite3 *db);

} // namespace searchindex

/// Writes customers' texts inside the caller's write transaction: the one place that does. Into
/// the index, in place of any text it had, or among the pending texts while they are pending
/// (looked at once, by open(); the writes counter is raised once too, and each text written keeps
/// its value).
class SearchTextWriter final {
public:
    /// Where the texts go.
    enum class Into {
        Current, ///< where they go now: pending while any text is, else the index
        Pending, ///< pending (an import into an empty database)
        Index,   ///< the index (the build, indexing again what was written while it ran)
    };
    static Result<SearchTextWriter> open(sqlite3 *db, Into into = Into::Current);

    /// A customer's text (searchText(), UTF-8, never empty), read while the call lasts.
    Result<void> write(CustomerId id, QByteArrayView utf8);
    /// Takes a customer's text out (a customer deleted, merged into another, or an undone
    /// import's).
    Result<void> remove(CustomerId id);

private:
    SearchTextWriter() = default;
    bool m_pending = false;
    qint64 m_changes = 0;         ///< the writes counter, kept by each pending text written
    Statement m_remove, m_insert; ///< of the index, or of the pending texts (the same for both)
};

/// Builds the trigram index of the pending texts. prepare() reads them in one read transaction
/// and indexes them in a scratch file next to the database, without any lock of the database
/// but its snapshot; install() then takes the write lock, copies the built index in (about
/// 1.6 s at a million customers, no text tokenized again), indexes again the few texts written
/// since prepare() read them, and empties the pending table. When install() could not take the
/// lock or was stopped, it may be called again; what prepare() built is kept until then.
class PendingSearchBuild final {
public:
    explicit PendingSearchBuild(Database &db);
    ~PendingSearchBuild();
    PendingSearchBuild(const PendingSearchBuild &) = delete;
    PendingSearchBuild &operator=(const PendingSearchBuild &) = delete;

    /// Indexes the pending texts in the scratch file; returns how many there were (0: nothing
    /// pending, install() has nothing to do). Stops with an error when `stop` is set (checked
    /// every 4,096 texts).
    Result<qint64> prepare(const std::atomic<bool> *stop = nullptr);
    /// Puts the index prepare() built in place, in one write transaction of the database.
    Result<void> install();

    /// prepare() and install() at once: for the CLI and the tests.
    static Result<qint64> run(Database &db);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace tierdesk::store
