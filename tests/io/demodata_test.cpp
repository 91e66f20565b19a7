// The demo database: deterministic, dated as of "today", and realistic enough that every tier, stage
// and list of the app has something to show.

#include "classify/classify.h"
#include "classify/dupkeys.h"
#include "io/demodata.h"
#include "store/bulk.h"
#include "store/chartquery.h"
#include "store/database.h"
#include "store/repositories.h"
#include "support/testsupport.h"

#include <QCryptographicHash>

#include <algorithm>
#include <array>
#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <vector>

using namespace tierdesk;
using tierdesk::test::date;

namespace {

QDate today()
{
    return date("2026-06-30");
}

/// Everything a demo database holds, read back through the export stream.
struct Snapshot {
    std::vector<Customer> customers;
    std::vector<Order> orders;
    std::vector<Call> calls;
};

Snapshot snapshot(store::Database &db)
{
    Snapshot s;
    store::BulkExport out(db);
    EXPECT_TRUE(out.customers([&](const Customer &c) {
        s.customers.push_back(c);
        return true;
    }));
    EXPECT_TRUE(out.orders([&](const Order &o) {
        s.orders.push_back(o);
        return true;
    }));
    EXPECT_TRUE(out.calls([&](const Call &c) {
        s.calls.push_back(c);
        return true;
    }));
    return s;
}

/// A hash over every stored field, to compare two databases.
QByteArray fingerprint(const Snapshot &s)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    auto add = [&](const QString &text) {
        h.addData(text.toUtf8());
        h.addData(QByteArrayView("\x1f", 1));
    };
    auto num = [&](qint64 v) { add(QString::number(v)); };
    for (const Customer &c : s.customers) {
        num(c.id);
        add(c.name);
        add(c.company);
        add(c.type ? toText(*c.type) : QString());
        add(c.phone);
        add(c.email);
        add(c.city);
        add(c.owner);
        add(c.createdAt.toString(Qt::ISODate));
        add(c.grade ? toText(*c.grade) : QString());
        add(c.gradeSetAt.toString(Qt::ISODate));
        num(c.man.money ? int(*c.man.money) : -1);
        num(c.man.authority ? int(*c.man.authority) : -1);
        num(c.man.need ? int(*c.man.need) : -1);
        num(c.archived);
        add(c.tags.join(u'|'));
    }
    for (const Order &o : s.orders) {
        num(o.id);
        num(o.customerId);
        add(o.orderedAt.toString(Qt::ISODate));
        num(o.amount);
        num(o.profit.value_or(-1));
        add(o.note);
    }
    for (const Call &c : s.calls) {
        num(c.id);
        num(c.customerId);
        add(c.calledAt.toString(Qt::ISODate));
        add(toText(c.direction));
        add(toText(c.outcome));
        num(c.durationS.value_or(-1));
        add(c.nextFollowUp.toString(Qt::ISODate));
        add(c.note);
    }
    return h.result();
}

std::unique_ptr<store::Database> emptyDatabase()
{
    auto db = std::make_unique<store::Database>();
    const auto opened = db->openInMemory();
    EXPECT_TRUE(opened) << (opened ? "" : opened.error().message.toStdString());
    return db;
}

io::DemoOptions options(int customers, quint64 seed)
{
    io::DemoOptions o;
    o.customers = customers;
    o.seed = seed;
    o.today = today();
    return o;
}

std::unique_ptr<store::Database> demo(int customers, quint64 seed, io::DemoSummary *summary = nullptr)
{
    auto db = emptyDatabase();
    const auto made = io::createDemo(*db, options(customers, seed));
    EXPECT_TRUE(made) << (made ? "" : made.error().message.toStdString());
    if (made && summary)
        *summary = *made;
    return db;
}

bool hasHan(const QString &s)
{
    return std::any_of(s.cbegin(), s.cend(),
                       [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

/// One 2,000-customer demo, classified as of today, shared by the tests that only read it.
class DemoData2000 : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_db = demo(2000, 7, &s_summary).release();
        s_data = new Snapshot(snapshot(*s_db));
        const classify::Settings settings;
        auto facts = store::MetricsQuery(*s_db).all(today(), settings);
        ASSERT_TRUE(facts);
        s_facts = new std::vector<classify::CustomerFacts>(std::move(*facts));
        s_run = new classify::Run(classify::run(*s_facts, settings, today()));
    }
    static void TearDownTestSuite()
    {
        delete s_run;
        delete s_facts;
        delete s_data;
        delete s_db;
    }

    static inline store::Database *s_db = nullptr;
    static inline io::DemoSummary s_summary;
    static inline Snapshot *s_data = nullptr;
    static inline std::vector<classify::CustomerFacts> *s_facts = nullptr;
    static inline classify::Run *s_run = nullptr;
};

} // namespace

TEST(DemoData, SameSeedGivesTheSameDatabase)
{
    auto a = demo(400, 42);
    auto b = demo(400, 42);
    EXPECT_EQ(fingerprint(snapshot(*a)), fingerprint(snapshot(*b)));
}

TEST(DemoData, DifferentSeedsGiveDifferentData)
{
    auto a = demo(400, 1);
    auto b = demo(400, 2);
    EXPECT_NE(fingerprint(snapshot(*a)), fingerprint(snapshot(*b)));
}

TEST(DemoData, RefusesADatabaseThatHasCustomers)
{
    auto db = emptyDatabase();
    Customer c;
    c.name = QStringLiteral("王伟");
    c.createdAt = today();
    ASSERT_TRUE(store::CustomerRepository(*db).add(c));

    const auto made = io::createDemo(*db, options(50, 1));
    ASSERT_FALSE(made);
    EXPECT_FALSE(made.error().message.isEmpty());
    EXPECT_EQ(store::CustomerRepository(*db).count().value_or(-1), 1);
}

TEST(DemoData, RefusesAnOutOfRangeCustomerCount)
{
    auto db = emptyDatabase();
    for (int n : {0, -5, io::maxDemoCustomers + 1}) {
        const auto made = io::createDemo(*db, options(n, 1));
        ASSERT_FALSE(made) << n;
        EXPECT_FALSE(made.error().message.isEmpty());
    }
    EXPECT_EQ(store::CustomerRepository(*db).count().value_or(-1), 0);
}

TEST(DemoData, CancellingLeavesTheDatabaseEmpty)
{
    auto db = emptyDatabase();
    const auto made = io::createDemo(*db, options(500, 1), [](int percent) { return percent < 50; });
    ASSERT_FALSE(made);
    EXPECT_FALSE(made.error().message.isEmpty());
    EXPECT_EQ(store::CustomerRepository(*db).count().value_or(-1), 0);
    const Snapshot s = snapshot(*db);
    EXPECT_TRUE(s.orders.empty());
    EXPECT_TRUE(s.calls.empty());
}

TEST(DemoData, ReportsProgressFromZeroToOneHundred)
{
    auto db = emptyDatabase();
    std::vector<int> seen;
    const auto made = io::createDemo(*db, options(300, 1), [&](int percent) {
        seen.push_back(percent);
        return true;
    });
    ASSERT_TRUE(made);
    ASSERT_FALSE(seen.empty());
    EXPECT_EQ(seen.front(), 0);
    EXPECT_EQ(seen.back(), 100);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
}

TEST_F(DemoData2000, CreatesTheRequestedCustomersWithIdsOneToN)
{
    ASSERT_EQ(s_data->customers.size(), 2000u);
    for (std::size_t i = 0; i < s_data->customers.size(); ++i)
        ASSERT_EQ(s_data->customers[i].id, CustomerId(i + 1));
    EXPECT_EQ(s_summary.customers, 2000);
    EXPECT_EQ(s_summary.orders, qint64(s_data->orders.size()));
    EXPECT_EQ(s_summary.calls, qint64(s_data->calls.size()));
}

TEST_F(DemoData2000, CustomerIdsFollowTheirCreationDates)
{
    for (std::size_t i = 1; i < s_data->customers.size(); ++i)
        ASSERT_LE(s_data->customers[i - 1].createdAt, s_data->customers[i].createdAt) << i;
}

TEST_F(DemoData2000, OrdersAndCallsHaveSequentialIdsInChronologicalOrder)
{
    for (std::size_t i = 0; i < s_data->orders.size(); ++i) {
        ASSERT_EQ(s_data->orders[i].id, qint64(i + 1));
        if (i > 0) {
            ASSERT_LE(s_data->orders[i - 1].orderedAt, s_data->orders[i].orderedAt) << i;
        }
    }
    for (std::size_t i = 0; i < s_data->calls.size(); ++i) {
        ASSERT_EQ(s_data->calls[i].id, qint64(i + 1));
        if (i > 0) {
            ASSERT_LE(s_data->calls[i - 1].calledAt, s_data->calls[i].calledAt) << i;
        }
    }
}

TEST_F(DemoData2000, NothingIsDatedAfterTodayExceptFollowUps)
{
    const QDate first = today().addYears(-3).addDays(-1);
    std::map<CustomerId, QDate> created;
    for (const Customer &c : s_data->customers) {
        ASSERT_TRUE(c.createdAt.isValid());
        EXPECT_LE(c.createdAt, today());
        EXPECT_GE(c.createdAt, first);
        if (c.grade) {
            ASSERT_TRUE(c.gradeSetAt.isValid()) << c.id;
            EXPECT_LE(c.gradeSetAt, today()) << c.id;
            EXPECT_GE(c.gradeSetAt, c.createdAt) << c.id;
        }
        created[c.id] = c.createdAt;
    }
    for (const Order &o : s_data->orders) {
        EXPECT_LE(o.orderedAt, today()) << o.id;
        EXPECT_GE(o.orderedAt, created[o.customerId]) << o.id;
    }
    for (const Call &c : s_data->calls) {
        const QDate day = c.calledAt.date();
        EXPECT_LE(day, today()) << c.id;
        EXPECT_GE(day, created[c.customerId]) << c.id;
        if (c.nextFollowUp.isValid()) {
            EXPECT_GT(c.nextFollowUp, day) << c.id;
            EXPECT_LE(c.nextFollowUp, today().addDays(30)) << c.id;
        }
    }
}

TEST_F(DemoData2000, EveryLifecycleStageOccurs)
{
    std::array<int, 6> stages{};
    for (const classify::Classification &row : s_run->rows)
        ++stages[std::size_t(row.lifecycle)];
    for (Lifecycle stage : {Lifecycle::Prospect, Lifecycle::New, Lifecycle::Growth, Lifecycle::Mature,
                            Lifecycle::Decline, Lifecycle::Lost})
        EXPECT_GE(stages[std::size_t(stage)], 60) << toText(stage).toStdString(); // at least 3 %
}

TEST_F(DemoData2000, AboutThirtyPercentAreProspects)
{
    const auto prospects =
        std::count_if(s_facts->begin(), s_facts->end(), [](const auto &f) { return !f.isBuyer(); });
    EXPECT_GE(prospects, 500); // 25 %
    EXPECT_LE(prospects, 700); // 35 %
}

TEST_F(DemoData2000, TheValuePyramidIsTopHeavy)
{
    const classify::Summary &sum = s_run->summary;
    const Cents total = sum.monetaryByTier[0] + sum.monetaryByTier[1] + sum.monetaryByTier[2];
    ASSERT_GT(total, 0);
    // About 80/20: the top 20 % of spenders (A and B) hold most of the money.
    EXPECT_GE(double(sum.monetaryByTier[0] + sum.monetaryByTier[1]) / double(total), 0.7);
    EXPECT_GE(double(sum.monetaryByTier[0]) / double(total), 0.35);
    for (int tier = 0; tier < 4; ++tier)
        EXPECT_GT(sum.countByTier[std::size_t(tier)], 0) << tier;
}

TEST_F(DemoData2000, TodaysQueueHasFollowUpsDueTodayAndOverdue)
{
    int active = 0, dueToday = 0, overdue = 0, longOverdue = 0, followUpToday = 0;
    for (std::size_t i = 0; i < s_run->rows.size(); ++i) {
        if ((*s_facts)[i].archived)
            continue;
        ++active;
        const QDate due = s_run->rows[i].due;
        dueToday += due == today();
        overdue += due < today();
        longOverdue += due < today().addDays(-30);
        followUpToday += (*s_facts)[i].followUp == today();
    }
    EXPECT_GE(dueToday, 5);
    EXPECT_GE(overdue, 50);
    EXPECT_GE(followUpToday, 3);
    // A day's work, not the whole book: the team has been working from the queue.
    EXPECT_LE(dueToday + overdue, active / 4);
    EXPECT_LE(longOverdue, active / 25);
}

TEST_F(DemoData2000, MostCustomersHaveChineseNames)
{
    const auto chinese = std::count_if(s_data->customers.begin(), s_data->customers.end(),
                                       [](const Customer &c) { return hasHan(c.name); });
    EXPECT_GE(chinese, 1200); // ~70 %
    EXPECT_LE(chinese, 1600);
    const auto chineseCompanies = std::count_if(s_data->customers.begin(), s_data->customers.end(),
                                                [](const Customer &c) { return hasHan(c.company); });
    EXPECT_GE(chineseCompanies, 800);
}

TEST_F(DemoData2000, PhonesComeInMixedFormats)
{
    int plain = 0, plus86 = 0, zero086 = 0, dashed = 0, landline = 0;
    for (const Customer &c : s_data->customers) {
        const QString &p = c.phone;
        plain += p.size() == 11 && p.startsWith(u'1');
        plus86 += p.startsWith(u"+86");
        zero086 += p.startsWith(u"0086");
        dashed += p.size() == 13 && p.startsWith(u'1') && p.count(u'-') == 2;
        landline +=
            p.startsWith(u"021") || p.startsWith(u"010") || p.startsWith(u"020") || p.startsWith(u"0755");
    }
    EXPECT_GT(plain, 0);
    EXPECT_GT(plus86, 0);
    EXPECT_GT(zero086, 0);
    EXPECT_GT(dashed, 0);
    EXPECT_GT(landline, 0);
}

TEST_F(DemoData2000, AboutTwoPercentAreDuplicatesWrittenDifferently)
{
    std::map<QString, std::vector<const Customer *>> byKey;
    for (const Customer &c : s_data->customers) {
        if (const QString k = classify::phoneKey(c.phone); !k.isEmpty())
            byKey[QStringLiteral("p:") + k].push_back(&c);
        if (const QString k = classify::emailKey(c.email); !k.isEmpty())
            byKey[QStringLiteral("e:") + k].push_back(&c);
    }
    std::vector<bool> duplicate(s_data->customers.size() + 1, false);
    int writtenDifferently = 0;
    for (const auto &[key, group] : byKey) {
        if (group.size() < 2)
            continue;
        for (const Customer *c : group)
            duplicate[std::size_t(c->id)] = true;
        const bool phone = key.startsWith(u"p:");
        writtenDifferently += phone ? group[0]->phone != group[1]->phone : group[0]->email != group[1]->email;
    }
    const auto involved = std::count(duplicate.begin(), duplicate.end(), true);
    EXPECT_GE(involved, 40); // 2 % of 2,000 are duplicates, each sharing with another customer
    EXPECT_LE(involved, 200);
    EXPECT_GE(writtenDifferently, 10);
}

TEST_F(DemoData2000, GradesAreMostlyOnProspectsAndSIsRare)
{
    int prospects = 0, gradedProspects = 0, buyers = 0, gradedBuyers = 0, s = 0, a = 0;
    for (const classify::CustomerFacts &f : *s_facts) {
        (f.isBuyer() ? buyers : prospects) += 1;
        if (!f.grade)
            continue;
        (f.isBuyer() ? gradedBuyers : gradedProspects) += 1;
        s += *f.grade == Grade::S;
        a += *f.grade == Grade::A;
    }
    EXPECT_NEAR(double(gradedProspects) / prospects, 0.6, 0.08);
    EXPECT_NEAR(double(gradedBuyers) / buyers, 0.2, 0.05);
    EXPECT_GT(s, 0);
    EXPECT_LT(s, a);
    EXPECT_LT(s, (gradedProspects + gradedBuyers) / 10);
}

TEST_F(DemoData2000, SomeCustomersWithoutAGradeHaveManAnswers)
{
    const auto count = std::count_if(s_facts->begin(), s_facts->end(),
                                     [](const auto &f) { return !f.grade && f.man.anyAnswered(); });
    EXPECT_GE(count, 40);
}

TEST_F(DemoData2000, CallsFollowUpsAndRefundsLookLikeASalesTeam)
{
    int buyers = 0;
    for (const auto &f : *s_facts)
        buyers += f.isBuyer();
    std::vector<int> callsOf(s_data->customers.size() + 1, 0);
    std::array<int, 5> outcomes{};
    int followUps = 0;
    for (const Call &c : s_data->calls) {
        ++callsOf[std::size_t(c.customerId)];
        ++outcomes[std::size_t(c.outcome)];
        followUps += c.nextFollowUp.isValid();
    }
    double buyerCalls = 0, prospectCalls = 0;
    for (const auto &f : *s_facts)
        (f.isBuyer() ? buyerCalls : prospectCalls) += callsOf[std::size_t(f.id)];
    EXPECT_NEAR(buyerCalls / buyers, 10.0, 2.0);
    // Prospects are called every 30 days or sooner since the team works from the queue.
    EXPECT_NEAR(prospectCalls / (2000 - buyers), 4.5, 1.0);
    EXPECT_NEAR(double(followUps) / double(s_data->calls.size()), 0.42, 0.07);
    for (int n : outcomes)
        EXPECT_GT(n, 0);
    EXPECT_GT(outcomes[std::size_t(Outcome::Reached)], outcomes[std::size_t(Outcome::NoAnswer)]);

    const auto refunds = std::count_if(s_data->orders.begin(), s_data->orders.end(),
                                       [](const Order &o) { return o.amount < 0; });
    EXPECT_GT(refunds, 0);
    EXPECT_LT(double(refunds) / double(s_data->orders.size()), 0.03);
}

TEST_F(DemoData2000, ATeamOfFiveToEightOwnsTheCustomers)
{
    std::map<QString, int> owners;
    int archived = 0, tagged = 0;
    for (const Customer &c : s_data->customers) {
        if (!c.owner.isEmpty())
            ++owners[c.owner];
        archived += c.archived;
        tagged += !c.tags.isEmpty();
    }
    EXPECT_GE(owners.size(), 5u);
    EXPECT_LE(owners.size(), 8u);
    EXPECT_GT(archived, 0);
    EXPECT_LT(archived, 100); // a few
    EXPECT_GT(tagged, 500);
}

TEST_F(DemoData2000, LastMonthIsClassifiedSoTheTierMigrationHasABase)
{
    // The demo stores the classification of 2026-05-31; "now" is that same run until the app
    // classifies again, so every customer is compared with itself.
    const auto migration = store::ChartQuery(*s_db).migration(today());
    ASSERT_TRUE(migration) << migration.error().message.toStdString();
    EXPECT_TRUE(migration->hasPrevious);
    EXPECT_EQ(migration->previousMonth, u"2026-05");
    const auto active =
        std::count_if(s_facts->begin(), s_facts->end(), [](const auto &f) { return !f.archived; });
    EXPECT_EQ(migration->stayed(), active); // archived customers are left out of the chart
    EXPECT_EQ(migration->up() + migration->down() + migration->newcomers(), 0);
    const auto run = store::ClassificationStore(*s_db).lastRun();
    ASSERT_TRUE(run && *run);
    EXPECT_EQ((*run)->asOf, date("2026-05-31"));
}
