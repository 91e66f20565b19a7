#pragma once

#include "classify/classify.h"
#include "model/error.h"

#include <QDate>

#include <vector>

namespace tierdesk::store {
class Database;
}

/// The two ways results come to be: a full classification, and the one-customer update after a
/// call or an order was logged.
namespace tierdesk::io {

struct Classified {
    classify::Settings settings;
    std::vector<classify::CustomerFacts> facts; ///< by customer id
    classify::Run run;                          ///< rows in the order of `facts`
    qint64 durationMs = 0;
};

/// Loads the settings and the facts as of `asOf` and classifies every customer (one pass over the
/// data, then pure in-memory rules). With `store`, replaces the stored results in one transaction.
Result<Classified> classifyDatabase(store::Database &db, QDate asOf, bool store);

/// After a call or an order of `customer` was saved: recomputes that customer's due date from its
/// own facts and its stored tiers, and stores it. No full reclassification.
Result<classify::FollowUp> refreshFollowUp(store::Database &db, CustomerId customer, QDate asOf);

/// Logs `call` and refreshes the customer's due date, as one user action.
Result<classify::FollowUp> logCall(store::Database &db, const Call &call, QDate asOf);

} // namespace tierdesk::io
