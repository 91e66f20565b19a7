#pragma once

#include "model/types.h"

#include <QDate>

namespace tierdesk::classify {

/// What the store knows about one customer as of the end of day T: the input of classification.
/// Built in one pass over orders and calls (store/metricsquery.h); everything dated after T has
/// already been left out. Orders count as purchases only when their amount is > 0; refunds
/// (negative amounts) only reduce the sums.
struct CustomerFacts {
    // The 8-byte members first and the small ones together at the end, so that little is lost to
    // padding: a run holds one of these per customer (112 bytes; 120 in the order of the spec).
    CustomerId id = 0;
    QDate createdAt;
    QDate gradeSetAt; ///< when the hand-set grade was set (may be invalid: unknown)

    QDate firstOrder;      ///< earliest date ≤ T of an order with amount > 0
    QDate lastOrder;       ///< latest date ≤ T of an order with amount > 0
    int ordersTotal = 0;   ///< orders with amount > 0, all time ≤ T
    int frequency = 0;     ///< orders with amount > 0 in the window W
    Cents monetary = 0;    ///< net sum of amounts in W
    Cents spendRecent = 0; ///< net sum in H1
    Cents spendPrev = 0;   ///< net sum in H0

    QDate lastContact;     ///< date of the latest call ≤ T (any outcome)
    QDate followUp;        ///< next follow-up set by the latest call ≤ T; invalid when none
    QDate lastReachedCall; ///< date of the latest call ≤ T whose outcome was "reached"

    std::optional<CustomerType> type;
    std::optional<Grade> grade; ///< set by hand
    Man man;
    bool archived = false;
    std::optional<Outcome> lastOutcome; ///< outcome of the latest call ≤ T (for display)

    bool isBuyer() const { return ordersTotal >= 1; }
};

} // namespace tierdesk::classify
