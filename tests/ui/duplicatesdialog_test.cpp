// Tools › Find duplicates: the fixture's customers 1 and 5 share a phone in two formats.

#include "dialogs/duplicatesdialog.h"
#include "store/repositories.h"
#include "uitestsupport.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace tierdesk;
using tierdesk::test::UiFixture;

namespace {
class DuplicatesDialogTest : public UiFixture {
protected:
    qint64 customers() { return store::CustomerRepository(session->database()).count().value_or(-1); }
};
} // namespace

TEST_F(DuplicatesDialogTest, MergesAGroupIntoTheChosenCustomerAndUndoes)
{
    ui::DuplicatesDialog dialog(session.get());
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
