#include "chartmodels.h"

#include "model/labels.h"

#include <QLocale>

#include <algorithm>

namespace tierdesk::ui {
namespace {

QString percent(double p)
{
    return QLocale().toString(p, 'f', 1);
}

bool isCell(const QAbstractItemModel *model, const QModelIndex &index)
{
    return index.isValid() && !index.parent().isValid() && index.row() < model->rowCount() &&
           index.column() < model->columnCount();
}

} // namespace

// --- PyramidModel ----------------------------------------------------------------------------

PyramidModel::PyramidModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PyramidModel::setCounts(const store::PyramidCounts &counts)
{
    m_counts = counts;
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

double PyramidModel::sharePercent(ValueTier tier) const
{
    const Cents revenue = m_counts.revenue();
    if (revenue <= 0)
        return 0;
    const Cents own = std::max<Cents>(m_counts.tiers[std::size_t(tier)].monetary, 0);
    return 100.0 * double(own) / double(revenue);
}

int PyramidModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 4;
}

int PyramidModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PyramidModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(this, index))
        return {};
    const int row = index.row();
    const auto tier = ValueTier(row);
    const store::TierTotals &t = m_counts.tiers[std::size_t(row)];
    const int column = index.column();
    if (role == SummaryRole || (role == Qt::ToolTipRole && column == TierColumn)) {
        return tr("%1 — %n customer(s) · %2 % of revenue", nullptr, int(t.customers))
            .arg(labels::valueTier(tier), percent(sharePercent(tier)));
    }
    if (role == Qt::TextAlignmentRole)
        return column == TierColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (column) {
    case TierColumn:
        return labels::valueTier(tier);
    case CustomersColumn:
        return qlonglong(t.customers);
    case RevenueColumn:
        return double(t.monetary) / 100.0;
    case ShareColumn:
        return sharePercent(tier);
    case PaddingColumn: {
        qint64 widest = 0;
        for (const store::TierTotals &other : m_counts.tiers)
            widest = std::max(widest, other.customers);
        return double(widest - t.customers) / 2.0;
    }
    default:
        return qlonglong(column - TierABarColumn == row ? t.customers : 0);
    }
}

QVariant PyramidModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section >= 0 && section < rowCount() ? labels::valueTier(ValueTier(section)) : QVariant();
    switch (section) {
    case TierColumn:
        return tr("Value tier");
    case CustomersColumn:
        return tr("Customers");
    case RevenueColumn:
        return tr("Revenue");
    case ShareColumn:
        return tr("Share of revenue (%)");
    case PaddingColumn:
        return QString();
    case TierABarColumn:
    case TierBBarColumn:
    case TierCBarColumn:
    case TierDBarColumn:
        return labels::valueTier(ValueTier(section - TierABarColumn));
    default:
        return {};
    }
}

// --- LifecycleModel --------------------------------------------------------------------------

LifecycleModel::LifecycleModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void LifecycleModel::setCounts(const store::LifecycleCounts &counts)
{
    m_counts = counts;
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

qint64 LifecycleModel::total() const
{
    qint64 n = 0;
    for (qint64 c : m_counts)
        n += c;
    return n;
}

int LifecycleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_counts.size());
}

int LifecycleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LifecycleModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(this, index))
        return {};
    const auto stage = Lifecycle(index.row());
    const qint64 n = m_counts[std::size_t(index.row())];
    const qint64 all = total();
    const double share = all > 0 ? 100.0 * double(n) / double(all) : 0.0;
    if (role == Qt::ToolTipRole)
        return tr("%1: %n customer(s), %2 %", nullptr, int(n)).arg(labels::lifecycle(stage), percent(share));
    if (role == Qt::TextAlignmentRole)
        return index.column() == StageColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case StageColumn:
        return labels::lifecycle(stage);
    case CustomersColumn:
        return qlonglong(n);
    case ShareColumn:
        return share;
    default:
        return {};
    }
}

QVariant LifecycleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section >= 0 && section < rowCount() ? labels::lifecycle(Lifecycle(section)) : QVariant();
    switch (section) {
    case StageColumn:
        return tr("Lifecycle stage");
    case CustomersColumn:
        return tr("Customers");
    case ShareColumn:
        return tr("Share (%)");
    default:
        return {};
    }
}

// --- RfmGridModel ----------------------------------------------------------------------------

RfmGridModel::RfmGridModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RfmGridModel::setCounts(const store::RfmCounts &counts,
                             const std::array<std::array<Segment, 5>, 5> &segmentMap)
{
    m_counts = counts;
    m_segments = segmentMap;
    m_max = 0;
    for (const auto &row : m_counts.counts)
        for (qint64 c : row)
            m_max = std::max(m_max, c);
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int RfmGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 5;
}

int RfmGridModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RfmGridModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(this, index))
        return {};
    const int r = rScore(index.row());
    const int f = fScore(index.column());
    const qint64 n = m_counts.counts[std::size_t(r - 1)][std::size_t(f - 1)];
    const Segment segment = m_segments[std::size_t(r - 1)][std::size_t(f - 1)];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case CountRole:
        return qlonglong(n);
    case SegmentRole:
        return labels::segment(segment);
    case IntensityRole:
        return m_max > 0 ? double(n) / double(m_max) : 0.0;
    case RScoreRole:
        return r;
    case FScoreRole:
        return f;
    case Qt::ToolTipRole:
        return tr("R %1 · F %2 — %3: %n buyer(s)", nullptr, int(n))
            .arg(QString::number(r), QString::number(f), labels::segment(segment));
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignCenter);
    default:
        return {};
    }
}

QVariant RfmGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0 || section >= 5)
        return {};
    if (orientation == Qt::Horizontal)
        return tr("F %1", "frequency score").arg(fScore(section));
    return tr("R %1", "recency score").arg(rScore(section));
}

// --- FollowUpModel ---------------------------------------------------------------------------

FollowUpModel::FollowUpModel(int days, QObject *parent)
    : QAbstractTableModel(parent)
    , m_days(std::max(days, 1))
{}

void FollowUpModel::setLoad(const store::FollowUpLoad &load)
{
    m_load = load;
    m_load.days.resize(std::size_t(m_days));
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
}

QString FollowUpModel::dayLabel(QDate day)
{
    if (!day.isValid())
        return {};
    const QLocale locale;
    return QStringLiteral("%1 %2").arg(day.toString(QStringLiteral("MM-dd")),
                                       locale.dayName(day.dayOfWeek(), QLocale::ShortFormat));
}

int FollowUpModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_days;
}

int FollowUpModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FollowUpModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(this, index))
        return {};
    const std::size_t row = std::size_t(index.row());
    const store::FollowUpDay day = row < m_load.days.size() ? m_load.days[row] : store::FollowUpDay{};
    const int column = index.column();
    if (role == DateRole)
        return day.day;
    if (role == Qt::TextAlignmentRole)
        return column == DayColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && column >= Class0Column && column <= Class5Column) {
        const qint64 n = day.byClass[std::size_t(column - Class0Column)];
        return tr("%1, %2: %n customer(s) due", nullptr, int(n))
            .arg(dayLabel(day.day), labels::priorityClass(column - Class0Column));
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (column) {
    case DayColumn:
        return dayLabel(day.day);
    case TotalColumn:
        return qlonglong(day.total());
    default:
        return qlonglong(day.byClass[std::size_t(column - Class0Column)]);
    }
}

QVariant FollowUpModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_days)
            return {};
        const std::size_t row = std::size_t(section);
        return row < m_load.days.size() ? dayLabel(m_load.days[row].day) : QString();
    }
    switch (section) {
    case DayColumn:
        return tr("Day");
    case TotalColumn:
        return tr("Total");
    default:
        if (section >= Class0Column && section <= Class5Column)
            return labels::priorityClass(section - Class0Column);
        return {};
    }
}

// --- MigrationModel --------------------------------------------------------------------------

MigrationModel::MigrationModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MigrationModel::setMigration(const store::TierMigration &migration)
{
    m_migration = migration;
    m_maxMoved = 0;
    m_maxStayed = 0;
    for (int row = 0; row < RowCount; ++row) {
        for (int column = 0; column < ColumnCount; ++column) {
            qint64 &max = change(row, column) == Change::Same ? m_maxStayed : m_maxMoved;
            max = std::max(max, count(row, column));
        }
    }
    emit dataChanged(index(0, 0), index(RowCount - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Vertical, 0, RowCount - 1);
}

MigrationModel::Change MigrationModel::change(int row, int column)
{
    if (row == NewRow)
        return Change::New;
    if (column == row)
        return Change::Same;
    return column < row ? Change::Up : Change::Down;
}

qint64 MigrationModel::count(int row, int column) const
{
    if (row == NewRow)
        return m_migration.arrivals[std::size_t(column)];
    return m_migration.moves[std::size_t(row)][std::size_t(column)];
}

int MigrationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : RowCount;
}

int MigrationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MigrationModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(this, index))
        return {};
    const int row = index.row();
    const int column = index.column();
    const qint64 n = count(row, column);
    const Change how = change(row, column);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case CountRole:
        return qlonglong(n);
    case ChangeRole:
        return int(how);
    case IntensityRole: {
        const qint64 max = how == Change::Same ? m_maxStayed : m_maxMoved;
        return max > 0 ? double(n) / double(max) : 0.0;
    }
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignCenter);
    case Qt::ToolTipRole: {
        const QString to = labels::valueTier(ValueTier(column));
        switch (how) {
        case Change::Same:
            return tr("%n customer(s) stayed in %1", nullptr, int(n)).arg(to);
        case Change::Up:
            return tr("%n customer(s) moved up from %1 to %2", nullptr, int(n))
                .arg(labels::valueTier(ValueTier(row)), to);
        case Change::Down:
            return tr("%n customer(s) moved down from %1 to %2", nullptr, int(n))
                .arg(labels::valueTier(ValueTier(row)), to);
        case Change::New:
            return tr("%n new customer(s) in %1 (not classified last month)", nullptr, int(n)).arg(to);
        }
        return {};
    }
    default:
        return {};
    }
}

QVariant MigrationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= ColumnCount)
            return {};
        return tr("Now %1", "tier now").arg(labels::valueTier(ValueTier(section)));
    }
    if (section == NewRow)
        return tr("New", "customers without a tier last month");
    if (section < 0 || section >= RowCount)
        return {};
    return tr("Was %1", "tier last month").arg(labels::valueTier(ValueTier(section)));
}

} // namespace tierdesk::ui
