#pragma once

#include <QPointer>
#include <QString>

#include <atomic>
#include <memory>

class QProgressDialog;
class QWidget;

namespace tierdesk::ui {

/// Asks where to save an export, as CSV or as an Excel workbook: the file dialog offers both,
/// starts in the folder and format used last time, and adds the extension of the chosen format
/// when the name has none. `baseName` is the suggested name without extension. Returns the path,
/// or an empty string when the user cancelled.
QString chooseExportFile(QWidget *parent, const QString &title, const QString &baseName);

/// How far an export in a worker is, shared by the worker (which reports) and the window (which
/// shows it): rows written, rows in all, and whether Cancel was pressed.
struct ExportProgress {
    std::atomic<qint64> written{0};
    std::atomic<qint64> total{0};
    std::atomic<bool> cancelled{false};
    /// The worker's report; false once the user cancelled (the worker then stops).
    bool report(qint64 rowsWritten, qint64 rowsInAll)
    {
        written = rowsWritten;
        total = rowsInAll;
        return !cancelled.load();
    }
};

/// A progress dialog for an export to `path` that a worker writes: busy until the worker knows
/// how many rows there are, then showing `progress` ten times a second. Deleted when closed; its
/// Cancel button says canceled().
QProgressDialog *exportProgressDialog(QWidget *parent, const QString &title, const QString &path,
                                      std::shared_ptr<const ExportProgress> progress);

/// Closes the dialog of exportProgressDialog(), if it is still open, without its canceled()
/// reaching `receiver` (closing says canceled()), and forgets it.
void closeExportProgress(QPointer<QProgressDialog> &dialog, QObject *receiver);

/// Tests: the next `chooseExportFile` returns `path` at once instead of opening the file dialog
/// (like MessageBox::setNextAnswer); an empty path clears an answer that was not used.
void setNextExportFile(const QString &path);

} // namespace tierdesk::ui
