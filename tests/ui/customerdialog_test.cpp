#include "backgroundread.h"
#include "commands/customercommands.h"
#include "dialogs/customerdialog.h"
#include "messagebox.h"
#include "model/labels.h"
#include "models/customertablemodel.h"
#include "session.h"
#include "store/repositories.h"
#include "support/testsupport.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>

#include <algorithm>
#include <gtest/gtest.h>

namespace tierdesk::test {
namespace {

using ui::CustomerDialog;
using ui::CustomerTimelineModel;

class CustomerDialogTest : public UiFixture {
protected:
    std::unique_ptr<CustomerDialog> open(CustomerId id)
    {
        auto dialog = std::make_unique<CustomerDialog>(session.get(), id);
        dialog->show();
        QApplication::setActiveWindow(dialog.get());
        EXPECT_TRUE(QTest::qWaitForWindowActive(dialog.get()));
        return dialog;
    }

    template<typename T>
    static T *child(QWidget *parent, const char *name)
    {
        T *found = parent->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    Customer stored(CustomerId id)
    {
        auto found = session->customer(id);
        EXPECT_TRUE(found && *found) << id;
        return found && *found ? **found : Customer();
    }

    bool exists(CustomerId id)
    {
        auto found = session->customer(id);
        return found && found->has_value();
    }

    static void replaceText(QLineEdit *edit, const QString &text)
    {
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(edit, text);
    }

    static void undoKey(QWidget *w) { QTest::keyClick(w, Qt::Key_Z, Qt::ControlModifier); }
    static void redoKey(QWidget *w)
    {
        QTest::keyClick(w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    }

    /// An order and a call of customer 5, the duplicate of customer 1.
    void giveDuplicateHistory(std::int64_t *orderId, std::int64_t *callId)
    {
        Order o;
        o.customerId = 5;
        o.orderedAt = date("2026-06-18");
        o.amount = 50000;
        auto order = session->addOrder(o);
        ASSERT_TRUE(order);
        *orderId = *order;
        Call c;
        c.customerId = 5;
        c.calledAt = QDateTime(date("2026-06-16"), QTime(9, 30));
        c.note = QStringLiteral("问了报价");
        ASSERT_TRUE(session->logCall(c));
        auto calls = store::CallRepository(session->database()).forCustomer(5);
        ASSERT_TRUE(calls && calls->size() == 1);
        *callId = calls->front().id;
    }

    static std::vector<std::int64_t> orderIds(std::span<const Order> orders)
    {
        std::vector<std::int64_t> ids;
        for (const Order &o : orders)
            ids.push_back(o.id);
        return ids;
    }

    static std::vector<std::int64_t> callIds(std::span<const Call> calls)
    {
        std::vector<std::int64_t> ids;
        for (const Call &c : calls)
            ids.push_back(c.id);
        return ids;
    }

    static bool contains(const std::vector<std::int64_t> &ids, std::int64_t id)
    {
        return std::ranges::find(ids, id) != ids.end();
    }

    void mergeDuplicateInto(CustomerDialog *dialog)
    {
        auto *list = child<QTreeWidget>(dialog, "duplicatesList");
        ASSERT_EQ(list->topLevelItemCount(), 1);
        list->setCurrentItem(list->topLevelItem(0));
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(child<QPushButton>(dialog, "mergeButton"), Qt::LeftButton);
    }
};

// --- Profile: edit, save, undo ----------------------------------------------------------------

TEST_F(CustomerDialogTest, EditedNameIsStoredOnSave)
{
    auto dialog = open(1);
    auto *name = child<QLineEdit>(dialog.get(), "nameEdit");
    ASSERT_EQ(name->text(), QStringLiteral("王伟"));
    replaceText(name, QStringLiteral("Wang Wei"));
    QTest::mouseClick(child<QPushButton>(dialog.get(), "saveButton"), Qt::LeftButton);

    EXPECT_EQ(stored(1).name, QStringLiteral("Wang Wei"));
    EXPECT_FALSE(dialog->isModified());
    EXPECT_FALSE(dialog->isWindowModified());
}

TEST_F(CustomerDialogTest, EnterSavesTheProfile)
{
    auto dialog = open(1);
    auto *city = child<QLineEdit>(dialog.get(), "cityEdit");
    replaceText(city, QStringLiteral("Suzhou"));
    QTest::keyClick(city, Qt::Key_Return);

    EXPECT_EQ(stored(1).city, QStringLiteral("Suzhou"));
}

TEST_F(CustomerDialogTest, EditMarksTheWindowModified)
{
    auto dialog = open(1);
    EXPECT_FALSE(dialog->isWindowModified());
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "companyEdit"), QStringLiteral(" Ltd"));

    EXPECT_TRUE(dialog->isWindowModified());
    EXPECT_TRUE(child<QPushButton>(dialog.get(), "saveButton")->isEnabled());
}

TEST_F(CustomerDialogTest, CtrlZRestoresTheFieldAndTheCleanState)
{
    auto dialog = open(1);
    auto *name = child<QLineEdit>(dialog.get(), "nameEdit");
    QTest::keyClicks(name, QStringLiteral("X"));
    ASSERT_TRUE(dialog->isModified());

    undoKey(name);

    EXPECT_EQ(name->text(), QStringLiteral("王伟"));
    EXPECT_FALSE(dialog->isModified());
    EXPECT_FALSE(dialog->isWindowModified());
}

TEST_F(CustomerDialogTest, CtrlShiftZRedoesTheUndoneEdit)
{
    auto dialog = open(1);
    auto *name = child<QLineEdit>(dialog.get(), "nameEdit");
    QTest::keyClicks(name, QStringLiteral("X"));
    QTest::mouseClick(child<QPushButton>(dialog.get(), "undoButton"), Qt::LeftButton);
    ASSERT_EQ(name->text(), QStringLiteral("王伟"));

    redoKey(name);

    EXPECT_EQ(name->text(), QStringLiteral("王伟X"));
    EXPECT_TRUE(dialog->isModified());
}

TEST_F(CustomerDialogTest, ConsecutiveKeystrokesInOneFieldAreOneUndoStep)
{
    auto dialog = open(1);
    auto *company = child<QLineEdit>(dialog.get(), "companyEdit");
    QTest::keyClicks(company, QStringLiteral(" Shanghai"));
    EXPECT_EQ(dialog->undoStack()->count(), 1);

    undoKey(company);

    EXPECT_EQ(company->text(), QStringLiteral("上海明华贸易有限公司"));
}

TEST_F(CustomerDialogTest, EditsOfTwoFieldsAreTwoUndoSteps)
{
    auto dialog = open(1);
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "companyEdit"), QStringLiteral("A"));
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "cityEdit"), QStringLiteral("B"));

    EXPECT_EQ(dialog->undoStack()->count(), 2);
}

TEST_F(CustomerDialogTest, TypingBackToTheStoredTextLeavesNothingToSave)
{
    auto dialog = open(1);
    auto *city = child<QLineEdit>(dialog.get(), "cityEdit");
    QTest::keyClicks(city, QStringLiteral("X"));
    QTest::keyClick(city, Qt::Key_Backspace);

    EXPECT_FALSE(dialog->isModified());
    EXPECT_FALSE(child<QPushButton>(dialog.get(), "saveButton")->isEnabled());
}

TEST_F(CustomerDialogTest, TagsAreSavedInTheTypedOrder)
{
    auto dialog = open(1);
    auto *tags = child<QLineEdit>(dialog.get(), "tagsEdit");
    EXPECT_EQ(tags->text(), QStringLiteral("老客户, vip"));
    replaceText(tags, QStringLiteral("b, a; c;a"));
    QTest::mouseClick(child<QPushButton>(dialog.get(), "saveButton"), Qt::LeftButton);

    EXPECT_EQ(stored(1).tags, (QStringList{QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c")}));
}

TEST_F(CustomerDialogTest, NewCustomerCannotBeSavedWithoutAName)
{
    auto dialog = open(0);
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "companyEdit"), QStringLiteral("ACME"));

    EXPECT_FALSE(child<QPushButton>(dialog.get(), "saveButton")->isEnabled());
    EXPECT_FALSE(child<QLabel>(dialog.get(), "nameError")->isHidden());
}

TEST_F(CustomerDialogTest, NewCustomerIsSavedWithTheUserAsOwner)
{
    session->setUserName(QStringLiteral("周杰"));
    auto dialog = open(0);
    EXPECT_EQ(child<QComboBox>(dialog.get(), "ownerCombo")->currentText(), QStringLiteral("周杰"));
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "nameEdit"), QStringLiteral("Chen Jie"));
    ASSERT_TRUE(child<QPushButton>(dialog.get(), "saveButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>(dialog.get(), "saveButton"), Qt::LeftButton);

    ASSERT_NE(dialog->customerId(), 0);
    const Customer c = stored(dialog->customerId());
    EXPECT_EQ(c.name, QStringLiteral("Chen Jie"));
    EXPECT_EQ(c.owner, QStringLiteral("周杰"));
    EXPECT_EQ(c.createdAt, date("2026-06-30"));
}

TEST_F(CustomerDialogTest, GradeChangeIsSavedAndStampedWithToday)
{
    auto dialog = open(1);
    auto *grade = child<QComboBox>(dialog.get(), "gradeCombo");
    ASSERT_EQ(grade->currentData().toInt(), int(Grade::A));
    QTest::keyClick(grade, Qt::Key_Up);
    ASSERT_EQ(grade->currentData().toInt(), int(Grade::S));
    QTest::mouseClick(child<QPushButton>(dialog.get(), "saveButton"), Qt::LeftButton);

    const Customer c = stored(1);
    EXPECT_EQ(c.grade, Grade::S);
    EXPECT_EQ(c.gradeSetAt, date("2026-06-30"));
}

TEST_F(CustomerDialogTest, ThreeYesAnswersSuggestGradeA)
{
    auto dialog = open(3);
    auto *line = child<QLabel>(dialog.get(), "suggestedGradeLabel");
    ASSERT_FALSE(line->text().contains(labels::grade(Grade::A)));
    for (const char *name : {"manMoneyCombo", "manAuthorityCombo", "manNeedCombo"}) {
        auto *combo = child<QComboBox>(dialog.get(), name);
        combo->setCurrentIndex(combo->findData(1));
    }

    EXPECT_FALSE(line->isHidden());
    EXPECT_TRUE(line->text().contains(labels::grade(Grade::A))) << line->text().toStdString();
}

TEST_F(CustomerDialogTest, ClosingWithUnsavedChangesAndCancelKeepsTheWindowOpen)
{
    auto dialog = open(1);
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "nameEdit"), QStringLiteral("X"));
    ui::MessageBox::setNextAnswer(QMessageBox::Cancel);

    dialog->close();

    EXPECT_TRUE(dialog->isVisible());
    EXPECT_TRUE(dialog->isModified());
    EXPECT_EQ(stored(1).name, QStringLiteral("王伟"));
}

TEST_F(CustomerDialogTest, ClosingWithUnsavedChangesAndSaveStoresThem)
{
    auto dialog = open(1);
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "nameEdit"), QStringLiteral("X"));
    ui::MessageBox::setNextAnswer(QMessageBox::Save);

    dialog->close();

    EXPECT_FALSE(dialog->isVisible());
    EXPECT_EQ(stored(1).name, QStringLiteral("王伟X"));
}

TEST_F(CustomerDialogTest, EscapeWithUnsavedChangesAndDiscardClosesWithoutSaving)
{
    auto dialog = open(1);
    auto *name = child<QLineEdit>(dialog.get(), "nameEdit");
    QTest::keyClicks(name, QStringLiteral("X"));
    ui::MessageBox::setNextAnswer(QMessageBox::Discard);

    QTest::keyClick(name, Qt::Key_Escape);

    EXPECT_FALSE(dialog->isVisible());
    EXPECT_EQ(stored(1).name, QStringLiteral("王伟"));
}

TEST_F(CustomerDialogTest, FailedSaveKeepsTheEditsAndTheWindow)
{
    auto dialog = open(5);
    ASSERT_TRUE(session->merge(1, 5)); // customer 5 disappears behind the card's back
    auto *name = child<QLineEdit>(dialog.get(), "nameEdit");
    QTest::keyClicks(name, QStringLiteral("X"));
    ui::MessageBox::setNextAnswer(QMessageBox::Ok);

    EXPECT_FALSE(dialog->save());

    EXPECT_TRUE(ui::MessageBox::lastText().contains(QStringLiteral("no longer exists")))
        << ui::MessageBox::lastText().toStdString();
    EXPECT_EQ(name->text(), QStringLiteral("王伟X"));
    EXPECT_TRUE(dialog->isModified());
}

// --- Tiers ------------------------------------------------------------------------------------

TEST_F(CustomerDialogTest, TiersTabExplainsTheValueTier)
{
    auto dialog = open(1);
    const QString text = child<QLabel>(dialog.get(), "valueTierExplanation")->text();

    EXPECT_TRUE(text.startsWith(QStringLiteral("A (key)"))) << text.toStdString();
    EXPECT_TRUE(child<QLabel>(dialog.get(), "notClassifiedLabel")->isHidden());
}

TEST_F(CustomerDialogTest, TiersTabShowsTheSegmentWithItsAction)
{
    auto dialog = open(1);
    EXPECT_TRUE(child<QLabel>(dialog.get(), "segmentExplanation")
                    ->text()
                    .startsWith(QStringLiteral("Suggested action")));
    EXPECT_FALSE(child<QLabel>(dialog.get(), "segmentValue")->text().isEmpty());
}

TEST_F(CustomerDialogTest, NewCustomerIsNotClassifiedYet)
{
    auto dialog = open(0);
    EXPECT_FALSE(child<QLabel>(dialog.get(), "notClassifiedLabel")->isHidden());
    EXPECT_TRUE(child<QWidget>(dialog.get(), "tiersGrid")->isHidden());
}

// --- Timeline ---------------------------------------------------------------------------------

TEST_F(CustomerDialogTest, TimelineListsCallsAndOrdersNewestFirst)
{
    auto dialog = open(1);
    QAbstractItemModel *model = child<QTreeView>(dialog.get(), "timelineView")->model();
    ASSERT_EQ(model->rowCount(), 3);
    auto kind = [&](int row) {
        return CustomerTimelineModel::EntryKind(
            model->index(row, 0).data(CustomerTimelineModel::KindRole).toInt());
    };
    auto day = [&](int row) {
        return model->index(row, 0).data(CustomerTimelineModel::DateTimeRole).toDateTime().date();
    };
    EXPECT_EQ(kind(0), CustomerTimelineModel::EntryKind::Call);
    EXPECT_EQ(day(0), date("2026-06-20"));
    EXPECT_EQ(kind(1), CustomerTimelineModel::EntryKind::Order);
    EXPECT_EQ(day(1), date("2026-05-20"));
    EXPECT_EQ(kind(2), CustomerTimelineModel::EntryKind::Order);
    EXPECT_EQ(day(2), date("2025-12-01"));
}

// --- A big database: the tiers and the timeline read by a worker ------------------------------

TEST_F(CustomerDialogTest, OnABigDatabaseTheCardShowsAtOnceAndItsTiersAndTimelineWhenTheWorkerHasRead)
{
    // What the card shows when it reads on the window's thread (a small database).
    QString tier;
    QString summary;
    int entries = 0;
    {
        auto small = open(1);
        ASSERT_FALSE(small->isLoading());
        tier = child<QLabel>(small.get(), "valueTierValue")->text();
        summary = child<QLabel>(small.get(), "cardSummary")->text();
        entries = child<QTreeView>(small.get(), "timelineView")->model()->rowCount();
    }
    ASSERT_FALSE(tier.isEmpty());
    ASSERT_EQ(entries, 3);

    const BigDatabase big;
    WorkerGate gate;
    auto dialog = open(1);
    QSignalSpy loaded(dialog.get(), &CustomerDialog::historyLoaded);
    // The worker is held: the profile is there, the other tabs say what they wait for.
    EXPECT_TRUE(dialog->isLoading());
    EXPECT_EQ(child<QLineEdit>(dialog.get(), "nameEdit")->text(), QStringLiteral("王伟"));
    EXPECT_EQ(child<QTreeWidget>(dialog.get(), "duplicatesList")->topLevelItemCount(), 1);
    EXPECT_EQ(child<QTreeView>(dialog.get(), "timelineView")->model()->rowCount(), 0);
    auto *timelineLabel = child<QLabel>(dialog.get(), "timelineEmptyLabel");
    EXPECT_FALSE(timelineLabel->isHidden());
    EXPECT_TRUE(timelineLabel->text().startsWith(u"Reading")) << timelineLabel->text().toStdString();
    auto *notClassified = child<QLabel>(dialog.get(), "notClassifiedLabel");
    EXPECT_FALSE(notClassified->isHidden());
    EXPECT_TRUE(notClassified->text().startsWith(u"Reading")) << notClassified->text().toStdString();
    EXPECT_TRUE(child<QWidget>(dialog.get(), "tiersGrid")->isHidden());
    EXPECT_TRUE(child<QLabel>(dialog.get(), "cardSummary")->isHidden());
    // Edits go on meanwhile.
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "cityEdit"), QStringLiteral("X"));
    EXPECT_TRUE(dialog->isModified());

    gate.release();
    ASSERT_TRUE(loaded.wait(10'000));
    EXPECT_FALSE(dialog->isLoading());
    EXPECT_EQ(child<QTreeView>(dialog.get(), "timelineView")->model()->rowCount(), entries);
    EXPECT_TRUE(timelineLabel->isHidden());
    EXPECT_TRUE(notClassified->isHidden());
    EXPECT_FALSE(child<QWidget>(dialog.get(), "tiersGrid")->isHidden());
    EXPECT_EQ(child<QLabel>(dialog.get(), "valueTierValue")->text(), tier);
    EXPECT_EQ(child<QLabel>(dialog.get(), "cardSummary")->text(), summary);
    EXPECT_EQ(child<QLineEdit>(dialog.get(), "cityEdit")->text(), QStringLiteral("上海X"));
}

TEST_F(CustomerDialogTest, OnABigDatabaseASaveWhileTheWorkerReadsStillBringsTheTimeline)
{
    // The save reads the tiers again: that read replaces the one on its way, and brings what that
    // one was to bring too.
    const BigDatabase big;
    WorkerGate gate;
    auto dialog = open(1);
    QSignalSpy loaded(dialog.get(), &CustomerDialog::historyLoaded);
    ASSERT_TRUE(dialog->isLoading());
    auto *city = child<QLineEdit>(dialog.get(), "cityEdit");
    replaceText(city, QStringLiteral("Suzhou"));
    ASSERT_TRUE(dialog->save());
    EXPECT_EQ(stored(1).city, QStringLiteral("Suzhou"));
    EXPECT_TRUE(dialog->isLoading());

    gate.release();
    ASSERT_TRUE(loaded.wait(10'000));
    ASSERT_TRUE(ui::readerPool()->waitForDone(10'000));
    QCoreApplication::processEvents();
    EXPECT_EQ(loaded.count(), 1); // the replaced read's answer is dropped
    EXPECT_FALSE(dialog->isLoading());
    EXPECT_EQ(child<QTreeView>(dialog.get(), "timelineView")->model()->rowCount(), 3);
    EXPECT_TRUE(child<QLabel>(dialog.get(), "timelineEmptyLabel")->isHidden());
    EXPECT_FALSE(child<QWidget>(dialog.get(), "tiersGrid")->isHidden());
}

TEST_F(CustomerDialogTest, OnABigDatabaseClosingTheCardWhileTheWorkerReadsDropsItsAnswer)
{
    const BigDatabase big;
    WorkerGate gate;
    auto *dialog = new CustomerDialog(session.get(), 1);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<CustomerDialog> alive(dialog);
    dialog->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    ASSERT_TRUE(dialog->isLoading());
    dialog->close(); // Close, the read still held
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    EXPECT_TRUE(alive.isNull());
    gate.release();
    // The worker's read ends and its answer goes nowhere; the session goes on.
    ASSERT_TRUE(ui::readerPool()->waitForDone(10'000));
    QCoreApplication::processEvents();
    EXPECT_TRUE(alive.isNull());
    EXPECT_EQ(stored(1).name, QStringLiteral("王伟"));
}

TEST_F(CustomerDialogTest, TimelineShowsRefundsInRed)
{
    CustomerTimelineModel model;
    Order refund;
    refund.id = 9;
    refund.orderedAt = date("2026-06-01");
    refund.amount = -30000;
    model.setItems({}, {refund});

    const QModelIndex amount = model.index(0, CustomerTimelineModel::Result);
    EXPECT_EQ(amount.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(Qt::red));
    EXPECT_TRUE(amount.data().toString().contains(QStringLiteral("300.00")));
}

TEST_F(CustomerDialogTest, TimelineModelPassesTheModelTester)
{
    CustomerTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Call call;
    call.id = 1;
    call.calledAt = QDateTime(date("2026-06-20"), QTime(10, 0));
    call.durationS = 125;
    call.note = QStringLiteral("第一行\n第二行");
    Order order;
    order.id = 2;
    order.orderedAt = date("2026-06-20");
    order.amount = 12840000;
    model.setItems({call}, {order});
    model.setItems({}, {});
    model.setItems({call}, {});

    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0, CustomerTimelineModel::Duration).data().toString(), QStringLiteral("2:05"));
}

// --- Duplicates and merge ---------------------------------------------------------------------

TEST_F(CustomerDialogTest, DuplicatesTabListsTheSamePhoneInAnotherFormat)
{
    auto dialog = open(1);
    auto *list = child<QTreeWidget>(dialog.get(), "duplicatesList");
    ASSERT_EQ(list->topLevelItemCount(), 1);
    QTreeWidgetItem *item = list->topLevelItem(0);
    EXPECT_EQ(item->text(1), QStringLiteral("0086-138-0013-8000"));
    EXPECT_EQ(item->text(3), QStringLiteral("Anna"));
    EXPECT_EQ(item->text(4), QStringLiteral("Same phone number"));
}

TEST_F(CustomerDialogTest, MergeMovesTheDuplicatesCallsAndOrdersHere)
{
    std::int64_t orderId = 0, callId = 0;
    giveDuplicateHistory(&orderId, &callId);
    auto dialog = open(1);
    mergeDuplicateInto(dialog.get());

    EXPECT_FALSE(exists(5));
    auto orders = store::OrderRepository(session->database()).forCustomer(1);
    auto calls = store::CallRepository(session->database()).forCustomer(1);
    ASSERT_TRUE(orders && calls);
    EXPECT_TRUE(contains(orderIds(*orders), orderId));
    EXPECT_TRUE(contains(callIds(*calls), callId));
    EXPECT_EQ(child<QTreeView>(dialog.get(), "timelineView")->model()->rowCount(), 5);
    EXPECT_EQ(child<QTreeWidget>(dialog.get(), "duplicatesList")->topLevelItemCount(), 0);
}

TEST_F(CustomerDialogTest, MergeIsNotDoneWhenTheUserSaysNo)
{
    auto dialog = open(1);
    auto *list = child<QTreeWidget>(dialog.get(), "duplicatesList");
    list->setCurrentItem(list->topLevelItem(0));
    ui::MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(child<QPushButton>(dialog.get(), "mergeButton"), Qt::LeftButton);

    EXPECT_TRUE(exists(5));
    EXPECT_TRUE(ui::MessageBox::lastText().contains(QStringLiteral("disappears")));
}

TEST_F(CustomerDialogTest, UndoingAMergeBringsTheCustomerBackWithItsHistory)
{
    std::int64_t orderId = 0, callId = 0;
    giveDuplicateHistory(&orderId, &callId);
    const Customer before = stored(5);
    auto dialog = open(1);
    mergeDuplicateInto(dialog.get());
    ASSERT_FALSE(exists(5));

    undoKey(child<QLineEdit>(dialog.get(), "nameEdit"));

    ASSERT_TRUE(exists(5));
    EXPECT_TRUE(ui::sameProfile(stored(5), before));
    auto orders = store::OrderRepository(session->database()).forCustomer(5);
    auto calls = store::CallRepository(session->database()).forCustomer(5);
    ASSERT_TRUE(orders && calls);
    EXPECT_EQ(orderIds(*orders), std::vector<std::int64_t>{orderId});
    EXPECT_EQ(callIds(*calls), std::vector<std::int64_t>{callId});
    EXPECT_FALSE(dialog->isModified());
}

TEST_F(CustomerDialogTest, MergeKeepsUnsavedEditsOfTheCard)
{
    auto dialog = open(1);
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "cityEdit"), QStringLiteral("X"));
    mergeDuplicateInto(dialog.get());

    EXPECT_EQ(child<QLineEdit>(dialog.get(), "cityEdit")->text(), QStringLiteral("上海X"));
    EXPECT_TRUE(dialog->isModified());
}

} // namespace
} // namespace tierdesk::test

namespace tierdesk::test {
namespace {

TEST(CustomerDialogCommands, TagsSplitOnEverySeparatorInTheTypedOrder)
{
    EXPECT_EQ(ui::parseTags(QStringLiteral(" 老客户，vip；展会;  ,vip ")),
              (QStringList{QStringLiteral("老客户"), QStringLiteral("vip"), QStringLiteral("展会")}));
}

TEST(CustomerDialogCommands, KeystrokesOfOneFieldMergeIntoOneStep)
{
    ui::CustomerDraft draft;
    QUndoStack stack;
    stack.push(new ui::SetCustomerField(&draft, ui::CustomerField::Name, QStringLiteral("W")));
    stack.push(new ui::SetCustomerField(&draft, ui::CustomerField::Name, QStringLiteral("Wa")));
    stack.push(new ui::SetCustomerField(&draft, ui::CustomerField::City, QStringLiteral("S")));

    EXPECT_EQ(stack.count(), 2);
    stack.undo();
    stack.undo();
    EXPECT_EQ(draft.customer().name, QString());
}

TEST(CustomerDialogCommands, GradeUndoRestoresTheOldDate)
{
    ui::CustomerDraft draft;
    Customer c;
    c.grade = Grade::B;
    c.gradeSetAt = date("2026-01-05");
    draft.setCustomer(c);
    QUndoStack stack;
    stack.push(new ui::SetCustomerGrade(&draft, Grade::S, date("2026-06-30")));
    ASSERT_EQ(draft.customer().gradeSetAt, date("2026-06-30"));

    stack.undo();

    EXPECT_EQ(draft.customer().grade, Grade::B);
    EXPECT_EQ(draft.customer().gradeSetAt, date("2026-01-05"));
}

} // namespace
} // namespace tierdesk::test
