// The day's call list as `tierdesk-cli queue` writes it: read from the stored classification when
// that is current for the day, else from a fresh one, and the same bytes either way.

#include "io/calllist.h"
#include "io/classifyjob.h"
#include "io/tablewriter.h"
#include "io/xlsxexport.h"
#include "store/database.h"
#include "store/repositories.h"
#include "store/sqlite.h"
#include "support/testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>

#include <algorithm>
#include <gtest/gtest.h>
#include <map>
#include <vector>

using namespace tierdesk;
using tierdesk::test::date;

namespace {

const QDate kAsOf = date("2026-06-30");

// The fixture, as of 2026-06-30. Nobody is called unless said, so each one is due on the day it
// was created ("never contacted"). Five spenders: the A cut is ⌈0.25⌉ = 1, the B cut ⌈1.0⌉ = 1,
// so only 4 is A and the others who spent are C.
//  2: hand-set grade A, no order, created 06-20       → class 1, due 06-20
//  3: prospect, created 06-01                         → class 5, due 06-01
//  4: 500.00 on 06-10, created 05-01: tier A          → class 1, due 05-01
//  5: 300.00 on 06-10, created 05-01: tier C          → class 3, due 05-01, 300.00
//  6: 300.00 on 06-11, created 05-01: tier C          → class 3, due 05-01, 300.00 (tie with 5)
//  7: prospect, created 06-01                         → class 5, due 06-01 (tie with 3)
//  8: 200.00 on 06-12, created 05-01: tier C          → class 3, due 05-01, 200.00
//  9: 100.00 on 04-15, created 04-01: tier C          → class 3, due 04-01
// 10: prospect, created 06-01, archived               → never in the queue
// 11: prospect, created 07-05                         → due after the day
// 12: prospect, called 06-10 (no answer), follow-up set for 06-25 → class 5, due 06-25
// 13: grade B set 2026-01-01, called 06-01 (no answer): every 5 days → due 06-06, class 2;
//     no reached call in 30 days → "suggest grade C"
// The queue: class, then due ascending (days overdue descending), spend descending, id.
const std::vector<qint64> kQueue = {4, 2, 13, 9, 5, 6, 8, 3, 7, 12};

/// The rows of a call list: cells by column name.
std::vector<std::map<QString, QString>> rows(const QByteArray &csv)
{
    QByteArray bytes = csv;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const QList<QByteArray> lines = bytes.split('\n');
    std::vector<std::map<QString, QString>> out;
    QStringList header;
    for (const QByteArray &raw : lines) {
        QByteArray line = raw;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        // The fixture has no quoted commas: a plain split is enough.
        const QStringList cells = QString::fromUtf8(line).split(u',');
        if (header.isEmpty()) {
            header = cells;
            continue;
        }
        std::map<QString, QString> row;
        for (qsizetype i = 0; i < header.size() && i < cells.size(); ++i)
            row[header[i]] = cells[i];
        out.push_back(row);
    }
    return out;
}

std::vector<qint64> ids(const QByteArray &csv)
{
    std::vector<qint64> out;
    for (const auto &row : rows(csv))
        out.push_back(row.at(QStringLiteral("customer_id")).toLongLong());
    return out;
}

std::map<QString, QString> rowOf(const QByteArray &csv, qint64 id)
{
    for (const auto &row : rows(csv)) {
        if (row.at(QStringLiteral("customer_id")).toLongLong() == id)
            return row;
    }
    return {};
}

class DayCallList : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(db.openInMemory());
        // Added out of id order, so that storage order is not the answer either.
        addCustomer(13, "2025-01-01", Grade::B, date("2026-01-01"));
        addCustomer(12, "2025-01-01");
        addCustomer(7, "2026-06-01");
        addCustomer(3, "2026-06-01");
        addCustomer(2, "2026-06-20", Grade::A, date("2026-06-20"));
        addCustomer(4, "2026-05-01");
        addCustomer(6, "2026-05-01");
        addCustomer(5, "2026-05-01");
        addCustomer(8, "2026-05-01");
        addCustomer(9, "2026-04-01");
        addCustomer(10, "2026-06-01");
        addCustomer(11, "2026-07-05");
        ASSERT_TRUE(store::CustomerRepository(db).setArchived(10, true));
        addOrder(4, "2026-06-10", 50000);
        addOrder(5, "2026-06-10", 30000);
        addOrder(6, "2026-06-11", 30000);
        addOrder(8, "2026-06-12", 20000);
        addOrder(9, "2026-04-15", 10000);
        addCall(12, "2026-06-10T10:00:00", Outcome::NoAnswer, date("2026-06-25"));
        addCall(13, "2026-06-01T10:00:00", Outcome::NoAnswer, {});
        auto run = io::classifyDatabase(db, kAsOf, /*store=*/true);
        ASSERT_TRUE(run) << run.error().message.toStdString();
    }

    void addCustomer(CustomerId id, const char *created, std::optional<Grade> grade = {},
                     QDate gradeSetAt = {})
    {
        Customer c;
        c.id = id;
        c.name = QStringLiteral("客户 %1").arg(id);
        c.phone = QStringLiteral("1390000%1").arg(id, 4, 10, QLatin1Char('0'));
        c.owner = QStringLiteral("李娜");
        c.city = id % 2 ? QStringLiteral("北京") : QString();
        c.createdAt = date(created);
        c.grade = grade;
        c.gradeSetAt = gradeSetAt;
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

    void addCall(CustomerId id, const char *at, Outcome outcome, QDate next)
    {
        Call c;
        c.customerId = id;
        c.calledAt = QDateTime::fromString(QString::fromLatin1(at), Qt::ISODate);
        c.outcome = outcome;
        c.nextFollowUp = next;
        ASSERT_TRUE(store::CallRepository(db).add(c));
    }

    /// The call list of `day` as CSV, and where its rows came from.
    QByteArray write(QDate day, bool allowStored, io::CallListSource *source)
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        io::CsvTableWriter w(&buffer);
        io::DayCallListOptions options;
        options.allowStored = allowStored;
        options.source = source;
        auto n = io::writeDayCallList(db, w, day, options);
        EXPECT_TRUE(n) << n.error().message.toStdString();
        return buffer.data();
    }

    /// The stored path's bytes, checked against a fresh classification's.
    QByteArray storedAndFresh(QDate day, io::CallListSource expected)
    {
        io::CallListSource source = io::CallListSource::Fresh;
        const QByteArray stored = write(day, true, &source);
        EXPECT_EQ(source, expected);
        const QByteArray fresh = write(day, false, &source);
        EXPECT_EQ(source, io::CallListSource::Fresh);
        EXPECT_EQ(stored.toStdString(), fresh.toStdString());
        return stored;
    }

    store::Database db;
};

} // namespace

TEST_F(DayCallList, ACurrentStoredRunGivesTheFreshBytesInTheSpecsOrder)
{
    const QByteArray csv = storedAndFresh(kAsOf, io::CallListSource::Stored);
    EXPECT_EQ(ids(csv), kQueue);
    // Ranks count the rows; the reasons are rebuilt from the stored columns as a run makes them.
    EXPECT_EQ(rowOf(csv, 4)[QStringLiteral("rank")], QStringLiteral("1"));
    EXPECT_EQ(rowOf(csv, 12)[QStringLiteral("rank")], QStringLiteral("10"));
    EXPECT_EQ(rowOf(csv, 12)[QStringLiteral("due_date")], QStringLiteral("2026-06-25"));
    EXPECT_EQ(rowOf(csv, 12)[QStringLiteral("days_overdue")], QStringLiteral("5"));
    EXPECT_EQ(rowOf(csv, 13)[QStringLiteral("due_date")], QStringLiteral("2026-06-06"));
    EXPECT_EQ(rowOf(csv, 13)[QStringLiteral("suggestion")], QStringLiteral("suggest grade C"));
}

TEST_F(DayCallList, TheStoredRunIsCurrentOnlyForItsOwnDay)
{
    // The day before: 2 (created 06-20) is due 06-20 still; nothing else moves in or out.
    const QByteArray before = storedAndFresh(date("2026-06-29"), io::CallListSource::Fresh);
    EXPECT_EQ(ids(before), kQueue);
    // Not classified yet at all for the day after: fresh too.
    storedAndFresh(date("2026-07-01"), io::CallListSource::Fresh);
}

TEST_F(DayCallList, ACallLoggedAfterTheRunIsNotTakenFromTheStore)
{
    // A reached call that sets the next follow-up for the day: 13 stays due, and a reached call
    // within 30 days means no demotion. The one-customer update after the call rewrites the due
    // date and withdraws the suggestion; still, any write since the run makes the export
    // classify afresh rather than trust the store.
    Call call;
    call.customerId = 13;
    call.calledAt = QDateTime(kAsOf, QTime(9, 0));
    call.outcome = Outcome::Reached;
    call.nextFollowUp = kAsOf;
    auto plan = io::logCall(db, call, kAsOf);
    ASSERT_TRUE(plan) << plan.error().message.toStdString();
    auto stored = store::ClassificationStore(db).find(13);
    ASSERT_TRUE(stored && *stored);
    EXPECT_EQ((*stored)->due, kAsOf);
    EXPECT_EQ((*stored)->demoteTo, std::nullopt);

    const QByteArray csv = storedAndFresh(kAsOf, io::CallListSource::Fresh);
    // 13 is now due today (class 2, 0 days overdue), after every class 1 row.
    EXPECT_EQ(ids(csv), (std::vector<qint64>{4, 2, 13, 9, 5, 6, 8, 3, 7, 12}));
    EXPECT_EQ(rowOf(csv, 13)[QStringLiteral("due_date")], QStringLiteral("2026-06-30"));
    EXPECT_EQ(rowOf(csv, 13)[QStringLiteral("days_overdue")], QStringLiteral("0"));
    EXPECT_EQ(rowOf(csv, 13)[QStringLiteral("suggestion")], QString());

    // Classified again: current again, with the call in it.
    ASSERT_TRUE(io::classifyDatabase(db, kAsOf, /*store=*/true));
    EXPECT_EQ(storedAndFresh(kAsOf, io::CallListSource::Stored), csv);
}

TEST_F(DayCallList, AnOrderAddedAfterTheRunIsNotTakenFromTheStore)
{
    // 3 spends 1,000.00: six spenders, A cut ⌈0.3⌉ = 1, B cut ⌈1.2⌉ = 2. 3 becomes A (class 1,
    // due 06-01), 4 drops to B (class 2); the others keep their class.
    addOrder(3, "2026-06-15", 100000);
    const QByteArray csv = storedAndFresh(kAsOf, io::CallListSource::Fresh);
    EXPECT_EQ(ids(csv), (std::vector<qint64>{3, 2, 4, 13, 9, 5, 6, 8, 7, 12}));
    EXPECT_EQ(rowOf(csv, 4)[QStringLiteral("value_tier")], QStringLiteral("B"));
}

TEST_F(DayCallList, ARunThatMissedAWriteIsNeverCurrent)
{
    // A run's facts are read, then someone else writes, then the run stores its results: they
    // do not know about that write.
    auto before = db.writeGeneration();
    ASSERT_TRUE(before && *before);
    auto run = io::classifyDatabase(db, kAsOf, /*store=*/false);
    ASSERT_TRUE(run);
    addOrder(3, "2026-06-15", 100000);
    ASSERT_TRUE(store::ClassificationStore(db).replace(run->facts, run->run, 0, *before));
    auto queue = store::ClassificationStore(db).currentQueue(kAsOf);
    ASSERT_TRUE(queue);
    EXPECT_FALSE(queue->has_value());
    storedAndFresh(kAsOf, io::CallListSource::Fresh);

    // Without a write in between, the same kind of store is current.
    before = db.writeGeneration();
    ASSERT_TRUE(before && *before);
    run = io::classifyDatabase(db, kAsOf, /*store=*/false);
    ASSERT_TRUE(run);
    ASSERT_TRUE(store::ClassificationStore(db).replace(run->facts, run->run, 0, *before));
    queue = store::ClassificationStore(db).currentQueue(kAsOf);
    ASSERT_TRUE(queue);
    ASSERT_TRUE(queue->has_value());
    EXPECT_EQ((*queue)->size(), kQueue.size());
}

TEST_F(DayCallList, ArchivingAfterTheRunIsNotTakenFromTheStore)
{
    ASSERT_TRUE(store::CustomerRepository(db).setArchived(9, true));
    const QByteArray csv = storedAndFresh(kAsOf, io::CallListSource::Fresh);
    EXPECT_EQ(ids(csv), (std::vector<qint64>{4, 2, 13, 5, 6, 8, 3, 7, 12}));
}

TEST_F(DayCallList, WorkbooksAreTheSameEitherWay)
{
    // A workbook records when it was made: both are made at the same fixed time, or they
    // differ whenever the two writes fall in different seconds.
    io::XlsxTableWriter::setCreationTime(1'782'777'600); // 2026-06-30 00:00 UTC
    const auto restore = qScopeGuard([] { io::XlsxTableWriter::setCreationTime(0); });
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    io::CallListSource source = io::CallListSource::Fresh;
    io::DayCallListOptions stored;
    stored.source = &source;
    auto n = io::exportDayCallList(db, dir.filePath(QStringLiteral("stored.xlsx")), kAsOf, stored);
    ASSERT_TRUE(n) << n.error().message.toStdString();
    EXPECT_EQ(*n, qint64(kQueue.size()));
    EXPECT_EQ(source, io::CallListSource::Stored);
    io::DayCallListOptions fresh;
    fresh.allowStored = false;
    ASSERT_TRUE(io::exportDayCallList(db, dir.filePath(QStringLiteral("fresh.xlsx")), kAsOf, fresh));
    QFile a(dir.filePath(QStringLiteral("stored.xlsx"))), b(dir.filePath(QStringLiteral("fresh.xlsx")));
    ASSERT_TRUE(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    EXPECT_EQ(a.readAll(), b.readAll());
}

namespace {

/// Today's calls as the window exports them: `io::exportStoredCallList` to a CSV file.
QByteArray exportStored(store::Database &db, QDate day, const io::StoredCallListOptions &options = {})
{
    QTemporaryDir dir;
    EXPECT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("calls.csv"));
    auto n = io::exportStoredCallList(db, file, day, options);
    EXPECT_TRUE(n) << n.error().message.toStdString();
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// What Export… wrote before: the customer table's rows of the queue (owner filter applied), in
/// the queue's order, through writeCallList().
QByteArray shownRows(store::Database &db, QDate day, const QString &owner = {})
{
    store::CustomerFilter f;
    f.dueOnOrBefore = day;
    f.owner = owner;
    auto rows = store::CustomerQuery(db).page(f, store::CustomerSort::Priority, false, 0, 1'000'000);
    EXPECT_TRUE(rows) << rows.error().message.toStdString();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    EXPECT_TRUE(io::writeCallList(&buffer, rows ? *rows : std::vector<store::CustomerRow>(), day));
    return buffer.data();
}

} // namespace

TEST_F(DayCallList, TheWindowsExportStreamsTheStoredQueueWithTheBytesOfTheTablesRows)
{
    const QByteArray csv = exportStored(db, kAsOf);
    EXPECT_EQ(ids(csv), kQueue);
    EXPECT_EQ(csv.toStdString(), shownRows(db, kAsOf).toStdString());
    EXPECT_EQ(csv.toStdString(), write(kAsOf, true, nullptr).toStdString());
}

TEST_F(DayCallList, TheWindowsExportTakesTheStoredQueueEvenWhenItIsNotCurrent)
{
    // Customer 9 (due 04-01) is called and now due in 30 days, but no full run has stored that:
    // the window shows, and exports, what is stored.
    addCall(9, "2026-06-30T09:00:00", Outcome::Reached, date("2026-07-30"));
    auto current = store::ClassificationStore(db).currentQueue(kAsOf);
    ASSERT_TRUE(current);
    ASSERT_FALSE(current->has_value());
    const QByteArray csv = exportStored(db, kAsOf);
    EXPECT_EQ(csv.toStdString(), shownRows(db, kAsOf).toStdString());
    EXPECT_FALSE(ids(csv).empty());
}

TEST_F(DayCallList, TheWindowsExportOfOneOwnerHasOnlyTheirCustomersInTheQueuesOrder)
{
    ASSERT_TRUE(db.exec("UPDATE customers SET owner = 'Anna' WHERE id IN (3, 9, 12)"));
    io::StoredCallListOptions anna;
    anna.owner = QStringLiteral("Anna");
    const QByteArray csv = exportStored(db, kAsOf, anna);
    EXPECT_EQ(ids(csv), (std::vector<qint64>{9, 3, 12}));
    EXPECT_EQ(rowOf(csv, 3)[QStringLiteral("rank")], QStringLiteral("2"));
    EXPECT_EQ(csv.toStdString(), shownRows(db, kAsOf, anna.owner).toStdString());
    io::StoredCallListOptions lina;
    lina.owner = QStringLiteral("李娜");
    EXPECT_EQ(ids(exportStored(db, kAsOf, lina)), (std::vector<qint64>{4, 2, 13, 5, 6, 8, 7}));
    io::StoredCallListOptions nobody;
    nobody.owner = QStringLiteral("Nobody");
    EXPECT_TRUE(ids(exportStored(db, kAsOf, nobody)).empty());
}

TEST_F(DayCallList, ARowWhoseDueDateIsNoDateKeepsItsPlaceInTheIndex)
{
    // The queue's order is worked out from the rows' dates as days, which sort as their ISO
    // texts do. A due date that is no date (never written so) sorts as text in the index:
    // "2026-06-2x" after 12's "2026-06-25", where a day of 0 would come first. The order is
    // then the index's, as the window shows it.
    ASSERT_TRUE(db.exec("UPDATE classification SET due_date = '2026-06-2x' WHERE customer_id = 3"));
    const QByteArray csv = exportStored(db, kAsOf);
    EXPECT_EQ(ids(csv), (std::vector<qint64>{4, 2, 13, 9, 5, 6, 8, 7, 12, 3}));
    EXPECT_EQ(csv.toStdString(), shownRows(db, kAsOf).toStdString());
}

TEST_F(DayCallList, TheWindowsExportReportsItsProgressAndStopsWithoutAFile)
{
    std::vector<std::pair<qint64, qint64>> calls;
    io::StoredCallListOptions options;
    options.progress = [&](qint64 written, qint64 total) {
        calls.emplace_back(written, total);
        return true;
    };
    exportStored(db, kAsOf, options);
    const auto n = qint64(kQueue.size());
    EXPECT_EQ(calls, (std::vector<std::pair<qint64, qint64>>{{0, n}, {n, n}}));

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    options.progress = [](qint64, qint64) { return false; };
    const QString file = dir.filePath(QStringLiteral("calls.xlsx"));
    auto stopped = io::exportStoredCallList(db, file, kAsOf, options);
    ASSERT_FALSE(stopped);
    EXPECT_TRUE(stopped.error().message.isEmpty()); // stopped, not failed: nothing to tell
    EXPECT_TRUE(QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
}

namespace {

/// A database file of 2,601 customers, enough for the helper thread that reads the contacts
/// (2,048 rows and more) and for rows formatted in parts by two threads (more than 1,024),
/// added in shuffled id order so that the queue's order is not the customers' order: the
/// helper's contacts must land on their rows. Every third customer belongs to Anna.
class DayCallListOnAFile : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        ASSERT_TRUE(db.open(dir.filePath(QStringLiteral("team.sqlite"))));
        constexpr int Customers = 2600;
        auto tx = db.beginWrite();
        ASSERT_TRUE(tx);
        for (int k = 0; k < Customers; ++k) {
            const int id = 1 + (k * 7919) % Customers;
            Customer c;
            c.id = id;
            c.name = QStringLiteral("客户 %1").arg(id);
            c.company = id % 5 ? QString() : QStringLiteral("公司 %1, \"总部\"").arg(id);
            c.phone = QStringLiteral("139%1").arg(id, 8, 10, QLatin1Char('0'));
            c.owner = id % 3 ? QStringLiteral("李娜") : QStringLiteral("Anna");
            c.createdAt = kAsOf.addDays(-(id % 400));
            ASSERT_TRUE(store::CustomerRepository(db).add(c));
        }
        // One id far beyond the others (ids from another system): memory goes by the customers
        // there are, not by the highest id.
        Customer far;
        far.id = 1'000'000'000'000;
        far.name = QStringLiteral("远方客户");
        far.owner = QStringLiteral("Anna");
        far.createdAt = kAsOf.addDays(-10);
        ASSERT_TRUE(store::CustomerRepository(db).add(far));
        ASSERT_TRUE(tx->commit());
        ASSERT_TRUE(io::classifyDatabase(db, kAsOf, /*store=*/true));
    }

    /// The day's call list as CSV, from the stored run or from a fresh one.
    QByteArray dayCallList(bool allowStored)
    {
        io::CallListSource source = io::CallListSource::Fresh;
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        io::CsvTableWriter writer(&buffer);
        io::DayCallListOptions options;
        options.source = &source;
        options.allowStored = allowStored;
        auto n = io::writeDayCallList(db, writer, kAsOf, options);
        EXPECT_TRUE(n) << n.error().message.toStdString();
        EXPECT_EQ(source, allowStored ? io::CallListSource::Stored : io::CallListSource::Fresh);
        return buffer.data();
    }

    QTemporaryDir dir;
    store::Database db;
};

/// A device that takes `capacity` bytes, then fails as a full disk does.
class FullDisk final : public QIODevice {
public:
    explicit FullDisk(qint64 capacity)
        : m_capacity(capacity)
    {}
    qint64 taken = 0;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 size) override
    {
        const qint64 n = std::min(size, m_capacity - taken);
        if (n <= 0) {
            setErrorString(QStringLiteral("No space left on device"));
            return -1;
        }
        taken += n;
        return n;
    }

private:
    qint64 m_capacity;
};

} // namespace

TEST_F(DayCallListOnAFile, AQueueOfThousandsReadsItsContactsInAHelperAndGivesTheFreshBytes)
{
    const QByteArray stored = dayCallList(true);
    EXPECT_GE(ids(stored).size(), 2048u);
    const std::vector<qint64> queue = ids(stored);
    EXPECT_NE(std::find(queue.begin(), queue.end(), 1'000'000'000'000), queue.end());
    EXPECT_EQ(stored.toStdString(), dayCallList(false).toStdString());
    // The header, a BOM of its own, and one rank after the other across the parts.
    EXPECT_TRUE(stored.startsWith("\xEF\xBB\xBFrank,customer_id,"));
    EXPECT_EQ(stored.count("\xEF\xBB\xBF"), 1);
    qint64 rank = 0;
    for (const QByteArray &line : stored.split('\n').mid(1)) {
        if (!line.isEmpty()) {
            EXPECT_EQ(line.left(line.indexOf(',')).toLongLong(), ++rank);
        }
    }
    EXPECT_EQ(rank, qint64(ids(stored).size()));

    for (const QString &owner : {QString(), QStringLiteral("Anna")}) {
        io::StoredCallListOptions byOwner;
        byOwner.owner = owner;
        EXPECT_EQ(exportStored(db, kAsOf, byOwner).toStdString(), shownRows(db, kAsOf, owner).toStdString())
            << owner.toStdString();
    }
}

TEST_F(DayCallListOnAFile, TheQueuesReadGivesTheConnectionsPageCacheItsOwnSizeBack)
{
    // The read holds the cache at 2 MiB (the pages of its passes are read once); then the
    // connection's own size, in KiB or in pages, larger or smaller than that, is back.
    const auto cacheSize = [this] {
        auto s = store::Statement::prepare(db.handle(), "PRAGMA cache_size");
        EXPECT_TRUE(s && s->step() == SQLITE_ROW);
        return s ? s->int64(0) : 0;
    };
    EXPECT_EQ(cacheSize(), -32768); // Database::configure()
    for (const char *pragma : {"PRAGMA cache_size = -32768", "PRAGMA cache_size = 5000",
                               "PRAGMA cache_size = -1024", "PRAGMA cache_size = 10"}) {
        ASSERT_TRUE(db.exec(pragma));
        const qint64 own = QByteArray(pragma).split('=').at(1).trimmed().toLongLong();
        auto queue = store::ClassificationStore(db).storedQueue(kAsOf);
        ASSERT_TRUE(queue) << queue.error().message.toStdString();
        EXPECT_GE(queue->size(), 2048u);
        EXPECT_EQ(cacheSize(), own) << pragma;
    }
}

TEST_F(DayCallListOnAFile, AFullDiskStopsBothThreadsWithItsError)
{
    // Full after the header and a few rows: the error comes back, the threads end.
    const auto full = qint64(dayCallList(true).size());
    for (const qint64 capacity : {qint64(100), full / 3, full - 10}) {
        FullDisk disk(capacity);
        ASSERT_TRUE(disk.open(QIODevice::WriteOnly));
        io::CsvTableWriter writer(&disk);
        auto n = io::writeDayCallList(db, writer, kAsOf);
        ASSERT_FALSE(n) << capacity;
        EXPECT_TRUE(n.error().message.contains(QStringLiteral("No space left on device")))
            << n.error().message.toStdString();
        EXPECT_EQ(disk.taken, capacity);
    }
}

TEST_F(DayCallListOnAFile, TheWindowsExportOfThousandsReportsItsProgressAndStopsWithoutAFile)
{
    std::vector<std::pair<qint64, qint64>> calls;
    io::StoredCallListOptions options;
    options.progress = [&](qint64 written, qint64 total) {
        calls.emplace_back(written, total);
        return true;
    };
    const QByteArray csv = exportStored(db, kAsOf, options);
    const auto n = qint64(ids(csv).size());
    ASSERT_GT(n, 2048);
    // On the calling thread only: 0 first, then every other part of 1,024 rows as it is
    // written, and the total at the end.
    std::vector<std::pair<qint64, qint64>> expected{{0, n}};
    for (qint64 written = 1024; written < n; written += 2048)
        expected.emplace_back(written, n);
    expected.emplace_back(n, n);
    EXPECT_EQ(calls, expected);

    // Stopped at the first report after the start: no file, no error to tell.
    QTemporaryDir out;
    ASSERT_TRUE(out.isValid());
    calls.clear();
    options.progress = [&](qint64 written, qint64 total) {
        calls.emplace_back(written, total);
        return written == 0;
    };
    auto stopped = io::exportStoredCallList(db, out.filePath(QStringLiteral("calls.csv")), kAsOf, options);
    ASSERT_FALSE(stopped);
    EXPECT_TRUE(stopped.error().message.isEmpty());
    EXPECT_EQ(calls, (std::vector<std::pair<qint64, qint64>>{{0, n}, {1024, n}}));
    EXPECT_TRUE(QDir(out.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
}
