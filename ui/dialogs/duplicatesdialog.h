#pragma once

#include "store/repositories.h"

#include <QDialog>

#include <vector>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace tierdesk::ui {

class Session;

/// Tools › Find duplicates…: every group of customers that share a phone number or an e-mail
/// (spec §13) across the whole database. Merging a group keeps the chosen customer (the oldest by
/// default) and moves every call, order and tag of the others to it; each merge can be undone.
class DuplicatesDialog final : public QDialog {
    Q_OBJECT

public:
    explicit DuplicatesDialog(Session *session, QWidget *parent = nullptr);
    ~DuplicatesDialog() override;

    /// Reloads the groups from the database.
    void reload();
    int groupCount() const;
    /// Merges the group of the current item into its selected customer (or the group's first).
    bool mergeCurrentGroup();
    /// Undoes the last merge made here.
    bool undoLastMerge();

signals:
    void openCustomerRequested(tierdesk::CustomerId id);

private:
    void updateButtons();

    Session *m_session;
    QLabel *m_summary;
    QTreeWidget *m_tree;
    QPushButton *m_merge;
    QPushButton *m_undo;
    QPushButton *m_open;
    std::vector<std::vector<store::MergeRecord>> m_undoStack; ///< one entry per group merged
};

} // namespace tierdesk::ui
