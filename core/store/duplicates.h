#pragma once

#include "model/error.h"
#include "model/types.h"

#include <vector>

namespace tierdesk::store {

class Database;

/// Customers that are probably one: they share a phone key or an e-mail key (spec §13), directly
/// or through each other (A shares a phone with B, B an e-mail with C). Ids ascending.
struct DuplicateGroup {
    std::vector<CustomerId> ids;
    bool byPhone = false; ///< some share a phone
    bool byEmail = false; ///< some share an e-mail
};

/// Every group of duplicates among the customers that are not archived, largest first, then by
/// lowest id; at most `limit` groups.
Result<std::vector<DuplicateGroup>> findDuplicateGroups(Database &db, int limit = 1000);

} // namespace tierdesk::store
