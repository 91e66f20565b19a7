#include "chartsview.h"

#include "backgroundread.h"
#include "chartmodels.h"
#include "format.h"
#include "messagebox.h"
#include "model/dates.h"
#include "model/labels.h"
#include "session.h"
#include "store/chartquery.h"
#include "store/customerquery.h"
#include "store/database.h"

#include <QAbstractButton>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBoxLayout>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QScatterSeries>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBarModelMapper>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <functional>

namespace tierdesk::ui {
namespace {

// One calm palette for every chart: the value tiers from strong (A) to muted (D); priority
// classes 1–4 reuse the tier colours (a buyer without a grade takes its tier's class), S is the
// one warm accent, and "ungraded" is a neutral grey.
namespace palette {
const QColor kTier[4] = {QColor(0x1f, 0x4e, 0x79), QColor(0x2f, 0x75, 0xb5), QColor(0x8d, 0xb4, 0xe2),
                         QColor(0xc5, 0xcf, 0xda)};
const QColor kUrgent(0xc0, 0x50, 0x4d);
const QColor kUngraded(0xdc, 0xd6, 0xcc);
const QColor kLifecycle(0x2f, 0x75, 0xb5);
const QColor kUp(0x4e, 0x9a, 0x6b);
const QColor kDown = kUrgent;
const QColor kSame(0x8c, 0x99, 0xa6);
const QColor kCellEmpty(0xf3, 0xf5, 0xf7);
const QColor kText(0x1b, 0x27, 0x33);
const QColor kMutedText(0x5f, 0x6b, 0x76);
const QColor kCardBorder(0xd8, 0xdd, 0xe3);

QColor priority(int cls)
{
    if (cls == 0)
        return kUrgent;
    if (cls >= 1 && cls <= 4)
        return kTier[cls - 1];
    return kUngraded;
}

/// The segment map's scale, light blue to tier A's blue (0–1).
QColor heat(double t);

/// `base` blended into the empty-cell colour: 0 → empty, 1 → base.
QColor scale(const QColor &base, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    auto mix = [t](int from, int to) { return int(std::lround(from + (to - from) * t)); };
    return QColor(mix(kCellEmpty.red(), base.red()), mix(kCellEmpty.green(), base.green()),
                  mix(kCellEmpty.blue(), base.blue()));
}
QColor heat(double t)
{
    static const QColor light(0xdc, 0xe8, 0xf5);
    static const QColor middle(0x6f, 0xa0, 0xd0);
    t = std::clamp(t, 0.0, 1.0);
    const QColor &from = t < 0.5 ? light : middle;
    const QColor &to = t < 0.5 ? middle : kTier[0];
    const double u = t < 0.5 ? t * 2 : (t - 0.5) * 2;
    auto mix = [u](int a, int b) { return int(std::lround(a + (b - a) * u)); };
    return QColor(mix(from.red(), to.red()), mix(from.green(), to.green()), mix(from.blue(), to.blue()));
}
} // namespace palette

QString number(qint64 n)
{
    return QLocale().toString(n);
}

/// A grid cell drawn as a rounded tile whose colour says how many customers it holds, with the
/// count (and, for the segment map, the segment's name) on it.
class HeatCellDelegate final : public QStyledItemDelegate {
public:
    HeatCellDelegate(std::function<QColor(const QModelIndex &)> color, int captionRole, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_color(std::move(color))
        , m_captionRole(captionRole)
    {}

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QRectF tile = QRectF(option.rect).adjusted(2, 2, -2, -2);
        const QColor background = m_color(index);
        painter->setPen(Qt::NoPen);
        painter->setBrush(background);
        painter->drawRoundedRect(tile, 4, 4);
        if (option.state & QStyle::State_HasFocus) {
            painter->setPen(QPen(palette::kText, 1.5, Qt::DotLine));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(tile.adjusted(2, 2, -2, -2), 3, 3);
        }
        const bool dark = background.lightnessF() < 0.6;
        const QColor ink = dark ? QColor(Qt::white) : palette::kText;
        const QString count = number(index.data(Qt::DisplayRole).toLongLong());
        const QString caption = m_captionRole >= 0 ? index.data(m_captionRole).toString() : QString();

        QFont big = option.font;
        big.setBold(true);
        big.setPointSizeF(big.pointSizeF() * 1.25);
        const QFontMetricsF bigMetrics(big);
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.85);
        const QFontMetricsF smallMetrics(small);
        const QRectF text = tile.adjusted(4, 2, -4, -2);
        const bool withCaption =
            !caption.isEmpty() && text.height() >= bigMetrics.height() + smallMetrics.height();
        const qreal blockHeight = bigMetrics.height() + (withCaption ? smallMetrics.height() : 0);
        const qreal top = text.top() + (text.height() - blockHeight) / 2;

        painter->setPen(ink);
        painter->setFont(big);
        painter->drawText(QRectF(text.left(), top, text.width(), bigMetrics.height()), Qt::AlignCenter,
                          count);
        if (withCaption) {
            painter->setFont(small);
            QColor captionInk = ink;
            captionInk.setAlphaF(dark ? 0.9 : 0.75);
            painter->setPen(captionInk);
            painter->drawText(
                QRectF(text.left(), top + bigMetrics.height(), text.width(), smallMetrics.height()),
                Qt::AlignCenter, smallMetrics.elidedText(caption, Qt::ElideRight, text.width()));
        }
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QSize base = QStyledItemDelegate::sizeHint(option, index);
        return QSize(std::max(base.width(), 90), std::max(base.height(), 48));
    }

private:
    std::function<QColor(const QModelIndex &)> m_color;
    int m_captionRole;
};

/// The rows of a model upside down: a horizontal bar chart draws its first category at the
/// bottom, and the pyramid wants tier A on top.
class ReversedRowsProxy final : public QSortFilterProxyModel {
public:
    explicit ReversedRowsProxy(QAbstractItemModel *source, QObject *parent)
        : QSortFilterProxyModel(parent)
    {
        setSourceModel(source);
        sort(0);
    }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        return left.row() > right.row();
    }
};

QChartView *chartView(QChart *chart, const QString &objectName)
{
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setLocalizeNumbers(true);
    chart->legend()->setVisible(false);
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    auto *view = new QChartView(chart);
    view->setBackgroundBrush(Qt::white);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setFocusPolicy(Qt::NoFocus); // nothing to do in a chart with the keyboard
    view->setMinimumHeight(300);
    view->setFrameShape(QFrame::NoFrame);
    return view;
}

/// A grid's headers: the section's text in the muted colour on the card's white, no button look.
class FlatHeader final : public QHeaderView {
public:
    explicit FlatHeader(Qt::Orientation orientation, QWidget *parent)
        : QHeaderView(orientation, parent)
    {}

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override
    {
        if (!rect.isValid())
            return;
        painter->save();
        painter->fillRect(rect, Qt::white);
        painter->setPen(palette::kMutedText);
        const auto alignment =
            Qt::Alignment(model()->headerData(logicalIndex, orientation(), Qt::TextAlignmentRole).toInt());
        painter->drawText(rect.adjusted(6, 2, -6, -2),
                          int(alignment ? alignment : defaultAlignment()) | Qt::TextSingleLine,
                          model()->headerData(logicalIndex, orientation(), Qt::DisplayRole).toString());
        painter->restore();
    }
    QSize sectionSizeFromContents(int logicalIndex) const override
    {
        return QHeaderView::sectionSizeFromContents(logicalIndex) + QSize(8, 4);
    }
};

// The cards and grids are painted by the widgets themselves, not by style sheets: a style sheet
// on each card (and on each grid) had every widget inside it polished and drawn through
// QStyleSheetStyle, which was most of the first switch to the page.

/// A card: a white panel with a thin rounded border.
class CardFrame final : public QFrame {
public:
    CardFrame() { setFrameShape(QFrame::NoFrame); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(palette::kCardBorder, 1));
        painter.setBrush(Qt::white);
        painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    }
};

QTableView *gridView(const QString &objectName)
{
    auto *view = new QTableView;
    view->setObjectName(objectName);
    view->setHorizontalHeader(new FlatHeader(Qt::Horizontal, view));
    view->setVerticalHeader(new FlatHeader(Qt::Vertical, view));
    QPalette white = view->palette();
    for (QPalette::ColorRole role : {QPalette::Base, QPalette::Window, QPalette::Button})
        white.setColor(role, Qt::white);
    view->setPalette(white);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->setShowGrid(false);
    view->setFrameShape(QFrame::NoFrame);
    view->setFocusPolicy(Qt::StrongFocus);
    view->setMinimumHeight(300);
    view->setCornerButtonEnabled(false);
    // The corner between the headers is a button that draws itself as a header section: one
    // small style sheet makes it blank.
    if (auto *corner = view->findChild<QAbstractButton *>())
        corner->setStyleSheet(
            QStringLiteral("QTableCornerButton::section { background: white; border: none; }"));
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    view->horizontalHeader()->setHighlightSections(false);
    view->verticalHeader()->setHighlightSections(false);
    view->verticalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return view;
}

/// A value axis from 0 to a little above `max`, with whole-number ticks.
void fitValueAxis(QValueAxis *axis, qint64 max)
{
    axis->setRange(0, double(std::max<qint64>(max, 4)));
    axis->applyNiceNumbers();
    axis->setLabelFormat(QStringLiteral("%.0f"));
}

void styleSet(QBarSet *set, const QColor &color)
{
    set->setColor(color);
    set->setBorderColor(color.alpha() == 0 ? color : color.darker(115));
    set->setLabelColor(palette::kText);
}

} // namespace

// --- export ----------------------------------------------------------------------------------

bool exportPng(QWidget *chart, const QString &path)
{
    if (!chart || path.isEmpty() || chart->size().isEmpty())
        return false;
    const QPixmap image = chart->grab();
    return !image.isNull() && image.save(path, "PNG");
}

bool exportPdf(QWidget *chart, const QString &path)
{
    if (!chart || path.isEmpty() || chart->size().isEmpty())
        return false;
    // The chart is drawn into an image at print resolution first: Qt Charts draws its legend
    // only in part on a vector device (PDF, QPicture), and a chart without its legend misleads.
    constexpr qreal kPrintScale = 3;
    QImage image(chart->size() * kPrintScale, QImage::Format_RGB32);
    image.setDevicePixelRatio(kPrintScale);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        chart->render(&painter, QPoint(), QRegion(), QWidget::DrawWindowBackground | QWidget::DrawChildren);
    }
    QPdfWriter writer(path);
    writer.setCreator(QStringLiteral("TierDesk"));
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                     QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
    writer.setResolution(300);
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    const QSizeF page(writer.width(), writer.height());
    const QSizeF size = QSizeF(chart->size()).scaled(page, Qt::KeepAspectRatio);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(QRectF(QPointF((page.width() - size.width()) / 2, 0), size), image);
    if (!painter.end())
        return false;
    return QFileInfo(path).size() > 0;
}

// --- ChartsView ------------------------------------------------------------------------------

ChartsView::ChartsView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_pyramidModel(new PyramidModel(this))
    , m_lifecycleModel(new LifecycleModel(this))
    , m_rfmModel(new RfmGridModel(this))
    , m_followUpModel(new FollowUpModel(14, this))
    , m_migrationModel(new MigrationModel(this))
{
    setObjectName(QStringLiteral("chartsView"));
    m_pyramidModel->setObjectName(QStringLiteral("pyramidModel"));
    m_lifecycleModel->setObjectName(QStringLiteral("lifecycleModel"));
    m_rfmModel->setObjectName(QStringLiteral("rfmGridModel"));
    m_followUpModel->setObjectName(QStringLiteral("followUpModel"));
    m_migrationModel->setObjectName(QStringLiteral("migrationModel"));
    m_keys = {QStringLiteral("pyramid"), QStringLiteral("lifecycle"), QStringLiteral("rfm"),
              QStringLiteral("followUp"), QStringLiteral("migration")};

    // The filter bar.
    m_asOf = new QLabel;
    m_asOf->setObjectName(QStringLiteral("chartsAsOfLabel"));
    m_ownerFilter = new QComboBox;
    m_ownerFilter->setObjectName(QStringLiteral("chartsOwnerFilter"));
    m_ownerFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_ownerFilter->setMinimumContentsLength(12);
    auto *ownerLabel = new QLabel(tr("&Owner:"));
    ownerLabel->setBuddy(m_ownerFilter);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_asOf, 1);
    bar->addWidget(ownerLabel);
    bar->addWidget(m_ownerFilter);

    // The cards.
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("chartsContent"));
    m_grid = new QGridLayout(content);
    m_grid->setSpacing(12);
    m_grid->setContentsMargins(0, 0, 0, 0);
    buildCard(Pyramid, m_keys[Pyramid], tr("Value pyramid"), buildPyramid());
    buildCard(Lifecycle, m_keys[Lifecycle], tr("Lifecycle stages"), buildLifecycle());
    buildCard(Rfm, m_keys[Rfm], tr("RFM segment map"), buildRfmGrid());
    buildCard(FollowUp, m_keys[FollowUp], tr("Follow-up load, next 14 days"), buildFollowUp());
    buildCard(Migration, m_keys[Migration], tr("Tier migration since last month"), buildMigration());

    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("chartsScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(scroll, 1);

    connect(m_ownerFilter, &QComboBox::currentIndexChanged, this, [this] { refreshCharts(); });

    connect(m_session, &Session::customersChanged, this, &ChartsView::scheduleReload);
    connect(m_session, &Session::customerChanged, this, &ChartsView::scheduleReload);
    connect(m_session, &Session::settingsChanged, this, &ChartsView::scheduleReload);
    connect(m_session, &Session::opened, this, &ChartsView::scheduleReload);
    connect(m_session, &Session::closed, this, &ChartsView::scheduleReload);

    relayout();
    reload();
}

struct ChartsView::Data {
    Result<store::PyramidCounts> pyramid;
    Result<store::LifecycleCounts> lifecycle;
    Result<store::RfmCounts> grid;
    Result<store::FollowUpLoad> load;
    Result<store::TierMigration> migration;
};

namespace {

ChartsView::Data readCharts(store::Database &db, const QString &owner, QDate today, int days)
{
    store::ChartQuery query(db, owner);
    return ChartsView::Data{query.pyramid(), query.lifecycle(), query.rfmGrid(),
                            query.followUpLoad(today, days), query.migration(today)};
}

} // namespace

ChartsView::~ChartsView()
{
    stopRead(m_stopLoading);
}

QString ChartsView::ownerFilter() const
{
    return m_ownerFilter->currentData().toString();
}

void ChartsView::scheduleReload()
{
    // Many signals can arrive for one user action (a merge, an import): reload once, and only
    // when the page is on screen.
    if (m_reloadPending)
        return;
    m_reloadPending = true;
    if (isVisible())
        QTimer::singleShot(0, this, [this] {
            if (m_reloadPending)
                reload();
        });
}

void ChartsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_reloadPending)
        reload();
}

void ChartsView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void ChartsView::reload()
{
    m_reloadPending = false;
    reloadOwners();
    refreshCharts();
}

void ChartsView::reloadOwners()
{
    const QString current = ownerFilter();
    QStringList owners;
    if (m_session->isOpen()) {
        if (auto list = store::CustomerQuery(m_session->database()).owners())
            owners = *list;
    }
    const QSignalBlocker block(m_ownerFilter);
    m_ownerFilter->clear();
    m_ownerFilter->addItem(tr("Whole team"), QString());
    for (const QString &owner : std::as_const(owners))
        m_ownerFilter->addItem(owner, owner);
    m_ownerFilter->setCurrentIndex(std::max(0, m_ownerFilter->findData(current)));
}

void ChartsView::relayout()
{
    // Two columns once each card can be about 520 pixels wide; the follow-up load, with its 14
    // days, always takes a whole row.
    const int columns = width() >= 1100 ? 2 : 1;
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (const Card &card : m_cards)
        m_grid->removeWidget(card.frame);
    if (columns == 2) {
        m_grid->addWidget(m_cards[Pyramid].frame, 0, 0);
        m_grid->addWidget(m_cards[Lifecycle].frame, 0, 1);
        m_grid->addWidget(m_cards[FollowUp].frame, 1, 0, 1, 2);
        m_grid->addWidget(m_cards[Rfm].frame, 2, 0);
        m_grid->addWidget(m_cards[Migration].frame, 2, 1);
    } else {
        const Chart order[] = {Pyramid, Lifecycle, FollowUp, Rfm, Migration};
        for (int i = 0; i < ChartCount; ++i)
            m_grid->addWidget(m_cards[order[i]].frame, i, 0);
    }
    m_grid->setColumnStretch(0, 1);
    m_grid->setColumnStretch(1, columns == 2 ? 1 : 0);
}

QWidget *ChartsView::buildCard(Chart chart, const QString &key, const QString &title, QWidget *content)
{
    Card &card = m_cards[chart];
    auto *frame = new CardFrame;
    frame->setObjectName(QStringLiteral("chartCard_") + key);
    frame->setFocusPolicy(Qt::NoFocus);

    auto *area = new QWidget;
    area->setObjectName(QStringLiteral("chartExportArea_") + key);
    area->setAutoFillBackground(true);
    QPalette white = area->palette();
    white.setColor(QPalette::Window, Qt::white);
    area->setPalette(white);
    auto *titleLabel = new QLabel(title);
    titleLabel->setObjectName(QStringLiteral("chartTitle_") + key);
    QFont titleFont = titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleLabel->setFont(titleFont);
    card.subtitle = new QLabel;
    card.subtitle->setObjectName(QStringLiteral("chartSubtitle_") + key);
    card.subtitle->setWordWrap(true);
    QPalette muted = card.subtitle->palette();
    muted.setColor(QPalette::WindowText, palette::kMutedText);
    card.subtitle->setPalette(muted);
    card.empty = new QLabel;
    card.empty->setObjectName(QStringLiteral("emptyState_") + key);
    card.empty->setAlignment(Qt::AlignCenter);
    card.empty->setWordWrap(true);
    card.empty->setPalette(muted);
    card.empty->setMinimumHeight(300);
    card.stack = new QStackedWidget;
    card.stack->addWidget(content);
    card.stack->addWidget(card.empty);
    auto *areaLayout = new QVBoxLayout(area);
    areaLayout->setContentsMargins(12, 10, 12, 4);
    card.scope = new QLabel;
    card.scope->setObjectName(QStringLiteral("chartScope_") + key);
    card.scope->setPalette(muted);
    card.scope->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(titleLabel, 1);
    titleRow->addWidget(card.scope);
    areaLayout->addLayout(titleRow);
    areaLayout->addWidget(card.subtitle);
    areaLayout->addWidget(card.stack, 1);

    auto *png = new QToolButton;
    png->setObjectName(QStringLiteral("exportPngButton_") + key);
    png->setText(tr("Save as PNG…"));
    png->setToolTip(tr("Save “%1” as an image").arg(title));
    png->setAutoRaise(true);
    auto *pdf = new QToolButton;
    pdf->setObjectName(QStringLiteral("exportPdfButton_") + key);
    pdf->setText(tr("Save as PDF…"));
    pdf->setToolTip(tr("Save “%1” as a PDF page for printing").arg(title));
    pdf->setAutoRaise(true);
    connect(png, &QToolButton::clicked, this, [this, chart] { exportChart(chart, false); });
    connect(pdf, &QToolButton::clicked, this, [this, chart] { exportChart(chart, true); });
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(8, 0, 8, 6);
    buttons->addStretch(1);
    buttons->addWidget(png);
    buttons->addWidget(pdf);

    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    layout->addWidget(area, 1);
    layout->addLayout(buttons);

    card.frame = frame;
    card.png = png;
    card.pdf = pdf;
    card.exportArea = area;
    return frame;
}

QWidget *ChartsView::buildPyramid()
{
    // A horizontal stacked series: an invisible padding set centres each tier's bar, and each
    // tier is a set of its own so that it keeps its colour.
    auto *series = new QHorizontalStackedBarSeries;
    series->setBarWidth(0.82);
    auto *mapper = new QVBarModelMapper(this);
    mapper->setFirstBarSetColumn(PyramidModel::PaddingColumn);
    mapper->setLastBarSetColumn(PyramidModel::TierDBarColumn);
    mapper->setFirstRow(0);
    mapper->setRowCount(m_pyramidModel->rowCount());
    mapper->setSeries(series);
    mapper->setModel(new ReversedRowsProxy(m_pyramidModel, this));
    auto style = [series] {
        const QList<QBarSet *> sets = series->barSets();
        for (qsizetype i = 0; i < sets.size(); ++i)
            styleSet(sets[i],
                     i == 0 ? QColor(Qt::transparent) : palette::kTier[std::min<qsizetype>(i - 1, 3)]);
    };
    style();
    connect(series, &QAbstractBarSeries::barsetsAdded, this, style);
    connect(series, &QAbstractBarSeries::hovered, this, [this](bool on, int index, QBarSet *) {
        const int row = m_pyramidModel->rowCount() - 1 - index; // the chart shows D first
        if (on && row >= 0 && row < m_pyramidModel->rowCount())
            QToolTip::showText(QCursor::pos(), m_pyramidModel->index(row, PyramidModel::TierColumn)
                                                   .data(PyramidModel::SummaryRole)
                                                   .toString());
        else
            QToolTip::hideText();
    });

    auto *chart = new QChart;
    chart->addSeries(series);
    m_pyramidTiers = new QBarCategoryAxis;
    m_pyramidTiers->setTruncateLabels(false);
    m_pyramidTiers->setGridLineVisible(false);
    m_pyramidTiers->setLineVisible(false);
    m_pyramidTiers->setLabelsColor(palette::kText);
    chart->addAxis(m_pyramidTiers, Qt::AlignLeft);
    series->attachAxis(m_pyramidTiers);
    m_pyramidValues = new QValueAxis;
    m_pyramidValues->setVisible(false);
    chart->addAxis(m_pyramidValues, Qt::AlignBottom);
    series->attachAxis(m_pyramidValues);
    return chartView(chart, QStringLiteral("pyramidChart"));
}

QWidget *ChartsView::buildLifecycle()
{
    auto *series = new QBarSeries;
    series->setBarWidth(0.6);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(12);
    auto *mapper = new QVBarModelMapper(this);
    mapper->setFirstBarSetColumn(LifecycleModel::CustomersColumn);
    mapper->setLastBarSetColumn(LifecycleModel::CustomersColumn);
    mapper->setFirstRow(0);
    mapper->setRowCount(m_lifecycleModel->rowCount());
    mapper->setSeries(series);
    mapper->setModel(m_lifecycleModel);
    auto style = [series] {
        for (QBarSet *set : series->barSets())
            styleSet(set, palette::kLifecycle);
    };
    style();
    connect(series, &QAbstractBarSeries::barsetsAdded, this, style);

    auto *chart = new QChart;
    chart->addSeries(series);
    m_lifecycleStages = new QBarCategoryAxis;
    m_lifecycleStages->setGridLineVisible(false);
    m_lifecycleStages->setLabelsColor(palette::kText);
    QStringList stages;
    for (int row = 0; row < m_lifecycleModel->rowCount(); ++row)
        stages << m_lifecycleModel->index(row, LifecycleModel::StageColumn).data().toString();
    m_lifecycleStages->setCategories(stages);
    chart->addAxis(m_lifecycleStages, Qt::AlignBottom);
    series->attachAxis(m_lifecycleStages);
    m_lifecycleValues = new QValueAxis;
    m_lifecycleValues->setLabelsColor(palette::kMutedText);
    m_lifecycleValues->setGridLineColor(palette::kCardBorder);
    chart->addAxis(m_lifecycleValues, Qt::AlignLeft);
    series->attachAxis(m_lifecycleValues);
    return chartView(chart, QStringLiteral("lifecycleChart"));
}

QWidget *ChartsView::buildRfmGrid()
{
    auto *view = gridView(QStringLiteral("rfmGrid"));
    view->setModel(m_rfmModel);
    view->setItemDelegate(new HeatCellDelegate(
        [](const QModelIndex &index) {
            const double t = index.data(RfmGridModel::IntensityRole).toDouble();
            // The square root lifts the small cells off the background without flattening the
            // big ones.
            return index.data(RfmGridModel::CountRole).toLongLong() == 0 ? palette::kCellEmpty
                                                                         : palette::heat(std::sqrt(t));
        },
        RfmGridModel::SegmentRole, view));
    return view;
}

QWidget *ChartsView::buildFollowUp()
{
    auto *series = new QStackedBarSeries;
    series->setBarWidth(0.7);
    auto *mapper = new QVBarModelMapper(this);
    mapper->setFirstBarSetColumn(FollowUpModel::Class0Column);
    mapper->setLastBarSetColumn(FollowUpModel::Class5Column);
    mapper->setFirstRow(0);
    mapper->setRowCount(m_followUpModel->rowCount());
    mapper->setSeries(series);
    mapper->setModel(m_followUpModel);
    auto style = [series] {
        const QList<QBarSet *> sets = series->barSets();
        for (qsizetype i = 0; i < sets.size(); ++i)
            styleSet(sets[i], palette::priority(int(i)));
    };
    style();
    connect(series, &QAbstractBarSeries::barsetsAdded, this, style);
    connect(series, &QAbstractBarSeries::hovered, this, [this, series](bool on, int index, QBarSet *set) {
        const int cls = int(series->barSets().indexOf(set));
        if (on && cls >= 0 && index >= 0 && index < m_followUpModel->rowCount())
            QToolTip::showText(QCursor::pos(),
                               m_followUpModel->index(index, FollowUpModel::Class0Column + cls)
                                   .data(Qt::ToolTipRole)
                                   .toString());
        else
            QToolTip::hideText();
    });

    auto *chart = new QChart;
    chart->addSeries(series);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setLabelColor(palette::kText);
    m_followUpDays = new QBarCategoryAxis;
    m_followUpDays->setGridLineVisible(false);
    m_followUpDays->setTruncateLabels(false);
    m_followUpDays->setLabelsColor(palette::kText);
    chart->addAxis(m_followUpDays, Qt::AlignBottom);
    series->attachAxis(m_followUpDays);
    m_followUpValues = new QValueAxis;
    m_followUpValues->setLabelsColor(palette::kMutedText);
    m_followUpValues->setGridLineColor(palette::kCardBorder);
    chart->addAxis(m_followUpValues, Qt::AlignLeft);
    series->attachAxis(m_followUpValues);
    // Each day's total above its stack, as invisible points with labels: the first day's
    // backlog can dwarf the other days' bars, their numbers stay readable.
    m_followUpTotals = new QScatterSeries;
    m_followUpTotals->setMarkerSize(1);
    m_followUpTotals->setColor(Qt::transparent);
    m_followUpTotals->setBorderColor(Qt::transparent);
    m_followUpTotals->setPointLabelsVisible(true);
    m_followUpTotals->setPointLabelsFormat(QStringLiteral("@yPoint"));
    m_followUpTotals->setPointLabelsColor(palette::kText);
    m_followUpTotals->setPointLabelsClipping(false);
    chart->addSeries(m_followUpTotals);
    m_followUpTotals->attachAxis(m_followUpDays);
    m_followUpTotals->attachAxis(m_followUpValues);
    for (QLegendMarker *marker : chart->legend()->markers(m_followUpTotals))
        marker->setVisible(false);
    auto *view = chartView(chart, QStringLiteral("followUpChart"));
    chart->legend()->setVisible(true); // chartView() hides it for the single-series charts
    return view;
}

QWidget *ChartsView::buildMigration()
{
    auto *page = new QWidget;
    m_migrationSummary = new QLabel;
    m_migrationSummary->setObjectName(QStringLiteral("migrationSummary"));
    m_migrationSummary->setTextFormat(Qt::RichText);
    m_migrationSummary->setWordWrap(true);
    auto *view = gridView(QStringLiteral("migrationChart"));
    view->setModel(m_migrationModel);
    view->setItemDelegate(new HeatCellDelegate(
        [](const QModelIndex &index) {
            if (index.data(MigrationModel::CountRole).toLongLong() == 0)
                return palette::kCellEmpty;
            const double t = 0.15 + 0.85 * std::sqrt(index.data(MigrationModel::IntensityRole).toDouble());
            switch (MigrationModel::Change(index.data(MigrationModel::ChangeRole).toInt())) {
            case MigrationModel::Change::Up:
                return palette::scale(palette::kUp, t);
            case MigrationModel::Change::Down:
                return palette::scale(palette::kDown, t);
            case MigrationModel::Change::New:
                return palette::scale(palette::kTier[1], t);
            case MigrationModel::Change::Same:
                break;
            }
            return palette::scale(palette::kSame, 0.1 + 0.35 * t);
        },
        -1, view));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_migrationSummary);
    layout->addWidget(view, 1);
    return page;
}

void ChartsView::showChart(Chart chart, bool visible, const QString &emptyText)
{
    Card &card = m_cards[chart];
    card.empty->setText(emptyText);
    card.stack->setCurrentIndex(visible ? 0 : 1);
    // An empty card says only why it is empty, and has nothing to export.
    card.subtitle->setVisible(visible);
    card.png->setEnabled(visible);
    card.pdf->setEnabled(visible);
}

void ChartsView::refreshCharts()
{
    stopRead(m_stopLoading); // nobody waits for the previous read any more
    m_loading = false;
    const QString noData = tr("No classified customers yet");
    if (!m_session->isOpen()) {
        m_asOf->clear();
        for (int c = 0; c < ChartCount; ++c) {
            m_cards[c].subtitle->clear();
            m_cards[c].scope->clear();
            showChart(Chart(c), false, noData);
        }
        return;
    }
    const QDate today = m_session->today();
    m_asOf->setText(asOfText());
    const QString scope =
        tr("%1 · %2", "whose customers · as of which day")
            .arg(ownerFilter().isEmpty() ? tr("Whole team") : ownerFilter(), isoDate(today));
    for (Card &card : m_cards)
        card.scope->setText(scope);
    const QString path = m_session->database().path();
    const int days = m_followUpModel->rowCount();
    if (!m_session->worksInBackground()) {
        showData(readCharts(m_session->database(), ownerFilter(), today, days));
        return;
    }
    // A big database: a few hundred milliseconds of aggregates at a million customers, read by a
    // worker so that the page (and the rest of the window) answers meanwhile.
    m_loading = true;
    m_asOf->setText(tr("%1 · updating…", "as-of text · the charts are being read").arg(m_asOf->text()));
    m_stopLoading = readInBackground<Data>(
        this, path,
        [owner = ownerFilter(), today, days](store::Database &db) -> Result<Data> {
            return readCharts(db, owner, today, days);
        },
        [this](const Result<Data> &read) {
            m_stopLoading.reset();
            m_loading = false;
            m_asOf->setText(asOfText());
            if (read) {
                showData(*read);
            } else {
                const auto failed = std::unexpected(read.error());
                showData(Data{failed, failed, failed, failed, failed});
            }
            emit loaded();
        });
}

QString ChartsView::asOfText() const
{
    const auto run = m_session->lastRun();
    return run ? tr("Classified as of %1").arg(isoDate(run->asOf)) : tr("Not classified yet");
}

void ChartsView::showData(const Data &read)
{
    const QString noData = tr("No classified customers yet");
    const QLocale locale;
    const QDate today = m_session->today();
    const auto run = m_session->lastRun();
    const QString failed = tr("The chart could not be read: %1");

    // Value pyramid.
    const auto &pyramid = read.pyramid;
    const store::PyramidCounts counts = pyramid.value_or(store::PyramidCounts{});
    m_pyramidModel->setCounts(counts);
    QStringList tiers; // D first: the chart's first category is at the bottom
    for (int row = m_pyramidModel->rowCount() - 1; row >= 0; --row) {
        const auto tier = ValueTier(row);
        tiers << QStringLiteral("<b>%1</b><br>%2")
                     .arg(labels::valueTier(tier).toHtmlEscaped(),
                          tr("%n customer(s) · %1 % of revenue", nullptr,
                             int(counts.tiers[std::size_t(row)].customers))
                              .arg(locale.toString(m_pyramidModel->sharePercent(tier), 'f', 1))
                              .toHtmlEscaped());
    }
    m_pyramidTiers->setCategories(tiers);
    qint64 widest = 0;
    for (const store::TierTotals &t : counts.tiers)
        widest = std::max(widest, t.customers);
    m_pyramidValues->setRange(0, double(std::max<qint64>(widest, 1)));
    const qint64 customers = counts.customers();
    const bool hasData = pyramid && customers > 0;
    m_cards[Pyramid].subtitle->setText(
        tr("%n customer(s) · net sales of the last %1 days: %2", nullptr, int(customers))
            .arg(QString::number(m_session->settings().windowDays),
                 locale.toString(double(counts.revenue()) / 100.0, 'f', 0)));
    showChart(Pyramid, hasData, pyramid ? noData : failed.arg(pyramid.error().message));

    // Lifecycle.
    const auto &stages = read.lifecycle;
    m_lifecycleModel->setCounts(stages.value_or(store::LifecycleCounts{}));
    fitValueAxis(m_lifecycleValues,
                 stages ? *std::max_element(stages->begin(), stages->end()) * 11 / 10 : qint64(0));
    m_cards[Lifecycle].subtitle->setText(
        tr("Customers per stage as of %1. Declining customers are called at least every %2 days (win-back).")
            .arg(isoDate(run ? run->asOf : today), QString::number(m_session->settings().winBackDays)));
    showChart(Lifecycle, stages && hasData, stages ? noData : failed.arg(stages.error().message));

    // RFM segment map.
    const auto &grid = read.grid;
    m_rfmModel->setCounts(grid.value_or(store::RfmCounts{}), m_session->settings().segmentMap);
    const qint64 buyers = grid ? grid->total() : 0;
    m_cards[Rfm].subtitle->setText(tr("%n buyer(s) by recency (rows, 5 = bought most recently) and frequency "
                                      "(columns, 5 = buys most often)",
                                      nullptr, int(buyers)));
    if (!grid)
        showChart(Rfm, false, failed.arg(grid.error().message));
    else
        showChart(Rfm, buyers > 0,
                  hasData ? tr("No buyers yet: the map shows customers with orders.") : noData);

    // Follow-up load.
    const auto &load = read.load;
    m_followUpModel->setLoad(load.value_or(store::FollowUpLoad{}));
    QStringList days;
    QList<QPointF> totals;
    qint64 busiest = 0;
    for (int row = 0; row < m_followUpModel->rowCount(); ++row) {
        const QDate day = today.addDays(row);
        days << QStringLiteral("%1<br>%2")
                    .arg(day.toString(QStringLiteral("MM-dd")),
                         locale.dayName(day.dayOfWeek(), QLocale::ShortFormat));
        const qint64 due = m_followUpModel->index(row, FollowUpModel::TotalColumn).data().toLongLong();
        totals << QPointF(row, double(due));
        busiest = std::max(busiest, due);
    }
    m_followUpDays->setCategories(days);
    m_followUpTotals->replace(totals);
    fitValueAxis(m_followUpValues, busiest * 11 / 10); // room for the totals above the bars
    const qint64 overdue = load ? load->overdue : 0;
    m_cards[FollowUp].subtitle->setText(tr("%n customer(s) due in the next 14 days, by priority. Today's bar "
                                           "includes %1 overdue from earlier days.",
                                           nullptr, int(load ? load->total() : 0))
                                            .arg(number(overdue)));
    if (!load)
        showChart(FollowUp, false, failed.arg(load.error().message));
    else
        showChart(FollowUp, load->total() > 0, hasData ? tr("Nobody is due in the next 14 days.") : noData);

    // Tier migration.
    const auto &migration = read.migration;
    m_migrationModel->setMigration(migration.value_or(store::TierMigration{}));
    const QDate previous = today.addMonths(-1);
    const QString month = format::month(previous);
    m_cards[Migration].subtitle->setText(
        tr("Rows: the tier at the end of %1. Columns: the tier now.").arg(month));
    if (migration) {
        m_migrationSummary->setText(
            tr("<span style=\"color:%1\"><b>▲ %2</b> moved up</span> · "
               "<span style=\"color:%3\"><b>▼ %4</b> moved down</span> · <b>%5</b> stayed · <b>%6</b> new")
                .arg(palette::kUp.name(), number(migration->up()), palette::kDown.name(),
                     number(migration->down()), number(migration->stayed()), number(migration->newcomers())));
    }
    if (!migration)
        showChart(Migration, false, failed.arg(migration.error().message));
    else if (!hasData)
        showChart(Migration, false, noData);
    else
        showChart(Migration, migration->hasPrevious,
                  tr("Nothing to compare with yet: no classification was saved in %1. The migration "
                     "appears once customers have been classified in two consecutive months.")
                      .arg(month));
}

void ChartsView::exportChart(Chart chart, bool pdf)
{
    const QString key = m_keys[chart];
    const QString suffix = pdf ? QStringLiteral("pdf") : QStringLiteral("png");
    const QString name = QStringLiteral("tierdesk-%1-%2.%3").arg(key, isoDate(m_session->today()), suffix);
    const QString start = m_lastExportDir.isEmpty() ? name : QDir(m_lastExportDir).filePath(name);
    QString path =
        QFileDialog::getSaveFileName(this, pdf ? tr("Save chart as PDF") : tr("Save chart as PNG"), start,
                                     pdf ? tr("PDF documents (*.pdf)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().compare(suffix, Qt::CaseInsensitive) != 0)
        path += u'.' + suffix;
    m_lastExportDir = QFileInfo(path).absolutePath();
    QWidget *area = m_cards[chart].exportArea;
    const bool ok = pdf ? exportPdf(area, path) : exportPng(area, path);
    if (!ok)
        MessageBox::warning(this, tr("Chart not saved"),
                            tr("The chart could not be saved to %1. Check that the folder exists and "
                               "that you may write to it.")
                                .arg(QDir::toNativeSeparators(path)));
}

} // namespace tierdesk::ui
