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

    /// True when the text of `index`, drawn in `option` (its rect, font and alignment), does not
    /// fit in its cell and is drawn with an ellipsis.
    bool isCutShort(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
};

} // namespace tierdesk::ui
