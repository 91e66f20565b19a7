#include "tablelayout.h"

#include "models/customertablemodel.h"

#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QStyle>
#include <QTableView>

#include <algorithm>

namespace tierdesk::ui {

TableLayout::TableLayout(QTableView *table, Options options)
    : QObject(table)
    , m_table(table)
    , m_options(std::move(options))
{
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &TableLayout::showMenu);

    m_restoring = true;
    const QByteArray state = QSettings().value(m_options.settingsKey).toByteArray();
    if (state.isEmpty() || !header->restoreState(state)) {
        m_restoring = false;
        reset();
    } else {
        // Whatever was saved, a column this view doesn't offer stays hidden.
        for (int c = 0; c < header->count(); ++c) {
            if (!m_options.columns.contains(c))
                header->hideSection(c);
        }
        m_restoring = false;
    }
    connect(header, &QHeaderView::sectionResized, this, &TableLayout::save);
    connect(header, &QHeaderView::sectionMoved, this, &TableLayout::save);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &TableLayout::save);
}

void TableLayout::reset()
{
    m_restoring = true;
    QHeaderView *header = m_table->horizontalHeader();
    for (int i = 0; i < m_options.columns.size(); ++i)
        header->moveSection(header->visualIndex(m_options.columns[i]), i);
    for (int c = 0; c < header->count(); ++c)
        header->setSectionHidden(c, !m_options.columns.contains(c) || m_options.hidden.contains(c));
    fit();
    m_restoring = false;
    QSettings().remove(m_options.settingsKey);
}

void TableLayout::fit()
{
    QHeaderView *header = m_table->horizontalHeader();
    // Bold is the widest form a cell takes (names, overdue dates).
    QFont bold = m_table->font();
    bold.setBold(true);
    const QFontMetrics cells(bold);
    const QFontMetrics titles(header->font());
    const int em = cells.horizontalAdvance(QLatin1Char('M'));
    const int margin = 2 * m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + em;
    for (int c : m_options.columns) {
        int width = 0;
        if (const auto it = m_options.emWidth.constFind(c); it != m_options.emWidth.cend()) {
            width = *it * em;
        } else {
            for (const QString &text : CustomerTableModel::sampleTexts(c))
                width = std::max(width, cells.horizontalAdvance(text));
            width += margin;
        }
        // Room for the title and the sort arrow.
        const QString title = m_table->model()->headerData(c, Qt::Horizontal).toString();
        width = std::max(width, titles.horizontalAdvance(title) + 2 * em);
        header->resizeSection(c, width);
    }
}

void TableLayout::save()
{
    if (!m_restoring)
        QSettings().setValue(m_options.settingsKey, m_table->horizontalHeader()->saveState());
}

void TableLayout::showMenu(const QPoint &pos)
{
    QHeaderView *header = m_table->horizontalHeader();
    QMenu menu(m_table);
    menu.setObjectName(QStringLiteral("columnsMenu"));
    for (int c : m_options.columns) {
        QAction *a = menu.addAction(m_table->model()->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        a->setEnabled(c != CustomerTableModel::Name); // a row must say whose it is
        connect(a, &QAction::toggled, this, [this, header, c](bool on) {
            header->setSectionHidden(c, !on);
            save();
        });
    }
    menu.addSeparator();
    connect(menu.addAction(tr("Reset columns")), &QAction::triggered, this, &TableLayout::reset);
    menu.exec(header->mapToGlobal(pos));
}

} // namespace tierdesk::ui
