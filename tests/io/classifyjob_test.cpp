// The classification job: a full run over the database, and the one-customer follow-up update
// after a call. Expected values are worked out by hand from spec/classification.md.

#include "io/calllist.h"
#include "io/classifyjob.h"
#include "io/demodata.h"
#include "store/database.h"
#include "store/metricsscan.h"
#include "store/repositories.h"
#include "support/testsupport.h"

#include <QBuffer>
#include <QTemporaryDir>

#include <algorithm>
#include <array>
#include <gtest/gtest.h>
#include <ostream>
#include <sqlite3.h>

using namespace tierdesk;
using tierdesk::test::date;

static void PrintTo(QDate d, std::ostream *os)
{
    *os << d.toString(Qt::ISODate).toStdString();
}

namespace {

using Kind = classify::DueReason::Kind;

/// T for every test: windows are W = (2025-06-30, T], H1 = (2026-01-01, T], H0 = (2025-07-05, 2026-01-01].
const QDate kAsOf = date("2026-06-30");

class ClassifyJob : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(db.openInMemory()); }

    void addCustomer(CustomerId id, const char *created, std::optional<Grade> grade = std::nullopt)
    {
        Customer c;
        c.id = id;
        c.name = QStringLiteral("客户 %1").arg(id);
        c.createdAt = date(created);
        c.grade = grade;
        if (grade)
            c.gradeSetAt = date(created);
        ASSERT_TRUE(store::CustomerRepository(db).add(c));
    }

    void addOrder(CustomerId id, const char *day, Cents amount)
    {
        Order o;
        o.customerId = id;
        o.orderedAt = date(day);
        o.amount = amount;
        ASSERT_TRUE(store::OrderRepository(db).add(o));
    }

    static Call makeCall(CustomerId id, const char *day, QTime time, Outcome outcome = Outcome::Reached,
                         const char *followUp = nullptr)
    {
        Call c;
        c.customerId = id;
        c.calledAt = QDateTime(date(day), time);
        c.outcome = outcome;
        if (followUp)
            c.nextFollowUp = date(followUp);
        return c;
    }

    /// Three buyers:
    /// 1: orders 2025-09-01 100.00, 2026-05-01 300.00, 2026-06-20 500.00; called 2026-06-25.
    ///    recency 10, frequency 3, monetary 900.00; spend_recent 800.00 > 1.2 × spend_prev 100.00.
    /// 2: one order 2025-08-01 50.00: recency 333 (≥ 180, < 365), never called.
    /// 3: created 2026-04-01, one order 2026-04-15 200.00: first order 76 days ago (< 90).
    /// R ranks (recency descending): 2, 3, 1 → R 1, 2, 4 (n = 3: 1 + ⌊5(rank − 1)/3⌋).
    /// F ranks (ascending): 2 and 3 tie at 1, then 1 at rank 3 → F 1, 1, 4.
    /// M ranks (ascending): 2, 3, 1 → M 1, 2, 4.
    /// Pyramid: 3 spenders, A cut ⌈0.15⌉ = 1, B cut ⌈0.6⌉ = 1 → 1 is A, 3 and 2 are C.
    void threeBuyers()
    {
        addCustomer(1, "2025-01-01");
        addCustomer(2, "2025-01-01");
        addCustomer(3, "2026-04-01");
        addOrder(1, "2025-09-01", 10'000);
        addOrder(1, "2026-05-01", 30'000);
        addOrder(1, "2026-06-20", 50'000);
        addOrder(2, "2025-08-01", 5'000);
        addOrder(3, "2026-04-15", 20'000);
        ASSERT_TRUE(store::CallRepository(db).add(makeCall(1, "2026-06-25", QTime(10, 0))));
    }

    static const classify::Classification &row(const io::Classified &c, CustomerId id)
    {
        const auto it = std::find_if(c.run.rows.begin(), c.run.rows.end(),
                                     [&](const classify::Classification &r) { return r.id == id; });
        EXPECT_NE(it, c.run.rows.end()) << "no row for customer " << id;
        static const classify::Classification none;
        return it == c.run.rows.end() ? none : *it;
    }

    classify::Classification stored(CustomerId id)
    {
        auto found = store::ClassificationStore(db).find(id);
        EXPECT_TRUE(found && found->has_value()) << "no stored classification for customer " << id;
        return found && found->has_value() ? **found : classify::Classification{};
    }

    qint64 runs()
    {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db.handle(), "SELECT count(*) FROM classification_runs", -1, &stmt, nullptr) !=
            SQLITE_OK)
            return -1;
        qint64 n = -1;
        if (sqlite3_step(stmt) == SQLITE_ROW)
            n = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        return n;
    }

    store::Database db;
};

} // namespace

// ---------------------------------------------------------------------------------------------
// Full runs

TEST_F(ClassifyJob, AnEmptyDatabaseGivesNoRowsAndNoError)
{
    auto result = io::classifyDatabase(db, kAsOf, /*store=*/false);
    ASSERT_TRUE(result) << result.error().message.toStdString();
    EXPECT_TRUE(result->run.rows.empty());
    EXPECT_TRUE(result->facts.empty());
    EXPECT_EQ(result->run.summary.customers, 0);
    EXPECT_EQ(result->run.summary.asOf, kAsOf);
}

TEST_F(ClassifyJob, AnEmptyDatabaseCanBeStored)
{
    auto result = io::classifyDatabase(db, kAsOf, /*store=*/true);
    ASSERT_TRUE(result) << result.error().message.toStdString();
    auto last = store::ClassificationStore(db).lastRun();
    ASSERT_TRUE(last && last->has_value());
    EXPECT_EQ((*last)->customers, 0);
}

TEST_F(ClassifyJob, RowsComeInCustomerIdOrder)
{
    threeBuyers();
    auto result = io::classifyDatabase(db, kAsOf, false);
    ASSERT_TRUE(result);
    ASSERT_EQ(result->run.rows.size(), 3u);
    ASSERT_EQ(result->facts.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(result->run.rows[i].id, CustomerId(i + 1));
        EXPECT_EQ(result->facts[i].id, CustomerId(i + 1));
    }
}

TEST_F(ClassifyJob, AFrequentRecentBigSpenderIsAKeyLoyalGrowingCustomer)
{
    threeBuyers();
    auto result = io::classifyDatabase(db, kAsOf, false);
    ASSERT_TRUE(result);
    const auto &c = row(*result, 1);
    EXPECT_EQ(c.recencyDays, std::optional<int>(10));
    EXPECT_EQ(c.frequency, 3);
    EXPECT_EQ(c.monetary, 90'000);
    EXPECT_EQ(c.r, std::optional<int>(4));
    EXPECT_EQ(c.f, std::optional<int>(4));
    EXPECT_EQ(c.m, std::optional<int>(4));
    EXPECT_EQ(c.valueTier, ValueTier::A);
    EXPECT_EQ(c.valueRank, 1);
    EXPECT_EQ(c.freqTier, std::optional<Level>(Level::High));
    EXPECT_EQ(c.loyalty, std::optional<Level>(Level::High));
    EXPECT_EQ(c.lifecycle, Lifecycle::Growth);
    EXPECT_EQ(c.engagement, Engagement::Active);
    EXPECT_EQ(c.segment, std::optional<Segment>(Segment::LoyalCustomers));
    EXPECT_EQ(c.matrix, std::optional<Matrix>(Matrix::ImportantValue));
    // No grade, tier A buyer: every 14 days from the call on 2026-06-25.
    EXPECT_EQ(c.due, date("2026-07-09"));
    EXPECT_EQ(c.reason.kind, Kind::TierCadence);
    EXPECT_EQ(c.reason.cadenceDays, 14);
    EXPECT_EQ(c.priorityClass, 1);
}

TEST_F(ClassifyJob, ALongSilentSmallBuyerIsDecliningAndHibernating)
{
    threeBuyers();
    auto result = io::classifyDatabase(db, kAsOf, false);
    ASSERT_TRUE(result);
    const auto &c = row(*result, 2);
    EXPECT_EQ(c.recencyDays, std::optional<int>(333));
    EXPECT_EQ(c.frequency, 1);
    EXPECT_EQ(c.monetary, 5'000);
    EXPECT_EQ(c.r, std::optional<int>(1));
    EXPECT_EQ(c.f, std::optional<int>(1));
    EXPECT_EQ(c.m, std::optional<int>(1));
    EXPECT_EQ(c.valueTier, ValueTier::C);
    EXPECT_EQ(c.valueRank, 3);
    EXPECT_EQ(c.freqTier, std::optional<Level>(Level::Low));
    EXPECT_EQ(c.loyalty, std::optional<Level>(Level::Low));
    EXPECT_EQ(c.lifecycle, Lifecycle::Decline);
    EXPECT_EQ(c.engagement, Engagement::Silent);
    EXPECT_EQ(c.segment, std::optional<Segment>(Segment::Hibernating));
    EXPECT_EQ(c.matrix, std::optional<Matrix>(Matrix::GeneralWinBack));
    // Never called: due from the day it was created.
    EXPECT_EQ(c.due, date("2025-01-01"));
    EXPECT_EQ(c.reason.kind, Kind::NeverContacted);
    EXPECT_EQ(c.priorityClass, 3);
}

TEST_F(ClassifyJob, ARecentFirstTimeBuyerIsNew)
{
    threeBuyers();
    auto result = io::classifyDatabase(db, kAsOf, false);
    ASSERT_TRUE(result);
    const auto &c = row(*result, 3);
    EXPECT_EQ(c.recencyDays, std::optional<int>(76));
    EXPECT_EQ(c.r, std::optional<int>(2));
    EXPECT_EQ(c.f, std::optional<int>(1));
    EXPECT_EQ(c.m, std::optional<int>(2));
    EXPECT_EQ(c.valueTier, ValueTier::C);
    EXPECT_EQ(c.valueRank, 2);
    EXPECT_EQ(c.loyalty, std::optional<Level>(Level::Low));
    EXPECT_EQ(c.lifecycle, Lifecycle::New);
    EXPECT_EQ(c.engagement, Engagement::Normal);
    EXPECT_EQ(c.segment, std::optional<Segment>(Segment::Hibernating));
    EXPECT_EQ(c.matrix, std::optional<Matrix>(Matrix::GeneralWinBack));
    EXPECT_EQ(c.due, date("2026-04-01"));
}

TEST_F(ClassifyJob, TheSummaryCountsBuyersAndTiers)
{
    threeBuyers();
    auto result = io::classifyDatabase(db, kAsOf, false);
    ASSERT_TRUE(result);
    const auto &s = result->run.summary;
    EXPECT_EQ(s.customers, 3);
    EXPECT_EQ(s.buyers, 3);
    EXPECT_EQ(s.spenders, 3);
    EXPECT_EQ(s.countByTier[0], 1);
    EXPECT_EQ(s.countByTier[1], 0);
    EXPECT_EQ(s.countByTier[2], 2);
    EXPECT_EQ(s.countByTier[3], 0);
}

TEST_F(ClassifyJob, WithoutStoreNothingIsStored)
{
    threeBuyers();
    ASSERT_TRUE(io::classifyDatabase(db, kAsOf, /*store=*/false));
    auto last = store::ClassificationStore(db).lastRun();
    ASSERT_TRUE(last);
    EXPECT_FALSE(last->has_value());
    auto found = store::ClassificationStore(db).find(1);
    ASSERT_TRUE(found);
    EXPECT_FALSE(found->has_value());
}

TEST_F(ClassifyJob, StoringKeepsEveryResult)
{
    threeBuyers();
    auto result = io::classifyDatabase(db, kAsOf, /*store=*/true);
    ASSERT_TRUE(result);
    const auto first = stored(1);
    EXPECT_EQ(first.valueTier, ValueTier::A);
    EXPECT_EQ(first.lifecycle, Lifecycle::Growth);
    EXPECT_EQ(first.due, date("2026-07-09"));
    const auto second = stored(2);
    EXPECT_EQ(second.valueTier, ValueTier::C);
    EXPECT_EQ(second.lifecycle, Lifecycle::Decline);
    const auto third = stored(3);
    EXPECT_EQ(third.lifecycle, Lifecycle::New);
}

TEST_F(ClassifyJob, StoringRecordsTheRun)
{
    threeBuyers();
    ASSERT_TRUE(io::classifyDatabase(db, kAsOf, /*store=*/true));
    auto last = store::ClassificationStore(db).lastRun();
    ASSERT_TRUE(last && last->has_value());
    EXPECT_EQ((*last)->asOf, kAsOf);
    EXPECT_EQ((*last)->customers, 3);
    EXPECT_TRUE((*last)->finishedAt.isValid());
}

TEST_F(ClassifyJob, OrdersAfterTheAsOfDateAreIgnored)
{
    threeBuyers();
    addOrder(2, "2026-07-01", 1'000'000);
    auto result = io::classifyDatabase(db, kAsOf, false);
    ASSERT_TRUE(result);
    EXPECT_EQ(row(*result, 2).monetary, 5'000);
    EXPECT_EQ(row(*result, 1).valueTier, ValueTier::A);
}

// ---------------------------------------------------------------------------------------------
// Storing without holding the results: classifyAndStore()

TEST_F(ClassifyJob, ClassifyAndStoreStoresEveryResult)
{
    threeBuyers();
    auto result = io::classifyAndStore(db, kAsOf);
    ASSERT_TRUE(result) << result.error().message.toStdString();
    const auto first = stored(1);
    EXPECT_EQ(first.valueTier, ValueTier::A);
    EXPECT_EQ(first.r, 4);
    EXPECT_EQ(first.f, 4);
    EXPECT_EQ(first.m, 4);
    EXPECT_EQ(first.valueRank, 1);
    EXPECT_EQ(first.lifecycle, Lifecycle::Growth);
    EXPECT_EQ(first.due, date("2026-07-09"));
    const auto second = stored(2);
    EXPECT_EQ(second.valueTier, ValueTier::C);
    EXPECT_EQ(second.valueRank, 3);
    EXPECT_EQ(second.lifecycle, Lifecycle::Decline);
    EXPECT_EQ(stored(3).lifecycle, Lifecycle::New);
    EXPECT_EQ(stored(3).valueRank, 2);
    auto last = store::ClassificationStore(db).lastRun();
    ASSERT_TRUE(last && last->has_value());
    EXPECT_EQ((*last)->asOf, kAsOf);
    EXPECT_EQ((*last)->customers, 3);
    EXPECT_EQ((*last)->buyers, 3);
    EXPECT_EQ((*last)->tierACutoff, 1);
    EXPECT_EQ((*last)->tierBCutoff, 1);
}

TEST_F(ClassifyJob, ClassifyAndStoreGivesTheSummary)
{
    threeBuyers();
    auto result = io::classifyAndStore(db, kAsOf);
    ASSERT_TRUE(result);
    const auto &s = result->summary;
    EXPECT_EQ(s.asOf, kAsOf);
    EXPECT_EQ(s.customers, 3);
    EXPECT_EQ(s.buyers, 3);
    EXPECT_EQ(s.spenders, 3);
    EXPECT_EQ(s.repeatBuyers, 1);
    EXPECT_EQ(s.countByTier, (std::array<int, 4>{1, 0, 2, 0}));
    EXPECT_EQ(s.monetaryByTier, (std::array<Cents, 4>{90'000, 0, 25'000, 0}));
}

TEST_F(ClassifyJob, ClassifyAndStoreHandsTheRowsToThenAfterStoringThem)
{
    threeBuyers();
    std::vector<classify::Classification> seen;
    qint64 runsWhenCalled = -1;
    auto result =
        io::classifyAndStore(db, kAsOf, [&](const classify::Classifier &classifier) -> Result<void> {
            runsWhenCalled = runs();
            for (std::size_t i = 0; i < classifier.size(); ++i)
                seen.push_back(classifier.at(i));
            return {};
        });
    ASSERT_TRUE(result);
    EXPECT_EQ(runsWhenCalled, 1);
    ASSERT_EQ(seen.size(), 3u);
    EXPECT_EQ(seen[0].id, 1);
    EXPECT_EQ(seen[0].valueTier, ValueTier::A);
    EXPECT_EQ(seen[1].id, 2);
    EXPECT_EQ(seen[1].r, 1);
    EXPECT_EQ(seen[1].lifecycle, Lifecycle::Decline);
    EXPECT_EQ(seen[2].id, 3);
    EXPECT_EQ(seen[2].m, 2);
}

TEST_F(ClassifyJob, AnErrorOfThenIsReturned)
{
    threeBuyers();
    auto result = io::classifyAndStore(db, kAsOf, [](const classify::Classifier &) -> Result<void> {
        return fail(QStringLiteral("disk full"));
    });
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message, QStringLiteral("disk full"));
}

namespace {

/// The statements a connection runs while it lives, as SQLite traces them (the top-level ones, in
/// order).
class Trace {
public:
    explicit Trace(store::Database &db)
        : m_db(db)
    {
        sqlite3_trace_v2(
            db.handle(), SQLITE_TRACE_STMT,
            [](unsigned, void *context, void *, void *sql) {
                const auto *text = static_cast<const char *>(sql);
                if (text && qstrncmp(text, "--", 2) != 0)
                    static_cast<Trace *>(context)->statements.push_back(QString::fromUtf8(text).simplified());
                return 0;
            },
            this);
    }
    ~Trace() { sqlite3_trace_v2(m_db.handle(), 0, nullptr, nullptr); }
    std::ptrdiff_t at(const char *sql) const
    {
        return std::find(statements.begin(), statements.end(), QString::fromUtf8(sql)) - statements.begin();
    }
    std::vector<QString> statements;

private:
    store::Database &m_db;
};

int synchronousLevel(store::Database &db)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db.handle(), "PRAGMA synchronous", -1, &stmt, nullptr) != SQLITE_OK)
        return -1;
    const int level = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : -1;
    sqlite3_finalize(stmt);
    return level;
}

} // namespace

TEST_F(ClassifyJob, ClassifyAndStoreCommitsTheRunWithoutSyncAndTheUsersWritesStillSync)
{
    threeBuyers();
    ASSERT_EQ(synchronousLevel(db), 2); // FULL, as every connection starts
    Trace trace(db);
    ASSERT_TRUE(io::classifyAndStore(db, kAsOf));
    const auto &statements = trace.statements;
    const auto normal = trace.at("PRAGMA synchronous = NORMAL");
    const auto full = trace.at("PRAGMA synchronous = FULL");
    ASSERT_LT(normal, std::ssize(statements));
    ASSERT_LT(full, std::ssize(statements));
    // Exactly the run's transaction lies between the two: one BEGIN IMMEDIATE and its COMMIT.
    const std::vector<QString> between(statements.begin() + normal + 1, statements.begin() + full);
    EXPECT_EQ(std::count(between.begin(), between.end(), QStringLiteral("BEGIN IMMEDIATE")), 1);
    EXPECT_EQ(std::count(between.begin(), between.end(), QStringLiteral("COMMIT")), 1);
    ASSERT_FALSE(between.empty());
    EXPECT_EQ(between.front(), QStringLiteral("BEGIN IMMEDIATE"));
    EXPECT_EQ(between.back(), QStringLiteral("COMMIT"));
    // The user's own writes after it (a logged call) wait for the disk again.
    EXPECT_EQ(synchronousLevel(db), 2);
}

TEST_F(ClassifyJob, AFailedRunLeavesTheConnectionSynchronousFull)
{
    threeBuyers();
    // Without the runs' table the run's transaction fails, after the rows were written.
    ASSERT_TRUE(db.exec("DROP TABLE classification_runs"));
    Trace trace(db);
    ASSERT_FALSE(io::classifyAndStore(db, kAsOf));
    EXPECT_LT(trace.at("PRAGMA synchronous = NORMAL"), std::ssize(trace.statements));
    EXPECT_LT(trace.at("BEGIN IMMEDIATE"), std::ssize(trace.statements));
    EXPECT_EQ(synchronousLevel(db), 2);
}

// What synchronous = NORMAL risks, checked: a power loss can leave the WAL without the run's last
// frames (they were never synced). SQLite then drops the whole transaction, its
// classification_runs row with it, and the file is as it was before the run.
TEST(ClassifyJobOnAFile, ARunCutShortInTheWriteAheadLogIsLostAsAWholeAndTheFileIsUndamaged)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("t.sqlite"));
    {
        store::Database db;
        ASSERT_TRUE(db.open(path));
        for (CustomerId id = 1; id <= 300; ++id) {
            Customer c;
            c.id = id;
            c.name = QStringLiteral("客户 %1").arg(id);
            c.createdAt = date("2025-01-01");
            ASSERT_TRUE(store::CustomerRepository(db).add(c));
            Order o;
            o.customerId = id;
            o.orderedAt = date("2026-06-01").addDays(-id);
            o.amount = 1'000 * id;
            ASSERT_TRUE(store::OrderRepository(db).add(o));
        }
        ASSERT_TRUE(io::classifyAndStore(db, date("2026-06-29")));
    } // the last connection closes: checkpointed, no WAL left
    ASSERT_FALSE(QFile::exists(path + QStringLiteral("-wal")));
    QByteArray wal;
    {
        store::Database db;
        ASSERT_TRUE(db.open(path));
        ASSERT_TRUE(db.exec("PRAGMA wal_autocheckpoint = 0"));
        // The next day changes most rows (a year later: everyone's recency and lifecycle).
        ASSERT_TRUE(io::classifyAndStore(db, date("2027-06-30")));
        QFile f(path + QStringLiteral("-wal"));
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        wal = f.readAll();
        ASSERT_GT(wal.size(), 4 * 16384);
        ASSERT_TRUE(QFile::copy(path, dir.filePath(QStringLiteral("cut.sqlite"))));
        ASSERT_TRUE(QFile::copy(path, dir.filePath(QStringLiteral("whole.sqlite"))));
    }
    auto lastRun = [&](const QString &name, qsizetype walBytes) -> QDate {
        QFile f(dir.filePath(name + QStringLiteral("-wal")));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(wal.left(walBytes));
        f.close();
        store::Database copy;
        auto ok = copy.open(dir.filePath(name)); // the damage check runs (a small file)
        EXPECT_TRUE(ok) << (ok ? std::string() : ok.error().message.toStdString());
        if (!ok)
            return {};
        auto last = store::ClassificationStore(copy).lastRun();
        EXPECT_TRUE(last && last->has_value());
        return last && last->has_value() ? (*last)->asOf : QDate();
    };
    // The whole log: the run is there. Its last page missing: the run is gone, the day before's
    // run is the last one (the window classifies again on open), and the file checks.
    EXPECT_EQ(lastRun(QStringLiteral("whole.sqlite"), wal.size()), date("2027-06-30"));
    EXPECT_EQ(lastRun(QStringLiteral("cut.sqlite"), wal.size() - 16384), date("2026-06-29"));
}

// ---------------------------------------------------------------------------------------------
// Logging a call: one customer's follow-up, without a full run

TEST_F(ClassifyJob, ACallWithANextFollowUpMakesThatTheDueDate)
{
    threeBuyers();
    ASSERT_TRUE(io::classifyDatabase(db, kAsOf, true));
    auto plan =
        io::logCall(db, makeCall(1, "2026-06-28", QTime(9, 0), Outcome::Reached, "2026-07-20"), kAsOf);
    ASSERT_TRUE(plan) << plan.error().message.toStdString();
    EXPECT_EQ(plan->due, date("2026-07-20"));
    EXPECT_EQ(plan->reason.kind, Kind::FollowUpSet);
    EXPECT_EQ(plan->reason.date, date("2026-07-20"));
}

TEST_F(ClassifyJob, ACallWithANextFollowUpIsStored)
{
    threeBuyers();
    ASSERT_TRUE(io::classifyDatabase(db, kAsOf, true));
    ASSERT_TRUE(
        io::logCall(db, makeCall(1, "2026-06-28", QTime(9, 0), Outcome::Reached, "2026-07-20"), kAsOf));
    const auto c = stored(1);
    EXPECT_EQ(c.due, date("2026-07-20"));
    EXPECT_EQ(c.reason.kind, Kind::FollowUpSet);
}

TEST_F(ClassifyJob, LoggingACallDoesNotRunAFullClassification)
{
    threeBuyers();
    ASSERT_TRUE(io::classifyDatabase(db, kAsOf, true));
    ASSERT_EQ(runs(), 1);
    ASSERT_TRUE(
        io::logCall(db, makeCall(1, "2026-06-28", QTime(9, 0), Outcome::Reached, "2026-07-20"), kAsOf));
    EXPECT_EQ(runs(), 1);
    // The other customers keep their stored results.
    EXPECT_EQ(stored(2).due, date("2025-01-01"));
    EXPECT_EQ(stored(3).due, date("2026-04-01"));
    // The tiers of the customer come from the last run.
    EXPECT_EQ(stored(1).valueTier, ValueTier::A);
}

TEST_F(ClassifyJob, ACallWithoutANextFollowUpGivesTheLastContactPlusTheCadence)
{
    threeBuyers();
    ASSERT_TRUE(io::classifyDatabase(db, kAsOf, true));
    // Tier A buyer without a grade: every 14 days.
    auto plan = io::logCall(db, makeCall(1, "2026-06-28", QTime(9, 0), Outcome::NoAnswer), kAsOf);
    ASSERT_TRUE(plan) << plan.error().message.toStdString();
    EXPECT_EQ(plan->due, date("2026-07-12"));
    EXPECT_EQ(plan->reason.kind, Kind::TierCadence);
    EXPECT_EQ(plan->reason.date, date("2026-06-28"));
    EXPECT_EQ(plan->reason.cadenceDays, 14);
    EXPECT_EQ(stored(1).due, date("2026-07-12"));
}

TEST_F(ClassifyJob, ACallToADecliningCustomerPlansAWinBackCall)
{
    threeBuyers();
    ASSERT_TRUE(io::classifyDatabase(db, kAsOf, true));
    // Customer 2 is in decline (tier C: 60 days) → min(60, 7).
    auto plan = io::logCall(db, makeCall(2, "2026-06-29", QTime(15, 30), Outcome::Reached), kAsOf);
    ASSERT_TRUE(plan) << plan.error().message.toStdString();
    EXPECT_EQ(plan->due, date("2026-07-06"));
    EXPECT_EQ(plan->reason.kind, Kind::WinBack);
    EXPECT_EQ(plan->reason.cadenceDays, 7);
}

TEST_F(ClassifyJob, AGradeSetSinceTheLastRunDecidesTheCadence)
{
    threeBuyers();
    ASSERT_TRUE(io::classifyDatabase(db, kAsOf, true));
    auto c = store::CustomerRepository(db).find(1);
    ASSERT_TRUE(c && c->has_value());
    Customer changed = **c;
    changed.grade = Grade::S;
    changed.gradeSetAt = date("2026-06-29");
    ASSERT_TRUE(store::CustomerRepository(db).update(changed));
    auto plan = io::logCall(db, makeCall(1, "2026-06-29", QTime(11, 0)), kAsOf);
    ASSERT_TRUE(plan) << plan.error().message.toStdString();
    EXPECT_EQ(plan->due, date("2026-06-30"));
    EXPECT_EQ(plan->reason.kind, Kind::GradeCadence);
    EXPECT_EQ(plan->reason.cadenceDays, 1);
}

TEST_F(ClassifyJob, AGradeSetSinceTheLastRunMovesTheCustomerUpTheQueueAtOnce)
{
    threeBuyers();
    ASSERT_TRUE(io::classifyDatabase(db, kAsOf, true));
    auto before = store::ClassificationStore(db).find(1);
    ASSERT_TRUE(before && *before);
    EXPECT_NE((*before)->priorityClass, 0);
    auto c = store::CustomerRepository(db).find(1);
    ASSERT_TRUE(c && c->has_value());
    Customer changed = **c;
    changed.grade = Grade::S;
    changed.gradeSetAt = date("2026-06-29");
    ASSERT_TRUE(store::CustomerRepository(db).update(changed));
    ASSERT_TRUE(io::refreshFollowUp(db, 1, kAsOf));
    auto after = store::ClassificationStore(db).find(1);
    ASSERT_TRUE(after && *after);
    EXPECT_EQ((*after)->grade, Grade::S);
    EXPECT_FALSE((*after)->gradeSuggested);
    EXPECT_EQ((*after)->priorityClass, 0) << "grade S is priority class 0 (spec §10)";
    EXPECT_EQ((*after)->valueTier, (*before)->valueTier) << "tiers wait for the next full run";
}

TEST_F(ClassifyJob, AReachedCallWithdrawsTheDemotionSuggestionOfGradeB)
{
    // Grade B since 2026-05-01 and no reached call in the 30 days up to T: suggest C (spec §9).
    addCustomer(1, "2026-05-01", Grade::B);
    ASSERT_TRUE(io::logCall(db, makeCall(1, "2026-05-20", QTime(9, 0), Outcome::NoAnswer), kAsOf));
    ASSERT_TRUE(io::classifyDatabase(db, kAsOf, true));
    auto suggested = store::ClassificationStore(db).find(1);
    ASSERT_TRUE(suggested && *suggested);
    EXPECT_EQ((*suggested)->demoteTo, Grade::C);
    // A reached call today: held for 30 days no more, the suggestion goes with the call.
    ASSERT_TRUE(io::logCall(db, makeCall(1, "2026-06-30", QTime(10, 0), Outcome::Reached), kAsOf));
    auto withdrawn = store::ClassificationStore(db).find(1);
    ASSERT_TRUE(withdrawn && *withdrawn);
    EXPECT_EQ((*withdrawn)->demoteTo, std::nullopt);
}

TEST_F(ClassifyJob, LoggingACallForAMissingCustomerFails)
{
    threeBuyers();
    auto plan = io::logCall(db, makeCall(99, "2026-06-28", QTime(9, 0)), kAsOf);
    EXPECT_FALSE(plan);
}

TEST_F(ClassifyJob, RefreshingACustomerNeverClassifiedStillGivesAPlan)
{
    addCustomer(7, "2026-01-01", Grade::C);
    ASSERT_TRUE(store::CallRepository(db).add(makeCall(7, "2026-06-20", QTime(10, 0))));
    auto plan = io::refreshFollowUp(db, 7, kAsOf);
    ASSERT_TRUE(plan) << plan.error().message.toStdString();
    // Grade C: every 30 days from the call.
    EXPECT_EQ(plan->due, date("2026-07-20"));
    EXPECT_EQ(plan->reason.kind, Kind::GradeCadence);
    EXPECT_EQ(plan->reason.cadenceDays, 30);
    auto found = store::ClassificationStore(db).find(7);
    ASSERT_TRUE(found);
    EXPECT_FALSE(found->has_value());
}

TEST_F(ClassifyJob, RefreshingACustomerNeverCalledMakesItDueFromItsCreation)
{
    addCustomer(7, "2026-05-12");
    auto plan = io::refreshFollowUp(db, 7, kAsOf);
    ASSERT_TRUE(plan) << plan.error().message.toStdString();
    EXPECT_EQ(plan->due, date("2026-05-12"));
    EXPECT_EQ(plan->reason.kind, Kind::NeverContacted);
}

namespace {

/// The 10k demo (seed 1) as of 2026-06-30, in a file.
class ClassifyJobOnTheDemo : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        ASSERT_TRUE(db.open(dir.filePath(QStringLiteral("demo.sqlite"))));
        io::DemoOptions options;
        options.customers = 10000;
        options.seed = 1;
        options.today = date("2026-06-30");
        ASSERT_TRUE(io::createDemo(db, options));
    }
    QTemporaryDir dir;
    store::Database db;
};

} // namespace

TEST_F(ClassifyJobOnTheDemo, TheFactsFromTheHistoryDigestsAreThoseOfTheTablesForTenThousandCustomers)
{
    auto settings = store::SettingsRepository(db).load();
    ASSERT_TRUE(settings);
    // The first run builds the digests, the next day reads them, after a call rebuilds one.
    for (const char *asOf : {"2026-06-28", "2026-06-29", "2026-06-30", "2026-07-20"}) {
        if (QByteArrayView(asOf) == "2026-06-30") {
            Call call;
            call.customerId = 42;
            call.calledAt = QDateTime(date("2026-06-30"), QTime(12, 0), Qt::UTC);
            call.outcome = Outcome::Reached;
            ASSERT_TRUE(io::logCall(db, call, date("2026-06-30")));
        }
        auto run = io::classifyDatabase(db, date(asOf), true);
        auto tables = store::scanAllFactsFromTables(db, date(asOf), *settings);
        ASSERT_TRUE(run && tables);
        ASSERT_EQ(run->facts.size(), tables->size());
        ASSERT_EQ(run->facts.size(), 10000u);
        for (std::size_t i = 0; i < tables->size(); ++i) {
            const classify::CustomerFacts &a = run->facts[i];
            const classify::CustomerFacts &b = (*tables)[i];
            ASSERT_EQ(a.id, b.id);
            EXPECT_TRUE(a.createdAt == b.createdAt && a.type == b.type && a.grade == b.grade &&
                        a.gradeSetAt == b.gradeSetAt && a.man == b.man && a.archived == b.archived &&
                        a.firstOrder == b.firstOrder && a.lastOrder == b.lastOrder &&
                        a.ordersTotal == b.ordersTotal && a.frequency == b.frequency &&
                        a.monetary == b.monetary && a.spendRecent == b.spendRecent &&
                        a.spendPrev == b.spendPrev && a.lastContact == b.lastContact &&
                        a.followUp == b.followUp && a.lastReachedCall == b.lastReachedCall &&
                        a.lastOutcome == b.lastOutcome)
                << asOf << " customer " << a.id;
        }
    }
}

namespace {

/// Every row of `table` in `order`, as text, one line a row.
QByteArray dump(store::Database &db, const char *table, const char *order)
{
    QByteArray out;
    sqlite3_stmt *stmt = nullptr;
    const QByteArray sql = QByteArray("SELECT * FROM ") + table + " ORDER BY " + order;
    if (sqlite3_prepare_v2(db.handle(), sql.constData(), -1, &stmt, nullptr) != SQLITE_OK)
        return "cannot read";
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, c));
            out += text ? QByteArray(text) : QByteArray("NULL");
            out += '|';
        }
        out += '\n';
    }
    sqlite3_finalize(stmt);
    return out;
}

} // namespace

TEST_F(ClassifyJobOnTheDemo, ClassifyAndStoreStoresWhatAFullRunStoresForTenThousandCustomers)
{
    // Dynamic tags too: the rows worked out one at a time match the rules of each.
    auto settings = store::SettingsRepository(db).load();
    ASSERT_TRUE(settings);
    settings->tagRules = {{QStringLiteral("big"), QStringLiteral("monetary >= 5000")},
                          {QStringLiteral("lapsing"), QStringLiteral("lifecycle = decline and r <= 2")}};
    ASSERT_TRUE(store::SettingsRepository(db).save(*settings));
    // Each day stored by classifyAndStore(), then by a full run of the same day: the full run
    // finds every row as stored (nothing to write), and the tables are the same. The first day
    // writes every row (the tags are new), the next ones what a day changes.
    for (const char *asOf : {"2026-06-28", "2026-06-29", "2026-07-20"}) {
        QByteArray csv;
        auto classified = io::classifyAndStore(db, date(asOf), [&](const classify::Classifier &c) {
            QBuffer buffer(&csv);
            buffer.open(QIODevice::WriteOnly);
            return io::writeClassificationCsv(&buffer, c);
        });
        ASSERT_TRUE(classified) << classified.error().message.toStdString();
        const QByteArray rows = dump(db, "classification", "customer_id");
        const QByteArray digests = dump(db, "classification_digests", "customer_id");
        EXPECT_TRUE(rows.contains("big;lapsing")) << asOf;

        auto full = io::classifyDatabase(db, date(asOf), /*store=*/true);
        ASSERT_TRUE(full);
        EXPECT_EQ(classified->summary.customers, 10000) << asOf;
        EXPECT_EQ(classified->summary.buyers, full->run.summary.buyers) << asOf;
        EXPECT_EQ(classified->summary.repeatBuyers, full->run.summary.repeatBuyers) << asOf;
        EXPECT_EQ(classified->summary.countByTier, full->run.summary.countByTier) << asOf;
        EXPECT_EQ(classified->summary.monetaryByTier, full->run.summary.monetaryByTier) << asOf;
        EXPECT_TRUE(rows == dump(db, "classification", "customer_id")) << asOf;
        EXPECT_TRUE(digests == dump(db, "classification_digests", "customer_id")) << asOf;
        QByteArray fullCsv;
        QBuffer buffer(&fullCsv);
        buffer.open(QIODevice::WriteOnly);
        ASSERT_TRUE(io::writeClassificationCsv(&buffer, *full));
        EXPECT_EQ(csv.count('\n'), 10001) << asOf;
        EXPECT_TRUE(csv == fullCsv) << asOf;
    }
}
