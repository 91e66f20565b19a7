#pragma once

// Store-internal: the metrics pass over the whole database (MetricsQuery::all).

#include "classify/facts.h"
#include "classify/settings.h"
#include "model/error.h"

#include <cstddef>
#include <vector>

namespace tierdesk::store {

class Database;

/// Every customer's facts as of the end of `asOf`, by id, from the customers table and the
/// customers' history digests (schema 4, customer_history): one narrow row per customer in id
/// order. On a connection that may write, the digests are first brought up to date: all of them
/// when they were never built (the first classification after an import or an upgrade), else
/// those of the customers whose orders or calls changed since (customer_history_dirty, kept by
/// triggers). On a database file the customers are read in a helper thread meanwhile.
Result<std::vector<classify::CustomerFacts>> scanAllFacts(Database &db, QDate asOf,
                                                          const classify::Settings &settings);

/// The same facts from the customers, orders and calls tables, each read once in storage order and
/// aggregated in memory (no sort, no index; the orders in a helper thread on a database file).
/// The pass of files older than schema 4, and the reference the digests are tested against.
Result<std::vector<classify::CustomerFacts>> scanAllFactsFromTables(Database &db, QDate asOf,
                                                                    const classify::Settings &settings);

/// The digests are built from this many orders or calls at a time (262,144; at least 1), each
/// batch sorted and packed before the next is read. For the tests.
void setHistoryChunkRows(std::size_t rows);

} // namespace tierdesk::store
