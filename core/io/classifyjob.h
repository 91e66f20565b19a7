#pragma once

#include "classify/classify.h"
#include "model/error.h"

#include <QDate>

#include <functional>
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

/// What classifyAndStore() tells: the run's summary and how long it took.
struct StoredRun {
    classify::Summary summary;
    qint64 durationMs = 0; ///< until the results were stored
};

/// classifyDatabase(db, asOf, true) without holding every customer's results: each row is worked
/// out from the facts when it is compared with the stored one and again when it is written, so a
/// run at a million customers holds the facts and 8 bytes a customer of ranks and tiers, not the
/// 136 MB of results beside them. `then`, when given, is called with the classifier after the
/// results were stored (and before the facts are freed): it may take the rows one at a time
/// too (`tierdesk-cli classify --out`); its error is returned.
Result<StoredRun>
classifyAndStore(store::Database &db, QDate asOf,
                 const std::function<Result<void>(const classify::Classifier &)> &then = {});

/// After a call or an order of `customer` was saved: recomputes that customer's due date from its
/// own facts and its stored tiers, and stores it. No full reclassification.
Result<classify::FollowUp> refreshFollowUp(store::Database &db, CustomerId customer, QDate asOf);

/// Logs `call` and refreshes the customer's due date, as one user action.
Result<classify::FollowUp> logCall(store::Database &db, const Call &call, QDate asOf);

} // namespace tierdesk::io
