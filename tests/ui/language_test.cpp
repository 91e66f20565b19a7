// The Chinese UI is Chinese: TierDesk's own texts from the embedded zh_CN translation, and Qt's
// (standard buttons) from the system's qtbase translation.

#include "mainwindow.h"
#include "model/language.h"
#include "uitestsupport.h"
#include "views/customersview.h"
#include "views/queueview.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

using namespace tierdesk;
using tierdesk::test::UiFixture;

namespace {

bool hasHan(const QString &s)
{
    return std::any_of(s.begin(), s.end(),
                       [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
}

class ChineseUi : public UiFixture {
protected:
    void SetUp() override
    {
        UiFixture::SetUp();
        QSettings().clear();
        ASSERT_TRUE(Language::install(QStringLiteral("zh_CN")));
        window = std::make_unique<ui::MainWindow>(session.get());
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        session->opened();
    }
    void TearDown() override
    {
        window.reset();
        Language::install(QStringLiteral("en"));
        UiFixture::TearDown();
    }
    std::unique_ptr<ui::MainWindow> window;
};

void collectActions(QMenu *menu, QStringList &texts)
{
    if (menu->objectName() == u"recentMenu")
        return; // file names
    for (QAction *a : menu->actions()) {
        if (a->menu())
            collectActions(a->menu(), texts);
        else if (!a->isSeparator() && !a->text().isEmpty())
            texts << a->text();
    }
}

} // namespace

TEST(Language, NormalizesNamesToTheTwoLanguages)
{
    EXPECT_EQ(Language::normalized(QStringLiteral("zh")), u"zh_CN");
    EXPECT_EQ(Language::normalized(QStringLiteral("zh_TW")), u"zh_CN");
    EXPECT_EQ(Language::normalized(QStringLiteral("ZH_cn")), u"zh_CN");
    EXPECT_EQ(Language::normalized(QStringLiteral("en_US")), u"en");
    EXPECT_EQ(Language::normalized(QStringLiteral("de")), u"en");
    EXPECT_EQ(Language::normalized(QString()), u"en");
}

TEST_F(ChineseUi, EveryMenuCommandIsChinese)
{
    QStringList texts;
    for (QAction *a : window->menuBar()->actions()) {
        texts << a->text();
        if (a->menu())
            collectActions(a->menu(), texts);
    }
    ASSERT_GT(texts.size(), 15);
    for (const QString &t : texts) {
        if (t.contains(u"TierDesk"))
            continue; // "关于 TierDesk"-style texts may keep the name alone
        EXPECT_TRUE(hasHan(t)) << t.toStdString();
    }
}

TEST_F(ChineseUi, PlacesColumnsAndCountsAreChinese)
{
    auto *nav = window->findChild<QListWidget *>(QStringLiteral("navigation"));
    ASSERT_NE(nav, nullptr);
    for (int i = 0; i < nav->count(); ++i)
        EXPECT_TRUE(hasHan(nav->item(i)->text())) << nav->item(i)->text().toStdString();

    for (const char *name : {"customerTable", "queueTable"}) {
        auto *table = window->findChild<QTableView *>(QString::fromLatin1(name));
        ASSERT_NE(table, nullptr) << name;
        for (int c = 0; c < table->model()->columnCount(); ++c) {
            const QString title = table->model()->headerData(c, Qt::Horizontal).toString();
            if (!table->isColumnHidden(c) && title != u"#") {
                EXPECT_TRUE(hasHan(title)) << name << ": " << title.toStdString();
            }
        }
    }

    // Plurals come from the translation too ("5 位客户", not "5 customer(s)").
    auto *count = window->findChild<QLabel *>(QStringLiteral("matchCount"));
    ASSERT_NE(count, nullptr);
    EXPECT_TRUE(count->text().contains(u"位客户")) << count->text().toStdString();
}

TEST_F(ChineseUi, QtsOwnButtonsAreChinese)
{
    QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    EXPECT_TRUE(hasHan(box.button(QDialogButtonBox::Cancel)->text()))
        << box.button(QDialogButtonBox::Cancel)->text().toStdString();
}
