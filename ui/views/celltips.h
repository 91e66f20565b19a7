#pragma once

#include <QStyledItemDelegate>

namespace tierdesk::ui {

/// The delegate of the customer and call tables: a cell whose text the column cuts short
/// ("Zenith Technologies Co., L…") shows its whole text as its tooltip, as written (a name with
/// `<b>` in it is not read as markup). A cell with a tooltip of its own keeps it; a cell that
/// fits shows none.
class CellTipDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

private:
    /// The text of `index` when it is cut short in `option`; empty when it fits.
    QString cutText(const QStyleOptionViewItem &option, const QModelIndex &index) const;
};

} // namespace tierdesk::ui
