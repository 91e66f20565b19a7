#pragma once

// Store-internal: the metrics pass over the whole database (MetricsQuery::all).

#include "classify/facts.h"
#include "classify/settings.h"
#include "model/error.h"

#include <vector>

namespace tierdesk::store {

class Database;

/// Every customer's facts as of the end of `asOf`, by id: the customers, orders and calls tables
/// are each read once in storage order and aggregated in memory (no sort, no index). On a database
/// file the orders are read by a second, read-only connection in a helper thread while this one
/// reads customers and calls, so both cores work.
Result<std::vector<classify::CustomerFacts>> scanAllFacts(Database &db, QDate asOf,
                                                          const classify::Settings &settings);

} // namespace tierdesk::store
