// The Settings dialog: shows what is stored, stores exactly what was entered, and nothing on error.

#include "dialogs/settingsdialog.h"
#include "messagebox.h"
#include "store/repositories.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace tierdesk;
using namespace tierdesk::ui;

namespace {

class SettingsDialogTest : public test::UiFixture {
protected:
    void SetUp() override
    {
        UiFixture::SetUp();
        QSettings().remove(QStringLiteral("ui/language"));
        QSettings().remove(QStringLiteral("user/name"));
    }

    void open()
    {
        dialog = std::make_unique<SettingsDialog>(session.get());
        dialog->show();
    }

    template<typename T>
    T *child(const char *name)
    {
        auto *w = dialog->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(w, nullptr) << name;
        return w;
    }

    QPushButton *okButton() { return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok); }

    classify::Settings stored()
    {
        auto loaded = store::SettingsRepository(session->database()).load();
        EXPECT_TRUE(loaded);
        return loaded ? *loaded : classify::Settings{};
    }

    /// Adds a tag rule by typing it, as a user would: Add, name, Tab, condition.
    void typeTagRule(const QString &name, const QString &condition)
    {
        QTest::mouseClick(child<QPushButton>("addTagRuleButton"), Qt::LeftButton);
        auto *nameEditor = child<QLineEdit>("tagRuleNameEditor");
        ASSERT_NE(nameEditor, nullptr);
        QTest::keyClicks(nameEditor, name);
        QTest::keyClick(nameEditor, Qt::Key_Tab);
        auto *conditionEditor = child<QLineEdit>("tagRuleConditionEditor");
        ASSERT_NE(conditionEditor, nullptr);
        QTest::keyClicks(conditionEditor, condition);
    }

    /// Makes MessageBox::lastText() a known marker, to tell afterwards whether a prompt was shown.
    static void markNoPrompt()
    {
        MessageBox::setNextAnswer(QMessageBox::Ok);
        MessageBox::information(nullptr, {}, QStringLiteral("no prompt"));
    }

    std::unique_ptr<SettingsDialog> dialog;
};

TEST_F(SettingsDialogTest, ShowsTheDefaultSettings)
{
    open();
    EXPECT_DOUBLE_EQ(child<QDoubleSpinBox>("tierAShareSpin")->value(), 5.0);
    EXPECT_EQ(child<QDoubleSpinBox>("tierAShareSpin")->text(), QStringLiteral("5.0 %"));
    EXPECT_EQ(child<QSpinBox>("cadenceASpin")->value(), 3);
    EXPECT_EQ(child<QSpinBox>("windowDaysSpin")->value(), 365);
    EXPECT_DOUBLE_EQ(child<QDoubleSpinBox>("growthRatioSpin")->value(), 120.0);
}

TEST_F(SettingsDialogTest, ShowsStoredValues)
{
    classify::Settings s = session->settings();
    s.declineDays = 150;
    s.cadenceByTier[2] = 45;
    s.tierBShareMillionths = 250'000;
    ASSERT_TRUE(session->saveSettings(s));
    open();
    EXPECT_EQ(child<QSpinBox>("declineDaysSpin")->value(), 150);
    EXPECT_EQ(child<QSpinBox>("cadenceTierCSpin")->value(), 45);
    EXPECT_EQ(child<QDoubleSpinBox>("tierBShareSpin")->text(), QStringLiteral("25.0 %"));
}

TEST_F(SettingsDialogTest, TypedPercentageIsStoredExactly)
{
    open();
    auto *spin = child<QDoubleSpinBox>("tierAShareSpin");
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("8"));
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(okButton(), Qt::LeftButton);
    EXPECT_EQ(stored().tierAShareMillionths, 80'000);
    EXPECT_FALSE(dialog->isVisible());
}

TEST_F(SettingsDialogTest, ChangedDaysAreStored)
{
    open();
    child<QSpinBox>("newDaysSpin")->setValue(60);
    child<QSpinBox>("cadenceSSpin")->setValue(2);
    child<QSpinBox>("winBackDaysSpin")->setValue(10);
    MessageBox::setNextAnswer(QMessageBox::No);
    dialog->accept();
    const classify::Settings s = stored();
    EXPECT_EQ(s.newDays, 60);
    EXPECT_EQ(s.cadenceByGrade[0], 2);
    EXPECT_EQ(s.winBackDays, 10);
}

TEST_F(SettingsDialogTest, FinePercentagesSurviveARoundTripUnchanged)
{
    classify::Settings s = session->settings();
    s.tierAShareMillionths = 52'345;     // 5.2345 %
    s.declineRatioMillionths = 333'333;  // 33.3333 %
    s.growthRatioMillionths = 1'150'001; // 115.0001 %
    ASSERT_TRUE(session->saveSettings(s));
    open();
    EXPECT_EQ(child<QDoubleSpinBox>("tierAShareSpin")->text(), QStringLiteral("5.2345 %"));
    child<QSpinBox>("activeDaysSpin")->setValue(20); // something else changes, so the settings are saved
    MessageBox::setNextAnswer(QMessageBox::No);
    dialog->accept();
    const classify::Settings after = stored();
    EXPECT_EQ(after.activeDays, 20);
    EXPECT_EQ(after.tierAShareMillionths, 52'345);
    EXPECT_EQ(after.declineRatioMillionths, 333'333);
    EXPECT_EQ(after.growthRatioMillionths, 1'150'001);
}

TEST_F(SettingsDialogTest, AShareAboveABShareWarnsAndStoresNothing)
{
    open();
    child<QDoubleSpinBox>("tierAShareSpin")->setValue(30.0);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QTest::mouseClick(okButton(), Qt::LeftButton);
    EXPECT_FALSE(MessageBox::lastText().isEmpty());
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(stored().tierAShareMillionths, 50'000);
}

TEST_F(SettingsDialogTest, InvalidSettingFocusesTheSpinBoxItNames)
{
    open();
    child<QSpinBox>("halfDaysSpin")->setValue(200); // 2 × 200 > 365
    child<QTabWidget>("settingsTabs")->setCurrentIndex(0);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    dialog->accept();
    EXPECT_EQ(child<QTabWidget>("settingsTabs")->currentWidget(), child<QWidget>("thresholdsPage"));
    EXPECT_EQ(stored().halfDays, 180);
}

TEST_F(SettingsDialogTest, InvalidTagRuleDisablesOkAndShowsThePositionedError)
{
    open();
    child<QTabWidget>("settingsTabs")->setCurrentWidget(child<QWidget>("tagRulesPage"));
    typeTagRule(QStringLiteral("big"), QStringLiteral("monetary >="));
    EXPECT_FALSE(okButton()->isEnabled());
    const QString error = child<QLabel>("tagRuleError")->text();
    EXPECT_TRUE(error.contains(QStringLiteral("12"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("big"))) << error.toStdString();
}

TEST_F(SettingsDialogTest, FixingTheTagRuleEnablesOk)
{
    open();
    child<QTabWidget>("settingsTabs")->setCurrentWidget(child<QWidget>("tagRulesPage"));
    typeTagRule(QStringLiteral("big"), QStringLiteral("monetary >="));
    QTest::keyClicks(child<QLineEdit>("tagRuleConditionEditor"), QStringLiteral(" 100000"));
    EXPECT_TRUE(okButton()->isEnabled());
    EXPECT_TRUE(child<QLabel>("tagRuleError")->text().isEmpty());
}

TEST_F(SettingsDialogTest, ValidTagRuleIsStored)
{
    open();
    child<QTabWidget>("settingsTabs")->setCurrentWidget(child<QWidget>("tagRulesPage"));
    typeTagRule(QStringLiteral("Win back"), QStringLiteral("lifecycle = decline and value_tier in (A, B)"));
    QTest::keyClick(child<QLineEdit>("tagRuleConditionEditor"), Qt::Key_Return);
    ASSERT_TRUE(dialog->isVisible()) << "Enter in a cell ends the edit, not the dialog";
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(okButton(), Qt::LeftButton);
    const QList<classify::TagRuleDef> expected{
        {QStringLiteral("Win back"), QStringLiteral("lifecycle = decline and value_tier in (A, B)")}};
    EXPECT_EQ(stored().tagRules, expected);
}

TEST_F(SettingsDialogTest, RemovedTagRuleIsNotStored)
{
    classify::Settings s = session->settings();
    s.tagRules = {{QStringLiteral("big"), QStringLiteral("monetary >= 100000")},
                  {QStringLiteral("new"), QStringLiteral("lifecycle = new")}};
    ASSERT_TRUE(session->saveSettings(s));
    open();
    auto *table = child<QTableWidget>("tagRulesTable");
    ASSERT_EQ(table->rowCount(), 2);
    table->selectRow(0);
    QTest::mouseClick(child<QPushButton>("removeTagRuleButton"), Qt::LeftButton);
    MessageBox::setNextAnswer(QMessageBox::No);
    dialog->accept();
    const QList<classify::TagRuleDef> expected{{QStringLiteral("new"), QStringLiteral("lifecycle = new")}};
    EXPECT_EQ(stored().tagRules, expected);
}

TEST_F(SettingsDialogTest, CancelStoresNothing)
{
    open();
    child<QDoubleSpinBox>("tierAShareSpin")->setValue(8.0);
    child<QLineEdit>("userNameEdit")->setText(QStringLiteral("李娜"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel),
                      Qt::LeftButton);
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_EQ(stored(), classify::Settings{});
    EXPECT_TRUE(session->userName().isEmpty());
}

TEST_F(SettingsDialogTest, EscapeCancels)
{
    open();
    child<QSpinBox>("cadenceASpin")->setValue(4);
    QTest::keyClick(dialog.get(), Qt::Key_Escape);
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_EQ(stored().cadenceByGrade[1], 3);
}

TEST_F(SettingsDialogTest, RestoreDefaultsResetsEveryPageButTheTagRules)
{
    classify::Settings s = session->settings();
    s.windowDays = 400;
    s.cadenceByGrade[1] = 4;
    s.segmentActions[0] = QStringLiteral("Send a gift.");
    s.tagRules = {{QStringLiteral("big"), QStringLiteral("monetary >= 100000")}};
    ASSERT_TRUE(session->saveSettings(s));
    open();
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(child<QPushButton>("restoreDefaultsButton"), Qt::LeftButton);
    EXPECT_EQ(child<QSpinBox>("windowDaysSpin")->value(), 365);
    EXPECT_EQ(child<QSpinBox>("cadenceASpin")->value(), 3);
    EXPECT_TRUE(child<QLineEdit>("segmentActionChampionsEdit")->text().isEmpty());
    EXPECT_EQ(child<QTableWidget>("tagRulesTable")->rowCount(), 1);
}

TEST_F(SettingsDialogTest, RestoreDefaultsAnsweredNoKeepsTheValues)
{
    classify::Settings s = session->settings();
    s.windowDays = 400;
    ASSERT_TRUE(session->saveSettings(s));
    open();
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(child<QPushButton>("restoreDefaultsButton"), Qt::LeftButton);
    EXPECT_EQ(child<QSpinBox>("windowDaysSpin")->value(), 400);
}

TEST_F(SettingsDialogTest, SegmentActionPlaceholderIsTheBuiltInText)
{
    open();
    auto *edit = child<QLineEdit>("segmentActionCantLoseThemEdit");
    EXPECT_TRUE(edit->text().isEmpty());
    EXPECT_EQ(edit->placeholderText(), QStringLiteral("Manager calls to win them back."));
}

TEST_F(SettingsDialogTest, SegmentActionIsStoredWithoutAskingToReclassify)
{
    open();
    child<QLineEdit>("segmentActionAtRiskEdit")->setText(QStringLiteral("  Visit them.  "));
    markNoPrompt();
    dialog->accept();
    EXPECT_EQ(stored().segmentActions[std::size_t(Segment::AtRisk)], QStringLiteral("Visit them."));
    EXPECT_EQ(MessageBox::lastText(), QStringLiteral("no prompt"));
}

TEST_F(SettingsDialogTest, UserNameIsStored)
{
    open();
    auto *edit = child<QLineEdit>("userNameEdit");
    edit->clear();
    edit->setFocus();
    QInputMethodEvent typed; // as a Chinese input method delivers it
    typed.setCommitString(QStringLiteral("李娜 "));
    QApplication::sendEvent(edit, &typed);
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_FALSE(dialog->isVisible()) << "Enter presses OK";
    EXPECT_EQ(session->userName(), QStringLiteral("李娜"));
}

TEST_F(SettingsDialogTest, LanguageIsStoredInQSettings)
{
    open();
    auto *combo = child<QComboBox>("languageCombo");
    EXPECT_EQ(combo->currentData().toString(), QString());
    combo->setCurrentIndex(combo->findData(QStringLiteral("zh_CN")));
    dialog->accept();
    EXPECT_EQ(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
}

TEST_F(SettingsDialogTest, ShowsTheStoredLanguage)
{
    QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("en"));
    open();
    EXPECT_EQ(child<QComboBox>("languageCombo")->currentData().toString(), QStringLiteral("en"));
}

TEST_F(SettingsDialogTest, ReclassifyRequestedWhenAnsweredYes)
{
    open();
    child<QSpinBox>("lostDaysSpin")->setValue(300);
    QSignalSpy requested(dialog.get(), &SettingsDialog::reclassifyRequested);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    dialog->accept();
    EXPECT_EQ(requested.count(), 1);
    EXPECT_FALSE(MessageBox::lastText().isEmpty());
}

TEST_F(SettingsDialogTest, NoReclassifyWhenAnsweredNo)
{
    open();
    child<QSpinBox>("lostDaysSpin")->setValue(300);
    QSignalSpy requested(dialog.get(), &SettingsDialog::reclassifyRequested);
    MessageBox::setNextAnswer(QMessageBox::No);
    dialog->accept();
    EXPECT_EQ(requested.count(), 0);
    EXPECT_EQ(stored().lostDays, 300);
}

TEST_F(SettingsDialogTest, UnchangedSettingsAreNotSavedAgain)
{
    open();
    QSignalSpy changed(session.get(), &Session::settingsChanged);
    markNoPrompt();
    dialog->accept();
    EXPECT_EQ(changed.count(), 0);
    EXPECT_EQ(MessageBox::lastText(), QStringLiteral("no prompt"));
    EXPECT_FALSE(dialog->isVisible());
}

} // namespace
