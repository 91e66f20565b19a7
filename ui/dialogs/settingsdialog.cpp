#include "settingsdialog.h"

#include "classify/explain.h"
#include "classify/tagrule.h"
#include "messagebox.h"
#include "model/labels.h"
#include "session.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tierdesk::ui {
namespace {

const QString kLanguageKey = QStringLiteral("ui/language");

enum TagRuleColumn { NameColumn, ConditionColumn, TagRuleColumnCount };

/// `tier_a_share` → `tierAShare`: the objectName of a setting's editor is its key in camelCase.
QString camelCase(QStringView key)
{
    QString out;
    bool upper = false;
    for (QChar c : key) {
        if (c == u'_') {
            upper = true;
            continue;
        }
        out += upper ? c.toUpper() : c;
        upper = false;
    }
    return out;
}

/// A number of days, with a suffix that follows the number ("1 day", "30 days").
class DaysSpinBox final : public QSpinBox {
public:
    explicit DaysSpinBox(QWidget *parent = nullptr)
        : QSpinBox(parent)
    {
        connect(this, &QSpinBox::valueChanged, this, &DaysSpinBox::updateSuffix);
        updateSuffix(value());
    }

private:
    void updateSuffix(int days) { setSuffix(SettingsDialog::tr(" day(s)", "spin box suffix", days)); }
};

/// A percentage kept exactly: four decimals hold every millionth of a share, but the text shows
/// only the decimals that matter ("5.0 %", "5.25 %").
class PercentSpinBox final : public QDoubleSpinBox {
public:
    explicit PercentSpinBox(QWidget *parent = nullptr)
        : QDoubleSpinBox(parent)
    {
        setDecimals(4);
        setSuffix(SettingsDialog::tr(" %", "spin box suffix"));
    }

protected:
    QString textFromValue(double value) const override
    {
        QString text = QDoubleSpinBox::textFromValue(value);
        const QString point = locale().decimalPoint();
        const qsizetype at = text.indexOf(point);
        if (at < 0)
            return text;
        const QString zero = locale().zeroDigit();
        qsizetype end = text.size();
        while (end - zero.size() > at + point.size() &&
               QStringView(text).sliced(end - zero.size(), zero.size()) == zero)
            end -= zero.size();
        text.truncate(end);
        return text;
    }
};

double percentFromMillionths(int millionths)
{
    return millionths / 10'000.0;
}

int millionthsFromPercent(double percent)
{
    // The spin box rounds to four decimals, so this is an exact integer: no drift on a round trip.
    return int(std::llround(percent * 10'000.0));
}

/// Tag rule cells: reports every keystroke (so a rule is checked while it is typed) and marks
/// invalid cells with a warning icon whose tooltip is the error.
class TagRuleDelegate final : public QStyledItemDelegate {
public:
    using EditedFn = std::function<void(const QModelIndex &, const QString &)>;
    using ErrorFn = std::function<QString(const QModelIndex &)>;

    TagRuleDelegate(EditedFn edited, ErrorFn error, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_edited(std::move(edited))
        , m_error(std::move(error))
    {}

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            line->setObjectName(index.column() == NameColumn ? QStringLiteral("tagRuleNameEditor")
                                                             : QStringLiteral("tagRuleConditionEditor"));
            const QPersistentModelIndex at(index);
            connect(line, &QLineEdit::textEdited, this, [this, at](const QString &text) {
                if (at.isValid())
                    m_edited(at, text);
            });
        }
        return editor;
    }

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override
    {
        if (event->type() == QEvent::ToolTip) {
            const QString error = m_error(index);
            if (!error.isEmpty()) {
                QToolTip::showText(event->globalPos(), error, view);
                return true;
            }
        }
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (m_error(index).isEmpty())
            return;
        const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
        option->icon = style->standardIcon(QStyle::SP_MessageBoxWarning);
        option->features |= QStyleOptionViewItem::HasDecoration;
    }

private:
    EditedFn m_edited;
    ErrorFn m_error;
};

/// A bold heading and an optional one-line explanation, spanning both columns of a form.
void addSection(QFormLayout *form, const QString &title, const QString &description = {})
{
    auto *heading = new QLabel(title);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    if (form->rowCount() > 0)
        heading->setContentsMargins(0, 10, 0, 0);
    form->addRow(heading);
    if (!description.isEmpty()) {
        auto *text = new QLabel(description);
        text->setWordWrap(true);
        text->setForegroundRole(QPalette::PlaceholderText);
        form->addRow(text);
    }
}

QFormLayout *newForm()
{
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    return form;
}

QLabel *noteLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_base(session->settings())
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(createUserPage(), tr("You"));
    m_tabs->addTab(createThresholdsPage(), tr("Tiers && stages"));
    m_tabs->addTab(createCadencePage(), tr("Follow-up cadence"));
    m_tabs->addTab(createSegmentsPage(), tr("Segments"));
    m_tabs->addTab(createTagRulesPage(), tr("Tag rules"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    auto *restore = m_buttons->addButton(tr("&Restore Defaults"), QDialogButtonBox::ResetRole);
    restore->setObjectName(QStringLiteral("restoreDefaultsButton"));
    restore->setAutoDefault(false);
    connect(restore, &QPushButton::clicked, this, &SettingsDialog::restoreDefaults);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_buttons);

    // One width for the spin boxes of a page, so that their columns line up.
    for (int i = 0; i < m_tabs->count(); ++i) {
        const auto spins = m_tabs->widget(i)->findChildren<QAbstractSpinBox *>();
        int width = 0;
        for (const QAbstractSpinBox *spin : spins)
            width = std::max(width, spin->sizeHint().width());
        for (QAbstractSpinBox *spin : spins)
            spin->setMinimumWidth(width);
    }

    load(m_base);
    for (const classify::TagRuleDef &rule : m_base.tagRules)
        addTagRuleRow(rule);
    validateTagRules();
    m_userNameEdit->setFocus();
}

SettingsDialog::~SettingsDialog()
{
    // The table's delegate reads this dialog's members; the table must go before they do.
    delete m_tagRulesTable;
}

QWidget *SettingsDialog::createUserPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("userPage"));
    auto *form = newForm();

    addSection(form, tr("On this computer"),
               tr("These preferences belong to you and are kept on this computer, not in the team "
                  "database."));

    m_userNameEdit = new QLineEdit(m_session->userName());
    m_userNameEdit->setObjectName(QStringLiteral("userNameEdit"));
    m_userNameEdit->setMinimumWidth(260);
    m_userNameEdit->setPlaceholderText(tr("e.g. 李娜"));
    m_userNameEdit->setToolTip(
        tr("The owner of the customers you add; your queue shows your own customers first."));
    auto *nameLabel = new QLabel(tr("Your &name:"));
    nameLabel->setBuddy(m_userNameEdit);
    form->addRow(nameLabel, m_userNameEdit);

    m_languageCombo = new QComboBox;
    m_languageCombo->setObjectName(QStringLiteral("languageCombo"));
    m_languageCombo->addItem(tr("System default"), QString());
    // Each language in its own script, so that it can be found whatever the current language is.
    m_languageCombo->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    const int current = m_languageCombo->findData(QSettings().value(kLanguageKey).toString());
    m_languageCombo->setCurrentIndex(std::max(current, 0));
    auto *languageLabel = new QLabel(tr("Interface &language:"));
    languageLabel->setBuddy(m_languageCombo);
    form->addRow(languageLabel, m_languageCombo);
    auto *restartNote = noteLabel(tr("A new language is used the next time you start TierDesk."));
    restartNote->setObjectName(QStringLiteral("languageNote"));
    form->addRow(QString(), restartNote);

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addStretch();
    return page;
}

QSpinBox *SettingsDialog::addDaysRow(QFormLayout *form, const QString &label, const QString &key, int min,
                                     int max, IntField field, const QString &toolTip)
{
    auto *spin = new DaysSpinBox;
    spin->setObjectName(camelCase(key) + u"Spin");
    spin->setRange(min, max);
    spin->setAccelerated(true);
    spin->setToolTip(toolTip);
    spin->setAlignment(Qt::AlignRight);
    auto *labelWidget = new QLabel(label);
    labelWidget->setBuddy(spin);
    form->addRow(labelWidget, spin);
    m_intBindings.push_back({spin, std::move(field)});
    return spin;
}

QDoubleSpinBox *SettingsDialog::addPercentRow(QFormLayout *form, const QString &label, const QString &key,
                                              int maxPercent, IntField field, const QString &toolTip)
{
    auto *spin = new PercentSpinBox;
    spin->setObjectName(camelCase(key) + u"Spin");
    spin->setRange(0, maxPercent);
    spin->setSingleStep(maxPercent > 100 ? 5.0 : 1.0);
    spin->setToolTip(toolTip);
    spin->setAlignment(Qt::AlignRight);
    auto *labelWidget = new QLabel(label);
    labelWidget->setBuddy(spin);
    form->addRow(labelWidget, spin);
    m_ratioBindings.push_back({spin, std::move(field)});
    return spin;
}

QWidget *SettingsDialog::createThresholdsPage()
{
    using classify::Settings;
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("thresholdsPage"));

    auto *left = newForm();
    addSection(left, tr("Value tiers (ABC pyramid)"),
               tr("Customers who spent in the window, ranked by spend. Ties at a boundary go to the "
                  "better tier."));
    addPercentRow(
        left, tr("Tier &A (key), top:"), QStringLiteral("tier_a_share"), 100,
        [](Settings &s) -> int & { return s.tierAShareMillionths; },
        tr("The best-spending customers in this share are key customers (A)."));
    addPercentRow(
        left, tr("Tiers A + &B, top:"), QStringLiteral("tier_b_share"), 100,
        [](Settings &s) -> int & { return s.tierBShareMillionths; },
        tr("Cumulative: the customers in this share who are not A are major customers (B)."));

    addSection(left, tr("Time windows"),
               tr("Spend is summed over the window; its recent half is compared with the half before "
                  "it to find growth and decline."));
    addDaysRow(
        left, tr("Spend &window:"), QStringLiteral("window_days"), 1, 3660,
        [](Settings &s) -> int & { return s.windowDays; },
        tr("Orders in this many days up to today count towards spend, frequency and tiers."));
    addDaysRow(
        left, tr("&Half-window:"), QStringLiteral("half_days"), 1, 1830,
        [](Settings &s) -> int & { return s.halfDays; }, tr("Two half-windows must fit in the window."));

    addSection(left, tr("Engagement"),
               tr("The latest touch is the latest order or call. Customers touched longer ago are "
                  "silent."));
    addDaysRow(left, tr("%1 — &touched within:").arg(labels::engagement(Engagement::Active)),
               QStringLiteral("active_days"), 0, 3660, [](Settings &s) -> int & { return s.activeDays; }, {});
    addDaysRow(left, tr("%1 — touched w&ithin:").arg(labels::engagement(Engagement::Normal)),
               QStringLiteral("silent_days"), 0, 3660, [](Settings &s) -> int & { return s.silentDays; }, {});

    auto *right = newForm();
    addSection(right, tr("Lifecycle stages"),
               tr("The first stage that matches, from the top. Recent spend is the spend of the recent "
                  "half-window, compared with the half-window before it."));
    addDaysRow(right, tr("&%1 — first order within:").arg(labels::lifecycle(Lifecycle::New)),
               QStringLiteral("new_days"), 0, 3660, [](Settings &s) -> int & { return s.newDays; }, {});
    addDaysRow(right, tr("&%1 — no order for:").arg(labels::lifecycle(Lifecycle::Lost)),
               QStringLiteral("lost_days"), 1, 3660, [](Settings &s) -> int & { return s.lostDays; }, {});
    addDaysRow(right, tr("&%1 — no order for:").arg(labels::lifecycle(Lifecycle::Decline)),
               QStringLiteral("decline_days"), 1, 3660, [](Settings &s) -> int & { return s.declineDays; },
               {});
    addPercentRow(
        right, tr("%1 — or recent spend &under:").arg(labels::lifecycle(Lifecycle::Decline)),
        QStringLiteral("decline_ratio"), 100, [](Settings &s) -> int & { return s.declineRatioMillionths; },
        tr("Declining when the recent spend is below this share of the previous half's."));
    addPercentRow(
        right, tr("&%1 — recent spend over:").arg(labels::lifecycle(Lifecycle::Growth)),
        QStringLiteral("growth_ratio"), 1000, [](Settings &s) -> int & { return s.growthRatioMillionths; },
        tr("Growing when the recent spend is above this share of the previous half's."));

    addSection(right, tr("Intent grades"));
    addDaysRow(
        right, tr("Suggest de&motion after:"), QStringLiteral("demote_after_days"), 1, 3660,
        [](Settings &s) -> int & { return s.demoteAfterDays; },
        tr("S or A held this long without an order, or B without a reached call, is suggested "
           "one grade lower."));

    addSection(right, tr("RFM value matrix"));
    auto *high = new QSpinBox;
    high->setObjectName(QStringLiteral("rfmHighFromSpin"));
    high->setRange(1, 5);
    high->setAlignment(Qt::AlignRight);
    high->setToolTip(tr("An R, F or M score from this value up counts as high in the value matrix."));
    auto *highLabel = new QLabel(tr("A score is high &from:"));
    highLabel->setBuddy(high);
    right->addRow(highLabel, high);
    m_intBindings.push_back({high, [](Settings &s) -> int & { return s.rfmHighFrom; }});

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addSpacing(24);
    columns->addLayout(right, 1);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(noteLabel(tr("These settings are kept in the team database and apply to everyone "
                                   "who opens it. Tiers, stages and due dates change at the next "
                                   "classification.")));
    layout->addLayout(columns);
    layout->addStretch();
    return page;
}

QWidget *SettingsDialog::createCadencePage()
{
    using classify::Settings;
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("cadencePage"));

    auto *left = newForm();
    addSection(left, tr("By intent grade"), tr("Days between follow-up calls for a customer with a grade."));
    for (Grade g : {Grade::S, Grade::A, Grade::B, Grade::C, Grade::D}) {
        const auto i = std::size_t(g);
        addDaysRow(left, tr("&%1:", "form label; the first letter is the mnemonic").arg(labels::grade(g)),
                   QStringLiteral("cadence_") + toText(g).toLower(), 1, 3660,
                   [i](Settings &s) -> int & { return s.cadenceByGrade[i]; }, {});
    }

    auto *right = newForm();
    addSection(right, tr("Buyers without a grade"), tr("By value tier."));
    for (ValueTier t : {ValueTier::A, ValueTier::B, ValueTier::C, ValueTier::D}) {
        const auto i = std::size_t(t);
        addDaysRow(right, tr("%1:", "form label").arg(labels::valueTier(t)),
                   QStringLiteral("cadence_tier_") + toText(t).toLower(), 1, 3660,
                   [i](Settings &s) -> int & { return s.cadenceByTier[i]; }, {});
    }
    addSection(right, tr("Everyone else"));
    addDaysRow(right, tr("&Prospects without a grade:"), QStringLiteral("cadence_default"), 1, 3660,
               [](Settings &s) -> int & { return s.cadenceDefault; }, {});
    addDaysRow(
        right, tr("&Win-back, at least every:"), QStringLiteral("win_back_days"), 1, 3660,
        [](Settings &s) -> int & { return s.winBackDays; },
        tr("A declining customer is called at least this often, whatever the cadence above."));

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addSpacing(24);
    columns->addLayout(right, 1);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(noteLabel(tr("A customer is due this many days after the last call, unless the call "
                                   "set a follow-up date.")));
    layout->addLayout(columns);
    layout->addStretch();
    return page;
}

QWidget *SettingsDialog::createSegmentsPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("segmentsPage"));
    auto *form = newForm();
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addSection(form, tr("Suggested action per RFM segment"),
               tr("Shown with the segment on the customer card. Leave a line empty to use the built-in "
                  "text."));

    const classify::Settings defaults;
    for (int i = 0; i < SegmentCount; ++i) {
        const auto segment = Segment(i);
        auto *edit = new QLineEdit;
        edit->setObjectName(camelCase(QString(u"segment_action_" + toText(segment))) + u"Edit");
        edit->setPlaceholderText(classify::segmentAction(segment, defaults));
        edit->setClearButtonEnabled(true);
        edit->setMinimumWidth(340);
        QStringList cells;
        for (int r = 5; r >= 1; --r)
            for (int f = 1; f <= 5; ++f)
                if (m_base.segmentMap[std::size_t(r - 1)][std::size_t(f - 1)] == segment)
                    cells << tr("R %1 F %2", "RFM scores of a segment map cell").arg(r).arg(f);
        auto *label = new QLabel(tr("%1:", "form label").arg(labels::segment(segment)));
        label->setBuddy(edit);
        label->setToolTip(cells.join(QStringLiteral(", ")));
        form->addRow(label, edit);
        m_segmentActionEdits.push_back(edit);
    }

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addStretch();
    return page;
}

QWidget *SettingsDialog::createTagRulesPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("tagRulesPage"));

    const auto code = [](const QString &text) -> QString {
        return u"<code>" + text.toHtmlEscaped() + u"</code>";
    };
    auto *help = new QLabel(
        tr("<p>A tag rule gives its tag to every customer whose condition holds. Rules are applied at "
           "every classification; their tags are shown beside the tags you set by hand.</p>"
           "<p>Examples:<br>%1 — spent at least 100,000 in the window<br>%2 — key and major customers "
           "who are declining</p>"
           "<p>Fields: %3. Combine conditions with <i>and</i>, <i>or</i>, <i>not</i> and parentheses.</p>")
            .arg(code(QStringLiteral("monetary >= 100000")),
                 code(QStringLiteral("lifecycle = decline and value_tier in (A, B)")),
                 code(QStringLiteral("monetary, spend_recent, spend_prev, recency_days, frequency, "
                                     "orders_total, r, f, m, value_rank, value_tier, freq_tier, loyalty, "
                                     "lifecycle, engagement, segment, matrix, grade, type"))));
    help->setObjectName(QStringLiteral("tagRuleHelp"));
    help->setWordWrap(true);
    help->setTextFormat(Qt::RichText);

    m_tagRulesTable = new QTableWidget(0, TagRuleColumnCount);
    m_tagRulesTable->setObjectName(QStringLiteral("tagRulesTable"));
    m_tagRulesTable->setHorizontalHeaderLabels({tr("Tag"), tr("Condition")});
    m_tagRulesTable->horizontalHeader()->setStretchLastSection(true);
    m_tagRulesTable->setColumnWidth(NameColumn, 160);
    m_tagRulesTable->verticalHeader()->setVisible(false);
    m_tagRulesTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tagRulesTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tagRulesTable->setTabKeyNavigation(false);
    m_tagRulesTable->setWordWrap(false);

    auto *delegate = new TagRuleDelegate(
        [this](const QModelIndex &index, const QString &text) {
            m_pending = {index.row(), index.column(), text};
            validateTagRules();
        },
        [this](const QModelIndex &index) {
            const auto row = std::size_t(index.row());
            return row < m_ruleErrors.size() ? m_ruleErrors[row][std::size_t(index.column())] : QString();
        },
        m_tagRulesTable);
    m_tagRulesTable->setItemDelegate(delegate);
    connect(delegate, &QAbstractItemDelegate::closeEditor, this, [this] {
        m_pending = {};
        validateTagRules();
    });
    connect(m_tagRulesTable, &QTableWidget::itemChanged, this, [this] {
        if (!m_updatingRules)
            validateTagRules();
    });
    connect(m_tagRulesTable, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removeTagRuleButton->setEnabled(!m_tagRulesTable->selectedItems().isEmpty()); });

    auto *add = new QPushButton(tr("&Add Rule"));
    add->setObjectName(QStringLiteral("addTagRuleButton"));
    add->setAutoDefault(false);
    connect(add, &QPushButton::clicked, this, &SettingsDialog::addTagRule);
    m_removeTagRuleButton = new QPushButton(tr("Re&move Rule"));
    m_removeTagRuleButton->setObjectName(QStringLiteral("removeTagRuleButton"));
    m_removeTagRuleButton->setAutoDefault(false);
    m_removeTagRuleButton->setEnabled(false);
    connect(m_removeTagRuleButton, &QPushButton::clicked, this, &SettingsDialog::removeTagRule);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_removeTagRuleButton);
    buttons->addStretch();

    m_tagRuleError = new QLabel;
    m_tagRuleError->setObjectName(QStringLiteral("tagRuleError"));
    m_tagRuleError->setWordWrap(true);
    m_tagRuleError->setTextFormat(Qt::PlainText);
    QPalette red = m_tagRuleError->palette();
    red.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_tagRuleError->setPalette(red);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(help);
    layout->addWidget(m_tagRulesTable, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_tagRuleError);
    return page;
}

void SettingsDialog::load(const classify::Settings &settings)
{
    classify::Settings s = settings;
    for (const IntBinding &b : m_intBindings) {
        // A value stored by another tool may lie outside the usual range: show it, never clamp it.
        const int value = b.field(s);
        b.spin->setRange(std::min(b.spin->minimum(), value), std::max(b.spin->maximum(), value));
        b.spin->setValue(value);
    }
    for (const RatioBinding &b : m_ratioBindings) {
        const double value = percentFromMillionths(b.field(s));
        b.spin->setRange(std::min(b.spin->minimum(), value), std::max(b.spin->maximum(), value));
        b.spin->setValue(value);
    }
    for (std::size_t i = 0; i < m_segmentActionEdits.size(); ++i)
        m_segmentActionEdits[i]->setText(s.segmentActions[i]);
}

classify::Settings SettingsDialog::collect() const
{
    classify::Settings s = m_base;
    for (const IntBinding &b : m_intBindings)
        b.field(s) = b.spin->value();
    for (const RatioBinding &b : m_ratioBindings)
        b.field(s) = millionthsFromPercent(b.spin->value());
    for (std::size_t i = 0; i < m_segmentActionEdits.size(); ++i)
        s.segmentActions[i] = m_segmentActionEdits[i]->text().trimmed();
    s.tagRules = tagRules();
    return s;
}

QList<classify::TagRuleDef> SettingsDialog::tagRules() const
{
    const auto text = [this](int row, int column) {
        if (m_pending.row == row && m_pending.column == column)
            return m_pending.text.trimmed();
        const QTableWidgetItem *item = m_tagRulesTable->item(row, column);
        return item ? item->text().trimmed() : QString();
    };
    QList<classify::TagRuleDef> rules;
    for (int row = 0; row < m_tagRulesTable->rowCount(); ++row)
        rules.append({text(row, NameColumn), text(row, ConditionColumn)});
    return rules;
}

void SettingsDialog::addTagRuleRow(const classify::TagRuleDef &rule)
{
    const int row = m_tagRulesTable->rowCount();
    m_updatingRules = true;
    m_tagRulesTable->insertRow(row);
    m_tagRulesTable->setItem(row, NameColumn, new QTableWidgetItem(rule.name));
    m_tagRulesTable->setItem(row, ConditionColumn, new QTableWidgetItem(rule.condition));
    m_updatingRules = false;
}

void SettingsDialog::addTagRule()
{
    addTagRuleRow({});
    const int row = m_tagRulesTable->rowCount() - 1;
    validateTagRules();
    m_tagRulesTable->setCurrentCell(row, NameColumn);
    m_tagRulesTable->setFocus();
    m_tagRulesTable->editItem(m_tagRulesTable->item(row, NameColumn));
}

void SettingsDialog::removeTagRule()
{
    const int row = m_tagRulesTable->currentRow();
    if (row < 0)
        return;
    m_pending = {};
    m_tagRulesTable->removeRow(row);
    validateTagRules();
}

void SettingsDialog::validateTagRules()
{
    const QList<classify::TagRuleDef> rules = tagRules();
    QString firstError;
    m_ruleErrors.assign(std::size_t(rules.size()), {});
    for (int row = 0; row < rules.size(); ++row) {
        QString nameError;
        QString conditionError;
        if (rules[row].name.isEmpty())
            nameError = tr("Rule %1 needs a tag name.").arg(row + 1);
        if (auto parsed = classify::TagCondition::parse(rules[row].condition); !parsed)
            conditionError =
                rules[row].name.isEmpty()
                    ? tr("Rule %1: %2").arg(QString::number(row + 1), parsed.error().message)
                    : tr("Rule %1 (“%2”): %3")
                          .arg(QString::number(row + 1), rules[row].name, parsed.error().message);
        // Kept beside the items, not in them: a change of an item being edited resets its editor.
        m_ruleErrors[std::size_t(row)] = {nameError, conditionError};
        if (firstError.isEmpty())
            firstError = nameError.isEmpty() ? conditionError : nameError;
    }
    m_tagRulesTable->viewport()->update();
    m_tagRuleError->setText(firstError);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(firstError.isEmpty());
}

void SettingsDialog::restoreDefaults()
{
    if (MessageBox::question(this, tr("Restore Defaults"),
                             tr("Set every threshold, cadence and suggested action back to the built-in "
                                "values? Your tag rules, name and language are kept. Nothing is saved "
                                "until you press OK.")) != QMessageBox::Yes)
        return;
    const classify::Settings defaults;
    m_base.segmentMap = defaults.segmentMap;
    load(defaults);
}

void SettingsDialog::focusSettingNamedIn(const QString &detail)
{
    static const QRegularExpression word(QStringLiteral("[a-z_]+"));
    for (auto it = word.globalMatch(detail); it.hasNext();) {
        const QString name = camelCase(it.next().captured()) + u"Spin";
        auto *spin = findChild<QAbstractSpinBox *>(name);
        if (!spin)
            continue;
        for (int i = 0; i < m_tabs->count(); ++i)
            if (m_tabs->widget(i)->isAncestorOf(spin))
                m_tabs->setCurrentIndex(i);
        spin->setFocus();
        spin->selectAll();
        return;
    }
}

void SettingsDialog::accept()
{
    validateTagRules();
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled()) {
        m_tabs->setCurrentWidget(m_tagRulesTable->parentWidget());
        return;
    }
    const classify::Settings settings = collect();
    if (auto valid = settings.validate(); !valid) {
        focusSettingNamedIn(valid.error().detail);
        MessageBox::warning(this, tr("Settings"), valid.error().message);
        return;
    }

    // Suggested actions are read when shown; everything else is applied by a classification.
    classify::Settings sameActions = m_session->settings();
    sameActions.segmentActions = settings.segmentActions;
    const bool classificationChanged = settings != sameActions;
    if (settings != m_session->settings()) {
        if (auto saved = m_session->saveSettings(settings); !saved) {
            MessageBox::critical(this, tr("Settings Not Saved"), saved.error().message);
            return;
        }
    }
    if (m_userNameEdit->text().trimmed() != m_session->userName())
        m_session->setUserName(m_userNameEdit->text());
    QSettings().setValue(kLanguageKey, m_languageCombo->currentData().toString());

    const bool reclassify =
        classificationChanged &&
        MessageBox::question(this, tr("Reclassify Now?"),
                             tr("The new settings change tiers, stages and due dates at the next "
                                "classification. Reclassify all customers now? It runs in the "
                                "background.")) == QMessageBox::Yes;
    QDialog::accept();
    if (reclassify)
        emit reclassifyRequested();
}

} // namespace tierdesk::ui
