#pragma once

#include "model/error.h"
#include "model/types.h"

#include <QDate>
#include <QString>

#include <array>
#include <vector>

namespace tierdesk::store {

class Database;

/// One tier of the value pyramid.
struct TierTotals {
    qint64 customers = 0;
    Cents monetary = 0; ///< net sum of the tier's `monetary` (spec §2), in cents
};

/// The value pyramid: customers and net spend per value tier, indexed by ValueTier (A = 0).
struct PyramidCounts {
    std::array<TierTotals, 4> tiers{};

    qint64 customers() const;
    /// The revenue the shares are taken of: the sum of the tiers' positive spend (tier D never
    /// spends, and a refund-only tier must not make the shares exceed 100 %).
    Cents revenue() const;
};

/// Customers per lifecycle stage, indexed by Lifecycle (Prospect = 0); every stage is present.
using LifecycleCounts = std::array<qint64, 6>;

/// Buyers by RFM scores: `counts[r - 1][f - 1]`.
struct RfmCounts {
    std::array<std::array<qint64, 5>, 5> counts{};
    qint64 total() const;
};

/// Customers due on one day, by priority class 0 (grade S) … 5 (no grade, not a buyer).
struct FollowUpDay {
    QDate day;
    std::array<qint64, 6> byClass{};
    qint64 total() const;
};

/// The follow-up load of the coming days. Day 0 is today and also holds every overdue customer
/// (due before today), since they are all to be called today.
struct FollowUpLoad {
    std::vector<FollowUpDay> days;
    qint64 overdue = 0; ///< how many of day 0's customers were due before today
    qint64 total() const;
};

/// How the value tiers moved since the end of last month.
struct TierMigration {
    /// False when no classification was stored in the previous month: there is nothing to compare
    /// with, and every count below is zero.
    bool hasPrevious = false;
    QString previousMonth; ///< `yyyy-MM` of the month compared with
    /// `moves[from][to]`: customers whose tier was `from` in last month's snapshot and is `to` now.
    std::array<std::array<qint64, 4>, 4> moves{};
    /// `arrivals[to]`: customers with a tier now but none in last month's snapshot.
    std::array<qint64, 4> arrivals{};

    qint64 up() const;     ///< moved to a better tier
    qint64 down() const;   ///< moved to a worse tier
    qint64 stayed() const; ///< same tier
    qint64 newcomers() const;
};

/// The aggregates behind the managers' charts, each one SQL statement over the stored
/// classification. Archived customers are left out everywhere, as in the customer list, so that
/// a chart and the list filtered the same way show the same numbers.
class ChartQuery final {
public:
    /// `owner` narrows every chart to one salesperson's customers; empty: the whole team.
    explicit ChartQuery(Database &db, QString owner = {})
        : m_db(db)
        , m_owner(std::move(owner))
    {}

    Result<PyramidCounts> pyramid();
    Result<LifecycleCounts> lifecycle();
    /// Buyers only (prospects have no scores).
    Result<RfmCounts> rfmGrid();
    /// `days` days from `today` (today included); customers due before today count on day 0.
    Result<FollowUpLoad> followUpLoad(QDate today, int days = 14);
    /// Tier moves from the snapshot of the month before `today`'s month to the current tiers.
    Result<TierMigration> migration(QDate today);

private:
    Database &m_db;
    QString m_owner;
};

} // namespace tierdesk::store
