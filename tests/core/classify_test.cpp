// Unit tests of the classification engine against spec/classification.md and spec/rfm-segments.md.
// Every expectation is computed by hand from the spec (the arithmetic is in the comments), never
// taken from the implementation. T is 2026-06-30 throughout; `ago(n)` is T - n days.

#include "classify/classify.h"
#include "support/testsupport.h"

#include <algorithm>
#include <array>
#include <gtest/gtest.h>
#include <limits>
#include <ostream>
#include <vector>

using namespace tierdesk;
using namespace tierdesk::classify;
using tierdesk::test::date;

// Readable failure messages (internal linkage so that other test files may have their own).
static void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}
static void PrintTo(QDate d, std::ostream *os)
{
    *os << (d.isValid() ? d.toString(Qt::ISODate).toStdString() : "(invalid date)");
}
namespace tierdesk {
static void PrintTo(Grade v, std::ostream *os)
{
    *os << toText(v).toStdString();
}
static void PrintTo(ValueTier v, std::ostream *os)
{
    *os << toText(v).toStdString();
}
static void PrintTo(Level v, std::ostream *os)
{
    *os << toText(v).toStdString();
}
static void PrintTo(Lifecycle v, std::ostream *os)
{
    *os << toText(v).toStdString();
}
static void PrintTo(Engagement v, std::ostream *os)
{
    *os << toText(v).toStdString();
}
static void PrintTo(Segment v, std::ostream *os)
{
    *os << toText(v).toStdString();
}
static void PrintTo(Matrix v, std::ostream *os)
{
    *os << toText(v).toStdString();
}
} // namespace tierdesk
namespace tierdesk::classify {
static void PrintTo(DueReason::Kind v, std::ostream *os)
{
    *os << "DueReason::Kind(" << int(v) << ')';
}
} // namespace tierdesk::classify

namespace {

const QDate T = date("2026-06-30");

QDate ago(int days)
{
    return T.addDays(-days);
}

/// A customer without orders or calls, created long before T.
CustomerFacts prospect(CustomerId id)
{
    CustomerFacts f;
    f.id = id;
    f.createdAt = ago(1000);
    return f;
}

/// A long-standing buyer (first order 700 days ago, so never "new") with the metrics RFM reads.
/// `ordersTotal` defaults to max(frequency, 1).
CustomerFacts buyer(CustomerId id, int recencyDays, int frequency, Cents monetary, int ordersTotal = 0)
{
    CustomerFacts f = prospect(id);
    f.firstOrder = ago(std::max(recencyDays, 700));
    f.lastOrder = ago(recencyDays);
    f.ordersTotal = ordersTotal > 0 ? ordersTotal : std::max(frequency, 1);
    f.frequency = frequency;
    f.monetary = monetary;
    return f;
}

/// Buyers with the given monetary values, ids 1…n, all bought 10 days ago once.
std::vector<CustomerFacts> spenders(std::initializer_list<Cents> monetary)
{
    std::vector<CustomerFacts> facts;
    CustomerId id = 0;
    for (Cents m : monetary)
        facts.push_back(buyer(++id, 10, 1, m));
    return facts;
}

using Scores = std::vector<std::optional<int>>;
Scores rScores(const Run &run)
{
    Scores s;
    for (const auto &row : run.rows)
        s.push_back(row.r);
    return s;
}
Scores fScores(const Run &run)
{
    Scores s;
    for (const auto &row : run.rows)
        s.push_back(row.f);
    return s;
}
Scores mScores(const Run &run)
{
    Scores s;
    for (const auto &row : run.rows)
        s.push_back(row.m);
    return s;
}
std::vector<ValueTier> tiers(const Run &run)
{
    std::vector<ValueTier> t;
    for (const auto &row : run.rows)
        t.push_back(row.valueTier);
    return t;
}
std::vector<int> valueRanks(const Run &run)
{
    std::vector<int> r;
    for (const auto &row : run.rows)
        r.push_back(row.valueRank);
    return r;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// §3 scoreFromRank and sqlRank

TEST(RfmScore, SingleBuyerScoresOne)
{
    // n = 1, rank 1: 1 + floor(5 * 0 / 1) = 1.
    EXPECT_EQ(scoreFromRank(1, 1), 1);
}

TEST(RfmScore, FiveBuyersScoreTheirRank)
{
    // n = 5: 1 + floor(5 (rank - 1) / 5) = rank.
    EXPECT_EQ(scoreFromRank(1, 5), 1);
    EXPECT_EQ(scoreFromRank(2, 5), 2);
    EXPECT_EQ(scoreFromRank(3, 5), 3);
    EXPECT_EQ(scoreFromRank(4, 5), 4);
    EXPECT_EQ(scoreFromRank(5, 5), 5);
}

TEST(RfmScore, SevenBuyersFollowTheFloorFormula)
{
    // n = 7: floor(0/7)=0, floor(5/7)=0, floor(10/7)=1, floor(15/7)=2, floor(20/7)=2,
    // floor(25/7)=3, floor(30/7)=4.
    EXPECT_EQ(scoreFromRank(1, 7), 1);
    EXPECT_EQ(scoreFromRank(2, 7), 1);
    EXPECT_EQ(scoreFromRank(3, 7), 2);
    EXPECT_EQ(scoreFromRank(4, 7), 3);
    EXPECT_EQ(scoreFromRank(5, 7), 3);
    EXPECT_EQ(scoreFromRank(6, 7), 4);
    EXPECT_EQ(scoreFromRank(7, 7), 5);
}

TEST(RfmScore, TwoBuyersScoreOneAndThree)
{
    // n = 2: rank 2 → 1 + floor(5/2) = 3 (there is no score 5 with two buyers).
    EXPECT_EQ(scoreFromRank(1, 2), 1);
    EXPECT_EQ(scoreFromRank(2, 2), 3);
}

TEST(RfmScore, QuintileEdgesAreExactForLargePopulations)
{
    // n = 1'000'000: rank 200'000 → floor(999'995 / 1'000'000) = 0 → 1;
    // rank 200'001 → floor(1'000'000 / 1'000'000) = 1 → 2; rank 1'000'000 → floor(4.999995) = 4 → 5.
    EXPECT_EQ(scoreFromRank(200'000, 1'000'000), 1);
    EXPECT_EQ(scoreFromRank(200'001, 1'000'000), 2);
    EXPECT_EQ(scoreFromRank(800'001, 1'000'000), 5);
    EXPECT_EQ(scoreFromRank(800'000, 1'000'000), 4);
    EXPECT_EQ(scoreFromRank(1'000'000, 1'000'000), 5);
}

TEST(SqlRank, TiesShareTheLowestRankAscending)
{
    const std::vector<std::int64_t> values{30, 10, 20, 10};
    // Sorted 10, 10, 20, 30 → ranks 1, 1, 3, 4 (RANK leaves a gap after a tie).
    EXPECT_EQ(sqlRank(values, true), (std::vector<std::int64_t>{4, 1, 3, 1}));
}

TEST(SqlRank, TiesShareTheLowestRankDescending)
{
    const std::vector<std::int64_t> values{30, 10, 20, 10};
    // Sorted 30, 20, 10, 10 → ranks 1, 2, 3, 3.
    EXPECT_EQ(sqlRank(values, false), (std::vector<std::int64_t>{1, 3, 2, 3}));
}

TEST(SqlRank, AllEqualValuesRankFirst)
{
    const std::vector<std::int64_t> values{7, 7, 7};
    EXPECT_EQ(sqlRank(values, true), (std::vector<std::int64_t>{1, 1, 1}));
    EXPECT_EQ(sqlRank(values, false), (std::vector<std::int64_t>{1, 1, 1}));
}

TEST(SqlRank, NegativeValuesRankBelowZero)
{
    const std::vector<std::int64_t> values{0, -5, 5};
    EXPECT_EQ(sqlRank(values, true), (std::vector<std::int64_t>{2, 1, 3}));
    EXPECT_EQ(sqlRank(values, false), (std::vector<std::int64_t>{2, 3, 1}));
}

TEST(SqlRank, WidelySpreadValuesRankTheSame)
{
    // A range far wider than the number of values (money): ranked by sorting, not by counting.
    const std::int64_t top = std::numeric_limits<std::int64_t>::max();
    const std::int64_t bottom = std::numeric_limits<std::int64_t>::min();
    const std::vector<std::int64_t> values{top, 5, bottom, top, -1'000'000'000'000};
    // Sorted bottom, -1e12, 5, top, top → ranks 1, 2, 3, 4, 4.
    EXPECT_EQ(sqlRank(values, true), (std::vector<std::int64_t>{4, 3, 1, 4, 2}));
    // Sorted top, top, 5, -1e12, bottom → ranks 1, 1, 3, 4, 5.
    EXPECT_EQ(sqlRank(values, false), (std::vector<std::int64_t>{1, 3, 5, 1, 4}));
}

TEST(SqlRank, ValuesWithGapsRankByCount)
{
    // Days of recency: a narrow range with gaps and ties, ranked by counting.
    const std::vector<std::int64_t> values{400, 3, 3, 90, 400, 3};
    // Ascending 3, 3, 3, 90, 400, 400 → 3 ranks 1, 90 rank 4, 400 rank 5.
    EXPECT_EQ(sqlRank(values, true), (std::vector<std::int64_t>{5, 1, 1, 4, 5, 1}));
    // Descending 400, 400, 90, 3, 3, 3 → 400 ranks 1, 90 rank 3, 3 rank 4.
    EXPECT_EQ(sqlRank(values, false), (std::vector<std::int64_t>{1, 4, 4, 3, 1, 4}));
}

TEST(SqlRank, EmptyInputGivesNoRanks)
{
    EXPECT_TRUE(sqlRank(std::span<const std::int64_t>{}, true).empty());
}

// ---------------------------------------------------------------------------------------------
// §3 RFM scores through run()

TEST(RfmRun, SingleBuyerScoresOneForEachLetter)
{
    // n = 1: every rank is 1 and 1 + floor(5 * 0 / 1) = 1 — even the best possible buyer.
    const std::vector<CustomerFacts> facts{buyer(1, 0, 12, 5'000'000)};
    const classify::Run run = classify::run(facts, Settings{}, T);
    ASSERT_EQ(run.rows.size(), 1u);
    EXPECT_EQ(run.rows[0].r, 1);
    EXPECT_EQ(run.rows[0].f, 1);
    EXPECT_EQ(run.rows[0].m, 1);
}

TEST(RfmRun, FiveBuyersRankRecencyDescendingAndFrequencyMonetaryAscending)
{
    // Metrics chosen so that R, F and M order the buyers differently.
    const std::vector<CustomerFacts> facts{
        buyer(1, 10, 3, 500), //
        buyer(2, 20, 5, 100), //
        buyer(3, 30, 1, 400), //
        buyer(4, 40, 4, 200), //
        buyer(5, 50, 2, 300),
    };
    const classify::Run run = classify::run(facts, Settings{}, T);
    // R: recency descending — 50 days (id 5) is rank 1; n = 5 so score = rank.
    EXPECT_EQ(rScores(run), (Scores{5, 4, 3, 2, 1}));
    // F ascending: 1 (id 3) rank 1, 2 (id 5), 3 (id 1), 4 (id 4), 5 (id 2).
    EXPECT_EQ(fScores(run), (Scores{3, 5, 1, 4, 2}));
    // M ascending: 100 (id 2), 200 (id 4), 300 (id 5), 400 (id 3), 500 (id 1).
    EXPECT_EQ(mScores(run), (Scores{5, 1, 4, 2, 3}));
}

TEST(RfmRun, SevenBuyersWithTiesShareScoresAndProspectsDoNotCount)
{
    const std::vector<CustomerFacts> facts{
        buyer(1, 5, 1, 300),   //
        buyer(2, 5, 9, 100),   //
        buyer(3, 100, 1, 700), //
        buyer(4, 100, 2, 300), //
        buyer(5, 100, 1, 200), //
        buyer(6, 200, 3, 300), //
        buyer(7, 300, 1, 100), //
        prospect(8),           // not a buyer: n stays 7
    };
    const classify::Run run = classify::run(facts, Settings{}, T);
    // n = 7. R, recency descending: 300 → rank 1 → 1; 200 → rank 2 → 1 + floor(5/7) = 1;
    // 100 ×3 → rank 3 → 1 + floor(10/7) = 2; 5 ×2 → rank 6 → 1 + floor(25/7) = 4.
    EXPECT_EQ(rScores(run), (Scores{4, 4, 2, 2, 2, 1, 1, std::nullopt}));
    // F ascending: 1 ×4 → rank 1 → 1; 2 → rank 5 → 1 + floor(20/7) = 3; 3 → rank 6 → 4;
    // 9 → rank 7 → 1 + floor(30/7) = 5.
    EXPECT_EQ(fScores(run), (Scores{1, 5, 1, 3, 1, 4, 1, std::nullopt}));
    // M ascending: 100 ×2 → rank 1 → 1; 200 → rank 3 → 2; 300 ×3 → rank 4 → 1 + floor(15/7) = 3;
    // 700 → rank 7 → 5. Had the prospect counted, these would differ: with n = 8, M = 300 at rank 4
    // scores 1 + floor(15/8) = 2; ranked as frequency 0, F = 2 at rank 6 of 8 scores 4.
    EXPECT_EQ(mScores(run), (Scores{3, 1, 5, 3, 2, 3, 1, std::nullopt}));
}

TEST(RfmRun, AllEqualBuyersScoreOne)
{
    // Every buyer ties at rank 1, and 1 + floor(5 * 0 / 4) = 1.
    const std::vector<CustomerFacts> facts{buyer(1, 10, 2, 500), buyer(2, 10, 2, 500), buyer(3, 10, 2, 500),
                                           buyer(4, 10, 2, 500)};
    const classify::Run run = classify::run(facts, Settings{}, T);
    EXPECT_EQ(rScores(run), (Scores{1, 1, 1, 1}));
    EXPECT_EQ(fScores(run), (Scores{1, 1, 1, 1}));
    EXPECT_EQ(mScores(run), (Scores{1, 1, 1, 1}));
}

TEST(RfmRun, TiedBestBuyersShareTheLowerScore)
{
    // n = 4, monetary 100, 200, 300, 300 → ranks 1, 2, 3, 3 → scores 1, 1 + floor(5/4) = 2,
    // 1 + floor(10/4) = 3, 3. Without the tie the last would score 1 + floor(15/4) = 4.
    const std::vector<CustomerFacts> facts{buyer(1, 10, 1, 100), buyer(2, 10, 1, 200), buyer(3, 10, 1, 300),
                                           buyer(4, 10, 1, 300)};
    const classify::Run run = classify::run(facts, Settings{}, T);
    EXPECT_EQ(mScores(run), (Scores{1, 2, 3, 3}));
}

TEST(RfmRun, ProspectsHaveNoScores)
{
    const std::vector<CustomerFacts> facts{prospect(1), buyer(2, 10, 1, 100)};
    const classify::Run run = classify::run(facts, Settings{}, T);
    const Classification &p = run.rows[0];
    EXPECT_FALSE(p.r.has_value());
    EXPECT_FALSE(p.f.has_value());
    EXPECT_FALSE(p.m.has_value());
    EXPECT_FALSE(p.recencyDays.has_value());
    EXPECT_FALSE(p.freqTier.has_value());
    EXPECT_FALSE(p.loyalty.has_value());
    EXPECT_FALSE(p.segment.has_value());
    EXPECT_FALSE(p.matrix.has_value());
    // The only buyer: n = 1, score 1.
    EXPECT_EQ(run.rows[1].m, 1);
}

TEST(RfmRun, BuyersWithoutPositiveSpendStillGetAnMScore)
{
    // Buyers who bought long ago (nothing in W) or whose refunds outweigh purchases.
    // n = 3, M ascending: -500 → rank 1 → 1; 0 → rank 2 → 1 + floor(5/3) = 2;
    // 1000 → rank 3 → 1 + floor(10/3) = 4.
    const std::vector<CustomerFacts> facts{buyer(1, 20, 1, -500), buyer(2, 400, 0, 0, 3),
                                           buyer(3, 10, 1, 1000)};
    const classify::Run run = classify::run(facts, Settings{}, T);
    EXPECT_EQ(mScores(run), (Scores{1, 2, 4}));
    // F ascending: 0 (id 2) rank 1 → 1; 1 ×2 → rank 2 → 2.
    EXPECT_EQ(fScores(run), (Scores{2, 1, 2}));
}

TEST(RfmRun, RowsKeepTheInputOrderAndMetrics)
{
    const std::vector<CustomerFacts> facts{buyer(7, 40, 2, 900), prospect(3), buyer(5, 0, 1, 50)};
    const classify::Run run = classify::run(facts, Settings{}, T);
    ASSERT_EQ(run.rows.size(), 3u);
    EXPECT_EQ(run.rows[0].id, 7);
    EXPECT_EQ(run.rows[1].id, 3);
    EXPECT_EQ(run.rows[2].id, 5);
    EXPECT_EQ(run.rows[0].recencyDays, 40);
    EXPECT_EQ(run.rows[2].recencyDays, 0);
    EXPECT_EQ(run.rows[0].frequency, 2);
    EXPECT_EQ(run.rows[0].monetary, 900);
}

TEST(RfmRun, DerivedLevelsAndSegmentsFollowTheScores)
{
    // The five buyers of FiveBuyersRank…: (R, F, M, orders_total) =
    // id1 (5,3,5,3), id2 (4,5,1,5), id3 (3,1,4,1), id4 (2,4,2,4), id5 (1,2,3,2).
    const std::vector<CustomerFacts> facts{
        buyer(1, 10, 3, 500), buyer(2, 20, 5, 100), buyer(3, 30, 1, 400),
        buyer(4, 40, 4, 200), buyer(5, 50, 2, 300),
    };
    const classify::Run run = classify::run(facts, Settings{}, T);
    const std::vector<std::optional<Level>> freq{Level::Mid, Level::High, Level::Low, Level::High,
                                                 Level::Low};
    // id1: R5 F3 → not high, not low → mid; id2: R4 F5 orders 5 → high; id3: orders 1 → low;
    // id4: R2 → low; id5: R1 → low.
    const std::vector<std::optional<Level>> loyal{Level::Mid, Level::High, Level::Low, Level::Low,
                                                  Level::Low};
    const std::vector<std::optional<Segment>> seg{Segment::PotentialLoyalists, Segment::LoyalCustomers,
                                                  Segment::AboutToSleep, Segment::AtRisk,
                                                  Segment::Hibernating};
    // High = score ≥ 4: id1 H L H, id2 H H L, id3 L L H, id4 L H L, id5 L L L.
    const std::vector<std::optional<Matrix>> mat{Matrix::ImportantDevelop, Matrix::GeneralValue,
                                                 Matrix::ImportantWinBack, Matrix::GeneralRetain,
                                                 Matrix::GeneralWinBack};
    for (std::size_t i = 0; i < 5; ++i) {
        SCOPED_TRACE(i + 1);
        EXPECT_EQ(run.rows[i].freqTier, freq[i]);
        EXPECT_EQ(run.rows[i].loyalty, loyal[i]);
        EXPECT_EQ(run.rows[i].segment, seg[i]);
        EXPECT_EQ(run.rows[i].matrix, mat[i]);
    }
}

// ---------------------------------------------------------------------------------------------
// §4 Value tier

TEST(ValueTier, CeilShareIsExact)
{
    EXPECT_EQ(ceilShare(0, 50'000), 0);
    EXPECT_EQ(ceilShare(1, 50'000), 1);   // ceil(0.05) = 1
    EXPECT_EQ(ceilShare(20, 50'000), 1);  // exactly 1
    EXPECT_EQ(ceilShare(21, 50'000), 2);  // ceil(1.05)
    EXPECT_EQ(ceilShare(20, 200'000), 4); // exactly 4
    EXPECT_EQ(ceilShare(21, 200'000), 5); // ceil(4.2)
    EXPECT_EQ(ceilShare(100, 1'000'000), 100);
    EXPECT_EQ(ceilShare(100, 0), 0);
    // In doubles 0.07 * 100 = 7.000000000000001, whose ceiling is 8; exactly it is 7.
    EXPECT_EQ(ceilShare(100, 70'000), 7);
    EXPECT_EQ(ceilShare(1'000'000'000'000, 50'000), 50'000'000'000);
}

TEST(ValueTier, TwentySpendersGiveOneAAndThreeB)
{
    // n = 20: A cut = ceil(1) = 1, B cut = ceil(4) = 4.
    const classify::Run run =
        classify::run(spenders({2000, 1900, 1800, 1700, 1600, 1500, 1400, 1300, 1200, 1100,
                                1000, 900,  800,  700,  600,  500,  400,  300,  200,  100}),
                      Settings{}, T);
    EXPECT_EQ(run.summary.tierACutoff, 1);
    EXPECT_EQ(run.summary.tierBCutoff, 4);
    std::vector<ValueTier> expected(20, ValueTier::C);
    expected[0] = ValueTier::A;
    expected[1] = expected[2] = expected[3] = ValueTier::B;
    EXPECT_EQ(tiers(run), expected);
    EXPECT_EQ(run.rows[0].valueRank, 1);
    EXPECT_EQ(run.rows[19].valueRank, 20);
}

TEST(ValueTier, TiesAtTheBoundaryGoToTheBetterTier)
{
    // n = 20, A cut 1, B cut 4. Two tied at rank 1 → both A; the next rank is 3 (B), then 4 (B),
    // then 5 (C).
    const classify::Run run =
        classify::run(spenders({2000, 2000, 1800, 1700, 1600, 1500, 1400, 1300, 1200, 1100,
                                1000, 900,  800,  700,  600,  500,  400,  300,  200,  100}),
                      Settings{}, T);
    const std::vector<int> ranks = valueRanks(run);
    EXPECT_EQ(std::vector<int>(ranks.begin(), ranks.begin() + 5), (std::vector<int>{1, 1, 3, 4, 5}));
    std::vector<ValueTier> expected(20, ValueTier::C);
    expected[0] = expected[1] = ValueTier::A;
    expected[2] = expected[3] = ValueTier::B;
    EXPECT_EQ(tiers(run), expected);
    EXPECT_EQ(run.summary.countByTier, (std::array<int, 4>{2, 2, 16, 0}));
}

TEST(ValueTier, TiesAtTheBCutAllGoToB)
{
    // n = 20, B cut 4: ranks 1, 2, 3, 4, 4, 4, 7 … — all three at rank 4 are B, rank 7 is C.
    const classify::Run run =
        classify::run(spenders({2000, 1900, 1800, 1700, 1700, 1700, 1400, 1300, 1200, 1100,
                                1000, 900,  800,  700,  600,  500,  400,  300,  200,  100}),
                      Settings{}, T);
    std::vector<ValueTier> expected(20, ValueTier::C);
    expected[0] = ValueTier::A;
    for (int i = 1; i <= 5; ++i)
        expected[i] = ValueTier::B;
    EXPECT_EQ(tiers(run), expected);
    EXPECT_EQ(run.rows[6].valueRank, 7);
    EXPECT_EQ(run.summary.countByTier, (std::array<int, 4>{1, 5, 14, 0}));
}

TEST(ValueTier, ATieLargerThanBothCutsStaysInA)
{
    // n = 20, five tied at rank 1 → all A; the next rank is 6 > B cut 4 → C, so B is empty.
    const classify::Run run =
        classify::run(spenders({2000, 2000, 2000, 2000, 2000, 1500, 1400, 1300, 1200, 1100,
                                1000, 900,  800,  700,  600,  500,  400,  300,  200,  100}),
                      Settings{}, T);
    EXPECT_EQ(run.summary.countByTier, (std::array<int, 4>{5, 0, 15, 0}));
    EXPECT_EQ(run.rows[5].valueRank, 6);
    EXPECT_EQ(run.rows[5].valueTier, ValueTier::C);
}

TEST(ValueTier, FiveSpendersHaveNoB)
{
    // n = 5: A cut = ceil(0.25) = 1, B cut = ceil(1.0) = 1 → one A, no B, four C.
    const classify::Run run = classify::run(spenders({500, 100, 400, 200, 300}), Settings{}, T);
    EXPECT_EQ(tiers(run),
              (std::vector<ValueTier>{ValueTier::A, ValueTier::C, ValueTier::C, ValueTier::C, ValueTier::C}));
    EXPECT_EQ(valueRanks(run), (std::vector<int>{1, 5, 2, 4, 3}));
}

TEST(ValueTier, CustomSharesAreComputedExactly)
{
    // 100 spenders, tier A share 0.07: A cut = 7 exactly (doubles would give 8); B cut = 20.
    Settings s;
    s.tierAShareMillionths = 70'000;
    std::vector<CustomerFacts> facts;
    for (int i = 1; i <= 100; ++i)
        facts.push_back(buyer(i, 10, 1, Cents(1000 - i))); // rank i
    const classify::Run run = classify::run(facts, s, T);
    EXPECT_EQ(run.summary.tierACutoff, 7);
    EXPECT_EQ(run.summary.tierBCutoff, 20);
    EXPECT_EQ(run.rows[6].valueTier, ValueTier::A);
    EXPECT_EQ(run.rows[7].valueTier, ValueTier::B);
    EXPECT_EQ(run.rows[19].valueTier, ValueTier::B);
    EXPECT_EQ(run.rows[20].valueTier, ValueTier::C);
}

TEST(ValueTier, RefundersZeroSpendersAndProspectsAreDAndNotRanked)
{
    // Population = monetary > 0 only: n = 1 (id 3), so id 3 is A; the rest are D with rank 0.
    const std::vector<CustomerFacts> facts{buyer(1, 20, 1, -700), buyer(2, 400, 0, 0), buyer(3, 10, 1, 1000),
                                           prospect(4)};
    const classify::Run run = classify::run(facts, Settings{}, T);
    EXPECT_EQ(tiers(run), (std::vector<ValueTier>{ValueTier::D, ValueTier::D, ValueTier::A, ValueTier::D}));
    EXPECT_EQ(valueRanks(run), (std::vector<int>{0, 0, 1, 0}));
    EXPECT_EQ(run.summary.spenders, 1);
}

TEST(ValueTier, SummaryCountsAndSumsEachTier)
{
    // Six spenders: n = 6, A cut = ceil(0.3) = 1, B cut = ceil(1.2) = 2.
    std::vector<CustomerFacts> facts{
        buyer(1, 10, 2, 6000, 2),
        buyer(2, 10, 2, 5000, 2),
        buyer(3, 10, 2, 4000, 2),
        buyer(4, 10, 1, 3000),
        buyer(5, 10, 1, 2000),
        buyer(6, 10, 1, 1000),
        buyer(7, 400, 0, 0, 3), // bought long ago: a repeat buyer in D
        prospect(8),
    };
    const classify::Run run = classify::run(facts, Settings{}, T);
    const Summary &s = run.summary;
    EXPECT_EQ(s.asOf, T);
    EXPECT_EQ(s.customers, 8);
    EXPECT_EQ(s.buyers, 7);
    EXPECT_EQ(s.spenders, 6);
    EXPECT_EQ(s.repeatBuyers, 4); // ids 1, 2, 3, 7
    EXPECT_EQ(s.tierACutoff, 1);
    EXPECT_EQ(s.tierBCutoff, 2);
    EXPECT_EQ(s.countByTier, (std::array<int, 4>{1, 1, 4, 2}));
    // C = 4000 + 3000 + 2000 + 1000.
    EXPECT_EQ(s.monetaryByTier, (std::array<Cents, 4>{6000, 5000, 10000, 0}));
}

TEST(ValueTier, DTierMonetaryIsTheNetSumOfItsMembers)
{
    // Reading of §4 "each tier's share of monetary": the D sum is the net monetary of its members,
    // refunds included: -700 + 0 = -700.
    const std::vector<CustomerFacts> facts{buyer(1, 20, 1, -700), buyer(2, 400, 0, 0), buyer(3, 10, 1, 1000)};
    const classify::Run run = classify::run(facts, Settings{}, T);
    EXPECT_EQ(run.summary.monetaryByTier, (std::array<Cents, 4>{1000, 0, 0, -700}));
    EXPECT_EQ(run.summary.countByTier, (std::array<int, 4>{1, 0, 0, 2}));
}

// ---------------------------------------------------------------------------------------------
// §2 exact ratios

TEST(Ratio, DeclineRatioIsStrictAndExact)
{
    // x < 0.5 y ⇔ 2x < y.
    EXPECT_TRUE(lessThanRatio(499, 500'000, 1000));
    EXPECT_FALSE(lessThanRatio(500, 500'000, 1000));
    EXPECT_TRUE(lessThanRatio(500, 500'000, 1001));
    EXPECT_TRUE(lessThanRatio(-1, 500'000, 0));
}

TEST(Ratio, GrowthRatioIsStrictAndExact)
{
    // x > 1.2 y ⇔ 5x > 6y.
    EXPECT_TRUE(greaterThanRatio(1201, 1'200'000, 1000));
    EXPECT_FALSE(greaterThanRatio(1200, 1'200'000, 1000));
    EXPECT_TRUE(greaterThanRatio(1, 1'200'000, 0));
    EXPECT_FALSE(greaterThanRatio(0, 1'200'000, 0));
}

TEST(Ratio, EqualityIsExactWhereDoublesAreNot)
{
    // 1.1 * 50 = 55.00000000000001 and 0.7 * 90 = 62.99999999999999 in doubles; exactly both are
    // equalities, so neither strict comparison holds.
    EXPECT_FALSE(lessThanRatio(55, 1'100'000, 50));
    EXPECT_FALSE(greaterThanRatio(55, 1'100'000, 50));
    EXPECT_FALSE(greaterThanRatio(63, 700'000, 90));
    EXPECT_FALSE(lessThanRatio(63, 700'000, 90));
}

TEST(Ratio, ExactForTheLargestAmounts)
{
    // money.h accepts amounts up to 10^15 units (10^17 cents); the comparison must neither overflow
    // nor round. 2 (10^17 - 1) < 2·10^17 - 1, but 2·10^17 < 2·10^17 - 1 is false.
    constexpr Cents e17 = 100'000'000'000'000'000;
    EXPECT_TRUE(lessThanRatio(e17 - 1, 500'000, 2 * e17 - 1));
    EXPECT_FALSE(lessThanRatio(e17, 500'000, 2 * e17 - 1));
    // 5 (1.2·10^17 + 1) > 6·10^17, 5 (1.2·10^17) = 6·10^17.
    EXPECT_TRUE(greaterThanRatio(12 * e17 / 10 + 1, 1'200'000, e17));
    EXPECT_FALSE(greaterThanRatio(12 * e17 / 10, 1'200'000, e17));
}

// ---------------------------------------------------------------------------------------------
// §5 Frequency tier, §6 Loyalty

TEST(FrequencyTier, FourAndFiveAreHighThreeIsMidTheRestLow)
{
    EXPECT_EQ(frequencyTier(5), Level::High);
    EXPECT_EQ(frequencyTier(4), Level::High);
    EXPECT_EQ(frequencyTier(3), Level::Mid);
    EXPECT_EQ(frequencyTier(2), Level::Low);
    EXPECT_EQ(frequencyTier(1), Level::Low);
}

TEST(Loyalty, HighNeedsRecentFrequentAndRepeat)
{
    EXPECT_EQ(loyalty(4, 4, 2), Level::High);
    EXPECT_EQ(loyalty(5, 5, 10), Level::High);
}

TEST(Loyalty, MissingOneHighConditionGivesMid)
{
    EXPECT_EQ(loyalty(3, 4, 2), Level::Mid); // R = 3
    EXPECT_EQ(loyalty(4, 3, 2), Level::Mid); // F = 3
    EXPECT_EQ(loyalty(3, 1, 2), Level::Mid); // low F alone does not make low
}

TEST(Loyalty, SingleOrderIsLowEvenWithTopScores)
{
    // High fails on orders_total = 1; low matches on orders_total <= 1.
    EXPECT_EQ(loyalty(5, 5, 1), Level::Low);
}

TEST(Loyalty, LowRecencyIsLowEvenForFrequentBuyers)
{
    EXPECT_EQ(loyalty(2, 5, 10), Level::Low);
    EXPECT_EQ(loyalty(1, 4, 3), Level::Low);
}

// ---------------------------------------------------------------------------------------------
// §7 Lifecycle

namespace {
/// A buyer for lifecycle: first order `firstDays` ago, last order `recencyDays` ago.
CustomerFacts staged(int firstDays, int recencyDays, Cents recent, Cents prev)
{
    CustomerFacts f = prospect(1);
    f.firstOrder = ago(firstDays);
    f.lastOrder = ago(recencyDays);
    f.ordersTotal = 2;
    f.frequency = recencyDays < 365 ? 1 : 0;
    f.spendRecent = recent;
    f.spendPrev = prev;
    f.monetary = recent + prev;
    return f;
}
} // namespace

TEST(Lifecycle, ProspectIsNotABuyer)
{
    CustomerFacts f = prospect(1);
    f.lastContact = ago(3);
    EXPECT_EQ(lifecycle(f, Settings{}, T), Lifecycle::Prospect);
}

TEST(Lifecycle, NewUntilEightyNineDays)
{
    // T - first_order = 89 < 90 → new; 90 is not new (then growth: 500 > 1.2 · 0).
    EXPECT_EQ(lifecycle(staged(89, 89, 500, 0), Settings{}, T), Lifecycle::New);
    EXPECT_EQ(lifecycle(staged(90, 90, 500, 0), Settings{}, T), Lifecycle::Growth);
}

TEST(Lifecycle, LostFromThreeHundredSixtyFiveDays)
{
    // 365 also satisfies decline (>= 180): lost is checked first.
    EXPECT_EQ(lifecycle(staged(700, 365, 0, 0), Settings{}, T), Lifecycle::Lost);
    EXPECT_EQ(lifecycle(staged(700, 364, 0, 0), Settings{}, T), Lifecycle::Decline);
}

TEST(Lifecycle, DeclineFromOneHundredEightyDaysSilent)
{
    // Same spends (net 0 in both halves) so that only recency decides: 180 → decline, 179 → mature.
    EXPECT_EQ(lifecycle(staged(700, 180, 0, 0), Settings{}, T), Lifecycle::Decline);
    EXPECT_EQ(lifecycle(staged(700, 179, 0, 0), Settings{}, T), Lifecycle::Mature);
}

TEST(Lifecycle, DeclineWhenRecentSpendIsBelowHalfOfPrevious)
{
    // 2 · 499 = 998 < 1000 → decline; 2 · 500 = 1000 is not < 1000 → (5·500 > 6·1000? no) mature.
    EXPECT_EQ(lifecycle(staged(700, 10, 499, 1000), Settings{}, T), Lifecycle::Decline);
    EXPECT_EQ(lifecycle(staged(700, 10, 500, 1000), Settings{}, T), Lifecycle::Mature);
}

TEST(Lifecycle, DeclineWhenRefundsOutweighRecentPurchases)
{
    // spend_prev > 0 and 2 · (-50) < 1000.
    EXPECT_EQ(lifecycle(staged(700, 10, -50, 1000), Settings{}, T), Lifecycle::Decline);
}

TEST(Lifecycle, GrowthWhenRecentSpendExceedsOnePointTwoTimesPrevious)
{
    // 5 · 1201 = 6005 > 6000 → growth; 5 · 1200 = 6000 is not > 6000 → mature.
    EXPECT_EQ(lifecycle(staged(700, 10, 1201, 1000), Settings{}, T), Lifecycle::Growth);
    EXPECT_EQ(lifecycle(staged(700, 10, 1200, 1000), Settings{}, T), Lifecycle::Mature);
}

TEST(Lifecycle, GrowthFromNothingInThePreviousHalf)
{
    // spend_prev = 0 (the ratio rule needs spend_prev > 0), 5 · 1 > 0 → growth.
    EXPECT_EQ(lifecycle(staged(700, 10, 1, 0), Settings{}, T), Lifecycle::Growth);
}

TEST(Lifecycle, MatureWhenNothingInEitherHalf)
{
    // Recent purchase fully refunded: 0 and 0 — neither decline (prev = 0) nor growth (0 > 0 false).
    EXPECT_EQ(lifecycle(staged(700, 10, 0, 0), Settings{}, T), Lifecycle::Mature);
}

TEST(Lifecycle, NewBeatsLostWhenBothMatch)
{
    // With new_days = 400 a customer first seen 380 days ago, silent for 370, is both new (< 400)
    // and lost (>= 365): new comes first. With the defaults the same customer is lost.
    Settings s;
    s.newDays = 400;
    EXPECT_EQ(lifecycle(staged(380, 370, 0, 0), s, T), Lifecycle::New);
    EXPECT_EQ(lifecycle(staged(380, 370, 0, 0), Settings{}, T), Lifecycle::Lost);
}

TEST(Lifecycle, DeclineBeatsGrowth)
{
    // Silent for 200 days with a refund in H0: 5 · 0 > 6 · (-100) would be growth, but decline
    // (recency >= 180) comes first.
    EXPECT_EQ(lifecycle(staged(700, 200, 0, -100), Settings{}, T), Lifecycle::Decline);
}

// ---------------------------------------------------------------------------------------------
// §8 Engagement

namespace {
CustomerFacts touched(std::optional<int> orderDaysAgo, std::optional<int> contactDaysAgo)
{
    CustomerFacts f = prospect(1);
    if (orderDaysAgo) {
        f = buyer(1, *orderDaysAgo, 1, 100);
    }
    if (contactDaysAgo)
        f.lastContact = ago(*contactDaysAgo);
    return f;
}
} // namespace

TEST(Engagement, ActiveUpToThirtyDays)
{
    EXPECT_EQ(engagement(touched(30, std::nullopt), Settings{}, T), Engagement::Active);
    EXPECT_EQ(engagement(touched(0, std::nullopt), Settings{}, T), Engagement::Active);
}

TEST(Engagement, NormalFromThirtyOneToNinetyDays)
{
    EXPECT_EQ(engagement(touched(31, std::nullopt), Settings{}, T), Engagement::Normal);
    EXPECT_EQ(engagement(touched(90, std::nullopt), Settings{}, T), Engagement::Normal);
}

TEST(Engagement, SilentFromNinetyOneDays)
{
    EXPECT_EQ(engagement(touched(91, std::nullopt), Settings{}, T), Engagement::Silent);
}

TEST(Engagement, NeverTouchedIsSilent)
{
    EXPECT_EQ(engagement(touched(std::nullopt, std::nullopt), Settings{}, T), Engagement::Silent);
}

TEST(Engagement, TheLaterOfOrderAndContactCounts)
{
    EXPECT_EQ(engagement(touched(200, 30), Settings{}, T), Engagement::Active); // the call
    EXPECT_EQ(engagement(touched(30, 200), Settings{}, T), Engagement::Active); // the order
    EXPECT_EQ(engagement(touched(95, 91), Settings{}, T), Engagement::Silent);
}

TEST(Engagement, ProspectsAreEngagedByCalls)
{
    EXPECT_EQ(engagement(touched(std::nullopt, 31), Settings{}, T), Engagement::Normal);
}

// ---------------------------------------------------------------------------------------------
// rfm-segments.md §1 segment map, §2 value matrix

TEST(Segment, EveryCellOfTheSpecTable)
{
    using enum Segment;
    // The spec's table as printed: rows R = 5 down to 1, columns F = 1 … 5.
    const std::array<std::array<Segment, 5>, 5> table{{
        {NewCustomers, PotentialLoyalists, PotentialLoyalists, Champions, Champions},        // R 5
        {Promising, PotentialLoyalists, PotentialLoyalists, LoyalCustomers, LoyalCustomers}, // R 4
        {AboutToSleep, AboutToSleep, NeedAttention, LoyalCustomers, LoyalCustomers},         // R 3
        {Hibernating, Hibernating, AtRisk, AtRisk, CantLoseThem},                            // R 2
        {Hibernating, Hibernating, AtRisk, AtRisk, CantLoseThem},                            // R 1
    }};
    const Settings s;
    for (int r = 1; r <= 5; ++r)
        for (int f = 1; f <= 5; ++f)
            EXPECT_EQ(segment(r, f, s), table[5 - r][f - 1]) << "R=" << r << " F=" << f;
}

TEST(Segment, ReadsTheTeamsEditedMap)
{
    // segmentMap[r - 1][f - 1]: editing R = 5, F = 1 must not change R = 1, F = 5.
    Settings s;
    s.segmentMap[4][0] = Segment::Champions;
    EXPECT_EQ(segment(5, 1, s), Segment::Champions);
    EXPECT_EQ(segment(1, 5, s), Segment::CantLoseThem);
}

TEST(ValueMatrix, EveryRowWithScoreFourHighAndThreeLow)
{
    const Settings s;
    EXPECT_EQ(matrix(4, 4, 4, s), Matrix::ImportantValue);
    EXPECT_EQ(matrix(4, 3, 4, s), Matrix::ImportantDevelop);
    EXPECT_EQ(matrix(3, 4, 4, s), Matrix::ImportantRetain);
    EXPECT_EQ(matrix(3, 3, 4, s), Matrix::ImportantWinBack);
    EXPECT_EQ(matrix(4, 4, 3, s), Matrix::GeneralValue);
    EXPECT_EQ(matrix(4, 3, 3, s), Matrix::GeneralDevelop);
    EXPECT_EQ(matrix(3, 4, 3, s), Matrix::GeneralRetain);
    EXPECT_EQ(matrix(3, 3, 3, s), Matrix::GeneralWinBack);
}

TEST(ValueMatrix, ExtremesOfTheScale)
{
    const Settings s;
    EXPECT_EQ(matrix(5, 5, 5, s), Matrix::ImportantValue);
    EXPECT_EQ(matrix(1, 1, 1, s), Matrix::GeneralWinBack);
    EXPECT_EQ(matrix(5, 1, 1, s), Matrix::GeneralDevelop);
    EXPECT_EQ(matrix(1, 5, 1, s), Matrix::GeneralRetain);
    EXPECT_EQ(matrix(1, 1, 5, s), Matrix::ImportantWinBack);
}

TEST(ValueMatrix, HonoursRfmHighFrom)
{
    Settings s;
    s.rfmHighFrom = 3;
    EXPECT_EQ(matrix(3, 3, 3, s), Matrix::ImportantValue);
    EXPECT_EQ(matrix(2, 3, 3, s), Matrix::ImportantRetain);
    s.rfmHighFrom = 5;
    EXPECT_EQ(matrix(4, 4, 4, s), Matrix::GeneralWinBack);
    EXPECT_EQ(matrix(5, 4, 5, s), Matrix::ImportantDevelop);
}

// ---------------------------------------------------------------------------------------------
// §9 Intent grade, MAN and demotion

TEST(Grade, MansYesCountSuggestsTheGrade)
{
    EXPECT_EQ(suggestedGrade(Man{true, true, true}), Grade::A);
    EXPECT_EQ(suggestedGrade(Man{true, true, false}), Grade::B);
    EXPECT_EQ(suggestedGrade(Man{false, true, true}), Grade::B);
    EXPECT_EQ(suggestedGrade(Man{false, false, true}), Grade::C);
    EXPECT_EQ(suggestedGrade(Man{false, false, false}), Grade::D);
}

TEST(Grade, UnknownAnswersCountAsNotYes)
{
    EXPECT_EQ(suggestedGrade(Man{true, std::nullopt, true}), Grade::B);
    EXPECT_EQ(suggestedGrade(Man{std::nullopt, std::nullopt, true}), Grade::C);
    // One answer, and it is no: 0 yes with answers → D.
    EXPECT_EQ(suggestedGrade(Man{std::nullopt, false, std::nullopt}), Grade::D);
}

TEST(Grade, NoAnswersNoGrade)
{
    EXPECT_FALSE(suggestedGrade(Man{}).has_value());
}

TEST(Grade, HandSetGradeWinsOverMan)
{
    CustomerFacts f = prospect(1);
    f.grade = Grade::C;
    f.gradeSetAt = ago(5);
    f.man = Man{true, true, true};
    const std::vector<CustomerFacts> facts{f};
    const classify::Run run = classify::run(facts, Settings{}, T);
    EXPECT_EQ(run.rows[0].grade, Grade::C);
    EXPECT_FALSE(run.rows[0].gradeSuggested);
}

TEST(Grade, ManSuggestsTheGradeWhenNoneWasSet)
{
    CustomerFacts withMan = prospect(1);
    withMan.man = Man{true, true, false};
    const std::vector<CustomerFacts> facts{withMan, prospect(2)};
    const classify::Run run = classify::run(facts, Settings{}, T);
    EXPECT_EQ(run.rows[0].grade, Grade::B);
    EXPECT_TRUE(run.rows[0].gradeSuggested);
    EXPECT_FALSE(run.rows[1].grade.has_value());
    EXPECT_FALSE(run.rows[1].gradeSuggested);
}

namespace {
CustomerFacts graded(Grade g, int setDaysAgo)
{
    CustomerFacts f = prospect(1);
    f.grade = g;
    f.gradeSetAt = ago(setDaysAgo);
    return f;
}
} // namespace

TEST(Demotion, SHeldThirtyDaysWithoutAnOrderSuggestsA)
{
    EXPECT_EQ(demotion(graded(Grade::S, 30), Settings{}, T), Grade::A);
}

TEST(Demotion, SHeldTwentyNineDaysIsKept)
{
    EXPECT_FALSE(demotion(graded(Grade::S, 29), Settings{}, T).has_value());
}

TEST(Demotion, AnOrderOnTheDayTheGradeWasSetCountsAsSince)
{
    CustomerFacts f = graded(Grade::S, 40);
    f.firstOrder = f.lastOrder = f.gradeSetAt;
    f.ordersTotal = f.frequency = 1;
    EXPECT_FALSE(demotion(f, Settings{}, T).has_value());
}

TEST(Demotion, AnOrderAfterTheGradeWasSetKeepsIt)
{
    CustomerFacts f = graded(Grade::A, 40);
    f.firstOrder = f.lastOrder = ago(35);
    f.ordersTotal = f.frequency = 1;
    EXPECT_FALSE(demotion(f, Settings{}, T).has_value());
}

TEST(Demotion, AnOrderBeforeTheGradeWasSetDoesNotCount)
{
    CustomerFacts f = graded(Grade::S, 40);
    f.firstOrder = f.lastOrder = ago(41);
    f.ordersTotal = f.frequency = 1;
    EXPECT_EQ(demotion(f, Settings{}, T), Grade::A);
}

TEST(Demotion, AHeldThirtyDaysSuggestsB)
{
    EXPECT_EQ(demotion(graded(Grade::A, 30), Settings{}, T), Grade::B);
    EXPECT_FALSE(demotion(graded(Grade::A, 29), Settings{}, T).has_value());
}

TEST(Demotion, BWithoutAReachedCallInThirtyDaysSuggestsC)
{
    CustomerFacts f = graded(Grade::B, 100);
    f.lastReachedCall = ago(31);
    f.lastContact = ago(31);
    EXPECT_EQ(demotion(f, Settings{}, T), Grade::C);
}

TEST(Demotion, BReachedExactlyThirtyDaysAgoSuggestsC)
{
    // Reading of "no reached call in 30 days": the last 30 days are T-30 < d <= T, like the window W
    // of §1 (and like "held for 30 days", which demotes at exactly 30). A call on T-30 is outside.
    CustomerFacts f = graded(Grade::B, 100);
    f.lastReachedCall = f.lastContact = ago(30);
    EXPECT_EQ(demotion(f, Settings{}, T), Grade::C);
}

TEST(Demotion, BReachedTwentyNineDaysAgoIsKept)
{
    CustomerFacts f = graded(Grade::B, 100);
    f.lastReachedCall = f.lastContact = ago(29);
    EXPECT_FALSE(demotion(f, Settings{}, T).has_value());
}

TEST(Demotion, BCalledButNeverReachedSuggestsC)
{
    // Unanswered calls do not count: only a reached call keeps B.
    CustomerFacts f = graded(Grade::B, 100);
    f.lastContact = ago(1);
    EXPECT_EQ(demotion(f, Settings{}, T), Grade::C);
}

TEST(Demotion, CAndDAreNeverDemoted)
{
    EXPECT_FALSE(demotion(graded(Grade::C, 400), Settings{}, T).has_value());
    EXPECT_FALSE(demotion(graded(Grade::D, 400), Settings{}, T).has_value());
}

TEST(Demotion, UnknownGradeDateNeverDemotesSOrA)
{
    CustomerFacts s = graded(Grade::S, 400);
    s.gradeSetAt = QDate();
    CustomerFacts a = graded(Grade::A, 400);
    a.gradeSetAt = QDate();
    EXPECT_FALSE(demotion(s, Settings{}, T).has_value());
    EXPECT_FALSE(demotion(a, Settings{}, T).has_value());
}

TEST(Demotion, SuggestedGradesAreNotDemoted)
{
    CustomerFacts f = prospect(1);
    f.man = Man{true, true, true}; // suggests A, but nobody set it
    EXPECT_FALSE(demotion(f, Settings{}, T).has_value());
}

TEST(Demotion, HonoursDemoteAfterDays)
{
    Settings s;
    s.demoteAfterDays = 10;
    EXPECT_EQ(demotion(graded(Grade::S, 10), s, T), Grade::A);
    EXPECT_FALSE(demotion(graded(Grade::S, 9), s, T).has_value());
}

TEST(Demotion, RunSuggestsButNeverApplies)
{
    const std::vector<CustomerFacts> facts{graded(Grade::S, 30)};
    const classify::Run run = classify::run(facts, Settings{}, T);
    EXPECT_EQ(run.rows[0].grade, Grade::S);
    EXPECT_EQ(run.rows[0].demoteTo, Grade::A);
    EXPECT_EQ(run.rows[0].priorityClass, 0);
}

// ---------------------------------------------------------------------------------------------
// §10 Cadence and follow-up

TEST(Cadence, ByGrade)
{
    const Settings s;
    EXPECT_EQ(cadence(Grade::S, false, ValueTier::D, s), 1);
    EXPECT_EQ(cadence(Grade::A, false, ValueTier::D, s), 3);
    EXPECT_EQ(cadence(Grade::B, false, ValueTier::D, s), 5);
    EXPECT_EQ(cadence(Grade::C, false, ValueTier::D, s), 30);
    EXPECT_EQ(cadence(Grade::D, false, ValueTier::D, s), 90);
}

TEST(Cadence, GradeWinsOverValueTier)
{
    EXPECT_EQ(cadence(Grade::D, true, ValueTier::A, Settings{}), 90);
    EXPECT_EQ(cadence(Grade::S, true, ValueTier::D, Settings{}), 1);
}

TEST(Cadence, BuyerWithoutGradeByValueTier)
{
    const Settings s;
    EXPECT_EQ(cadence(std::nullopt, true, ValueTier::A, s), 14);
    EXPECT_EQ(cadence(std::nullopt, true, ValueTier::B, s), 30);
    EXPECT_EQ(cadence(std::nullopt, true, ValueTier::C, s), 60);
    EXPECT_EQ(cadence(std::nullopt, true, ValueTier::D, s), 90);
}

TEST(Cadence, ProspectWithoutGradeIsThirtyNotTierD)
{
    EXPECT_EQ(cadence(std::nullopt, false, ValueTier::D, Settings{}), 30);
}

namespace {
CustomerFacts contacted(int lastContactDaysAgo)
{
    CustomerFacts f = prospect(1);
    f.lastContact = ago(lastContactDaysAgo);
    return f;
}
} // namespace

TEST(FollowUp, SetFollowUpIsTheDueDateEvenInTheFuture)
{
    CustomerFacts f = contacted(2);
    f.followUp = T.addDays(10);
    const FollowUp fu = planFollowUp(f, Grade::A, ValueTier::D, Lifecycle::Prospect, Settings{});
    EXPECT_EQ(fu.due, T.addDays(10));
    EXPECT_EQ(fu.reason.kind, DueReason::Kind::FollowUpSet);
    EXPECT_EQ(fu.reason.date, T.addDays(10));
}

TEST(FollowUp, SetFollowUpWinsEvenWhenEarlierThanTheCadence)
{
    // Grade D would give T-2 + 90; the salesperson asked for T-1.
    CustomerFacts f = contacted(2);
    f.followUp = ago(1);
    const FollowUp fu = planFollowUp(f, Grade::D, ValueTier::D, Lifecycle::Prospect, Settings{});
    EXPECT_EQ(fu.due, ago(1));
    EXPECT_EQ(fu.reason.kind, DueReason::Kind::FollowUpSet);
}

TEST(FollowUp, SetFollowUpWinsOverWinBack)
{
    CustomerFacts f = buyer(1, 200, 0, 0);
    f.lastContact = ago(2);
    f.followUp = T.addDays(20);
    const FollowUp fu = planFollowUp(f, Grade::C, ValueTier::D, Lifecycle::Decline, Settings{});
    EXPECT_EQ(fu.due, T.addDays(20));
    EXPECT_EQ(fu.reason.kind, DueReason::Kind::FollowUpSet);
}

TEST(FollowUp, LastContactPlusTheGradesCadence)
{
    const std::array<int, 5> days{1, 3, 5, 30, 90};
    for (int g = 0; g < 5; ++g) {
        SCOPED_TRACE(g);
        const FollowUp fu =
            planFollowUp(contacted(10), Grade(g), ValueTier::D, Lifecycle::Prospect, Settings{});
        EXPECT_EQ(fu.due, ago(10).addDays(days[g]));
        EXPECT_EQ(fu.reason.kind, DueReason::Kind::GradeCadence);
        EXPECT_EQ(fu.reason.cadenceDays, days[g]);
        EXPECT_EQ(fu.reason.grade, Grade(g));
        EXPECT_EQ(fu.reason.date, ago(10));
    }
}

TEST(FollowUp, BuyerWithoutGradeByValueTier)
{
    const std::array<int, 4> days{14, 30, 60, 90};
    for (int t = 0; t < 4; ++t) {
        SCOPED_TRACE(t);
        CustomerFacts f = buyer(1, 20, 1, 100);
        f.lastContact = ago(10);
        const FollowUp fu = planFollowUp(f, std::nullopt, ValueTier(t), Lifecycle::Mature, Settings{});
        EXPECT_EQ(fu.due, ago(10).addDays(days[t]));
        EXPECT_EQ(fu.reason.kind, DueReason::Kind::TierCadence);
        EXPECT_EQ(fu.reason.cadenceDays, days[t]);
        EXPECT_EQ(fu.reason.tier, ValueTier(t));
    }
}

TEST(FollowUp, ProspectWithoutGradeEveryThirtyDays)
{
    const FollowUp fu =
        planFollowUp(contacted(10), std::nullopt, ValueTier::D, Lifecycle::Prospect, Settings{});
    EXPECT_EQ(fu.due, ago(10).addDays(30));
    EXPECT_EQ(fu.reason.kind, DueReason::Kind::DefaultCadence);
    EXPECT_EQ(fu.reason.cadenceDays, 30);
}

TEST(FollowUp, DeclineIsCalledAtLeastWeekly)
{
    // Grade C: min(30, 7) = 7.
    CustomerFacts f = buyer(1, 200, 0, 0);
    f.lastContact = ago(10);
    const FollowUp fu = planFollowUp(f, Grade::C, ValueTier::D, Lifecycle::Decline, Settings{});
    EXPECT_EQ(fu.due, ago(3));
    EXPECT_EQ(fu.reason.kind, DueReason::Kind::WinBack);
    EXPECT_EQ(fu.reason.cadenceDays, 7);
}

TEST(FollowUp, DecliningBuyerWithoutGradeWinBack)
{
    // Tier D buyer: min(90, 7) = 7.
    CustomerFacts f = buyer(1, 200, 0, 0);
    f.lastContact = ago(10);
    const FollowUp fu = planFollowUp(f, std::nullopt, ValueTier::D, Lifecycle::Decline, Settings{});
    EXPECT_EQ(fu.due, ago(3));
    EXPECT_EQ(fu.reason.kind, DueReason::Kind::WinBack);
}

TEST(FollowUp, WinBackNeverLengthensAShorterCadence)
{
    // Grade S: min(1, 7) = 1. The reason is still win-back with every 1 day (DueReason documents
    // WinBack's cadence as "≤ the win-back cadence").
    CustomerFacts f = buyer(1, 200, 0, 0);
    f.lastContact = ago(10);
    const FollowUp fu = planFollowUp(f, Grade::S, ValueTier::D, Lifecycle::Decline, Settings{});
    EXPECT_EQ(fu.due, ago(9));
    EXPECT_EQ(fu.reason.cadenceDays, 1);
    EXPECT_EQ(fu.reason.kind, DueReason::Kind::WinBack);
}

TEST(FollowUp, NeverCalledIsDueFromCreation)
{
    CustomerFacts f = prospect(1);
    f.createdAt = ago(50);
    const FollowUp fu = planFollowUp(f, Grade::A, ValueTier::D, Lifecycle::Prospect, Settings{});
    EXPECT_EQ(fu.due, ago(50));
    EXPECT_EQ(fu.reason.kind, DueReason::Kind::NeverContacted);
}

TEST(FollowUp, CreatedAfterTIsDueOnCreation)
{
    CustomerFacts f = prospect(1);
    f.createdAt = T.addDays(5);
    const FollowUp fu = planFollowUp(f, std::nullopt, ValueTier::D, Lifecycle::Prospect, Settings{});
    EXPECT_EQ(fu.due, T.addDays(5));
}

TEST(FollowUp, CreatedAfterTIsNotDueBeforeCreationEvenWithOlderCalls)
{
    // Calls imported with dates before the customer was created: T-10 + 3 = T-7 would be due,
    // but a customer created on T+5 is not due before T+5 (§1).
    CustomerFacts f = contacted(10);
    f.createdAt = T.addDays(5);
    const FollowUp fu = planFollowUp(f, Grade::A, ValueTier::D, Lifecycle::Prospect, Settings{});
    EXPECT_EQ(fu.due, T.addDays(5));
}

TEST(FollowUp, RunUsesTheSuggestedGradesCadence)
{
    // No hand grade, MAN 3 yes → grade A (§9) → every 3 days: T-10 + 3 = T-7, class 1.
    CustomerFacts f = contacted(10);
    f.man = Man{true, true, true};
    const std::vector<CustomerFacts> facts{f};
    const classify::Run run = classify::run(facts, Settings{}, T);
    EXPECT_EQ(run.rows[0].due, ago(7));
    EXPECT_EQ(run.rows[0].priorityClass, 1);
}

TEST(FollowUp, RunAppliesWinBackToDecliningCustomers)
{
    // A single buyer whose only order was 200 days ago: in W, so monetary 300 > 0, n = 1 → tier A
    // (cadence 14); recency 200 >= 180 → decline → min(14, 7) = 7; last contact T-20 → due T-13.
    CustomerFacts f = buyer(1, 200, 1, 300);
    f.spendPrev = 300;
    f.lastContact = ago(20);
    const std::vector<CustomerFacts> facts{f};
    const classify::Run run = classify::run(facts, Settings{}, T);
    EXPECT_EQ(run.rows[0].lifecycle, Lifecycle::Decline);
    EXPECT_EQ(run.rows[0].valueTier, ValueTier::A);
    EXPECT_EQ(run.rows[0].due, ago(13));
    EXPECT_EQ(run.rows[0].reason.kind, DueReason::Kind::WinBack);
}

// ---------------------------------------------------------------------------------------------
// §10 Priority class and the queue

TEST(PriorityClass, ByGrade)
{
    EXPECT_EQ(priorityClass(Grade::S, false, ValueTier::D), 0);
    EXPECT_EQ(priorityClass(Grade::A, false, ValueTier::D), 1);
    EXPECT_EQ(priorityClass(Grade::B, false, ValueTier::D), 2);
    EXPECT_EQ(priorityClass(Grade::C, false, ValueTier::D), 3);
    EXPECT_EQ(priorityClass(Grade::D, false, ValueTier::D), 4);
}

TEST(PriorityClass, BuyerWithoutGradeTakesItsTiersClass)
{
    EXPECT_EQ(priorityClass(std::nullopt, true, ValueTier::A), 1);
    EXPECT_EQ(priorityClass(std::nullopt, true, ValueTier::B), 2);
    EXPECT_EQ(priorityClass(std::nullopt, true, ValueTier::C), 3);
    EXPECT_EQ(priorityClass(std::nullopt, true, ValueTier::D), 4);
}

TEST(PriorityClass, GradeWinsOverTier)
{
    EXPECT_EQ(priorityClass(Grade::D, true, ValueTier::A), 4);
}

TEST(PriorityClass, ProspectWithoutGradeIsFive)
{
    EXPECT_EQ(priorityClass(std::nullopt, false, ValueTier::D), 5);
}

TEST(PriorityClass, RunFillsTheClass)
{
    CustomerFacts gradeS = prospect(2);
    gradeS.grade = Grade::S;
    gradeS.gradeSetAt = ago(1);
    // id 1: the only spender → tier A → class 1; id 2: grade S → 0; id 3: prospect → 5;
    // id 4: buyer with monetary 0 → tier D → 4.
    const std::vector<CustomerFacts> facts{buyer(1, 10, 1, 100), gradeS, prospect(3), buyer(4, 400, 0, 0)};
    const classify::Run run = classify::run(facts, Settings{}, T);
    EXPECT_EQ(run.rows[0].priorityClass, 1);
    EXPECT_EQ(run.rows[1].priorityClass, 0);
    EXPECT_EQ(run.rows[2].priorityClass, 5);
    EXPECT_EQ(run.rows[3].priorityClass, 4);
}

namespace {
Classification queued(CustomerId id, int priority, QDate due, Cents monetary)
{
    Classification c;
    c.id = id;
    c.priorityClass = priority;
    c.due = due;
    c.monetary = monetary;
    return c;
}
} // namespace

TEST(Queue, OrdersByClassOverdueMonetaryThenId)
{
    const std::vector<Classification> rows{
        queued(50, 2, ago(1), 100),      // 0: class 2 — after every class-1 row despite 1 day overdue
        queued(40, 1, ago(1), 100),      // 1: ties with 4 on class, overdue, monetary → id 40 after 10
        queued(30, 1, ago(5), 100),      // 2: most overdue of class 1
        queued(20, 1, ago(1), 900),      // 3: more monetary than 1 and 4
        queued(10, 1, ago(1), 100),      // 4
        queued(5, 1, T.addDays(1), 999), // 5: not due yet
        queued(1, 0, ago(3), 100),       // 6: archived
        queued(60, 1, T, 5000),          // 7: due today, 0 overdue: monetary does not beat overdue
    };
    const std::array<bool, 8> archived{false, false, false, false, false, false, true, false};
    const std::vector<QueueEntry> q = queue(rows, archived, T);
    std::vector<std::size_t> order;
    std::vector<qint64> overdue;
    for (const QueueEntry &e : q) {
        order.push_back(e.index);
        overdue.push_back(e.daysOverdue);
    }
    EXPECT_EQ(order, (std::vector<std::size_t>{2, 3, 4, 1, 7, 0}));
    EXPECT_EQ(overdue, (std::vector<qint64>{5, 1, 1, 1, 0, 1}));
}

TEST(Queue, QueueBeforeIsAStrictOrder)
{
    const Classification a = queued(10, 1, ago(1), 100);
    const Classification b = queued(40, 1, ago(1), 100);
    EXPECT_FALSE(queueBefore(a, 1, a, 1));
    EXPECT_TRUE(queueBefore(a, 1, b, 1));
    EXPECT_FALSE(queueBefore(b, 1, a, 1));
    EXPECT_TRUE(queueBefore(b, 2, a, 1)); // more overdue first
}

TEST(Queue, CustomerCreatedAfterTIsNotQueued)
{
    CustomerFacts future = prospect(1);
    future.createdAt = T.addDays(5);
    CustomerFacts past = prospect(2);
    past.createdAt = ago(5);
    const std::vector<CustomerFacts> facts{future, past};
    const classify::Run run = classify::run(facts, Settings{}, T);
    EXPECT_EQ(run.rows[0].due, T.addDays(5));
    const std::array<bool, 2> archived{false, false};
    const std::vector<QueueEntry> q = queue(run.rows, archived, T);
    ASSERT_EQ(q.size(), 1u);
    EXPECT_EQ(q[0].index, 1u);
    EXPECT_EQ(q[0].daysOverdue, 5);
}

// ---------------------------------------------------------------------------------------------
// Whole runs

TEST(Run, EmptyInputGivesAnEmptySummary)
{
    const classify::Run run = classify::run(std::span<const CustomerFacts>{}, Settings{}, T);
    EXPECT_TRUE(run.rows.empty());
    EXPECT_EQ(run.summary.customers, 0);
    EXPECT_EQ(run.summary.buyers, 0);
    EXPECT_EQ(run.summary.spenders, 0);
    EXPECT_EQ(run.summary.repeatBuyers, 0);
    EXPECT_EQ(run.summary.tierACutoff, 0);
    EXPECT_EQ(run.summary.tierBCutoff, 0);
    EXPECT_EQ(run.summary.countByTier, (std::array<int, 4>{}));
    EXPECT_EQ(run.summary.monetaryByTier, (std::array<Cents, 4>{}));
}

TEST(Run, NobodyBought)
{
    CustomerFacts called = prospect(2);
    called.lastContact = ago(10);
    const std::vector<CustomerFacts> facts{prospect(1), called, prospect(3)};
    const classify::Run run = classify::run(facts, Settings{}, T);
    for (const Classification &c : run.rows) {
        EXPECT_EQ(c.valueTier, ValueTier::D);
        EXPECT_EQ(c.valueRank, 0);
        EXPECT_EQ(c.lifecycle, Lifecycle::Prospect);
        EXPECT_FALSE(c.r.has_value());
        EXPECT_EQ(c.priorityClass, 5);
    }
    EXPECT_EQ(run.rows[0].engagement, Engagement::Silent);
    EXPECT_EQ(run.rows[1].engagement, Engagement::Active);
    // Never called → due at creation; called 10 days ago → +30.
    EXPECT_EQ(run.rows[0].due, ago(1000));
    EXPECT_EQ(run.rows[1].due, T.addDays(20));
    EXPECT_EQ(run.summary.customers, 3);
    EXPECT_EQ(run.summary.buyers, 0);
    EXPECT_EQ(run.summary.spenders, 0);
    EXPECT_EQ(run.summary.tierACutoff, 0);
    EXPECT_EQ(run.summary.tierBCutoff, 0);
    EXPECT_EQ(run.summary.countByTier, (std::array<int, 4>{0, 0, 0, 3}));
}

TEST(Run, TagRulesTagInRuleOrderAndBrokenRulesAreSkipped)
{
    // Money in tag rules is written in currency units: 1000 = 100'000 cents.
    Settings s;
    s.tagRules = {{QStringLiteral("big"), QStringLiteral("monetary >= 1000")},
                  {QStringLiteral("broken"), QStringLiteral("monetary >=")},
                  {QStringLiteral("buyer"), QStringLiteral("orders_total >= 1")}};
    const std::vector<CustomerFacts> facts{buyer(1, 10, 1, 100'000), buyer(2, 10, 1, 99'999), prospect(3)};
    const classify::Run run = classify::run(facts, s, T);
    EXPECT_EQ(run.rows[0].dynamicTags, (QStringList{QStringLiteral("big"), QStringLiteral("buyer")}));
    EXPECT_EQ(run.rows[1].dynamicTags, QStringList{QStringLiteral("buyer")});
    EXPECT_TRUE(run.rows[2].dynamicTags.isEmpty());
}

TEST(Run, ALargeRunOnBothCoresGivesEachCopyOfACustomerTheSameResults)
{
    // From 65,536 customers on, run() ranks and classifies on two threads (the second half of the
    // customers in this one). 10,000 copies of eight customers: each value of recency, frequency
    // and spend is shared by 10,000 buyers, so the scores are those of one copy (rank 1 +
    // 10,000 b of 70,000 gives 1 + ⌊5b / 7⌋, as rank 1 + b of 7 does) and the rank by spend
    // is 1 + 10,000 (k - 1) for the k-th highest spend. Cuts: A ⌈3,500⌉ = 3,500, B 14,000: the
    // highest spend is A (rank 1), the second B (10,001), the others C (20,001 …).
    Settings s;
    s.tagRules = {{QStringLiteral("big"), QStringLiteral("monetary >= 50")}};
    auto pattern = [](CustomerId id, int k) {
        // k = 0 … 6: buyers with 7000 … 1000 cents, bought 10 … 310 days ago, 1 … 4 orders;
        // k = 7: a prospect.
        if (k == 7)
            return prospect(id);
        return buyer(id, 10 + 50 * k, 1 + k % 4, Cents(7000 - 1000 * k), 1 + k % 4);
    };
    std::vector<CustomerFacts> one, many;
    for (int k = 0; k < 8; ++k)
        one.push_back(pattern(k + 1, k));
    for (int i = 0; i < 80'000; ++i)
        many.push_back(pattern(i + 1, i % 8));
    const classify::Run small = classify::run(one, s, T);
    const classify::Run large = classify::run(many, s, T);
    ASSERT_EQ(large.rows.size(), 80'000u);
    EXPECT_EQ(large.rows[0].valueTier, ValueTier::A);
    EXPECT_EQ(large.rows[0].valueRank, 1);
    EXPECT_EQ(large.rows[79'993].valueTier, ValueTier::B); // the last copy's second customer
    EXPECT_EQ(large.rows[79'993].valueRank, 10'001);
    EXPECT_EQ(large.rows[79'994].valueTier, ValueTier::C);
    EXPECT_EQ(large.rows[79'994].valueRank, 20'001);
    EXPECT_EQ(large.rows[79'999].valueTier, ValueTier::D);
    EXPECT_EQ(large.rows[79'999].valueRank, 0);
    for (std::size_t i = 0; i < large.rows.size(); ++i) {
        const Classification &a = large.rows[i];
        const Classification &e = small.rows[i % 8];
        ASSERT_EQ(a.id, CustomerId(i + 1));
        ASSERT_EQ(a.r, e.r) << i;
        ASSERT_EQ(a.f, e.f) << i;
        ASSERT_EQ(a.m, e.m) << i;
        ASSERT_EQ(a.valueTier, e.valueTier) << i;
        ASSERT_EQ(a.valueRank, e.valueRank > 0 ? 1 + 10'000 * (e.valueRank - 1) : 0) << i;
        ASSERT_EQ(a.recencyDays, e.recencyDays) << i;
        ASSERT_EQ(a.frequency, e.frequency) << i;
        ASSERT_EQ(a.monetary, e.monetary) << i;
        ASSERT_EQ(a.freqTier, e.freqTier) << i;
        ASSERT_EQ(a.loyalty, e.loyalty) << i;
        ASSERT_EQ(a.segment, e.segment) << i;
        ASSERT_EQ(a.matrix, e.matrix) << i;
        ASSERT_EQ(a.lifecycle, e.lifecycle) << i;
        ASSERT_EQ(a.engagement, e.engagement) << i;
        ASSERT_EQ(a.due, e.due) << i;
        ASSERT_TRUE(a.reason == e.reason) << i;
        ASSERT_EQ(a.priorityClass, e.priorityClass) << i;
        ASSERT_EQ(a.dynamicTags, e.dynamicTags) << i;
    }
    // The tag: spend of 50 or more (5000 cents): the first three of each copy.
    EXPECT_EQ(large.rows[40'002].dynamicTags, QStringList{QStringLiteral("big")});
    EXPECT_TRUE(large.rows[40'003].dynamicTags.isEmpty());
    // Totals: the two halves' counts added up. Repeat buyers (2 or more orders): k = 1, 2, 3, 5, 6.
    const Summary &sum = large.summary;
    EXPECT_EQ(sum.customers, 80'000);
    EXPECT_EQ(sum.buyers, 70'000);
    EXPECT_EQ(sum.spenders, 70'000);
    EXPECT_EQ(sum.repeatBuyers, 50'000);
    EXPECT_EQ(sum.tierACutoff, 3'500);
    EXPECT_EQ(sum.tierBCutoff, 14'000);
    EXPECT_EQ(sum.countByTier, (std::array<int, 4>{10'000, 10'000, 50'000, 10'000}));
    // C: 5000 + 4000 + 3000 + 2000 + 1000 cents a copy.
    EXPECT_EQ(sum.monetaryByTier, (std::array<Cents, 4>{70'000'000, 60'000'000, 150'000'000, 0}));
}

TEST(Classifier, GivesTheRanksAndTiersOfEachCustomerWithoutTheRules)
{
    // n = 5 spenders and a prospect: A cut ⌈0.25⌉ = 1, B cut ⌈1.0⌉ = 1; ranks by spend
    // descending 1, 5, 2, 4, 3; the prospect is D, unranked.
    std::vector<CustomerFacts> facts = spenders({500, 100, 400, 200, 300});
    facts.push_back(prospect(6));
    const classify::Classifier classifier(facts, Settings{}, T);
    ASSERT_EQ(classifier.size(), 6u);
    const std::vector<int> ranks{1, 5, 2, 4, 3, 0};
    const std::vector<ValueTier> tiers{ValueTier::A, ValueTier::C, ValueTier::C,
                                       ValueTier::C, ValueTier::C, ValueTier::D};
    for (std::size_t i = 0; i < 6; ++i) {
        EXPECT_EQ(classifier.valueRank(i), ranks[i]) << i;
        EXPECT_EQ(classifier.valueTier(i), tiers[i]) << i;
    }
    const classify::Summary &s = classifier.summary();
    EXPECT_EQ(s.customers, 6);
    EXPECT_EQ(s.buyers, 5);
    EXPECT_EQ(s.spenders, 5);
    EXPECT_EQ(s.tierACutoff, 1);
    EXPECT_EQ(s.tierBCutoff, 1);
    EXPECT_EQ(s.countByTier, (std::array<int, 4>{1, 0, 4, 1}));
    EXPECT_EQ(s.monetaryByTier, (std::array<Cents, 4>{500, 0, 1000, 0}));
}

TEST(Classifier, WorksOutEachRowAsItIsAskedFor)
{
    // Monetary ascending 100 < 200 < … : M scores (n = 5, 1 + ⌊5(rank − 1)/5⌋) 5, 1, 4, 2, 3;
    // all bought once 10 days ago: R and F 1. Tags as in run().
    Settings s;
    s.tagRules = {{QStringLiteral("big"), QStringLiteral("monetary >= 4")},
                  {QStringLiteral("top"), QStringLiteral("value_tier = A")}};
    std::vector<CustomerFacts> facts = spenders({500, 100, 400, 200, 300});
    facts.push_back(prospect(6));
    const classify::Classifier classifier(facts, s, T);
    // Asked out of order, and twice: each answer depends on the customer alone.
    for (std::size_t i : {5u, 2u, 0u, 2u}) {
        const Classification c = classifier.at(i);
        EXPECT_EQ(c.id, CustomerId(i + 1));
        EXPECT_EQ(c.monetary, facts[i].monetary);
    }
    const Classification first = classifier.at(0);
    EXPECT_EQ(first.r, 1);
    EXPECT_EQ(first.f, 1);
    EXPECT_EQ(first.m, 5);
    EXPECT_EQ(first.valueRank, 1);
    EXPECT_EQ(first.valueTier, ValueTier::A);
    EXPECT_EQ(first.recencyDays, 10);
    EXPECT_EQ(first.dynamicTags, (QStringList{QStringLiteral("big"), QStringLiteral("top")}));
    const Classification third = classifier.at(2);
    EXPECT_EQ(third.m, 4);
    EXPECT_EQ(third.valueTier, ValueTier::C);
    EXPECT_EQ(third.dynamicTags, QStringList{QStringLiteral("big")});
    const Classification last = classifier.at(5);
    EXPECT_FALSE(last.r);
    EXPECT_FALSE(last.recencyDays);
    EXPECT_EQ(last.valueTier, ValueTier::D);
    EXPECT_TRUE(last.dynamicTags.isEmpty());
    // And run() gives the same rows.
    const classify::Run run = classify::run(facts, s, T);
    for (std::size_t i = 0; i < facts.size(); ++i) {
        const Classification c = classifier.at(i);
        EXPECT_EQ(run.rows[i].m, c.m) << i;
        EXPECT_EQ(run.rows[i].due, c.due) << i;
        EXPECT_EQ(run.rows[i].reason, c.reason) << i;
        EXPECT_EQ(run.rows[i].dynamicTags, c.dynamicTags) << i;
    }
}
