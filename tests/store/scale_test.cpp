// What the store does differently so that a million customers stay fast (docs/benchmarks.md), and
// that none of it changes an answer: the metrics pass over a file (helper connections, a thread)
// against the one-customer query, stored results written as differences, last month's tiers kept
// lazily, the bulk import into an empty database, the damage check of a big file in the background.

#include "classify/classify.h"
#include "store/bulk.h"
#include "store/chartquery.h"
#include "store/database.h"
#include "store/repositories.h"
#include "storetests.h"
#include "support/testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <gtest/gtest.h>
#include <optional>
#include <random>
#include <sqlite3.h>
#include <thread>

using namespace tierdesk;
using tierdesk::test::date;
using tierdesk::test::expectSameFacts;
using tierdesk::test::scalar;

namespace {

/// A few hundred customers with orders and calls all over the last three years, some on the
/// boundaries of the windows.
void populate(store::Database &db, int customers, unsigned seed)
{
    // One transaction: the repositories' writes join it (savepoints), one sync at the end.
    auto tx = db.beginWrite();
    ASSERT_TRUE(tx);
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return int(rng() % unsigned(n)); };
    const QDate end(2026, 6, 30);
    for (int i = 1; i <= customers; ++i) {
        Customer c;
        c.id = i;
        c.name = QStringLiteral("客户 %1").arg(pick(50));
        c.createdAt = end.addDays(-pick(1100));
        c.owner = pick(2) ? QStringLiteral("Li") : QStringLiteral("Anna");
        if (pick(4) == 0)
            c.grade = Grade(pick(5));
        if (pick(3) == 0)
            c.man = {pick(2) == 0, pick(2) == 0, std::nullopt};
        c.archived = pick(20) == 0;
        ASSERT_TRUE(store::CustomerRepository(db).add(c));
        for (int k = pick(4) == 0 ? 0 : pick(9); k > 0; --k) {
            Order o;
            o.customerId = i;
            // Days on and next to the window edges (365, 180, 360 days back) come up often.
            static const int edges[] = {0, 1, 179, 180, 181, 359, 360, 361, 364, 365, 366};
            o.orderedAt = end.addDays(pick(3) ? -pick(1100) : -edges[pick(11)]);
            o.amount = Cents(pick(500000)) * (pick(25) == 0 ? -1 : 1);
            ASSERT_TRUE(store::OrderRepository(db).add(o));
        }
        for (int k = pick(6); k > 0; --k) {
            Call call;
            call.customerId = i;
            // Calls at the same second too: the later id is the latest call.
            call.calledAt = QDateTime(end.addDays(-pick(400) + 2), QTime(9 + pick(3), 0), Qt::UTC);
            call.outcome = Outcome(pick(5));
            if (pick(3) == 0)
                call.nextFollowUp = end.addDays(pick(30) - 10);
            ASSERT_TRUE(store::CallRepository(db).add(call));
        }
    }
    ASSERT_TRUE(tx->commit());
}

void expectStored(store::Database &db, const classify::Run &run)
{
    store::ClassificationStore results(db);
    for (const classify::Classification &e : run.rows) {
        auto found = results.find(e.id);
        ASSERT_TRUE(found && found->has_value()) << e.id;
        const classify::Classification &a = **found;
        EXPECT_EQ(a.recencyDays, e.recencyDays) << e.id;
        EXPECT_EQ(a.frequency, e.frequency) << e.id;
        EXPECT_EQ(a.monetary, e.monetary) << e.id;
        EXPECT_EQ(a.r, e.r) << e.id;
        EXPECT_EQ(a.f, e.f) << e.id;
        EXPECT_EQ(a.m, e.m) << e.id;
        EXPECT_EQ(a.valueTier, e.valueTier) << e.id;
        EXPECT_EQ(a.valueRank, e.valueRank) << e.id;
        EXPECT_EQ(a.freqTier, e.freqTier) << e.id;
        EXPECT_EQ(a.loyalty, e.loyalty) << e.id;
        EXPECT_EQ(a.lifecycle, e.lifecycle) << e.id;
        EXPECT_EQ(a.engagement, e.engagement) << e.id;
        EXPECT_EQ(a.segment, e.segment) << e.id;
        EXPECT_EQ(a.matrix, e.matrix) << e.id;
        EXPECT_EQ(a.grade, e.grade) << e.id;
        EXPECT_EQ(a.gradeSuggested, e.gradeSuggested) << e.id;
        EXPECT_EQ(a.demoteTo, e.demoteTo) << e.id;
        EXPECT_EQ(a.due, e.due) << e.id;
        EXPECT_TRUE(a.reason == e.reason) << e.id;
        EXPECT_EQ(a.priorityClass, e.priorityClass) << e.id;
        EXPECT_EQ(a.dynamicTags, e.dynamicTags) << e.id;
    }
}

class ScaleFile : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        ASSERT_TRUE(db.open(path()));
        populate(db, 300, 5);
        auto s = store::SettingsRepository(db).load();
        ASSERT_TRUE(s);
        settings = *s;
    }
    QString path() const { return dir.filePath(QStringLiteral("scale.sqlite")); }

    classify::Run classifyAndStore(QDate asOf)
    {
        auto facts = store::MetricsQuery(db).all(asOf, settings);
        EXPECT_TRUE(facts);
        classify::Run run = classify::run(*facts, settings, asOf);
        EXPECT_TRUE(store::ClassificationStore(db).replace(*facts, run, 0));
        return run;
    }

    QTemporaryDir dir;
    store::Database db;
    classify::Settings settings;
};

} // namespace

// ---- The metrics pass ---------------------------------------------------------------------------

TEST_F(ScaleFile, TheMetricsPassOverTheFileAgreesWithTheOneCustomerQuery)
{
    for (const QDate asOf : {date("2026-06-30"), date("2025-12-31"), date("2026-07-15")}) {
        auto all = store::MetricsQuery(db).all(asOf, settings);
        ASSERT_TRUE(all);
        ASSERT_EQ(all->size(), 300u);
        for (const classify::CustomerFacts &f : *all) {
            auto one = store::MetricsQuery(db).one(f.id, asOf, settings);
            ASSERT_TRUE(one);
            expectSameFacts(f, *one);
        }
    }
}

TEST_F(ScaleFile, TheMetricsPassInsideAWriteTransactionSeesWhatItWrote)
{
    auto tx = db.beginWrite();
    ASSERT_TRUE(tx);
    ASSERT_TRUE(db.exec("UPDATE orders SET amount = 1 WHERE customer_id = 1"));
    auto inside = store::MetricsQuery(db).all(date("2026-06-30"), settings);
    auto one = store::MetricsQuery(db).one(1, date("2026-06-30"), settings);
    ASSERT_TRUE(inside && one);
    expectSameFacts(inside->front(), *one);
}

// ---- Stored results -------------------------------------------------------------------------------

TEST_F(ScaleFile, EachRunStoresExactlyItsResultsWhateverWasStoredBefore)
{
    // Far apart (a rewrite), a day apart (a few rows), the same day again (none).
    for (const char *day : {"2026-06-30", "2025-09-30", "2025-10-01", "2025-10-02", "2025-10-02"}) {
        const classify::Run run = classifyAndStore(date(day));
        expectStored(db, run);
    }
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification"), 300);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification_digests"), 300);
}

TEST_F(ScaleFile, ARunAfterALoggedCallRewritesThatCustomer)
{
    classifyAndStore(date("2026-06-30"));
    // What logging a call does: the customer's due date, reason and last contact change.
    auto facts = store::MetricsQuery(db).one(7, date("2026-06-30"), settings);
    ASSERT_TRUE(facts);
    store::ClassificationStore::OwnResult own;
    own.plan.due = date("2027-01-01");
    own.plan.reason.kind = classify::DueReason::Kind::FollowUpSet;
    own.plan.reason.date = own.plan.due;
    ASSERT_TRUE(store::ClassificationStore(db).updateFollowUp(*facts, own));
    auto changed = store::ClassificationStore(db).find(7);
    ASSERT_TRUE(changed && *changed);
    EXPECT_EQ((*changed)->due, date("2027-01-01"));
    // The same run again puts the computed row back.
    const classify::Run run = classifyAndStore(date("2026-06-30"));
    expectStored(db, run);
}

TEST_F(ScaleFile, ArchivingACustomerReachesItsStoredResultsAtOnce)
{
    classifyAndStore(date("2026-06-30"));
    ASSERT_EQ(scalar(db, "SELECT archived FROM customers WHERE id = 3"), 0);
    ASSERT_TRUE(store::CustomerRepository(db).setArchived(3, true));
    EXPECT_EQ(scalar(db, "SELECT archived FROM classification WHERE customer_id = 3"), 1);
    ASSERT_TRUE(store::CustomerRepository(db).setArchived(3, false));
    EXPECT_EQ(scalar(db, "SELECT archived FROM classification WHERE customer_id = 3"), 0);
}

TEST_F(ScaleFile, AStoredCustomerWhoIsGoneLeavesTheResultsWithTheNextRun)
{
    classifyAndStore(date("2026-06-30"));
    // Another program removed customer 9 with foreign keys off, leaving its results behind.
    ASSERT_TRUE(db.exec("PRAGMA foreign_keys = OFF"));
    ASSERT_TRUE(db.exec("DELETE FROM orders WHERE customer_id = 9"));
    ASSERT_TRUE(db.exec("DELETE FROM calls WHERE customer_id = 9"));
    ASSERT_TRUE(db.exec("DELETE FROM customers WHERE id = 9"));
    ASSERT_TRUE(db.exec("PRAGMA foreign_keys = ON"));
    classifyAndStore(date("2026-06-30"));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification WHERE customer_id = 9"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification"), 299);
}

TEST_F(ScaleFile, StoredCustomersWhoAreGoneAfterTheLastOneClassifiedLeaveTheResults)
{
    classifyAndStore(date("2026-06-30"));
    // Customers 299 and 300, the last ids, removed behind the store's back: their stored
    // digests come after every row of the next run.
    ASSERT_TRUE(db.exec("PRAGMA foreign_keys = OFF"));
    for (const char *sql :
         {"DELETE FROM orders WHERE customer_id >= 299", "DELETE FROM calls WHERE customer_id >= 299",
          "DELETE FROM customers WHERE id >= 299"})
        ASSERT_TRUE(db.exec(sql));
    ASSERT_TRUE(db.exec("PRAGMA foreign_keys = ON"));
    const classify::Run run = classifyAndStore(date("2026-06-30"));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification WHERE customer_id >= 299"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification_digests WHERE customer_id >= 299"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification"), 298);
    expectStored(db, run);
}

TEST_F(ScaleFile, TheFirstRunOfAMonthKeepsTheLastTiersOfThePreviousMonth)
{
    const classify::Run may = classifyAndStore(date("2026-05-31"));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM tier_snapshots"), 0); // within a month: nothing
    classifyAndStore(date("2026-06-30"));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM tier_snapshots WHERE month = '2026-05'"), 300);
    for (const classify::Classification &c : may.rows) {
        const QByteArray sql =
            "SELECT value_tier = '" + toText(c.valueTier).toLatin1() +
            "' FROM tier_snapshots WHERE month = '2026-05' AND customer_id = " + QByteArray::number(c.id);
        EXPECT_EQ(scalar(db, sql.constData()), 1) << c.id;
    }
    // In July, June's tiers are the stored ones: everyone stayed.
    auto july = store::ChartQuery(db).migration(date("2026-07-02"));
    ASSERT_TRUE(july);
    EXPECT_TRUE(july->hasPrevious);
    EXPECT_EQ(july->up() + july->down() + july->newcomers(), 0);
    EXPECT_EQ(july->stayed(), scalar(db, "SELECT count(*) FROM customers WHERE archived = 0"));
}

TEST_F(ScaleFile, ARankThatDiffersFromTheOneWorkedOutOnReadIsStoredWithItsRow)
{
    classify::Run run = classifyAndStore(date("2026-06-30"));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification WHERE value_rank IS NOT NULL"), 0);
    // A writer that ranks otherwise than classify::run: the spender ranked last by spend is
    // given rank 1, which the stored spend and tiers do not give; everyone else keeps theirs.
    auto last = std::max_element(run.rows.begin(), run.rows.end(),
                                 [](const auto &a, const auto &b) { return a.valueRank < b.valueRank; });
    ASSERT_GT(last->valueRank, 1);
    last->valueRank = 1;
    auto facts = store::MetricsQuery(db).all(date("2026-06-30"), settings);
    ASSERT_TRUE(facts);
    ASSERT_TRUE(store::ClassificationStore(db).replace(*facts, run, 0));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification WHERE value_rank IS NOT NULL"), 1);
    const QByteArray sql =
        "SELECT value_rank FROM classification WHERE customer_id = " + QByteArray::number(last->id);
    EXPECT_EQ(scalar(db, sql.constData()), 1);
    expectStored(db, run);
    // The run's own ranks again: the row goes back to the rank worked out on read.
    expectStored(db, classifyAndStore(date("2026-06-30")));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification WHERE value_rank IS NOT NULL"), 0);
}

TEST_F(ScaleFile, DigestsThatMatchNoRowOfTheRunRewriteEveryRow)
{
    // What an older build's digests (another fingerprint) look like to this one: none matches,
    // so the next run rewrites every row, and a row changed behind the store's back with them.
    classifyAndStore(date("2026-06-30"));
    ASSERT_TRUE(db.exec("UPDATE classification_digests SET digest = digest + 1"));
    ASSERT_TRUE(db.exec("UPDATE classification SET segment = NULL, priority = 9 WHERE customer_id = 3"));
    const classify::Run run = classifyAndStore(date("2026-06-30"));
    expectStored(db, run);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification WHERE priority = 9"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification_digests"), 300);
}

namespace {

/// `n` customers created on 2024-01-01 plus (id mod 500) days, every third with one order of
/// (id mod 1000) + 1 currency units (id mod 400) days before 2026-06-01; no calls.
void populateBySql(store::Database &db, int n)
{
    auto tx = db.beginWrite();
    ASSERT_TRUE(tx);
    const QByteArray customers =
        "INSERT INTO customers (id, name, created_at) WITH RECURSIVE n(i) AS "
        "(SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
        QByteArray::number(n) +
        ") SELECT i, 'c' || i, date('2024-01-01', '+' || (i % 500) || ' days') FROM n";
    ASSERT_TRUE(db.exec(customers.constData()));
    ASSERT_TRUE(
        db.exec("INSERT INTO orders (customer_id, ordered_at, amount) SELECT id, date('2026-06-01', "
                "'-' || (id % 400) || ' days'), 100 * (id % 1000) + 100 FROM customers WHERE id % 3 = 0"));
    ASSERT_TRUE(tx->commit());
}

} // namespace

TEST(ScaleLargeRun, RunsOfTensOfThousandsAreComparedOnAHelperThreadAndStoreWhatChanged)
{
    // From 65,536 rows on, the fingerprints of a run are worked out on a helper thread while
    // the stored ones are read.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    store::Database db;
    ASSERT_TRUE(db.open(dir.filePath(QStringLiteral("large.sqlite"))));
    populateBySql(db, 70'000);
    auto settings = store::SettingsRepository(db).load();
    ASSERT_TRUE(settings);
    auto classifyAndStore = [&](QDate asOf) {
        auto facts = store::MetricsQuery(db).all(asOf, *settings);
        EXPECT_TRUE(facts);
        classify::Run run = classify::run(*facts, *settings, asOf);
        EXPECT_TRUE(store::ClassificationStore(db).replace(*facts, run, 0));
        return run;
    };
    auto some = [](const classify::Run &run) {
        classify::Run part;
        for (const classify::Classification &c : run.rows) {
            if (c.id <= 300 || c.id % 997 == 0 || c.id >= 69'990)
                part.rows.push_back(c);
        }
        return part;
    };
    const classify::Run first = classifyAndStore(date("2026-06-29"));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification"), 70'000);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification_digests"), 70'000);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification WHERE value_rank IS NOT NULL"), 0);
    expectStored(db, some(first));

    // Customer 7 is graded S by hand (priority 0), customer 10's call is logged (due moved to
    // 2027-01-01 in place), customer 11 archived, customer 69,999 (an order: 69,999 = 3 · 23,333)
    // removed behind the store's back.
    ASSERT_TRUE(db.exec("UPDATE customers SET grade = 'S' WHERE id = 7"));
    auto facts10 = store::MetricsQuery(db).one(10, date("2026-06-29"), *settings);
    ASSERT_TRUE(facts10);
    store::ClassificationStore::OwnResult own;
    own.plan.due = date("2027-01-01");
    own.plan.reason.kind = classify::DueReason::Kind::FollowUpSet;
    own.plan.reason.date = own.plan.due;
    ASSERT_TRUE(store::ClassificationStore(db).updateFollowUp(*facts10, own));
    EXPECT_EQ(scalar(db, "SELECT due_date = '2027-01-01' FROM classification WHERE customer_id = 10"), 1);
    ASSERT_TRUE(store::CustomerRepository(db).setArchived(11, true));
    ASSERT_TRUE(db.exec("PRAGMA foreign_keys = OFF"));
    ASSERT_TRUE(db.exec("DELETE FROM orders WHERE customer_id = 69999"));
    ASSERT_TRUE(db.exec("DELETE FROM customers WHERE id = 69999"));
    ASSERT_TRUE(db.exec("PRAGMA foreign_keys = ON"));

    const classify::Run next = classifyAndStore(date("2026-06-30"));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification"), 69'999);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification_digests"), 69'999);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification WHERE customer_id = 69999"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification_digests WHERE digest = 0"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM classification WHERE value_rank IS NOT NULL"), 0);
    EXPECT_EQ(scalar(db, "SELECT grade = 'S' AND priority = 0 FROM classification WHERE customer_id = 7"), 1);
    // Never called and no follow-up: due on the day it was created, 2024-01-01 + 10 days.
    EXPECT_EQ(scalar(db, "SELECT due_date = '2024-01-11' AND reason_kind = 'never_contacted' FROM "
                         "classification WHERE customer_id = 10"),
              1);
    EXPECT_EQ(scalar(db, "SELECT archived FROM classification WHERE customer_id = 11"), 1);
    expectStored(db, some(next));
}

// ---- The bulk import ---------------------------------------------------------------------------

TEST(BulkImportIntoAnEmptyDatabase, RefusesAnOrderOfAnUnknownCustomerAndKeepsTheIndexes)
{
    store::Database db;
    ASSERT_TRUE(db.openInMemory());
    const qint64 indexes =
        scalar(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND sql NOT NULL");
    {
        store::BulkImport bulk(db);
        ASSERT_TRUE(bulk.begin());
        Customer c;
        c.id = 1;
        c.name = QStringLiteral("甲");
        c.createdAt = date("2026-01-01");
        ASSERT_TRUE(bulk.addCustomer(c));
        Order o;
        o.id = 10;
        o.customerId = 2;
        o.orderedAt = date("2026-02-01");
        o.amount = 100;
        auto refused = bulk.addOrder(o);
        ASSERT_FALSE(refused);
        EXPECT_TRUE(refused.error().message.contains(QStringLiteral("customer does not exist")));
        Call call;
        call.id = 5;
        call.customerId = 2;
        call.calledAt = QDateTime(date("2026-02-01"), QTime(9, 0), Qt::UTC);
        EXPECT_FALSE(bulk.addCall(call));
        o.customerId = 1;
        EXPECT_TRUE(bulk.addOrder(o));
        ASSERT_TRUE(bulk.commit());
    }
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM orders"), 1);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM calls"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND sql NOT NULL"),
              indexes);
    EXPECT_EQ(scalar(db, "PRAGMA foreign_keys"), 1);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM customer_search WHERE customer_search MATCH '\"甲\"'"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM customer_search WHERE instr(text, '甲') > 0"), 1);
}

TEST(BulkImportIntoAnEmptyDatabase, ARollbackBringsTheIndexesBack)
{
    store::Database db;
    ASSERT_TRUE(db.openInMemory());
    const qint64 indexes =
        scalar(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND sql NOT NULL");
    {
        store::BulkImport bulk(db);
        ASSERT_TRUE(bulk.begin());
        EXPECT_LT(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND sql NOT NULL"),
                  indexes);
        bulk.rollback();
    }
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND sql NOT NULL"),
              indexes);
    EXPECT_EQ(scalar(db, "PRAGMA foreign_keys"), 1);
}

TEST(BulkImportIntoADatabaseWithCustomers, StillChecksReferencesWithForeignKeys)
{
    store::Database db;
    ASSERT_TRUE(db.openInMemory());
    Customer c;
    c.name = QStringLiteral("乙");
    c.createdAt = date("2026-01-01");
    ASSERT_TRUE(store::CustomerRepository(db).add(c));
    store::BulkImport bulk(db);
    ASSERT_TRUE(bulk.begin());
    Order o;
    o.id = 10;
    o.customerId = 99;
    o.orderedAt = date("2026-02-01");
    o.amount = 100;
    auto refused = bulk.addOrder(o);
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("customer does not exist")));
}

namespace {

/// Every row of `sql`, each value as its type and text, one row a line.
QString dump(store::Database &db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db.handle(), sql, -1, &stmt, nullptr) != SQLITE_OK)
        return QStringLiteral("<") + QString::fromUtf8(sqlite3_errmsg(db.handle())) + u'>';
    QString out;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
            const int type = sqlite3_column_type(stmt, i);
            out += type == SQLITE_NULL
                       ? QStringLiteral("NULL")
                       : QString::number(type) + u':' +
                             QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, i)));
            out += u'|';
        }
        out += u'\n';
    }
    sqlite3_finalize(stmt);
    return out;
}

/// A customer with only what the table requires.
Customer customerNamed(CustomerId id, const QString &name)
{
    Customer c;
    c.id = id;
    c.name = name;
    c.createdAt = date("2025-01-01");
    return c;
}

/// Hands out `records` one after the other, as BulkImport::addOrders() and addCalls() ask for them.
template<typename Record>
std::function<const Record *()> handOut(const std::vector<Record> &records, std::size_t &handed)
{
    return [&records, &handed]() -> const Record * {
        return handed < records.size() ? &records[handed++] : nullptr;
    };
}

std::vector<Order> someOrders()
{
    std::vector<Order> orders(4);
    orders[0] = {10, 1, date("2026-02-01"), 12'345, 2'000, {}};
    orders[1] = {11, 2, date("2026-02-28"), -4'500, std::nullopt, {}}; // a refund, no profit
    orders[2] = {12, 1, date("2025-12-31"), 0, 0, QStringLiteral("备注 “引号”, with a comma")};
    orders[3] = {20, 2, date("2026-03-01"), 99, -1, {}};
    return orders;
}

std::vector<Call> someCalls()
{
    std::vector<Call> calls(3);
    calls[0] = {5,
                1,
                QDateTime(date("2026-06-25"), QTime(9, 5, 7)),
                Direction::Out,
                Outcome::Reached,
                0,
                date("2026-07-01"),
                QStringLiteral("回访：已确认")};
    calls[1] = {6,
                2,
                QDateTime(date("2026-06-26"), QTime(23, 59, 59)),
                Direction::In,
                Outcome::WrongNumber,
                std::nullopt,
                QDate(),
                {}};
    calls[2] = {9,
                1,
                QDateTime(date("2026-06-27"), QTime(0, 0)),
                Direction::Out,
                Outcome::NoAnswer,
                3'600,
                QDate(),
                QStringLiteral("no answer")};
    return calls;
}

/// Adds customers 1 and 2, then someOrders() and someCalls() through addOrders() and addCalls();
/// commits. Into an empty database they go in through one statement each, into one that has a
/// customer already through a statement a row.
void importSome(store::Database &db)
{
    store::BulkImport bulk(db);
    ASSERT_TRUE(bulk.begin());
    for (CustomerId id : {1, 2})
        ASSERT_TRUE(bulk.addCustomer(customerNamed(id, QStringLiteral("客户%1").arg(id))));
    const std::vector<Order> orders = someOrders();
    const std::vector<Call> calls = someCalls();
    std::size_t handed = 0;
    int rejections = 0;
    const std::function<void(const Error &)> rejected = [&rejections](const Error &) { ++rejections; };
    ASSERT_TRUE(bulk.addOrders(handOut(orders, handed), rejected));
    EXPECT_EQ(handed, orders.size());
    handed = 0;
    ASSERT_TRUE(bulk.addCalls(handOut(calls, handed), rejected));
    EXPECT_EQ(handed, calls.size());
    EXPECT_EQ(rejections, 0);
    ASSERT_TRUE(bulk.commit());
}

constexpr char kOrdersDump[] =
    "SELECT id, customer_id, ordered_at, amount, profit, note FROM orders ORDER BY id";
constexpr char kCallsDump[] = "SELECT id, customer_id, called_at, direction, outcome, duration_s, "
                              "next_follow_up, note FROM calls ORDER BY id";

} // namespace

TEST(BulkImportIntoAnEmptyDatabase, StreamedOrdersAndCallsStoreWhatARowAtATimeStores)
{
    store::Database streamed;
    ASSERT_TRUE(streamed.openInMemory());
    importSome(streamed);

    store::Database rowByRow;
    ASSERT_TRUE(rowByRow.openInMemory());
    {
        store::BulkImport first(
            rowByRow); // customer 100 first: the next import is not into an empty database
        ASSERT_TRUE(first.begin());
        ASSERT_TRUE(first.addCustomer(customerNamed(100, QStringLiteral("已有的客户"))));
        ASSERT_TRUE(first.commit());
    }
    importSome(rowByRow);

    // By hand: integers as integers, dates as ISO text, empty texts and absent values as NULL.
    const QString orders = QStringLiteral("1:10|1:1|3:2026-02-01|1:12345|1:2000|NULL|\n"
                                          "1:11|1:2|3:2026-02-28|1:-4500|NULL|NULL|\n"
                                          "1:12|1:1|3:2025-12-31|1:0|1:0|3:备注 “引号”, with a comma|\n"
                                          "1:20|1:2|3:2026-03-01|1:99|1:-1|NULL|\n");
    const QString calls =
        QStringLiteral("1:5|1:1|3:2026-06-25T09:05:07|3:out|3:reached|1:0|3:2026-07-01|3:回访：已确认|\n"
                       "1:6|1:2|3:2026-06-26T23:59:59|3:in|3:wrong_number|NULL|NULL|NULL|\n"
                       "1:9|1:1|3:2026-06-27T00:00:00|3:out|3:no_answer|1:3600|NULL|3:no answer|\n");
    EXPECT_EQ(dump(streamed, kOrdersDump), orders);
    EXPECT_EQ(dump(streamed, kCallsDump), calls);
    EXPECT_EQ(dump(rowByRow, kOrdersDump), orders);
    EXPECT_EQ(dump(rowByRow, kCallsDump), calls);
    EXPECT_EQ(
        scalar(streamed, "SELECT count(*) FROM orders INDEXED BY orders_by_customer WHERE customer_id = 1"),
        2);
    EXPECT_EQ(
        scalar(streamed, "SELECT count(*) FROM calls INDEXED BY calls_by_customer WHERE customer_id = 1"), 2);
}

TEST(BulkImportIntoAnEmptyDatabase, AStreamReportsARepeatedIdAndAnUnknownCustomerAtTheirRowAndGoesOn)
{
    store::Database db;
    ASSERT_TRUE(db.openInMemory());
    store::BulkImport bulk(db);
    ASSERT_TRUE(bulk.begin());
    ASSERT_TRUE(bulk.addCustomer(customerNamed(1, QStringLiteral("甲"))));

    // An order added on its own before the stream: its id is taken too.
    ASSERT_TRUE(bulk.addOrder({9, 1, date("2026-01-31"), 900, std::nullopt, {}}));
    std::vector<Order> orders(6);
    orders[0] = {10, 1, date("2026-02-01"), 100, std::nullopt, {}};
    orders[1] = {10, 1, date("2026-02-02"), 200, std::nullopt, {}}; // the id again
    orders[2] = {11, 7, date("2026-02-03"), 300, std::nullopt, {}}; // no customer 7
    orders[3] = {12, 1, date("2026-02-04"), 400, std::nullopt, {}};
    orders[4] = {13, 7, date("2026-02-05"), 500, std::nullopt, {}};
    orders[5] = {9, 1, date("2026-02-06"), 600, std::nullopt, {}}; // the last row refused
    std::size_t handed = 0;
    std::vector<std::pair<std::size_t, QString>> rejections; // the row handed out last, the reason
    const std::function<void(const Error &)> rejected = [&](const Error &e) {
        rejections.emplace_back(handed, e.message);
    };
    ASSERT_TRUE(bulk.addOrders(handOut(orders, handed), rejected));
    ASSERT_EQ(rejections.size(), 4u);
    EXPECT_EQ(rejections[0],
              std::make_pair(std::size_t(2), QStringLiteral("Order 10: this id exists already.")));
    EXPECT_EQ(rejections[1],
              std::make_pair(std::size_t(3), QStringLiteral("Order 11: its customer does not exist.")));
    EXPECT_EQ(rejections[2],
              std::make_pair(std::size_t(5), QStringLiteral("Order 13: its customer does not exist.")));
    EXPECT_EQ(rejections[3],
              std::make_pair(std::size_t(6), QStringLiteral("Order 9: this id exists already.")));

    std::vector<Call> calls = someCalls();
    calls[1].id = calls[0].id;
    calls[1].customerId = 1;
    handed = 0;
    rejections.clear();
    ASSERT_TRUE(bulk.addCalls(handOut(calls, handed), rejected));
    ASSERT_EQ(rejections.size(), 1u);
    EXPECT_EQ(rejections[0],
              std::make_pair(std::size_t(2), QStringLiteral("Call 5: this id exists already.")));
    ASSERT_TRUE(bulk.commit());

    EXPECT_EQ(dump(db, "SELECT id, amount FROM orders ORDER BY id"),
              QStringLiteral("1:9|1:900|\n1:10|1:100|\n1:12|1:400|\n"));
    EXPECT_EQ(dump(db, "SELECT id FROM calls ORDER BY id"), QStringLiteral("1:5|\n1:9|\n"));
}

TEST(BulkImportIntoAnEmptyDatabase, AFullDiskEndsAStreamWithAnErrorAndTheRollbackKeepsNothing)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    store::Database db;
    ASSERT_TRUE(db.open(dir.filePath(QStringLiteral("full.sqlite"))));
    const qint64 pages = scalar(db, "PRAGMA page_count");
    {
        store::BulkImport bulk(db);
        ASSERT_TRUE(bulk.begin());
        const QByteArray limit = "PRAGMA max_page_count = " + QByteArray::number(pages + 20);
        ASSERT_TRUE(db.exec(limit.constData()));
        ASSERT_TRUE(bulk.addCustomer(customerNamed(1, QStringLiteral("甲"))));
        std::vector<Order> orders(20'000);
        for (std::size_t i = 0; i < orders.size(); ++i)
            orders[i] = {std::int64_t(i + 1), 1, date("2026-02-01"), 100, std::nullopt, QString(100, u'备')};
        std::size_t handed = 0;
        const std::function<void(const Error &)> rejected = [](const Error &e) {
            ADD_FAILURE() << e.message.toStdString();
        };
        auto added = bulk.addOrders(handOut(orders, handed), rejected);
        ASSERT_FALSE(added) << "the page limit was never reached";
        EXPECT_TRUE(added.error().message.contains(QStringLiteral("disk is full")))
            << added.error().message.toStdString();
        EXPECT_LT(handed, orders.size());
        bulk.rollback();
    }
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM customers"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM orders"), 0);
}

TEST(BulkImportIntoAnEmptyDatabase, ItsRowTableIsOnlyForItsOwnStatements)
{
    store::Database db;
    ASSERT_TRUE(db.openInMemory());
    store::BulkImport bulk(db);
    ASSERT_TRUE(bulk.begin());
    sqlite3_stmt *stmt = nullptr;
    // Without the rows to read there is no plan.
    EXPECT_NE(
        sqlite3_prepare_v2(db.handle(), "SELECT count(*) FROM tierdesk_import_rows", -1, &stmt, nullptr),
        SQLITE_OK);
    sqlite3_finalize(stmt);
    stmt = nullptr;
    // A NULL in place of them reads as no rows.
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM tierdesk_import_rows(NULL)"), 0);
    // A view of the file cannot read it (SQLITE_VTAB_DIRECTONLY).
    ASSERT_TRUE(db.exec("CREATE VIEW import_rows_view AS SELECT c1 FROM tierdesk_import_rows(NULL)"));
    EXPECT_NE(sqlite3_prepare_v2(db.handle(), "SELECT count(*) FROM import_rows_view", -1, &stmt, nullptr),
              SQLITE_OK);
    sqlite3_finalize(stmt);
}

namespace {

/// The names of the files in `dir`.
QStringList filesIn(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList(QDir::Files, QDir::Name);
}

} // namespace

TEST(BulkImportIntoAnEmptyDatabase, CallsAddedOnTheSideWhileTheOrdersGoInStoreWhatItsOwnStatementStores)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    store::Database db;
    ASSERT_TRUE(db.open(dir.filePath(QStringLiteral("side.sqlite"))));
    {
        store::BulkImport bulk(db);
        ASSERT_TRUE(bulk.begin());
        for (CustomerId id : {1, 2})
            ASSERT_TRUE(bulk.addCustomer(customerNamed(id, QStringLiteral("客户%1").arg(id))));
        auto side = bulk.sideCalls();
        ASSERT_TRUE(side);
        ASSERT_NE(*side, nullptr);
        EXPECT_EQ(filesIn(dir).filter(QStringLiteral("side.sqlite.calls-")).size(), 1);

        // someCalls(), with a repeated id and a call of a customer not imported among them.
        std::vector<Call> calls = someCalls();
        calls.insert(calls.begin() + 1, calls[0]);
        calls[1].note = QStringLiteral("again");
        Call stranger = calls[2];
        stranger.id = 7;
        stranger.customerId = 3;
        calls.push_back(stranger);
        std::size_t handedCalls = 0;
        std::vector<std::pair<std::size_t, QString>> callRejections;
        Result<void> sideOk;
        std::thread thread([&] {
            sideOk = (*side)->addCalls(handOut(calls, handedCalls), [&](const Error &e) {
                callRejections.emplace_back(handedCalls, e.message);
            });
            if (sideOk)
                sideOk = (*side)->finish();
        });
        const std::vector<Order> orders = someOrders();
        std::size_t handedOrders = 0;
        const std::function<void(const Error &)> noRejection = [](const Error &e) {
            ADD_FAILURE() << e.message.toStdString();
        };
        const auto ordersOk = bulk.addOrders(handOut(orders, handedOrders), noRejection);
        // The orders' indexes meanwhile, as the interchange import builds them.
        const auto indexesOk = bulk.buildIndexes();
        thread.join();
        ASSERT_TRUE(ordersOk);
        ASSERT_TRUE(indexesOk);
        ASSERT_TRUE(sideOk) << sideOk.error().message.toStdString();
        ASSERT_EQ(callRejections.size(), 2u);
        EXPECT_EQ(callRejections[0],
                  std::make_pair(std::size_t(2), QStringLiteral("Call 5: this id exists already.")));
        EXPECT_EQ(callRejections[1],
                  std::make_pair(std::size_t(5), QStringLiteral("Call 7: its customer does not exist.")));
        ASSERT_TRUE(bulk.commit());
    }
    // As StreamedOrdersAndCallsStoreWhatARowAtATimeStores expects of the import's own statement.
    EXPECT_EQ(
        dump(db, kCallsDump),
        QStringLiteral("1:5|1:1|3:2026-06-25T09:05:07|3:out|3:reached|1:0|3:2026-07-01|3:回访：已确认|\n"
                       "1:6|1:2|3:2026-06-26T23:59:59|3:in|3:wrong_number|NULL|NULL|NULL|\n"
                       "1:9|1:1|3:2026-06-27T00:00:00|3:out|3:no_answer|1:3600|NULL|3:no answer|\n"));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM orders"), 4);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM calls INDEXED BY calls_by_customer WHERE customer_id = 1"), 2);
    EXPECT_EQ(dump(db, "PRAGMA integrity_check"), QStringLiteral("3:ok|\n"));
    // The calls' history triggers are back, and the scratch file is gone with its attachment.
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'calls'"),
              3);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM pragma_database_list WHERE name NOT IN ('main', 'temp')"), 0);
    EXPECT_EQ(filesIn(dir).filter(QStringLiteral(".calls-")), QStringList());
}

TEST(BulkImportIntoAnEmptyDatabase, HasNoSideInMemory)
{
    store::Database db;
    ASSERT_TRUE(db.openInMemory());
    store::BulkImport bulk(db);
    ASSERT_TRUE(bulk.begin());
    auto side = bulk.sideCalls();
    ASSERT_TRUE(side);
    EXPECT_EQ(*side, nullptr);
}

TEST(BulkImportIntoADatabaseWithCustomers, HasNoSide)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    store::Database db;
    ASSERT_TRUE(db.open(dir.filePath(QStringLiteral("full.sqlite"))));
    ASSERT_TRUE(store::CustomerRepository(db).add(customerNamed(0, QStringLiteral("乙"))));
    store::BulkImport bulk(db);
    ASSERT_TRUE(bulk.begin());
    auto side = bulk.sideCalls();
    ASSERT_TRUE(side);
    EXPECT_EQ(*side, nullptr);
    EXPECT_EQ(filesIn(dir).filter(QStringLiteral(".calls-")), QStringList());
}

/// A database file with one customer added by a BulkImport in `bulk`, and someCalls() added
/// through its side (not finished).
class SideOfAnImport : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        ASSERT_TRUE(db.open(dir.filePath(QStringLiteral("side.sqlite"))));
        bulk.emplace(db);
        ASSERT_TRUE(bulk->begin());
        ASSERT_TRUE(bulk->addCustomer(customerNamed(1, QStringLiteral("甲"))));
        auto made = bulk->sideCalls();
        ASSERT_TRUE(made);
        ASSERT_NE(*made, nullptr);
        side = *made;
        std::size_t handed = 0;
        ASSERT_TRUE(side->addCalls(handOut(calls, handed), [](const Error &) {}));
    }

    QStringList scratchFiles() const { return filesIn(dir).filter(QStringLiteral(".calls-")); }

    QTemporaryDir dir;
    store::Database db;
    std::optional<store::BulkImport> bulk;
    store::BulkImport::SideCalls *side = nullptr;
    const std::vector<Call> calls = someCalls();
};

TEST_F(SideOfAnImport, ACommitBeforeItFinishedKeepsNothing)
{
    EXPECT_FALSE(bulk->commit());
    bulk.reset();
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM customers"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM calls"), 0);
    EXPECT_EQ(scalar(db, "PRAGMA foreign_keys"), 1);
    EXPECT_EQ(scratchFiles(), QStringList());
}

TEST_F(SideOfAnImport, ARollbackBeforeItFinishedLeavesItToItsThreadUntilTheImportGoes)
{
    // As when an index build of the import fails while the calls' thread still adds calls.
    bulk->rollback();
    const std::vector<Call> more = someCalls();
    std::size_t handed = 0;
    EXPECT_TRUE(side->addCalls(handOut(more, handed), [](const Error &) {}));
    EXPECT_EQ(handed, more.size());
    EXPECT_TRUE(side->finish());
    EXPECT_EQ(scratchFiles().size(), 1);
    bulk.reset();
    EXPECT_EQ(scratchFiles(), QStringList());
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM customers"), 0);
}

TEST_F(SideOfAnImport, ARollbackAfterItFinishedKeepsNothingAndRemovesItsFile)
{
    EXPECT_EQ(scratchFiles().size(), 1);
    ASSERT_TRUE(side->finish());
    bulk->rollback();
    EXPECT_EQ(scratchFiles(), QStringList());
    bulk.reset();
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM calls"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'calls_by_customer'"), 1);
}

// ---- The damage check of a big file --------------------------------------------------------------

class BigFile : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        // Every file counts as big: open() leaves the check to the helper thread.
        store::Database::setSyncCheckLimit(0);
        store::Database db;
        ASSERT_TRUE(db.open(path()));
        store::CustomerRepository customers(db);
        for (int i = 0; i < 200; ++i) {
            Customer c;
            c.name = QStringLiteral("客户 %1 ").arg(i) + QString(400, u'x');
            c.createdAt = date("2026-01-15");
            ASSERT_TRUE(customers.add(c));
        }
    }
    void TearDown() override { store::Database::setSyncCheckLimit(qint64(64) << 20); }
    QString path() const { return dir.filePath(QStringLiteral("big.sqlite")); }

    void waitForTheCheck(store::Database &db)
    {
        for (int i = 0; i < 500 && !db.integrityChecked(); ++i)
            QThread::msleep(10);
        ASSERT_TRUE(db.integrityChecked());
    }

    /// Two pages in the middle of the file overwritten with garbage.
    void damageTheMiddle()
    {
        QFile f(path());
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        const qint64 pages = f.size() / 16384;
        ASSERT_GE(pages, 4);
        ASSERT_TRUE(f.seek((pages / 2) * 16384));
        QByteArray garbage(2 * 16384, '\0');
        for (qsizetype i = 0; i < garbage.size(); ++i)
            garbage[i] = char((i * 131 + 0xA5) & 0xff);
        ASSERT_EQ(f.write(garbage), garbage.size());
    }

    QTemporaryDir dir;
};

TEST_F(BigFile, AnUndamagedFileOpensAndPassesItsCheck)
{
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    waitForTheCheck(db);
    EXPECT_TRUE(db.integrity());
    Customer c;
    c.name = QStringLiteral("丙");
    c.createdAt = date("2026-01-15");
    EXPECT_TRUE(store::CustomerRepository(db).add(c));
}

TEST_F(BigFile, ADamagedFileOpensButRefusesEveryWriteOnceTheCheckFoundTheDamage)
{
    damageTheMiddle();
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    waitForTheCheck(db);
    auto integrity = db.integrity();
    ASSERT_FALSE(integrity);
    EXPECT_TRUE(integrity.error().message.contains(QStringLiteral("damaged")));
    auto tx = db.beginWrite();
    ASSERT_FALSE(tx);
    EXPECT_TRUE(tx.error().message.contains(QStringLiteral("damaged")));
}

TEST_F(BigFile, AConnectionBesideADamagedFilesFirstOneRefusesEveryWriteOnceTheFirstsCheckFoundIt)
{
    damageTheMiddle();
    store::Database first;
    ASSERT_TRUE(first.open(path()));
    // The worker's connection: no check of its own, the first one's outcome.
    store::Database beside;
    ASSERT_TRUE(beside.openBeside(path(), first.damageCheck()));
    waitForTheCheck(first);
    ASSERT_FALSE(first.integrity());
    EXPECT_TRUE(beside.integrityChecked());
    auto integrity = beside.integrity();
    ASSERT_FALSE(integrity);
    EXPECT_TRUE(integrity.error().message.contains(QStringLiteral("damaged")));
    auto tx = beside.beginWrite();
    ASSERT_FALSE(tx);
    EXPECT_TRUE(tx.error().message.contains(QStringLiteral("damaged")));
    // Still refused once the window closed its connection (the worker may outlive it).
    first.close();
    EXPECT_FALSE(beside.beginWrite());
    // Opening the first connection again on another file starts from a new check.
    EXPECT_TRUE(first.openInMemory());
    EXPECT_TRUE(first.integrity());
    EXPECT_FALSE(beside.integrity());
}

TEST_F(BigFile, AConnectionBesideAnUndamagedFilesFirstOneWritesAndFollowsTheFirstsCheck)
{
    store::Database first;
    ASSERT_TRUE(first.open(path()));
    store::Database beside;
    ASSERT_TRUE(beside.openBeside(path(), first.damageCheck()));
    waitForTheCheck(first);
    EXPECT_TRUE(beside.integrityChecked());
    EXPECT_TRUE(beside.integrity());
    Customer c;
    c.name = QStringLiteral("丁");
    c.createdAt = date("2026-01-15");
    EXPECT_TRUE(store::CustomerRepository(beside).add(c));
}

TEST_F(BigFile, AReadOnlyConnectionIsNotCheckedAndItsReadsOfADamagedPageSaySo)
{
    // The root page of the customers table is overwritten: a read of the queue (what
    // tierdesk-cli queue and Export… read) meets it at once.
    qint64 root = 0;
    {
        store::Database db;
        ASSERT_TRUE(db.open(path()));
        root = scalar(db, "SELECT rootpage FROM sqlite_master WHERE name = 'customers'");
        ASSERT_GT(root, 1);
    }
    {
        QFile f(path());
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        ASSERT_TRUE(f.seek((root - 1) * 16384));
        QByteArray garbage(16384, '\0');
        for (qsizetype i = 0; i < garbage.size(); ++i)
            garbage[i] = char((i * 131 + 0xA5) & 0xff);
        ASSERT_EQ(f.write(garbage), garbage.size());
    }
    // Nothing can be written through a read-only connection, and the check only refuses
    // writes: it does not run (a one-shot command shared the second core with it). With it,
    // this small file would have been found damaged well within the wait.
    store::Database db;
    ASSERT_TRUE(db.open(path(), store::Database::Mode::ReadOnly));
    EXPECT_TRUE(db.integrityChecked());
    QThread::msleep(300);
    EXPECT_TRUE(db.integrity());
    // The read itself fails, with the message of a damaged file: no call list from it.
    auto queue = store::ClassificationStore(db).storedQueue(date("2026-06-30"));
    ASSERT_FALSE(queue);
    EXPECT_TRUE(queue.error().message.contains(QStringLiteral("damaged")))
        << queue.error().message.toStdString();

    // Opened to write, the same file is checked and refuses every write, as before.
    store::Database writable;
    ASSERT_TRUE(writable.open(path()));
    waitForTheCheck(writable);
    EXPECT_FALSE(writable.integrity());
}

TEST_F(BigFile, ClosingDuringTheCheckDoesNotWaitForIt)
{
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    db.close(); // interrupts the check, joins the thread
    EXPECT_FALSE(db.isOpen());
}
