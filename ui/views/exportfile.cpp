#include "exportfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

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

} // namespace tierdesk::ui
