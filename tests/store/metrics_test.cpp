// The metrics pass (spec §1–§2): what is counted, in which window, and what is left out.

#include "store/database.h"
#include "store/repositories.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

using namespace tierdesk;
using tierdesk::test::date;

namespace {

class MetricsQueryTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(db.openInMemory()); }

    CustomerId customer(const char *created = "2024-01-01")
    {
        Customer c;
        c.name = QStringLiteral("王伟");
        c.createdAt = date(created);
        auto id = store::CustomerRepository(db).add(c);
        EXPECT_TRUE(id.has_value());
        return id.value_or(0);
    }

    void order(CustomerId id, const char *when, Cents amount)
    {
        Order o;
        o.customerId = id;
        o.orderedAt = date(when);
        o.amount = amount;
        ASSERT_TRUE(store::OrderRepository(db).add(o));
    }

    void call(CustomerId id, const char *when, Outcome outcome = Outcome::Reached,
              const char *followUp = nullptr, std::int64_t callId = 0)
    {
        Call c;
        c.id = callId;
        c.customerId = id;
        c.calledAt = QDateTime(date(std::string(when).substr(0, 10).c_str()),
                               QTime::fromString(QString::fromLatin1(when + 11), Qt::ISODate), Qt::UTC);
        c.outcome = outcome;
        if (followUp)
            c.nextFollowUp = date(followUp);
        ASSERT_TRUE(store::CallRepository(db).add(c));
    }

    classify::CustomerFacts facts(CustomerId id, const char *asOf = "2026-06-30")
    {
        auto f = store::MetricsQuery(db).one(id, date(asOf), settings);
        EXPECT_TRUE(f.has_value());
        return f.value_or(classify::CustomerFacts{});
    }

    store::Database db;
    classify::Settings settings;
};

} // namespace

TEST_F(MetricsQueryTest, ACustomerWithoutOrdersOrCallsHasEmptyFacts)
{
    const auto id = customer();
    const auto f = facts(id);
    EXPECT_EQ(f.id, id);
    EXPECT_EQ(f.createdAt, date("2024-01-01"));
    EXPECT_FALSE(f.firstOrder.isValid());
    EXPECT_FALSE(f.lastOrder.isValid());
    EXPECT_EQ(f.ordersTotal, 0);
    EXPECT_EQ(f.frequency, 0);
    EXPECT_EQ(f.monetary, 0);
    EXPECT_FALSE(f.lastContact.isValid());
    EXPECT_FALSE(f.isBuyer());
}

TEST_F(MetricsQueryTest, WindowIncludesTMinus364AndExcludesTMinus365)
{
    // T = 2026-06-30; T - 365 = 2025-06-30 (outside W), T - 364 = 2025-07-01 (inside).
    const auto id = customer();
    order(id, "2025-06-30", 10000);
    order(id, "2025-07-01", 2000);
    const auto f = facts(id);
    EXPECT_EQ(f.ordersTotal, 2);
    EXPECT_EQ(f.frequency, 1);
    EXPECT_EQ(f.monetary, 2000);
    EXPECT_EQ(f.firstOrder, date("2025-06-30"));
    EXPECT_EQ(f.lastOrder, date("2025-07-01"));
}

TEST_F(MetricsQueryTest, HalvesSplitAtTMinus180AndEndAtTMinus360)
{
    // H1: 2026-01-01 < d <= 2026-06-30 (T - 180 = 2026-01-01).
    // H0: 2025-07-05 < d <= 2026-01-01 (T - 360 = 2025-07-05).
    const auto id = customer();
    order(id, "2026-01-02", 100); // H1
    order(id, "2026-01-01", 200); // H0 (upper bound inclusive)
    order(id, "2025-07-06", 400); // H0
    order(id, "2025-07-05", 800); // neither half, still in W
    const auto f = facts(id);
    EXPECT_EQ(f.spendRecent, 100);
    EXPECT_EQ(f.spendPrev, 600);
    EXPECT_EQ(f.monetary, 1500);
}

TEST_F(MetricsQueryTest, RefundsReduceSumsButAreNotPurchases)
{
    const auto id = customer();
    order(id, "2026-06-01", 5000);
    order(id, "2026-06-20", -7000); // refund larger than the purchase
    order(id, "2026-06-25", 0);     // a zero amount is no purchase either
    const auto f = facts(id);
    EXPECT_EQ(f.ordersTotal, 1);
    EXPECT_EQ(f.frequency, 1);
    EXPECT_EQ(f.monetary, -2000);
    EXPECT_EQ(f.spendRecent, -2000);
    EXPECT_EQ(f.lastOrder, date("2026-06-01"));
}

TEST_F(MetricsQueryTest, ACustomerWithOnlyRefundsIsNotABuyer)
{
    const auto id = customer();
    order(id, "2026-06-01", -500);
    const auto f = facts(id);
    EXPECT_FALSE(f.isBuyer());
    EXPECT_EQ(f.monetary, -500);
    EXPECT_FALSE(f.lastOrder.isValid());
}

TEST_F(MetricsQueryTest, OrdersAndCallsAfterTAreIgnoredEntirely)
{
    const auto id = customer();
    order(id, "2026-06-30", 100);
    order(id, "2026-07-01", 99900);
    call(id, "2026-06-30T23:59:59", Outcome::NoAnswer);
    call(id, "2026-07-01T00:00:00", Outcome::Reached, "2026-07-05");
    const auto f = facts(id);
    EXPECT_EQ(f.ordersTotal, 1);
    EXPECT_EQ(f.monetary, 100);
    EXPECT_EQ(f.lastOrder, date("2026-06-30"));
    EXPECT_EQ(f.lastContact, date("2026-06-30"));
    EXPECT_EQ(f.lastOutcome, Outcome::NoAnswer);
    EXPECT_FALSE(f.followUp.isValid());
    EXPECT_FALSE(f.lastReachedCall.isValid());
}

TEST_F(MetricsQueryTest, TheLatestCallDecidesTheFollowUpEvenWithoutOne)
{
    const auto id = customer();
    call(id, "2026-06-10T10:00:00", Outcome::Reached, "2026-06-20");
    call(id, "2026-06-12T09:00:00", Outcome::Busy); // latest: sets no follow-up
    const auto f = facts(id);
    EXPECT_EQ(f.lastContact, date("2026-06-12"));
    EXPECT_FALSE(f.followUp.isValid());
    EXPECT_EQ(f.lastReachedCall, date("2026-06-10"));
}

TEST_F(MetricsQueryTest, CallsAtTheSameSecondAreBrokenByTheGreaterId)
{
    const auto id = customer();
    call(id, "2026-06-10T10:00:00", Outcome::Reached, "2026-06-25", 20);
    call(id, "2026-06-10T10:00:00", Outcome::Voicemail, "2026-06-15", 10);
    const auto f = facts(id);
    EXPECT_EQ(f.followUp, date("2026-06-25"));
    EXPECT_EQ(f.lastOutcome, Outcome::Reached);
}

TEST_F(MetricsQueryTest, AllReturnsEveryCustomerInIdOrderWithTheirOwnData)
{
    const auto a = customer();
    const auto b = customer("2025-01-01");
    const auto c = customer();
    order(c, "2026-05-01", 300);
    order(a, "2026-04-01", 100);
    call(b, "2026-06-01T08:00:00");
    auto all = store::MetricsQuery(db).all(date("2026-06-30"), settings);
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 3u);
    EXPECT_EQ((*all)[0].id, a);
    EXPECT_EQ((*all)[0].monetary, 100);
    EXPECT_EQ((*all)[1].id, b);
    EXPECT_EQ((*all)[1].monetary, 0);
    EXPECT_EQ((*all)[1].lastContact, date("2026-06-01"));
    EXPECT_EQ((*all)[2].id, c);
    EXPECT_EQ((*all)[2].monetary, 300);
    EXPECT_FALSE((*all)[2].lastContact.isValid());
}

TEST_F(MetricsQueryTest, AnEmptyDatabaseHasNoFacts)
{
    auto all = store::MetricsQuery(db).all(date("2026-06-30"), settings);
    ASSERT_TRUE(all);
    EXPECT_TRUE(all->empty());
}

TEST_F(MetricsQueryTest, OneForAnUnknownCustomerIsAnError)
{
    auto f = store::MetricsQuery(db).one(424242, date("2026-06-30"), settings);
    ASSERT_FALSE(f);
    EXPECT_FALSE(f.error().message.isEmpty());
}

TEST_F(MetricsQueryTest, WindowFollowsTheSettings)
{
    settings.windowDays = 30;
    settings.halfDays = 15;
    const auto id = customer();
    order(id, "2026-05-31", 100); // T - 30: outside a 30-day window
    order(id, "2026-06-01", 200); // T - 29: inside
    order(id, "2026-06-15", 400); // T - 15: H0
    order(id, "2026-06-16", 800); // T - 14: H1
    const auto f = facts(id);
    EXPECT_EQ(f.frequency, 3);
    EXPECT_EQ(f.monetary, 1400);
    EXPECT_EQ(f.spendRecent, 800);
    EXPECT_EQ(f.spendPrev, 600);
}
