#pragma once

// commands/customercommands.h for CustomerField: after a forward-declared enum, Qt 6.4's lupdate
// files the next class's texts under the wrong context.
#include "backgroundread.h"
#include "commands/customercommands.h"
#include "model/types.h"
#include "session.h"

#include <QAbstractTableModel>
#include <QDialog>

#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTimer;
class QTreeView;
class QTreeWidget;
class QUndoStack;

namespace tierdesk::ui {

class CustomerDraft;
class Session;

/// A customer's calls and orders merged into one list, newest first (the card's Timeline tab).
/// Holds plain values; the card fills it from the repositories.
class CustomerTimelineModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { When, Kind, Result, Duration, NextFollowUp, Note, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, ///< EntryKind as int
        IdRole,                      ///< the call's or the order's id
        DateTimeRole,                ///< QDateTime (orders: the start of their day)
    };
    enum class EntryKind { Call, Order };

    struct Entry {
        EntryKind kind = EntryKind::Call;
        std::int64_t id = 0;
        QDateTime when;
        // Calls
        Direction direction = Direction::Out;
        Outcome outcome = Outcome::Reached;
        std::optional<int> durationS;
        QDate nextFollowUp;
        // Orders
        Cents amount = 0;
        std::optional<Cents> profit;
        QString note;
    };

    explicit CustomerTimelineModel(QObject *parent = nullptr);

    void setItems(const std::vector<Call> &calls, const std::vector<Order> &orders);
    const Entry &entry(int row) const { return m_entries.at(std::size_t(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Entry> m_entries;
};

/// The customer card: profile (edited with undo and redo, saved on demand), the results of the
/// last classification with their explanations, the timeline of calls and orders, and duplicate
/// candidates that can be merged into this customer. Non-modal: open it with show().
/// On a big database a worker reads the tiers and the timeline (every order and call of the
/// customer: at a million customers, from a cold disk, longer than the window may wait): the card
/// shows its profile at once and says what it waits for on those tabs meanwhile.
class CustomerDialog final : public QDialog {
    Q_OBJECT

public:
    /// `id` 0 opens a new customer, owned by Session::userName() and created today.
    CustomerDialog(Session *session, CustomerId id, QWidget *parent = nullptr);
    ~CustomerDialog() override;

    /// 0 until a new customer is saved.
    CustomerId customerId() const { return m_id; }
    /// The profile as edited, saved or not.
    const Customer &draft() const;
    QUndoStack *undoStack() const { return m_undoStack; }
    /// True while the profile differs from what is stored.
    bool isModified() const;
    /// True while a worker reads the customer's tiers or timeline (a big database).
    bool isLoading() const { return m_reading != nullptr; }

    /// Writes the profile (a new customer is added). On failure the user is told why, nothing
    /// typed is lost and false is returned.
    bool save();
    /// Asks what to do with unsaved changes (Save / Discard / Cancel); true when the window may
    /// close. MainWindow can call it before it closes the database.
    bool maybeClose();

    void reject() override;

signals:
    /// After a successful save; for a new customer this is its new id.
    void saved(tierdesk::CustomerId id);
    /// The tiers and the timeline show what was read: at once on a small database, when the
    /// worker's read arrives on a big one.
    void historyLoaded();

protected:
    void hideEvent(QHideEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

public:
    /// Which of the customer's facts a read brings (loadHistory()).
    enum HistoryPart { TiersPart = 1, TimelinePart = 2 };
    /// What the card reads of its customer beside the profile.
    struct History {
        std::optional<Session::Snapshot> snapshot; ///< none: not classified, or not asked for
        std::vector<Call> calls;
        std::vector<Order> orders;
        QString timelineError;
    };

private:
    QWidget *buildProfileTab();
    QWidget *buildTiersTab();
    QWidget *buildTimelineTab();
    QWidget *buildDuplicatesTab();
    void loadCustomer();
    void loadOwners();
    void reloadFromStore();
    void takeOverStored(const Customer &fresh);
    /// Reads the tiers and/or the timeline (HistoryPart) and shows them: here on a small database,
    /// in a worker on a big one (Session::worksInBackground()).
    void loadHistory(int parts);
    void showHistory(const Result<History> &history, int parts);
    void showTiers(std::optional<Session::Snapshot> snap);
    void showTimeline(const std::vector<Call> &calls, const std::vector<Order> &orders, const QString &error);
    void loadDuplicates();
    void showField(CustomerField field);
    void showAllFields();
    void edit(CustomerField field, const QVariant &value);
    void editGrade(std::optional<Grade> grade);
    void updateCleanState();
    void updateState();
    void updateGradeNotes();
    void updateTitle();
    void mergeSelected();
    void interceptUndoKeys(QWidget *widget);
    void fitNoteColumn();

    Session *m_session;
    CustomerId m_id;
    Customer m_stored; ///< the profile as the database has it
    QString m_loadError;
    CustomerDraft *m_draft;
    QUndoStack *m_undoStack;
    bool m_showing = false; ///< widgets are being set from the draft: not a user edit
    bool m_saving = false;  ///< our own write: the session's signal needs no reload
    StopFlag m_reading;     ///< the worker's read of the tiers and the timeline, while it runs
    int m_readingParts = 0; ///< what it reads (HistoryPart)
    int m_shownParts = 0;   ///< what the tabs have shown at least once (HistoryPart)

    QTabWidget *m_tabs = nullptr;
    QLabel *m_loadErrorLabel = nullptr;
    QLabel *m_summary = nullptr; ///< where the customer stands, above the tabs
    // Profile
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_nameError = nullptr;
    QLineEdit *m_companyEdit = nullptr;
    QComboBox *m_typeCombo = nullptr;
    QLineEdit *m_phoneEdit = nullptr;
    QLineEdit *m_emailEdit = nullptr;
    QLineEdit *m_cityEdit = nullptr;
    QComboBox *m_ownerCombo = nullptr;
    QLineEdit *m_tagsEdit = nullptr;
    QLabel *m_createdLabel = nullptr;
    QComboBox *m_gradeCombo = nullptr;
    QLabel *m_gradeNote = nullptr;
    QComboBox *m_manMoneyCombo = nullptr;
    QComboBox *m_manAuthorityCombo = nullptr;
    QComboBox *m_manNeedCombo = nullptr;
    QLabel *m_suggestedGradeLabel = nullptr;
    QCheckBox *m_archivedCheck = nullptr;
    // Tiers
    QLabel *m_tiersHeader = nullptr;
    QLabel *m_notClassifiedLabel = nullptr;
    QWidget *m_tiersGrid = nullptr;
    struct TierRow {
        QLabel *caption = nullptr;
        QLabel *value = nullptr;
        QLabel *explanation = nullptr;
        void set(const QString &valueText, const QString &explanationText, bool visible = true);
    };
    TierRow m_valueTier, m_rfm, m_segment, m_matrix, m_frequency, m_loyalty, m_lifecycle, m_engagement,
        m_grade, m_demotion, m_due;
    // Timeline
    CustomerTimelineModel *m_timelineModel = nullptr;
    QTreeView *m_timelineView = nullptr;
    QWidget *m_timelineViewport = nullptr;
    QLabel *m_timelineEmpty = nullptr;
    // Duplicates
    QTreeWidget *m_duplicatesList = nullptr;
    QLabel *m_duplicatesIntro = nullptr;
    QPushButton *m_mergeButton = nullptr;
    QTimer *m_duplicatesTimer = nullptr;
    // Buttons
    QPushButton *m_undoButton = nullptr;
    QPushButton *m_redoButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace tierdesk::ui
