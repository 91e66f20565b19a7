// File › Import history…: the imports of every kind, newest first, and undo of one of them long
// after its wizard closed — refused, with the reason, while later history depends on it.

#include "dialogs/importhistorydialog.h"
#include "dialogs/importwizard.h"
#include "messagebox.h"
#include "models/customertablemodel.h"
#include "store/repositories.h"
#include "uitestsupport.h"

#include <QLabel>
#include <QProgressDialog>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include <gtest/gtest.h>

using namespace tierdesk;
using tierdesk::test::BigDatabase;
using tierdesk::test::UiFixture;

namespace {

class ImportHistoryTest : public UiFixture {
protected:
    /// Imports `csv` as customers, orders or calls, as the wizard would.
    qint64 import(ui::ImportWizard::Kind kind, const QByteArray &csv)
    {
        auto table = io::readTable(QByteArrayView(csv));
        EXPECT_TRUE(table);
        if (kind == ui::ImportWizard::Kind::Customers) {
            io::PlanOptions options;
            options.today = session->today();
            auto plan = io::planImport(session->database(), *table, io::guessMapping(table->header), options);
            EXPECT_TRUE(plan);
            auto report = session->importCustomers(*plan, QStringLiteral("leads.csv"), 0, {});
            EXPECT_TRUE(report);
            return report ? report->batch : 0;
        }
        const auto activity =
            kind == ui::ImportWizard::Kind::Orders ? io::ActivityKind::Orders : io::ActivityKind::Calls;
        io::ActivityPlanOptions options;
        options.today = session->today();
        auto plan = io::planActivityImport(session->database(), activity, *table,
                                           io::guessActivityMapping(activity, table->header), options);
        EXPECT_TRUE(plan);
        auto report = session->importActivities(*plan, QStringLiteral("shop.csv"), 0);
        EXPECT_TRUE(report);
        return report ? report->batch : 0;
    }
    std::size_t ordersOf(CustomerId id)
    {
        return store::OrderRepository(session->database())
            .forCustomer(id)
            .value_or(std::vector<Order>{})
            .size();
    }
};

} // namespace

TEST_F(ImportHistoryTest, ListsEveryImportAndUndoesOneLater)
{
    ASSERT_EQ(import(ui::ImportWizard::Kind::Customers, "name,phone\nNew Lead,13311112222\n"), 1);
    ASSERT_EQ(import(ui::ImportWizard::Kind::Orders, "phone,date,amount\n13311112222,2026-06-20,500\n"
                                                     "13900001111,2026-06-21,80.50\n"),
              2);
    QTRY_VERIFY_WITH_TIMEOUT(!session->isReclassifying(), 20000);

    ui::ImportHistoryDialog dialog(session.get());
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("importHistoryTable"));
    auto *undo = dialog.findChild<QPushButton *>(QStringLiteral("undoImportButton"));
    ASSERT_TRUE(table && undo);
    ASSERT_EQ(table->rowCount(), 2);
    EXPECT_EQ(table->item(0, 1)->text(), u"shop.csv"); // newest first
    EXPECT_EQ(table->item(0, 2)->text(), u"Orders");
    EXPECT_EQ(table->item(0, 3)->text(), u"2");
    EXPECT_EQ(table->item(1, 2)->text(), u"Customers");

    // The customer import cannot go while the new customer has an order.
    table->selectRow(1);
    ASSERT_TRUE(undo->isEnabled());
    ui::MessageBox::setNextAnswers({QMessageBox::Yes, QMessageBox::Ok}); // the question, then the refusal
    EXPECT_FALSE(dialog.undoSelected());
    EXPECT_EQ(store::CustomerRepository(session->database()).count().value_or(-1), 6);
    // "1 customer … has" once the English plural forms are loaded (another test of the same
    // process may have loaded them), "1 customer(s) … have" without them.
    EXPECT_TRUE(ui::MessageBox::lastText().contains(u"calls or orders by now"))
        << ui::MessageBox::lastText().toStdString();

    // Undo the orders first, by the button, then the customers.
    table->selectRow(0);
    ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(undo, Qt::LeftButton);
    EXPECT_EQ(ordersOf(2), 2u) << "Anna's imported order is gone, her own two stay";
    EXPECT_FALSE(table->item(0, 7)->text().isEmpty()) << "marked undone";
    table->selectRow(0);
    EXPECT_FALSE(undo->isEnabled()) << "an undone import cannot be undone again";
    table->selectRow(1);
    ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    EXPECT_TRUE(dialog.undoSelected());
    EXPECT_EQ(store::CustomerRepository(session->database()).count().value_or(-1), 5);
    QTRY_VERIFY_WITH_TIMEOUT(!session->isReclassifying(), 20000);
}

TEST_F(ImportHistoryTest, UndoneInTheBackgroundTheViewsAreToldAtTheEndOfTheRunThatFollows)
{
    ASSERT_EQ(import(ui::ImportWizard::Kind::Customers, "name,phone\nNew Lead,13311112222\n"), 1);
    ASSERT_EQ(import(ui::ImportWizard::Kind::Orders, "phone,date,amount\n13311112222,2026-06-20,500\n"), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!session->isReclassifying(), 20000);
    QSignalSpy changed(session.get(), &ui::Session::customersChanged);
    QSignalSpy finished(session.get(), &ui::Session::reclassifyFinished);

    // The orders: the classification that follows tells the views at its end, not beside it too
    // (at a million customers their reads refilled the readers' caches under the run's peak).
    int changedWhenDone = -1;
    bool runningWhenDone = false;
    session->undoImportInBackground(2, session.get(), [&](const Result<void> &undone) {
        EXPECT_TRUE(undone);
        changedWhenDone = int(changed.count());
        runningWhenDone = session->isReclassifying();
    });
    ASSERT_TRUE(QTest::qWaitFor([&] { return changedWhenDone >= 0; }, 20'000));
    EXPECT_TRUE(runningWhenDone);
    EXPECT_EQ(changedWhenDone, 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 1; }, 20'000));
    EXPECT_TRUE(finished.front().at(0).toBool()) << finished.front().at(1).toString().toStdString();
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(ordersOf(6), 0u); // New Lead has no order left

    // The customers: no run follows, the views are told at once.
    bool done = false;
    session->undoImportInBackground(1, session.get(), [&](const Result<void> &undone) {
        EXPECT_TRUE(undone);
        done = true;
    });
    ASSERT_TRUE(QTest::qWaitFor([&] { return done; }, 20'000));
    EXPECT_FALSE(session->isReclassifying());
    EXPECT_EQ(changed.count(), 2);
    EXPECT_EQ(finished.count(), 1);
}

TEST_F(ImportHistoryTest, AnEmptyHistorySaysSo)
{
    ui::ImportHistoryDialog dialog(session.get());
    EXPECT_EQ(dialog.findChild<QTableWidget *>(QStringLiteral("importHistoryTable"))->rowCount(), 0);
    EXPECT_TRUE(
        dialog.findChild<QLabel *>(QStringLiteral("importHistorySummary"))->text().contains(u"Nothing"));
    EXPECT_FALSE(dialog.findChild<QPushButton *>(QStringLiteral("undoImportButton"))->isEnabled());
}

TEST_F(ImportHistoryTest, ABigDatabaseIsUndoneByAWorkerBehindAModalProgressDialog)
{
    ASSERT_EQ(import(ui::ImportWizard::Kind::Customers, "name,phone\nNew Lead,13311112222\n"), 1);
    ASSERT_EQ(import(ui::ImportWizard::Kind::Orders, "phone,date,amount\n13311112222,2026-06-20,500\n"
                                                     "13900001111,2026-06-21,80.50\n"),
              2);
    QTRY_VERIFY_WITH_TIMEOUT(!session->isReclassifying(), 20000);
    const BigDatabase big; // every file counts as big

    ui::ImportHistoryDialog dialog(session.get());
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy undone(&dialog, &ui::ImportHistoryDialog::undone);
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("importHistoryTable"));
    auto *undo = dialog.findChild<QPushButton *>(QStringLiteral("undoImportButton"));
    ASSERT_TRUE(table && undo);

    // The customer import is refused by the worker's transaction, as on the window's thread.
    table->selectRow(1);
    ui::MessageBox::setNextAnswers({QMessageBox::Yes, QMessageBox::Ok});
    ASSERT_TRUE(dialog.undoSelected()); // started
    ASSERT_TRUE(undone.wait(10'000));
    EXPECT_FALSE(undone.takeFirst().at(0).toBool());
    EXPECT_TRUE(ui::MessageBox::lastText().contains(u"calls or orders by now"))
        << ui::MessageBox::lastText().toStdString();
    EXPECT_EQ(store::CustomerRepository(session->database()).count().value_or(-1), 6);
    EXPECT_TRUE(table->item(1, 7)->text().isEmpty());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    EXPECT_EQ(dialog.findChild<QProgressDialog *>(QStringLiteral("undoImportProgress")), nullptr);

    // The orders: the progress dialog shows, modal to every window, until the worker is done.
    table->selectRow(0);
    ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    ASSERT_TRUE(dialog.undoSelected());
    auto *progress = dialog.findChild<QProgressDialog *>(QStringLiteral("undoImportProgress"));
    ASSERT_NE(progress, nullptr);
    EXPECT_TRUE(progress->isVisible());
    EXPECT_EQ(progress->windowModality(), Qt::ApplicationModal);
    EXPECT_TRUE(progress->labelText().contains(u"shop.csv"));
    EXPECT_TRUE(dialog.isUndoing());
    EXPECT_TRUE(session->isWritingInBackground());
    EXPECT_FALSE(undo->isEnabled());
    EXPECT_FALSE(dialog.undoSelected()) << "one undo at a time";
    ASSERT_TRUE(undone.wait(10'000));
    EXPECT_TRUE(undone.takeFirst().at(0).toBool());
    EXPECT_FALSE(dialog.isUndoing());
    EXPECT_FALSE(session->isWritingInBackground());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    EXPECT_EQ(dialog.findChild<QProgressDialog *>(QStringLiteral("undoImportProgress")), nullptr);
    EXPECT_EQ(ordersOf(2), 2u) << "Anna's imported order is gone, her own two stay";
    EXPECT_FALSE(table->item(0, 7)->text().isEmpty()) << "marked undone";
    // Orders changed the history back: everyone is classified again, as on the window's thread.
    EXPECT_TRUE(session->isReclassifying());
    QTRY_VERIFY_WITH_TIMEOUT(!session->isReclassifying(), 20000);
    table->selectRow(0);
    EXPECT_FALSE(undo->isEnabled());
}
