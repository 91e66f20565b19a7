#include "logcalldialog.h"

#include "classify/explain.h"
#include "messagebox.h"
#include "model/dates.h"
#include "model/labels.h"
#include "session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QScopeGuard>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace tierdesk::ui {

namespace {

// The grade combo's entries besides S…D.
constexpr int GradeUnchanged = -1;
constexpr int GradeClear = -2;

constexpr int OutcomeCount = 5;

QString formatDuration(qint64 seconds)
{
    seconds = std::clamp<qint64>(seconds, 0, 999 * 60 + 59);
    return QStringLiteral("%1:%2")
        .arg(seconds / 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

/// "4:30", "04:30", "125:00", or whole minutes "5". A full-width colon (Chinese input) counts.
std::optional<int> parseDuration(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,3})(?:[:\uFF1A]([0-5]\\d))?$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toInt() * 60 + (m.hasCaptured(2) ? m.captured(2).toInt() : 0);
}

QLabel *mutedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QString errorText(const Error &error)
{
    return error.detail.isEmpty() ? error.message
                                  : QStringLiteral("%1\n\n%2").arg(error.message, error.detail);
}

} // namespace

LogCallDialog::LogCallDialog(Session *session, CustomerId customer, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_customer(customer)
    , m_today(session->today())
{
    setObjectName(QStringLiteral("LogCallDialog"));
    setWindowTitle(tr("Log a call"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildHeader());

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    // Outcome and direction on one row: both are usually left as they are.
    m_outcome = new QComboBox(this);
    m_outcome->setObjectName(QStringLiteral("outcomeCombo"));
    for (int i = 0; i < OutcomeCount; ++i)
        m_outcome->addItem(labels::outcome(Outcome(i)), i);
    m_outcome->setCurrentIndex(int(Outcome::Reached));
    m_outcome->setToolTip(tr("Keys 1–5 or the first letter pick the outcome here; Ctrl+1–5 from anywhere."));
    m_outcome->installEventFilter(this);
    m_direction = new QComboBox(this);
    m_direction->setObjectName(QStringLiteral("directionCombo"));
    m_direction->addItem(labels::direction(Direction::Out), int(Direction::Out));
    m_direction->addItem(labels::direction(Direction::In), int(Direction::In));
    auto *directionLabel = new QLabel(tr("D&irection:"), this);
    directionLabel->setBuddy(m_direction);
    auto *outcomeRow = new QHBoxLayout;
    outcomeRow->addWidget(m_outcome, 1);
    outcomeRow->addSpacing(12);
    outcomeRow->addWidget(directionLabel);
    outcomeRow->addWidget(m_direction, 1);
    auto *outcomeLabel = new QLabel(tr("&Outcome:"), this);
    outcomeLabel->setBuddy(m_outcome);
    form->addRow(outcomeLabel, outcomeRow);

    m_duration = new QLineEdit(this);
    m_duration->setObjectName(QStringLiteral("durationEdit"));
    m_duration->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("^\\d{0,3}(?:[:\uFF1A](?:[0-5]\\d?)?)?$")), m_duration));
    m_duration->setPlaceholderText(tr("mm:ss"));
    m_duration->setToolTip(tr("Minutes and seconds. Typing here stops the timer."));
    m_duration->setMaximumWidth(m_duration->fontMetrics().horizontalAdvance(QStringLiteral("0000:0000")));
    m_duration->setAlignment(Qt::AlignRight);
    m_timerButton = new QPushButton(this);
    m_timerButton->setObjectName(QStringLiteral("timerButton"));
    m_timerButton->setAutoDefault(false);
    auto *durationRow = new QHBoxLayout;
    durationRow->addWidget(m_duration);
    durationRow->addWidget(m_timerButton);
    durationRow->addStretch(1);
    auto *durationLabel = new QLabel(tr("Dura&tion:"), this);
    durationLabel->setBuddy(m_duration);
    form->addRow(durationLabel, durationRow);

    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("What was said, what was promised. Enter starts a new line."));
    m_note->setMinimumHeight(m_note->fontMetrics().lineSpacing() * 4);
    m_note->installEventFilter(this);
    auto *noteLabel = new QLabel(tr("&Note:"), this);
    noteLabel->setBuddy(m_note);
    form->addRow(noteLabel, m_note);

    m_followUp = new QDateEdit(this);
    m_followUp->setObjectName(QStringLiteral("followUpDate"));
    m_followUp->setCalendarPopup(true);
    m_followUp->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_followUp->setMinimumDate(m_today);
    m_followUp->setMaximumDate(m_today.addYears(10));
    m_followUp->setMinimumWidth(m_followUp->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00")) +
                                m_followUp->fontMetrics().height() * 3);
    m_plus1Day = new QPushButton(tr("+1 &day"), this);
    m_plus1Day->setObjectName(QStringLiteral("plus1DayButton"));
    m_plus3Days = new QPushButton(tr("+&3 days"), this);
    m_plus3Days->setObjectName(QStringLiteral("plus3DaysButton"));
    m_plus1Week = new QPushButton(tr("+1 &week"), this);
    m_plus1Week->setObjectName(QStringLiteral("plus1WeekButton"));
    auto *followUpRow = new QHBoxLayout;
    followUpRow->addWidget(m_followUp);
    for (QPushButton *b : {m_plus1Day, m_plus3Days, m_plus1Week}) {
        // Enter always saves; Space presses a focused quick pick.
        b->setAutoDefault(false);
        followUpRow->addWidget(b);
    }
    followUpRow->addStretch(1);
    auto *followUpLabel = new QLabel(tr("&Follow-up:"), this);
    followUpLabel->setBuddy(m_followUp);
    m_followUpHint = mutedLabel(QString(), this);
    m_followUpHint->setObjectName(QStringLiteral("followUpHint"));
    m_noFollowUp = new QCheckBox(tr("No follow-&up date"), this);
    m_noFollowUp->setObjectName(QStringLiteral("noFollowUpCheck"));
    auto *followUpColumn = new QVBoxLayout;
    followUpColumn->setSpacing(2);
    followUpColumn->addLayout(followUpRow);
    followUpColumn->addWidget(m_followUpHint);
    followUpColumn->addSpacing(2);
    followUpColumn->addWidget(m_noFollowUp);
    form->addRow(followUpLabel, followUpColumn);

    m_grade = new QComboBox(this);
    m_grade->setObjectName(QStringLiteral("gradeCombo"));
    auto *gradeLabel = new QLabel(tr("&Grade:"), this);
    gradeLabel->setBuddy(m_grade);
    form->addRow(gradeLabel, m_grade);

    layout->addLayout(form, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_saveButton = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    // Beside the box, not in it: the box shows every button it lays out.
    m_saveAndNextButton = new QPushButton(tr("Save and ne&xt"), this);
    m_saveAndNextButton->setObjectName(QStringLiteral("saveAndNextButton"));
    m_saveAndNextButton->setToolTip(
        tr("Save, then log a call for the next customer in the queue (%1)")
            .arg(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return).toString(QKeySequence::NativeText)));
    m_saveAndNextButton->setVisible(false);
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_saveButton->setDefault(true);
    auto *keysHint =
        mutedLabel(tr("%1…%2 outcome · %3 save")
                       .arg(QKeySequence(Qt::CTRL | Qt::Key_1).toString(QKeySequence::NativeText),
                            QKeySequence(Qt::CTRL | Qt::Key_5).toString(QKeySequence::NativeText),
                            QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)),
                   this);
    keysHint->setObjectName(QStringLiteral("keysHint"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(keysHint);
    bottom->addStretch(1);
    bottom->addWidget(m_saveAndNextButton);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    connect(m_saveButton, &QPushButton::clicked, this, [this] { save(false); });
    connect(m_saveAndNextButton, &QPushButton::clicked, this, [this] { save(true); });
    connect(m_cancelButton, &QPushButton::clicked, this, &LogCallDialog::reject);

    // Keyboard: Ctrl+Enter saves from anywhere (the note included), Ctrl+Shift+Enter saves and
    // goes to the next customer, Ctrl+1…5 pick the outcome.
    for (int key : {int(Qt::Key_Return), int(Qt::Key_Enter)}) {
        auto *saveShortcut =
            new QShortcut(QKeySequence(QKeyCombination(Qt::ControlModifier, Qt::Key(key))), this);
        connect(saveShortcut, &QShortcut::activated, this, [this] { save(false); });
        auto *nextShortcut = new QShortcut(
            QKeySequence(QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key(key))), this);
        connect(nextShortcut, &QShortcut::activated, this, [this] {
            if (m_nextEnabled)
                save(true);
        });
    }
    for (int i = 0; i < OutcomeCount; ++i) {
        auto *pick =
            new QShortcut(QKeySequence(QKeyCombination(Qt::ControlModifier, Qt::Key(Qt::Key_1 + i))), this);
        connect(pick, &QShortcut::activated, this, [this, i] { m_outcome->setCurrentIndex(i); });
    }

    setTabOrder(m_outcome, m_direction);
    setTabOrder(m_direction, m_duration);
    setTabOrder(m_duration, m_timerButton);
    setTabOrder(m_timerButton, m_note);
    setTabOrder(m_note, m_followUp);
    setTabOrder(m_followUp, m_plus1Day);
    setTabOrder(m_plus1Day, m_plus3Days);
    setTabOrder(m_plus3Days, m_plus1Week);
    setTabOrder(m_plus1Week, m_noFollowUp);
    setTabOrder(m_noFollowUp, m_grade);
    setTabOrder(m_grade, m_saveAndNextButton);
    setTabOrder(m_saveAndNextButton, m_saveButton);

    loadCustomer();

    connect(m_outcome, &QComboBox::currentIndexChanged, this, &LogCallDialog::suggestFollowUp);
    connect(m_grade, &QComboBox::currentIndexChanged, this, &LogCallDialog::suggestFollowUp);
    connect(m_followUp, &QDateEdit::dateChanged, this, &LogCallDialog::followUpEdited);
    connect(m_plus1Day, &QPushButton::clicked, this, [this] { pickFollowUp(1); });
    connect(m_plus3Days, &QPushButton::clicked, this, [this] { pickFollowUp(3); });
    connect(m_plus1Week, &QPushButton::clicked, this, [this] { pickFollowUp(7); });
    connect(m_noFollowUp, &QCheckBox::toggled, this, [this](bool off) {
        for (QWidget *w : {static_cast<QWidget *>(m_followUp), static_cast<QWidget *>(m_plus1Day),
                           static_cast<QWidget *>(m_plus3Days), static_cast<QWidget *>(m_plus1Week)})
            w->setEnabled(!off);
        updateFollowUpHint();
    });
    suggestFollowUp();

    // The call is usually being dialled as the dialog opens: count from now.
    m_ticker = new QTimer(this);
    m_ticker->setInterval(250);
    connect(m_ticker, &QTimer::timeout, this, &LogCallDialog::tick);
    connect(m_timerButton, &QPushButton::clicked, this, [this] { setTimerRunning(!m_running); });
    connect(m_duration, &QLineEdit::textEdited, this, &LogCallDialog::durationEdited);
    showDuration(0);
    setTimerRunning(true);
    m_ticker->start();

    m_note->setFocus();
    // Room for a few lines of note; the note takes any height the user adds.
    resize(std::max(sizeHint().width(), 600),
           minimumSizeHint().height() + m_note->fontMetrics().lineSpacing() * 4);
}

LogCallDialog::~LogCallDialog()
{
    stopRead(m_reading); // its answer has no one to go to
}

QWidget *LogCallDialog::buildHeader()
{
    auto *header = new QFrame(this);
    header->setObjectName(QStringLiteral("customerHeader"));
    header->setFrameShape(QFrame::StyledPanel);
    header->setBackgroundRole(QPalette::AlternateBase);
    header->setAutoFillBackground(true);
    auto *v = new QVBoxLayout(header);
    v->setSpacing(2);

    m_nameLabel = new QLabel(header);
    m_nameLabel->setObjectName(QStringLiteral("nameLabel"));
    QFont big = m_nameLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_nameLabel->setFont(big);
    m_nameLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_nameLabel->setWordWrap(true);
    v->addWidget(m_nameLabel);

    m_companyLabel = new QLabel(header);
    m_companyLabel->setObjectName(QStringLiteral("companyLabel"));
    m_companyLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_companyLabel->setWordWrap(true);
    v->addWidget(m_companyLabel);

    // Large enough to dial from, and selectable to copy into a soft phone.
    m_phoneLabel = new QLabel(header);
    m_phoneLabel->setObjectName(QStringLiteral("phoneLabel"));
    QFont phoneFont = m_phoneLabel->font();
    phoneFont.setPointSizeF(phoneFont.pointSizeF() * 1.5);
    phoneFont.setLetterSpacing(QFont::PercentageSpacing, 105);
    m_phoneLabel->setFont(phoneFont);
    m_phoneLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_phoneLabel->setCursor(Qt::IBeamCursor);
    v->addWidget(m_phoneLabel);
    v->addSpacing(6);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(2);
    auto addPair = [&](int row, int col, const QString &label, QLabel *&value, const char *name, int span) {
        auto *l = mutedLabel(label, header);
        grid->addWidget(l, row, col, Qt::AlignLeft | Qt::AlignTop);
        value = new QLabel(header);
        value->setObjectName(QString::fromLatin1(name));
        value->setWordWrap(true);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(value, row, col + 1, 1, span);
    };
    addPair(0, 0, tr("Grade"), m_gradeValue, "gradeValue", 1);
    addPair(0, 2, tr("Value tier"), m_tierValue, "tierValue", 1);
    addPair(1, 0, tr("Last contact"), m_lastContactValue, "lastContactValue", 3);
    addPair(2, 0, tr("Due"), m_dueValue, "dueValue", 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    v->addLayout(grid);
    return header;
}

void LogCallDialog::loadCustomer()
{
    const QString dash = QStringLiteral("—");
    auto found = m_session->isOpen() ? m_session->customer(m_customer) : Result<std::optional<Customer>>{};
    if (!found || !*found) {
        // Still let the user type: saving reports the error, and nothing typed is lost.
        m_nameLabel->setText(tr("Customer %1 was not found").arg(m_customer));
        m_companyLabel->setText(found ? QString() : found.error().message);
        for (QLabel *l : {m_phoneLabel, m_gradeValue, m_tierValue, m_lastContactValue, m_dueValue})
            l->setText(dash);
        m_grade->addItem(tr("Unchanged"), GradeUnchanged);
        m_grade->setEnabled(false);
        return;
    }
    const Customer &c = **found;
    m_handGrade = c.grade;
    setWindowTitle(tr("Log a call — %1").arg(c.name));
    m_nameLabel->setText(c.name);
    m_companyLabel->setText(c.company);
    m_companyLabel->setVisible(!c.company.isEmpty());
    m_phoneLabel->setText(c.phone.isEmpty() ? tr("No phone number") : c.phone);

    // What the planner needs until the customer's facts are read (and if they cannot be).
    m_facts.id = c.id;
    m_facts.createdAt = c.createdAt;
    m_facts.grade = c.grade;
    m_facts.man = c.man;
    m_stage = classify::lifecycle(m_facts, m_session->settings(), m_today);

    if (c.grade)
        m_gradeValue->setText(labels::grade(*c.grade));
    else if (auto suggested = classify::suggestedGrade(c.man))
        m_gradeValue->setText(tr("%1 (suggested by MAN)").arg(labels::grade(*suggested)));
    else
        m_gradeValue->setText(tr("No grade"));

    if (!m_session->worksInBackground()) {
        auto snap = m_session->snapshot(m_customer);
        showFacts(snap ? std::optional<Session::Snapshot>(std::move(*snap)) : std::nullopt);
    } else {
        // The facts read every order and call of the customer: on a big database, from a cold
        // disk, longer than the window may wait. The dialog is usable meanwhile.
        for (QLabel *l : {m_tierValue, m_lastContactValue, m_dueValue})
            l->setText(tr("Reading…"));
        m_reading = readInBackground<Session::Snapshot>(
            this, m_session->path(),
            [id = m_customer, today = m_today, settings = m_session->settings()](store::Database &db) {
                return Session::readSnapshot(db, id, today, settings);
            },
            [this](const Result<Session::Snapshot> &snap) {
                m_reading.reset();
                showFacts(snap ? std::optional<Session::Snapshot>(*snap) : std::nullopt);
                // The suggestion follows the facts, unless the user picked a date.
                suggestFollowUp();
                emit factsLoaded();
            });
    }

    m_grade->addItem(c.grade ? tr("Unchanged (%1)").arg(labels::gradeShort(*c.grade))
                             : tr("Unchanged (none)"),
                     GradeUnchanged);
    for (Grade g : {Grade::S, Grade::A, Grade::B, Grade::C, Grade::D})
        m_grade->addItem(labels::grade(g), int(g));
    m_grade->addItem(tr("Clear the grade"), GradeClear);
}

void LogCallDialog::showFacts(std::optional<Session::Snapshot> snap)
{
    const QString dash = QStringLiteral("—");
    std::optional<classify::Classification> stored;
    if (snap) {
        m_facts = std::move(snap->facts);
        stored = std::move(snap->result);
    }
    // As the planner does after a call: tiers and stage from the last full run.
    m_tier = stored ? stored->valueTier : ValueTier::D;
    m_stage = stored ? stored->lifecycle : classify::lifecycle(m_facts, m_session->settings(), m_today);
    m_tierValue->setText(stored ? labels::valueTier(stored->valueTier) : dash);

    const QDate last = m_facts.lastContact;
    if (!last.isValid()) {
        m_lastContactValue->setText(tr("Never called"));
    } else {
        const qint64 ago = daysBetween(last, m_today);
        const QString outcome = m_facts.lastOutcome ? labels::outcome(*m_facts.lastOutcome) : dash;
        m_lastContactValue->setText(
            ago == 0 ? tr("%1, today · %2").arg(isoDate(last), outcome)
                     : tr("%1, %n day(s) ago · %2", nullptr, int(ago)).arg(isoDate(last), outcome));
    }

    if (!stored || !stored->due.isValid()) {
        m_dueValue->setText(tr("Not classified yet"));
    } else {
        const QString reason = classify::reasonText(stored->reason);
        const qint64 in = daysBetween(m_today, stored->due);
        if (in < 0)
            m_dueValue->setText(
                tr("%1, %n day(s) overdue · %2", nullptr, int(-in)).arg(isoDate(stored->due), reason));
        else if (in == 0)
            m_dueValue->setText(tr("%1, today · %2").arg(isoDate(stored->due), reason));
        else
            m_dueValue->setText(
                tr("%1, in %n day(s) · %2", nullptr, int(in)).arg(isoDate(stored->due), reason));
    }
}

bool LogCallDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        const auto mods = key->modifiers() & ~Qt::KeypadModifier;
        if (watched == m_note && enter && mods == Qt::ControlModifier) {
            save(false);
            return true;
        }
        if (watched == m_note && enter && mods == (Qt::ControlModifier | Qt::ShiftModifier)) {
            if (m_nextEnabled)
                save(true);
            return true;
        }
        if (watched == m_outcome && mods == Qt::NoModifier && key->key() >= Qt::Key_1 &&
            key->key() < Qt::Key_1 + OutcomeCount) {
            m_outcome->setCurrentIndex(key->key() - Qt::Key_1);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void LogCallDialog::setNextEnabled(bool enabled)
{
    m_nextEnabled = enabled;
    m_saveAndNextButton->setVisible(enabled);
}

// --- duration ------------------------------------------------------------------------------

void LogCallDialog::setTimerRunning(bool running)
{
    if (running && !m_running) {
        // Resume from what the field shows: the user may have corrected it.
        if (auto shown = parseDuration(m_duration->text()))
            m_baseMs = qint64(*shown) * 1000;
        m_clock.start();
        m_running = true;
    } else if (!running && m_running) {
        m_baseMs += m_clock.elapsed();
        m_running = false;
        showDuration(m_baseMs);
    }
    m_timerButton->setText(m_running ? tr("&Pause") : tr("&Resume"));
    m_timerButton->setToolTip(m_running ? tr("Stop counting the call's duration")
                                        : tr("Go on counting from the duration shown"));
}

void LogCallDialog::tick()
{
    // Leave the field alone while the user is in it, so a typed value is not overwritten.
    if (m_running && !m_duration->hasFocus())
        showDuration(m_baseMs + m_clock.elapsed());
}

void LogCallDialog::showDuration(qint64 ms)
{
    m_duration->setText(formatDuration(ms / 1000));
}

void LogCallDialog::durationEdited()
{
    // A typed duration is the truth: stop counting over it.
    if (m_running) {
        m_baseMs += m_clock.elapsed();
        m_running = false;
        m_timerButton->setText(tr("&Resume"));
        m_timerButton->setToolTip(tr("Go on counting from the duration shown"));
    }
}

std::optional<int> LogCallDialog::durationSeconds() const
{
    if (m_running)
        return int((m_baseMs + m_clock.elapsed()) / 1000);
    return parseDuration(m_duration->text());
}

// --- follow-up -----------------------------------------------------------------------------

std::optional<Grade> LogCallDialog::pickedHandGrade() const
{
    const int picked = m_grade->currentData().toInt();
    if (picked == GradeUnchanged)
        return m_handGrade;
    if (picked == GradeClear)
        return std::nullopt;
    return Grade(picked);
}

bool LogCallDialog::gradeChanged() const
{
    return m_grade->isEnabled() && pickedHandGrade() != m_handGrade;
}

std::optional<Grade> LogCallDialog::effectiveGrade() const
{
    // The planner's rule: the hand-set grade, else the one MAN suggests.
    if (auto hand = pickedHandGrade())
        return hand;
    return classify::suggestedGrade(m_facts.man);
}

classify::DueReason LogCallDialog::cadenceReason() const
{
    // planFollowUp's rule for a customer whose last contact is today and who set no date.
    const classify::Settings &s = m_session->settings();
    classify::DueReason r;
    r.grade = effectiveGrade();
    const bool buyer = m_facts.isBuyer();
    r.cadenceDays = classify::cadence(r.grade, buyer, m_tier, s);
    r.kind = r.grade ? classify::DueReason::Kind::GradeCadence
                     : (buyer ? classify::DueReason::Kind::TierCadence
                              : classify::DueReason::Kind::DefaultCadence);
    if (m_stage == Lifecycle::Decline) {
        r.cadenceDays = std::min(r.cadenceDays, s.winBackDays);
        r.kind = classify::DueReason::Kind::WinBack;
    }
    if (!r.grade && buyer)
        r.tier = m_tier;
    r.date = m_today;
    return r;
}

int LogCallDialog::cadenceDays() const
{
    return cadenceReason().cadenceDays;
}

void LogCallDialog::suggestFollowUp()
{
    if (m_followUpTouched) {
        updateFollowUpHint();
        return;
    }
    const int cadence = cadenceDays();
    int days = cadence;
    switch (Outcome(m_outcome->currentData().toInt())) {
    case Outcome::Reached:
        m_suggestionWhy.clear();
        break;
    case Outcome::NoAnswer:
        days = 1;
        m_suggestionWhy = tr("no answer: try again tomorrow");
        break;
    case Outcome::Busy:
        days = 1;
        m_suggestionWhy = tr("busy: try again tomorrow");
        break;
    case Outcome::WrongNumber:
        days = 1;
        m_suggestionWhy = tr("wrong number: find the right one, call tomorrow");
        break;
    case Outcome::Voicemail:
        days = 2;
        m_suggestionWhy = tr("voicemail: give them time to call back");
        break;
    }
    setFollowUpDate(m_today.addDays(std::min(days, cadence)));
    updateFollowUpHint();
}

void LogCallDialog::setFollowUpDate(QDate date)
{
    m_settingFollowUp = true;
    m_followUp->setDate(date);
    m_settingFollowUp = false;
}

void LogCallDialog::pickFollowUp(int days)
{
    m_followUpTouched = true;
    setFollowUpDate(m_today.addDays(days));
    updateFollowUpHint();
}

void LogCallDialog::followUpEdited()
{
    if (m_settingFollowUp)
        return;
    m_followUpTouched = true;
    updateFollowUpHint();
}

void LogCallDialog::updateFollowUpHint()
{
    const classify::DueReason cadence = cadenceReason();
    if (m_noFollowUp->isChecked()) {
        // What the planner will do with a call of today and no follow-up date.
        m_followUpHint->setText(
            tr("Due again on %1 (%2).")
                .arg(isoDate(m_today.addDays(cadence.cadenceDays)), classify::reasonText(cadence)));
        return;
    }
    const QDate date = m_followUp->date();
    const int in = int(m_today.daysTo(date));
    const QString day = locale().dayName(date.dayOfWeek(), QLocale::LongFormat);
    const QString why = m_suggestionWhy.isEmpty() ? classify::reasonText(cadence) : m_suggestionWhy;
    if (in == 0)
        m_followUpHint->setText(tr("Today, %1: the customer stays in today's queue.").arg(day));
    else if (m_followUpTouched)
        m_followUpHint->setText(tr("%1, in %n day(s)", nullptr, in).arg(day));
    else
        m_followUpHint->setText(tr("%1, in %n day(s) — suggested: %2", nullptr, in).arg(day, why));
}

// --- save ----------------------------------------------------------------------------------

bool LogCallDialog::save(bool goToNext)
{
    if (m_saving)
        return false;
    m_saving = true;
    const auto done = qScopeGuard([this] { m_saving = false; });
    const QString title = tr("Call not saved");

    if (!m_session->isOpen()) {
        MessageBox::critical(this, title, tr("No database is open. Open one, then log the call again."));
        return false;
    }
    const std::optional<int> duration = durationSeconds();
    if (!duration && !m_duration->text().trimmed().isEmpty()) {
        MessageBox::critical(this, title, tr("The duration must be minutes and seconds, like 4:30."));
        m_duration->setFocus();
        m_duration->selectAll();
        return false;
    }

    if (gradeChanged()) {
        const std::optional<Grade> grade = pickedHandGrade();
        if (auto ok = m_session->setGrade(m_customer, grade); !ok) {
            MessageBox::critical(this, title, errorText(ok.error()));
            return false;
        }
        // Written: a retry after a failed call must not set it again.
        m_handGrade = grade;
    }

    Call call;
    call.customerId = m_customer;
    // The date is the session's today, so that an as-of date (and tests) hold.
    call.calledAt = QDateTime(m_session->today(), QTime::currentTime());
    call.direction = Direction(m_direction->currentData().toInt());
    call.outcome = Outcome(m_outcome->currentData().toInt());
    call.durationS = duration;
    if (!m_noFollowUp->isChecked())
        call.nextFollowUp = m_followUp->date();
    call.note = m_note->toPlainText().trimmed();
    if (auto plan = m_session->logCall(call); !plan) {
        MessageBox::critical(this, title, errorText(plan.error()));
        return false;
    }

    m_ticker->stop();
    stopRead(m_reading);
    emit saved(m_customer, goToNext);
    QDialog::accept();
    return true;
}

void LogCallDialog::reject()
{
    if (m_saving)
        return;
    if (!m_note->toPlainText().trimmed().isEmpty() &&
        MessageBox::question(this, tr("Discard the call"),
                             tr("Close without saving? The note you typed will be lost.")) !=
            QMessageBox::Yes)
        return;
    m_ticker->stop();
    stopRead(m_reading);
    QDialog::reject();
}

} // namespace tierdesk::ui
