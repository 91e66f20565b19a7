// The cells of the customer and call tables, as a user reads them: columns wide enough for a
// full name, and a text cut short shown whole when the pointer rests on it.

#include "mainwindow.h"
#include "models/customertablemodel.h"
#include "session.h"
#include "support/testsupport.h"
#include "uitestsupport.h"
#include "views/celltips.h"

#include <QApplication>
#include <QHeaderView>
#include <QHelpEvent>
#include <QSettings>
#include <QSignalSpy>
#include <QStyle>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <QToolTip>

#include <functional>
#include <gtest/gtest.h>

using namespace tierdesk;
using tierdesk::test::UiFixture;
using M = tierdesk::ui::CustomerTableModel;

namespace {

class TableCells : public UiFixture {
protected:
    void SetUp() override
    {
        UiFixture::SetUp();
        QSettings().clear(); // the default column widths
        window = std::make_unique<ui::MainWindow>(session.get());
        window->resize(1280, 800);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        session->opened();
    }
    void TearDown() override
    {
        QToolTip::hideText();
        window.reset();
        UiFixture::TearDown();
    }

    QTableView *table(const char *name) const
    {
        auto *t = window->findChild<QTableView *>(QString::fromLatin1(name));
        EXPECT_NE(t, nullptr) << name;
        return t;
    }

    /// The cell of customer `id` in the customer list once `ready` holds for it (the list is
    /// read again after a write); invalid if it does not within 5 s.
    QModelIndex cellOf(qint64 id, int column, const std::function<bool(const QModelIndex &)> &ready)
    {
        const QAbstractItemModel *model = table("customerTable")->model();
        QModelIndex found;
        const bool ok = QTest::qWaitFor(
            [&] {
                for (int r = 0; r < model->rowCount(); ++r) {
                    if (model->index(r, 0).data(M::IdRole).toLongLong() == id) {
                        found = model->index(r, column);
                        return ready(found);
                    }
                }
                return false;
            },
            5000);
        return ok ? found : QModelIndex();
    }

    /// Adds a customer; its cell in the customer list.
    QModelIndex addAndFind(const Customer &c, int column)
    {
        auto id = session->addCustomer(c);
        EXPECT_TRUE(id.has_value());
        return id ? cellOf(*id, column, [](const QModelIndex &) { return true; }) : QModelIndex();
    }

    /// Rests the pointer on the cell: the tooltip event the view gets after a moment.
    static void hover(QTableView *t, const QModelIndex &index)
    {
        t->scrollTo(index);
        const QPoint at = t->visualRect(index).center();
        QHelpEvent help(QEvent::ToolTip, at, t->viewport()->mapToGlobal(at));
        QApplication::sendEvent(t->viewport(), &help);
    }

    /// The tooltip's text as the user reads it (it is rich text).
    static QString tipShown()
    {
        if (!QToolTip::isVisible())
            return {};
        QTextDocument doc;
        doc.setHtml(QToolTip::text());
        return doc.toPlainText();
    }

    static int boldAdvance(const QWidget *w, const QString &text)
    {
        QFont bold = w->font();
        bold.setBold(true);
        return QFontMetrics(bold).horizontalAdvance(text);
    }

    static Customer customer(const QString &name, const QString &company)
    {
        Customer c;
        c.name = name;
        c.company = company;
        c.owner = QStringLiteral("李娜");
        c.createdAt = test::date("2026-06-30");
        return c;
    }

    std::unique_ptr<ui::MainWindow> window;
};

} // namespace

TEST_F(TableCells, ACompanyCutShortShowsWholeAsItsTooltipAShortCellShowsNone)
{
    const QString company =
        QStringLiteral("Northwind Foods and Beverages International Trading GmbH & Co. KG");
    const QModelIndex cell = addAndFind(customer(QStringLiteral("Anna Weber"), company), M::Company);
    ASSERT_TRUE(cell.isValid());
    QTableView *t = table("customerTable");

    hover(t, cell.siblingAtColumn(M::Owner)); // "李娜": fits
    EXPECT_FALSE(QToolTip::isVisible());

    hover(t, cell);
    EXPECT_EQ(tipShown().toStdString(), company.toStdString());

    // The pointer moves on to a cell that fits: the tip goes.
    hover(t, cell.siblingAtColumn(M::Owner));
    EXPECT_TRUE(QTest::qWaitFor([] { return !QToolTip::isVisible(); }, 2000));

    // Widened by the user to fit, the company shows no tip either.
    t->horizontalHeader()->resizeSection(M::Company, t->fontMetrics().horizontalAdvance(company) +
                                                         4 * t->fontMetrics().height());
    hover(t, cell);
    EXPECT_FALSE(QToolTip::isVisible());
}

TEST_F(TableCells, ANameThatLooksLikeMarkupIsShownAsWritten)
{
    const QString name = QStringLiteral("<b>Tom</b> & Jerry's Trading Company of Greater Shanghai");
    const QModelIndex cell = addAndFind(customer(name, QString()), M::Name);
    ASSERT_TRUE(cell.isValid());
    hover(table("customerTable"), cell);
    EXPECT_EQ(tipShown().toStdString(), name.toStdString());
}

TEST_F(TableCells, TheNameColumnsFitAFullWesternName)
{
    // One of the longer names of the demo's customers: shown whole in both tables.
    const QString name = QStringLiteral("Charlotte Schneider");
    for (const char *which : {"customerTable", "queueTable"}) {
        QTableView *t = table(which);
        const int margin = 2 * (t->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, t) + 1);
        EXPECT_GE(t->horizontalHeader()->sectionSize(M::Name), boldAdvance(t, name) + margin) << which;
    }
    const QModelIndex cell = addAndFind(customer(name, QString()), M::Name);
    ASSERT_TRUE(cell.isValid());
    EXPECT_TRUE(cell.data(Qt::FontRole).value<QFont>().bold()); // names are drawn in bold
    hover(table("customerTable"), cell);
    EXPECT_FALSE(QToolTip::isVisible());
}

TEST_F(TableCells, ASuggestedGradeKeepsItsOwnTooltip)
{
    Customer c = customer(QStringLiteral("Liu Yang"), QString());
    c.man = Man{true, true, true}; // no grade set by hand: the answers suggest one
    QModelIndex cell = addAndFind(c, M::Grade);
    ASSERT_TRUE(cell.isValid());
    const qint64 id = cell.data(M::IdRole).toLongLong();
    QSignalSpy finished(session.get(), &ui::Session::reclassifyFinished);
    session->reclassify();
    ASSERT_TRUE(finished.wait(10'000));
    cell = cellOf(id, M::Grade, [](const QModelIndex &grade) { return !grade.data().toString().isEmpty(); });
    ASSERT_TRUE(cell.isValid());
    EXPECT_EQ(cell.data().toString(), QStringLiteral("A")); // three yes
    hover(table("customerTable"), cell);
    EXPECT_TRUE(tipShown().contains(QStringLiteral("suggested by the MAN answers")))
        << tipShown().toStdString();
}
