// Tools › Find duplicates: the fixture's customers 1 and 5 share a phone in two formats.

#include "backgroundread.h"
#include "dialogs/duplicatesdialog.h"
#include "models/customertablemodel.h"
#include "store/repositories.h"
#include "uitestsupport.h"

#include <QLabel>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace tierdesk;
using tierdesk::test::BigDatabase;
using tierdesk::test::UiFixture;
using tierdesk::test::WorkerGate;

namespace {
class DuplicatesDialogTest : public UiFixture {
protected:
    qint64 customers() { return store::CustomerRepository(session->database()).count().value_or(-1); }
};
} // namespace

TEST_F(DuplicatesDialogTest, MergesAGroupIntoTheChosenCustomerAndUndoes)
{
    ui::DuplicatesDialog dialog(session.get());
    EXPECT_FALSE(dialog.isLoading()); // a small database: read at once, on the window's thread
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    auto *tree = dialog.findChild<QTreeWidget *>(QStringLiteral("duplicatesTree"));
    ASSERT_NE(tree, nullptr);
    ASSERT_EQ(dialog.groupCount(), 1);
    QTreeWidgetItem *group = tree->topLevelItem(0);
    ASSERT_EQ(group->childCount(), 2);
    EXPECT_EQ(group->child(0)->text(2), u"+86 138 0013 8000");
    EXPECT_EQ(group->child(1)->text(2), u"0086-138-0013-8000");

    // Keep the second record (5): customer 1's calls and orders move to it.
    const qint64 before = customers();
    const auto ordersOf1 = store::OrderRepository(session->database()).forCustomer(1).value().size();
    ASSERT_GT(ordersOf1, 0u);
    tree->setCurrentItem(group->child(1));
    auto *merge = dialog.findChild<QPushButton *>(QStringLiteral("mergeGroupButton"));
    ASSERT_TRUE(merge->isEnabled());
    QTest::mouseClick(merge, Qt::LeftButton);
    EXPECT_EQ(customers(), before - 1);
    EXPECT_EQ(dialog.groupCount(), 0);
    EXPECT_FALSE(store::CustomerRepository(session->database()).find(1).value().has_value());
    EXPECT_EQ(store::OrderRepository(session->database()).forCustomer(5).value().size(), ordersOf1);
    EXPECT_TRUE(
        dialog.findChild<QLabel *>(QStringLiteral("duplicatesSummary"))->text().contains(u"No duplicates"));

    auto *undo = dialog.findChild<QPushButton *>(QStringLiteral("undoMergeButton"));
    ASSERT_TRUE(undo->isEnabled());
    QTest::mouseClick(undo, Qt::LeftButton);
    EXPECT_EQ(customers(), before);
    EXPECT_EQ(dialog.groupCount(), 1);
    EXPECT_EQ(store::OrderRepository(session->database()).forCustomer(1).value().size(), ordersOf1);
    EXPECT_FALSE(undo->isEnabled());
}

TEST_F(DuplicatesDialogTest, ABigDatabaseIsReadAndMergedByWorkersWhileTheDialogSaysSo)
{
    const BigDatabase big; // every file counts as big
    WorkerGate gate;
    ui::DuplicatesDialog dialog(session.get());
    QSignalSpy loaded(&dialog, &ui::DuplicatesDialog::loaded);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    auto *summary = dialog.findChild<QLabel *>(QStringLiteral("duplicatesSummary"));
    auto *merge = dialog.findChild<QPushButton *>(QStringLiteral("mergeGroupButton"));
    auto *undo = dialog.findChild<QPushButton *>(QStringLiteral("undoMergeButton"));
    // The worker is held: the window answers, the dialog says what it waits for.
    EXPECT_TRUE(dialog.isLoading());
    EXPECT_EQ(dialog.groupCount(), 0);
    EXPECT_TRUE(summary->text().contains(u"Looking for customers")) << summary->text().toStdString();
    EXPECT_FALSE(merge->isEnabled());
    EXPECT_FALSE(dialog.mergeCurrentGroup());
    gate.release();
    ASSERT_TRUE(loaded.wait(10'000));
    EXPECT_FALSE(dialog.isLoading());
    ASSERT_EQ(dialog.groupCount(), 1);
    auto *tree = dialog.findChild<QTreeWidget *>(QStringLiteral("duplicatesTree"));
    QTreeWidgetItem *group = tree->topLevelItem(0);
    ASSERT_EQ(group->childCount(), 2);
    EXPECT_EQ(group->child(0)->text(2), u"+86 138 0013 8000"); // the same rows as on the window's thread
    EXPECT_EQ(group->child(1)->text(2), u"0086-138-0013-8000");
    EXPECT_TRUE(group->text(0).startsWith(u"王伟 · 2 record")) << group->text(0).toStdString();
    EXPECT_TRUE(group->text(0).endsWith(u" · same phone")) << group->text(0).toStdString();

    // A merge is written by a worker behind a progress dialog modal to every window, then the
    // groups are read again by a worker; so is its undo.
    const qint64 before = customers();
    const auto ordersOf1 = store::OrderRepository(session->database()).forCustomer(1).value().size();
    tree->setCurrentItem(group->child(1));
    ASSERT_TRUE(merge->isEnabled());
    QTest::mouseClick(merge, Qt::LeftButton);
    EXPECT_TRUE(dialog.isWriting());
    EXPECT_TRUE(session->isWritingInBackground());
    auto *progress = dialog.findChild<QProgressDialog *>(QStringLiteral("duplicatesProgress"));
    ASSERT_NE(progress, nullptr);
    EXPECT_EQ(progress->windowModality(), Qt::ApplicationModal);
    EXPECT_FALSE(merge->isEnabled());
    EXPECT_FALSE(dialog.mergeCurrentGroup()) << "one write at a time";
    ASSERT_TRUE(loaded.wait(10'000));
    EXPECT_FALSE(dialog.isWriting());
    EXPECT_FALSE(session->isWritingInBackground());
    EXPECT_EQ(customers(), before - 1);
    EXPECT_FALSE(store::CustomerRepository(session->database()).find(1).value().has_value());
    EXPECT_EQ(store::OrderRepository(session->database()).forCustomer(5).value().size(), ordersOf1);
    EXPECT_EQ(dialog.groupCount(), 0);
    EXPECT_TRUE(summary->text().contains(u"No duplicates"));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    EXPECT_EQ(dialog.findChild<QProgressDialog *>(QStringLiteral("duplicatesProgress")), nullptr);
    ASSERT_TRUE(undo->isEnabled());
    QTest::mouseClick(undo, Qt::LeftButton);
    EXPECT_TRUE(dialog.isWriting());
    EXPECT_FALSE(undo->isEnabled()); // until the groups are shown
    ASSERT_TRUE(loaded.wait(10'000));
    EXPECT_EQ(customers(), before);
    EXPECT_EQ(store::OrderRepository(session->database()).forCustomer(1).value().size(), ordersOf1);
    EXPECT_EQ(dialog.groupCount(), 1);
    EXPECT_FALSE(undo->isEnabled());
}

TEST_F(DuplicatesDialogTest, ClosingWhileTheWorkerReadsDropsItsAnswer)
{
    const BigDatabase big; // every file counts as big
    WorkerGate gate;
    auto *dialog = new ui::DuplicatesDialog(session.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<ui::DuplicatesDialog> alive(dialog);
    dialog->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    ASSERT_TRUE(dialog->isLoading());
    dialog->close(); // Close, the read still held
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    EXPECT_TRUE(alive.isNull());
    gate.release();
    // The worker's read ends and its answer goes nowhere.
    ASSERT_TRUE(ui::readerPool()->waitForDone(10'000));
    QCoreApplication::processEvents();
    EXPECT_TRUE(alive.isNull());
}
