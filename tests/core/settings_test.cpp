// Classification settings: the spec's defaults, the key → text form and exact decimals.

#include "classify/settings.h"

#include <gtest/gtest.h>
#include <ostream>

using namespace tierdesk;
using namespace tierdesk::classify;

static void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}
namespace tierdesk {
static void PrintTo(Segment v, std::ostream *os)
{
    *os << toText(v).toStdString();
}
} // namespace tierdesk

namespace {

/// "An error naming the key": in the user's message or in the technical detail. With several keys,
/// naming any one of them is enough.
::testing::AssertionResult namesKey(const Result<Settings> &r, std::initializer_list<QString> keys)
{
    QStringList names(keys);
    if (r.has_value())
        return ::testing::AssertionFailure()
               << "accepted, expected an error naming " << names.join(QStringLiteral(" or ")).toStdString();
    for (const QString &key : keys)
        if (r.error().message.contains(key) || r.error().detail.contains(key))
            return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "error does not name " << names.join(QStringLiteral(" or ")).toStdString() << ": "
           << r.error().message.toStdString() << " / " << r.error().detail.toStdString();
}
::testing::AssertionResult namesKey(const Result<Settings> &r, const QString &key)
{
    return namesKey(r, {key});
}

Result<Settings> fromOne(const QString &key, const QString &value)
{
    QMap<QString, QString> map;
    map.insert(key, value);
    return Settings::fromMap(map);
}

} // namespace

TEST(Settings, DefaultsAreTheSpecs)
{
    const Settings s;
    EXPECT_EQ(s.windowDays, 365);
    EXPECT_EQ(s.halfDays, 180);
    EXPECT_EQ(s.tierAShareMillionths, 50'000);
    EXPECT_EQ(s.tierBShareMillionths, 200'000);
    EXPECT_EQ(s.newDays, 90);
    EXPECT_EQ(s.lostDays, 365);
    EXPECT_EQ(s.declineDays, 180);
    EXPECT_EQ(s.declineRatioMillionths, 500'000);
    EXPECT_EQ(s.growthRatioMillionths, 1'200'000);
    EXPECT_EQ(s.activeDays, 30);
    EXPECT_EQ(s.silentDays, 90);
    EXPECT_EQ(s.demoteAfterDays, 30);
    EXPECT_EQ(s.cadenceByGrade, (std::array<int, 5>{1, 3, 5, 30, 90}));
    EXPECT_EQ(s.cadenceByTier, (std::array<int, 4>{14, 30, 60, 90}));
    EXPECT_EQ(s.cadenceDefault, 30);
    EXPECT_EQ(s.winBackDays, 7);
    EXPECT_EQ(s.rfmHighFrom, 4);
    EXPECT_TRUE(s.tagRules.isEmpty());
}

TEST(Settings, DefaultSegmentMapIsTheSpecTable)
{
    // segmentMap[r - 1][f - 1]; the full table is checked cell by cell in classify_test.cpp.
    const auto map = Settings::defaultSegmentMap();
    EXPECT_TRUE(Settings{}.segmentMap == map);
    EXPECT_EQ(map[4][0], Segment::NewCustomers);       // R 5, F 1
    EXPECT_EQ(map[4][4], Segment::Champions);          // R 5, F 5
    EXPECT_EQ(map[3][0], Segment::Promising);          // R 4, F 1
    EXPECT_EQ(map[2][2], Segment::NeedAttention);      // R 3, F 3
    EXPECT_EQ(map[2][1], Segment::AboutToSleep);       // R 3, F 2
    EXPECT_EQ(map[0][4], Segment::CantLoseThem);       // R 1, F 5
    EXPECT_EQ(map[1][2], Segment::AtRisk);             // R 2, F 3
    EXPECT_EQ(map[0][0], Segment::Hibernating);        // R 1, F 1
    EXPECT_EQ(map[3][1], Segment::PotentialLoyalists); // R 4, F 2
    EXPECT_EQ(map[2][3], Segment::LoyalCustomers);     // R 3, F 4
}

TEST(Settings, DefaultsAreValid)
{
    EXPECT_TRUE(Settings{}.validate().has_value());
}

TEST(Settings, ToMapUsesTheSpecKeyNames)
{
    const QMap<QString, QString> map = Settings{}.toMap();
    const auto days = [&](const char16_t *key) { return map.value(QString::fromUtf16(key)).toInt(); };
    const auto share = [&](const char16_t *key) {
        return parseMillionths(map.value(QString::fromUtf16(key)));
    };
    EXPECT_EQ(days(u"window_days"), 365);
    EXPECT_EQ(days(u"half_days"), 180);
    EXPECT_EQ(share(u"tier_a_share"), 50'000);
    EXPECT_EQ(share(u"tier_b_share"), 200'000);
    EXPECT_EQ(days(u"new_days"), 90);
    EXPECT_EQ(days(u"lost_days"), 365);
    EXPECT_EQ(days(u"decline_days"), 180);
    EXPECT_EQ(share(u"decline_ratio"), 500'000);
    EXPECT_EQ(share(u"growth_ratio"), 1'200'000);
    EXPECT_EQ(days(u"active_days"), 30);
    EXPECT_EQ(days(u"silent_days"), 90);
    EXPECT_EQ(days(u"demote_after_days"), 30);
    EXPECT_EQ(days(u"rfm_high_from"), 4);
}

TEST(Settings, DefaultsRoundTrip)
{
    const auto back = Settings::fromMap(Settings{}.toMap());
    ASSERT_TRUE(back.has_value()) << back.error().message.toStdString();
    EXPECT_TRUE(*back == Settings{});
}

TEST(Settings, EveryValueRoundTrips)
{
    Settings s;
    s.windowDays = 400;
    s.halfDays = 200;
    s.tierAShareMillionths = 100'000;
    s.tierBShareMillionths = 300'000;
    s.newDays = 60;
    s.lostDays = 500;
    s.declineDays = 150;
    s.declineRatioMillionths = 400'000;
    s.growthRatioMillionths = 1'500'000;
    s.activeDays = 14;
    s.silentDays = 60;
    s.demoteAfterDays = 21;
    s.cadenceByGrade = {2, 4, 7, 14, 60};
    s.cadenceByTier = {7, 21, 45, 120};
    s.cadenceDefault = 20;
    s.winBackDays = 5;
    s.rfmHighFrom = 3;
    s.segmentMap[0][0] = Segment::Champions;
    s.segmentMap[4][4] = Segment::Hibernating;
    s.segmentActions[int(Segment::Champions)] = QStringLiteral("奖励，请求推荐; \"VIP\" = yes\n第二行");
    s.segmentActions[int(Segment::AtRisk)] = QStringLiteral("call, today");
    s.tagRules = {{QStringLiteral("VIP, 东区"), QStringLiteral("monetary >= 1000 and value_tier in (A, B)")},
                  {QStringLiteral("流失预警"), QStringLiteral("lifecycle = 'decline'")}};
    ASSERT_TRUE(s.validate().has_value()) << s.validate().error().message.toStdString();

    const auto back = Settings::fromMap(s.toMap());
    ASSERT_TRUE(back.has_value()) << back.error().message.toStdString();
    EXPECT_EQ(back->windowDays, 400);
    EXPECT_EQ(back->tierAShareMillionths, 100'000);
    EXPECT_EQ(back->growthRatioMillionths, 1'500'000);
    EXPECT_EQ(back->cadenceByGrade, s.cadenceByGrade);
    EXPECT_EQ(back->cadenceByTier, s.cadenceByTier);
    EXPECT_TRUE(back->segmentMap == s.segmentMap);
    EXPECT_EQ(back->segmentActions[int(Segment::Champions)], s.segmentActions[int(Segment::Champions)]);
    EXPECT_EQ(back->tagRules.size(), 2);
    EXPECT_TRUE(back->tagRules == s.tagRules);
    EXPECT_TRUE(*back == s);
}

TEST(Settings, FromMapReadsOverTheDefaults)
{
    const auto r = fromOne(QStringLiteral("window_days"), QStringLiteral("400"));
    ASSERT_TRUE(r.has_value()) << r.error().message.toStdString();
    Settings expected;
    expected.windowDays = 400;
    EXPECT_TRUE(*r == expected);
}

TEST(Settings, FromMapOfNothingIsTheDefaults)
{
    const auto r = Settings::fromMap({});
    ASSERT_TRUE(r.has_value());
    EXPECT_TRUE(*r == Settings{});
}

TEST(Settings, FromMapIgnoresUnknownKeys)
{
    const auto r = fromOne(QStringLiteral("no_such_key"), QStringLiteral("whatever"));
    ASSERT_TRUE(r.has_value());
    EXPECT_TRUE(*r == Settings{});
}

TEST(Settings, MalformedDaysNameTheKey)
{
    EXPECT_TRUE(namesKey(fromOne(QStringLiteral("window_days"), QStringLiteral("abc")),
                         QStringLiteral("window_days")));
    EXPECT_TRUE(namesKey(fromOne(QStringLiteral("window_days"), QStringLiteral("12.5")),
                         QStringLiteral("window_days")));
    EXPECT_TRUE(namesKey(fromOne(QStringLiteral("silent_days"), QString()), QStringLiteral("silent_days")));
    EXPECT_TRUE(namesKey(fromOne(QStringLiteral("rfm_high_from"), QStringLiteral("four")),
                         QStringLiteral("rfm_high_from")));
}

TEST(Settings, NegativeDaysNameTheKey)
{
    EXPECT_TRUE(
        namesKey(fromOne(QStringLiteral("new_days"), QStringLiteral("-5")), QStringLiteral("new_days")));
    EXPECT_TRUE(namesKey(fromOne(QStringLiteral("demote_after_days"), QStringLiteral("-1")),
                         QStringLiteral("demote_after_days")));
}

TEST(Settings, MalformedSharesNameTheKey)
{
    EXPECT_TRUE(namesKey(fromOne(QStringLiteral("tier_a_share"), QStringLiteral("abc")),
                         QStringLiteral("tier_a_share")));
    EXPECT_TRUE(namesKey(fromOne(QStringLiteral("decline_ratio"), QStringLiteral("-0.5")),
                         QStringLiteral("decline_ratio")));
    EXPECT_TRUE(namesKey(fromOne(QStringLiteral("growth_ratio"), QStringLiteral("1.0000001")),
                         QStringLiteral("growth_ratio")));
}

TEST(Settings, ShareAboveOneIsOutOfRange)
{
    // A tier share is a fraction of the population: 1.5 would put more than everyone in A + B.
    EXPECT_TRUE(namesKey(fromOne(QStringLiteral("tier_b_share"), QStringLiteral("1.5")),
                         QStringLiteral("tier_b_share")));
}

TEST(Settings, TierAShareAboveTierBIsAnError)
{
    // 0.3 > the default tier B share 0.2: the pyramid would have A wider than A + B.
    const auto r = fromOne(QStringLiteral("tier_a_share"), QStringLiteral("0.3"));
    EXPECT_TRUE(namesKey(r, {QStringLiteral("tier_a_share"), QStringLiteral("tier_b_share")}));
    Settings s;
    s.tierAShareMillionths = 300'000;
    EXPECT_FALSE(s.validate().has_value());
}

TEST(Millionths, ParsesDecimals)
{
    EXPECT_EQ(parseMillionths(u"0.05"), 50'000);
    EXPECT_EQ(parseMillionths(u"1.2"), 1'200'000);
    EXPECT_EQ(parseMillionths(u"0.5"), 500'000);
    EXPECT_EQ(parseMillionths(u"0"), 0);
    EXPECT_EQ(parseMillionths(u"1"), 1'000'000);
    EXPECT_EQ(parseMillionths(u"0.000001"), 1);
    EXPECT_EQ(parseMillionths(u"0.050000"), 50'000);
    EXPECT_EQ(parseMillionths(u"123.456789"), 123'456'789);
}

TEST(Millionths, AcceptsUpToOneThousand)
{
    EXPECT_EQ(parseMillionths(u"1000"), 1'000'000'000);
    EXPECT_FALSE(parseMillionths(u"1000.000001").has_value());
    EXPECT_FALSE(parseMillionths(u"2000").has_value());
}

TEST(Millionths, RejectsMalformedText)
{
    EXPECT_FALSE(parseMillionths(u"abc").has_value());
    EXPECT_FALSE(parseMillionths(u"-1").has_value());
    EXPECT_FALSE(parseMillionths(u"-0.05").has_value());
    EXPECT_FALSE(parseMillionths(u"0.0000001").has_value()); // seven decimals
    EXPECT_FALSE(parseMillionths(u"").has_value());
    EXPECT_FALSE(parseMillionths(u"0.05%").has_value());
    EXPECT_FALSE(parseMillionths(u"1,2").has_value());
}

TEST(Millionths, FormatsTheShortestExactForm)
{
    EXPECT_EQ(formatMillionths(50'000), QStringLiteral("0.05"));
    EXPECT_EQ(formatMillionths(1'200'000), QStringLiteral("1.2"));
    EXPECT_EQ(formatMillionths(200'000), QStringLiteral("0.2"));
    EXPECT_EQ(formatMillionths(500'000), QStringLiteral("0.5"));
    EXPECT_EQ(formatMillionths(0), QStringLiteral("0"));
    EXPECT_EQ(formatMillionths(1'000'000), QStringLiteral("1"));
    EXPECT_EQ(formatMillionths(1), QStringLiteral("0.000001"));
    EXPECT_EQ(formatMillionths(10), QStringLiteral("0.00001"));
    EXPECT_EQ(formatMillionths(123'456'789), QStringLiteral("123.456789"));
    EXPECT_EQ(formatMillionths(1'000'000'000), QStringLiteral("1000"));
}

TEST(Millionths, FormatThenParseIsTheIdentity)
{
    for (int v : {0, 1, 10, 50'000, 70'000, 200'000, 1'200'000, 999'999, 1'000'001, 1'000'000'000})
        EXPECT_EQ(parseMillionths(formatMillionths(v)), v) << v;
}
