// The managers' charts: the chart models on their own, then the ChartsView on the UI fixture
// (see uitestsupport.h), whose numbers are worked out by hand:
//
//  id owner  spend in the window      tier  stage     R F  due (today 2026-06-30)   class
//   1 李娜   15,840,000 (2 orders)     A     growth    3 1  06-23 (grade A, 3 days)  1
//   2 Anna    1,700,000 (2 orders)     C     decline   1 1  06-17 (win-back, 7 days) 3
//   3 李娜   prospect                  D     prospect  – –  06-01 (created)          5
//   4 李娜   prospect                  D     prospect  – –  07-10 (follow-up set)    5
//   5 Anna   prospect                  D     prospect  – –  06-15 (created)          5
//
// Two spenders: A takes rank ≤ ceil(0.05 × 2) = 1, B rank ≤ ceil(0.2 × 2) = 1 (none left), C the
// rest. R among two buyers: recency 227 days → 1, 41 days → 3; both have F 1 (tied frequency).

#include "charts/chartmodels.h"
#include "charts/chartsview.h"
#include "io/classifyjob.h"
#include "model/labels.h"
#include "session.h"
#include "store/database.h"
#include "store/repositories.h"
#include "support/testsupport.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <functional>
#include <gtest/gtest.h>
#include <ostream>

using namespace tierdesk;
using tierdesk::test::date;

QT_BEGIN_NAMESPACE
static void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}
QT_END_NAMESPACE

namespace {

/// Runs QAbstractItemModelTester over `model` and returns the problems it reported.
QStringList modelTesterWarnings(QAbstractItemModel *model, const std::function<void()> &change)
{
    static QStringList *sink = nullptr;
    QStringList warnings;
    sink = &warnings;
    const QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
            if (type != QtDebugMsg && type != QtInfoMsg && sink)
                sink->append(message);
        });
    {
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Warning);
        change();
    }
    qInstallMessageHandler(previous);
    sink = nullptr;
    return warnings;
}

store::PyramidCounts samplePyramid()
{
    store::PyramidCounts p;
    p.tiers[0] = {2, 600000};
    p.tiers[1] = {6, 300000};
    p.tiers[2] = {20, 100000};
    p.tiers[3] = {40, 0};
    return p;
}

qint64 cell(QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toLongLong();
}

/// Stores a classification as of 2026-05-31 and, after customer 3's first order, again as of
/// 2026-06-30, through a second connection (as the worker thread would).
void classifyTwoMonths(const QString &path)
{
    store::Database db;
    ASSERT_TRUE(db.open(path));
    ASSERT_TRUE(io::classifyDatabase(db, date("2026-05-31"), /*store=*/true));
    Order o;
    o.customerId = 3;
    o.orderedAt = date("2026-06-20");
    o.amount = 500000;
    ASSERT_TRUE(store::OrderRepository(db).add(o));
    ASSERT_TRUE(io::classifyDatabase(db, date("2026-06-30"), /*store=*/true));
}

} // namespace

// --- the models ------------------------------------------------------------------------------

TEST(ChartsModels, PyramidModelPassesTheModelTester)
{
    ui::PyramidModel model;
    EXPECT_EQ(modelTesterWarnings(&model, [&] { model.setCounts(samplePyramid()); }), QStringList());
}

TEST(ChartsModels, LifecycleModelPassesTheModelTester)
{
    ui::LifecycleModel model;
    EXPECT_EQ(modelTesterWarnings(&model, [&] { model.setCounts({1, 2, 3, 4, 5, 6}); }), QStringList());
}

TEST(ChartsModels, RfmGridModelPassesTheModelTester)
{
    ui::RfmGridModel model;
    store::RfmCounts counts;
    counts.counts[4][0] = 7;
    EXPECT_EQ(modelTesterWarnings(&model,
                                  [&] { model.setCounts(counts, classify::Settings::defaultSegmentMap()); }),
              QStringList());
}

TEST(ChartsModels, FollowUpModelPassesTheModelTester)
{
    ui::FollowUpModel model(14);
    store::FollowUpLoad load;
    load.days.resize(14);
    load.days[0].day = date("2026-06-30");
    load.days[0].byClass[2] = 3;
    EXPECT_EQ(modelTesterWarnings(&model, [&] { model.setLoad(load); }), QStringList());
}

TEST(ChartsModels, MigrationModelPassesTheModelTester)
{
    ui::MigrationModel model;
    store::TierMigration m;
    m.hasPrevious = true;
    m.moves[1][0] = 4;
    m.arrivals[3] = 9;
    EXPECT_EQ(modelTesterWarnings(&model, [&] { model.setMigration(m); }), QStringList());
}

TEST(ChartsModels, PyramidSharesAreOfPositiveRevenue)
{
    ui::PyramidModel model;
    model.setCounts(samplePyramid());
    EXPECT_DOUBLE_EQ(model.index(0, ui::PyramidModel::ShareColumn).data().toDouble(), 60.0);
    EXPECT_DOUBLE_EQ(model.index(3, ui::PyramidModel::ShareColumn).data().toDouble(), 0.0);
}

TEST(ChartsModels, PyramidPaddingCentresEachTierOnTheWidest)
{
    ui::PyramidModel model;
    model.setCounts(samplePyramid());
    // The widest tier is D (40): A (2) is padded by (40 - 2) / 2.
    EXPECT_DOUBLE_EQ(model.index(0, ui::PyramidModel::PaddingColumn).data().toDouble(), 19.0);
    EXPECT_DOUBLE_EQ(model.index(3, ui::PyramidModel::PaddingColumn).data().toDouble(), 0.0);
}

TEST(ChartsModels, PyramidTierBarsHoldTheCountOnlyOnTheirOwnRow)
{
    ui::PyramidModel model;
    model.setCounts(samplePyramid());
    EXPECT_EQ(cell(&model, 1, ui::PyramidModel::TierBBarColumn), 6);
    EXPECT_EQ(cell(&model, 0, ui::PyramidModel::TierBBarColumn), 0);
    EXPECT_EQ(cell(&model, 2, ui::PyramidModel::TierBBarColumn), 0);
}

TEST(ChartsModels, PyramidSummaryNamesTierCountAndShare)
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    ui::PyramidModel model;
    model.setCounts(samplePyramid());
    // Without a loaded translation the plural stays "customer(s)"; the parts are what matter.
    const QString summary = model.index(0, 0).data(ui::PyramidModel::SummaryRole).toString();
    EXPECT_TRUE(summary.startsWith(labels::valueTier(ValueTier::A))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("— 2 customer"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("60.0 % of revenue"))) << summary.toStdString();
    QLocale::setDefault(QLocale::c());
}

TEST(ChartsModels, RfmGridPutsRecencyFiveOnTopAndFrequencyOneOnTheLeft)
{
    ui::RfmGridModel model;
    store::RfmCounts counts;
    counts.counts[5 - 1][1 - 1] = 7; // R 5, F 1: new customers in the default map
    model.setCounts(counts, classify::Settings::defaultSegmentMap());
    EXPECT_EQ(cell(&model, 0, 0), 7);
    EXPECT_EQ(model.index(0, 0).data(ui::RfmGridModel::SegmentRole).toString(),
              labels::segment(Segment::NewCustomers));
    EXPECT_EQ(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("R 5"));
    EXPECT_EQ(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("F 1"));
}

TEST(ChartsModels, RfmGridNamesCellsFromTheTeamsSegmentMap)
{
    auto map = classify::Settings::defaultSegmentMap();
    map[5 - 1][1 - 1] = Segment::Promising;
    ui::RfmGridModel model;
    model.setCounts({}, map);
    EXPECT_EQ(model.index(0, 0).data(ui::RfmGridModel::SegmentRole).toString(),
              labels::segment(Segment::Promising));
}

TEST(ChartsModels, FollowUpDayLabelShowsMonthDayAndWeekday)
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    EXPECT_EQ(ui::FollowUpModel::dayLabel(date("2026-06-30")), QStringLiteral("06-30 Tue"));
    QLocale::setDefault(QLocale::c());
}

TEST(ChartsModels, FollowUpClassColumnsAreNamedByPriorityClass)
{
    ui::FollowUpModel model;
    EXPECT_EQ(model.headerData(ui::FollowUpModel::Class0Column, Qt::Horizontal).toString(),
              labels::priorityClass(0));
    EXPECT_EQ(model.headerData(ui::FollowUpModel::Class5Column, Qt::Horizontal).toString(),
              labels::priorityClass(5));
}

TEST(ChartsModels, MigrationCellsSayWhetherCustomersMovedUpOrDown)
{
    using M = ui::MigrationModel;
    EXPECT_EQ(M::change(M::FromBRow, M::ToAColumn), M::Change::Up);
    EXPECT_EQ(M::change(M::FromBRow, M::ToBColumn), M::Change::Same);
    EXPECT_EQ(M::change(M::FromBRow, M::ToDColumn), M::Change::Down);
    EXPECT_EQ(M::change(M::NewRow, M::ToAColumn), M::Change::New);
}

TEST(ChartsModels, MigrationNewRowHoldsTheArrivals)
{
    ui::MigrationModel model;
    store::TierMigration m;
    m.hasPrevious = true;
    m.arrivals[2] = 5;
    model.setMigration(m);
    EXPECT_EQ(cell(&model, ui::MigrationModel::NewRow, ui::MigrationModel::ToCColumn), 5);
}

// --- the view --------------------------------------------------------------------------------

namespace {

class ChartsView : public test::UiFixture {
protected:
    void SetUp() override
    {
        UiFixture::SetUp();
        view = std::make_unique<ui::ChartsView>(session.get());
        view->resize(1400, 900);
    }
    void TearDown() override
    {
        view.reset();
        UiFixture::TearDown();
    }
    template<typename T>
    T *child(const char *name)
    {
        T *w = view->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(w, nullptr) << name;
        return w;
    }
    void chooseOwner(const QString &owner)
    {
        auto *combo = child<QComboBox>("chartsOwnerFilter");
        ASSERT_NE(combo, nullptr);
        const int i = combo->findData(owner);
        ASSERT_GE(i, 0);
        combo->setCurrentIndex(i);
    }
    bool showsEmptyState(const char *key)
    {
        auto *empty = child<QLabel>(QByteArray(QByteArray("emptyState_") + key).constData());
        return empty && empty->parentWidget() &&
               static_cast<QStackedWidget *>(empty->parentWidget())->currentWidget() == empty;
    }

    std::unique_ptr<ui::ChartsView> view;
};

} // namespace

TEST_F(ChartsView, PyramidModelHoldsTheTeamsTiers)
{
    auto *model = child<ui::PyramidModel>("pyramidModel");
    ASSERT_NE(model, nullptr);
    EXPECT_EQ(cell(model, 0, ui::PyramidModel::CustomersColumn), 1);
    EXPECT_EQ(cell(model, 1, ui::PyramidModel::CustomersColumn), 0);
    EXPECT_EQ(cell(model, 2, ui::PyramidModel::CustomersColumn), 1);
    EXPECT_EQ(cell(model, 3, ui::PyramidModel::CustomersColumn), 3);
    EXPECT_DOUBLE_EQ(model->index(0, ui::PyramidModel::RevenueColumn).data().toDouble(), 158400.0);
}

TEST_F(ChartsView, LifecycleModelHoldsTheTeamsStages)
{
    auto *model = child<ui::LifecycleModel>("lifecycleModel");
    ASSERT_NE(model, nullptr);
    const store::LifecycleCounts expected{3, 0, 1, 0, 1, 0};
    EXPECT_EQ(model->counts(), expected);
    EXPECT_EQ(cell(model, int(Lifecycle::Prospect), ui::LifecycleModel::CustomersColumn), 3);
}

TEST_F(ChartsView, RfmGridHoldsTheBuyersScores)
{
    auto *model = child<ui::RfmGridModel>("rfmGridModel");
    ASSERT_NE(model, nullptr);
    EXPECT_EQ(cell(model, 5 - 3, 0), 1); // customer 1: R 3, F 1
    EXPECT_EQ(cell(model, 5 - 1, 0), 1); // customer 2: R 1, F 1
    EXPECT_EQ(model->counts().total(), 2);
    auto *grid = child<QTableView>("rfmGrid");
    ASSERT_NE(grid, nullptr);
    EXPECT_EQ(grid->model(), model);
}

TEST_F(ChartsView, FollowUpModelCountsTheOverdueOnToday)
{
    auto *model = child<ui::FollowUpModel>("followUpModel");
    ASSERT_NE(model, nullptr);
    EXPECT_EQ(cell(model, 0, ui::FollowUpModel::Class1Column), 1);
    EXPECT_EQ(cell(model, 0, ui::FollowUpModel::Class3Column), 1);
    EXPECT_EQ(cell(model, 0, ui::FollowUpModel::Class5Column), 2);
    EXPECT_EQ(model->overdue(), 4);
    EXPECT_EQ(cell(model, 10, ui::FollowUpModel::Class5Column), 1); // customer 4, 07-10
    EXPECT_EQ(model->total(), 5);
}

TEST_F(ChartsView, FollowUpSubtitleMentionsTheOverdue)
{
    auto *subtitle = child<QLabel>("chartSubtitle_followUp");
    ASSERT_NE(subtitle, nullptr);
    EXPECT_TRUE(subtitle->text().contains(QStringLiteral("includes 4 overdue")))
        << subtitle->text().toStdString();
}

TEST_F(ChartsView, OwnerFilterListsTheWholeTeamAndEveryOwner)
{
    auto *combo = child<QComboBox>("chartsOwnerFilter");
    ASSERT_NE(combo, nullptr);
    ASSERT_EQ(combo->count(), 3);
    EXPECT_TRUE(combo->itemData(0).toString().isEmpty());
    EXPECT_EQ(combo->itemData(1).toString(), QStringLiteral("Anna"));
    EXPECT_EQ(combo->itemData(2).toString(), QStringLiteral("李娜"));
}

TEST_F(ChartsView, OwnerFilterNarrowsThePyramid)
{
    chooseOwner(QStringLiteral("李娜"));
    auto *model = child<ui::PyramidModel>("pyramidModel");
    ASSERT_NE(model, nullptr);
    EXPECT_EQ(cell(model, 0, ui::PyramidModel::CustomersColumn), 1);
    EXPECT_EQ(cell(model, 2, ui::PyramidModel::CustomersColumn), 0);
    EXPECT_EQ(cell(model, 3, ui::PyramidModel::CustomersColumn), 2);
    EXPECT_EQ(view->ownerFilter(), QStringLiteral("李娜"));
}

TEST_F(ChartsView, OwnerFilterNarrowsTheFollowUpLoad)
{
    chooseOwner(QStringLiteral("Anna"));
    auto *model = child<ui::FollowUpModel>("followUpModel");
    ASSERT_NE(model, nullptr);
    EXPECT_EQ(cell(model, 0, ui::FollowUpModel::TotalColumn), 2); // customers 2 and 5
    EXPECT_EQ(model->total(), 2);
}

TEST_F(ChartsView, EveryCardSaysWhoseCustomersItShows)
{
    chooseOwner(QStringLiteral("李娜"));
    for (const char *key : {"pyramid", "migration"}) {
        auto *scope = child<QLabel>(QByteArray(QByteArray("chartScope_") + key).constData());
        ASSERT_NE(scope, nullptr);
        EXPECT_TRUE(scope->text().contains(QStringLiteral("李娜"))) << key;
        EXPECT_TRUE(scope->text().contains(QStringLiteral("2026-06-30"))) << key;
    }
}

TEST_F(ChartsView, OwnerFilterSurvivesAReload)
{
    chooseOwner(QStringLiteral("Anna"));
    view->reload();
    EXPECT_EQ(view->ownerFilter(), QStringLiteral("Anna"));
    EXPECT_EQ(cell(child<ui::PyramidModel>("pyramidModel"), 2, ui::PyramidModel::CustomersColumn), 1);
}

TEST_F(ChartsView, LoggedCallMovesTheCustomerInTheFollowUpLoad)
{
    view->show();
    Call call;
    call.customerId = 3; // overdue since 06-01
    call.calledAt = QDateTime(date("2026-06-30"), QTime(9, 0));
    call.outcome = Outcome::Reached;
    call.nextFollowUp = date("2026-07-05");
    ASSERT_TRUE(session->logCall(call));
    auto *model = child<ui::FollowUpModel>("followUpModel");
    ASSERT_NE(model, nullptr);
    EXPECT_TRUE(QTest::qWaitFor([&] { return cell(model, 5, ui::FollowUpModel::Class5Column) == 1; }));
    EXPECT_EQ(cell(model, 0, ui::FollowUpModel::Class5Column), 1);
}

TEST_F(ChartsView, MigrationWithoutLastMonthShowsWhy)
{
    view->show();
    EXPECT_TRUE(showsEmptyState("migration"));
    const QString lastMonth = QLocale().toString(date("2026-05-01"), QStringLiteral("MMMM yyyy"));
    EXPECT_TRUE(child<QLabel>("emptyState_migration")->text().contains(lastMonth));
}

TEST_F(ChartsView, MigrationComparesWithLastMonthsSnapshot)
{
    classifyTwoMonths(dbPath);
    view->reload();
    auto *model = child<ui::MigrationModel>("migrationModel");
    ASSERT_NE(model, nullptr);
    using M = ui::MigrationModel;
    EXPECT_EQ(cell(model, M::FromARow, M::ToAColumn), 1);
    EXPECT_EQ(cell(model, M::FromCRow, M::ToCColumn), 1);
    EXPECT_EQ(cell(model, M::FromDRow, M::ToCColumn), 1); // customer 3's first order
    EXPECT_EQ(cell(model, M::FromDRow, M::ToDColumn), 2);
    EXPECT_FALSE(showsEmptyState("migration"));
}

TEST_F(ChartsView, ChartsAreAntialiasedChartViews)
{
    for (const char *name : {"pyramidChart", "lifecycleChart", "followUpChart"}) {
        auto *chart = child<QChartView>(name);
        ASSERT_NE(chart, nullptr);
        EXPECT_TRUE(chart->renderHints().testFlag(QPainter::Antialiasing)) << name;
    }
}

TEST_F(ChartsView, EveryChartWithDataHasEnabledExportButtons)
{
    // The migration has no previous month in the fixture: its buttons are off (see below).
    for (const char *key : {"pyramid", "lifecycle", "rfm", "followUp"}) {
        auto *png = child<QToolButton>(QByteArray(QByteArray("exportPngButton_") + key).constData());
        auto *pdf = child<QToolButton>(QByteArray(QByteArray("exportPdfButton_") + key).constData());
        ASSERT_NE(png, nullptr);
        ASSERT_NE(pdf, nullptr);
        EXPECT_TRUE(png->isEnabled()) << key;
        EXPECT_TRUE(pdf->isEnabled()) << key;
    }
}

TEST_F(ChartsView, ExportPngWritesAnImage)
{
    view->show();
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("pyramid.png"));
    ASSERT_TRUE(ui::exportPng(child<QChartView>("pyramidChart"), path));
    QImage image(path);
    EXPECT_FALSE(image.isNull());
    EXPECT_GT(image.width(), 100);
}

TEST_F(ChartsView, ExportPdfWritesADocument)
{
    view->show();
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("followup.pdf"));
    ASSERT_TRUE(ui::exportPdf(child<QChartView>("followUpChart"), path));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.read(5).startsWith("%PDF-"));
    EXPECT_GT(file.size(), 1000);
}

TEST_F(ChartsView, ExportIntoAMissingFolderFails)
{
    view->show();
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("no/such/folder/chart.png"));
    EXPECT_FALSE(ui::exportPng(child<QChartView>("pyramidChart"), path));
    EXPECT_FALSE(QFileInfo::exists(path));
}

TEST_F(ChartsView, WideWindowShowsTwoColumns)
{
    view->show();
    auto *pyramid = child<QWidget>("chartCard_pyramid");
    auto *lifecycle = child<QWidget>("chartCard_lifecycle");
    ASSERT_NE(pyramid, nullptr);
    ASSERT_NE(lifecycle, nullptr);
    EXPECT_EQ(pyramid->geometry().top(), lifecycle->geometry().top());
    EXPECT_LT(pyramid->geometry().right(), lifecycle->geometry().left());
}

TEST_F(ChartsView, NarrowWindowStacksTheCards)
{
    view->resize(800, 900);
    view->show();
    auto *pyramid = child<QWidget>("chartCard_pyramid");
    auto *lifecycle = child<QWidget>("chartCard_lifecycle");
    ASSERT_NE(pyramid, nullptr);
    ASSERT_NE(lifecycle, nullptr);
    EXPECT_LT(pyramid->geometry().bottom(), lifecycle->geometry().top());
}

TEST(ChartsEmpty, EmptyDatabaseShowsTheEmptyStateOnEveryChart)
{
    QTemporaryDir dir;
    ui::Session session;
    session.setToday(date("2026-06-30"));
    ASSERT_TRUE(session.open(dir.filePath(QStringLiteral("empty.sqlite"))));
    ui::ChartsView view(&session);
    view.resize(1400, 900);
    view.show();
    for (const char *key : {"pyramid", "lifecycle", "rfm", "followUp", "migration"}) {
        auto *empty = view.findChild<QLabel *>(QStringLiteral("emptyState_") + QString::fromLatin1(key));
        ASSERT_NE(empty, nullptr) << key;
        EXPECT_TRUE(empty->isVisible()) << key;
        EXPECT_EQ(empty->text(), QStringLiteral("No classified customers yet")) << key;
    }
}

TEST(ChartsEmpty, EmptyChartsCannotBeExported)
{
    QTemporaryDir dir;
    ui::Session session;
    session.setToday(date("2026-06-30"));
    ASSERT_TRUE(session.open(dir.filePath(QStringLiteral("empty.sqlite"))));
    ui::ChartsView view(&session);
    auto *png = view.findChild<QToolButton *>(QStringLiteral("exportPngButton_pyramid"));
    auto *pdf = view.findChild<QToolButton *>(QStringLiteral("exportPdfButton_pyramid"));
    ASSERT_NE(png, nullptr);
    ASSERT_NE(pdf, nullptr);
    EXPECT_FALSE(png->isEnabled());
    EXPECT_FALSE(pdf->isEnabled());
}

TEST(ChartsEmpty, ClosedSessionShowsTheEmptyState)
{
    ui::Session session;
    ui::ChartsView view(&session);
    view.resize(1400, 900);
    view.show();
    auto *empty = view.findChild<QLabel *>(QStringLiteral("emptyState_pyramid"));
    ASSERT_NE(empty, nullptr);
    EXPECT_TRUE(empty->isVisible());
}

TEST_F(ChartsView, ABigDatabaseIsReadByAWorkerAndTheLatestOwnerWins)
{
    const test::BigDatabase everyFileIsBig;
    ui::ChartsView big(session.get());
    QSignalSpy loaded(&big, &ui::ChartsView::loaded);
    auto *model = big.findChild<ui::PyramidModel *>(QStringLiteral("pyramidModel"));
    ASSERT_NE(model, nullptr);
    EXPECT_TRUE(big.isLoading());
    EXPECT_EQ(cell(model, 3, ui::PyramidModel::CustomersColumn), 0); // nothing read yet
    ASSERT_TRUE(loaded.wait(10'000));
    EXPECT_FALSE(big.isLoading());
    EXPECT_EQ(cell(model, 0, ui::PyramidModel::CustomersColumn), 1); // as PyramidModelHoldsTheTeamsTiers
    EXPECT_EQ(cell(model, 3, ui::PyramidModel::CustomersColumn), 3);

    // Anna, then at once the whole team again: only the last choice is shown.
    auto *combo = big.findChild<QComboBox *>(QStringLiteral("chartsOwnerFilter"));
    ASSERT_NE(combo, nullptr);
    combo->setCurrentIndex(combo->findData(QStringLiteral("Anna")));
    EXPECT_TRUE(big.isLoading());
    combo->setCurrentIndex(combo->findData(QString()));
    ASSERT_TRUE(loaded.wait(10'000));
    QTest::qWait(200); // the answer for Anna, if it came late, must change nothing
    EXPECT_EQ(loaded.count(), 2);
    EXPECT_EQ(cell(model, 0, ui::PyramidModel::CustomersColumn), 1);
    EXPECT_EQ(cell(model, 3, ui::PyramidModel::CustomersColumn), 3);

    combo->setCurrentIndex(combo->findData(QStringLiteral("Anna")));
    ASSERT_TRUE(loaded.wait(10'000));
    EXPECT_EQ(cell(model, 0, ui::PyramidModel::CustomersColumn), 0);
    EXPECT_EQ(cell(model, 2, ui::PyramidModel::CustomersColumn), 1); // as OwnerFilterSurvivesAReload
}
