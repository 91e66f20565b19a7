#include "writeprogress.h"

#include <QProgressDialog>

namespace tierdesk::ui {

QProgressDialog *showWriteProgress(QWidget *parent, const QString &objectName, const QString &title,
                                   const QString &label)
{
    auto *progress = new QProgressDialog(parent);
    progress->setObjectName(objectName);
    progress->setWindowTitle(title);
    progress->setLabelText(label);
    progress->setCancelButton(nullptr);
    progress->setRange(0, 0);
    progress->setAutoReset(false);
    progress->setAutoClose(false);
    progress->setMinimumDuration(0);
    progress->setWindowModality(Qt::ApplicationModal);
    // Escape would hide it and give the windows back before the write is done.
    QObject::connect(progress, &QProgressDialog::canceled, progress, &QWidget::show, Qt::QueuedConnection);
    QObject::connect(progress, &QDialog::rejected, progress, &QWidget::show, Qt::QueuedConnection);
    progress->show();
    return progress;
}

void closeWriteProgress(QPointer<QProgressDialog> &dialog)
{
    if (QProgressDialog *progress = dialog) {
        progress->disconnect();
        progress->hide();
        progress->deleteLater();
    }
    dialog.clear();
}

} // namespace tierdesk::ui
