#pragma once

#include "backgroundread.h"
#include "store/duplicates.h"
#include "store/repositories.h"

#include <QDialog>
#include <QPointer>

#include <vector>

class QLabel;
class QProgressDialog;
class QPushButton;
class QTreeWidget;

namespace tierdesk::ui {

class Session;

/// Tools › Find duplicates…: every group of customers that share a phone number or an e-mail
/// (spec §13) across the whole database. Merging a group keeps the chosen customer (the oldest by
/// default) and moves every call, order and tag of the others to it; each merge can be undone.
/// On a big database a worker reads the groups (some seconds at a million customers): the dialog
/// says so meanwhile, and closes at once if asked.
class DuplicatesDialog final : public QDialog {
    Q_OBJECT

public:
    explicit DuplicatesDialog(Session *session, QWidget *parent = nullptr);
    ~DuplicatesDialog() override;

    /// Reloads the groups from the database (in a worker for a big one: see isLoading()).
    void reload();
    int groupCount() const;
    /// True while a worker reads the groups.
    bool isLoading() const { return m_loading != nullptr; }
    /// True while a worker merges a group or undoes a merge (a big database).
    bool isWriting() const { return m_progress != nullptr; }
    /// Merges the group of the current item into its selected customer (or the group's first).
    bool mergeCurrentGroup();
    /// Undoes the last merge made here.
    bool undoLastMerge();

signals:
    void openCustomerRequested(tierdesk::CustomerId id);
    /// The groups were read and shown (whether by a worker or not).
    void loaded();

public:
    /// The groups and, for each, its customers as found (ids ascending; missing ones skipped).
    struct Found {
        std::vector<store::DuplicateGroup> groups;
        std::vector<std::vector<Customer>> members;
    };

private:
    void showGroups(const Result<Found> &found);
    void updateButtons();

    Session *m_session;
    QLabel *m_summary;
    QTreeWidget *m_tree;
    QPushButton *m_merge;
    QPushButton *m_undo;
    QPushButton *m_open;
    std::vector<std::vector<store::MergeRecord>> m_undoStack; ///< one entry per group merged
    StopFlag m_loading;                                       ///< the worker's read, while it runs
    QPointer<QProgressDialog> m_progress;                     ///< showWriteProgress(), while a worker writes
};

} // namespace tierdesk::ui
