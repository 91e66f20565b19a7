#pragma once

#include "model/error.h"
#include "model/types.h"

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <functional>
#include <memory>

namespace tierdesk::store {

class Database;

/// Inserts many records with kept ids in one write transaction (interchange import, demo data).
/// Nothing is visible to other connections until commit(); destroying it uncommitted rolls
/// everything back, so a failed import leaves the database exactly as it was.
class BulkImport final {
public:
    explicit BulkImport(Database &db);
    ~BulkImport();
    BulkImport(const BulkImport &) = delete;
    BulkImport &operator=(const BulkImport &) = delete;

    /// A customer's texts as addCustomer() binds them, in UTF-8 in one buffer: the fields, the
    /// keys of the duplicate check and the search text. Made by prepare(), which may run on
    /// another thread than the import's: at a million customers, working them out took about
    /// half of the importing thread's time for customers.csv.
    class PreparedCustomer {
    public:
        enum Part { Name, Company, Phone, Email, City, Owner, PhoneKey, EmailKey, SearchText, Parts };
        QByteArrayView part(Part p) const
        {
            const qsizetype begin = p == 0 ? 0 : m_ends[p - 1];
            return QByteArrayView(m_bytes).sliced(begin, m_ends[p] - begin);
        }

    private:
        friend class BulkImport;
        QByteArray m_bytes;
        std::array<qsizetype, Parts> m_ends{};
    };
    static PreparedCustomer prepare(const Customer &c);

    Result<void> begin();
    /// Each returns an error for this record only (e.g. its id exists already); the transaction
    /// stays usable for the next record.
    Result<void> addCustomer(const Customer &c);
    /// The same, with `texts` = prepare(c).
    Result<void> addCustomer(const Customer &c, const PreparedCustomer &texts);
    Result<void> addOrder(const Order &o);
    Result<void> addCall(const Call &c);
    /// Adds the orders `next` hands out until it returns null; each record stays as it is until
    /// `next` is called again. The ones addOrder() would refuse go to `rejected`, with the
    /// reason, before `next` is called again. Into a database that had no customers, orders or
    /// calls when begin() ran, they go in through one statement, in half the time of a statement
    /// each. Only an error of the database itself (a full disk) ends it early; the transaction
    /// should then be rolled back.
    Result<void> addOrders(const std::function<const Order *()> &next,
                           const std::function<void(const Error &)> &rejected);
    /// The same for calls.
    Result<void> addCalls(const std::function<const Call *()> &next,
                          const std::function<void(const Error &)> &rejected);
    /// True when a customer with this id exists in the database (before or during this import).
    Result<bool> customerExists(CustomerId id);

    class SideCalls;
    /// Into a database that had no customers, orders or calls when begin() ran, the calls can go
    /// in on another thread while this one adds the orders: a SideCalls adds them to a scratch
    /// file of their own next to the database, builds their index there, and commit() copies
    /// both in as they are stored, without decoding them (SQLite's transfer of records). At a
    /// million customers, inserting the 3.9M calls and building their index took 4.4 s of the
    /// importing thread, and the copy takes 1.5 s. Call it after the last customer is added: the
    /// side reads which customers there are. Null when it is not possible (a database that was
    /// not empty or is in memory, a folder that cannot be written): add the calls with
    /// addCalls() then. The SideCalls belongs to this BulkImport, which must outlive its use:
    /// a rollback() while it has not finished leaves it usable, and the destructor removes it.
    Result<SideCalls *> sideCalls();
    /// Into an empty database: builds the secondary indexes dropped by begin(), one sort each,
    /// but the deferred ones after a big import (setIndexedAtCommit()).
    /// commit() does it when it was not done; done before, it runs while a SideCalls still adds
    /// calls. The rows added after it go into the indexes one by one.
    Result<void> buildIndexes();
    /// Makes the import's changes visible. With a SideCalls, only after its finish() succeeded.
    Result<void> commit();
    void rollback();

    /// Into an empty database, an import of up to this many customers (20,000) indexes their
    /// search texts at its commit, and builds every index; into a file, a bigger one leaves its
    /// texts pending (searchindex.h) and the deferred indexes out (deferredindexes.h), for the
    /// build afterwards. For the tests.
    static void setIndexedAtCommit(qint64 most);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// The calls of an import into an empty database, added on a thread of their own (see
/// BulkImport::sideCalls()). Every member is for that one thread.
class BulkImport::SideCalls final {
public:
    ~SideCalls();
    SideCalls(const SideCalls &) = delete;
    SideCalls &operator=(const SideCalls &) = delete;

    /// As BulkImport::addCalls(): each call whose id was added before or whose customer was not
    /// goes to `rejected`.
    Result<void> addCalls(const std::function<const Call *()> &next,
                          const std::function<void(const Error &)> &rejected);
    /// Builds their index and closes the scratch file, for commit() to copy.
    Result<void> finish();

private:
    friend class BulkImport;
    struct Private;
    explicit SideCalls(std::unique_ptr<Private> p);
    std::unique_ptr<Private> d;
};

/// Streams every record in id order, for the interchange export.
class BulkExport final {
public:
    explicit BulkExport(Database &db)
        : m_db(db)
    {}
    Result<void> customers(const std::function<bool(const Customer &)> &sink);
    Result<void> orders(const std::function<bool(const Order &)> &sink);
    Result<void> calls(const std::function<bool(const Call &)> &sink);

private:
    Database &m_db;
};

} // namespace tierdesk::store
