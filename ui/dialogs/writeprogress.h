#pragma once

#include <QPointer>
#include <QString>

class QProgressDialog;
class QWidget;

namespace tierdesk::ui {

/// A busy dialog, modal to every window, while a worker writes one transaction the window must
/// not overlap (merging duplicates, undoing an import): no Cancel, and Escape does not hide it.
/// Shown at once; closeWriteProgress() ends it.
QProgressDialog *showWriteProgress(QWidget *parent, const QString &objectName, const QString &title,
                                   const QString &label);

/// Closes and deletes the dialog of showWriteProgress(), if it is still there, and forgets it.
void closeWriteProgress(QPointer<QProgressDialog> &dialog);

} // namespace tierdesk::ui
