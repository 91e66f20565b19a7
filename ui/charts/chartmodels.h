#pragma once

#include "model/types.h"
#include "store/chartquery.h"

#include <QAbstractTableModel>
#include <QDate>

#include <array>

// The table models behind the managers' charts. Each holds the plain result of one
// store::ChartQuery aggregate (the view fills them; they never run SQL) and exposes numbers in
// Qt::DisplayRole for the Qt Charts model mappers, with labels from model/labels.h. Their shapes
// are fixed, so a refresh is a dataChanged, which the mappers apply to the existing bar sets.

namespace tierdesk::ui {

/// The value pyramid: one row per tier, A first.
class PyramidModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TierColumn,      ///< "A · Key"
        CustomersColumn, ///< customers in the tier
        RevenueColumn,   ///< the tier's net spend in the window, in currency units
        ShareColumn,     ///< the tier's share of revenue, in percent (0–100)
        /// Half the gap to the widest tier, so that a stacked bar series centres the tiers
        /// into a pyramid.
        PaddingColumn,
        /// The tier's customers on its own row and 0 on the others, so that each tier is a bar
        /// set of its own (and keeps its own colour) in a stacked series.
        TierABarColumn,
        TierBBarColumn,
        TierCBarColumn,
        TierDBarColumn,
        ColumnCount
    };
    enum Role {
        /// One line for the chart: "A · Key — 264 customers · 55.8 % of revenue".
        SummaryRole = Qt::UserRole + 1,
    };

    explicit PyramidModel(QObject *parent = nullptr);

    void setCounts(const store::PyramidCounts &counts);
    const store::PyramidCounts &counts() const { return m_counts; }
    /// The tier's share of revenue in percent; 0 when there is no revenue.
    double sharePercent(ValueTier tier) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    store::PyramidCounts m_counts;
};

/// Customers per lifecycle stage: one row per stage, in the order of the lifecycle.
class LifecycleModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        StageColumn,     ///< "Growth"
        CustomersColumn, ///< customers in the stage
        ShareColumn,     ///< share of all customers, in percent
        ColumnCount
    };

    explicit LifecycleModel(QObject *parent = nullptr);

    void setCounts(const store::LifecycleCounts &counts);
    const store::LifecycleCounts &counts() const { return m_counts; }
    qint64 total() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    store::LifecycleCounts m_counts{};
};

/// The RFM segment map: buyers by recency (rows, R 5 at the top) and frequency (columns, F 1
/// on the left), each cell named by the team's segment map.
class RfmGridModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { F1Column, F2Column, F3Column, F4Column, F5Column, ColumnCount };
    enum Role {
        SegmentRole = Qt::UserRole + 1, ///< the cell's segment name (QString)
        CountRole,                      ///< buyers in the cell (qint64)
        IntensityRole,                  ///< the count relative to the fullest cell, 0–1 (double)
        RScoreRole,                     ///< 1–5
        FScoreRole,                     ///< 1–5
    };

    explicit RfmGridModel(QObject *parent = nullptr);

    void setCounts(const store::RfmCounts &counts, const std::array<std::array<Segment, 5>, 5> &segmentMap);
    const store::RfmCounts &counts() const { return m_counts; }
    /// The R score shown on `row` (5 on row 0) and the F score of `column` (1 on column 0).
    static int rScore(int row) { return 5 - row; }
    static int fScore(int column) { return column + 1; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    store::RfmCounts m_counts;
    std::array<std::array<Segment, 5>, 5> m_segments{};
    qint64 m_max = 0;
};

/// The follow-up load: one row per day from today, customers due by priority class.
class FollowUpModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        DayColumn, ///< "06-30 Tue"
        Class0Column,
        Class1Column,
        Class2Column,
        Class3Column,
        Class4Column,
        Class5Column,
        TotalColumn,
        ColumnCount
    };
    enum Role {
        DateRole = Qt::UserRole + 1, ///< the day (QDate), on every column
    };

    /// Always `days` rows, so that the chart keeps its categories when the numbers change.
    explicit FollowUpModel(int days = 14, QObject *parent = nullptr);

    /// Takes the first `rowCount()` days of `load` (missing days count zero).
    void setLoad(const store::FollowUpLoad &load);
    const store::FollowUpLoad &load() const { return m_load; }
    qint64 total() const { return m_load.total(); }
    qint64 overdue() const { return m_load.overdue; }
    /// "06-30 Tue", in the user's language.
    static QString dayLabel(QDate day);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int m_days;
    store::FollowUpLoad m_load;
};

/// Tier migration since last month: rows are last month's tier (A–D, then the customers who
/// had none), columns the tier now.
class MigrationModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { ToAColumn, ToBColumn, ToCColumn, ToDColumn, ColumnCount };
    enum Row { FromARow, FromBRow, FromCRow, FromDRow, NewRow, RowCount };
    /// How a cell's customers moved.
    enum class Change { Up, Same, Down, New };
    enum Role {
        ChangeRole = Qt::UserRole + 1, ///< int(Change)
        CountRole,                     ///< qint64
        IntensityRole,                 ///< the count relative to the fullest moving cell, 0–1
    };

    explicit MigrationModel(QObject *parent = nullptr);

    void setMigration(const store::TierMigration &migration);
    const store::TierMigration &migration() const { return m_migration; }
    static Change change(int row, int column);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    qint64 count(int row, int column) const;
    store::TierMigration m_migration;
    qint64 m_maxMoved = 0;
    qint64 m_maxStayed = 0;
};

} // namespace tierdesk::ui
