#pragma once

#include "store/importlog.h"

#include <QDialog>

#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace tierdesk::ui {

class Session;

/// File › Import history…: every import of customers, orders or calls, newest first, with what it
/// did, and Undo for the ones that still stand — a list imported by mistake last week can still go.
/// On a big database the undo is written by a worker (Session::undoImportInBackground()) while a
/// progress dialog, modal to the whole application, keeps the windows from writing meanwhile.
class ImportHistoryDialog final : public QDialog {
    Q_OBJECT

public:
    explicit ImportHistoryDialog(Session *session, QWidget *parent = nullptr);
    ~ImportHistoryDialog() override;

    /// Reloads the imports from the database.
    void reload();
    /// Undoes the selected import, after asking; false when nothing was undone. On a big database
    /// true means the worker started: undone() tells how it ended.
    bool undoSelected();
    /// True while a worker undoes an import.
    bool isUndoing() const { return m_undoing; }

signals:
    /// An import was undone (`ok`) or could not be, after undoSelected() (on either path).
    void undone(bool ok);

private:
    /// The end of an undo: what failed, if anything, then the list again.
    void finishUndo(const Result<void> &ok);
    void updateButtons();
    const store::ImportBatch *selected() const;

    Session *m_session;
    std::vector<store::ImportBatch> m_batches;
    QLabel *m_summary;
    QTableWidget *m_table;
    QPushButton *m_undo;
    bool m_undoing = false;
};

} // namespace tierdesk::ui
