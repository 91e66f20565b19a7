#include "io/classifyjob.h"
#include "models/customertablemodel.h"
#include "store/customerquery.h"
#include "store/database.h"
#include "store/searchsnapshot.h"
#include "support/testsupport.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace tierdesk;
using tierdesk::test::UiFixture;
using ui::CustomerTableModel;

namespace {

class CustomerTableModelTest : public UiFixture {
protected:
    QList<qint64> ids(const CustomerTableModel &m)
    {
        QList<qint64> out;
        for (int r = 0; r < m.rowCount(); ++r)
            out << m.index(r, 0).data(CustomerTableModel::IdRole).toLongLong();
        return out;
    }
};

} // namespace

TEST_F(CustomerTableModelTest, PassesTheModelTester)
{
    CustomerTableModel model(session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.reload();
    model.sort(CustomerTableModel::ValueTier, Qt::DescendingOrder);
    store::CustomerFilter f;
    f.search = QStringLiteral("王伟");
    model.setFilter(f);
    EXPECT_EQ(model.rowCount(), 2);
}

TEST_F(CustomerTableModelTest, ListsEveryCustomerSortedByName)
{
    CustomerTableModel model(session.get());
    model.reload();
    ASSERT_EQ(model.rowCount(), 5);
    model.sort(CustomerTableModel::Name, Qt::AscendingOrder);
    // Byte order of the UTF-8 names: "Anna Schmidt" < 张 (E5 BC A0) < 李 (E6 9D 8E) < 王 (E7 8E 8B).
    EXPECT_EQ(ids(model), (QList<qint64>{2, 3, 4, 1, 5}));
}

TEST_F(CustomerTableModelTest, SearchFindsPhoneDigitsTypedWithSeparators)
{
    CustomerTableModel model(session.get());
    store::CustomerFilter f;
    f.search = QStringLiteral("138-0013");
    model.setFilter(f);
    EXPECT_EQ(ids(model), (QList<qint64>{1, 5}));
}

TEST_F(CustomerTableModelTest, SearchFindsChineseSubstringsOfAnyLength)
{
    CustomerTableModel model(session.get());
    store::CustomerFilter f;
    f.search = QStringLiteral("明华贸易"); // four characters: the trigram index
    model.setFilter(f);
    EXPECT_EQ(ids(model), QList<qint64>{1});
    f.search = QStringLiteral("秀英"); // two characters: the short-query path
    model.setFilter(f);
    EXPECT_EQ(ids(model), QList<qint64>{3});
    f.search = QStringLiteral("强");
    model.setFilter(f);
    EXPECT_EQ(ids(model), QList<qint64>{4});
}

TEST_F(CustomerTableModelTest, SearchIsCaseInsensitiveForEmail)
{
    CustomerTableModel model(session.get());
    store::CustomerFilter f;
    f.search = QStringLiteral("WANG.WEI@MINGHUA");
    model.setFilter(f);
    EXPECT_EQ(ids(model), QList<qint64>{1});
}

TEST_F(CustomerTableModelTest, SearchTreatsQuotesAsText)
{
    CustomerTableModel model(session.get());
    store::CustomerFilter f;
    f.search = QStringLiteral("\"a\" OR b*");
    model.setFilter(f);
    EXPECT_TRUE(model.lastError().isEmpty()) << model.lastError().toStdString();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(CustomerTableModelTest, FiltersCombineAndCount)
{
    CustomerTableModel model(session.get());
    QSignalSpy counts(&model, &CustomerTableModel::countChanged);
    store::CustomerFilter f;
    f.owner = QStringLiteral("李娜");
    model.setFilter(f);
    // In name order (UTF-8 bytes): 张秀英, 李强, 王伟.
    EXPECT_EQ(ids(model), (QList<qint64>{3, 4, 1}));
    f.lifecycle = Lifecycle::Prospect;
    model.setFilter(f);
    EXPECT_EQ(ids(model), (QList<qint64>{3, 4}));
    ASSERT_FALSE(counts.isEmpty());
    EXPECT_EQ(counts.last().at(0).toLongLong(), 2);
    f.tag = QStringLiteral("vip");
    model.setFilter(f);
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(CustomerTableModelTest, QueueOrderAndOverdueMarking)
{
    CustomerTableModel model(session.get());
    store::CustomerFilter f;
    f.dueOnOrBefore = test::date("2026-06-30");
    model.setFilter(f);
    model.sort(CustomerTableModel::Rank);
    // Customer 4 has a follow-up on 2026-07-10: not due. Classes: 1 is grade A (class 1);
    // 2 spent 17,000.00 against 1's 158,400.00, so with two spenders it is rank 2 > ceil(0.2 * 2)
    // = tier C (class 3); 3 and 5 are prospects without a grade (class 5), never called, so due on
    // their creation day: 3 on 06-01 (29 days overdue) before 5 on 06-15 (15 days).
    EXPECT_EQ(ids(model), (QList<qint64>{1, 2, 3, 5}));
    for (int r = 0; r < model.rowCount(); ++r) {
        const auto row = model.rowAt(r);
        ASSERT_TRUE(row);
        const int overdue = model.index(r, 0).data(CustomerTableModel::OverdueRole).toInt();
        EXPECT_EQ(overdue, std::max<qint64>(0, row->due.daysTo(test::date("2026-06-30"))));
        EXPECT_FALSE(model.index(r, CustomerTableModel::Reason).data().toString().isEmpty());
    }
}

TEST_F(CustomerTableModelTest, ReloadSeesAWrite)
{
    CustomerTableModel model(session.get());
    model.reload();
    ASSERT_EQ(model.rowCount(), 5);
    Customer c;
    c.name = QStringLiteral("欧阳子涵");
    c.createdAt = test::date("2026-06-30");
    ASSERT_TRUE(session->addCustomer(c));
    model.reload();
    EXPECT_EQ(model.rowCount(), 6);
}

TEST_F(CustomerTableModelTest, CountAtMostStopsEarlyOnlyForASearchFoundNearlyEverywhere)
{
    store::CustomerQuery query(session->database());
    store::CustomerFilter f;
    f.search = QStringLiteral("1"); // in every phone number: counted row by row
    EXPECT_EQ(query.countAtMost(f, 2), 3);
    EXPECT_EQ(query.countAtMost(f, 5), 5);
    EXPECT_EQ(query.countAtMost(f, 100), 5);
    f.search = QStringLiteral("王伟"); // two of five: the index counts at once
    EXPECT_EQ(query.countAtMost(f, 1), 2);
}

TEST_F(CustomerTableModelTest, ABigSearchShowsItsFirstRowsAtOnceAndAWorkerCountsTheRest)
{
    CustomerTableModel::setQuickCountLimit(2);
    const auto restore = qScopeGuard([] { CustomerTableModel::setQuickCountLimit(5000); });
    CustomerTableModel model(session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy counted(&model, &CustomerTableModel::countChanged);
    store::CustomerFilter f;
    f.search = QStringLiteral("1");
    model.setFilter(f);
    EXPECT_FALSE(model.isCountExact());
    EXPECT_EQ(model.rowCount(), 2);
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.isCountExact(); }, 10'000));
    EXPECT_EQ(model.rowCount(), 5);
    EXPECT_EQ(counted.last().at(0).toLongLong(), 5);
    EXPECT_EQ(ids(model), (QList<qint64>{2, 3, 4, 1, 5})); // by name, as without the worker
}

TEST_F(CustomerTableModelTest, ALateCountOfAnEarlierSearchIsDropped)
{
    CustomerTableModel::setQuickCountLimit(2);
    const auto restore = qScopeGuard([] { CustomerTableModel::setQuickCountLimit(5000); });
    CustomerTableModel model(session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    store::CustomerFilter f;
    f.search = QStringLiteral("1");
    model.setFilter(f); // a worker starts counting five
    f.search = QStringLiteral("王伟");
    model.setFilter(f);
    EXPECT_TRUE(model.isCountExact());
    QTest::qWait(300); // the worker's answer arrives and must change nothing
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(ids(model), (QList<qint64>{1, 5}));
}

TEST_F(CustomerTableModelTest, ACountFromAWorkerAddsItsRowsAStepAtATimeWithTheEventLoopBetween)
{
    CustomerTableModel::setQuickCountLimit(1);
    CustomerTableModel::setInsertStepRows(2);
    const auto restore = qScopeGuard([] {
        CustomerTableModel::setQuickCountLimit(5000);
        CustomerTableModel::setInsertStepRows(131'072);
    });
    CustomerTableModel model(session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy counted(&model, &CustomerTableModel::countChanged);
    // Each step's rows, and what a timer started right after the first step sees: the window's
    // timers and input are handled between the steps, not only its posted events.
    QList<int> steps;
    int rowsSeenBetween = -1;
    QTimer probe;
    probe.setSingleShot(true);
    probe.setInterval(0);
    QObject::connect(&probe, &QTimer::timeout, &model, [&] { rowsSeenBetween = model.rowCount(); });
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, &model,
                     [&](const QModelIndex &, int first, int last) {
                         steps << last - first + 1;
                         if (steps.size() == 1)
                             probe.start();
                     });
    store::CustomerFilter f;
    f.search = QStringLiteral("1"); // five customers
    model.setFilter(f);
    EXPECT_EQ(model.rowCount(), 1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.isCountExact(); }, 10'000));
    EXPECT_EQ(steps, (QList<int>{2, 2}));
    EXPECT_EQ(rowsSeenBetween, 3); // the window ran between the steps
    EXPECT_EQ(model.rowCount(), 5);
    EXPECT_EQ(counted.size(), 2); // the first row, then once with all five
    EXPECT_EQ(counted.last().at(0).toLongLong(), 5);
    EXPECT_EQ(ids(model), (QList<qint64>{2, 3, 4, 1, 5}));
}

TEST_F(CustomerTableModelTest, AReloadStopsTheStepsOfTheCountBeforeIt)
{
    CustomerTableModel::setQuickCountLimit(1);
    CustomerTableModel::setInsertStepRows(1);
    const auto restore = qScopeGuard([] {
        CustomerTableModel::setQuickCountLimit(5000);
        CustomerTableModel::setInsertStepRows(131'072);
    });
    CustomerTableModel model(session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    store::CustomerFilter f;
    f.search = QStringLiteral("1"); // five customers: the first, then a step of one row each
    int inserted = 0;
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, &model, [&] {
        // After the first step, another search, before the next step.
        if (++inserted == 1)
            QMetaObject::invokeMethod(
                &model,
                [&] {
                    f.search = QStringLiteral("Anna");
                    model.setFilter(f);
                },
                Qt::QueuedConnection);
    });
    model.setFilter(f);
    ASSERT_TRUE(QTest::qWaitFor([&] { return f.search == QStringLiteral("Anna"); }, 10'000));
    QTest::qWait(100); // the steps left would have run by now
    EXPECT_EQ(inserted, 1);
    EXPECT_TRUE(model.isCountExact());
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_EQ(ids(model), QList<qint64>{2});
}

TEST_F(CustomerTableModelTest, AShortSearchSeesACustomerAddedSinceItRanLast)
{
    CustomerTableModel model(session.get());
    store::CustomerFilter f;
    f.search = QStringLiteral("强"); // one character: read from the index's vocabulary, then kept
    model.setFilter(f);
    EXPECT_EQ(ids(model), QList<qint64>{4});
    Customer c;
    c.name = QStringLiteral("王强");
    c.createdAt = test::date("2026-06-30");
    ASSERT_TRUE(session->addCustomer(c));
    model.reload();
    EXPECT_EQ(model.rowCount(), 2);
    f.search = QStringLiteral("子"); // a character no one had: the vocabulary is read again
    model.setFilter(f);
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(CustomerTableModelTest, OnABigDatabaseASearchShowsItsFirstPageBeforeTheCount)
{
    // 300 customers with 188 in their phone number, more than a page (256 rows).
    for (int i = 0; i < 300; ++i) {
        Customer c;
        c.name = QStringLiteral("Kunde %1").arg(i, 3, 10, QLatin1Char('0'));
        c.phone = QStringLiteral("1880000%1").arg(i, 4, 10, QLatin1Char('0'));
        c.createdAt = test::date("2026-06-01");
        ASSERT_TRUE(session->addCustomer(c));
    }
    const test::BigDatabase big; // a worker reads
    CustomerTableModel model(session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy loaded(&model, &CustomerTableModel::loaded);
    QSignalSpy counted(&model, &CustomerTableModel::countChanged);
    store::CustomerFilter f;
    f.search = QStringLiteral("188");
    model.setFilter(f);
    ASSERT_TRUE(loaded.wait(10'000));
    // The first page, in name order, shown before anyone counted the rest.
    EXPECT_FALSE(model.isCountExact());
    EXPECT_EQ(model.rowCount(), 256);
    EXPECT_EQ(model.index(0, CustomerTableModel::Name).data().toString(), QStringLiteral("Kunde 000"));
    EXPECT_EQ(model.index(255, CustomerTableModel::Name).data().toString(), QStringLiteral("Kunde 255"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.isCountExact(); }, 10'000));
    EXPECT_EQ(model.rowCount(), 300);
    EXPECT_EQ(counted.last().at(0).toLongLong(), 300);
    // The second page comes from a worker too, once asked for.
    EXPECT_TRUE(model.index(299, CustomerTableModel::Name).data().toString().isEmpty());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isReadingPages(); }, 10'000));
    EXPECT_EQ(model.index(299, CustomerTableModel::Name).data().toString(), QStringLiteral("Kunde 299"));

    // A search that fills less than a page is counted by its page alone.
    f.search = QStringLiteral("kunde 01");
    model.setFilter(f);
    ASSERT_TRUE(loaded.wait(10'000));
    EXPECT_TRUE(model.isCountExact());
    EXPECT_EQ(model.rowCount(), 10); // Kunde 010 … Kunde 019
    EXPECT_EQ(counted.last().at(0).toLongLong(), 10);
}

TEST_F(CustomerTableModelTest, OnABigDatabaseSearchesReadTheTextsInMemoryAndSeeANameEditedSince)
{
    store::SearchSnapshot::forgetAll();
    const test::BigDatabase big;
    CustomerTableModel::setSearchSnapshotCustomers(0); // five customers count as many
    const auto restore = qScopeGuard([] {
        CustomerTableModel::setSearchSnapshotCustomers(store::CustomerQuery::kSearchSnapshotCustomers);
        store::SearchSnapshot::forgetAll();
    });
    sqlite3 *db = session->database().handle();
    CustomerTableModel model(session.get());
    QSignalSpy loaded(&model, &CustomerTableModel::loaded);
    model.prepareSearch();
    ASSERT_TRUE(QTest::qWaitFor([&] { return store::SearchSnapshot::current(db) != nullptr; }, 10'000));
    auto search = [&](const char *text) {
        store::CustomerFilter f;
        f.search = QString::fromUtf8(text);
        model.setFilter(f);
        EXPECT_TRUE(loaded.wait(10'000)) << text;
        return ids(model);
    };
    EXPECT_EQ(search("王伟"), (QList<qint64>{1, 5}));
    EXPECT_EQ(search("138-0013"), (QList<qint64>{1, 5}));
    EXPECT_EQ(search("明华贸易"), QList<qint64>{1});

    // A new name: the search index finds it at once, and the texts are read again.
    auto wang = session->customer(5);
    ASSERT_TRUE(wang);
    ASSERT_TRUE(*wang);
    Customer renamed = **wang;
    renamed.name = QStringLiteral("王小伟");
    ASSERT_TRUE(session->updateCustomer(renamed));
    EXPECT_EQ(store::SearchSnapshot::current(db), nullptr);
    EXPECT_EQ(search("小伟"), QList<qint64>{5});
    EXPECT_EQ(search("王伟"), QList<qint64>{1});
    model.prepareSearch(); // as CustomersView does after an edit
    ASSERT_TRUE(QTest::qWaitFor([&] { return store::SearchSnapshot::current(db) != nullptr; }, 10'000));
    EXPECT_EQ(search("小伟"), QList<qint64>{5});
    EXPECT_EQ(search("王伟"), QList<qint64>{1});
}

TEST_F(CustomerTableModelTest, OnABigDatabaseASearchFoundAmongAllItsMatchesShowsItsCountWithItsRows)
{
    // 290 customers of 1,200 with 188000 in their phone number: more than a page (256 rows), in
    // too few of them for a walk of the names to find the page.
    for (int i = 0; i < 1200; ++i) {
        Customer c;
        c.name = QStringLiteral("Kunde %1").arg(i, 4, 10, QLatin1Char('0'));
        const QString prefix = i < 290 ? QStringLiteral("188000") : QStringLiteral("177000");
        c.phone = prefix + QStringLiteral("%1").arg(i, 4, 10, QLatin1Char('0'));
        c.createdAt = test::date("2026-06-01");
        ASSERT_TRUE(session->addCustomer(c));
    }
    store::SearchSnapshot::forgetAll();
    const test::BigDatabase big;
    CustomerTableModel::setSearchSnapshotCustomers(0);
    const auto restore = qScopeGuard([] {
        CustomerTableModel::setSearchSnapshotCustomers(store::CustomerQuery::kSearchSnapshotCustomers);
        CustomerTableModel::setInsertStepRows(131'072);
        store::SearchSnapshot::forgetAll();
    });
    CustomerTableModel model(session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.prepareSearch();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return store::SearchSnapshot::current(session->database().handle()) != nullptr; }, 10'000));
    QSignalSpy loaded(&model, &CustomerTableModel::loaded);
    QSignalSpy counted(&model, &CustomerTableModel::countChanged);
    store::CustomerFilter f;
    f.search = QStringLiteral("188000");
    model.setFilter(f);
    ASSERT_TRUE(loaded.wait(10'000));
    // The page's worker found every match: the rows show with their exact count, no worker counts.
    EXPECT_TRUE(model.isCountExact());
    EXPECT_EQ(model.rowCount(), 290);
    EXPECT_EQ(counted.last().at(0).toLongLong(), 290);
    EXPECT_EQ(model.index(0, CustomerTableModel::Name).data().toString(), QStringLiteral("Kunde 0000"));

    // More rows than a step (insertStepRows()): the first step is added with the rows, the rest
    // a step at a time as a worker's count is.
    CustomerTableModel::setInsertStepRows(20);
    model.setFilter(f);
    ASSERT_TRUE(loaded.wait(10'000));
    EXPECT_FALSE(model.isCountExact());
    EXPECT_EQ(model.rowCount(), 276);
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.isCountExact(); }, 10'000));
    EXPECT_EQ(model.rowCount(), 290);
    EXPECT_EQ(counted.last().at(0).toLongLong(), 290);
}

namespace {

/// Every row of `m` as the view shows it: each column's text, and the id and overdue roles.
QStringList shown(const CustomerTableModel &m)
{
    QStringList rows;
    for (int r = 0; r < m.rowCount(); ++r) {
        QStringList cells{QString::number(m.index(r, 0).data(CustomerTableModel::IdRole).toLongLong()),
                          m.index(r, 0).data(CustomerTableModel::OverdueRole).toString()};
        for (int c = 0; c < CustomerTableModel::ColumnCount; ++c)
            cells << m.index(r, c).data().toString();
        rows << cells.join(u'|');
    }
    return rows;
}

/// What a reload of a model with the same filter and order shows.
QStringList reloaded(ui::Session *session, const store::CustomerFilter &filter, int column)
{
    CustomerTableModel fresh(session);
    fresh.setFilter(filter);
    fresh.sort(column);
    return shown(fresh);
}

Call reachedCall(CustomerId id, const char *followUp)
{
    Call call;
    call.customerId = id;
    call.calledAt = QDateTime(test::date("2026-06-30"), QTime(11, 0), Qt::UTC);
    call.outcome = Outcome::Reached;
    call.nextFollowUp = test::date(followUp);
    return call;
}

} // namespace

TEST_F(CustomerTableModelTest, ACallThatTakesACustomerOffTheQueueRemovesItsRowInPlaceAsAReloadWould)
{
    // (No QAbstractItemModelTester: it wants the rows after a removed one to move up unchanged,
    // and their rank, column 0, goes down by one, as in a reload.)
    CustomerTableModel model(session.get());
    store::CustomerFilter f;
    f.dueOnOrBefore = test::date("2026-06-30");
    model.setFilter(f);
    model.sort(CustomerTableModel::Rank);
    ASSERT_EQ(ids(model), (QList<qint64>{1, 2, 3, 5}));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy counts(&model, &CustomerTableModel::countChanged);
    std::vector<std::pair<std::optional<store::CustomerRow>, std::optional<store::CustomerRow>>> updated;
    QObject::connect(&model, &CustomerTableModel::customerUpdated,
                     [&](const auto &before, const auto &after) { updated.emplace_back(before, after); });

    // Customer 2 (row 1), reached, with a follow-up next week: no longer due today.
    model.rememberCustomer(2);
    ASSERT_TRUE(session->logCall(reachedCall(2, "2026-07-07")));
    ASSERT_TRUE(model.updateCustomer(2));
    EXPECT_EQ(resets.size(), 0);
    ASSERT_EQ(removed.size(), 1);
    EXPECT_EQ(removed.first().at(1).toInt(), 1);
    ASSERT_EQ(counts.size(), 1);
    EXPECT_EQ(counts.first().at(0).toLongLong(), 3);
    ASSERT_EQ(updated.size(), 1u);
    ASSERT_TRUE(updated.front().first);
    EXPECT_EQ(updated.front().first->id, 2);
    EXPECT_FALSE(updated.front().second); // out of the queue
    EXPECT_EQ(ids(model), (QList<qint64>{1, 3, 5}));
    // Ranks renumbered, every cell as a reload of the queue has it.
    EXPECT_EQ(shown(model), reloaded(session.get(), f, CustomerTableModel::Rank));
}

TEST_F(CustomerTableModelTest, ACallThatKeepsTheRowsPlaceReplacesItsCellsInPlace)
{
    CustomerTableModel model(session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.sort(CustomerTableModel::Name);
    ASSERT_EQ(ids(model), (QList<qint64>{2, 3, 4, 1, 5}));
    ASSERT_TRUE(model.index(1, CustomerTableModel::LastContact).data().toString().isEmpty());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy counts(&model, &CustomerTableModel::countChanged);

    // 张秀英 (3), never called before: a last contact and a due date, the same name.
    model.rememberCustomer(3);
    ASSERT_TRUE(session->logCall(reachedCall(3, "2026-07-03")));
    ASSERT_TRUE(model.updateCustomer(3));
    EXPECT_EQ(resets.size(), 0);
    EXPECT_EQ(counts.size(), 0);
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(changed.first().at(0).toModelIndex().row(), 1);
    EXPECT_FALSE(model.index(1, CustomerTableModel::LastContact).data().toString().isEmpty());
    EXPECT_EQ(shown(model), reloaded(session.get(), {}, CustomerTableModel::Name));
}

TEST_F(CustomerTableModelTest, ACallThatMovesTheRowInTheListsOrderLeavesItToAReload)
{
    CustomerTableModel model(session.get());
    model.sort(CustomerTableModel::LastContact);
    const QList<qint64> before = ids(model);
    model.rememberCustomer(3);
    ASSERT_TRUE(session->logCall(reachedCall(3, "2026-07-03")));
    EXPECT_FALSE(model.updateCustomer(3)); // sorted by last contact, which the call changed
    EXPECT_EQ(ids(model), before);         // nothing done
    model.reload();
    EXPECT_EQ(shown(model), reloaded(session.get(), {}, CustomerTableModel::LastContact));

    // Nor without a note of the row before the write, nor with a search.
    model.sort(CustomerTableModel::Name);
    ASSERT_TRUE(session->logCall(reachedCall(1, "2026-07-03")));
    EXPECT_FALSE(model.updateCustomer(1));
    store::CustomerFilter f;
    f.search = QStringLiteral("王伟");
    model.setFilter(f);
    model.rememberCustomer(1);
    ASSERT_TRUE(session->logCall(reachedCall(1, "2026-07-04")));
    EXPECT_FALSE(model.updateCustomer(1));
}

TEST_F(CustomerTableModelTest, ACustomerOutsideTheListBeforeAndAfterChangesNothing)
{
    CustomerTableModel model(session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    store::CustomerFilter f;
    f.dueOnOrBefore = test::date("2026-06-30");
    model.setFilter(f);
    model.sort(CustomerTableModel::Rank);
    ASSERT_EQ(ids(model), (QList<qint64>{1, 2, 3, 5}));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // 李强 (4) is due on 07-10, and after this call on 07-20: never in today's queue.
    model.rememberCustomer(4);
    ASSERT_TRUE(session->logCall(reachedCall(4, "2026-07-20")));
    EXPECT_TRUE(model.updateCustomer(4));
    EXPECT_EQ(resets.size(), 0);
    EXPECT_EQ(changed.size(), 0);
    EXPECT_EQ(shown(model), reloaded(session.get(), f, CustomerTableModel::Rank));

    // A call that brings a customer into the queue: the list is read again.
    model.rememberCustomer(4);
    ASSERT_TRUE(session->logCall(reachedCall(4, "2026-06-30")));
    EXPECT_FALSE(model.updateCustomer(4));
}

TEST_F(CustomerTableModelTest, ARowTakenOutInPlaceLeavesTheFollowingPagesAsAReloadReadsThem)
{
    // More than two pages of 256 due customers: prospects created today are due today.
    for (int i = 0; i < 600; ++i) {
        Customer c;
        c.name = QStringLiteral("客户%1").arg(i, 3, 10, QLatin1Char('0'));
        c.createdAt = test::date("2026-06-30");
        ASSERT_TRUE(session->addCustomer(c));
    }
    // The queue holds those of the last full run.
    ASSERT_TRUE(io::classifyDatabase(session->database(), test::date("2026-06-30"), /*store=*/true));
    CustomerTableModel model(session.get());
    store::CustomerFilter f;
    f.dueOnOrBefore = test::date("2026-06-30");
    model.setFilter(f);
    model.sort(CustomerTableModel::Rank);
    ASSERT_EQ(model.rowCount(), 604);
    // Pages 0 and 1 read (and row 2 of page 2): then a customer of page 0 leaves.
    ASSERT_TRUE(model.rowAt(300));
    ASSERT_TRUE(model.rowAt(520));
    const auto leaving = model.rowAt(10);
    ASSERT_TRUE(leaving);
    model.rememberCustomer(leaving->id);
    ASSERT_TRUE(session->logCall(reachedCall(leaving->id, "2026-07-10")));
    ASSERT_TRUE(model.updateCustomer(leaving->id));
    EXPECT_EQ(model.rowCount(), 603);
    // Row 255, the last of page 0, was the first of page 1; every row where a reload has it.
    EXPECT_EQ(shown(model), reloaded(session.get(), f, CustomerTableModel::Rank));
}

TEST_F(CustomerTableModelTest, OnABigDatabaseAPageNotReadYetIsReadByAWorkerWhileTheViewWaits)
{
    for (int i = 0; i < 600; ++i) {
        Customer c;
        c.name = QStringLiteral("客户%1").arg(i, 3, 10, QLatin1Char('0'));
        c.createdAt = test::date("2026-06-30");
        ASSERT_TRUE(session->addCustomer(c));
    }
    const test::BigDatabase big;
    CustomerTableModel model(session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.sort(CustomerTableModel::Name);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isLoading(); }, 10'000));
    ASSERT_EQ(model.rowCount(), 605);
    // Row 0 came with the reload; row 520 (page 2) is read when the view asks for it.
    EXPECT_FALSE(model.index(0, CustomerTableModel::Name).data().toString().isEmpty());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    {
        test::WorkerGate gate;
        EXPECT_FALSE(model.index(520, CustomerTableModel::Name).data().isValid()); // at once: empty
        EXPECT_TRUE(model.isReadingPages());
        QTest::qWait(50);
        EXPECT_FALSE(model.index(520, CustomerTableModel::Name).data().isValid()); // still on its way
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isReadingPages(); }, 10'000));
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(changed.first().at(0).toModelIndex().row(), 512);
    EXPECT_EQ(changed.first().at(1).toModelIndex().row(), 604);
    // The id, for the window's logic, is read at once even from a page not read yet.
    EXPECT_NE(model.index(300, 0).data(CustomerTableModel::IdRole).toLongLong(), 0);
    ui::setBigDatabaseBytes(qint64(64) << 20); // the check below reads on this thread
    EXPECT_EQ(shown(model), reloaded(session.get(), {}, CustomerTableModel::Name));
}
