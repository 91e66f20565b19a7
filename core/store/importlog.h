#pragma once

#include "model/error.h"
#include "model/types.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <vector>

namespace tierdesk::store {

class Database;
class Statement;

/// What an import brought in.
enum class ImportKind { Customers, Orders, Calls };

/// One import, as the import log keeps it.
struct ImportBatch {
    qint64 id = 0;
    ImportKind kind = ImportKind::Customers;
    QString source; ///< the file's name, as shown to the user
    QDateTime importedAt;
    qint64 created = 0, updated = 0, skipped = 0, rejected = 0;
    QDateTime undoneAt; ///< invalid while the batch stands
};

/// The undo log of imports. A customer import records, inside its own write transaction, every
/// customer it created and the previous state of every customer it changed; an order or call
/// import records the orders or calls it created. undo() puts the database back exactly as it
/// was before the batch (profiles, tags, search index, history).
class ImportLog final {
public:
    explicit ImportLog(Database &db);
    ~ImportLog();

    /// Starts a batch; call inside the import's write transaction.
    Result<qint64> begin(const QString &source, ImportKind kind = ImportKind::Customers);
    Result<void> recordCreated(qint64 batch, CustomerId id);
    /// An order or a call (as the batch's kind says) that the batch created.
    Result<void> recordCreatedRecord(qint64 batch, std::int64_t id);
    /// Keeps `before` as the customer's state before the batch; a customer changed twice in one
    /// batch keeps its first state.
    Result<void> recordChanged(qint64 batch, const Customer &before);
    Result<void> finish(qint64 batch, qint64 created, qint64 updated, qint64 skipped, qint64 rejected);

    /// Every batch, newest first.
    Result<std::vector<ImportBatch>> batches();
    /// Undoes a batch in one transaction: removes the customers, orders or calls it created and
    /// restores the customers it changed. Refused, changing nothing, when the batch was undone
    /// already or when a customer it created has orders or calls by now (undo would lose them).
    Result<void> undo(qint64 batch);

private:
    Database &m_db;
    std::unique_ptr<Statement> m_record; ///< prepared once: an import records many rows
};

} // namespace tierdesk::store
