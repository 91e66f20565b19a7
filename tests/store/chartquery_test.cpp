// The aggregates behind the managers' charts, on a hand-made team whose tiers, stages, scores and
// due dates are worked out by hand below.

#include "classify/classify.h"
#include "store/chartquery.h"
#include "store/database.h"
#include "store/repositories.h"
#include "storetests.h"
#include "support/testsupport.h"

#include <QDateTime>

#include <gtest/gtest.h>

using namespace tierdesk;
using tierdesk::test::date;

namespace {

constexpr std::size_t A = 0, B = 1, C = 2, D = 3;

/// As of 2026-06-30, with tier shares 0.25 / 0.50 so that four spenders make one A, one B and
/// two C (ranks: 1 → A, 2 → B, 3 and 4 → C):
///
/// id owner  orders (cents)                       calls                    tier stage    R F due   class
///  1 Li     03-01 50000, 06-01 100000            06-29                    A    growth   3 5 07-13  1
///  2 Li     06-20 80000                          never, created 06-05     B    new      4 2 06-05  2
///  3 Anna   2025-09-01 30000                     06-28, follow-up 07-02   C    decline  2 2 07-02  3
///  4 Anna   2024-01-01 20000 (outside window)    04-15 (+90 days)         D    lost     1 1 07-14  4
///  5 Li     none (prospect), created 06-10       never                    D    prospect – – 06-10  5
///  6 Anna   06-25 10000, archived                never, created 06-01     C    new      5 2 (archived)
///
/// R: recency 911, 302, 29, 10, 5 days → ranks 1…5 among five buyers → scores 1…5.
/// F: frequency 0 (id 4) → 1; 1 (ids 2, 3, 6, tied at rank 2) → 2; 2 (id 1, rank 5) → 5.
class ChartQueryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(db.openInMemory());
        classify::Settings settings;
        settings.tierAShareMillionths = 250'000;
        settings.tierBShareMillionths = 500'000;
        ASSERT_TRUE(store::SettingsRepository(db).save(settings));

        addCustomer(1, "Li", "2025-01-10");
        addCustomer(2, "Li", "2026-06-05");
        addCustomer(3, "Anna", "2025-01-10");
        addCustomer(4, "Anna", "2023-06-01");
        addCustomer(5, "Li", "2026-06-10");
        addCustomer(6, "Anna", "2026-06-01", /*archived=*/true);
        addOrder(1, "2026-03-01", 50000);
        addOrder(1, "2026-06-01", 100000);
        addOrder(2, "2026-06-20", 80000);
        addOrder(3, "2025-09-01", 30000);
        addOrder(4, "2024-01-01", 20000);
        addOrder(6, "2026-06-25", 10000);
        addCall(1, "2026-06-29");
        addCall(3, "2026-06-28", "2026-07-02");
        addCall(4, "2026-04-15");
    }

    void addCustomer(CustomerId id, const char *owner, const char *created, bool archived = false)
    {
        Customer c;
        c.id = id;
        c.name = QStringLiteral("Customer %1").arg(id);
        c.owner = QString::fromLatin1(owner);
        c.createdAt = date(created);
        c.archived = archived;
        ASSERT_TRUE(store::CustomerRepository(db).add(c));
    }
    void addOrder(CustomerId id, const char *when, Cents amount)
    {
        Order o;
        o.customerId = id;
        o.orderedAt = date(when);
        o.amount = amount;
        ASSERT_TRUE(store::OrderRepository(db).add(o));
    }
    void addCall(CustomerId id, const char *when, const char *followUp = nullptr)
    {
        Call c;
        c.customerId = id;
        c.calledAt = QDateTime(date(when), QTime(10, 0));
        c.outcome = Outcome::Reached;
        if (followUp)
            c.nextFollowUp = date(followUp);
        ASSERT_TRUE(store::CallRepository(db).add(c));
    }
    /// A full classification stored as of `day`: what io::classifyDatabase does, spelled out
    /// with the store's own pieces since this suite links the store only.
    void classifyAsOf(const char *day)
    {
        auto settings = store::SettingsRepository(db).load();
        ASSERT_TRUE(settings);
        auto facts = store::MetricsQuery(db).all(date(day), *settings);
        ASSERT_TRUE(facts);
        const classify::Run run = classify::run(*facts, *settings, date(day));
        ASSERT_TRUE(store::ClassificationStore(db).replace(*facts, run, 0));
    }

    store::Database db;
};

} // namespace

TEST_F(ChartQueryTest, PyramidCountsCustomersAndSpendPerTier)
{
    classifyAsOf("2026-06-30");
    auto p = store::ChartQuery(db).pyramid();
    ASSERT_TRUE(p) << p.error().message.toStdString();
    EXPECT_EQ(p->tiers[A].customers, 1);
    EXPECT_EQ(p->tiers[A].monetary, 150000);
    EXPECT_EQ(p->tiers[B].customers, 1);
    EXPECT_EQ(p->tiers[B].monetary, 80000);
    EXPECT_EQ(p->tiers[C].customers, 1); // id 6 is C too, but archived
    EXPECT_EQ(p->tiers[C].monetary, 30000);
    EXPECT_EQ(p->tiers[D].customers, 2);
    EXPECT_EQ(p->tiers[D].monetary, 0);
    EXPECT_EQ(p->customers(), 5);
    EXPECT_EQ(p->revenue(), 260000);
}

TEST_F(ChartQueryTest, PyramidOfOneOwnerCountsOnlyTheirCustomers)
{
    classifyAsOf("2026-06-30");
    auto p = store::ChartQuery(db, QStringLiteral("Anna")).pyramid();
    ASSERT_TRUE(p);
    EXPECT_EQ(p->tiers[A].customers, 0);
    EXPECT_EQ(p->tiers[B].customers, 0);
    EXPECT_EQ(p->tiers[C].customers, 1);
    EXPECT_EQ(p->tiers[C].monetary, 30000);
    EXPECT_EQ(p->tiers[D].customers, 1);
}

TEST_F(ChartQueryTest, PyramidOfAnEmptyDatabaseIsAllZero)
{
    store::Database empty;
    ASSERT_TRUE(empty.openInMemory());
    auto p = store::ChartQuery(empty).pyramid();
    ASSERT_TRUE(p);
    EXPECT_EQ(p->customers(), 0);
    EXPECT_EQ(p->revenue(), 0);
}

TEST_F(ChartQueryTest, LifecycleCountsEveryStageIncludingEmptyOnes)
{
    classifyAsOf("2026-06-30");
    auto l = store::ChartQuery(db).lifecycle();
    ASSERT_TRUE(l);
    EXPECT_EQ((*l)[std::size_t(Lifecycle::Prospect)], 1);
    EXPECT_EQ((*l)[std::size_t(Lifecycle::New)], 1); // id 2; id 6 is new but archived
    EXPECT_EQ((*l)[std::size_t(Lifecycle::Growth)], 1);
    EXPECT_EQ((*l)[std::size_t(Lifecycle::Mature)], 0);
    EXPECT_EQ((*l)[std::size_t(Lifecycle::Decline)], 1);
    EXPECT_EQ((*l)[std::size_t(Lifecycle::Lost)], 1);
}

TEST_F(ChartQueryTest, LifecycleOfOneOwner)
{
    classifyAsOf("2026-06-30");
    auto l = store::ChartQuery(db, QStringLiteral("Li")).lifecycle();
    ASSERT_TRUE(l);
    const store::LifecycleCounts expected{1, 1, 1, 0, 0, 0}; // ids 5, 2, 1
    EXPECT_EQ(*l, expected);
}

TEST_F(ChartQueryTest, RfmGridCountsBuyersByRecencyAndFrequency)
{
    classifyAsOf("2026-06-30");
    auto g = store::ChartQuery(db).rfmGrid();
    ASSERT_TRUE(g);
    std::array<std::array<qint64, 5>, 5> expected{};
    expected[3 - 1][5 - 1] = 1; // id 1
    expected[4 - 1][2 - 1] = 1; // id 2
    expected[2 - 1][2 - 1] = 1; // id 3
    expected[1 - 1][1 - 1] = 1; // id 4; id 6 (R 5, F 2) is archived; id 5 has no scores
    EXPECT_EQ(g->counts, expected);
    EXPECT_EQ(g->total(), 4);
}

TEST_F(ChartQueryTest, RfmGridOfOneOwner)
{
    classifyAsOf("2026-06-30");
    auto g = store::ChartQuery(db, QStringLiteral("Anna")).rfmGrid();
    ASSERT_TRUE(g);
    EXPECT_EQ(g->total(), 2);
    EXPECT_EQ(g->counts[1][1], 1);
    EXPECT_EQ(g->counts[0][0], 1);
}

TEST_F(ChartQueryTest, FollowUpLoadHasOneEntryPerDayFromToday)
{
    classifyAsOf("2026-06-30");
    auto f = store::ChartQuery(db).followUpLoad(date("2026-06-30"));
    ASSERT_TRUE(f);
    ASSERT_EQ(f->days.size(), 14u);
    EXPECT_EQ(f->days.front().day, date("2026-06-30"));
    EXPECT_EQ(f->days.back().day, date("2026-07-13"));
}

TEST_F(ChartQueryTest, FollowUpLoadCountsOverdueCustomersOnDayZero)
{
    classifyAsOf("2026-06-30");
    auto f = store::ChartQuery(db).followUpLoad(date("2026-06-30"));
    ASSERT_TRUE(f);
    const std::array<qint64, 6> today{0, 0, 1, 0, 0, 1}; // id 2 (tier B), id 5 (prospect)
    EXPECT_EQ(f->days[0].byClass, today);
    EXPECT_EQ(f->overdue, 2);
}

TEST_F(ChartQueryTest, FollowUpLoadPutsFutureDueDatesOnTheirDayAndStopsAfterTheLastDay)
{
    classifyAsOf("2026-06-30");
    auto f = store::ChartQuery(db).followUpLoad(date("2026-06-30"));
    ASSERT_TRUE(f);
    EXPECT_EQ(f->days[2].byClass[3], 1);  // id 3: follow-up set for 07-02, tier C
    EXPECT_EQ(f->days[13].byClass[1], 1); // id 1: 06-29 + 14 days, tier A
    // id 4 is due 07-14, one day after the window; id 6 is archived.
    EXPECT_EQ(f->total(), 4);
}

TEST_F(ChartQueryTest, FollowUpLoadLeavesArchivedCustomersOut)
{
    classifyAsOf("2026-06-30");
    // Archiving id 2 (due today) takes it off day 0.
    ASSERT_TRUE(store::CustomerRepository(db).setArchived(2, true));
    auto f = store::ChartQuery(db).followUpLoad(date("2026-06-30"));
    ASSERT_TRUE(f);
    EXPECT_EQ(f->days[0].total(), 1);
    EXPECT_EQ(f->overdue, 1);
}

TEST_F(ChartQueryTest, FollowUpLoadOfOneOwner)
{
    classifyAsOf("2026-06-30");
    auto f = store::ChartQuery(db, QStringLiteral("Anna")).followUpLoad(date("2026-06-30"));
    ASSERT_TRUE(f);
    EXPECT_EQ(f->total(), 1);
    EXPECT_EQ(f->days[2].byClass[3], 1);
    EXPECT_EQ(f->overdue, 0);
}

TEST_F(ChartQueryTest, FollowUpLoadHonoursTheNumberOfDays)
{
    classifyAsOf("2026-06-30");
    auto f = store::ChartQuery(db).followUpLoad(date("2026-06-30"), 3);
    ASSERT_TRUE(f);
    ASSERT_EQ(f->days.size(), 3u);
    EXPECT_EQ(f->total(), 3); // day 0: ids 2 and 5; day 2: id 3
}

TEST_F(ChartQueryTest, MigrationWithoutLastMonthsSnapshotSaysSo)
{
    classifyAsOf("2026-06-30");
    auto m = store::ChartQuery(db).migration(date("2026-06-30"));
    ASSERT_TRUE(m);
    EXPECT_FALSE(m->hasPrevious);
    EXPECT_EQ(m->previousMonth, QStringLiteral("2026-05"));
    EXPECT_EQ(m->stayed() + m->up() + m->down() + m->newcomers(), 0);
}

/// As of 2026-05-31 (orders after it ignored) the spenders are id 1 (50000) and id 3 (30000):
/// id 1 is A, id 3 is C, everyone else D. Id 7 arrives in June, after that classification.
class ChartQueryMigration : public ChartQueryTest {
protected:
    void SetUp() override
    {
        ChartQueryTest::SetUp();
        classifyAsOf("2026-05-31");
        addCustomer(7, "Li", "2026-06-15");
        classifyAsOf("2026-06-30");
    }
};

TEST_F(ChartQueryMigration, CountsMovesFromLastMonthsTierToTheCurrentOne)
{
    auto m = store::ChartQuery(db).migration(date("2026-06-30"));
    ASSERT_TRUE(m) << m.error().message.toStdString();
    ASSERT_TRUE(m->hasPrevious);
    std::array<std::array<qint64, 4>, 4> expected{};
    expected[A][A] = 1; // id 1
    expected[D][B] = 1; // id 2: first order in June
    expected[C][C] = 1; // id 3
    expected[D][D] = 2; // ids 4 and 5; id 6 (D → C) is archived
    EXPECT_EQ(m->moves, expected);
    EXPECT_EQ(m->up(), 1);
    EXPECT_EQ(m->down(), 0);
    EXPECT_EQ(m->stayed(), 4);
}

TEST_F(ChartQueryMigration, CountsCustomersWithoutLastMonthsSnapshotAsNew)
{
    auto m = store::ChartQuery(db).migration(date("2026-06-30"));
    ASSERT_TRUE(m);
    const std::array<qint64, 4> arrivals{0, 0, 0, 1}; // id 7, a prospect
    EXPECT_EQ(m->arrivals, arrivals);
    EXPECT_EQ(m->newcomers(), 1);
}

TEST_F(ChartQueryMigration, OfOneOwner)
{
    auto m = store::ChartQuery(db, QStringLiteral("Anna")).migration(date("2026-06-30"));
    ASSERT_TRUE(m);
    std::array<std::array<qint64, 4>, 4> expected{};
    expected[C][C] = 1; // id 3
    expected[D][D] = 1; // id 4
    EXPECT_EQ(m->moves, expected);
    EXPECT_EQ(m->newcomers(), 0);
}

TEST_F(ChartQueryMigration, ComparesWithTheMonthBeforeToday)
{
    // In August the previous month is July, of which there is no snapshot.
    auto m = store::ChartQuery(db).migration(date("2026-08-03"));
    ASSERT_TRUE(m);
    EXPECT_FALSE(m->hasPrevious);
    EXPECT_EQ(m->previousMonth, QStringLiteral("2026-07"));
}

TEST_F(ChartQueryMigration, ADowngradeCountsDown)
{
    // A refund empties id 1's spend: A last month, D now.
    addOrder(1, "2026-06-30", -150000);
    classifyAsOf("2026-06-30");
    auto m = store::ChartQuery(db).migration(date("2026-06-30"));
    ASSERT_TRUE(m);
    EXPECT_EQ(m->moves[A][D], 1);
    EXPECT_EQ(m->down(), 1);
}

TEST_F(ChartQueryTest, ACustomerDeletedBehindTheStoresBackLeavesTheNextMonthsSnapshot)
{
    // Deleted with the foreign keys off (as the sqlite3 shell does by default): the stored
    // classification keeps a row without a customer until the next run. Keeping May's tiers
    // when June is classified must not fail on it.
    classifyAsOf("2026-05-31");
    ASSERT_TRUE(db.exec("PRAGMA foreign_keys = OFF"));
    ASSERT_TRUE(db.exec("DELETE FROM customers WHERE id = 4"));
    ASSERT_TRUE(db.exec("PRAGMA foreign_keys = ON"));
    classifyAsOf("2026-06-30");
    auto m = store::ChartQuery(db).migration(date("2026-06-30"));
    ASSERT_TRUE(m) << m.error().message.toStdString();
    ASSERT_TRUE(m->hasPrevious);
    std::array<std::array<qint64, 4>, 4> expected{};
    expected[A][A] = 1; // id 1
    expected[D][B] = 1; // id 2
    expected[C][C] = 1; // id 3
    expected[D][D] = 1; // id 5; id 4 is gone from both months
    EXPECT_EQ(m->moves, expected);
    EXPECT_EQ(test::scalar(db, "SELECT count(*) FROM classification WHERE customer_id = 4"), 0);
    EXPECT_EQ(test::scalar(db, "SELECT count(*) FROM tier_snapshots WHERE month = '2026-05'"), 5);
}
