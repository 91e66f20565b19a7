#include "exportfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <climits>
#include <utility>

namespace tierdesk::ui {
namespace {

QString &nextExportFile()
{
    static QString path;
    return path;
}

} // namespace

void setNextExportFile(const QString &path)
{
    nextExportFile() = path;
}

QString chooseExportFile(QWidget *parent, const QString &title, const QString &baseName)
{
    if (!nextExportFile().isEmpty())
        return std::exchange(nextExportFile(), QString());
    QSettings settings;
    const QString dir = settings
                            .value(QStringLiteral("export/folder"),
                                   QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                            .toString();
    const bool lastXlsx = settings.value(QStringLiteral("export/format")).toString() == u"xlsx";
    const QString csvFilter = QCoreApplication::translate("tierdesk::ui::Export", "CSV files (*.csv)");
    const QString xlsxFilter =
        QCoreApplication::translate("tierdesk::ui::Export", "Excel workbooks (*.xlsx)");
    QString selected = lastXlsx ? xlsxFilter : csvFilter;
    const QString suggested = QDir(dir).filePath(baseName + (lastXlsx ? u".xlsx" : u".csv"));
    QString path = QFileDialog::getSaveFileName(parent, title, suggested,
                                                csvFilter + QStringLiteral(";;") + xlsxFilter, &selected);
    if (path.isEmpty())
        return {};
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != u"csv" && suffix != u"xlsx")
        path += selected == xlsxFilter ? u".xlsx" : u".csv";
    settings.setValue(QStringLiteral("export/folder"), QFileInfo(path).absolutePath());
    settings.setValue(QStringLiteral("export/format"), path.endsWith(u".xlsx", Qt::CaseInsensitive)
                                                           ? QStringLiteral("xlsx")
                                                           : QStringLiteral("csv"));
    return path;
}

QProgressDialog *exportProgressDialog(QWidget *parent, const QString &title, const QString &path,
                                      std::shared_ptr<const ExportProgress> progress)
{
    auto *dialog = new QProgressDialog(parent);
    dialog->setObjectName(QStringLiteral("exportProgress"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->setLabelText(
        QCoreApplication::translate("tierdesk::ui::Export", "Writing %1…").arg(QFileInfo(path).fileName()));
    dialog->setRange(0, 0); // busy until the worker knows how many rows there are
    dialog->setMinimumDuration(0);
    dialog->setAutoReset(false);
    dialog->setAutoClose(false);
    auto *timer = new QTimer(dialog);
    QObject::connect(timer, &QTimer::timeout, dialog, [dialog, progress] {
        const qint64 total = progress->total;
        if (total <= 0)
            return;
        // QProgressDialog counts in int; a list has a few million rows at most.
        dialog->setRange(0, int(std::min<qint64>(total, INT_MAX)));
        dialog->setValue(int(std::min<qint64>(progress->written, INT_MAX)));
    });
    timer->start(100);
    return dialog;
}

void closeExportProgress(QPointer<QProgressDialog> &dialog, QObject *receiver)
{
    if (QProgressDialog *open = dialog) {
        dialog.clear();
        open->disconnect(receiver);
        open->close(); // and deletes it (WA_DeleteOnClose)
    }
}

} // namespace tierdesk::ui
