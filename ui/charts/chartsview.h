#pragma once

#include <QString>
#include <QWidget>

#include <array>
#include <atomic>
#include <memory>

class QComboBox;
class QGridLayout;
class QLabel;
class QStackedWidget;
class QTableView;
class QToolButton;

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QScatterSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace tierdesk::ui {

class Session;
class PyramidModel;
class LifecycleModel;
class RfmGridModel;
class FollowUpModel;
class MigrationModel;

/// Writes what `chart` shows as a PNG image (QWidget::grab). False when there is nothing to
/// draw or the file could not be written.
bool exportPng(QWidget *chart, const QString &path);
/// Writes `chart` as a one-page PDF for printing: A4 landscape, scaled to fit, drawn at about
/// 300 dpi. False when the file could not be written.
bool exportPdf(QWidget *chart, const QString &path);

/// The managers' page: the value pyramid, the lifecycle distribution, the RFM segment map, the
/// follow-up load of the next 14 days and the tier migration since last month, for the whole
/// team or one salesperson. A scrollable grid of cards (two columns on a wide window), each with
/// a title, a one-line reading aid, the chart and PNG / PDF export.
///
/// Reads only aggregates (store::ChartQuery) into small table models that the charts map.
/// Reloads itself when the session's customers, settings or database change (deferred while
/// hidden); `reload()` forces it. On a big database (a file over 64 MB, some 40,000 customers)
/// the aggregates are read by a worker thread on a connection of its own: the page shows at once
/// with the previous figures and "updating…", and `loaded()` follows.
class ChartsView final : public QWidget {
    Q_OBJECT

public:
    explicit ChartsView(Session *session, QWidget *parent = nullptr);
    ~ChartsView() override;

    /// Re-reads the owners and every chart.
    void reload();
    /// The salesperson the charts are narrowed to; empty for the whole team.
    QString ownerFilter() const;
    /// True while a worker reads the charts of a big database.
    bool isLoading() const { return m_loading; }

    /// What the charts show, as read from the store.
    struct Data;

signals:
    /// The charts show the database as it is now (after a reload read by a worker).
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    enum Chart { Pyramid, Lifecycle, Rfm, FollowUp, Migration, ChartCount };
    struct Card {
        QWidget *frame = nullptr;
        QWidget *exportArea = nullptr; ///< title, subtitle and chart: what the exports show
        QLabel *scope = nullptr;       ///< whose customers, as of when: exported charts must say
        QLabel *subtitle = nullptr;
        QStackedWidget *stack = nullptr; ///< the chart, or the empty state
        QLabel *empty = nullptr;
        QToolButton *png = nullptr;
        QToolButton *pdf = nullptr;
    };

    void scheduleReload();
    void reloadOwners();
    void refreshCharts();
    void showData(const Data &read);
    QString asOfText() const;
    void showChart(Chart chart, bool visible, const QString &emptyText = {});
    void relayout();
    void exportChart(Chart chart, bool pdf);
    QWidget *buildCard(Chart chart, const QString &key, const QString &title, QWidget *content);
    QWidget *buildPyramid();
    QWidget *buildLifecycle();
    QWidget *buildRfmGrid();
    QWidget *buildFollowUp();
    QWidget *buildMigration();

    Session *m_session;
    PyramidModel *m_pyramidModel;
    LifecycleModel *m_lifecycleModel;
    RfmGridModel *m_rfmModel;
    FollowUpModel *m_followUpModel;
    MigrationModel *m_migrationModel;

    QComboBox *m_ownerFilter = nullptr;
    QLabel *m_asOf = nullptr;
    QGridLayout *m_grid = nullptr;
    std::array<Card, ChartCount> m_cards{};
    std::array<QString, ChartCount> m_keys{};
    int m_columns = 0;

    QBarCategoryAxis *m_pyramidTiers = nullptr;
    QValueAxis *m_pyramidValues = nullptr;
    QBarCategoryAxis *m_lifecycleStages = nullptr;
    QValueAxis *m_lifecycleValues = nullptr;
    QBarCategoryAxis *m_followUpDays = nullptr;
    QValueAxis *m_followUpValues = nullptr;
    QScatterSeries *m_followUpTotals = nullptr; ///< each day's total, written above its bar
    QLabel *m_migrationSummary = nullptr;
    QString m_lastExportDir;
    bool m_reloadPending = false;
    bool m_loading = false;
    /// The worker reading the charts of a big database; set by the next read, which drops its answer.
    std::shared_ptr<std::atomic<bool>> m_stopLoading;
};

} // namespace tierdesk::ui
