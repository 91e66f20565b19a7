#pragma once

#include "model/error.h"
#include "model/types.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace tierdesk::store {

class Database;

/// One customer import, as the import log keeps it.
struct ImportBatch {
    qint64 id = 0;
    QString source; ///< the file's name, as shown to the user
    QDateTime importedAt;
    qint64 created = 0, updated = 0, skipped = 0, rejected = 0;
    QDateTime undoneAt; ///< invalid while the batch stands
};

/// The undo log of customer imports. An import records, inside its own write transaction, every
/// customer it created and the previous state of every customer it changed; undo() puts the
/// database back exactly as it was before the batch (profiles, tags, search index).
class ImportLog final {
public:
    explicit ImportLog(Database &db)
        : m_db(db)
    {}

    /// Starts a batch; call inside the import's write transaction.
    Result<qint64> begin(const QString &source);
    Result<void> recordCreated(qint64 batch, CustomerId id);
    /// Keeps `before` as the customer's state before the batch; a customer changed twice in one
    /// batch keeps its first state.
    Result<void> recordChanged(qint64 batch, const Customer &before);
    Result<void> finish(qint64 batch, qint64 created, qint64 updated, qint64 skipped, qint64 rejected);

    /// Every batch, newest first.
    Result<std::vector<ImportBatch>> batches();
    /// Undoes a batch in one transaction: removes the customers it created and restores the ones
    /// it changed. Refused, changing nothing, when the batch was undone already or when a customer
    /// it created has orders or calls by now (undo would lose them).
    Result<void> undo(qint64 batch);

private:
    Database &m_db;
};

} // namespace tierdesk::store
