#include "backgroundread.h"
#include "dialogs/importwizard.h"
#include "dialogs/logcalldialog.h"
#include "io/classifyjob.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "models/customertablemodel.h"
#include "store/bulk.h"
#include "store/customerquery.h"
#include "store/deferredindexes.h"
#include "store/repositories.h"
#include "store/searchindex.h"
#include "store/searchsnapshot.h"
#include "support/testsupport.h"
#include "uitestsupport.h"
#include "views/customersview.h"
#include "views/queueview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDeadlineTimer>
#include <QDialog>
#include <QElapsedTimer>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPaintEvent>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <gtest/gtest.h>
#include <optional>
#include <set>
#include <sqlite3.h>
#include <string>
#include <vector>

using namespace tierdesk;
using tierdesk::test::BigDatabase;
using tierdesk::test::date;
using tierdesk::test::UiFixture;

namespace {

class MainWindowTest : public UiFixture {
protected:
    void SetUp() override
    {
        UiFixture::SetUp();
        QSettings().clear();
        window = std::make_unique<ui::MainWindow>(session.get());
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        session->opened(); // the fixture opened the session before the window existed
    }
    void TearDown() override
    {
        window.reset();
        UiFixture::TearDown();
    }

    template<typename T>
    T *child(const char *name) const
    {
        auto *w = window->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(w, nullptr) << name;
        return w;
    }

    /// The dialog of type T that is open now, if any.
    template<typename T = QDialog>
    T *openDialog() const
    {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<T *>(w); d && d->isVisible())
                return d;
        }
        return nullptr;
    }

    std::unique_ptr<ui::MainWindow> window;
};

} // namespace

TEST_F(MainWindowTest, ThreePlacesAreOneShortcutApart)
{
    auto *pages = child<QStackedWidget>("pages");
    QTest::keyClick(window.get(), Qt::Key_1, Qt::ControlModifier);
    EXPECT_EQ(pages->currentWidget()->objectName(), QStringLiteral("customersPage"));
    QTest::keyClick(window.get(), Qt::Key_2, Qt::ControlModifier);
    EXPECT_EQ(pages->currentWidget()->objectName(), QStringLiteral("callsPage"));
    QTest::keyClick(window.get(), Qt::Key_3, Qt::ControlModifier);
    EXPECT_EQ(pages->currentWidget()->objectName(), QStringLiteral("chartsPage"));
    child<QListWidget>("navigation")->setCurrentRow(0);
    EXPECT_EQ(pages->currentWidget()->objectName(), QStringLiteral("customersPage"));
}

TEST_F(MainWindowTest, StatusBarShowsDatabaseAsOfAndClassification)
{
    EXPECT_TRUE(child<QLabel>("statusDatabase")->text().endsWith(QStringLiteral("team.sqlite")));
    EXPECT_FALSE(child<QLabel>("statusAsOf")->text().isEmpty());
    EXPECT_FALSE(child<QLabel>("statusClassified")->text().isEmpty());
}

TEST_F(MainWindowTest, SearchAsYouTypeNarrowsTheTableAndCounts)
{
    window->showPlace(ui::MainWindow::Place::Customers);
    auto *search = child<QLineEdit>("searchEdit");
    auto *table = child<QTableView>("customerTable");
    auto *count = child<QLabel>("matchCount");
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    EXPECT_TRUE(search->hasFocus());
    // Qt 6.4's keyClicks only sends Latin-1; Chinese arrives as an input method commits it.
    QInputMethodEvent chinese;
    chinese.setCommitString(QStringLiteral("王伟"));
    QApplication::sendEvent(search, &chinese);
    QTRY_COMPARE(table->model()->rowCount(), 2);
    EXPECT_TRUE(count->text().contains(u'2')) << count->text().toStdString();
    QTest::keyClicks(search, QStringLiteral(" x"));
    QTRY_COMPARE(table->model()->rowCount(), 0);
    search->clear();
    QTRY_COMPARE(table->model()->rowCount(), 5);
}

namespace {

/// The ids of a table's rows, in order.
QList<qint64> idsOf(const QAbstractItemModel *model)
{
    QList<qint64> ids;
    for (int r = 0; r < model->rowCount(); ++r)
        ids << model->index(r, 0).data(ui::CustomerTableModel::IdRole).toLongLong();
    return ids;
}

/// A big database whose search texts are read into memory however few its customers, none read
/// yet; forgotten again at the end.
struct BigDatabaseSearchedInMemory {
    const BigDatabase big;
    BigDatabaseSearchedInMemory()
    {
        ui::CustomerTableModel::setSearchSnapshotCustomers(0);
        store::SearchSnapshot::forgetAll();
    }
    ~BigDatabaseSearchedInMemory()
    {
        ui::CustomerTableModel::setSearchSnapshotCustomers(store::CustomerQuery::kSearchSnapshotCustomers);
        store::SearchSnapshot::forgetAll();
    }
};

} // namespace

TEST_F(MainWindowTest, OnABigDatabaseASearchIsReadByAWorkerAndTheTableKeepsItsRowsUntilThen)
{
    const BigDatabase big;
    window->showPlace(ui::MainWindow::Place::Customers);
    auto *search = child<QLineEdit>("searchEdit");
    auto *table = child<QTableView>("customerTable");
    auto *count = child<QLabel>("matchCount");
    auto *model = window->customersView()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QList<qint64> everyone = idsOf(model);
    ASSERT_EQ(everyone.size(), 5);

    test::WorkerGate gate;
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(search, QStringLiteral("139"));
    QTRY_VERIFY(model->isLoading());
    // The keystroke is done; the worker has not answered: the rows of before, and a word on it.
    QTest::qWait(50);
    EXPECT_EQ(idsOf(table->model()), everyone);
    EXPECT_EQ(count->text(), ui::CustomersView::tr("Searching…"));
    gate.release();
    QTRY_VERIFY(!model->isLoading());
    EXPECT_EQ(idsOf(table->model()), QList<qint64>{2}); // Anna Schmidt, 13900001111
    EXPECT_EQ(count->text(), ui::CustomersView::tr("%n customer(s)", nullptr, 1));
}

TEST_F(MainWindowTest, OnABigDatabaseASearchsRowsArePaintedOnceWhenTheyCome)
{
    // Each paint of the rows shapes the text of every visible cell again (4 ms of a keystroke at
    // 1280 × 800): the view lays the new rows out before the window paints them, not after.
    const BigDatabase big;
    window->showPlace(ui::MainWindow::Place::Customers);
    auto *search = child<QLineEdit>("searchEdit");
    auto *table = child<QTableView>("customerTable");
    auto *model = window->customersView()->model();
    QWidget *viewport = table->viewport();
    struct PaintCounter final : QObject {
        QWidget *viewport = nullptr;
        int rowPaints = 0;
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            // A paint of the rows, not of a cell or two (the current one's focus frame).
            if (watched == viewport && event->type() == QEvent::Paint &&
                static_cast<QPaintEvent *>(event)->rect().height() > viewport->height() / 2)
                ++rowPaints;
            return false;
        }
    } counter;
    counter.viewport = viewport;
    viewport->installEventFilter(&counter);

    test::WorkerGate gate;
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("138"));
    QTRY_VERIFY(model->isLoading());
    QTest::qWait(50); // the keystroke's own paints
    counter.rowPaints = 0;
    gate.release();
    QTRY_VERIFY(!model->isLoading());
    QTest::qWait(200);
    EXPECT_EQ(idsOf(model), (QList<qint64>{1, 5}));
    EXPECT_EQ(counter.rowPaints, 1);
}

TEST_F(MainWindowTest, OnABigDatabaseTheSearchTextsAreNotReadWhileEveryoneIsClassified)
{
    const BigDatabaseSearchedInMemory big;
    const int threads = ui::Session::workerPool()->maxThreadCount();
    QSemaphore hold;
    const auto restore = qScopeGuard([&] {
        hold.release(); // never leave the pool's thread waiting
        ui::Session::workerPool()->setMaxThreadCount(threads);
    });
    sqlite3 *db = session->database().handle();
    window->showPlace(ui::MainWindow::Place::Customers);
    // The F5 worker waits behind a job holding the pool's only thread: the run is on its way.
    ui::Session::workerPool()->setMaxThreadCount(1);
    ui::Session::workerPool()->start([&hold] { hold.acquire(); });
    session->reclassify();
    ASSERT_TRUE(session->isReclassifying());
    // An edit meanwhile would have the list read the texts again: not while the run needs the memory.
    auto anna = session->customer(2);
    ASSERT_TRUE(anna && *anna);
    Customer renamed = **anna;
    renamed.name = QStringLiteral("Anna Schmidt-Weber");
    ASSERT_TRUE(session->updateCustomer(renamed));
    QTest::qWait(300);
    ASSERT_TRUE(ui::readerPool()->waitForDone(10'000));
    EXPECT_EQ(store::SearchSnapshot::current(db), nullptr);
    // The run's end reads them.
    hold.release();
    QTRY_VERIFY_WITH_TIMEOUT(!session->isReclassifying(), 20'000);
    QTRY_VERIFY_WITH_TIMEOUT(store::SearchSnapshot::current(db) != nullptr, 10'000);
}

TEST_F(MainWindowTest, AWriteDuringTheRunsWriteStopsItAndTheRunGoesAgainWithTheWriteIn)
{
    // The run holds the write lock as its write does for seconds at a million customers: here
    // until its stop flag is set (or 15 s, far past the window's 5 s wait for a lock). Only the
    // first run is held.
    const test::HoldTheFirstRunsWrite hold;
    QSignalSpy started(session.get(), &ui::Session::reclassifyStarted);
    QSignalSpy finished(session.get(), &ui::Session::reclassifyFinished);
    session->reclassify();
    QTRY_COMPARE_WITH_TIMEOUT(hold.runs(), 1, 10'000);

    // A call logged now waits for the run to let go, not for the run to end: without the stop it
    // would fail ("locked") after 5 s.
    Call call;
    call.customerId = 3;
    call.calledAt = QDateTime(date("2026-06-30"), QTime(9, 0));
    call.outcome = Outcome::Reached;
    call.nextFollowUp = date("2026-07-05");
    QElapsedTimer waited;
    waited.start();
    auto logged = session->logCall(call);
    ASSERT_TRUE(logged) << logged.error().message.toStdString();
    EXPECT_LT(waited.elapsed(), 2000);

    // The stopped run reports nothing and runs again; that run ends well and sees the call: the
    // stored results are current for the day (nothing written since their facts were read).
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20'000);
    EXPECT_TRUE(finished.front().at(0).toBool()) << finished.front().at(1).toString().toStdString();
    EXPECT_EQ(started.count(), 2);
    EXPECT_EQ(hold.runs(), 2);
    EXPECT_FALSE(session->isReclassifying());
    store::ClassificationStore results(session->database());
    auto queue = results.currentQueue(date("2026-06-30"));
    ASSERT_TRUE(queue);
    EXPECT_TRUE(queue->has_value());
    auto stored = results.find(3);
    ASSERT_TRUE(stored && *stored);
    EXPECT_EQ((*stored)->due, date("2026-07-05"));
}

namespace {

/// The as-of date of the latest run stored in `file`.
QDate lastRunIn(const QString &file)
{
    store::Database db;
    if (!db.open(file))
        return {};
    auto last = store::ClassificationStore(db).lastRun();
    return last && *last ? (*last)->asOf : QDate();
}

/// Another team's file: one customer, classified as of `asOf`.
void makeOtherTeam(const QString &file, QDate asOf)
{
    store::Database db;
    ASSERT_TRUE(db.open(file));
    Customer zhao;
    zhao.name = QStringLiteral("赵敏");
    zhao.phone = QStringLiteral("13600006666");
    zhao.owner = QStringLiteral("Zhao");
    zhao.createdAt = date("2026-01-05");
    ASSERT_TRUE(store::CustomerRepository(db).add(zhao));
    ASSERT_TRUE(io::classifyDatabase(db, asOf, /*store=*/true));
}

/// The names in a customer list, in order.
QStringList namesOf(const QAbstractItemModel *model)
{
    QStringList names;
    for (int r = 0; r < model->rowCount(); ++r)
        names << model->index(r, ui::CustomerTableModel::Name).data().toString();
    return names;
}

} // namespace

// The waits below are QTest::qWaitFor() inside gtest's assertions: a QTRY_ macro that times out
// outside QTest's own runner returns from the test without failing it.

TEST_F(MainWindowTest, ClosingTheWindowDuringARunStopsItAtOnceAndLeavesThePreviousRun)
{
    const test::HoldTheFirstRunsWrite hold;
    session->setToday(date("2026-07-01"));
    session->reclassify();
    ASSERT_TRUE(QTest::qWaitFor([&] { return hold.runs() == 1; }, 10'000));

    // As the app ends: the window closes, then the session goes, and its database with it.
    QElapsedTimer closing;
    closing.start();
    window->close();
    window.reset();
    session.reset();
    // Without the stop, the end waited for the run: here the hold's 15 s, then its write.
    EXPECT_LT(closing.elapsed(), 3000);
    EXPECT_EQ(lastRunIn(dbPath), date("2026-06-30"));
}

TEST_F(MainWindowTest, OpeningAnotherFileDuringARunShowsItsDataAndItsOwnRunAndNoError)
{
    const QString other = dir.filePath(QStringLiteral("other.sqlite"));
    makeOtherTeam(other, date("2026-06-30")); // a day behind: opening it classifies it
    const test::HoldTheFirstRunsWrite hold;
    session->setToday(date("2026-07-01"));
    QSignalSpy finished(session.get(), &ui::Session::reclassifyFinished);
    session->reclassify();
    ASSERT_TRUE(QTest::qWaitFor([&] { return hold.runs() == 1; }, 10'000));

    // An error would be answered at once instead of shown (and be the last message's text).
    const QString lastMessage = ui::MessageBox::lastText();
    ui::MessageBox::setNextAnswer(QMessageBox::Ok);
    const auto unanswer = qScopeGuard([] { ui::MessageBox::setNextAnswer(QMessageBox::NoButton); });
    QElapsedTimer opening;
    opening.start();
    ASSERT_TRUE(window->openDatabase(other));

    // The new file's run goes at once (before, the held run kept it from starting at all), and it
    // is the only one that reports: the stopped run's late end says nothing.
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 1; }, 10'000));
    EXPECT_LT(opening.elapsed(), 10'000);
    EXPECT_TRUE(finished.front().at(0).toBool()) << finished.front().at(1).toString().toStdString();
    ASSERT_TRUE(ui::Session::workerPool()->waitForDone(10'000));
    QTest::qWait(100);
    EXPECT_EQ(finished.count(), 1);
    EXPECT_EQ(ui::MessageBox::lastText(), lastMessage);
    EXPECT_FALSE(session->isReclassifying());
    EXPECT_EQ(session->path(), other);
    ASSERT_TRUE(session->lastRun());
    EXPECT_EQ(session->lastRun()->asOf, date("2026-07-01"));
    window->showPlace(ui::MainWindow::Place::Customers);
    const QStringList zhao{QStringLiteral("赵敏")};
    EXPECT_TRUE(QTest::qWaitFor([&] { return namesOf(window->customersView()->model()) == zhao; }, 5000))
        << namesOf(window->customersView()->model()).join(u", ").toStdString();
    EXPECT_FALSE(child<QProgressBar>("reclassifyProgress")->isVisible());
    // The first file's stored run is as it was: the stopped run rolled back.
    EXPECT_EQ(lastRunIn(dbPath), date("2026-06-30"));
}

TEST_F(MainWindowTest, OpeningAFileOfTheDayDuringARunLeavesNoProgressShowing)
{
    const QString other = dir.filePath(QStringLiteral("other.sqlite"));
    makeOtherTeam(other, date("2026-07-01")); // classified today: no run on opening
    const test::HoldTheFirstRunsWrite hold;
    session->setToday(date("2026-07-01"));
    QSignalSpy finished(session.get(), &ui::Session::reclassifyFinished);
    session->reclassify();
    ASSERT_TRUE(QTest::qWaitFor([&] { return hold.runs() == 1; }, 10'000));
    auto *progress = child<QProgressBar>("reclassifyProgress");
    EXPECT_TRUE(progress->isVisible());

    const QString lastMessage = ui::MessageBox::lastText();
    ui::MessageBox::setNextAnswer(QMessageBox::Ok);
    const auto unanswer = qScopeGuard([] { ui::MessageBox::setNextAnswer(QMessageBox::NoButton); });
    ASSERT_TRUE(window->openDatabase(other));
    EXPECT_FALSE(session->isReclassifying());
    EXPECT_FALSE(progress->isVisible());
    EXPECT_TRUE(child<QLabel>("statusClassified")->text().startsWith(u"Classified"))
        << child<QLabel>("statusClassified")->text().toStdString();
    ASSERT_TRUE(ui::Session::workerPool()->waitForDone(10'000));
    QTest::qWait(100);
    EXPECT_EQ(finished.count(), 0);
    EXPECT_EQ(ui::MessageBox::lastText(), lastMessage);
    EXPECT_EQ(hold.runs(), 1);
    EXPECT_EQ(lastRunIn(dbPath), date("2026-06-30"));
}

TEST_F(MainWindowTest, ARunReadsTheFactsOnceTheReadsUnderWayEndedOrASecondPassed)
{
    // A worker's read (a list's, the search texts'), held until released.
    QSemaphore started, wait;
    bool released = false;
    const auto release = [&] {
        if (!std::exchange(released, true))
            wait.release();
    };
    const auto releaseAtTheEnd = qScopeGuard(release);
    std::optional<bool> read;
    ui::readInBackground<bool>(
        window.get(), session->database().path(),
        [&started, &wait](store::Database &) -> Result<bool> {
            started.release();
            wait.acquire();
            return true;
        },
        [&read](const Result<bool> &r) { read = r.has_value(); });
    ASSERT_TRUE(started.tryAcquire(1, 10'000));
    std::atomic<int> writes = 0;
    const test::WriteStartedHook hook([&writes](const std::atomic<bool> *) { ++writes; });
    QSignalSpy finished(session.get(), &ui::Session::reclassifyFinished);
    session->reclassify();
    // The run waits for the read before it reads the facts (their memory came on top of the
    // read's): nothing written yet.
    QTest::qWait(400);
    EXPECT_EQ(writes.load(), 0);
    // But not for long: a read that goes on (an Export…) does not hold it up past a second.
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 1; }, 10'000));
    EXPECT_TRUE(finished.front().at(0).toBool()) << finished.front().at(1).toString().toStdString();
    EXPECT_EQ(writes.load(), 1);
    EXPECT_FALSE(read.has_value());
    release();
    EXPECT_TRUE(QTest::qWaitFor([&] { return read.has_value(); }, 10'000));
}

TEST_F(MainWindowTest, ARunStartsWithoutThePageCachesOfTheReadsThatEndedWhileItWaited)
{
    // A read the run waits for (up to a second), held until released: on a thread of its own, so
    // that the reader threads stay free for the reads that begin and end meanwhile (the morning's:
    // the views' first reads, one after the other).
    QTRY_COMPARE(ui::readerPool()->activeThreadCount(), 0);
    QSemaphore started, wait;
    bool released = false;
    const auto release = [&] {
        if (!std::exchange(released, true))
            wait.release();
    };
    std::unique_ptr<QThread> held(QThread::create([&started, &wait] {
        const ui::ReaderInUse inUse;
        started.release();
        wait.acquire();
    }));
    held->start();
    const auto releaseAtTheEnd = qScopeGuard([&] {
        release();
        held->wait();
    });
    ASSERT_TRUE(started.tryAcquire(1, 10'000));

    // The page cache of the reader's connection as the run's write starts.
    std::atomic<store::Database *> reader = nullptr;
    std::atomic<int> cacheAtWrite = -1;
    const test::WriteStartedHook hook([&reader, &cacheAtWrite](const std::atomic<bool> *) {
        int current = 0, highest = 0;
        if (store::Database *db = reader.load())
            sqlite3_db_status(db->handle(), SQLITE_DBSTATUS_CACHE_USED, &current, &highest, 0);
        cacheAtWrite = current;
    });
    QSignalSpy finished(session.get(), &ui::Session::reclassifyFinished);
    session->reclassify();
    // The run has asked the readers for their caches and waits for the held read.
    QTest::qWait(100);
    // Meanwhile a read fills its connection's cache and ends.
    std::optional<qint64> filled;
    ui::readInBackground<qint64>(
        window.get(), session->database().path(),
        [&reader](store::Database &db) -> Result<qint64> {
            for (const char *sql : {"SELECT * FROM customers", "SELECT * FROM orders",
                                    "SELECT * FROM classification", "SELECT * FROM calls"})
                (void)db.exec(sql);
            reader = &db;
            int current = 0, highest = 0;
            sqlite3_db_status(db.handle(), SQLITE_DBSTATUS_CACHE_USED, &current, &highest, 0);
            return qint64(current);
        },
        [&filled](const Result<qint64> &r) { filled = r ? *r : -1; });
    QTRY_VERIFY(filled.has_value());
    ASSERT_GT(*filled, 0);
    EXPECT_EQ(cacheAtWrite.load(), -1); // still waiting
    release();
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 1; }, 10'000));
    EXPECT_TRUE(finished.front().at(0).toBool()) << finished.front().at(1).toString().toStdString();
    // Its cache was given back before the run read anything, not kept under the run's peak.
    EXPECT_GE(cacheAtWrite.load(), 0);
    EXPECT_LT(cacheAtWrite.load(), *filled / 2);
}

TEST_F(MainWindowTest, F5TellsTheViewsThenCopiesTheRunIntoTheFileItself)
{
    auto runsIn = [](const QString &file) -> qint64 {
        sqlite3 *db = nullptr;
        sqlite3_stmt *stmt = nullptr;
        qint64 n = -1;
        if (sqlite3_open_v2(file.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
            sqlite3_prepare_v2(db, "SELECT count(*) FROM classification_runs", -1, &stmt, nullptr) ==
                SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            n = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        sqlite3_close(db);
        return n;
    };
    const qint64 before = runsIn(dbPath);
    ASSERT_GE(before, 1);
    QSignalSpy finished(session.get(), &ui::Session::reclassifyFinished);
    QSignalSpy reload(session.get(), &ui::Session::customersChanged);
    session->reclassify();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20'000);
    EXPECT_TRUE(finished.front().at(0).toBool()) << finished.front().at(1).toString().toStdString();
    EXPECT_EQ(reload.count(), 1);
    EXPECT_FALSE(session->isReclassifying());
    // The worker's checkpoint (a run of a few pages is far from SQLite's own threshold of 1,000):
    // once it is done, the file without its write-ahead log holds the new run.
    ASSERT_TRUE(ui::Session::workerPool()->waitForDone(20'000));
    const QString copy = dir.filePath(QStringLiteral("copy.sqlite"));
    ASSERT_TRUE(QFile::copy(dbPath, copy));
    EXPECT_EQ(runsIn(copy), before + 1);
}

TEST_F(MainWindowTest, OnABigDatabaseTheCustomerListReadsTheSearchTextsAgainAfterAnEdit)
{
    const BigDatabaseSearchedInMemory big;
    sqlite3 *db = session->database().handle();
    window->showPlace(ui::MainWindow::Place::Customers);
    auto anna = session->customer(2);
    ASSERT_TRUE(anna);
    ASSERT_TRUE(*anna);
    Customer renamed = **anna;
    renamed.name = QStringLiteral("Anna Schmidt-Weber");
    ASSERT_TRUE(session->updateCustomer(renamed));
    // The edit has the list's worker read the texts (for five customers, as the limit is lowered).
    QTRY_VERIFY_WITH_TIMEOUT(store::SearchSnapshot::current(db) != nullptr, 10'000);
    auto *search = child<QLineEdit>("searchEdit");
    auto *model = window->customersView()->model();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("weber"));
    QTRY_COMPARE(idsOf(model), QList<qint64>{2});

    // F5: the texts make room for the classification, and are read again after it.
    session->reclassify();
    EXPECT_EQ(store::SearchSnapshot::current(db), nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(store::SearchSnapshot::current(db) != nullptr, 10'000);
}

TEST_F(MainWindowTest, OnABigDatabaseTheSearchTextsMakeRoomForAnExportOfTheCallList)
{
    const BigDatabaseSearchedInMemory big;
    sqlite3 *db = session->database().handle();
    window->customersView()->model()->prepareSearch();
    QTRY_VERIFY_WITH_TIMEOUT(store::SearchSnapshot::current(db) != nullptr, 10'000);

    // Export… of the call list: the texts go while the worker writes, and are read again after.
    window->showPlace(ui::MainWindow::Place::Calls);
    ui::QueueView *queue = window->queueView();
    QTRY_VERIFY(!queue->isLoading());
    QSignalSpy finished(queue, &ui::QueueView::exportFinished);
    ASSERT_TRUE(queue->exportToFile(dir.filePath(QStringLiteral("calls.csv"))));
    EXPECT_EQ(store::SearchSnapshot::current(db), nullptr);
    ASSERT_TRUE(finished.count() == 1 || finished.wait(20'000));
    EXPECT_TRUE(finished.at(0).at(1).toString().isEmpty()) << finished.at(0).at(1).toString().toStdString();
    QTRY_VERIFY_WITH_TIMEOUT(store::SearchSnapshot::current(db) != nullptr, 10'000);
}

TEST_F(MainWindowTest, OnABigDatabaseTheSearchTextsMakeRoomWhileTheImportWizardIsOpen)
{
    const BigDatabaseSearchedInMemory big;
    sqlite3 *db = session->database().handle();
    window->showPlace(ui::MainWindow::Place::Customers);
    window->customersView()->model()->prepareSearch();
    QTRY_VERIFY_WITH_TIMEOUT(store::SearchSnapshot::current(db) != nullptr, 10'000);

    // The wizard keeps the window from searching: the texts go as it opens.
    auto wizard =
        std::make_unique<ui::ImportWizard>(session.get(), ui::ImportWizard::Kind::Orders, window.get());
    wizard->open();
    EXPECT_EQ(store::SearchSnapshot::current(db), nullptr);
    // A change meanwhile (an import of customers) does not have them read again.
    auto anna = session->customer(2);
    ASSERT_TRUE(anna && *anna);
    Customer renamed = **anna;
    renamed.name = QStringLiteral("Anna Schmidt-Weber");
    ASSERT_TRUE(session->updateCustomer(renamed));
    QTest::qWait(300);
    ASSERT_TRUE(ui::readerPool()->waitForDone(10'000));
    EXPECT_EQ(store::SearchSnapshot::current(db), nullptr);
    // Closed, it has them read again.
    wizard->close();
    wizard.reset();
    QTRY_VERIFY_WITH_TIMEOUT(store::SearchSnapshot::current(db) != nullptr, 10'000);
}

TEST_F(MainWindowTest, OnABigDatabaseTheRunAfterAnImportOfOrdersTellsTheViewsAtItsEndOnly)
{
    const BigDatabase big;
    window->showPlace(ui::MainWindow::Place::Customers);
    auto *model = window->customersView()->model();
    QTRY_VERIFY(!model->isLoading());
    const int threads = ui::Session::workerPool()->maxThreadCount();
    QSemaphore hold;
    const auto restore = qScopeGuard([&] {
        hold.release(); // never leave the pool's thread waiting
        ui::Session::workerPool()->waitForDone(20'000);
        ui::Session::workerPool()->setMaxThreadCount(threads);
    });
    QSignalSpy changed(session.get(), &ui::Session::customersChanged);
    QSignalSpy finished(session.get(), &ui::Session::reclassifyFinished);
    // The import's worker wrote new orders; the run it starts waits behind a job holding the
    // pool's only thread.
    ui::Session::workerPool()->setMaxThreadCount(1);
    ui::Session::workerPool()->start([&hold] { hold.acquire(); });
    session->beginBackgroundImport();
    session->endBackgroundImport(true, true);
    ASSERT_TRUE(session->isReclassifying());
    // The views do not read everything beside the run (their readers' page caches came on top of
    // its peak at a million customers): the run's end tells them, once.
    EXPECT_EQ(changed.count(), 0);
    EXPECT_FALSE(model->isLoading());
    hold.release();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20'000);
    EXPECT_TRUE(finished.front().at(0).toBool()) << finished.front().at(1).toString().toStdString();
    EXPECT_EQ(changed.count(), 1);

    // An import of customers alone starts no run: the views are told at once.
    session->beginBackgroundImport();
    session->endBackgroundImport(true, false);
    EXPECT_FALSE(session->isReclassifying());
    EXPECT_EQ(changed.count(), 2);
}

TEST_F(MainWindowTest, OnABigDatabaseTheWorkersConnectionSeesEachNewWrite)
{
    const BigDatabase big;
    // One reader thread: every read goes through the same kept connection.
    const int threads = ui::readerPool()->maxThreadCount();
    ui::readerPool()->setMaxThreadCount(1);
    const auto restore = qScopeGuard([threads] { ui::readerPool()->setMaxThreadCount(threads); });
    window->showPlace(ui::MainWindow::Place::Customers);
    auto *search = child<QLineEdit>("searchEdit");
    auto *model = window->customersView()->model();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("139"));
    QTRY_VERIFY(model->isLoading());
    QTRY_VERIFY(!model->isLoading());
    ASSERT_EQ(idsOf(model), QList<qint64>{2});
    for (const char *phone : {"13911112222", "13933334444"}) {
        Customer c;
        c.name = QString::fromLatin1(phone);
        c.phone = QString::fromLatin1(phone);
        c.createdAt = test::date("2026-06-30");
        auto id = session->addCustomer(c); // the window's connection writes; the lists reload
        ASSERT_TRUE(id);
        QTRY_VERIFY(!model->isLoading());
        EXPECT_TRUE(idsOf(model).contains(*id));
    }
    EXPECT_EQ(idsOf(model).size(), 3);
}

TEST_F(MainWindowTest, TheReadersPageCachesMakeRoomIdleOnesAtOnceABusyOneWhenItsReadIsDone)
{
    // One reader thread: every read goes through the same kept connection. The pool may still
    // hold idle threads of the tests before this one (they expire after minutes), each with a
    // connection of its own that a read could go to: they end first.
    const int threads = ui::readerPool()->maxThreadCount();
    ui::readerPool()->setMaxThreadCount(1);
    const auto restore = qScopeGuard([threads] { ui::readerPool()->setMaxThreadCount(threads); });
    ASSERT_TRUE(ui::readerPool()->waitForDone(10'000));
    const QString path = session->database().path();
    // What the kept connection's page cache holds at the end of a read that reads every table
    // first (or nothing), and waits for `wait`, if any, before it looks.
    std::optional<qint64> used;
    const auto startRead = [&](bool readTables, QSemaphore *started, QSemaphore *wait) {
        used.reset();
        ui::readInBackground<qint64>(
            window.get(), path,
            [readTables, started, wait](store::Database &db) -> Result<qint64> {
                if (readTables) {
                    for (const char *sql : {"SELECT * FROM customers", "SELECT * FROM orders",
                                            "SELECT * FROM classification", "SELECT * FROM calls"})
                        (void)db.exec(sql);
                }
                if (started)
                    started->release();
                if (wait)
                    wait->acquire();
                int current = 0, highest = 0;
                sqlite3_db_status(db.handle(), SQLITE_DBSTATUS_CACHE_USED, &current, &highest, 0);
                return qint64(current);
            },
            [&used](const Result<qint64> &r) { used = r ? *r : -1; });
    };
    const auto cacheAfterRead = [&](bool readTables) {
        startRead(readTables, nullptr, nullptr);
        for (int i = 0; i < 1000 && !used; ++i)
            QTest::qWait(10);
        return used.value_or(-1);
    };

    // Kept from one read to the next, and emptied for a job while the reader is idle.
    const qint64 full = cacheAfterRead(true);
    ASSERT_GT(full, 0);
    EXPECT_EQ(cacheAfterRead(false), full);
    ui::releaseIdleReaderMemory();
    EXPECT_LT(cacheAfterRead(false), full / 2);

    // Asked while the reader reads: its cache goes when the read is done.
    ASSERT_EQ(cacheAfterRead(true), full);
    QSemaphore started, wait;
    startRead(true, &started, &wait);
    ASSERT_TRUE(started.tryAcquire(1, 10'000));
    ui::releaseIdleReaderMemory();
    wait.release();
    QTRY_VERIFY(used);
    EXPECT_EQ(*used, full); // the read itself kept its pages
    EXPECT_LT(cacheAfterRead(false), full / 2);
    // Once: the next read keeps what it read again.
    EXPECT_EQ(cacheAfterRead(true), full);
    EXPECT_EQ(cacheAfterRead(false), full);
}

TEST_F(MainWindowTest, OnABigDatabaseOnlyTheLastOfTwoQuickSearchesIsShown)
{
    const BigDatabase big;
    window->showPlace(ui::MainWindow::Place::Customers);
    auto *search = child<QLineEdit>("searchEdit");
    auto *model = window->customersView()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QList<QList<qint64>> shown; // the rows of every reset
    QObject::connect(model, &QAbstractItemModel::modelReset, model, [&] { shown << idsOf(model); });

    test::WorkerGate gate;
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("1")); // every customer's phone has a 1
    QTRY_VERIFY(model->isLoading());
    QTest::qWait(50); // the first search's worker waits at the gate
    QTest::keyClicks(search, QStringLiteral("39"));
    QTest::qWait(50); // the second's too, queued after it
    EXPECT_TRUE(shown.isEmpty());
    gate.release();
    QTRY_VERIFY(!model->isLoading());
    QTest::qWait(200); // time for a late answer of the first search, which must change nothing
    EXPECT_EQ(shown, QList<QList<qint64>>{QList<qint64>{2}});
    EXPECT_EQ(idsOf(model), QList<qint64>{2});
}

TEST_F(MainWindowTest, FiltersNarrowByOwnerAndStage)
{
    window->showPlace(ui::MainWindow::Place::Customers);
    auto *owner = child<QComboBox>("ownerFilter");
    auto *stage = child<QComboBox>("lifecycleFilter");
    auto *table = child<QTableView>("customerTable");
    owner->setCurrentIndex(owner->findText(QStringLiteral("李娜")));
    EXPECT_EQ(table->model()->rowCount(), 3);
    stage->setCurrentIndex(stage->findData(QStringLiteral("prospect")));
    EXPECT_EQ(table->model()->rowCount(), 2);
    EXPECT_TRUE(child<QLabel>("matchCount")->text().contains(u'2'));
}

TEST_F(MainWindowTest, QueueShowsWhoIsDueWithReasons)
{
    window->showPlace(ui::MainWindow::Place::Calls);
    auto *table = child<QTableView>("queueTable");
    EXPECT_EQ(table->model()->rowCount(), 4);
    const QString summary = child<QLabel>("queueSummary")->text();
    EXPECT_TRUE(summary.contains(u'4')) << summary.toStdString();
    EXPECT_EQ(table->model()->index(0, ui::CustomerTableModel::Name).data().toString(),
              QStringLiteral("王伟"));
    EXPECT_FALSE(table->model()->index(0, ui::CustomerTableModel::Reason).data().toString().isEmpty());
}

TEST_F(MainWindowTest, LoggingACallWithTheKeyboardTakesTheCustomerOffTheQueue)
{
    window->showPlace(ui::MainWindow::Place::Calls);
    auto *table = child<QTableView>("queueTable");
    ASSERT_EQ(table->model()->rowCount(), 4);
    ASSERT_EQ(window->currentCustomer(), 1);
    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier);
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openDialog()) != nullptr);
    auto *note = dialog->findChild<QPlainTextEdit *>(QStringLiteral("noteEdit"));
    ASSERT_NE(note, nullptr);
    QInputMethodEvent chinese;
    chinese.setCommitString(QStringLiteral("报价已发送"));
    QApplication::sendEvent(note, &chinese);
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveButton"));
    ASSERT_NE(save, nullptr);
    QTest::mouseClick(save, Qt::LeftButton);
    // Grade A with a follow-up by cadence lands in the future: off today's queue at once.
    QTRY_COMPARE(table->model()->rowCount(), 3);
    auto calls = store::CallRepository(session->database()).forCustomer(1);
    ASSERT_TRUE(calls);
    ASSERT_EQ(calls->size(), 2u);
    EXPECT_EQ(calls->front().note, QStringLiteral("报价已发送"));
}

TEST_F(MainWindowTest, OnABigDatabaseACallTakesTheCustomerOffTheQueueAtOnceAndOpensTheNextCustomer)
{
    const BigDatabase big;
    window->showPlace(ui::MainWindow::Place::Calls);
    auto *table = child<QTableView>("queueTable");
    auto *summary = child<QLabel>("queueSummary");
    ASSERT_EQ(idsOf(table->model()), (QList<qint64>{1, 2, 3, 5}));
    // All four are overdue: 1 (grade A, every 3 days) since 06-23, 2 (declining: every 7 days)
    // since 06-17, 3 and 5 (never called) since they were created on 06-01 and 06-15.
    auto figures = [](int due, int overdue) {
        return ui::QueueView::tr("%1 · %2").arg(ui::QueueView::tr("%n customer(s) to call", nullptr, due),
                                                ui::QueueView::tr("%n overdue", nullptr, overdue));
    };
    ASSERT_EQ(summary->text(), figures(4, 4));
    ASSERT_EQ(window->currentCustomer(), 1);
    QTest::mouseClick(child<QPushButton>("logCallButton"), Qt::LeftButton);
    ui::LogCallDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openDialog<ui::LogCallDialog>()) != nullptr);
    ASSERT_EQ(dialog->customerId(), 1);

    // No worker may answer: the queue changes in place, the next dialog opens on the row that
    // came up into the place of the customer just called.
    test::WorkerGate gate;
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveAndNextButton")), Qt::LeftButton);
    QTRY_VERIFY((dialog = openDialog<ui::LogCallDialog>()) != nullptr && dialog->customerId() != 1);
    EXPECT_EQ(dialog->customerId(), 2);
    EXPECT_FALSE(window->queueView()->isLoading());
    EXPECT_FALSE(window->customersView()->model()->isLoading());
    EXPECT_EQ(idsOf(table->model()), (QList<qint64>{2, 3, 5}));
    EXPECT_EQ(window->currentCustomer(), 2);
    EXPECT_EQ(summary->text(), figures(3, 3));
    dialog->close();

    // The same as the queue read again from the database.
    gate.release();
    window->queueView()->reload();
    QTRY_VERIFY(!window->queueView()->isLoading());
    EXPECT_EQ(idsOf(table->model()), (QList<qint64>{2, 3, 5}));
    EXPECT_EQ(summary->text(), figures(3, 3));
}

TEST_F(MainWindowTest, OnABigDatabaseSaveAndNextWaitsForTheQueueWhenTheCustomerMovesInIt)
{
    const BigDatabase big;
    window->showPlace(ui::MainWindow::Place::Calls);
    auto *table = child<QTableView>("queueTable");
    auto *summary = child<QLabel>("queueSummary");
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(idsOf(table->model()), (QList<qint64>{1, 2, 3, 5}));
    const QString before = summary->text();
    ASSERT_EQ(window->currentCustomer(), 1);
    QTest::mouseClick(child<QPushButton>("logCallButton"), Qt::LeftButton);
    ui::LogCallDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openDialog<ui::LogCallDialog>()) != nullptr);
    // Called again today: due today instead of overdue since 06-23, still first (grade A), but
    // its place in the order changed, which only the list's order can tell.
    auto *followUp = dialog->findChild<QDateEdit *>(QStringLiteral("followUpDate"));
    ASSERT_NE(followUp, nullptr);
    followUp->setDate(test::date("2026-06-30"));

    test::WorkerGate gate;
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveAndNextButton")), Qt::LeftButton);
    QTRY_VERIFY(openDialog<ui::LogCallDialog>() == nullptr);
    // The queue is read again by a worker: until it answers, the rows and figures of before, and
    // no dialog for the next customer.
    QTest::qWait(100);
    EXPECT_TRUE(window->queueView()->isLoading());
    EXPECT_EQ(idsOf(table->model()), (QList<qint64>{1, 2, 3, 5}));
    EXPECT_EQ(summary->text(), before);
    EXPECT_EQ(openDialog<ui::LogCallDialog>(), nullptr);
    gate.release();
    QTRY_VERIFY((dialog = openDialog<ui::LogCallDialog>()) != nullptr);
    EXPECT_EQ(idsOf(table->model()), (QList<qint64>{1, 2, 3, 5}));
    EXPECT_EQ(dialog->customerId(), 1); // the row it stood on
    QTRY_VERIFY(!window->queueView()->isLoading());
    EXPECT_EQ(summary->text(),
              ui::QueueView::tr("%1 · %2").arg(ui::QueueView::tr("%n customer(s) to call", nullptr, 4),
                                               ui::QueueView::tr("%n overdue", nullptr, 3)));
    dialog->close();
}

TEST_F(MainWindowTest, ApplyingADemotionSuggestionChangesTheGrade)
{
    // Customer 1 holds grade A since 2026-06-01 and last ordered on 2026-05-20: at 30 days it
    // is suggested B.
    session->setToday(test::date("2026-07-05"));
    ASSERT_TRUE(io::classifyDatabase(session->database(), session->today(), /*store=*/true));
    window->queueView()->reload();
    auto *table = child<QTableView>("queueTable");
    int row = -1;
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        if (table->model()->index(r, 0).data(ui::CustomerTableModel::IdRole).toLongLong() == 1)
            row = r;
    }
    ASSERT_GE(row, 0);
    window->queueView()->selectRow(row);
    auto *apply = child<QPushButton>("applySuggestionButton");
    ASSERT_TRUE(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    auto c = store::CustomerRepository(session->database()).find(1);
    ASSERT_TRUE(c && *c);
    EXPECT_EQ((*c)->grade, Grade::B);
    EXPECT_EQ((*c)->gradeSetAt, test::date("2026-07-05"));
}

/// Makes a database file at `path` whose customers (`names`, ids from 1) have their search texts
/// pending, and the index by company left out, as after a big import (here every import is one).
void makeFileWithPendingTexts(const QString &path, const QStringList &names)
{
    store::Database db;
    ASSERT_TRUE(db.open(path));
    store::BulkImport::setIndexedAtCommit(0);
    const auto restore = qScopeGuard([] { store::BulkImport::setIndexedAtCommit(20'000); });
    store::BulkImport bulk(db);
    ASSERT_TRUE(bulk.begin());
    for (qsizetype i = 0; i < names.size(); ++i) {
        Customer c;
        c.id = i + 1;
        c.name = names[i];
        c.createdAt = date("2026-01-05");
        ASSERT_TRUE(bulk.addCustomer(c));
    }
    ASSERT_TRUE(bulk.commit());
}

TEST_F(MainWindowTest, OpeningAFileWhoseSearchTextsArePendingIndexesThemInTheBackground)
{
    const QString other = dir.filePath(QStringLiteral("imported.sqlite"));
    ASSERT_NO_FATAL_FAILURE(makeFileWithPendingTexts(
        other, {QStringLiteral("李娜 1"), QStringLiteral("欧阳明月"), QStringLiteral("李娜 3")}));
    const auto countIn = [&](const char *sql) {
        store::Database db;
        EXPECT_TRUE(db.open(other, store::Database::Mode::ReadOnly));
        sqlite3_stmt *stmt = nullptr;
        qint64 n = -1;
        if (sqlite3_prepare_v2(db.handle(), sql, -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            n = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        return n;
    };
    ASSERT_EQ(countIn("SELECT count(*) FROM customer_search_pending"), 3);
    ASSERT_EQ(countIn("SELECT count(*) FROM sqlite_schema WHERE name = 'customers_by_company'"), 0);

    // The file has no classification yet: the window runs one first, and builds after it.
    std::vector<std::string> order;
    QObject::connect(session.get(), &ui::Session::reclassifyStarted, window.get(),
                     [&] { order.push_back("run"); });
    QObject::connect(session.get(), &ui::Session::reclassifyFinished, window.get(),
                     [&] { order.push_back("run end"); });
    QObject::connect(session.get(), &ui::Session::searchIndexStarted, window.get(),
                     [&] { order.push_back("build"); });
    QObject::connect(session.get(), &ui::Session::searchIndexFinished, window.get(),
                     [&] { order.push_back("build end"); });
    QSignalSpy started(session.get(), &ui::Session::searchIndexStarted);
    QSignalSpy finished(session.get(), &ui::Session::searchIndexFinished);
    ASSERT_TRUE(window->openDatabase(other));
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 1; }, 10'000));
    EXPECT_EQ(order, (std::vector<std::string>{"run", "run end", "build", "build end"}));
    EXPECT_EQ(started.count(), 1);
    EXPECT_TRUE(finished.front().at(0).toBool());
    EXPECT_FALSE(session->isBuildingSearchIndex());
    EXPECT_FALSE(child<QLabel>("statusSearch")->isVisible());
    EXPECT_EQ(countIn("SELECT count(*) FROM customer_search_pending"), 0);
    EXPECT_EQ(countIn("SELECT count(*) FROM customer_search WHERE customer_search MATCH '\"欧阳明\"'"), 1);
    EXPECT_EQ(countIn("SELECT count(*) FROM sqlite_schema WHERE name = 'customers_by_company'"), 1);

    // Nothing pending: opening it again builds nothing.
    ASSERT_TRUE(window->openDatabase(dbPath));
    ASSERT_TRUE(window->openDatabase(other));
    EXPECT_EQ(started.count(), 1);
    EXPECT_FALSE(child<QLabel>("statusSearch")->isVisible());
}

TEST_F(MainWindowTest, OpeningAFileThatLacksTheIndexByCompanyBuildsItInTheBackground)
{
    const QString other = dir.filePath(QStringLiteral("imported.sqlite"));
    ASSERT_NO_FATAL_FAILURE(
        makeFileWithPendingTexts(other, {QStringLiteral("王伟"), QStringLiteral("李娜")}));
    {
        // The texts indexed already (tierdesk-cli index-search of an older version): only the index is left.
        store::Database db;
        ASSERT_TRUE(db.open(other));
        ASSERT_TRUE(store::PendingSearchBuild::run(db));
        ASSERT_TRUE(db.exec("DROP INDEX IF EXISTS customers_by_company"));
    }
    QSignalSpy started(session.get(), &ui::Session::searchIndexStarted);
    QSignalSpy finished(session.get(), &ui::Session::searchIndexFinished);
    ASSERT_TRUE(window->openDatabase(other));
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 1; }, 10'000));
    EXPECT_EQ(started.count(), 1);
    EXPECT_TRUE(finished.front().at(0).toBool());
    auto missing = store::deferredindexes::missing(session->database().handle());
    ASSERT_TRUE(missing);
    EXPECT_TRUE(missing->isEmpty());
}

TEST_F(MainWindowTest, TheStatusBarSaysWhileTheSearchTextsAreIndexed)
{
    const QString other = dir.filePath(QStringLiteral("imported.sqlite"));
    ASSERT_NO_FATAL_FAILURE(makeFileWithPendingTexts(other, {QStringLiteral("王伟")}));
    // While the build goes on, the label shows (looked at as the build starts: the window has
    // shown it by then, and its end cannot have come yet).
    auto *label = child<QLabel>("statusSearch");
    std::optional<bool> shown;
    QString text;
    QObject::connect(session.get(), &ui::Session::searchIndexStarted, label, [&] {
        shown = label->isVisible();
        text = label->text();
    });
    QSignalSpy finished(session.get(), &ui::Session::searchIndexFinished);
    ASSERT_TRUE(window->openDatabase(other));
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 1; }, 10'000));
    ASSERT_TRUE(shown);
    EXPECT_TRUE(*shown);
    EXPECT_EQ(text, QStringLiteral("Indexing customers for search…"));
    EXPECT_FALSE(child<QLabel>("statusSearch")->isVisible());
}

TEST_F(MainWindowTest, AClassificationStopsTheBuildOfTheIndexesAndItStartsAgainAfter)
{
    const QString other = dir.filePath(QStringLiteral("imported.sqlite"));
    ASSERT_NO_FATAL_FAILURE(
        makeFileWithPendingTexts(other, {QStringLiteral("王伟"), QStringLiteral("欧阳明月")}));
    {
        // Classified today already: opening it runs nothing, and the build starts at once.
        store::Database db;
        ASSERT_TRUE(db.open(other));
        ASSERT_TRUE(io::classifyAndStore(db, session->today(), {}));
    }
    std::vector<std::string> order;
    QObject::connect(session.get(), &ui::Session::reclassifyStarted, window.get(),
                     [&] { order.push_back("run"); });
    QObject::connect(session.get(), &ui::Session::reclassifyFinished, window.get(),
                     [&] { order.push_back("run end"); });
    QObject::connect(session.get(), &ui::Session::searchIndexFinished, window.get(),
                     [&](bool ok) { order.push_back(ok ? "built" : "build stopped"); });
    // F5 as the build starts.
    QObject::connect(session.get(), &ui::Session::searchIndexStarted, window.get(), [&] {
        order.push_back("build");
        if (std::ranges::count(order, std::string("build")) == 1)
            QTest::keyClick(window.get(), Qt::Key_F5);
    });
    ASSERT_TRUE(window->openDatabase(other));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return std::ranges::count(order, std::string("built")) == 1; }, 10'000));
    // The stopped build ends before or after the run; the next starts after both.
    ASSERT_EQ(order.size(), 6u);
    EXPECT_EQ((std::vector<std::string>(order.begin(), order.begin() + 2)),
              (std::vector<std::string>{"build", "run"}));
    EXPECT_EQ((std::set<std::string>(order.begin() + 2, order.begin() + 4)),
              (std::set<std::string>{"build stopped", "run end"}));
    EXPECT_EQ((std::vector<std::string>(order.begin() + 4, order.end())),
              (std::vector<std::string>{"build", "built"}));
    EXPECT_FALSE(session->isBuildingSearchIndex());
    EXPECT_FALSE(child<QLabel>("statusSearch")->isVisible());
    auto left = store::deferredindexes::leftForLater(session->database().handle());
    ASSERT_TRUE(left);
    EXPECT_FALSE(*left);
}

TEST_F(MainWindowTest, OpeningAFileThatIsNotADatabaseSaysSoAndKeepsTheCurrentOne)
{
    const QString bogus = dir.filePath(QStringLiteral("notes.sqlite"));
    QFile f(bogus);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("these are my notes, not a database\n");
    f.close();
    ui::MessageBox::setNextAnswer(QMessageBox::Ok);
    EXPECT_FALSE(window->openDatabase(bogus));
    EXPECT_FALSE(ui::MessageBox::lastText().isEmpty());
    EXPECT_TRUE(session->isOpen());
    EXPECT_TRUE(session->path().endsWith(QStringLiteral("team.sqlite")));
}

TEST_F(MainWindowTest, RecentFilesRememberOpenedDatabases)
{
    ASSERT_TRUE(window->openDatabase(dbPath));
    const QStringList recent = QSettings().value(QStringLiteral("recent/files")).toStringList();
    ASSERT_FALSE(recent.isEmpty());
    EXPECT_TRUE(recent.constFirst().endsWith(QStringLiteral("team.sqlite")));
}
