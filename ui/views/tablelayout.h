#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class QTableView;

namespace tierdesk::ui {

/// The columns of a table over CustomerTableModel: which ones this view offers, how wide they
/// start (wide enough for the header and for the widest text the column can show, in the UI's
/// language and font), and the user's changes (widths, order, hidden columns, sort), kept in
/// QSettings under `settingsKey`. The header's context menu shows or hides columns and resets
/// the layout.
class TableLayout final : public QObject {
    Q_OBJECT

public:
    struct Options {
        QString settingsKey;     ///< e.g. "customers/header"
        QList<int> columns;      ///< the columns this view offers, in their default order
        QList<int> hidden;       ///< offered, but hidden until the user shows them
        QHash<int, int> emWidth; ///< free-text columns (companies, reasons): width in 'M's
    };

    TableLayout(QTableView *table, Options options);

    /// Back to the default widths, order and columns; forgets the saved layout.
    void reset();

private:
    void fit();
    void save();
    void showMenu(const QPoint &pos);

    QTableView *m_table;
    Options m_options;
    bool m_restoring = false;
};

} // namespace tierdesk::ui
