#include "models/customertablemodel.h"
#include "support/testsupport.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

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
    CustomerTableModel::setBackgroundLoadLimit(0); // every file counts as big: a worker reads
    const auto restore = qScopeGuard([] { CustomerTableModel::setBackgroundLoadLimit(qint64(64) << 20); });
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
    EXPECT_EQ(model.index(299, CustomerTableModel::Name).data().toString(), QStringLiteral("Kunde 299"));

    // A search that fills less than a page is counted by its page alone.
    f.search = QStringLiteral("kunde 01");
    model.setFilter(f);
    ASSERT_TRUE(loaded.wait(10'000));
    EXPECT_TRUE(model.isCountExact());
    EXPECT_EQ(model.rowCount(), 10); // Kunde 010 … Kunde 019
    EXPECT_EQ(counted.last().at(0).toLongLong(), 10);
}
