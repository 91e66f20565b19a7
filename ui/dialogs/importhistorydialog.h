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
class ImportHistoryDialog final : public QDialog {
    Q_OBJECT

public:
    explicit ImportHistoryDialog(Session *session, QWidget *parent = nullptr);
    ~ImportHistoryDialog() override;

    /// Reloads the imports from the database.
    void reload();
    /// Undoes the selected import, after asking; false when nothing was undone.
    bool undoSelected();

private:
    void updateButtons();
    const store::ImportBatch *selected() const;

    Session *m_session;
    std::vector<store::ImportBatch> m_batches;
    QLabel *m_summary;
    QTableWidget *m_table;
    QPushButton *m_undo;
};

} // namespace tierdesk::ui
