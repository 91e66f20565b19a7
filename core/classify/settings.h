#pragma once

#include "model/error.h"
#include "model/types.h"

#include <QList>
#include <QMap>
#include <QString>

#include <array>

namespace tierdesk::classify {

/// A hand-written tag rule: the tag `name` is given to every customer whose metrics match
/// `condition` (see tagrule.h for the language).
struct TagRuleDef {
    QString name;
    QString condition;
    friend bool operator==(const TagRuleDef &, const TagRuleDef &) = default;
};

/// Every threshold of spec/classification.md and spec/rfm-segments.md, with the spec's defaults.
/// Stored in the database (one row per key) so that a team shares them.
///
/// Shares and ratios are kept as exact decimals: `tierAShareMillionths` = 50'000 means 0.05, and
/// `declineRatioMillionths` = 500'000 means 0.5, so that `x < 0.5 * y` is decided in integers.
struct Settings {
    int windowDays = 365;
    int halfDays = 180;
    int tierAShareMillionths = 50'000;
    int tierBShareMillionths = 200'000;
    int newDays = 90;
    int lostDays = 365;
    int declineDays = 180;
    int declineRatioMillionths = 500'000;
    int growthRatioMillionths = 1'200'000;
    int activeDays = 30;
    int silentDays = 90;
    int demoteAfterDays = 30;
    /// Cadence in days by grade S, A, B, C, D.
    std::array<int, 5> cadenceByGrade{1, 3, 5, 30, 90};
    /// Cadence in days for a buyer without a grade, by value tier A, B, C, D.
    std::array<int, 4> cadenceByTier{14, 30, 60, 90};
    int cadenceDefault = 30;
    /// A customer in decline is called at least this often (win-back).
    int winBackDays = 7;
    int rfmHighFrom = 4;
    /// segmentMap[r - 1][f - 1]: the segment of a buyer with scores R = r and F = f.
    std::array<std::array<Segment, 5>, 5> segmentMap = defaultSegmentMap();
    /// The suggested action for each segment; empty means the built-in, translated text.
    std::array<QString, SegmentCount> segmentActions{};
    QList<TagRuleDef> tagRules;

    static std::array<std::array<Segment, 5>, 5> defaultSegmentMap();

    /// The settings as key → text, with the spec's key names (`window_days`, `tier_a_share`, …).
    QMap<QString, QString> toMap() const;
    /// Reads `map` over the defaults; unknown keys are ignored, malformed or out-of-range values
    /// are an error naming the key.
    static Result<Settings> fromMap(const QMap<QString, QString> &map);
    /// Checks ranges and the relations between values (e.g. tier A share ≤ tier B share).
    Result<void> validate() const;

    friend bool operator==(const Settings &, const Settings &) = default;
};

/// "0.05" → 50'000; at most six decimals, 0 ≤ value ≤ 1000.
std::optional<int> parseMillionths(QStringView text);
/// 50'000 → "0.05" (shortest exact form).
QString formatMillionths(int millionths);

} // namespace tierdesk::classify
