#pragma once

#include "model/error.h"

#include <QDate>
#include <QtGlobal>

#include <functional>

namespace tierdesk::store {
class Database;
}

/// The demo database: `tierdesk-cli demo --customers N [--seed S]` and the desktop app's first
/// run ("create a demo database").
namespace tierdesk::io {

struct DemoOptions {
    /// How many customers to create, 1 … maxDemoCustomers.
    int customers = 2000;
    /// Same seed, same number of customers and same `today` give the same database.
    quint64 seed = 1;
    /// The as-of day of the demo. Everything is dated on or before it (three years of history),
    /// except next follow-ups, which may be up to 30 days after it. Invalid: the current date.
    QDate today;
};

inline constexpr int maxDemoCustomers = 2'000'000;

struct DemoSummary {
    qint64 customers = 0, orders = 0, calls = 0;
};

/// Fills an empty database with a realistic demo: a sales team of 5–8, about 70 % Chinese
/// customers, 30 % prospects, heavy-tailed spend, calls with follow-ups, intent grades, tags and a
/// few duplicates, so that every tier, stage and list of the app has something to show, and the
/// classification of the last day of the previous month (so the tier migration has a base). Written
/// through store::BulkImport in one transaction; customers get ids 1…N, orders and calls
/// sequential ids in chronological order.
///
/// Refuses a database that already has customers. `progress` is called with 0…100 as the work
/// advances; returning false cancels, leaving the database as it was.
Result<DemoSummary> createDemo(store::Database &db, const DemoOptions &options,
                               const std::function<bool(int percent)> &progress = {});

} // namespace tierdesk::io
