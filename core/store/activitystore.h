#pragma once

#include "model/error.h"
#include "model/types.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace tierdesk::store {

class Database;

/// What an order or call import needs of the database, row after row: find the customer a row
/// names (by id, phone key or e-mail key), find an order or call that is already there, and add
/// new ones. The statements are prepared once, so a list of 100,000 rows costs lookups, not
/// statement compilations. Outside a transaction, every read sees one snapshot (one lock, one
/// page cache) until the ActivityStore goes; inserts go through the caller's write transaction.
class ActivityStore final {
public:
    explicit ActivityStore(Database &db);
    ~ActivityStore();
    ActivityStore(const ActivityStore &) = delete;
    ActivityStore &operator=(const ActivityStore &) = delete;

    struct CustomerRef {
        CustomerId id = 0;
        QString name;
    };
    Result<std::optional<CustomerRef>> customerById(CustomerId id);
    /// The customers with this phone key (classify::phoneKey) or e-mail key, lowest id first;
    /// at most `limit` of them.
    Result<std::vector<CustomerRef>> customersByPhoneKey(const QString &key, int limit = 4);
    Result<std::vector<CustomerRef>> customersByEmailKey(const QString &key, int limit = 4);

    /// An order of the customer on that day for that amount, if there is one.
    Result<std::optional<std::int64_t>> findOrder(CustomerId customer, QDate orderedAt, Cents amount);
    /// A call of the customer at that second, or within that minute when the time has no seconds
    /// (a list that rounds to the minute), if there is one.
    Result<std::optional<std::int64_t>> findCall(CustomerId customer, const QDateTime &calledAt);

    Result<std::int64_t> insertOrder(const Order &o);
    Result<std::int64_t> insertCall(const Call &c);

private:
    struct Statements;
    Database &m_db;
    std::unique_ptr<Statements> m_s;
};

} // namespace tierdesk::store
