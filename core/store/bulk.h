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
    Result<void> commit();
    void rollback();

    /// Into an empty database, an import of up to this many customers (20,000) indexes their
    /// search texts at its commit; a bigger one leaves them pending (see searchindex.h). For the
    /// tests.
    static void setTextsIndexedAtCommit(qint64 most);

private:
    struct Private;
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
