#include "celltips.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QStyle>
#include <QToolTip>

namespace tierdesk::ui {

QString CellTipDelegate::cutText(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    if (item.text.isEmpty())
        return {};
    const QWidget *widget = item.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    // As the style draws it: the text's rect less a margin on either side, one line (the
    // tables do not wrap).
    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &item, widget);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    return item.fontMetrics.horizontalAdvance(item.text) > text.width() - 2 * margin ? item.text : QString();
}

bool CellTipDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (!event || !view || event->type() != QEvent::ToolTip || !index.isValid() ||
        index.data(Qt::ToolTipRole).isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const QString cut = cutText(option, index);
    if (cut.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    // Rich text with the cell's text escaped: QToolTip would take "<b>Tom</b>" for markup.
    QToolTip::showText(event->globalPos(), QStringLiteral("<qt>%1</qt>").arg(cut.toHtmlEscaped()), view,
                       view->visualRect(index));
    return true;
}

} // namespace tierdesk::ui
