#include "settings.h"

#include "tagrule.h"

#include <QCoreApplication>

namespace tierdesk::classify {
namespace {

struct IntKey {
    const char *key;
    int Settings::*field;
    int min;
    int max;
};

constexpr IntKey kIntKeys[] = {
    {"window_days", &Settings::windowDays, 1, 3660},
    {"half_days", &Settings::halfDays, 1, 1830},
    {"new_days", &Settings::newDays, 0, 3660},
    {"lost_days", &Settings::lostDays, 1, 3660},
    {"decline_days", &Settings::declineDays, 1, 3660},
    {"active_days", &Settings::activeDays, 0, 3660},
    {"silent_days", &Settings::silentDays, 0, 3660},
    {"demote_after_days", &Settings::demoteAfterDays, 1, 3660},
    {"cadence_default", &Settings::cadenceDefault, 1, 3660},
    {"win_back_days", &Settings::winBackDays, 1, 3660},
    {"rfm_high_from", &Settings::rfmHighFrom, 1, 5},
};

struct RatioKey {
    const char *key;
    int Settings::*field;
    int maxMillionths;
};

constexpr RatioKey kRatioKeys[] = {
    {"tier_a_share", &Settings::tierAShareMillionths, 1'000'000},
    {"tier_b_share", &Settings::tierBShareMillionths, 1'000'000},
    {"decline_ratio", &Settings::declineRatioMillionths, 1'000'000'000},
    {"growth_ratio", &Settings::growthRatioMillionths, 1'000'000'000},
};

constexpr const char *kGradeKeys[] = {"cadence_s", "cadence_a", "cadence_b", "cadence_c", "cadence_d"};
constexpr const char *kTierKeys[] = {"cadence_tier_a", "cadence_tier_b", "cadence_tier_c", "cadence_tier_d"};

QString key(const char *k)
{
    return QString::fromLatin1(k);
}

Result<int> readInt(const QMap<QString, QString> &map, const QString &k, int fallback, int min, int max)
{
    const auto it = map.constFind(k);
    if (it == map.cend())
        return fallback;
    bool ok = false;
    const int v = it->trimmed().toInt(&ok);
    if (!ok || v < min || v > max)
        return fail(
            QCoreApplication::translate("tierdesk::classify::Settings",
                                        "Setting “%1” must be a whole number from %2 to %3, not “%4”.")
                .arg(k)
                .arg(min)
                .arg(max)
                .arg(*it));
    return v;
}

} // namespace

std::array<std::array<Segment, 5>, 5> Settings::defaultSegmentMap()
{
    using enum Segment;
    // Rows are R = 1..5, columns F = 1..5 (rfm-segments.md §1, read bottom-up).
    return {{
        {Hibernating, Hibernating, AtRisk, AtRisk, CantLoseThem},                            // R 1
        {Hibernating, Hibernating, AtRisk, AtRisk, CantLoseThem},                            // R 2
        {AboutToSleep, AboutToSleep, NeedAttention, LoyalCustomers, LoyalCustomers},         // R 3
        {Promising, PotentialLoyalists, PotentialLoyalists, LoyalCustomers, LoyalCustomers}, // R 4
        {NewCustomers, PotentialLoyalists, PotentialLoyalists, Champions, Champions},        // R 5
    }};
}

std::optional<int> parseMillionths(QStringView text)
{
    text = text.trimmed();
    qint64 whole = 0;
    qsizetype i = 0;
    int intDigits = 0;
    while (i < text.size() && text[i].isDigit() && text[i].unicode() < 128) {
        whole = whole * 10 + (text[i].unicode() - u'0');
        if (whole > 1000)
            return std::nullopt;
        ++i;
        ++intDigits;
    }
    qint64 fraction = 0;
    int fracDigits = 0;
    if (i < text.size() && text[i] == u'.') {
        ++i;
        while (i < text.size() && text[i].unicode() >= u'0' && text[i].unicode() <= u'9') {
            if (++fracDigits > 6)
                return std::nullopt;
            fraction = fraction * 10 + (text[i].unicode() - u'0');
            ++i;
        }
    }
    if (i != text.size() || (intDigits == 0 && fracDigits == 0))
        return std::nullopt;
    for (int k = fracDigits; k < 6; ++k)
        fraction *= 10;
    const qint64 value = whole * 1'000'000 + fraction;
    if (value > 1'000'000'000)
        return std::nullopt;
    return int(value);
}

QString formatMillionths(int millionths)
{
    QString out = QString::number(millionths / 1'000'000);
    int fraction = millionths % 1'000'000;
    if (fraction == 0)
        return out;
    QString digits = QString::number(fraction).rightJustified(6, u'0');
    while (digits.endsWith(u'0'))
        digits.chop(1);
    return out + u'.' + digits;
}

QMap<QString, QString> Settings::toMap() const
{
    QMap<QString, QString> map;
    for (const auto &k : kIntKeys)
        map.insert(key(k.key), QString::number(this->*k.field));
    for (const auto &k : kRatioKeys)
        map.insert(key(k.key), formatMillionths(this->*k.field));
    for (std::size_t g = 0; g < cadenceByGrade.size(); ++g)
        map.insert(key(kGradeKeys[g]), QString::number(cadenceByGrade[g]));
    for (std::size_t t = 0; t < cadenceByTier.size(); ++t)
        map.insert(key(kTierKeys[t]), QString::number(cadenceByTier[t]));
    QStringList cells;
    for (const auto &row : segmentMap)
        for (Segment s : row)
            cells << toText(s);
    map.insert(QStringLiteral("segment_map"), cells.join(u','));
    for (int s = 0; s < SegmentCount; ++s) {
        if (!segmentActions[std::size_t(s)].isEmpty())
            map.insert(QStringLiteral("segment_action.") + toText(Segment(s)),
                       segmentActions[std::size_t(s)]);
    }
    for (qsizetype i = 0; i < tagRules.size(); ++i) {
        map.insert(QStringLiteral("tag_rule.%1.name").arg(i, 3, 10, QLatin1Char('0')), tagRules[i].name);
        map.insert(QStringLiteral("tag_rule.%1.condition").arg(i, 3, 10, QLatin1Char('0')),
                   tagRules[i].condition);
    }
    return map;
}

Result<Settings> Settings::fromMap(const QMap<QString, QString> &map)
{
    Settings s;
    for (const auto &k : kIntKeys) {
        auto v = readInt(map, key(k.key), s.*k.field, k.min, k.max);
        if (!v)
            return std::unexpected(v.error());
        s.*k.field = *v;
    }
    for (const auto &k : kRatioKeys) {
        const auto it = map.constFind(key(k.key));
        if (it == map.cend())
            continue;
        const auto v = parseMillionths(*it);
        if (!v || *v > k.maxMillionths)
            return fail(
                QCoreApplication::translate("tierdesk::classify::Settings",
                                            "Setting “%1” must be a decimal number such as 0.05, not “%2”.")
                    .arg(key(k.key), *it));
        s.*k.field = *v;
    }
    for (std::size_t g = 0; g < s.cadenceByGrade.size(); ++g) {
        auto v = readInt(map, key(kGradeKeys[g]), s.cadenceByGrade[g], 1, 3660);
        if (!v)
            return std::unexpected(v.error());
        s.cadenceByGrade[g] = *v;
    }
    for (std::size_t t = 0; t < s.cadenceByTier.size(); ++t) {
        auto v = readInt(map, key(kTierKeys[t]), s.cadenceByTier[t], 1, 3660);
        if (!v)
            return std::unexpected(v.error());
        s.cadenceByTier[t] = *v;
    }
    if (const auto it = map.constFind(QStringLiteral("segment_map")); it != map.cend()) {
        const QStringList cells = it->split(u',');
        if (cells.size() != 25)
            return fail(QCoreApplication::translate(
                "tierdesk::classify::Settings",
                "Setting “segment_map” must name 25 segments, one for each R × F cell."));
        for (int i = 0; i < 25; ++i) {
            const auto seg = segmentFromText(cells[i].trimmed());
            if (!seg)
                return fail(QCoreApplication::translate("tierdesk::classify::Settings",
                                                        "Setting “segment_map”: “%1” is not a segment.")
                                .arg(cells[i]));
            s.segmentMap[std::size_t(i / 5)][std::size_t(i % 5)] = *seg;
        }
    }
    for (int i = 0; i < SegmentCount; ++i) {
        const auto it = map.constFind(QStringLiteral("segment_action.") + toText(Segment(i)));
        if (it != map.cend())
            s.segmentActions[std::size_t(i)] = *it;
    }
    for (int i = 0;; ++i) {
        const QString prefix = QStringLiteral("tag_rule.%1.").arg(i, 3, 10, QLatin1Char('0'));
        const auto name = map.constFind(prefix + u"name");
        const auto cond = map.constFind(prefix + u"condition");
        if (name == map.cend() || cond == map.cend())
            break;
        s.tagRules.append({*name, *cond});
    }
    if (auto ok = s.validate(); !ok)
        return std::unexpected(ok.error());
    return s;
}

Result<void> Settings::validate() const
{
    if (tierAShareMillionths > tierBShareMillionths)
        return fail(
            QCoreApplication::translate(
                "tierdesk::classify::Settings",
                "The share of key customers (A) cannot be larger than the cumulative share of A and B."),
            QStringLiteral("tier_a_share > tier_b_share"));
    if (2 * halfDays > windowDays)
        return fail(QCoreApplication::translate(
                        "tierdesk::classify::Settings",
                        "The two half-windows (2 × %1 days) must fit in the window of %2 days.")
                        .arg(halfDays)
                        .arg(windowDays),
                    QStringLiteral("half_days, window_days"));
    if (activeDays > silentDays)
        return fail(QCoreApplication::translate("tierdesk::classify::Settings",
                                                "“Active” must be a shorter time than “silent”."),
                    QStringLiteral("active_days > silent_days"));
    if (declineDays > lostDays)
        return fail(
            QCoreApplication::translate(
                "tierdesk::classify::Settings",
                "A customer must be declining before being lost: decline days must not exceed lost days."),
            QStringLiteral("decline_days > lost_days"));
    for (const TagRuleDef &rule : tagRules) {
        if (rule.name.trimmed().isEmpty())
            return fail(
                QCoreApplication::translate("tierdesk::classify::Settings", "Every tag rule needs a name."));
        if (auto parsed = TagCondition::parse(rule.condition); !parsed)
            return fail(QCoreApplication::translate("tierdesk::classify::Settings", "Tag rule “%1”: %2")
                            .arg(rule.name, parsed.error().message));
    }
    return {};
}

} // namespace tierdesk::classify
