#pragma once

#include "facts.h"

#include <QStringList>

#include <array>
#include <optional>

namespace tierdesk::classify {

/// Why a customer is due on its due date (spec §10). Rendered to a sentence by explain.h.
struct DueReason {
    enum class Kind : std::uint8_t {
        FollowUpSet,    ///< the latest call set a follow-up for `date`
        GradeCadence,   ///< every `cadenceDays` for grade `grade`
        TierCadence,    ///< every `cadenceDays` for a buyer of value tier `tier`
        DefaultCadence, ///< every `cadenceDays` (no grade, not a buyer)
        WinBack,        ///< declining: every `cadenceDays` (≤ the win-back cadence)
        NeverContacted, ///< never called: due from the day it was created
    };
    Kind kind = Kind::NeverContacted;
    QDate date; ///< the follow-up date (FollowUpSet) or the last contact (cadence kinds)
    int cadenceDays = 0;
    std::optional<Grade> grade;
    std::optional<ValueTier> tier;
    friend bool operator==(const DueReason &, const DueReason &) = default;
};

/// The result of classifying one customer as of T.
struct Classification {
    // The 8-byte members first and the small ones together at the end, so that little is lost to
    // padding: a run holds one of these per customer (136 bytes; 144 in the order of the spec).
    CustomerId id = 0;

    // Metrics (spec §2).
    std::optional<int> recencyDays; ///< null for a customer without orders
    int frequency = 0;
    int valueRank = 0; ///< rank by monetary among customers with monetary > 0; 0 when outside
    Cents monetary = 0;

    // RFM scores 1–5 (spec §3); null for prospects.
    std::optional<int> r, f, m;

    QDate due;
    DueReason reason;
    QStringList dynamicTags; ///< tags produced by tag rules, in rule order
    int priorityClass = 5;   ///< 0 (grade S) … 5 (no grade, not a buyer)

    ValueTier valueTier = ValueTier::D;
    std::optional<Level> freqTier; ///< buyers only
    std::optional<Level> loyalty;  ///< buyers only
    Lifecycle lifecycle = Lifecycle::Prospect;
    Engagement engagement = Engagement::Silent;
    std::optional<Segment> segment; ///< buyers only
    std::optional<Matrix> matrix;   ///< buyers only

    std::optional<Grade> grade;    ///< the hand-set grade, else the one suggested by MAN
    bool gradeSuggested = false;   ///< true when `grade` comes from the MAN answers
    std::optional<Grade> demoteTo; ///< a suggested demotion, never applied by itself
};

/// Facts about the whole population, for explanations and charts.
struct Summary {
    QDate asOf;
    int customers = 0;
    int buyers = 0;
    int spenders = 0;     ///< customers with monetary > 0 (the pyramid's population)
    int repeatBuyers = 0; ///< buyers with orders_total ≥ 2
    int tierACutoff = 0;  ///< ranks ≤ this are tier A
    int tierBCutoff = 0;  ///< ranks ≤ this (and > tierACutoff) are tier B
    std::array<int, 4> countByTier{};
    std::array<Cents, 4> monetaryByTier{};
};

struct Run {
    std::vector<Classification> rows; ///< in the order of the input facts
    Summary summary;
};

} // namespace tierdesk::classify
