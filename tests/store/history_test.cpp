// The customers' history digests (schema 4) behind the full metrics pass: the facts they give are
// those of the orders and calls tables for every customer and any as-of day, whatever was written
// since they were built, by whom (a logged call, an edited or deleted order, an undone import, a
// merge, plain SQL), and the bulk import empties them instead of listing each row.

#include "store/bulk.h"
#include "store/database.h"
#include "store/importlog.h"
#include "store/metricsscan.h"
#include "store/repositories.h"
#include "storetests.h"
#include "support/testsupport.h"

#include <QScopeGuard>
#include <QTemporaryDir>

#include <algorithm>
#include <gtest/gtest.h>
#include <random>
#include <sqlite3.h>
#include <tuple>

using namespace tierdesk;
using tierdesk::test::date;
using tierdesk::test::expectSameFacts;
using tierdesk::test::scalar;

namespace {

/// Customers with orders (refunds among them, some after the as-of days tested) and calls (some
/// at the same second, with and without follow-ups), and some with neither.
void populate(store::Database &db, int customers, unsigned seed)
{
    auto tx = db.beginWrite();
    ASSERT_TRUE(tx);
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return int(rng() % unsigned(n)); };
    const QDate end(2026, 6, 30);
    for (int i = 1; i <= customers; ++i) {
        Customer c;
        c.id = i;
        c.name = QStringLiteral("客户 %1").arg(i);
        c.createdAt = end.addDays(-pick(1100));
        ASSERT_TRUE(store::CustomerRepository(db).add(c));
        for (int k = pick(4) == 0 ? 0 : pick(9); k > 0; --k) {
            Order o;
            o.customerId = i;
            static const int edges[] = {0, 1, 179, 180, 181, 359, 360, 361, 364, 365, 366, -1, -20};
            o.orderedAt = end.addDays(pick(3) ? -pick(1100) : -edges[pick(13)]);
            o.amount = Cents(pick(500000)) * (pick(10) == 0 ? -1 : 1);
            ASSERT_TRUE(store::OrderRepository(db).add(o));
        }
        for (int k = pick(6); k > 0; --k) {
            Call call;
            call.customerId = i;
            call.calledAt = QDateTime(end.addDays(-pick(400) + 2), QTime(9 + pick(2), 0), Qt::UTC);
            call.outcome = Outcome(pick(5));
            if (pick(3) == 0)
                call.nextFollowUp = end.addDays(pick(30) - 10);
            ASSERT_TRUE(store::CallRepository(db).add(call));
        }
    }
    ASSERT_TRUE(tx->commit());
}

class HistoryTest : public ::testing::TestWithParam<bool> {
protected:
    void SetUp() override
    {
        if (GetParam()) {
            ASSERT_TRUE(dir.isValid());
            ASSERT_TRUE(db.open(dir.filePath(QStringLiteral("history.sqlite"))));
        } else {
            ASSERT_TRUE(db.openInMemory());
        }
        populate(db, 200, 11);
    }

    /// The facts of the pass (digests) against those of the tables, on days around the data's end.
    void expectAgreement()
    {
        for (const QDate asOf :
             {date("2026-06-30"), date("2026-06-29"), date("2025-12-31"), date("2026-07-25")}) {
            auto fromDigests = store::MetricsQuery(db).all(asOf, settings);
            auto fromTables = store::scanAllFactsFromTables(db, asOf, settings);
            ASSERT_TRUE(fromDigests && fromTables);
            expectSameFacts(*fromDigests, *fromTables);
        }
        // The pass wrote back what it rebuilt.
        EXPECT_EQ(scalar(db, "SELECT built FROM customer_history_state"), 1);
        EXPECT_EQ(scalar(db, "SELECT count(*) FROM customer_history_dirty"), 0);
    }

    QTemporaryDir dir;
    store::Database db;
    classify::Settings settings;
};

} // namespace

INSTANTIATE_TEST_SUITE_P(FileAndMemory, HistoryTest, ::testing::Bool());

TEST_P(HistoryTest, TheFirstPassBuildsEveryDigestAndAgreesWithTheTables)
{
    EXPECT_EQ(scalar(db, "SELECT built FROM customer_history_state"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM customer_history"), 0);
    expectAgreement();
    EXPECT_EQ(
        scalar(db, "SELECT count(*) FROM customer_history"),
        scalar(db,
               "SELECT count(*) FROM (SELECT customer_id FROM orders UNION SELECT customer_id FROM calls)"));
    // Customers without orders or calls have no digest and empty facts.
    EXPECT_GT(
        scalar(db,
               "SELECT count(*) FROM customers WHERE id NOT IN (SELECT customer_id FROM customer_history)"),
        0);
}

TEST_P(HistoryTest, ALoggedCallIsReadFromTheTableEndAndMergedIn)
{
    expectAgreement();
    Call call;
    call.customerId = 7;
    call.calledAt = QDateTime(date("2026-06-30"), QTime(23, 59, 59), Qt::UTC);
    call.outcome = Outcome::Busy;
    call.nextFollowUp = date("2026-07-03");
    ASSERT_TRUE(store::CallRepository(db).add(call));
    // A new row lists nothing: it is after the rows the digests hold, and every pass reads it.
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM customer_history_dirty"), 0);
    EXPECT_LT(scalar(db, "SELECT calls_upto FROM customer_history_state"),
              scalar(db, "SELECT max(id) FROM calls"));
    auto facts = store::MetricsQuery(db).all(date("2026-06-30"), settings);
    ASSERT_TRUE(facts);
    EXPECT_EQ((*facts)[6].id, 7);
    EXPECT_EQ((*facts)[6].lastContact, date("2026-06-30"));
    EXPECT_EQ((*facts)[6].lastOutcome, Outcome::Busy);
    EXPECT_EQ((*facts)[6].followUp, date("2026-07-03"));
    expectAgreement();
}

TEST_P(HistoryTest, EditedAndDeletedOrdersAndCallsByPlainSqlAreSeen)
{
    expectAgreement();
    // One change at a time, each to a customer or two: rebuilt one by one, not all from the tables.
    for (const char *sql :
         {"UPDATE orders SET amount = -amount WHERE id = 3",
          "UPDATE orders SET ordered_at = '2026-06-30' WHERE id = 25",
          "UPDATE orders SET customer_id = 1 WHERE id = 40", "DELETE FROM orders WHERE id = 50",
          "UPDATE calls SET outcome = 'reached', next_follow_up = NULL WHERE id = 10",
          "UPDATE calls SET next_follow_up = '2026-07-09' WHERE id = 11",
          "UPDATE calls SET called_at = '2026-06-30T10:00:00' WHERE id = 20",
          "UPDATE calls SET customer_id = 2 WHERE id = 21", "DELETE FROM calls WHERE id = 30"}) {
        SCOPED_TRACE(sql);
        ASSERT_TRUE(db.exec(sql));
        EXPECT_GE(scalar(db, "SELECT count(*) FROM customer_history_dirty"), 1);
        EXPECT_LE(scalar(db, "SELECT count(*) FROM customer_history_dirty"), 2);
        expectAgreement();
    }
}

TEST_P(HistoryTest, DeletingACustomersLastOrdersAndCallsDropsItsDigest)
{
    expectAgreement();
    const qint64 id = scalar(db, "SELECT min(customer_id) FROM customer_history");
    ASSERT_GT(id, 0);
    const QByteArray sql = "DELETE FROM orders WHERE customer_id = " + QByteArray::number(id) +
                           "; DELETE FROM calls WHERE customer_id = " + QByteArray::number(id);
    ASSERT_EQ(sqlite3_exec(db.handle(), sql.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
    expectAgreement();
    const QByteArray count =
        "SELECT count(*) FROM customer_history WHERE customer_id = " + QByteArray::number(id);
    EXPECT_EQ(scalar(db, count.constData()), 0);
}

TEST_P(HistoryTest, AMergeAndItsUndoMoveTheHistoryBothWays)
{
    expectAgreement();
    auto record = store::CustomerRepository(db).merge(3, 4);
    ASSERT_TRUE(record);
    expectAgreement();
    ASSERT_TRUE(store::CustomerRepository(db).unmerge(*record));
    expectAgreement();
}

TEST_P(HistoryTest, AnUndoneImportOfOrdersTakesThemOutOfTheDigests)
{
    expectAgreement();
    auto before = store::MetricsQuery(db).all(date("2026-06-30"), settings);
    ASSERT_TRUE(before);
    store::ImportLog log(db);
    auto batch = log.begin(QStringLiteral("orders.csv"), store::ImportKind::Orders);
    ASSERT_TRUE(batch);
    for (CustomerId c : {1, 2, 3}) {
        Order o;
        o.customerId = c;
        o.orderedAt = date("2026-06-30");
        o.amount = 12345;
        auto id = store::OrderRepository(db).add(o);
        ASSERT_TRUE(id);
        ASSERT_TRUE(log.recordCreatedRecord(*batch, *id));
    }
    ASSERT_TRUE(log.finish(*batch, 3, 0, 0, 0));
    auto imported = store::MetricsQuery(db).all(date("2026-06-30"), settings);
    ASSERT_TRUE(imported);
    EXPECT_EQ((*imported)[1].monetary, (*before)[1].monetary + 12345);
    EXPECT_EQ((*imported)[1].lastOrder, date("2026-06-30"));
    ASSERT_TRUE(log.undo(*batch));
    expectAgreement();
    auto undone = store::MetricsQuery(db).all(date("2026-06-30"), settings);
    ASSERT_TRUE(undone);
    expectSameFacts(*undone, *before);
}

TEST_P(HistoryTest, ManyDirtyCustomersAreRebuiltFromTheWholeTables)
{
    expectAgreement();
    // More than a sixteenth of the customers: one pass over the tables instead of a lookup each.
    ASSERT_TRUE(db.exec("UPDATE orders SET amount = amount + 1"));
    EXPECT_GT(scalar(db, "SELECT count(*) FROM customer_history_dirty"), 200 / 16);
    expectAgreement();
}

TEST_P(HistoryTest, InsideACallersTransactionThePassSeesItsWritesAndRollsBackWithIt)
{
    expectAgreement();
    {
        auto tx = db.beginWrite();
        ASSERT_TRUE(tx);
        ASSERT_TRUE(db.exec("UPDATE orders SET amount = 1 WHERE customer_id = 1"));
        auto inside = store::MetricsQuery(db).all(date("2026-06-30"), settings);
        auto tables = store::scanAllFactsFromTables(db, date("2026-06-30"), settings);
        ASSERT_TRUE(inside && tables);
        expectSameFacts(*inside, *tables);
        // rolled back here
    }
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM customer_history_dirty"), 0);
    expectAgreement();
}

TEST(HistoryFile, TheFirstPassLeavesNoPagesOfItsWriteInTheConnectionsCache)
{
    // Everyone's facts are read next, at the first pass's peak: the 32 MiB of pages the digests'
    // write left in the cache would be resident under it.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    store::Database db;
    ASSERT_TRUE(db.open(dir.filePath(QStringLiteral("history.sqlite"))));
    tierdesk::test::addPairsOfCustomers(db, 20'000);
    ASSERT_TRUE(db.exec("INSERT INTO orders (customer_id, ordered_at, amount) SELECT id, "
                        "date('2026-06-30', printf('-%d days', (id * 7 + k) % 700)), 1000 + id % 977 "
                        "FROM customers, (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3)"));
    classify::Settings settings;
    auto facts = store::MetricsQuery(db).all(date("2026-06-30"), settings);
    ASSERT_TRUE(facts);
    ASSERT_EQ(facts->size(), 20'000u);
    EXPECT_EQ((*facts)[0].ordersTotal, 3);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM customer_history"), 20'000);
    EXPECT_LT(tierdesk::test::pageCacheUsed(db), 1024 * 1024); // 12 MB without the release
    EXPECT_EQ(scalar(db, "PRAGMA cache_size"), -32768);
}

TEST(HistoryReadOnly, AReadOnlyConnectionWorksTheDigestsOutInMemory)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("ro.sqlite"));
    classify::Settings settings;
    {
        store::Database db;
        ASSERT_TRUE(db.open(path));
        populate(db, 100, 3);
        ASSERT_TRUE(store::MetricsQuery(db).all(date("2026-06-30"), settings)); // built
        ASSERT_TRUE(db.exec("DELETE FROM orders WHERE id % 2 = 0"));            // 1 in 2 dirty
    }
    store::Database ro;
    ASSERT_TRUE(ro.open(path, store::Database::Mode::ReadOnly));
    const qint64 dirty = scalar(ro, "SELECT count(*) FROM customer_history_dirty");
    EXPECT_GT(dirty, 0);
    auto fromDigests = store::MetricsQuery(ro).all(date("2026-06-30"), settings);
    auto fromTables = store::scanAllFactsFromTables(ro, date("2026-06-30"), settings);
    ASSERT_TRUE(fromDigests && fromTables);
    expectSameFacts(*fromDigests, *fromTables);
    EXPECT_EQ(scalar(ro, "SELECT count(*) FROM customer_history_dirty"), dirty); // nothing written
}

TEST(HistoryBulkImport, AnImportIntoAnEmptyDatabaseListsNoRowAndEmptiesTheDigests)
{
    store::Database db;
    ASSERT_TRUE(db.openInMemory());
    classify::Settings settings;
    {
        store::BulkImport bulk(db);
        ASSERT_TRUE(bulk.begin());
        for (CustomerId id : {1, 2}) {
            Customer c;
            c.id = id;
            c.name = QStringLiteral("客户");
            c.createdAt = date("2025-01-01");
            ASSERT_TRUE(bulk.addCustomer(c));
        }
        Order o;
        o.id = 1;
        o.customerId = 2;
        o.orderedAt = date("2026-06-01");
        o.amount = 500;
        ASSERT_TRUE(bulk.addOrder(o));
        // The triggers are gone for the import's transaction: no row listed.
        EXPECT_EQ(
            scalar(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%history%'"),
            0);
        EXPECT_EQ(scalar(db, "SELECT count(*) FROM customer_history_dirty"), 0);
        ASSERT_TRUE(bulk.commit());
    }
    EXPECT_EQ(
        scalar(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%history%'"), 6);
    EXPECT_EQ(scalar(db, "SELECT built FROM customer_history_state"), 0);
    auto facts = store::MetricsQuery(db).all(date("2026-06-30"), settings);
    ASSERT_TRUE(facts);
    ASSERT_EQ(facts->size(), 2u);
    EXPECT_EQ((*facts)[1].monetary, 500);
    EXPECT_EQ((*facts)[1].lastOrder, date("2026-06-01"));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM customer_history"), 1);
    // The triggers are back: a change to an order the digests hold marks its customer.
    Order later;
    later.customerId = 1;
    later.orderedAt = date("2026-06-02");
    later.amount = 700;
    ASSERT_TRUE(store::OrderRepository(db).add(later));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM customer_history_dirty"), 0); // new: read from the end
    ASSERT_TRUE(db.exec("UPDATE orders SET amount = 600 WHERE id = 1"));
    EXPECT_EQ(scalar(db, "SELECT customer_id FROM customer_history_dirty"), 2);
    auto after = store::MetricsQuery(db).all(date("2026-06-30"), settings);
    ASSERT_TRUE(after);
    EXPECT_EQ((*after)[0].monetary, 700);
    EXPECT_EQ((*after)[1].monetary, 600);
}

TEST_P(HistoryTest, ANewCallEarlierInTheDayThanOneInTheDigestsIsNotTheLatest)
{
    const auto add = [&](const char *time, Outcome outcome) {
        Call call;
        call.customerId = 9;
        call.calledAt = QDateTime(date("2026-06-30"), QTime::fromString(QString::fromLatin1(time)), Qt::UTC);
        call.outcome = outcome;
        ASSERT_TRUE(store::CallRepository(db).add(call));
    };
    add("15:00:00", Outcome::Busy);
    expectAgreement(); // in the digests now
    add("09:00:00", Outcome::Reached);
    auto facts = store::MetricsQuery(db).all(date("2026-06-30"), settings);
    ASSERT_TRUE(facts);
    EXPECT_EQ((*facts)[8].lastOutcome, Outcome::Busy);
    EXPECT_EQ((*facts)[8].lastReachedCall, date("2026-06-30"));
    // At the same second as the one in the digests, the new call (a greater id) is the latest.
    add("15:00:00", Outcome::Voicemail);
    facts = store::MetricsQuery(db).all(date("2026-06-30"), settings);
    ASSERT_TRUE(facts);
    EXPECT_EQ((*facts)[8].lastOutcome, Outcome::Voicemail);
    expectAgreement();
}

TEST_P(HistoryTest, ManyNewRowsAreWrittenIntoTheDigests)
{
    expectAgreement();
    const qint64 upto = scalar(db, "SELECT calls_upto FROM customer_history_state");
    // Up to 4,096 new rows stay at the table's end; more are written into the digests.
    ASSERT_TRUE(db.exec("INSERT INTO calls (customer_id, called_at, direction, outcome) SELECT customer_id,"
                        " '2026-06-30T12:00:00', 'out', 'busy' FROM calls"));
    const qint64 added = scalar(db, "SELECT max(id) FROM calls") - upto;
    ASSERT_LE(added, 4096);
    expectAgreement();
    EXPECT_EQ(scalar(db, "SELECT calls_upto FROM customer_history_state"), upto);
    ASSERT_TRUE(db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
                        " INSERT INTO calls (customer_id, called_at, direction, outcome)"
                        " SELECT i % 200 + 1, '2026-06-29T12:00:00', 'in', 'reached' FROM n"));
    ASSERT_GT(scalar(db, "SELECT max(id) FROM calls") - upto, 4096);
    expectAgreement();
    EXPECT_EQ(scalar(db, "SELECT calls_upto FROM customer_history_state"),
              scalar(db, "SELECT max(id) FROM calls"));
    expectAgreement();
}

namespace {

/// The first build reads the tables a chunk of rows at a time (setHistoryChunkRows()) and joins
/// each customer's parts. Rows entered in date order give parts that follow one another; rows
/// entered in any order give parts that are merged.
class HistoryChunks : public ::testing::TestWithParam<std::tuple<int, bool>> {
protected:
    void SetUp() override
    {
        store::setHistoryChunkRows(std::size_t(std::get<0>(GetParam())));
        ASSERT_TRUE(dir.isValid());
        // On a file the orders are read in a second thread, as in the app.
        ASSERT_TRUE(db.open(dir.filePath(QStringLiteral("chunks.sqlite"))));
    }
    void TearDown() override { store::setHistoryChunkRows(kDefaultChunkRows); }

    /// 40 customers' orders (refunds among them, several on one day) and calls (several at one
    /// second, follow-ups), entered in date order or shuffled.
    void populate(bool inDateOrder)
    {
        auto tx = db.beginWrite();
        ASSERT_TRUE(tx);
        for (int i = 1; i <= 40; ++i) {
            Customer c;
            c.id = i;
            c.name = QStringLiteral("客户 %1").arg(i);
            c.createdAt = date("2023-01-01");
            ASSERT_TRUE(store::CustomerRepository(db).add(c));
        }
        std::mt19937 rng(7);
        auto pick = [&](int n) { return int(rng() % unsigned(n)); };
        std::vector<Order> orders;
        std::vector<Call> calls;
        for (int k = 0; k < 400; ++k) {
            Order o;
            o.customerId = 1 + pick(40);
            o.orderedAt = date("2026-07-20").addDays(-pick(900));
            o.amount = Cents(pick(200000)) * (pick(8) == 0 ? -1 : 1);
            orders.push_back(o);
            Call call;
            call.customerId = 1 + pick(40);
            // Few distinct seconds: calls of a customer at the same second are common.
            call.calledAt = QDateTime(date("2026-07-20").addDays(-pick(300)), QTime(9 + pick(2), 0), Qt::UTC);
            call.outcome = Outcome(pick(5));
            if (pick(3) == 0)
                call.nextFollowUp = call.calledAt.date().addDays(pick(20) - 5);
            calls.push_back(call);
        }
        if (inDateOrder) {
            std::stable_sort(orders.begin(), orders.end(),
                             [](const Order &a, const Order &b) { return a.orderedAt < b.orderedAt; });
            std::stable_sort(calls.begin(), calls.end(),
                             [](const Call &a, const Call &b) { return a.calledAt < b.calledAt; });
        }
        for (const Order &o : orders)
            ASSERT_TRUE(store::OrderRepository(db).add(o));
        for (const Call &c : calls)
            ASSERT_TRUE(store::CallRepository(db).add(c));
        ASSERT_TRUE(tx->commit());
    }

    void expectAgreement()
    {
        for (const QDate asOf :
             {date("2026-06-30"), date("2026-06-29"), date("2025-12-31"), date("2026-07-25")}) {
            SCOPED_TRACE(asOf.toString(Qt::ISODate).toStdString());
            auto fromDigests = store::MetricsQuery(db).all(asOf, settings);
            auto fromTables = store::scanAllFactsFromTables(db, asOf, settings);
            ASSERT_TRUE(fromDigests && fromTables);
            expectSameFacts(*fromDigests, *fromTables);
        }
    }

    /// Every customer's call digest, in id order.
    std::vector<QByteArray> callDigests()
    {
        std::vector<QByteArray> out;
        sqlite3_stmt *s = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(db.handle(), "SELECT calls FROM customer_history ORDER BY customer_id",
                                     -1, &s, nullptr),
                  SQLITE_OK);
        while (sqlite3_step(s) == SQLITE_ROW)
            out.emplace_back(static_cast<const char *>(sqlite3_column_blob(s, 0)),
                             sqlite3_column_bytes(s, 0));
        sqlite3_finalize(s);
        return out;
    }

    static constexpr std::size_t kDefaultChunkRows = 262'144;
    QTemporaryDir dir;
    store::Database db;
    classify::Settings settings;
};

} // namespace

INSTANTIATE_TEST_SUITE_P(ChunkRowsAndOrder, HistoryChunks,
                         ::testing::Combine(::testing::Values(1, 3, 64, 262'144), ::testing::Bool()));

TEST_P(HistoryChunks, TheDigestsBuiltInChunksGiveTheTablesFacts)
{
    ASSERT_NO_FATAL_FAILURE(populate(std::get<1>(GetParam())));
    expectAgreement();
    EXPECT_EQ(scalar(db, "SELECT built FROM customer_history_state"), 1);
    // The calls' digests are those of one chunk, byte for byte: the same calls in the same order.
    const std::vector<QByteArray> built = callDigests();
    ASSERT_FALSE(built.empty());
    store::setHistoryChunkRows(kDefaultChunkRows);
    ASSERT_TRUE(db.exec("UPDATE customer_history_state SET built = 0"));
    expectAgreement();
    EXPECT_EQ(callDigests(), built);
}

TEST(HistoryChunkEdges, CallsAndOrdersSplitOverChunksKeepTheirOrder)
{
    // Every row a chunk of its own: each customer's digest is joined from one part per row.
    store::setHistoryChunkRows(1);
    const auto restore = qScopeGuard([] { store::setHistoryChunkRows(262'144); });
    store::Database db;
    ASSERT_TRUE(db.openInMemory());
    for (int i = 1; i <= 5; ++i) {
        Customer c;
        c.id = i;
        c.name = QStringLiteral("客户 %1").arg(i);
        c.createdAt = date("2025-01-01");
        ASSERT_TRUE(store::CustomerRepository(db).add(c));
    }
    const auto call = [&](CustomerId customer, const char *at, Outcome outcome, QDate followUp = {}) {
        Call c;
        c.customerId = customer;
        c.calledAt = QDateTime::fromString(QString::fromLatin1(at), Qt::ISODate);
        c.calledAt.setTimeSpec(Qt::UTC);
        c.outcome = outcome;
        c.nextFollowUp = followUp;
        ASSERT_TRUE(store::CallRepository(db).add(c));
    };
    const auto order = [&](CustomerId customer, const char *on, Cents amount) {
        Order o;
        o.customerId = customer;
        o.orderedAt = date(on);
        o.amount = amount;
        ASSERT_TRUE(store::OrderRepository(db).add(o));
    };
    // Two calls at the same second: the second one entered is the latest.
    call(1, "2026-06-10T10:00:00", Outcome::Reached);
    call(1, "2026-06-10T10:00:00", Outcome::Busy);
    // A call entered after another but dated before it.
    call(2, "2026-06-20T09:00:00", Outcome::Reached, date("2026-06-25"));
    call(2, "2026-06-05T09:00:00", Outcome::NoAnswer, date("2026-06-08"));
    // Three at the same second, in three chunks.
    call(4, "2026-06-12T08:00:00", Outcome::Voicemail);
    call(4, "2026-06-12T08:00:00", Outcome::Reached);
    call(4, "2026-06-12T08:00:00", Outcome::WrongNumber);
    // Merged (the second one is dated before the first): of the two at the same second, the
    // one entered later is still the latest.
    call(5, "2026-06-15T10:00:00", Outcome::Busy);
    call(5, "2026-06-01T10:00:00", Outcome::NoAnswer);
    call(5, "2026-06-15T10:00:00", Outcome::Reached);
    call(5, "2026-06-15T10:00:00", Outcome::Voicemail, date("2026-06-18"));
    // Orders out of date order, a refund on the day of an order, one after the as-of day.
    order(3, "2026-06-01", 10000);
    order(3, "2026-05-01", 5000);
    order(3, "2026-06-01", -3000);
    order(3, "2026-07-02", 7000);

    classify::Settings settings;
    auto facts = store::MetricsQuery(db).all(date("2026-06-30"), settings);
    ASSERT_TRUE(facts);
    ASSERT_EQ(facts->size(), 5u);
    const classify::CustomerFacts &one = (*facts)[0], &two = (*facts)[1], &three = (*facts)[2],
                                  &four = (*facts)[3], &five = (*facts)[4];
    EXPECT_EQ(one.lastContact, date("2026-06-10"));
    EXPECT_EQ(one.lastOutcome, Outcome::Busy);
    EXPECT_EQ(one.lastReachedCall, date("2026-06-10"));
    EXPECT_EQ(two.lastContact, date("2026-06-20"));
    EXPECT_EQ(two.lastOutcome, Outcome::Reached);
    EXPECT_EQ(two.followUp, date("2026-06-25"));
    EXPECT_EQ(two.lastReachedCall, date("2026-06-20"));
    EXPECT_EQ(three.ordersTotal, 2);
    EXPECT_EQ(three.firstOrder, date("2026-05-01"));
    EXPECT_EQ(three.lastOrder, date("2026-06-01"));
    EXPECT_EQ(three.monetary, 12000);
    EXPECT_EQ(four.lastContact, date("2026-06-12"));
    EXPECT_EQ(four.lastOutcome, Outcome::WrongNumber);
    EXPECT_EQ(four.lastReachedCall, date("2026-06-12"));
    EXPECT_EQ(five.lastContact, date("2026-06-15"));
    EXPECT_EQ(five.lastOutcome, Outcome::Voicemail);
    EXPECT_EQ(five.followUp, date("2026-06-18"));
    EXPECT_EQ(five.lastReachedCall, date("2026-06-15"));
    // From the stored digests, on the day of the last order.
    facts = store::MetricsQuery(db).all(date("2026-07-02"), settings);
    ASSERT_TRUE(facts);
    EXPECT_EQ((*facts)[2].ordersTotal, 3);
    EXPECT_EQ((*facts)[2].lastOrder, date("2026-07-02"));
    EXPECT_EQ((*facts)[2].monetary, 19000);
    EXPECT_EQ((*facts)[0].lastOutcome, Outcome::Busy);
}
