#pragma once

#include "backgroundread.h"
#include "classify/classification.h"
#include "model/types.h"
#include "session.h"

#include <QDate>
#include <QDialog>
#include <QElapsedTimer>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace tierdesk::ui {

/// Logs one call of one customer: the dialog a salesperson opens dozens of times a day (Ctrl+L),
/// so everything is reachable from the keyboard. The duration runs from the moment it opens.
///
/// The follow-up date is suggested, and re-suggested while the user has not picked one by hand:
/// - reached: today + the customer's cadence (the planner's rule: grade, else value tier for a
///   buyer, else the default; at most the win-back cadence when the customer is declining);
/// - no answer, busy, wrong number: tomorrow (try again soon; fix the number first if wrong);
/// - voicemail: in two days (give them time to call back);
/// never later than the cadence. A grade picked in the same step changes the cadence.
/// Saving writes the date shown as the call's follow-up; "no follow-up" leaves the due date to
/// the cadence.
/// On a big database a worker reads the customer's facts (every order and call: at a million
/// customers, from a cold disk, longer than the window may wait): the dialog opens at once, the
/// header says "Reading…" and the suggestion follows the facts when they arrive.
class LogCallDialog final : public QDialog {
    Q_OBJECT

public:
    LogCallDialog(Session *session, CustomerId customer, QWidget *parent = nullptr);
    ~LogCallDialog() override;

    CustomerId customerId() const { return m_customer; }

    /// Shows "Save and next" (the queue's flow: log, then open the next customer).
    void setNextEnabled(bool enabled);
    bool isNextEnabled() const { return m_nextEnabled; }

    /// The duration shown, in seconds; empty when the field is empty or incomplete.
    std::optional<int> durationSeconds() const;
    bool isTimerRunning() const { return m_running; }
    /// True while a worker reads the customer's facts (a big database).
    bool isLoading() const { return m_reading != nullptr; }

    /// Saves the call (and the grade, if changed). On success emits `saved` and accepts; on
    /// failure shows the error and stays open with everything the user typed.
    bool save(bool goToNext = false);

    /// Asks before throwing away a typed note.
    void reject() override;

signals:
    void saved(tierdesk::CustomerId id, bool goToNext);
    /// The worker's read of the customer's facts arrived and is shown (a big database).
    void factsLoaded();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildHeader();
    void loadCustomer();
    /// Shows the customer's facts and stored results (none: not read, or not classified).
    void showFacts(std::optional<Session::Snapshot> snap);
    void setTimerRunning(bool running);
    void tick();
    void showDuration(qint64 ms);
    void durationEdited();
    std::optional<Grade> effectiveGrade() const;
    std::optional<Grade> pickedHandGrade() const;
    bool gradeChanged() const;
    classify::DueReason cadenceReason() const;
    int cadenceDays() const;
    void suggestFollowUp();
    void pickFollowUp(int days);
    void followUpEdited();
    void updateFollowUpHint();
    void setFollowUpDate(QDate date);

    Session *m_session;
    CustomerId m_customer;
    QDate m_today;

    // What the planner needs to suggest a date.
    classify::CustomerFacts m_facts;
    ValueTier m_tier = ValueTier::D;
    Lifecycle m_stage = Lifecycle::Prospect;
    std::optional<Grade> m_handGrade;

    // Header.
    QLabel *m_nameLabel = nullptr;
    QLabel *m_companyLabel = nullptr;
    QLabel *m_phoneLabel = nullptr;
    QLabel *m_gradeValue = nullptr;
    QLabel *m_tierValue = nullptr;
    QLabel *m_lastContactValue = nullptr;
    QLabel *m_dueValue = nullptr;

    QComboBox *m_outcome = nullptr;
    QComboBox *m_direction = nullptr;
    QLineEdit *m_duration = nullptr;
    QPushButton *m_timerButton = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QDateEdit *m_followUp = nullptr;
    QPushButton *m_plus1Day = nullptr;
    QPushButton *m_plus3Days = nullptr;
    QPushButton *m_plus1Week = nullptr;
    QLabel *m_followUpHint = nullptr;
    QCheckBox *m_noFollowUp = nullptr;
    QComboBox *m_grade = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_saveAndNextButton = nullptr;
    QPushButton *m_cancelButton = nullptr;

    QTimer *m_ticker = nullptr;
    QElapsedTimer m_clock;
    qint64 m_baseMs = 0; ///< time counted before the clock was last (re)started
    bool m_running = false;

    bool m_followUpTouched = false; ///< the user picked the date: stop suggesting
    bool m_settingFollowUp = false;
    QString m_suggestionWhy;
    bool m_nextEnabled = false;
    bool m_saving = false;
    StopFlag m_reading; ///< the worker's read of the facts, while it runs
};

} // namespace tierdesk::ui
