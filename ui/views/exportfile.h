#pragma once

#include <QString>

class QWidget;

namespace tierdesk::ui {

/// Asks where to save an export, as CSV or as an Excel workbook: the file dialog offers both,
/// starts in the folder and format used last time, and adds the extension of the chosen format
/// when the name has none. `baseName` is the suggested name without extension. Returns the path,
/// or an empty string when the user cancelled.
QString chooseExportFile(QWidget *parent, const QString &title, const QString &baseName);

/// Tests: the next `chooseExportFile` returns `path` at once instead of opening the file dialog
/// (like MessageBox::setNextAnswer); an empty path clears an answer that was not used.
void setNextExportFile(const QString &path);

} // namespace tierdesk::ui
