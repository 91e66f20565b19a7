// The import wizard, driven like a user would: a GBK list from Excel, the guessed columns, the
// review of duplicates, the import, the rows to fix, and undo; on a big database the same with the
// plan and the import in workers, Cancel, and a classification running meanwhile.

#include "dialogs/importwizard.h"
#include "messagebox.h"
#include "models/customertablemodel.h"
#include "store/importlog.h"
#include "store/repositories.h"
#include "uitestsupport.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStringEncoder>
#include <QTableWidget>
#include <QTest>
#include <QThreadPool>

#include <gtest/gtest.h>

using namespace tierdesk;
using tierdesk::test::BigDatabase;
using tierdesk::test::UiFixture;

namespace {

/// Holds the threads of ui::Session::workerPool() (the import's and the classification's) until
/// the end of the scope: a write started meanwhile waits, so that a test sees the wizard while
/// its worker has not finished.
class WriterGate final {
public:
    WriterGate()
    {
        QThreadPool *pool = ui::Session::workerPool();
        m_threads = pool->maxThreadCount();
        pool->setMaxThreadCount(1);
        pool->start([open = m_open] { open->acquire(); });
    }
    ~WriterGate()
    {
        m_open->release();
        ui::Session::workerPool()->setMaxThreadCount(m_threads);
    }
    WriterGate(const WriterGate &) = delete;
    WriterGate &operator=(const WriterGate &) = delete;

private:
    std::shared_ptr<QSemaphore> m_open = std::make_shared<QSemaphore>();
    int m_threads = 0;
};

class ImportWizardTest : public UiFixture {
protected:
    void SetUp() override
    {
        UiFixture::SetUp();
        // Line 3 repeats customer 1's phone (+86 138 0013 8000) in another format; line 4 has a
        // phone Excel turned into a number.
        QStringEncoder gbk("GB18030");
        const QByteArray bytes =
            gbk(QStringLiteral("客户名称,联系人,手机,邮箱,标签\r\n"
                               "华信贸易有限公司,李娜娜,139 1234 5678,lina@huaxin.cn,展会\r\n"
                               "上海明华贸易有限公司,王伟,13800138000,wangwei@minghua.cn,老客户\r\n"
                               "顺发网络,张伟,1.38E+10,,\r\n"));
        path = dir.filePath(QStringLiteral("客户名单.csv"));
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        wizard = std::make_unique<ui::ImportWizard>(session.get());
        wizard->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(wizard.get()));
    }
    void TearDown() override
    {
        wizard.reset();
        UiFixture::TearDown();
    }
    qint64 customers() { return store::CustomerRepository(session->database()).count().value_or(-1); }
    std::size_t batches()
    {
        return store::ImportLog(session->database())
            .batches()
            .value_or(std::vector<store::ImportBatch>{})
            .size();
    }
    /// Chooses the file, which a worker reads on a big database.
    void load()
    {
        ASSERT_TRUE(wizard->loadFile(path));
        QTRY_VERIFY_WITH_TIMEOUT(!wizard->isBusy(), 10000);
        ASSERT_TRUE(wizard->table());
    }
    /// File, Columns, then the review, whose plan a worker makes on a big database.
    void review()
    {
        load();
        wizard->next();
        ASSERT_EQ(wizard->currentId(), ui::ImportWizard::ColumnsPage);
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ui::ImportWizard::ReviewPage), 10000);
        EXPECT_FALSE(wizard->isBusy());
    }

    template<typename T>
    T *child(const QString &name)
    {
        auto *w = wizard->findChild<T *>(name);
        EXPECT_NE(w, nullptr) << name.toStdString();
        return w;
    }

    QString path;
    std::unique_ptr<ui::ImportWizard> wizard;
};

} // namespace

TEST_F(ImportWizardTest, ImportsAnExcelListWithoutManualMappingAndUndoes)
{
    const qint64 before = customers();
    ASSERT_TRUE(wizard->loadFile(path));
    EXPECT_TRUE(child<QLabel>(QStringLiteral("importFileInfo"))->text().contains(u"GB18030"));
    auto *preview = child<QTableWidget>(QStringLiteral("importPreview"));
    EXPECT_EQ(preview->rowCount(), 3);
    EXPECT_EQ(preview->item(0, 1)->text(), u"李娜娜");

    wizard->next();
    ASSERT_EQ(wizard->currentId(), ui::ImportWizard::ColumnsPage);
    EXPECT_EQ(child<QComboBox>(QStringLiteral("importField_0"))->currentData().toInt(),
              int(io::Field::Company));
    EXPECT_EQ(child<QComboBox>(QStringLiteral("importField_1"))->currentData().toInt(), int(io::Field::Name));
    EXPECT_EQ(child<QComboBox>(QStringLiteral("importField_2"))->currentData().toInt(),
              int(io::Field::Phone));

    wizard->next();
    ASSERT_EQ(wizard->currentId(), ui::ImportWizard::ReviewPage);
    const QString summary = child<QLabel>(QStringLiteral("importSummary"))->text();
    EXPECT_TRUE(summary.contains(u"<b>1</b> new")) << summary.toStdString();
    EXPECT_TRUE(summary.contains(u"<b>1</b> already")) << summary.toStdString();
    auto *review = child<QTableWidget>(QStringLiteral("importReview"));
    ASSERT_EQ(review->rowCount(), 2); // the duplicate and the broken phone
    EXPECT_EQ(review->item(0, 0)->text(), u"3");
    auto *decision = child<QComboBox>(QStringLiteral("importDecision_3"));
    EXPECT_EQ(decision->currentData().toInt(), int(io::Decision::Merge));
    // "Skip" for all duplicates changes the row's choice too.
    auto *all = child<QComboBox>(QStringLiteral("importAllDuplicates"));
    all->setCurrentIndex(all->findData(int(io::Decision::Skip)));
    EXPECT_EQ(child<QComboBox>(QStringLiteral("importDecision_3"))->currentData().toInt(),
              int(io::Decision::Skip));

    wizard->next(); // the commit page: imports
    ASSERT_EQ(wizard->currentId(), ui::ImportWizard::ImportPage);
    ASSERT_TRUE(wizard->report());
    EXPECT_EQ(wizard->report()->created, 1);
    EXPECT_EQ(wizard->report()->skipped, 1);
    EXPECT_EQ(wizard->report()->rejected, 1);
    EXPECT_EQ(customers(), before + 1);
    EXPECT_TRUE(child<QPushButton>(QStringLiteral("importSaveProblems"))->isEnabled());

    const QString fix = dir.filePath(QStringLiteral("fix.csv"));
    ASSERT_TRUE(wizard->saveProblems(fix));
    QFile fixed(fix);
    ASSERT_TRUE(fixed.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(fixed.readAll());
    EXPECT_TRUE(text.contains(u"张伟"));
    EXPECT_TRUE(text.contains(u"王伟")); // the skipped duplicate, to look at

    ASSERT_TRUE(child<QPushButton>(QStringLiteral("importUndo"))->isEnabled());
    ASSERT_TRUE(wizard->undoImport());
    EXPECT_EQ(customers(), before);
    EXPECT_FALSE(child<QPushButton>(QStringLiteral("importUndo"))->isEnabled());
}

TEST_F(ImportWizardTest, AFileWithoutANameColumnStopsAtTheMapping)
{
    ASSERT_TRUE(wizard->loadFile(path));
    wizard->next();
    for (int c = 0; c < 2; ++c) {
        auto *field = child<QComboBox>(QStringLiteral("importField_%1").arg(c));
        field->setCurrentIndex(field->findData(int(io::Field::Ignore)));
    }
    ui::MessageBox::setNextAnswer(QMessageBox::Ok);
    wizard->next();
    EXPECT_EQ(wizard->currentId(), ui::ImportWizard::ColumnsPage);
    EXPECT_FALSE(ui::MessageBox::lastText().isEmpty());
}

TEST_F(ImportWizardTest, AReviewOfManyRowsIsFilledInBatchesThatFollowTheChoiceForAll)
{
    // 120 rows with customer 1's phone: each needs a look, 50 are added at once, the rest in later
    // turns of the event loop.
    QString text = QStringLiteral("客户名称,联系人,手机\r\n");
    for (int i = 0; i < 120; ++i)
        text += QStringLiteral("公司%1,王伟,138 0013 8000\r\n").arg(i);
    const QString many = dir.filePath(QStringLiteral("many.csv"));
    QFile f(many);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(text.toUtf8());
    f.close();
    ASSERT_TRUE(wizard->loadFile(many));
    wizard->next();
    wizard->next();
    ASSERT_EQ(wizard->currentId(), ui::ImportWizard::ReviewPage);
    auto *review = child<QTableWidget>(QStringLiteral("importReview"));
    EXPECT_EQ(review->rowCount(), 120) << "every row from the start";
    EXPECT_TRUE(wizard->isBusy());
    EXPECT_NE(review->cellWidget(49, 4), nullptr);
    EXPECT_EQ(review->cellWidget(50, 4), nullptr);
    auto *all = child<QComboBox>(QStringLiteral("importAllDuplicates"));
    all->setCurrentIndex(all->findData(int(io::Decision::Skip)));
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->isBusy(), 5000);
    EXPECT_EQ(review->rowCount(), 120);
    auto *last = qobject_cast<QComboBox *>(review->cellWidget(119, 4));
    ASSERT_NE(last, nullptr);
    EXPECT_EQ(last->currentData().toInt(), int(io::Decision::Skip));
    EXPECT_EQ(review->item(119, 0)->text(), u"121");
    EXPECT_EQ(qobject_cast<QComboBox *>(review->cellWidget(0, 4))->currentData().toInt(),
              int(io::Decision::Skip));
}

TEST_F(ImportWizardTest, OnABigDatabaseWorkersPlanAndImportWhileTheWizardWaits)
{
    const BigDatabase big;
    const qint64 before = customers();
    {
        const test::WorkerGate gate; // the file's reader waits
        ASSERT_TRUE(wizard->loadFile(path));
        EXPECT_TRUE(wizard->isBusy());
        EXPECT_FALSE(wizard->table());
        wizard->next(); // not yet
        EXPECT_EQ(wizard->currentId(), ui::ImportWizard::FilePage);
    }
    load();
    EXPECT_EQ(child<QTableWidget>(QStringLiteral("importPreview"))->rowCount(), 3);
    EXPECT_TRUE(child<QLabel>(QStringLiteral("importFileInfo"))->text().contains(u"GB18030"));
    wizard->next();
    ASSERT_EQ(wizard->currentId(), ui::ImportWizard::ColumnsPage);
    {
        const test::WorkerGate gate; // the plan's reader waits
        wizard->next();
        EXPECT_EQ(wizard->currentId(), ui::ImportWizard::ColumnsPage);
        EXPECT_TRUE(wizard->isBusy());
        EXPECT_FALSE(wizard->plan());
        EXPECT_FALSE(wizard->button(QWizard::NextButton)->isEnabled());
        EXPECT_FALSE(wizard->button(QWizard::BackButton)->isEnabled());
    }
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ui::ImportWizard::ReviewPage), 10000);
    EXPECT_FALSE(wizard->isBusy());
    ASSERT_TRUE(wizard->plan());
    const QString summary = child<QLabel>(QStringLiteral("importSummary"))->text();
    EXPECT_TRUE(summary.contains(u"<b>1</b> new")) << summary.toStdString();
    EXPECT_TRUE(summary.contains(u"<b>1</b> already")) << summary.toStdString();
    auto *all = child<QComboBox>(QStringLiteral("importAllDuplicates"));
    all->setCurrentIndex(all->findData(int(io::Decision::Skip)));

    QSignalSpy changed(session.get(), &ui::Session::customersChanged);
    QSignalSpy classified(session.get(), &ui::Session::reclassifyFinished);
    {
        const WriterGate gate; // the import's writer waits
        wizard->next();
        ASSERT_EQ(wizard->currentId(), ui::ImportWizard::ImportPage);
        EXPECT_TRUE(wizard->isBusy());
        EXPECT_TRUE(session->isImportingInBackground());
        EXPECT_TRUE(wizard->button(QWizard::CancelButton)->isVisible());
        wizard->accept(); // Finish waits for the import
        EXPECT_TRUE(wizard->isVisible());
        // F5 meanwhile: it would wait for the import's write; it runs after it.
        session->reclassify();
        EXPECT_FALSE(session->isReclassifying());
        EXPECT_EQ(customers(), before);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->isBusy(), 10000);
    ASSERT_TRUE(wizard->report());
    EXPECT_EQ(wizard->report()->created, 1);
    EXPECT_EQ(wizard->report()->skipped, 1);
    EXPECT_EQ(wizard->report()->rejected, 1);
    EXPECT_EQ(customers(), before + 1);
    // The classification asked for meanwhile follows the import: its end tells the views.
    EXPECT_EQ(changed.count(), classified.count());
    EXPECT_FALSE(session->isImportingInBackground());
    EXPECT_FALSE(wizard->button(QWizard::CancelButton)->isVisible());
    EXPECT_EQ(child<QProgressBar>(QStringLiteral("importProgress"))->value(), 3);
    EXPECT_TRUE(child<QLabel>(QStringLiteral("importResult"))->text().contains(u"1 created"));
    // The worker freed the list and its plan once it had written the rows to fix.
    EXPECT_FALSE(wizard->table());
    EXPECT_FALSE(wizard->plan());
    EXPECT_TRUE(child<QPushButton>(QStringLiteral("importSaveProblems"))->isEnabled());
    const QString fix = dir.filePath(QStringLiteral("fix.csv"));
    ASSERT_TRUE(wizard->saveProblems(fix));
    QFile fixed(fix);
    ASSERT_TRUE(fixed.open(QIODevice::ReadOnly));
    const QByteArray bytes = fixed.readAll();
    EXPECT_TRUE(bytes.startsWith("\xEF\xBB\xBF")); // UTF-8 with a BOM, as on a small database
    const QString text = QString::fromUtf8(bytes);
    EXPECT_TRUE(text.contains(u"张伟"));
    EXPECT_TRUE(text.contains(u"王伟"));      // the skipped duplicate
    EXPECT_FALSE(text.contains(u"华信贸易")); // imported
    QTRY_COMPARE_WITH_TIMEOUT(classified.count(), 1, 20000);
    EXPECT_EQ(changed.count(), 1);
    ASSERT_TRUE(wizard->undoImport());
    EXPECT_EQ(customers(), before);
}

TEST_F(ImportWizardTest, CancelOnABigDatabaseLeavesTheDatabaseAsItWas)
{
    const BigDatabase big;
    const qint64 before = customers();
    const std::size_t imports = batches();
    review();
    QSignalSpy changed(session.get(), &ui::Session::customersChanged);
    {
        const WriterGate gate;
        wizard->next();
        ASSERT_EQ(wizard->currentId(), ui::ImportWizard::ImportPage);
        ASSERT_TRUE(wizard->button(QWizard::CancelButton)->isVisible());
        wizard->button(QWizard::CancelButton)->click();
        EXPECT_TRUE(wizard->isVisible());
        EXPECT_TRUE(wizard->isBusy());
    }
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->isBusy(), 10000);
    EXPECT_FALSE(wizard->report());
    EXPECT_EQ(child<QLabel>(QStringLiteral("importResult"))->text(), u"Cancelled. Nothing was imported.");
    EXPECT_EQ(customers(), before);
    EXPECT_EQ(batches(), imports);
    EXPECT_EQ(changed.count(), 0);
    EXPECT_FALSE(session->isImportingInBackground());
    QTest::keyClick(wizard.get(), Qt::Key_Escape); // now it closes
    EXPECT_FALSE(wizard->isVisible());
}

TEST_F(ImportWizardTest, OnABigDatabaseTheImportStopsARunningClassificationWhichRunsAgainAfterIt)
{
    const BigDatabase big;
    const qint64 before = customers();
    review();
    const test::HoldTheFirstRunsWrite hold; // the run holds the file until it is stopped
    QSignalSpy started(session.get(), &ui::Session::reclassifyStarted);
    QSignalSpy classified(session.get(), &ui::Session::reclassifyFinished);
    session->reclassify();
    // (qWaitFor in gtest's assertions: a QTRY_ macro that times out here ends the test unfailed.)
    ASSERT_TRUE(QTest::qWaitFor([&] { return hold.runs() == 1; }, 10'000));

    // The import starts at once: the session stops the run for it.
    wizard->next();
    ASSERT_EQ(wizard->currentId(), ui::ImportWizard::ImportPage);
    EXPECT_TRUE(wizard->isBusy());
    EXPECT_TRUE(session->isImportingInBackground());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !wizard->isBusy(); }, 10'000));
    ASSERT_TRUE(wizard->report());
    EXPECT_EQ(wizard->report()->created, 1);
    EXPECT_EQ(customers(), before + 1);

    // The stopped run says nothing; it runs again after the import, ends well, and is current
    // with the import in it.
    ASSERT_TRUE(QTest::qWaitFor([&] { return classified.count() == 1; }, 20'000));
    EXPECT_TRUE(classified.front().at(0).toBool()) << classified.front().at(1).toString().toStdString();
    EXPECT_EQ(started.count(), 2);
    EXPECT_EQ(hold.runs(), 2);
    EXPECT_FALSE(session->isReclassifying());
    auto queue = store::ClassificationStore(session->database()).currentQueue(session->today());
    ASSERT_TRUE(queue);
    EXPECT_TRUE(queue->has_value());
}

TEST_F(ImportWizardTest, OnABigDatabaseCancelWhileThePlanIsMadeClosesWithoutAPlan)
{
    const BigDatabase big;
    load();
    wizard->next();
    {
        const test::WorkerGate gate;
        wizard->next();
        ASSERT_TRUE(wizard->isBusy());
        wizard->button(QWizard::CancelButton)->click();
        EXPECT_FALSE(wizard->isBusy());
        EXPECT_FALSE(wizard->isVisible());
    }
    QTest::qWait(50); // the worker's answer, dropped
    EXPECT_FALSE(wizard->plan());
    EXPECT_FALSE(wizard->isBusy());
}

namespace {

/// The wizard for orders or calls, on the same team database.
class ActivityWizardTest : public UiFixture {
protected:
    void open(ui::ImportWizard::Kind kind, const QString &name, const QString &text)
    {
        QStringEncoder gbk("GB18030");
        path = dir.filePath(name);
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(gbk(text));
        f.close();
        wizard = std::make_unique<ui::ImportWizard>(session.get(), kind);
        wizard->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(wizard.get()));
        ASSERT_TRUE(wizard->loadFile(path));
    }
    void TearDown() override
    {
        wizard.reset();
        UiFixture::TearDown();
    }
    std::size_t ordersOf(CustomerId id)
    {
        return store::OrderRepository(session->database())
            .forCustomer(id)
            .value_or(std::vector<Order>{})
            .size();
    }
    std::vector<Call> callsOf(CustomerId id)
    {
        return store::CallRepository(session->database()).forCustomer(id).value_or(std::vector<Call>{});
    }
    template<typename T>
    T *child(const QString &name)
    {
        auto *w = wizard->findChild<T *>(name);
        EXPECT_NE(w, nullptr) << name.toStdString();
        return w;
    }

    QString path;
    std::unique_ptr<ui::ImportWizard> wizard;
};

} // namespace

TEST_F(ActivityWizardTest, ImportsAShopExportByPhoneReviewsDuplicatesClassifiesAndUndoes)
{
    // Line 4's phone belongs to two customers (1 and 5); line 5 is an order customer 2 has already.
    open(ui::ImportWizard::Kind::Orders, QStringLiteral("订单.csv"),
         QStringLiteral("订单号,客户电话,下单日期,金额,备注\r\n"
                        "A1,139-0000-1111,2026/6/28,\"¥2,500.00\",续订\r\n"
                        "A2,13700007777,2026-06-29,980,\r\n"
                        "A3,13800138000,2026-06-29,100,\r\n"
                        "A4,13900001111,2025-11-15,9000.00,\r\n"));
    EXPECT_EQ(wizard->windowTitle(), QStringLiteral("Import orders"));
    wizard->next();
    ASSERT_EQ(wizard->currentId(), ui::ImportWizard::ColumnsPage);
    EXPECT_EQ(child<QComboBox>(QStringLiteral("importField_0"))->currentData().toInt(),
              int(io::ActivityField::Ignore));
    EXPECT_EQ(child<QComboBox>(QStringLiteral("importField_1"))->currentData().toInt(),
              int(io::ActivityField::Phone));
    EXPECT_EQ(child<QComboBox>(QStringLiteral("importField_3"))->currentData().toInt(),
              int(io::ActivityField::Amount));
    EXPECT_EQ(child<QComboBox>(QStringLiteral("importField_3"))->count(), 8) << "the fields of an order list";

    wizard->next();
    ASSERT_EQ(wizard->currentId(), ui::ImportWizard::ReviewPage);
    const QString summary = child<QLabel>(QStringLiteral("importSummary"))->text();
    EXPECT_TRUE(summary.contains(u"<b>2</b> new orders for <b>2</b> customers")) << summary.toStdString();
    EXPECT_TRUE(summary.contains(u"<b>1</b> already in the database")) << summary.toStdString();
    EXPECT_TRUE(summary.contains(u"<b>1</b> cannot be imported")) << summary.toStdString();
    auto *review = child<QTableWidget>(QStringLiteral("importReview"));
    ASSERT_EQ(review->rowCount(), 2);
    EXPECT_EQ(review->item(0, 0)->text(), u"4");
    EXPECT_TRUE(review->item(0, 3)->text().contains(u"(1, 5)")) << review->item(0, 3)->text().toStdString();
    EXPECT_EQ(review->item(1, 1)->text(), u"Anna Schmidt (2)");
    EXPECT_EQ(child<QComboBox>(QStringLiteral("importDecision_5"))->currentData().toInt(),
              int(io::Decision::Skip));

    QSignalSpy classified(session.get(), &ui::Session::reclassifyFinished);
    wizard->next();
    ASSERT_EQ(wizard->currentId(), ui::ImportWizard::ImportPage);
    ASSERT_TRUE(wizard->activityReport());
    EXPECT_EQ(wizard->activityReport()->created, 2);
    EXPECT_EQ(wizard->activityReport()->skipped, 1);
    EXPECT_EQ(wizard->activityReport()->rejected, 1);
    EXPECT_EQ(ordersOf(2), 3u);
    EXPECT_EQ(ordersOf(4), 1u);
    EXPECT_TRUE(child<QLabel>(QStringLiteral("importResult"))->text().contains(u"classified again"));
    QTRY_COMPARE_WITH_TIMEOUT(classified.count(), 1, 20000);
    EXPECT_TRUE(classified.front().at(0).toBool()) << classified.front().at(1).toString().toStdString();

    ASSERT_TRUE(wizard->undoImport());
    EXPECT_EQ(ordersOf(2), 2u);
    EXPECT_EQ(ordersOf(4), 0u);
    QTRY_COMPARE_WITH_TIMEOUT(classified.count(), 2, 20000);
}

TEST_F(ActivityWizardTest, ImportsAPhoneSystemsLogWithSeparateDateAndTimeColumns)
{
    open(ui::ImportWizard::Kind::Calls, QStringLiteral("通话记录.csv"),
         QStringLiteral("日期,时间,对方号码,通话时长,通话结果,备注\r\n"
                        "2026-06-29,15:20,13700007777,3分,未接,\r\n"
                        "2026-06-30,09:05:10,021 6123 4567,65,接通,约了下周见面\r\n"));
    wizard->next();
    wizard->next();
    ASSERT_EQ(wizard->currentId(), ui::ImportWizard::ReviewPage);
    EXPECT_TRUE(child<QLabel>(QStringLiteral("importSummary"))->text().contains(u"<b>2</b> new calls"));
    EXPECT_EQ(child<QTableWidget>(QStringLiteral("importReview"))->rowCount(), 0);
    QSignalSpy classified(session.get(), &ui::Session::reclassifyFinished);
    wizard->next();
    ASSERT_TRUE(wizard->activityReport());
    EXPECT_EQ(wizard->activityReport()->created, 2);
    const auto zhang = callsOf(3);
    ASSERT_EQ(zhang.size(), 1u);
    EXPECT_EQ(zhang[0].calledAt, QDateTime(QDate(2026, 6, 30), QTime(9, 5, 10)));
    EXPECT_EQ(zhang[0].durationS, 65);
    EXPECT_EQ(zhang[0].outcome, Outcome::Reached);
    EXPECT_EQ(zhang[0].note, QStringLiteral("约了下周见面"));
    const auto li = callsOf(4);
    ASSERT_EQ(li.size(), 2u);
    EXPECT_EQ(li[0].outcome, Outcome::NoAnswer);
    EXPECT_EQ(li[0].durationS, 180);
    QTRY_COMPARE_WITH_TIMEOUT(classified.count(), 1, 20000);
}

TEST_F(ActivityWizardTest, OnABigDatabaseAWorkerAddsTheOrdersThenEveryoneIsClassifiedAgain)
{
    const BigDatabase big;
    open(ui::ImportWizard::Kind::Orders, QStringLiteral("订单.csv"),
         QStringLiteral("订单号,客户电话,下单日期,金额\r\n"
                        "A1,139-0000-1111,2026/6/28,\"¥2,500.00\"\r\n"
                        "A2,13700007777,2026-06-29,980\r\n"));
    QTRY_VERIFY_WITH_TIMEOUT(wizard->table().has_value(), 10000);
    wizard->next();
    wizard->next();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ui::ImportWizard::ReviewPage), 10000);
    EXPECT_TRUE(child<QLabel>(QStringLiteral("importSummary"))->text().contains(u"<b>2</b> new orders"));
    QSignalSpy classified(session.get(), &ui::Session::reclassifyFinished);
    wizard->next();
    ASSERT_EQ(wizard->currentId(), ui::ImportWizard::ImportPage);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->isBusy(), 10000);
    ASSERT_TRUE(wizard->activityReport());
    EXPECT_EQ(wizard->activityReport()->created, 2);
    EXPECT_EQ(ordersOf(2), 3u);
    EXPECT_EQ(ordersOf(4), 1u);
    // Nothing to fix; the worker freed the list and its plan before the run they start.
    EXPECT_FALSE(wizard->table());
    EXPECT_FALSE(wizard->activityPlan());
    EXPECT_FALSE(child<QPushButton>(QStringLiteral("importSaveProblems"))->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(classified.count(), 1, 20000);
    EXPECT_TRUE(classified.front().at(0).toBool()) << classified.front().at(1).toString().toStdString();
}
