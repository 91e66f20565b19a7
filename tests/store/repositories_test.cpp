// The repositories: customers, orders, calls, settings and the stored classification.

#include "store/database.h"
#include "store/repositories.h"
#include "storetests.h"
#include "support/testsupport.h"

#include <QDateTime>
#include <QScopeGuard>

#include <algorithm>
#include <atomic>
#include <gtest/gtest.h>
#include <memory>
#include <ostream>
#include <sqlite3.h>

using namespace tierdesk;
using tierdesk::test::date;
using tierdesk::test::scalar;

static void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}
static void PrintTo(const QStringList &l, std::ostream *os)
{
    *os << '[' << l.join(u'|').toStdString() << ']';
}
static void PrintTo(QDate d, std::ostream *os)
{
    *os << d.toString(Qt::ISODate).toStdString();
}
static void PrintTo(const QDateTime &t, std::ostream *os)
{
    *os << t.toString(Qt::ISODate).toStdString();
}

namespace {

QDateTime at(const char *day, int h, int m, int s = 0)
{
    return QDateTime(date(day), QTime(h, m, s));
}

class Repositories : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(db.openInMemory()); }

    CustomerId addCustomer(const QString &name, const QString &phone = {}, const QString &email = {})
    {
        Customer c;
        c.name = name;
        c.phone = phone;
        c.email = email;
        c.createdAt = date("2026-01-10");
        auto id = customers.add(c);
        EXPECT_TRUE(id.has_value());
        return id.value_or(0);
    }

    Customer fullCustomer() const
    {
        Customer c;
        c.id = 1001;
        c.name = QStringLiteral("张伟");
        c.company = QStringLiteral("北京星辰科技有限公司");
        c.type = CustomerType::Enterprise;
        c.phone = QStringLiteral("+86 138 0013 8000");
        c.email = QStringLiteral("zhang.wei@example.cn");
        c.city = QStringLiteral("上海");
        c.owner = QStringLiteral("李娜");
        c.createdAt = date("2025-03-08");
        c.grade = Grade::A;
        c.gradeSetAt = date("2026-05-20");
        c.man = Man{true, false, std::nullopt};
        c.archived = true;
        c.tags = {QStringLiteral("zeta"), QStringLiteral("老客户"), QStringLiteral("alpha")};
        return c;
    }

    store::Database db;
    store::CustomerRepository customers{db};
};

void expectSameCustomer(const Customer &expected, const Customer &actual)
{
    EXPECT_EQ(actual.id, expected.id);
    EXPECT_EQ(actual.name, expected.name);
    EXPECT_EQ(actual.company, expected.company);
    EXPECT_EQ(actual.type, expected.type);
    EXPECT_EQ(actual.phone, expected.phone);
    EXPECT_EQ(actual.email, expected.email);
    EXPECT_EQ(actual.city, expected.city);
    EXPECT_EQ(actual.owner, expected.owner);
    EXPECT_EQ(actual.createdAt, expected.createdAt);
    EXPECT_EQ(actual.grade, expected.grade);
    EXPECT_EQ(actual.gradeSetAt, expected.gradeSetAt);
    EXPECT_EQ(actual.man.money, expected.man.money);
    EXPECT_EQ(actual.man.authority, expected.man.authority);
    EXPECT_EQ(actual.man.need, expected.man.need);
    EXPECT_EQ(actual.archived, expected.archived);
    EXPECT_EQ(actual.tags, expected.tags);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Customers

TEST_F(Repositories, ACustomerRoundTripsEveryField)
{
    const Customer c = fullCustomer();
    auto id = customers.add(c);
    ASSERT_TRUE(id);
    EXPECT_EQ(*id, 1001);
    auto found = customers.find(1001);
    ASSERT_TRUE(found);
    ASSERT_TRUE(found->has_value());
    expectSameCustomer(c, **found);
}

TEST_F(Repositories, UnknownManAnswersStayUnknown)
{
    Customer c = fullCustomer();
    c.man = Man{std::nullopt, true, std::nullopt};
    ASSERT_TRUE(customers.add(c));
    auto found = customers.find(c.id);
    ASSERT_TRUE(found && found->has_value());
    EXPECT_FALSE((*found)->man.money.has_value());
    EXPECT_EQ((*found)->man.authority, std::optional<bool>(true));
    EXPECT_FALSE((*found)->man.need.has_value());
}

TEST_F(Repositories, ACustomerWithOnlyANameAndADateRoundTrips)
{
    Customer c;
    c.name = QStringLiteral("王芳");
    c.createdAt = date("2026-02-01");
    auto id = customers.add(c);
    ASSERT_TRUE(id);
    c.id = *id;
    auto found = customers.find(*id);
    ASSERT_TRUE(found && found->has_value());
    expectSameCustomer(c, **found);
}

TEST_F(Repositories, AnIdOfZeroLetsTheDatabaseChooseOne)
{
    Customer c = fullCustomer();
    c.id = 0;
    auto first = customers.add(c);
    auto second = customers.add(c);
    ASSERT_TRUE(first);
    ASSERT_TRUE(second);
    EXPECT_GT(*first, 0);
    EXPECT_NE(*first, *second);
    auto found = customers.find(*second);
    ASSERT_TRUE(found && found->has_value());
    EXPECT_EQ((*found)->id, *second);
}

TEST_F(Repositories, FindingAMissingCustomerGivesNothing)
{
    auto found = customers.find(4242);
    ASSERT_TRUE(found);
    EXPECT_FALSE(found->has_value());
}

TEST_F(Repositories, UpdateChangesEveryField)
{
    ASSERT_TRUE(customers.add(fullCustomer()));
    Customer changed;
    changed.id = 1001;
    changed.name = QStringLiteral("张伟 (已改名)");
    changed.company.clear();
    changed.type = CustomerType::Government;
    changed.phone = QStringLiteral("021-6000 1234");
    changed.email.clear();
    changed.city = QStringLiteral("杭州");
    changed.owner = QStringLiteral("陈晨");
    changed.createdAt = date("2025-03-09");
    changed.grade = std::nullopt;
    changed.gradeSetAt = {};
    changed.man = Man{false, std::nullopt, true};
    changed.archived = false;
    changed.tags = {QStringLiteral("alpha")};
    ASSERT_TRUE(customers.update(changed));
    auto found = customers.find(1001);
    ASSERT_TRUE(found && found->has_value());
    expectSameCustomer(changed, **found);
}

TEST_F(Repositories, UpdatingAMissingCustomerFails)
{
    Customer c = fullCustomer();
    c.id = 77;
    EXPECT_FALSE(customers.update(c));
}

TEST_F(Repositories, ACustomerWithAnEmptyNameIsRefused)
{
    Customer c = fullCustomer();
    c.name = QStringLiteral("   ");
    const auto added = customers.add(c);
    ASSERT_FALSE(added);
    EXPECT_FALSE(added.error().message.isEmpty());
    EXPECT_EQ(customers.count().value_or(-1), 0);
}

TEST_F(Repositories, AnUpdateToAnEmptyNameIsRefused)
{
    ASSERT_TRUE(customers.add(fullCustomer()));
    Customer c = fullCustomer();
    c.name.clear();
    EXPECT_FALSE(customers.update(c));
    auto found = customers.find(c.id);
    ASSERT_TRUE(found && found->has_value());
    EXPECT_EQ((*found)->name, QStringLiteral("张伟"));
}

TEST_F(Repositories, DuplicatesOfFindsTheSamePhoneWrittenDifferently)
{
    const CustomerId a = addCustomer(QStringLiteral("甲"), QStringLiteral("+86 138 0013 8000"));
    addCustomer(QStringLiteral("乙"), QStringLiteral("13900139000"));
    Customer b;
    b.name = QStringLiteral("丙");
    b.phone = QStringLiteral("13800138000");
    b.createdAt = date("2026-01-11");
    auto dups = customers.duplicatesOf(b);
    ASSERT_TRUE(dups);
    EXPECT_EQ(*dups, std::vector<CustomerId>{a});
}

TEST_F(Repositories, DuplicatesOfFindsTheSameEmailInAnotherCaseWithSpaces)
{
    const CustomerId a = addCustomer(QStringLiteral("甲"), {}, QStringLiteral("Zhang.Wei@Example.com"));
    addCustomer(QStringLiteral("乙"), {}, QStringLiteral("li.na@example.com"));
    Customer b;
    b.name = QStringLiteral("丙");
    b.email = QStringLiteral("  zhang.wei@example.COM ");
    auto dups = customers.duplicatesOf(b);
    ASSERT_TRUE(dups);
    EXPECT_EQ(*dups, std::vector<CustomerId>{a});
}

TEST_F(Repositories, DuplicatesOfLeavesOutTheCustomerItself)
{
    const CustomerId a =
        addCustomer(QStringLiteral("甲"), QStringLiteral("13800138000"), QStringLiteral("a@example.com"));
    const CustomerId b = addCustomer(QStringLiteral("乙"), QStringLiteral("138 0013 8000"));
    auto self = customers.find(a);
    ASSERT_TRUE(self && self->has_value());
    auto dups = customers.duplicatesOf(**self);
    ASSERT_TRUE(dups);
    EXPECT_EQ(*dups, std::vector<CustomerId>{b});
}

TEST_F(Repositories, DuplicatesOfIgnoresTooShortPhones)
{
    addCustomer(QStringLiteral("甲"), QStringLiteral("12345"));
    Customer b;
    b.name = QStringLiteral("乙");
    b.phone = QStringLiteral("1-2-3-4-5");
    auto dups = customers.duplicatesOf(b);
    ASSERT_TRUE(dups);
    EXPECT_TRUE(dups->empty());
}

TEST_F(Repositories, ACustomerWithOrdersCannotBeDeleted)
{
    const CustomerId id = addCustomer(QStringLiteral("甲"));
    Order o;
    o.customerId = id;
    o.orderedAt = date("2026-03-01");
    o.amount = 10000;
    ASSERT_TRUE(store::OrderRepository(db).add(o));

    const QByteArray sql = "DELETE FROM customers WHERE id = " + QByteArray::number(id);
    const int rc = sqlite3_exec(db.handle(), sql.constData(), nullptr, nullptr, nullptr);
    EXPECT_EQ(rc & 0xff, SQLITE_CONSTRAINT);
    EXPECT_EQ(sqlite3_extended_errcode(db.handle()), SQLITE_CONSTRAINT_FOREIGNKEY);
    auto found = customers.find(id);
    ASSERT_TRUE(found);
    EXPECT_TRUE(found->has_value());
}

TEST_F(Repositories, ACustomerWithoutOrdersOrCallsCanBeDeleted)
{
    const CustomerId id = addCustomer(QStringLiteral("甲"));
    const QByteArray sql = "DELETE FROM customers WHERE id = " + QByteArray::number(id);
    EXPECT_EQ(sqlite3_exec(db.handle(), sql.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
    EXPECT_EQ(customers.count().value_or(-1), 0);
}

TEST_F(Repositories, SetArchivedArchivesAndRestores)
{
    const CustomerId id = addCustomer(QStringLiteral("甲"));
    ASSERT_TRUE(customers.setArchived(id, true));
    auto archived = customers.find(id);
    ASSERT_TRUE(archived && archived->has_value());
    EXPECT_TRUE((*archived)->archived);
    ASSERT_TRUE(customers.setArchived(id, false));
    auto restored = customers.find(id);
    ASSERT_TRUE(restored && restored->has_value());
    EXPECT_FALSE((*restored)->archived);
}

// ---------------------------------------------------------------------------------------------
// Orders and calls

TEST_F(Repositories, AnOrderRoundTrips)
{
    const CustomerId id = addCustomer(QStringLiteral("甲"));
    Order o;
    o.id = 501;
    o.customerId = id;
    o.orderedAt = date("2026-03-01");
    o.amount = -1250;
    o.profit = std::nullopt;
    o.note = QStringLiteral("退货：尺寸不对");
    auto added = store::OrderRepository(db).add(o);
    ASSERT_TRUE(added);
    EXPECT_EQ(*added, 501);
    auto orders = store::OrderRepository(db).forCustomer(id);
    ASSERT_TRUE(orders);
    ASSERT_EQ(orders->size(), 1u);
    const Order &got = orders->front();
    EXPECT_EQ(got.id, 501);
    EXPECT_EQ(got.customerId, id);
    EXPECT_EQ(got.orderedAt, date("2026-03-01"));
    EXPECT_EQ(got.amount, -1250);
    EXPECT_FALSE(got.profit.has_value());
    EXPECT_EQ(got.note, o.note);
}

TEST_F(Repositories, OrdersOfACustomerComeNewestFirst)
{
    const CustomerId id = addCustomer(QStringLiteral("甲"));
    const CustomerId other = addCustomer(QStringLiteral("乙"));
    store::OrderRepository orders(db);
    for (const char *day : {"2026-01-05", "2026-03-01", "2026-02-10"}) {
        Order o;
        o.customerId = id;
        o.orderedAt = date(day);
        o.amount = 10000;
        o.profit = 2500;
        ASSERT_TRUE(orders.add(o));
    }
    Order foreign;
    foreign.customerId = other;
    foreign.orderedAt = date("2026-04-01");
    foreign.amount = 1;
    ASSERT_TRUE(orders.add(foreign));

    auto list = orders.forCustomer(id);
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 3u);
    EXPECT_EQ((*list)[0].orderedAt, date("2026-03-01"));
    EXPECT_EQ((*list)[1].orderedAt, date("2026-02-10"));
    EXPECT_EQ((*list)[2].orderedAt, date("2026-01-05"));
    EXPECT_EQ((*list)[0].profit, std::optional<Cents>(2500));
}

TEST_F(Repositories, AnOrderForAMissingCustomerIsRefused)
{
    Order o;
    o.customerId = 999;
    o.orderedAt = date("2026-03-01");
    o.amount = 100;
    EXPECT_FALSE(store::OrderRepository(db).add(o));
}

TEST_F(Repositories, ACallRoundTrips)
{
    const CustomerId id = addCustomer(QStringLiteral("甲"));
    Call c;
    c.id = 9001;
    c.customerId = id;
    c.calledAt = at("2026-06-12", 14, 5, 33);
    c.direction = Direction::In;
    c.outcome = Outcome::Voicemail;
    c.durationS = 47;
    c.nextFollowUp = date("2026-06-19");
    c.note = QStringLiteral("客户说下周再联系, \"报价\"太高");
    auto added = store::CallRepository(db).add(c);
    ASSERT_TRUE(added);
    EXPECT_EQ(*added, 9001);
    auto calls = store::CallRepository(db).forCustomer(id);
    ASSERT_TRUE(calls);
    ASSERT_EQ(calls->size(), 1u);
    const Call &got = calls->front();
    EXPECT_EQ(got.id, 9001);
    EXPECT_EQ(got.customerId, id);
    EXPECT_EQ(got.calledAt, c.calledAt);
    EXPECT_EQ(got.direction, Direction::In);
    EXPECT_EQ(got.outcome, Outcome::Voicemail);
    EXPECT_EQ(got.durationS, std::optional<int>(47));
    EXPECT_EQ(got.nextFollowUp, date("2026-06-19"));
    EXPECT_EQ(got.note, c.note);
}

TEST_F(Repositories, CallsOfACustomerComeNewestFirst)
{
    const CustomerId id = addCustomer(QStringLiteral("甲"));
    store::CallRepository calls(db);
    for (const QDateTime &when :
         {at("2026-06-10", 9, 0), at("2026-06-12", 8, 30), at("2026-06-10", 17, 45)}) {
        Call c;
        c.customerId = id;
        c.calledAt = when;
        c.outcome = Outcome::NoAnswer;
        ASSERT_TRUE(calls.add(c));
    }
    auto list = calls.forCustomer(id);
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 3u);
    EXPECT_EQ((*list)[0].calledAt, at("2026-06-12", 8, 30));
    EXPECT_EQ((*list)[1].calledAt, at("2026-06-10", 17, 45));
    EXPECT_EQ((*list)[2].calledAt, at("2026-06-10", 9, 0));
    EXPECT_FALSE((*list)[0].durationS.has_value());
    EXPECT_FALSE((*list)[0].nextFollowUp.isValid());
}

TEST_F(Repositories, ACallWithANegativeDurationIsRefused)
{
    const CustomerId id = addCustomer(QStringLiteral("甲"));
    Call c;
    c.customerId = id;
    c.calledAt = at("2026-06-10", 9, 0);
    c.durationS = -1;
    EXPECT_FALSE(store::CallRepository(db).add(c));
    auto calls = store::CallRepository(db).forCustomer(id);
    ASSERT_TRUE(calls);
    EXPECT_TRUE(calls->empty());
}

// ---------------------------------------------------------------------------------------------
// Settings

namespace {

classify::Settings customSettings()
{
    classify::Settings s;
    s.windowDays = 400;
    s.halfDays = 190;
    s.tierAShareMillionths = 100'000;
    s.tierBShareMillionths = 300'000;
    s.declineRatioMillionths = 450'000;
    s.cadenceByGrade = {2, 4, 7, 21, 60};
    s.cadenceByTier = {10, 20, 45, 120};
    s.winBackDays = 5;
    s.segmentMap[0][0] = Segment::AtRisk;
    s.segmentActions[std::size_t(Segment::Champions)] = QStringLiteral("送一份礼品, 请他们推荐朋友");
    s.segmentActions[std::size_t(Segment::Hibernating)] = QStringLiteral("群发短信提醒");
    s.tagRules = {
        {QStringLiteral("大客户"), QStringLiteral("monetary >= 100000")},
        {QStringLiteral("流失风险"), QStringLiteral("lifecycle = decline and value_tier in (A, B)")},
        {QStringLiteral("沉睡"), QStringLiteral("engagement = silent")}};
    return s;
}

} // namespace

TEST_F(Repositories, SettingsOfAnEmptyDatabaseAreTheDefaults)
{
    auto loaded = store::SettingsRepository(db).load();
    ASSERT_TRUE(loaded);
    EXPECT_TRUE(*loaded == classify::Settings{});
}

TEST_F(Repositories, SettingsRoundTripWithTagRulesAndSegmentActions)
{
    const classify::Settings s = customSettings();
    store::SettingsRepository repo(db);
    ASSERT_TRUE(repo.save(s));
    auto loaded = repo.load();
    ASSERT_TRUE(loaded);
    EXPECT_TRUE(*loaded == s);
    EXPECT_EQ(loaded->tagRules.size(), 3);
    EXPECT_EQ(loaded->segmentActions[std::size_t(Segment::Champions)],
              s.segmentActions[std::size_t(Segment::Champions)]);
}

TEST_F(Repositories, SavingAShorterTagRuleListRemovesTheOldRules)
{
    store::SettingsRepository repo(db);
    classify::Settings s = customSettings();
    ASSERT_TRUE(repo.save(s));
    s.tagRules = {{QStringLiteral("VIP"), QStringLiteral("value_tier = A")}};
    ASSERT_TRUE(repo.save(s));
    auto loaded = repo.load();
    ASSERT_TRUE(loaded);
    ASSERT_EQ(loaded->tagRules.size(), 1);
    EXPECT_EQ(loaded->tagRules[0].name, QStringLiteral("VIP"));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM settings WHERE key LIKE 'tag%'"), 2);
}

TEST_F(Repositories, ClearingASegmentActionRemovesIt)
{
    store::SettingsRepository repo(db);
    classify::Settings s = customSettings();
    ASSERT_TRUE(repo.save(s));
    s.segmentActions[std::size_t(Segment::Champions)].clear();
    ASSERT_TRUE(repo.save(s));
    auto loaded = repo.load();
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded->segmentActions[std::size_t(Segment::Champions)], QString());
}

TEST_F(Repositories, SettingsWithTierAShareAboveTierBAreRefusedAndNotStored)
{
    store::SettingsRepository repo(db);
    const classify::Settings good = customSettings();
    ASSERT_TRUE(repo.save(good));
    classify::Settings bad = good;
    bad.tierAShareMillionths = 400'000;
    bad.tierBShareMillionths = 200'000;
    bad.windowDays = 500;
    EXPECT_FALSE(repo.save(bad));
    auto loaded = repo.load();
    ASSERT_TRUE(loaded);
    EXPECT_TRUE(*loaded == good);
}

TEST_F(Repositories, SettingsWithAnUnparsableTagRuleAreRefusedAndNotStored)
{
    store::SettingsRepository repo(db);
    classify::Settings bad = customSettings();
    bad.tagRules.append({QStringLiteral("坏规则"), QStringLiteral("monetary >=")});
    const auto saved = repo.save(bad);
    ASSERT_FALSE(saved);
    EXPECT_TRUE(saved.error().message.contains(QStringLiteral("坏规则")));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM settings"), 0);
    auto loaded = repo.load();
    ASSERT_TRUE(loaded);
    EXPECT_TRUE(*loaded == classify::Settings{});
}

// ---------------------------------------------------------------------------------------------
// The stored classification

namespace {

classify::Classification storedRow(CustomerId id)
{
    classify::Classification c;
    c.id = id;
    c.recencyDays = 12;
    c.frequency = 4;
    c.monetary = 12'840'000;
    c.r = 5;
    c.f = 4;
    c.m = 5;
    c.valueTier = ValueTier::A;
    c.valueRank = 3;
    c.freqTier = Level::High;
    c.loyalty = Level::Mid;
    c.lifecycle = Lifecycle::Growth;
    c.engagement = Engagement::Normal;
    c.segment = Segment::Champions;
    c.matrix = Matrix::ImportantValue;
    c.grade = Grade::B;
    c.gradeSuggested = true;
    c.demoteTo = Grade::C;
    c.due = date("2026-07-03");
    c.reason.kind = classify::DueReason::Kind::GradeCadence;
    c.reason.date = date("2026-06-28");
    c.reason.cadenceDays = 5;
    c.reason.grade = Grade::B;
    c.priorityClass = 2;
    c.dynamicTags = {QStringLiteral("大客户"), QStringLiteral("沉睡")};
    return c;
}

classify::Classification prospectRow(CustomerId id)
{
    classify::Classification c;
    c.id = id;
    c.valueTier = ValueTier::D;
    c.lifecycle = Lifecycle::Prospect;
    c.engagement = Engagement::Silent;
    c.due = date("2026-01-10");
    c.reason.kind = classify::DueReason::Kind::NeverContacted;
    c.priorityClass = 5;
    return c;
}

/// Facts that match `run.rows` one to one (only the id matters to the store).
std::vector<classify::CustomerFacts> factsOf(const classify::Run &run)
{
    std::vector<classify::CustomerFacts> facts(run.rows.size());
    for (std::size_t i = 0; i < run.rows.size(); ++i)
        facts[i].id = run.rows[i].id;
    return facts;
}

void expectSameClassification(const classify::Classification &e, const classify::Classification &a)
{
    EXPECT_EQ(a.id, e.id);
    EXPECT_EQ(a.recencyDays, e.recencyDays);
    EXPECT_EQ(a.frequency, e.frequency);
    EXPECT_EQ(a.monetary, e.monetary);
    EXPECT_EQ(a.r, e.r);
    EXPECT_EQ(a.f, e.f);
    EXPECT_EQ(a.m, e.m);
    EXPECT_EQ(a.valueTier, e.valueTier);
    EXPECT_EQ(a.valueRank, e.valueRank);
    EXPECT_EQ(a.freqTier, e.freqTier);
    EXPECT_EQ(a.loyalty, e.loyalty);
    EXPECT_EQ(a.lifecycle, e.lifecycle);
    EXPECT_EQ(a.engagement, e.engagement);
    EXPECT_EQ(a.segment, e.segment);
    EXPECT_EQ(a.matrix, e.matrix);
    EXPECT_EQ(a.grade, e.grade);
    EXPECT_EQ(a.gradeSuggested, e.gradeSuggested);
    EXPECT_EQ(a.demoteTo, e.demoteTo);
    EXPECT_EQ(a.due, e.due);
    EXPECT_TRUE(a.reason == e.reason);
    EXPECT_EQ(a.priorityClass, e.priorityClass);
    EXPECT_EQ(a.dynamicTags, e.dynamicTags);
}

} // namespace

TEST_F(Repositories, AStoredClassificationRoundTrips)
{
    const CustomerId a = addCustomer(QStringLiteral("甲"));
    const CustomerId b = addCustomer(QStringLiteral("乙"));
    classify::Run run;
    run.rows = {storedRow(a), prospectRow(b)};
    run.summary.asOf = date("2026-06-30");
    run.summary.customers = 2;
    store::ClassificationStore results(db);
    ASSERT_TRUE(results.replace(factsOf(run), run, 42));

    auto first = results.find(a);
    ASSERT_TRUE(first && first->has_value());
    expectSameClassification(run.rows[0], **first);
    auto second = results.find(b);
    ASSERT_TRUE(second && second->has_value());
    expectSameClassification(run.rows[1], **second);
}

TEST_F(Repositories, ReplaceDropsTheResultsOfThePreviousRun)
{
    const CustomerId a = addCustomer(QStringLiteral("甲"));
    const CustomerId b = addCustomer(QStringLiteral("乙"));
    store::ClassificationStore results(db);
    classify::Run run;
    run.rows = {storedRow(a), prospectRow(b)};
    run.summary.asOf = date("2026-06-30");
    ASSERT_TRUE(results.replace(factsOf(run), run, 1));
    run.rows = {prospectRow(b)};
    ASSERT_TRUE(results.replace(factsOf(run), run, 1));
    auto gone = results.find(a);
    ASSERT_TRUE(gone);
    EXPECT_FALSE(gone->has_value());
}

TEST_F(Repositories, AReplaceStoppedWhileItHoldsTheWriteLockLeavesThePreviousRun)
{
    const CustomerId a = addCustomer(QStringLiteral("甲"));
    const CustomerId b = addCustomer(QStringLiteral("乙"));
    store::ClassificationStore results(db);
    classify::Run run;
    run.rows = {storedRow(a), prospectRow(b)};
    run.summary.asOf = date("2026-06-29");
    ASSERT_TRUE(results.replace(factsOf(run), run, 1));

    // The flag is set once the run holds the lock, as the window does when it wants to write.
    auto stop = std::make_shared<std::atomic<bool>>(false);
    db.stopWhen(stop);
    int held = 0;
    store::ClassificationStore::setWriteStartedHook([&](const std::atomic<bool> *flag) {
        ++held;
        EXPECT_EQ(flag, stop.get());
        *stop = true;
    });
    const auto unhook = qScopeGuard([] { store::ClassificationStore::setWriteStartedHook({}); });
    classify::Run next = run;
    next.rows[0].due = date("2026-07-09");
    next.rows[1].due = date("2026-07-10");
    next.summary.asOf = date("2026-06-30");
    EXPECT_FALSE(results.replace(factsOf(next), next, 1));
    EXPECT_EQ(held, 1);
    EXPECT_FALSE(db.inTransaction());

    // Rolled back: the stored rows and the latest run are those of 06-29, and the next replace
    // (not stopped) stores its rows.
    store::ClassificationStore::setWriteStartedHook({});
    db.stopWhen({});
    auto first = results.find(a);
    ASSERT_TRUE(first && first->has_value());
    EXPECT_EQ((*first)->due, run.rows[0].due);
    auto last = results.lastRun();
    ASSERT_TRUE(last && last->has_value());
    EXPECT_EQ((*last)->asOf, date("2026-06-29"));
    ASSERT_TRUE(results.replace(factsOf(next), next, 1));
    first = results.find(a);
    ASSERT_TRUE(first && first->has_value());
    EXPECT_EQ((*first)->due, date("2026-07-09"));
}

TEST_F(Repositories, NoRunHasBeenStoredInANewDatabase)
{
    auto last = store::ClassificationStore(db).lastRun();
    ASSERT_TRUE(last);
    EXPECT_FALSE(last->has_value());
}

TEST_F(Repositories, LastRunDescribesTheLatestReplace)
{
    const CustomerId a = addCustomer(QStringLiteral("甲"));
    store::ClassificationStore results(db);
    classify::Run run;
    run.rows = {storedRow(a)};
    run.summary.asOf = date("2026-05-31");
    run.summary.customers = 1;
    ASSERT_TRUE(results.replace(factsOf(run), run, 10));
    run.summary.asOf = date("2026-06-30");
    const QDateTime before = QDateTime::currentDateTime().addSecs(-1);
    ASSERT_TRUE(results.replace(factsOf(run), run, 123));
    const QDateTime after = QDateTime::currentDateTime().addSecs(1);

    auto last = results.lastRun();
    ASSERT_TRUE(last && last->has_value());
    EXPECT_EQ((*last)->asOf, date("2026-06-30"));
    EXPECT_EQ((*last)->customers, 1);
    EXPECT_EQ((*last)->durationMs, 123);
    EXPECT_TRUE((*last)->finishedAt.isValid());
    EXPECT_GE((*last)->finishedAt, before);
    EXPECT_LE((*last)->finishedAt, after);
}

TEST_F(Repositories, UpdateFollowUpChangesTheCustomersOwnColumnsOnly)
{
    const CustomerId a = addCustomer(QStringLiteral("甲"));
    store::ClassificationStore results(db);
    classify::Run run;
    run.rows = {storedRow(a)};
    run.summary.asOf = date("2026-06-30");
    ASSERT_TRUE(results.replace(factsOf(run), run, 1));
    store::ClassificationStore::OwnResult own;
    own.plan.due = date("2026-07-15");
    own.plan.reason.kind = classify::DueReason::Kind::FollowUpSet;
    own.plan.reason.date = date("2026-07-15");
    own.grade = Grade::B;
    own.gradeSuggested = true;
    own.demoteTo = Grade::C;
    own.priority = 2;
    classify::CustomerFacts facts;
    facts.id = a;
    ASSERT_TRUE(results.updateFollowUp(facts, own));

    auto found = results.find(a);
    ASSERT_TRUE(found && found->has_value());
    EXPECT_EQ((*found)->due, date("2026-07-15"));
    EXPECT_EQ((*found)->reason.kind, classify::DueReason::Kind::FollowUpSet);
    EXPECT_EQ((*found)->reason.date, date("2026-07-15"));
    EXPECT_EQ((*found)->grade, Grade::B);
    EXPECT_TRUE((*found)->gradeSuggested);
    EXPECT_EQ((*found)->demoteTo, Grade::C);
    EXPECT_EQ((*found)->priorityClass, 2);
    EXPECT_EQ((*found)->valueTier, ValueTier::A);
    EXPECT_EQ((*found)->segment, std::optional<Segment>(Segment::Champions));
}

TEST_F(Repositories, ContactsComeInTheOrderAskedForWithoutTheMissingOnes)
{
    const CustomerId a = addCustomer(QStringLiteral("甲"), QStringLiteral("13800000001"));
    const CustomerId b = addCustomer(QStringLiteral("乙"), QStringLiteral("13800000002"));
    // A few ids: one lookup each.
    const std::vector<CustomerId> few{b, 999, a};
    auto rows = store::ContactQuery(db).fetch(few);
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 2u);
    EXPECT_EQ((*rows)[0].id, b);
    EXPECT_EQ((*rows)[0].name, QStringLiteral("乙"));
    EXPECT_EQ((*rows)[1].id, a);
    EXPECT_EQ((*rows)[1].phone, QStringLiteral("13800000001"));

    // Most of the table, in reverse: one pass in id order, put back in the order asked for.
    std::vector<CustomerId> many{a, b};
    for (int i = 0; i < 70; ++i)
        many.push_back(addCustomer(QStringLiteral("客户%1").arg(i)));
    std::reverse(many.begin(), many.end());
    many.insert(many.begin() + 3, many.back() + 1000); // not there
    auto all = store::ContactQuery(db).fetch(many);
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 72u);
    EXPECT_EQ(all->front().name, QStringLiteral("客户69"));
    EXPECT_EQ((*all)[3].name, QStringLiteral("客户66")) << "the missing id is skipped";
    EXPECT_EQ(all->back().id, a);
    EXPECT_EQ((*all)[70].name, QStringLiteral("乙"));
}
