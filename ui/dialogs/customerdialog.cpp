#include "customerdialog.h"

#include "classify/classify.h"
#include "classify/dupkeys.h"
#include "classify/explain.h"
#include "commands/customercommands.h"
#include "format.h"
#include "messagebox.h"
#include "model/labels.h"
#include "session.h"
#include "store/customerquery.h"
#include "store/repositories.h"

#include <QAction>
#include <QBrush>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSettings>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace tierdesk::ui {
namespace {

const QString kGeometryKey = QStringLiteral("customerDialog/geometry");
constexpr int kDuplicateIdRole = Qt::UserRole + 1;

/// Money with grouping, exact to the cent ("128,400.00"; "-300.00" for a refund).
QString displayMoney(Cents cents)
{
    const QLocale locale;
    const bool negative = cents < 0;
    const quint64 abs = negative ? quint64(-(cents + 1)) + 1 : quint64(cents);
    const QString text = locale.toString(qulonglong(abs / 100)) + locale.decimalPoint() +
                         QStringLiteral("%1").arg(abs % 100, 2, 10, QLatin1Char('0'));
    return negative ? locale.negativeSign() + text : text;
}

QString displayDate(QDate d)
{
    return format::date(d);
}

QString displayDateTime(const QDateTime &t)
{
    return format::dateTime(t);
}

QString displayDuration(std::optional<int> seconds)
{
    if (!seconds)
        return {};
    return QStringLiteral("%1:%2").arg(*seconds / 60).arg(*seconds % 60, 2, 10, QLatin1Char('0'));
}

QLabel *wrappingLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QComboBox *answerCombo(const QString &objectName, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->addItem(CustomerDialog::tr("Unknown", "MAN answer"), -1);
    combo->addItem(CustomerDialog::tr("Yes", "MAN answer"), 1);
    combo->addItem(CustomerDialog::tr("No", "MAN answer"), 0);
    return combo;
}

void selectData(QComboBox *combo, const QVariant &data)
{
    combo->setCurrentIndex(std::max(0, combo->findData(data)));
}

/// Gives the note column rows as tall as their wrapped text at the column's current width; the
/// stock delegate measures one unwrapped line, which cuts long notes off.
class WrappingDelegate final : public QStyledItemDelegate {
public:
    WrappingDelegate(QTreeView *view, int column)
        : QStyledItemDelegate(view)
        , m_view(view)
        , m_column(column)
    {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        if (index.column() != m_column)
            return size;
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QStyle *style = m_view->style();
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, &opt, m_view) + 1;
        const int width = m_view->header()->sectionSize(m_column) - 2 * margin - 2;
        if (width <= 0 || opt.text.isEmpty())
            return size;
        QString text = opt.text;
        text.replace(u'\n', QChar::LineSeparator);
        const QRect bounds =
            opt.fontMetrics.boundingRect(QRect(0, 0, width, 1 << 20), Qt::TextWordWrap, text);
        size.setHeight(std::max(size.height(), bounds.height() + 2 * margin + 2));
        return size;
    }

private:
    QTreeView *m_view;
    int m_column;
};

} // namespace

// ---------------------------------------------------------------------------------------------
// Timeline model

CustomerTimelineModel::CustomerTimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void CustomerTimelineModel::setItems(const std::vector<Call> &calls, const std::vector<Order> &orders)
{
    beginResetModel();
    m_entries.clear();
    m_entries.reserve(calls.size() + orders.size());
    for (const Call &c : calls) {
        Entry e;
        e.kind = EntryKind::Call;
        e.id = c.id;
        e.when = c.calledAt;
        e.direction = c.direction;
        e.outcome = c.outcome;
        e.durationS = c.durationS;
        e.nextFollowUp = c.nextFollowUp;
        e.note = c.note;
        m_entries.push_back(std::move(e));
    }
    for (const Order &o : orders) {
        Entry e;
        e.kind = EntryKind::Order;
        e.id = o.id;
        e.when = o.orderedAt.startOfDay();
        e.amount = o.amount;
        e.profit = o.profit;
        e.note = o.note;
        m_entries.push_back(std::move(e));
    }
    // Newest first; on the same day an order (no time of day) comes after the calls, and ids
    // keep the order stable.
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) {
        if (a.when.date() != b.when.date())
            return a.when.date() > b.when.date();
        if (a.kind != b.kind)
            return a.kind == EntryKind::Call;
        if (a.when != b.when)
            return a.when > b.when;
        return a.id > b.id;
    });
    endResetModel();
}

int CustomerTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int CustomerTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(std::size_t(index.row()));
    const bool call = e.kind == EntryKind::Call;
    const bool refund = !call && e.amount < 0;
    switch (role) {
    case KindRole:
        return int(e.kind);
    case IdRole:
        return qlonglong(e.id);
    case DateTimeRole:
        return e.when;
    case Qt::ForegroundRole:
        if (refund && (index.column() == Kind || index.column() == Result))
            return QBrush(Qt::red);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Duration)
            return int(Qt::AlignRight | Qt::AlignTop);
        return int(Qt::AlignLeft | Qt::AlignTop);
    case Qt::ToolTipRole:
        if (index.column() == Note && !e.note.isEmpty())
            return e.note;
        if (index.column() == Result && !call && e.profit)
            return tr("Profit: %1").arg(displayMoney(*e.profit));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case When:
        return call ? displayDateTime(e.when) : displayDate(e.when.date());
    case Kind:
        if (!call)
            return refund ? tr("Refund") : tr("Order");
        return e.direction == Direction::In ? tr("Incoming call") : tr("Outgoing call");
    case Result:
        return call ? labels::outcome(e.outcome) : displayMoney(e.amount);
    case Duration:
        return call ? displayDuration(e.durationS) : QString();
    case NextFollowUp:
        return call ? displayDate(e.nextFollowUp) : QString();
    case Note:
        return e.note;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CustomerTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case When:
        return tr("Date");
    case Kind:
        return tr("Kind");
    case Result:
        return tr("Outcome / amount");
    case Duration:
        return tr("Duration");
    case NextFollowUp:
        return tr("Next follow-up");
    case Note:
        return tr("Note");
    case ColumnCount:
        break;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// The dialog

void CustomerDialog::TierRow::set(const QString &valueText, const QString &explanationText, bool visible)
{
    value->setText(valueText);
    explanation->setText(explanationText);
    caption->setVisible(visible);
    value->setVisible(visible);
    explanation->setVisible(visible);
}

CustomerDialog::CustomerDialog(Session *session, CustomerId id, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_id(id)
    , m_draft(new CustomerDraft(this))
    , m_undoStack(new QUndoStack(this))
{
    setObjectName(QStringLiteral("customerDialog"));
    setSizeGripEnabled(true);

    m_loadErrorLabel = wrappingLabel(QStringLiteral("loadErrorLabel"), this);
    m_loadErrorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_loadErrorLabel->hide();

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("cardSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->hide();

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->addTab(buildProfileTab(), tr("Profi&le"));
    m_tabs->addTab(buildTiersTab(), tr("Tie&rs"));
    m_tabs->addTab(buildTimelineTab(), tr("&Timeline"));
    m_tabs->addTab(buildDuplicatesTab(), tr("D&uplicates"));

    m_undoButton = new QPushButton(tr("Undo"), this);
    m_undoButton->setObjectName(QStringLiteral("undoButton"));
    m_undoButton->setAutoDefault(false);
    m_redoButton = new QPushButton(tr("Redo"), this);
    m_redoButton->setObjectName(QStringLiteral("redoButton"));
    m_redoButton->setAutoDefault(false);
    m_saveButton = new QPushButton(tr("&Save"), this);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setDefault(true);
    m_closeButton = new QPushButton(tr("Close"), this);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    m_closeButton->setAutoDefault(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_undoButton);
    buttons->addWidget(m_redoButton);
    buttons->addStretch(1);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_closeButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_loadErrorLabel);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(buttons);

    // Undo and redo anywhere in the window; the line edits hand these keys over (eventFilter)
    // instead of running their own, per-field undo.
    auto *undoAction = new QAction(tr("Undo"), this);
    undoAction->setObjectName(QStringLiteral("undoAction"));
    undoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Z)});
    auto *redoAction = new QAction(tr("Redo"), this);
    redoAction->setObjectName(QStringLiteral("redoAction"));
    redoAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    auto *saveAction = new QAction(tr("Save"), this);
    saveAction->setObjectName(QStringLiteral("saveAction"));
    saveAction->setShortcuts(QKeySequence::Save);
    addActions({undoAction, redoAction, saveAction});
    connect(undoAction, &QAction::triggered, m_undoStack, &QUndoStack::undo);
    connect(redoAction, &QAction::triggered, m_undoStack, &QUndoStack::redo);
    connect(saveAction, &QAction::triggered, this, [this] {
        if (m_saveButton->isEnabled())
            save();
    });
    connect(m_undoButton, &QPushButton::clicked, m_undoStack, &QUndoStack::undo);
    connect(m_redoButton, &QPushButton::clicked, m_undoStack, &QUndoStack::redo);
    connect(m_saveButton, &QPushButton::clicked, this, [this] { save(); });
    connect(m_closeButton, &QPushButton::clicked, this, &CustomerDialog::reject);
    for (QWidget *w : std::initializer_list<QWidget *>{m_nameEdit, m_companyEdit, m_phoneEdit, m_emailEdit,
                                                       m_cityEdit, m_tagsEdit, m_ownerCombo})
        interceptUndoKeys(w);

    connect(m_undoStack, &QUndoStack::indexChanged, this, [this] { updateCleanState(); });
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this] { updateState(); });
    connect(m_undoStack, &QUndoStack::canUndoChanged, m_undoButton, &QWidget::setEnabled);
    connect(m_undoStack, &QUndoStack::canRedoChanged, m_redoButton, &QWidget::setEnabled);
    connect(m_undoStack, &QUndoStack::undoTextChanged, this, [this](const QString &text) {
        m_undoButton->setToolTip(text.isEmpty() ? QString() : tr("Undo: %1 (Ctrl+Z)").arg(text));
    });
    connect(m_undoStack, &QUndoStack::redoTextChanged, this, [this](const QString &text) {
        m_redoButton->setToolTip(text.isEmpty() ? QString() : tr("Redo: %1 (Ctrl+Shift+Z)").arg(text));
    });
    m_undoButton->setEnabled(false);
    m_redoButton->setEnabled(false);

    connect(m_draft, &CustomerDraft::changed, this, [this](CustomerField field) {
        showField(field);
        if (field == CustomerField::Phone || field == CustomerField::Email)
            m_duplicatesTimer->start();
    });

    // Changes made elsewhere (a call logged, a grade applied from the queue, a merge, a full
    // classification) show up here; our own saves need no reload.
    auto reloadIfOther = [this] {
        if (!m_saving)
            reloadFromStore();
    };
    connect(m_session, &Session::customersChanged, this, reloadIfOther);
    connect(m_session, &Session::settingsChanged, this, [this] { loadHistory(TiersPart); });
    connect(m_session, &Session::customerChanged, this, [this, reloadIfOther](CustomerId changed) {
        if (m_id != 0 && changed == m_id)
            reloadIfOther();
    });

    loadOwners();
    loadCustomer();

    resize(900, 640);
    restoreGeometry(QSettings().value(kGeometryKey).toByteArray());
    // A new customer starts with its name; an open card starts on the tabs, so that a stray key
    // cannot overwrite the selected name of a customer one only came to look at.
    if (m_id == 0)
        m_nameEdit->setFocus();
    else
        m_tabs->setFocus();
}

CustomerDialog::~CustomerDialog()
{
    stopRead(m_reading); // its answer has no one to go to
    // The undo stack is a child: it is destroyed after this object's members and emits
    // indexChanged while it clears; nothing of this dialog may answer by then.
    m_undoStack->disconnect(this);
    m_undoStack->clear();
    m_undoStack->disconnect(this);
}

const Customer &CustomerDialog::draft() const
{
    return m_draft->customer();
}

bool CustomerDialog::isModified() const
{
    return !m_undoStack->isClean();
}

QWidget *CustomerDialog::buildProfileTab()
{
    auto *tab = new QWidget;
    tab->setObjectName(QStringLiteral("profileTab"));

    m_nameEdit = new QLineEdit(tab);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameError = new QLabel(tr("A customer needs a name."), tab);
    m_nameError->setObjectName(QStringLiteral("nameError"));
    m_nameError->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_nameError->hide();
    m_companyEdit = new QLineEdit(tab);
    m_companyEdit->setObjectName(QStringLiteral("companyEdit"));
    m_typeCombo = new QComboBox(tab);
    m_typeCombo->setObjectName(QStringLiteral("typeCombo"));
    m_typeCombo->addItem(tr("Not set", "customer type"), -1);
    for (auto type : {CustomerType::Individual, CustomerType::Enterprise, CustomerType::Government,
                      CustomerType::Channel})
        m_typeCombo->addItem(labels::customerType(type), int(type));
    m_phoneEdit = new QLineEdit(tab);
    m_phoneEdit->setObjectName(QStringLiteral("phoneEdit"));
    m_emailEdit = new QLineEdit(tab);
    m_emailEdit->setObjectName(QStringLiteral("emailEdit"));
    m_cityEdit = new QLineEdit(tab);
    m_cityEdit->setObjectName(QStringLiteral("cityEdit"));
    m_ownerCombo = new QComboBox(tab);
    m_ownerCombo->setObjectName(QStringLiteral("ownerCombo"));
    m_ownerCombo->setEditable(true);
    m_ownerCombo->setInsertPolicy(QComboBox::NoInsert);
    m_tagsEdit = new QLineEdit(tab);
    m_tagsEdit->setObjectName(QStringLiteral("tagsEdit"));
    m_tagsEdit->setPlaceholderText(tr("e.g. VIP, trade fair 2026"));
    m_tagsEdit->setToolTip(tr("Separate tags with commas or semicolons."));
    m_createdLabel = new QLabel(tab);
    m_createdLabel->setObjectName(QStringLiteral("createdLabel"));

    auto *contact = new QFormLayout;
    contact->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto addRow = [&](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, tab);
        label->setBuddy(field);
        contact->addRow(label, field);
    };
    addRow(tr("&Name:"), m_nameEdit);
    contact->addRow(QString(), m_nameError);
    addRow(tr("&Company:"), m_companyEdit);
    addRow(tr("T&ype:"), m_typeCombo);
    addRow(tr("&Phone:"), m_phoneEdit);
    addRow(tr("&E-mail:"), m_emailEdit);
    addRow(tr("C&ity:"), m_cityEdit);
    addRow(tr("&Owner:"), m_ownerCombo);
    addRow(tr("Ta&gs:"), m_tagsEdit);
    contact->addRow(tr("Created:"), m_createdLabel);

    // Intent: the hand grade, and the MAN answers that suggest one when none is set.
    m_gradeCombo = new QComboBox(tab);
    m_gradeCombo->setObjectName(QStringLiteral("gradeCombo"));
    m_gradeCombo->addItem(tr("None", "grade"), -1);
    for (auto grade : {Grade::S, Grade::A, Grade::B, Grade::C, Grade::D})
        m_gradeCombo->addItem(labels::grade(grade), int(grade));
    m_gradeNote = wrappingLabel(QStringLiteral("gradeNote"), tab);
    m_manMoneyCombo = answerCombo(QStringLiteral("manMoneyCombo"), tab);
    m_manAuthorityCombo = answerCombo(QStringLiteral("manAuthorityCombo"), tab);
    m_manNeedCombo = answerCombo(QStringLiteral("manNeedCombo"), tab);
    m_suggestedGradeLabel = wrappingLabel(QStringLiteral("suggestedGradeLabel"), tab);
    m_suggestedGradeLabel->setTextFormat(Qt::RichText);
    m_archivedCheck = new QCheckBox(tr("Archi&ved: hidden from the queue"), tab);
    m_archivedCheck->setObjectName(QStringLiteral("archivedCheck"));

    // One form for the grade and the MAN answers, so that their fields line up.
    auto *intentBox = new QGroupBox(tr("Intent"), tab);
    auto *intentForm = new QFormLayout(intentBox);
    intentForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto addIntentRow = [&](const QString &text, QComboBox *combo) {
        auto *label = new QLabel(text, intentBox);
        label->setBuddy(combo);
        intentForm->addRow(label, combo);
    };
    addIntentRow(tr("Gr&ade:"), m_gradeCombo);
    intentForm->addRow(m_gradeNote);
    auto *manHeading = new QLabel(tr("MAN qualification"), intentBox);
    QFont headingFont = manHeading->font();
    headingFont.setBold(true);
    manHeading->setFont(headingFont);
    manHeading->setContentsMargins(0, 8, 0, 0);
    intentForm->addRow(manHeading);
    addIntentRow(tr("&Money (can pay):"), m_manMoneyCombo);
    addIntentRow(tr("Aut&hority (decides):"), m_manAuthorityCombo);
    addIntentRow(tr("Nee&d:"), m_manNeedCombo);
    intentForm->addRow(m_suggestedGradeLabel);

    auto *right = new QVBoxLayout;
    right->addWidget(intentBox);
    right->addWidget(m_archivedCheck);
    right->addStretch(1);

    auto *columns = new QHBoxLayout(tab);
    columns->addLayout(contact, 3);
    columns->addSpacing(12);
    columns->addLayout(right, 2);

    QWidget::setTabOrder(m_nameEdit, m_companyEdit);
    QWidget::setTabOrder(m_companyEdit, m_typeCombo);
    QWidget::setTabOrder(m_typeCombo, m_phoneEdit);
    QWidget::setTabOrder(m_phoneEdit, m_emailEdit);
    QWidget::setTabOrder(m_emailEdit, m_cityEdit);
    QWidget::setTabOrder(m_cityEdit, m_ownerCombo);
    QWidget::setTabOrder(m_ownerCombo, m_tagsEdit);
    QWidget::setTabOrder(m_tagsEdit, m_gradeCombo);
    QWidget::setTabOrder(m_gradeCombo, m_manMoneyCombo);
    QWidget::setTabOrder(m_manMoneyCombo, m_manAuthorityCombo);
    QWidget::setTabOrder(m_manAuthorityCombo, m_manNeedCombo);
    QWidget::setTabOrder(m_manNeedCombo, m_archivedCheck);

    // User edits become undo commands; m_showing tells them from the draft being shown.
    auto onText = [this](QLineEdit *lineEdit, CustomerField field) {
        connect(lineEdit, &QLineEdit::textEdited, this,
                [this, field](const QString &text) { edit(field, text); });
    };
    onText(m_nameEdit, CustomerField::Name);
    onText(m_companyEdit, CustomerField::Company);
    onText(m_phoneEdit, CustomerField::Phone);
    onText(m_emailEdit, CustomerField::Email);
    onText(m_cityEdit, CustomerField::City);
    connect(m_tagsEdit, &QLineEdit::textEdited, this,
            [this](const QString &text) { edit(CustomerField::Tags, parseTags(text)); });
    connect(m_ownerCombo, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        if (!m_showing)
            edit(CustomerField::Owner, text);
    });
    auto onChoice = [this](QComboBox *combo, CustomerField field) {
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, field] {
            if (!m_showing)
                edit(field, combo->currentData());
        });
    };
    onChoice(m_typeCombo, CustomerField::Type);
    onChoice(m_manMoneyCombo, CustomerField::ManMoney);
    onChoice(m_manAuthorityCombo, CustomerField::ManAuthority);
    onChoice(m_manNeedCombo, CustomerField::ManNeed);
    connect(m_gradeCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_showing)
            return;
        const int v = m_gradeCombo->currentData().toInt();
        editGrade(v < 0 ? std::nullopt : std::optional<Grade>(Grade(v)));
    });
    connect(m_archivedCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_showing)
            edit(CustomerField::Archived, on);
    });
    return tab;
}

QWidget *CustomerDialog::buildTiersTab()
{
    auto *tab = new QWidget;
    tab->setObjectName(QStringLiteral("tiersTab"));
    auto *scroll = new QScrollArea(tab);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);

    m_tiersHeader = wrappingLabel(QStringLiteral("tiersHeader"), content);
    m_notClassifiedLabel = new QLabel(tr("Not classified yet — run Classify."), content);
    m_notClassifiedLabel->setObjectName(QStringLiteral("notClassifiedLabel"));
    m_notClassifiedLabel->setWordWrap(true);

    m_tiersGrid = new QWidget(content);
    m_tiersGrid->setObjectName(QStringLiteral("tiersGrid"));
    auto *grid = new QGridLayout(m_tiersGrid);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(10);
    grid->setColumnStretch(2, 1);
    int row = 0;
    auto addRow = [&](TierRow &r, const QString &key, const QString &caption) {
        r.caption = new QLabel(caption, m_tiersGrid);
        r.caption->setObjectName(key + QStringLiteral("Caption"));
        r.value = wrappingLabel(key + QStringLiteral("Value"), m_tiersGrid);
        QFont bold = r.value->font();
        bold.setBold(true);
        r.value->setFont(bold);
        r.value->setMinimumWidth(150);
        r.explanation = wrappingLabel(key + QStringLiteral("Explanation"), m_tiersGrid);
        grid->addWidget(r.caption, row, 0, Qt::AlignTop);
        grid->addWidget(r.value, row, 1, Qt::AlignTop);
        grid->addWidget(r.explanation, row, 2, Qt::AlignTop);
        ++row;
    };
    addRow(m_valueTier, QStringLiteral("valueTier"), tr("Value tier"));
    addRow(m_rfm, QStringLiteral("rfm"), tr("RFM scores"));
    addRow(m_segment, QStringLiteral("segment"), tr("RFM segment"));
    addRow(m_matrix, QStringLiteral("matrix"), tr("Value matrix"));
    addRow(m_frequency, QStringLiteral("frequency"), tr("Purchase frequency"));
    addRow(m_loyalty, QStringLiteral("loyalty"), tr("Loyalty"));
    addRow(m_lifecycle, QStringLiteral("lifecycle"), tr("Lifecycle stage"));
    addRow(m_engagement, QStringLiteral("engagement"), tr("Engagement"));
    addRow(m_grade, QStringLiteral("grade"), tr("Intent grade"));
    addRow(m_demotion, QStringLiteral("demotion"), tr("Demotion"));
    addRow(m_due, QStringLiteral("due"), tr("Next follow-up"));

    layout->addWidget(m_tiersHeader);
    layout->addWidget(m_notClassifiedLabel);
    layout->addSpacing(6);
    layout->addWidget(m_tiersGrid);
    layout->addStretch(1);
    scroll->setWidget(content);
    // Let the tab's own background show through, like on the other tabs.
    content->setAutoFillBackground(false);
    scroll->viewport()->setAutoFillBackground(false);

    auto *outer = new QVBoxLayout(tab);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    return tab;
}

QWidget *CustomerDialog::buildTimelineTab()
{
    auto *tab = new QWidget;
    tab->setObjectName(QStringLiteral("timelineTab"));
    m_timelineModel = new CustomerTimelineModel(this);
    m_timelineModel->setObjectName(QStringLiteral("timelineModel"));
    m_timelineView = new QTreeView(tab);
    m_timelineView->setObjectName(QStringLiteral("timelineView"));
    m_timelineView->setModel(m_timelineModel);
    m_timelineView->setItemDelegate(new WrappingDelegate(m_timelineView, CustomerTimelineModel::Note));
    m_timelineView->setRootIsDecorated(false);
    m_timelineView->setItemsExpandable(false);
    m_timelineView->setAlternatingRowColors(true);
    m_timelineView->setUniformRowHeights(false);
    m_timelineView->setWordWrap(true);
    m_timelineView->setTextElideMode(Qt::ElideNone);
    m_timelineView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_timelineView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    QHeaderView *header = m_timelineView->header();
    header->setStretchLastSection(false);
    for (int c = 0; c < CustomerTimelineModel::Note; ++c)
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    // The note column takes the rest of the width but never less than a readable minimum (the
    // view scrolls sideways in a narrow window), and long notes wrap in it: row heights follow
    // the column's width.
    m_timelineViewport = m_timelineView->viewport();
    m_timelineViewport->installEventFilter(this);
    connect(header, &QHeaderView::sectionResized, m_timelineView, [this](int logical) {
        if (logical == CustomerTimelineModel::Note)
            m_timelineView->doItemsLayout();
        else
            fitNoteColumn();
    });

    m_timelineEmpty = new QLabel(tr("No calls or orders yet."), tab);
    m_timelineEmpty->setObjectName(QStringLiteral("timelineEmptyLabel"));
    m_timelineEmpty->setWordWrap(true);

    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_timelineEmpty);
    layout->addWidget(m_timelineView, 1);
    return tab;
}

QWidget *CustomerDialog::buildDuplicatesTab()
{
    auto *tab = new QWidget;
    tab->setObjectName(QStringLiteral("duplicatesTab"));
    m_duplicatesIntro = wrappingLabel(QStringLiteral("duplicatesIntro"), tab);
    m_duplicatesList = new QTreeWidget(tab);
    m_duplicatesList->setObjectName(QStringLiteral("duplicatesList"));
    m_duplicatesList->setRootIsDecorated(false);
    m_duplicatesList->setAlternatingRowColors(true);
    m_duplicatesList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_duplicatesList->setHeaderLabels(
        {tr("Name"), tr("Phone"), tr("E-mail"), tr("Owner"), tr("Why it matches")});
    m_duplicatesList->header()->setStretchLastSection(true);
    for (int c = 0; c < 4; ++c)
        m_duplicatesList->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);

    m_mergeButton = new QPushButton(tr("&Merge into this customer…"), tab);
    m_mergeButton->setObjectName(QStringLiteral("mergeButton"));
    m_mergeButton->setAutoDefault(false);
    m_mergeButton->setEnabled(false);
    m_mergeButton->setToolTip(tr("Moves the selected customer's calls and orders here and removes it. "
                                 "Undo brings it back."));

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_mergeButton);

    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_duplicatesIntro);
    layout->addWidget(m_duplicatesList, 1);
    layout->addLayout(row);

    connect(m_duplicatesList, &QTreeWidget::itemSelectionChanged, this, [this] { updateState(); });
    connect(m_mergeButton, &QPushButton::clicked, this, &CustomerDialog::mergeSelected);

    // The candidates follow the phone and e-mail as they are typed, without a query per key.
    m_duplicatesTimer = new QTimer(this);
    m_duplicatesTimer->setSingleShot(true);
    m_duplicatesTimer->setInterval(400);
    connect(m_duplicatesTimer, &QTimer::timeout, this, &CustomerDialog::loadDuplicates);
    return tab;
}

void CustomerDialog::interceptUndoKeys(QWidget *widget)
{
    widget->installEventFilter(this);
    if (auto *combo = qobject_cast<QComboBox *>(widget); combo && combo->lineEdit())
        combo->lineEdit()->installEventFilter(this);
}

void CustomerDialog::fitNoteColumn()
{
    constexpr int kMinimumNoteWidth = 260;
    QHeaderView *header = m_timelineView->header();
    int others = 0;
    for (int c = 0; c < CustomerTimelineModel::Note; ++c)
        others += header->sectionSize(c);
    const int width = std::max(kMinimumNoteWidth, m_timelineView->viewport()->width() - others);
    if (header->sectionSize(CustomerTimelineModel::Note) != width)
        header->resizeSection(CustomerTimelineModel::Note, width);
}

bool CustomerDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Compared, never dereferenced: the filter also sees events while children are torn down.
    if (watched == m_timelineViewport && event->type() == QEvent::Resize)
        fitNoteColumn();
    // A line edit claims Ctrl+Z for its own undo. Refusing the override lets the window's
    // undo action run instead, so that every field shares the one stack.
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo) ||
            key->keyCombination() == QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Z) ||
            key->keyCombination() == QKeyCombination(Qt::ControlModifier, Qt::Key_Y)) {
            event->ignore();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void CustomerDialog::loadOwners()
{
    auto owners = store::CustomerQuery(m_session->database()).owners();
    QScopedValueRollback guard(m_showing, true);
    const QString current = m_ownerCombo->currentText();
    m_ownerCombo->clear();
    if (owners)
        m_ownerCombo->addItems(*owners);
    m_ownerCombo->setEditText(current);
}

void CustomerDialog::loadCustomer()
{
    m_loadError.clear();
    if (m_id == 0) {
        m_stored = Customer();
        m_stored.createdAt = m_session->today();
        m_stored.owner = m_session->userName();
    } else if (auto found = m_session->customer(m_id); !found) {
        m_loadError = found.error().message;
    } else if (!*found) {
        m_loadError = tr("Customer %1 no longer exists.").arg(m_id);
    } else {
        m_stored = **found;
    }
    m_loadErrorLabel->setText(m_loadError);
    m_loadErrorLabel->setVisible(!m_loadError.isEmpty());
    m_tabs->setEnabled(m_loadError.isEmpty());
    m_draft->setCustomer(m_stored);
    m_undoStack->clear();
    showAllFields();
    loadHistory(TiersPart | TimelinePart);
    loadDuplicates();
    updateState();
}

void CustomerDialog::reloadFromStore()
{
    if (m_id != 0) {
        auto found = m_session->customer(m_id);
        if (found && *found)
            takeOverStored(**found);
    }
    loadOwners();
    loadHistory(TiersPart | TimelinePart);
    loadDuplicates();
    updateState();
}

void CustomerDialog::takeOverStored(const Customer &fresh)
{
    // What the user has not touched follows the database; unsaved edits stay as typed.
    Customer merged = m_draft->customer();
    for (int i = 0; i < CustomerFieldCount; ++i) {
        const auto field = CustomerField(i);
        if (fieldValue(merged, field) == fieldValue(m_stored, field))
            setFieldValue(merged, field, fieldValue(fresh, field));
    }
    merged.id = fresh.id;
    m_stored = fresh;
    m_draft->setCustomer(merged);
    updateCleanState();
}

void CustomerDialog::showAllFields()
{
    for (int i = 0; i < CustomerFieldCount; ++i)
        showField(CustomerField(i));
}

void CustomerDialog::showField(CustomerField field)
{
    QScopedValueRollback guard(m_showing, true);
    const Customer &c = m_draft->customer();
    auto setText = [](QLineEdit *edit, const QString &text) {
        if (edit->text() != text)
            edit->setText(text);
    };
    switch (field) {
    case CustomerField::Name:
        setText(m_nameEdit, c.name);
        break;
    case CustomerField::Company:
        setText(m_companyEdit, c.company);
        break;
    case CustomerField::Type:
        selectData(m_typeCombo, fieldValue(c, field));
        break;
    case CustomerField::Phone:
        setText(m_phoneEdit, c.phone);
        break;
    case CustomerField::Email:
        setText(m_emailEdit, c.email);
        break;
    case CustomerField::City:
        setText(m_cityEdit, c.city);
        break;
    case CustomerField::Owner:
        if (m_ownerCombo->currentText() != c.owner) {
            const int index = m_ownerCombo->findText(c.owner);
            if (index >= 0)
                m_ownerCombo->setCurrentIndex(index);
            m_ownerCombo->setEditText(c.owner);
        }
        break;
    case CustomerField::Tags:
        // While typing "vip, " the text and the tags differ only by the separator: leave it.
        if (parseTags(m_tagsEdit->text()) != c.tags)
            m_tagsEdit->setText(joinTags(c.tags));
        break;
    case CustomerField::Grade:
    case CustomerField::GradeSetAt:
        selectData(m_gradeCombo, fieldValue(c, CustomerField::Grade));
        break;
    case CustomerField::ManMoney:
        selectData(m_manMoneyCombo, fieldValue(c, field));
        break;
    case CustomerField::ManAuthority:
        selectData(m_manAuthorityCombo, fieldValue(c, field));
        break;
    case CustomerField::ManNeed:
        selectData(m_manNeedCombo, fieldValue(c, field));
        break;
    case CustomerField::Archived:
        m_archivedCheck->setChecked(c.archived);
        break;
    case CustomerField::CreatedAt:
        m_createdLabel->setText(displayDate(c.createdAt));
        break;
    }
    updateGradeNotes();
    updateState();
}

void CustomerDialog::edit(CustomerField field, const QVariant &value)
{
    if (m_draft->value(field) == value)
        return;
    m_undoStack->push(new SetCustomerField(m_draft, field, value));
}

void CustomerDialog::editGrade(std::optional<Grade> grade)
{
    if (m_draft->customer().grade == grade)
        return;
    m_undoStack->push(new SetCustomerGrade(m_draft, grade, m_session->today()));
}

void CustomerDialog::updateCleanState()
{
    // Clean means "as stored". Comparing keeps that true across saves, merges and changes made
    // elsewhere, which a plain clean index cannot know about.
    const bool same = sameProfile(m_draft->customer(), m_stored);
    if (same && !m_undoStack->isClean())
        m_undoStack->setClean();
    else if (!same && m_undoStack->isClean())
        m_undoStack->resetClean();
}

void CustomerDialog::updateGradeNotes()
{
    const Customer &c = m_draft->customer();
    if (c.grade) {
        m_gradeNote->setText(c.gradeSetAt.isValid() ? tr("Set by hand on %1.").arg(displayDate(c.gradeSetAt))
                                                    : tr("Set by hand."));
        m_gradeNote->show();
        m_suggestedGradeLabel->hide();
        return;
    }
    m_gradeNote->hide();
    m_suggestedGradeLabel->show();
    if (const auto suggested = classify::suggestedGrade(c.man))
        m_suggestedGradeLabel->setText(tr("Suggested grade from the MAN answers: <b>%1</b>")
                                           .arg(labels::grade(*suggested).toHtmlEscaped()));
    else
        m_suggestedGradeLabel->setText(tr("No grade yet: set one, or answer the MAN questions."));
}

void CustomerDialog::updateTitle()
{
    if (m_id == 0)
        setWindowTitle(tr("New customer[*]"));
    else
        setWindowTitle(
            tr("%1 — Customer[*]").arg(m_stored.name.isEmpty() ? QString::number(m_id) : m_stored.name));
    setWindowModified(isModified());
}

void CustomerDialog::updateState()
{
    const bool named = !m_draft->customer().name.trimmed().isEmpty();
    // A new, untouched form is not an error yet.
    m_nameError->setVisible(!named && m_loadError.isEmpty() && (m_id != 0 || isModified()));
    m_saveButton->setEnabled(named && isModified() && m_loadError.isEmpty());
    m_mergeButton->setEnabled(m_id != 0 && m_loadError.isEmpty() &&
                              !m_duplicatesList->selectedItems().isEmpty());
    updateTitle();
}

bool CustomerDialog::save()
{
    if (!m_loadError.isEmpty())
        return false;
    Customer c = m_draft->customer();
    c.name = c.name.trimmed();
    c.company = c.company.trimmed();
    c.phone = c.phone.trimmed();
    c.email = c.email.trimmed();
    c.city = c.city.trimmed();
    c.owner = c.owner.trimmed();
    if (c.name.isEmpty()) {
        m_nameError->show();
        m_tabs->setCurrentIndex(0);
        m_nameEdit->setFocus();
        return false;
    }
    QScopedValueRollback guard(m_saving, true);
    if (m_id == 0) {
        c.id = 0;
        auto id = m_session->addCustomer(c);
        if (!id) {
            MessageBox::critical(this, tr("Customer not saved"), id.error().message);
            return false;
        }
        c.id = *id;
        m_id = *id;
    } else {
        c.id = m_id;
        if (auto ok = m_session->updateCustomer(c); !ok) {
            MessageBox::critical(this, tr("Customer not saved"), ok.error().message);
            return false;
        }
    }
    m_stored = c;
    m_draft->setCustomer(c);
    m_undoStack->setClean();
    loadOwners();
    loadHistory(TiersPart);
    loadDuplicates();
    updateState();
    emit saved(m_id);
    return true;
}

bool CustomerDialog::maybeClose()
{
    if (!isModified())
        return true;
    const QString name = m_draft->customer().name.trimmed();
    const auto answer =
        MessageBox::question(this, tr("Unsaved changes"),
                             name.isEmpty() ? tr("Save the changes to this customer before closing?")
                                            : tr("Save the changes to %1 before closing?").arg(name),
                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    switch (answer) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        m_draft->setCustomer(m_stored);
        m_undoStack->clear();
        return true;
    default:
        return false;
    }
}

void CustomerDialog::reject()
{
    if (maybeClose())
        QDialog::reject();
}

void CustomerDialog::hideEvent(QHideEvent *event)
{
    QSettings().setValue(kGeometryKey, saveGeometry());
    QDialog::hideEvent(event);
}

namespace {

/// The parts of a customer's history that `parts` (CustomerDialog::HistoryPart) asks for, read
/// through `db`: the window's connection or a worker's.
CustomerDialog::History readHistory(store::Database &db, CustomerId id, int parts, QDate today,
                                    const classify::Settings &settings)
{
    CustomerDialog::History history;
    if (parts & CustomerDialog::TiersPart) {
        // An error reads as "not classified", as it always did.
        if (auto snap = Session::readSnapshot(db, id, today, settings))
            history.snapshot = std::move(*snap);
    }
    if (parts & CustomerDialog::TimelinePart) {
        auto calls = store::CallRepository(db).forCustomer(id);
        auto orders = store::OrderRepository(db).forCustomer(id);
        if (calls)
            history.calls = std::move(*calls);
        else
            history.timelineError = calls.error().message;
        if (orders)
            history.orders = std::move(*orders);
        else
            history.timelineError = orders.error().message;
    }
    return history;
}

} // namespace

void CustomerDialog::loadHistory(int parts)
{
    if (m_id == 0 || !m_loadError.isEmpty()) {
        stopRead(m_reading);
        m_readingParts = 0;
        showHistory(History(), parts);
        return;
    }
    if (!m_session->worksInBackground()) {
        showHistory(
            readHistory(m_session->database(), m_id, parts, m_session->today(), m_session->settings()),
            parts);
        return;
    }
    // A read still on its way is replaced by one that brings its parts too.
    parts |= m_readingParts;
    stopRead(m_reading);
    m_readingParts = parts;
    // Until the first answer the tabs say what they wait for; after it they keep what they show
    // until the next one.
    if ((parts & TiersPart) && !(m_shownParts & TiersPart)) {
        m_summary->hide();
        m_tiersHeader->hide();
        m_tiersGrid->hide();
        m_notClassifiedLabel->setText(tr("Reading the results of the classification…"));
        m_notClassifiedLabel->show();
    }
    if ((parts & TimelinePart) && !(m_shownParts & TimelinePart)) {
        m_timelineEmpty->setText(tr("Reading the calls and orders…"));
        m_timelineEmpty->show();
    }
    m_reading = readInBackground<History>(
        this, m_session->path(),
        [id = m_id, parts, today = m_session->today(), settings = m_session->settings()](
            store::Database &db) { return Result<History>(readHistory(db, id, parts, today, settings)); },
        [this, parts](const Result<History> &history) {
            m_reading.reset();
            m_readingParts = 0;
            showHistory(history, parts);
        });
}

void CustomerDialog::showHistory(const Result<History> &history, int parts)
{
    if (parts & TiersPart) {
        std::optional<Session::Snapshot> snap = history ? history->snapshot : std::nullopt;
        if (snap)
            snap->summary = m_session->runSummary();
        showTiers(std::move(snap));
    }
    if (parts & TimelinePart) {
        if (history)
            showTimeline(history->calls, history->orders, history->timelineError);
        else
            showTimeline({}, {}, history.error().message);
    }
    m_shownParts |= parts;
    emit historyLoaded();
}

void CustomerDialog::showTiers(std::optional<Session::Snapshot> snap)
{
    m_notClassifiedLabel->setText(tr("Not classified yet — run Classify."));
    const bool classified = snap && snap->result;
    m_summary->setVisible(classified);
    m_notClassifiedLabel->setVisible(!classified);
    m_tiersGrid->setVisible(classified);
    m_tiersHeader->setVisible(classified);
    if (!classified)
        return;

    const classify::Settings &settings = m_session->settings();
    const classify::CustomerFacts &f = snap->facts;
    const classify::Summary &summary = snap->summary;
    classify::Classification c = *snap->result;
    // Tiers are relative to everyone and come from the last run; the grade belongs to this
    // customer alone, so it is shown as it is now (a grade set since the run counts).
    c.grade = f.grade ? f.grade : classify::suggestedGrade(f.man);
    c.gradeSuggested = !f.grade && c.grade;
    c.demoteTo = classify::demotion(f, settings, m_session->today());

    m_tiersHeader->setText(summary.asOf.isValid()
                               ? tr("Results of the classification as of %1.").arg(displayDate(summary.asOf))
                               : tr("Results of the last classification."));
    const QString none = QStringLiteral("—");
    m_valueTier.set(labels::valueTier(c.valueTier), classify::explainValueTier(c, summary, settings));
    m_rfm.set(c.r ? tr("R %1 · F %2 · M %3").arg(*c.r).arg(c.f.value_or(0)).arg(c.m.value_or(0)) : none,
              classify::explainRfm(c, f));
    if (c.segment)
        m_segment.set(labels::segment(*c.segment),
                      tr("Suggested action: %1").arg(classify::segmentAction(*c.segment, settings)));
    else
        m_segment.set(none, tr("No segment: this customer has not bought yet."));
    m_matrix.set(c.matrix ? labels::matrix(*c.matrix) : none,
                 c.matrix ? QString() : tr("Not in the value matrix: this customer has not bought yet."));
    m_frequency.set(c.freqTier ? labels::level(*c.freqTier) : none, classify::explainFrequencyTier(c));
    m_loyalty.set(c.loyalty ? labels::level(*c.loyalty) : none, classify::explainLoyalty(c, f));
    m_lifecycle.set(labels::lifecycle(c.lifecycle), classify::explainLifecycle(c, f, settings));
    m_engagement.set(labels::engagement(c.engagement), classify::explainEngagement(c, f, settings));
    QString gradeValue = none;
    if (c.grade)
        gradeValue =
            c.gradeSuggested ? tr("%1 (suggested)").arg(labels::grade(*c.grade)) : labels::grade(*c.grade);
    m_grade.set(gradeValue, classify::explainGrade(c, f));
    m_demotion.set(c.demoteTo ? labels::grade(*c.demoteTo) : QString(),
                   classify::explainDemotion(c, f, settings), c.demoteTo.has_value());
    const QString reason = classify::reasonText(c.reason);
    const qint64 overdue = c.due.isValid() ? c.due.daysTo(m_session->today()) : 0;
    m_due.set(c.due.isValid() ? displayDate(c.due) : none,
              overdue > 0 ? tr("Overdue by %n day(s). Reason: %1", nullptr, int(overdue)).arg(reason)
                          : tr("Reason: %1").arg(reason));

    // The card's first line: where this customer stands, in the words of the columns.
    QStringList parts{QStringLiteral("<b>%1</b>").arg(labels::valueTier(c.valueTier).toHtmlEscaped()),
                      labels::lifecycle(c.lifecycle).toHtmlEscaped()};
    if (c.segment)
        parts << labels::segment(*c.segment).toHtmlEscaped();
    if (c.grade)
        parts << tr("Grade %1").arg(toText(*c.grade)).toHtmlEscaped();
    QString next;
    if (c.due.isValid())
        next = overdue > 0 ? tr("Call: %1, %n day(s) overdue", nullptr, int(overdue)).arg(displayDate(c.due))
                           : tr("Next call: %1").arg(displayDate(c.due));
    m_summary->setText(parts.join(QStringLiteral(" · ")) +
                       (next.isEmpty()
                            ? QString()
                            : QStringLiteral("&nbsp;&nbsp; <span style=\"color:%1;\">%2</span>")
                                  .arg(overdue > 0 ? QStringLiteral("#c0392b") : QStringLiteral("#333"),
                                       next.toHtmlEscaped())));
}

void CustomerDialog::showTimeline(const std::vector<Call> &calls, const std::vector<Order> &orders,
                                  const QString &error)
{
    m_timelineModel->setItems(calls, orders);
    m_timelineEmpty->setText(error.isEmpty() ? tr("No calls or orders yet.") : error);
    m_timelineEmpty->setVisible(!error.isEmpty() || m_timelineModel->rowCount() == 0);
}

void CustomerDialog::loadDuplicates()
{
    m_duplicatesList->clear();
    Customer probe = m_draft->customer();
    probe.id = m_id;
    std::vector<store::ContactRow> rows;
    QString error;
    if (m_loadError.isEmpty()) {
        auto ids = store::CustomerRepository(m_session->database()).duplicatesOf(probe);
        if (!ids) {
            error = ids.error().message;
        } else {
            auto found = store::ContactQuery(m_session->database()).fetch(*ids);
            if (found)
                rows = std::move(*found);
            else
                error = found.error().message;
        }
    }
    const QString phoneKey = classify::phoneKey(probe.phone);
    const QString emailKey = classify::emailKey(probe.email);
    for (const store::ContactRow &row : rows) {
        const bool samePhone = !phoneKey.isEmpty() && classify::phoneKey(row.phone) == phoneKey;
        const bool sameEmail = !emailKey.isEmpty() && classify::emailKey(row.email) == emailKey;
        QString why;
        if (samePhone && sameEmail)
            why = tr("Same phone number and e-mail");
        else if (samePhone)
            why = tr("Same phone number");
        else
            why = tr("Same e-mail");
        auto *item = new QTreeWidgetItem(m_duplicatesList, {tr("%1 (#%2)").arg(row.name).arg(row.id),
                                                            row.phone, row.email, row.owner, why});
        item->setData(0, kDuplicateIdRole, qlonglong(row.id));
        if (!row.company.isEmpty())
            item->setToolTip(0, row.company);
    }
    const int n = int(rows.size());
    if (!error.isEmpty())
        m_duplicatesIntro->setText(error);
    else if (n == 0)
        m_duplicatesIntro->setText(tr("No other customer has this phone number or e-mail."));
    else if (m_id == 0)
        m_duplicatesIntro->setText(
            tr("%n customer(s) already have this phone number or e-mail. Is this one of them?", nullptr, n));
    else
        m_duplicatesIntro->setText(
            tr("%n other customer(s) have the same phone number or e-mail. Select one and merge it into "
               "this customer to keep a single record.",
               nullptr, n));
    m_tabs->setTabText(m_tabs->indexOf(m_duplicatesList->parentWidget()),
                       n > 0 ? tr("D&uplicates (%1)").arg(n) : tr("D&uplicates"));
    if (n > 0)
        m_duplicatesList->setCurrentItem(m_duplicatesList->topLevelItem(0));
    updateState();
}

void CustomerDialog::mergeSelected()
{
    QTreeWidgetItem *item = m_duplicatesList->currentItem();
    if (!item || m_id == 0)
        return;
    const CustomerId other = item->data(0, kDuplicateIdRole).toLongLong();
    auto calls = store::CallRepository(m_session->database()).forCustomer(other);
    auto orders = store::OrderRepository(m_session->database()).forCustomer(other);
    const QString otherName = item->text(0);
    const QString keptName = tr("%1 (#%2)").arg(m_stored.name).arg(m_id);
    const QString text =
        tr("Merge %1 into %2?\n\n"
           "All calls (%3) and orders (%4) of %1 move to %2, empty fields of %2 are filled in from %1, "
           "and %1 disappears from the customer list.\n\n"
           "You can take this back with Undo (Ctrl+Z) while this window is open.")
            .arg(otherName, keptName, QString::number(calls ? calls->size() : 0),
                 QString::number(orders ? orders->size() : 0));
    if (MessageBox::question(this, tr("Merge customers"), text) != QMessageBox::Yes)
        return;
    m_undoStack->push(new MergeCustomers(m_session, m_id, other, [this](const Error &error) {
        MessageBox::critical(this, tr("Merge customers"), error.message);
    }));
}

} // namespace tierdesk::ui
