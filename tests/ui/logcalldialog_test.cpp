#include "backgroundread.h"
#include "classify/explain.h"
#include "dialogs/logcalldialog.h"
#include "dialogs/orderdialog.h"
#include "messagebox.h"
#include "models/customertablemodel.h"
#include "session.h"
#include "store/repositories.h"
#include "support/testsupport.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <gtest/gtest.h>

namespace tierdesk::test {
namespace {

using ui::LogCallDialog;
using ui::OrderDialog;

template<typename T>
T *child(QWidget *parent, const char *name)
{
    auto *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        ADD_FAILURE() << "no child named " << name;
    return w;
}

/// Shows a dialog as the active window, so that its shortcuts and focus behave as for a user.
void showActive(QWidget *w)
{
    w->show();
    QApplication::setActiveWindow(w);
    ASSERT_TRUE(QTest::qWaitForWindowActive(w));
}

class Dialogs : public UiFixture {
protected:
    std::vector<Call> calls(CustomerId id)
    {
        auto r = store::CallRepository(session->database()).forCustomer(id);
        EXPECT_TRUE(r.has_value());
        return r ? *r : std::vector<Call>{};
    }
    std::vector<Order> orders(CustomerId id)
    {
        auto r = store::OrderRepository(session->database()).forCustomer(id);
        EXPECT_TRUE(r.has_value());
        return r ? *r : std::vector<Order>{};
    }
    QDate storedDue(CustomerId id)
    {
        auto r = store::ClassificationStore(session->database()).find(id);
        EXPECT_TRUE(r && *r);
        return r && *r ? (*r)->due : QDate();
    }
    std::optional<classify::Classification> stored(CustomerId id)
    {
        auto r = store::ClassificationStore(session->database()).find(id);
        EXPECT_TRUE(r.has_value());
        return r ? *r : std::nullopt;
    }
    Customer customer(CustomerId id)
    {
        auto r = session->customer(id);
        EXPECT_TRUE(r && *r);
        return r && *r ? **r : Customer{};
    }
};

class LogCallDialogTest : public Dialogs {};
class OrderDialogTest : public Dialogs {};

void pickData(QComboBox *combo, int data)
{
    const int index = combo->findData(data);
    ASSERT_GE(index, 0);
    combo->setCurrentIndex(index);
}

// --- LogCallDialog -------------------------------------------------------------------------

TEST_F(LogCallDialogTest, HeaderShowsWhoToCallAndWhyTheyAreDue)
{
    LogCallDialog dialog(session.get(), 1);
    EXPECT_EQ(child<QLabel>(&dialog, "nameLabel")->text(), QStringLiteral("王伟"));
    EXPECT_EQ(child<QLabel>(&dialog, "companyLabel")->text(), QStringLiteral("上海明华贸易有限公司"));
    EXPECT_EQ(child<QLabel>(&dialog, "phoneLabel")->text(), QStringLiteral("+86 138 0013 8000"));
    EXPECT_TRUE(child<QLabel>(&dialog, "phoneLabel")->textInteractionFlags() & Qt::TextSelectableByMouse);
    const auto result = stored(1);
    ASSERT_TRUE(result);
    EXPECT_TRUE(child<QLabel>(&dialog, "dueValue")->text().contains(classify::reasonText(result->reason)));
    EXPECT_TRUE(child<QLabel>(&dialog, "lastContactValue")->text().contains(QStringLiteral("2026-06-20")));
}

TEST_F(LogCallDialogTest, OpensWithTheCursorInTheNote)
{
    LogCallDialog dialog(session.get(), 1);
    showActive(&dialog);
    EXPECT_EQ(QApplication::focusWidget(), child<QPlainTextEdit>(&dialog, "noteEdit"));
}

TEST_F(LogCallDialogTest, DefaultsToReachedOutgoing)
{
    LogCallDialog dialog(session.get(), 1);
    EXPECT_EQ(child<QComboBox>(&dialog, "outcomeCombo")->currentData().toInt(), int(Outcome::Reached));
    EXPECT_EQ(child<QComboBox>(&dialog, "directionCombo")->currentData().toInt(), int(Direction::Out));
}

TEST_F(LogCallDialogTest, DefaultFollowUpIsTodayPlusTheGradeCadence)
{
    LogCallDialog dialog(session.get(), 1); // grade A: every 3 days
    EXPECT_EQ(child<QDateEdit>(&dialog, "followUpDate")->date(), date("2026-07-03"));
}

TEST_F(LogCallDialogTest, DefaultFollowUpOfADecliningBuyerIsTheWinBackCadence)
{
    const auto anna = stored(2);
    ASSERT_TRUE(anna);
    ASSERT_EQ(anna->lifecycle, Lifecycle::Decline);
    ASSERT_FALSE(anna->grade);
    ASSERT_GT(session->settings().cadenceByTier.at(std::size_t(anna->valueTier)), 7);
    LogCallDialog dialog(session.get(), 2);
    EXPECT_EQ(child<QDateEdit>(&dialog, "followUpDate")->date(), date("2026-07-07"));
}

TEST_F(LogCallDialogTest, DefaultFollowUpOfAProspectWithoutGradeIsTheDefaultCadence)
{
    LogCallDialog dialog(session.get(), 3);
    EXPECT_EQ(child<QDateEdit>(&dialog, "followUpDate")->date(), date("2026-07-30"));
}

TEST_F(LogCallDialogTest, TypingANoteAndCtrlEnterLogsTheCall)
{
    LogCallDialog dialog(session.get(), 1);
    showActive(&dialog);
    auto *note = child<QPlainTextEdit>(&dialog, "noteEdit");
    QTest::keyClicks(note, QStringLiteral("Wants the price list"));
    QTest::keyClick(note, Qt::Key_Return, Qt::ControlModifier);
    const auto logged = calls(1);
    ASSERT_EQ(logged.size(), 2u);
    EXPECT_EQ(logged.front().note, QStringLiteral("Wants the price list"));
    EXPECT_EQ(logged.front().outcome, Outcome::Reached);
    EXPECT_EQ(storedDue(1), date("2026-07-03"));
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
}

TEST_F(LogCallDialogTest, EnterOutsideTheNoteSaves)
{
    LogCallDialog dialog(session.get(), 1);
    showActive(&dialog);
    auto *note = child<QPlainTextEdit>(&dialog, "noteEdit");
    QTest::keyClicks(note, QStringLiteral("Call back"));
    QTest::keyClick(note, Qt::Key_Tab); // Tab leaves the note for the follow-up date
    ASSERT_EQ(QApplication::focusWidget(), child<QDateEdit>(&dialog, "followUpDate"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    ASSERT_EQ(calls(1).size(), 2u);
    EXPECT_EQ(calls(1).front().note, QStringLiteral("Call back"));
}

TEST_F(LogCallDialogTest, EnterInsideTheNoteStartsANewLine)
{
    LogCallDialog dialog(session.get(), 1);
    showActive(&dialog);
    auto *note = child<QPlainTextEdit>(&dialog, "noteEdit");
    QTest::keyClicks(note, QStringLiteral("one"));
    QTest::keyClick(note, Qt::Key_Return);
    QTest::keyClicks(note, QStringLiteral("two"));
    EXPECT_EQ(note->toPlainText(), QStringLiteral("one\ntwo"));
    EXPECT_EQ(calls(1).size(), 1u);
    EXPECT_TRUE(dialog.isVisible());
}

TEST_F(LogCallDialogTest, PlusOneWeekMakesTheCustomerDueInSevenDays)
{
    LogCallDialog dialog(session.get(), 1);
    showActive(&dialog);
    QTest::mouseClick(child<QPushButton>(&dialog, "plus1WeekButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(&dialog, "saveButton"), Qt::LeftButton);
    ASSERT_EQ(calls(1).size(), 2u);
    EXPECT_EQ(calls(1).front().nextFollowUp, date("2026-07-07"));
    EXPECT_EQ(storedDue(1), date("2026-07-07"));
}

TEST_F(LogCallDialogTest, QuickPicksSetTodayPlusOneThreeAndSevenDays)
{
    LogCallDialog dialog(session.get(), 3); // default would be 2026-07-30
    auto *followUp = child<QDateEdit>(&dialog, "followUpDate");
    QTest::mouseClick(child<QPushButton>(&dialog, "plus1DayButton"), Qt::LeftButton);
    EXPECT_EQ(followUp->date(), date("2026-07-01"));
    QTest::mouseClick(child<QPushButton>(&dialog, "plus3DaysButton"), Qt::LeftButton);
    EXPECT_EQ(followUp->date(), date("2026-07-03"));
    QTest::mouseClick(child<QPushButton>(&dialog, "plus1WeekButton"), Qt::LeftButton);
    EXPECT_EQ(followUp->date(), date("2026-07-07"));
}

TEST_F(LogCallDialogTest, QuickPicksWorkFromTheKeyboard)
{
    LogCallDialog dialog(session.get(), 3);
    showActive(&dialog);
    auto *followUp = child<QDateEdit>(&dialog, "followUpDate");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_W, Qt::AltModifier); // "+1 &week"
    // A mnemonic animates the click: it lands a moment later.
    EXPECT_TRUE(QTest::qWaitFor([&] { return followUp->date() == date("2026-07-07"); }, 2000));
}

TEST_F(LogCallDialogTest, NoFollowUpLeavesTheDueDateToTheCadence)
{
    LogCallDialog dialog(session.get(), 1);
    showActive(&dialog);
    QTest::mouseClick(child<QPushButton>(&dialog, "plus1WeekButton"), Qt::LeftButton);
    child<QCheckBox>(&dialog, "noFollowUpCheck")->setChecked(true);
    EXPECT_FALSE(child<QDateEdit>(&dialog, "followUpDate")->isEnabled());
    ASSERT_TRUE(dialog.save());
    ASSERT_EQ(calls(1).size(), 2u);
    EXPECT_FALSE(calls(1).front().nextFollowUp.isValid());
    const auto result = stored(1);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->due, date("2026-07-03")); // last contact today + 3 (grade A)
    EXPECT_EQ(result->reason.kind, classify::DueReason::Kind::GradeCadence);
}

TEST_F(LogCallDialogTest, NoAnswerSuggestsTomorrow)
{
    LogCallDialog dialog(session.get(), 3);
    pickData(child<QComboBox>(&dialog, "outcomeCombo"), int(Outcome::NoAnswer));
    EXPECT_EQ(child<QDateEdit>(&dialog, "followUpDate")->date(), date("2026-07-01"));
}

TEST_F(LogCallDialogTest, VoicemailSuggestsTwoDays)
{
    LogCallDialog dialog(session.get(), 3);
    pickData(child<QComboBox>(&dialog, "outcomeCombo"), int(Outcome::Voicemail));
    EXPECT_EQ(child<QDateEdit>(&dialog, "followUpDate")->date(), date("2026-07-02"));
}

TEST_F(LogCallDialogTest, BackToReachedSuggestsTheCadenceAgain)
{
    LogCallDialog dialog(session.get(), 3);
    auto *outcome = child<QComboBox>(&dialog, "outcomeCombo");
    pickData(outcome, int(Outcome::Busy));
    pickData(outcome, int(Outcome::Reached));
    EXPECT_EQ(child<QDateEdit>(&dialog, "followUpDate")->date(), date("2026-07-30"));
}

TEST_F(LogCallDialogTest, AHandPickedDateIsKeptWhenTheOutcomeChanges)
{
    LogCallDialog dialog(session.get(), 3);
    QTest::mouseClick(child<QPushButton>(&dialog, "plus1WeekButton"), Qt::LeftButton);
    pickData(child<QComboBox>(&dialog, "outcomeCombo"), int(Outcome::NoAnswer));
    EXPECT_EQ(child<QDateEdit>(&dialog, "followUpDate")->date(), date("2026-07-07"));
}

TEST_F(LogCallDialogTest, CtrlDigitPicksTheOutcomeFromTheNote)
{
    LogCallDialog dialog(session.get(), 1);
    showActive(&dialog);
    QTest::keyClick(child<QPlainTextEdit>(&dialog, "noteEdit"), Qt::Key_2, Qt::ControlModifier);
    EXPECT_EQ(child<QComboBox>(&dialog, "outcomeCombo")->currentData().toInt(), int(Outcome::NoAnswer));
    EXPECT_TRUE(child<QPlainTextEdit>(&dialog, "noteEdit")->toPlainText().isEmpty());
}

TEST_F(LogCallDialogTest, DigitOnTheOutcomeComboPicksTheOutcome)
{
    LogCallDialog dialog(session.get(), 1);
    showActive(&dialog);
    auto *outcome = child<QComboBox>(&dialog, "outcomeCombo");
    outcome->setFocus();
    QTest::keyClick(outcome, Qt::Key_4);
    EXPECT_EQ(outcome->currentData().toInt(), int(Outcome::Busy));
}

TEST_F(LogCallDialogTest, NoAnswerLoggedWithTwoKeys)
{
    LogCallDialog dialog(session.get(), 1);
    showActive(&dialog);
    auto *note = child<QPlainTextEdit>(&dialog, "noteEdit");
    QTest::keyClick(note, Qt::Key_2, Qt::ControlModifier);
    QTest::keyClick(note, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_EQ(calls(1).size(), 2u);
    EXPECT_EQ(calls(1).front().outcome, Outcome::NoAnswer);
    EXPECT_EQ(storedDue(1), date("2026-07-01"));
}

TEST_F(LogCallDialogTest, DirectionIsSaved)
{
    LogCallDialog dialog(session.get(), 1);
    pickData(child<QComboBox>(&dialog, "directionCombo"), int(Direction::In));
    ASSERT_TRUE(dialog.save());
    EXPECT_EQ(calls(1).front().direction, Direction::In);
}

TEST_F(LogCallDialogTest, TheCallIsDatedTheSessionsToday)
{
    LogCallDialog dialog(session.get(), 1);
    ASSERT_TRUE(dialog.save());
    EXPECT_EQ(calls(1).front().calledAt.date(), date("2026-06-30"));
}

TEST_F(LogCallDialogTest, AGradeChangeIsAppliedWithTheCall)
{
    LogCallDialog dialog(session.get(), 1);
    pickData(child<QComboBox>(&dialog, "gradeCombo"), int(Grade::B));
    ASSERT_TRUE(dialog.save());
    const Customer c = customer(1);
    EXPECT_EQ(c.grade, Grade::B);
    EXPECT_EQ(c.gradeSetAt, date("2026-06-30"));
    EXPECT_EQ(calls(1).size(), 2u);
}

TEST_F(LogCallDialogTest, AGradeChangeMovesTheSuggestedFollowUp)
{
    LogCallDialog dialog(session.get(), 1);
    pickData(child<QComboBox>(&dialog, "gradeCombo"), int(Grade::B)); // every 5 days
    EXPECT_EQ(child<QDateEdit>(&dialog, "followUpDate")->date(), date("2026-07-05"));
}

TEST_F(LogCallDialogTest, AnUnchangedGradeIsNotWritten)
{
    LogCallDialog dialog(session.get(), 1);
    ASSERT_TRUE(dialog.save());
    const Customer c = customer(1);
    EXPECT_EQ(c.grade, Grade::A);
    EXPECT_EQ(c.gradeSetAt, date("2026-06-01"));
}

TEST_F(LogCallDialogTest, ClearRemovesTheGrade)
{
    LogCallDialog dialog(session.get(), 1);
    auto *grade = child<QComboBox>(&dialog, "gradeCombo");
    grade->setCurrentIndex(grade->count() - 1);
    ASSERT_TRUE(dialog.save());
    EXPECT_FALSE(customer(1).grade);
}

TEST_F(LogCallDialogTest, EscapeCancelsAndWritesNothing)
{
    const QDate dueBefore = storedDue(1);
    LogCallDialog dialog(session.get(), 1);
    showActive(&dialog);
    pickData(child<QComboBox>(&dialog, "gradeCombo"), int(Grade::S));
    QTest::keyClick(child<QPlainTextEdit>(&dialog, "noteEdit"), Qt::Key_Escape);
    EXPECT_FALSE(dialog.isVisible());
    EXPECT_EQ(dialog.result(), QDialog::Rejected);
    EXPECT_EQ(calls(1).size(), 1u);
    EXPECT_EQ(storedDue(1), dueBefore);
    EXPECT_EQ(customer(1).grade, Grade::A);
}

TEST_F(LogCallDialogTest, EscapeAsksBeforeDroppingATypedNote)
{
    LogCallDialog dialog(session.get(), 1);
    showActive(&dialog);
    auto *note = child<QPlainTextEdit>(&dialog, "noteEdit");
    QTest::keyClicks(note, QStringLiteral("Important"));
    ui::MessageBox::setNextAnswer(QMessageBox::No);
    QTest::keyClick(note, Qt::Key_Escape);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_TRUE(ui::MessageBox::lastText().contains(QStringLiteral("note")))
        << ui::MessageBox::lastText().toStdString();
    EXPECT_EQ(note->toPlainText(), QStringLiteral("Important"));
}

TEST_F(LogCallDialogTest, ASaveErrorIsShownAndTheDialogKeepsTheNote)
{
    LogCallDialog dialog(session.get(), 999); // no such customer
    showActive(&dialog);
    bool emitted = false;
    QObject::connect(&dialog, &LogCallDialog::saved, [&] { emitted = true; });
    auto *note = child<QPlainTextEdit>(&dialog, "noteEdit");
    QTest::keyClicks(note, QStringLiteral("Typed with care"));
    ui::MessageBox::setNextAnswer(QMessageBox::Ok);
    QTest::keyClick(note, Qt::Key_Return, Qt::ControlModifier);
    EXPECT_TRUE(ui::MessageBox::lastText().contains(QStringLiteral("call was not saved")))
        << ui::MessageBox::lastText().toStdString();
    EXPECT_FALSE(emitted);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(note->toPlainText(), QStringLiteral("Typed with care"));
}

TEST_F(LogCallDialogTest, SaveEmitsSavedWithoutGoingToNext)
{
    LogCallDialog dialog(session.get(), 1);
    std::optional<std::pair<CustomerId, bool>> got;
    QObject::connect(&dialog, &LogCallDialog::saved, [&](CustomerId id, bool next) { got = {id, next}; });
    QTest::mouseClick(child<QPushButton>(&dialog, "saveButton"), Qt::LeftButton);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->first, 1);
    EXPECT_FALSE(got->second);
}

TEST_F(LogCallDialogTest, SaveAndNextIsHiddenUntilEnabled)
{
    LogCallDialog dialog(session.get(), 1);
    dialog.show();
    auto *next = child<QPushButton>(&dialog, "saveAndNextButton");
    EXPECT_FALSE(next->isVisible());
    dialog.setNextEnabled(true);
    EXPECT_TRUE(next->isVisible());
}

TEST_F(LogCallDialogTest, SaveAndNextEmitsSavedWithGoToNext)
{
    LogCallDialog dialog(session.get(), 1);
    dialog.setNextEnabled(true);
    dialog.show();
    std::optional<bool> next;
    QObject::connect(&dialog, &LogCallDialog::saved, [&](CustomerId, bool goToNext) { next = goToNext; });
    QTest::mouseClick(child<QPushButton>(&dialog, "saveAndNextButton"), Qt::LeftButton);
    ASSERT_TRUE(next);
    EXPECT_TRUE(*next);
    EXPECT_EQ(calls(1).size(), 2u);
}

TEST_F(LogCallDialogTest, TheTimerCountsFromOpening)
{
    LogCallDialog dialog(session.get(), 1);
    EXPECT_TRUE(dialog.isTimerRunning());
    QTest::qWait(1600); // the display ticks four times a second
    EXPECT_GE(dialog.durationSeconds().value_or(0), 1);
    EXPECT_NE(child<QLineEdit>(&dialog, "durationEdit")->text(), QStringLiteral("00:00"));
}

TEST_F(LogCallDialogTest, TheTimerButtonPausesTheCount)
{
    LogCallDialog dialog(session.get(), 1);
    QTest::mouseClick(child<QPushButton>(&dialog, "timerButton"), Qt::LeftButton);
    EXPECT_FALSE(dialog.isTimerRunning());
    const auto paused = dialog.durationSeconds();
    QTest::qWait(1100);
    EXPECT_EQ(dialog.durationSeconds(), paused);
    QTest::mouseClick(child<QPushButton>(&dialog, "timerButton"), Qt::LeftButton);
    EXPECT_TRUE(dialog.isTimerRunning());
}

TEST_F(LogCallDialogTest, ATypedDurationStopsTheTimerAndIsSaved)
{
    LogCallDialog dialog(session.get(), 1);
    showActive(&dialog);
    auto *duration = child<QLineEdit>(&dialog, "durationEdit");
    duration->setFocus();
    duration->selectAll();
    QTest::keyClicks(duration, QStringLiteral("4:30"));
    EXPECT_FALSE(dialog.isTimerRunning());
    QTest::keyClick(duration, Qt::Key_Return);
    ASSERT_EQ(calls(1).size(), 2u);
    EXPECT_EQ(calls(1).front().durationS, 270);
}

TEST_F(LogCallDialogTest, AnEmptyDurationIsSavedAsUnknown)
{
    LogCallDialog dialog(session.get(), 1);
    showActive(&dialog);
    auto *duration = child<QLineEdit>(&dialog, "durationEdit");
    duration->setFocus();
    duration->selectAll();
    QTest::keyClick(duration, Qt::Key_Backspace);
    ASSERT_TRUE(dialog.save());
    EXPECT_FALSE(calls(1).front().durationS);
}

TEST_F(LogCallDialogTest, AnIncompleteDurationIsRefused)
{
    LogCallDialog dialog(session.get(), 1);
    showActive(&dialog);
    auto *duration = child<QLineEdit>(&dialog, "durationEdit");
    duration->setFocus();
    duration->selectAll();
    QTest::keyClicks(duration, QStringLiteral("4:3"));
    ui::MessageBox::setNextAnswer(QMessageBox::Ok);
    EXPECT_FALSE(dialog.save());
    EXPECT_EQ(calls(1).size(), 1u);
    EXPECT_TRUE(dialog.isVisible());
}

// --- A big database: the customer's facts read by a worker --------------------------------

TEST_F(LogCallDialogTest, OnABigDatabaseItOpensAtOnceAndTheFactsAndSuggestionComeWithTheWorker)
{
    // What the dialog shows when it reads on the window's thread (a small database): Anna is a
    // declining buyer, whose follow-up is the win-back cadence (her facts and stored stage).
    QString tier;
    QString lastContact;
    QString due;
    QDate suggested;
    {
        LogCallDialog small(session.get(), 2);
        ASSERT_FALSE(small.isLoading());
        tier = child<QLabel>(&small, "tierValue")->text();
        lastContact = child<QLabel>(&small, "lastContactValue")->text();
        due = child<QLabel>(&small, "dueValue")->text();
        suggested = child<QDateEdit>(&small, "followUpDate")->date();
    }
    ASSERT_EQ(suggested, date("2026-07-07"));

    const BigDatabase big;
    WorkerGate gate;
    LogCallDialog dialog(session.get(), 2);
    QSignalSpy loaded(&dialog, &LogCallDialog::factsLoaded);
    // The worker is held: who to call is there, the facts are on their way, the note can be typed.
    EXPECT_TRUE(dialog.isLoading());
    EXPECT_EQ(child<QLabel>(&dialog, "nameLabel")->text(), customer(2).name);
    for (const char *name : {"tierValue", "lastContactValue", "dueValue"})
        EXPECT_TRUE(child<QLabel>(&dialog, name)->text().startsWith(u"Reading")) << name;
    QTest::keyClicks(child<QPlainTextEdit>(&dialog, "noteEdit"), QStringLiteral("call back Monday"));

    gate.release();
    ASSERT_TRUE(loaded.wait(10'000));
    EXPECT_FALSE(dialog.isLoading());
    EXPECT_EQ(child<QLabel>(&dialog, "tierValue")->text(), tier);
    EXPECT_EQ(child<QLabel>(&dialog, "lastContactValue")->text(), lastContact);
    EXPECT_EQ(child<QLabel>(&dialog, "dueValue")->text(), due);
    EXPECT_EQ(child<QDateEdit>(&dialog, "followUpDate")->date(), suggested);
    EXPECT_EQ(child<QPlainTextEdit>(&dialog, "noteEdit")->toPlainText(), QStringLiteral("call back Monday"));
}

TEST_F(LogCallDialogTest, OnABigDatabaseADatePickedBeforeTheFactsArriveIsKept)
{
    const BigDatabase big;
    WorkerGate gate;
    LogCallDialog dialog(session.get(), 2);
    QSignalSpy loaded(&dialog, &LogCallDialog::factsLoaded);
    ASSERT_TRUE(dialog.isLoading());
    QTest::mouseClick(child<QPushButton>(&dialog, "plus3DaysButton"), Qt::LeftButton);
    gate.release();
    ASSERT_TRUE(loaded.wait(10'000));
    EXPECT_EQ(child<QDateEdit>(&dialog, "followUpDate")->date(), date("2026-07-03"));
}

TEST_F(LogCallDialogTest, OnABigDatabaseCancellingOrSavingWhileTheWorkerReadsIsSafe)
{
    const BigDatabase big;
    WorkerGate gate;
    // Cancelled: the dialog goes, its answer with it.
    auto *cancelled = new LogCallDialog(session.get(), 2);
    cancelled->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<LogCallDialog> alive(cancelled);
    cancelled->show();
    ASSERT_TRUE(cancelled->isLoading());
    cancelled->reject();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    EXPECT_TRUE(alive.isNull());
    // Saved before the facts came: the call is written with the date shown.
    LogCallDialog saved(session.get(), 2);
    ASSERT_TRUE(saved.isLoading());
    const QDate shown = child<QDateEdit>(&saved, "followUpDate")->date();
    const std::size_t before = calls(2).size();
    ASSERT_TRUE(saved.save());
    EXPECT_FALSE(saved.isLoading());
    const auto after = calls(2);
    ASSERT_EQ(after.size(), before + 1);
    const auto newest = std::max_element(after.begin(), after.end(),
                                         [](const Call &a, const Call &b) { return a.id < b.id; });
    EXPECT_EQ(newest->nextFollowUp, shown);
    gate.release();
    ASSERT_TRUE(ui::readerPool()->waitForDone(10'000));
    QCoreApplication::processEvents();
    EXPECT_TRUE(alive.isNull());
    EXPECT_EQ(saved.result(), QDialog::Accepted);
}

// --- OrderDialog ---------------------------------------------------------------------------

TEST_F(OrderDialogTest, SavesAnOrderWithTheKeyboard)
{
    OrderDialog dialog(session.get(), 3);
    showActive(&dialog);
    std::optional<CustomerId> got;
    QObject::connect(&dialog, &OrderDialog::saved, [&](CustomerId id) { got = id; });
    auto *amount = child<QLineEdit>(&dialog, "amountEdit");
    ASSERT_EQ(QApplication::focusWidget(), amount);
    QTest::keyClicks(amount, QStringLiteral("1234.50"));
    QTest::keyClick(amount, Qt::Key_Return);
    const auto saved = orders(3);
    ASSERT_EQ(saved.size(), 1u);
    EXPECT_EQ(saved.front().amount, 123450);
    EXPECT_EQ(saved.front().orderedAt, date("2026-06-30"));
    EXPECT_EQ(got, 3);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
}

TEST_F(OrderDialogTest, SavesARefund)
{
    OrderDialog dialog(session.get(), 1);
    showActive(&dialog);
    auto *amount = child<QLineEdit>(&dialog, "amountEdit");
    QTest::keyClicks(amount, QStringLiteral("-200"));
    EXPECT_TRUE(child<QLabel>(&dialog, "amountHint")->text().contains(QStringLiteral("Refund")));
    QTest::keyClick(amount, Qt::Key_Return);
    const auto saved = orders(1);
    ASSERT_EQ(saved.size(), 3u);
    EXPECT_EQ(saved.front().amount, -20000);
}

TEST_F(OrderDialogTest, RefusesLetters)
{
    OrderDialog dialog(session.get(), 3);
    showActive(&dialog);
    auto *amount = child<QLineEdit>(&dialog, "amountEdit");
    QTest::keyClicks(amount, QStringLiteral("abc"));
    EXPECT_FALSE(child<QPushButton>(&dialog, "saveButton")->isEnabled());
    QTest::keyClick(amount, Qt::Key_Return);
    EXPECT_TRUE(orders(3).empty());
    EXPECT_TRUE(dialog.isVisible());
}

TEST_F(OrderDialogTest, RefusesThreeDecimals)
{
    OrderDialog dialog(session.get(), 3);
    showActive(&dialog);
    auto *amount = child<QLineEdit>(&dialog, "amountEdit");
    QTest::keyClicks(amount, QStringLiteral("1.234"));
    EXPECT_EQ(amount->text(), QStringLiteral("1.234")); // kept visible next to the reason
    EXPECT_FALSE(child<QPushButton>(&dialog, "saveButton")->isEnabled());
    QTest::keyClick(amount, Qt::Key_Return);
    EXPECT_TRUE(orders(3).empty());
}

TEST_F(OrderDialogTest, AcceptsThousandsGrouping)
{
    OrderDialog dialog(session.get(), 3);
    showActive(&dialog);
    auto *amount = child<QLineEdit>(&dialog, "amountEdit");
    QTest::keyClicks(amount, QStringLiteral("1,234.50"));
    QTest::keyClick(amount, Qt::Key_Return);
    ASSERT_EQ(orders(3).size(), 1u);
    EXPECT_EQ(orders(3).front().amount, 123450);
}

TEST_F(OrderDialogTest, ParseAmountForgivesWhatPeoplePaste)
{
    EXPECT_EQ(OrderDialog::parseAmount(QStringLiteral("１２３４．５")), 123450);
    EXPECT_EQ(OrderDialog::parseAmount(QStringLiteral("¥1,234")), 123400);
    EXPECT_EQ(OrderDialog::parseAmount(QStringLiteral("-￥200")), -20000);
    EXPECT_EQ(OrderDialog::parseAmount(QStringLiteral("88元")), 8800);
    EXPECT_EQ(OrderDialog::parseAmount(QStringLiteral(" 12.5 ")), 1250);
}

TEST_F(OrderDialogTest, ParseAmountRefusesWhatIsNotAnAmount)
{
    EXPECT_FALSE(OrderDialog::parseAmount(QStringLiteral("abc")));
    EXPECT_FALSE(OrderDialog::parseAmount(QStringLiteral("1.234")));
    EXPECT_FALSE(OrderDialog::parseAmount(QStringLiteral("12,34")));
    EXPECT_FALSE(OrderDialog::parseAmount(QStringLiteral("1,5")));
    EXPECT_FALSE(OrderDialog::parseAmount(QStringLiteral("--5")));
    EXPECT_FALSE(OrderDialog::parseAmount(QStringLiteral("")));
}

TEST_F(OrderDialogTest, RefusesZero)
{
    OrderDialog dialog(session.get(), 3);
    QTest::keyClicks(child<QLineEdit>(&dialog, "amountEdit"), QStringLiteral("0.00"));
    EXPECT_FALSE(child<QPushButton>(&dialog, "saveButton")->isEnabled());
    EXPECT_FALSE(dialog.save());
    EXPECT_TRUE(orders(3).empty());
}

TEST_F(OrderDialogTest, TheDateDefaultsToTodayAndCannotBeLater)
{
    OrderDialog dialog(session.get(), 3);
    auto *when = child<QDateEdit>(&dialog, "orderDateEdit");
    EXPECT_EQ(when->date(), date("2026-06-30"));
    when->setDate(date("2026-07-01"));
    EXPECT_EQ(when->date(), date("2026-06-30"));
}

TEST_F(OrderDialogTest, SavesABackdatedOrderWithItsNote)
{
    OrderDialog dialog(session.get(), 3);
    child<QLineEdit>(&dialog, "amountEdit")->setText(QStringLiteral("99"));
    child<QDateEdit>(&dialog, "orderDateEdit")->setDate(date("2026-06-15"));
    child<QLineEdit>(&dialog, "noteEdit")->setText(QStringLiteral("发票 A-1024"));
    ASSERT_TRUE(dialog.save());
    ASSERT_EQ(orders(3).size(), 1u);
    EXPECT_EQ(orders(3).front().orderedAt, date("2026-06-15"));
    EXPECT_EQ(orders(3).front().note, QStringLiteral("发票 A-1024"));
}

TEST_F(OrderDialogTest, ASaveErrorIsShownAndTheDialogStaysOpen)
{
    OrderDialog dialog(session.get(), 999);
    dialog.show();
    child<QLineEdit>(&dialog, "amountEdit")->setText(QStringLiteral("10"));
    ui::MessageBox::setNextAnswer(QMessageBox::Ok);
    EXPECT_FALSE(dialog.save());
    EXPECT_TRUE(ui::MessageBox::lastText().contains(QStringLiteral("order was not saved")))
        << ui::MessageBox::lastText().toStdString();
    EXPECT_TRUE(dialog.isVisible());
}

TEST_F(OrderDialogTest, OnABigDatabaseItOpensAtOnceAndTheLastOrderComesWithTheWorker)
{
    QString detail;
    {
        OrderDialog small(session.get(), 1);
        ASSERT_FALSE(small.isLoading());
        detail = child<QLabel>(&small, "customerDetail")->text();
    }
    ASSERT_TRUE(detail.contains(QStringLiteral("last order"))) << detail.toStdString();

    const BigDatabase big;
    WorkerGate gate;
    OrderDialog dialog(session.get(), 1);
    QSignalSpy loaded(&dialog, &OrderDialog::factsLoaded);
    EXPECT_TRUE(dialog.isLoading());
    EXPECT_EQ(child<QLabel>(&dialog, "customerLabel")->text(), customer(1).name);
    EXPECT_EQ(child<QLabel>(&dialog, "customerDetail")->text(), customer(1).company);
    QTest::keyClicks(child<QLineEdit>(&dialog, "amountEdit"), QStringLiteral("12"));

    gate.release();
    ASSERT_TRUE(loaded.wait(10'000));
    EXPECT_FALSE(dialog.isLoading());
    EXPECT_EQ(child<QLabel>(&dialog, "customerDetail")->text(), detail);
    EXPECT_EQ(child<QLineEdit>(&dialog, "amountEdit")->text(), QStringLiteral("12"));
}

TEST_F(OrderDialogTest, OnABigDatabaseClosingWhileTheWorkerReadsDropsItsAnswer)
{
    const BigDatabase big;
    WorkerGate gate;
    auto *dialog = new OrderDialog(session.get(), 1);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<OrderDialog> alive(dialog);
    dialog->show();
    ASSERT_TRUE(dialog->isLoading());
    dialog->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    EXPECT_TRUE(alive.isNull());
    gate.release();
    ASSERT_TRUE(ui::readerPool()->waitForDone(10'000));
    QCoreApplication::processEvents();
    EXPECT_TRUE(alive.isNull());
    EXPECT_TRUE(orders(1).size() > 0);
}

} // namespace
} // namespace tierdesk::test
