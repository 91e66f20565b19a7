// The import wizard, driven like a user would: a GBK list from Excel, the guessed columns, the
// review of duplicates, the import, the rows to fix, and undo.

#include "dialogs/importwizard.h"
#include "messagebox.h"
#include "store/repositories.h"
#include "uitestsupport.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QStringEncoder>
#include <QTableWidget>
#include <QTest>

#include <gtest/gtest.h>

using namespace tierdesk;
using tierdesk::test::UiFixture;

namespace {

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
