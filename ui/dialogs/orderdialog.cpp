#include "orderdialog.h"

#include "messagebox.h"
#include "model/dates.h"
#include "model/money.h"
#include "session.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QVBoxLayout>
#include <QValidator>

namespace tierdesk::ui {

namespace {

/// Acceptable when the text is an amount other than zero; never Invalid, so that a pasted
/// "1.234" stays visible next to the hint that says what is wrong with it.
class AmountValidator final : public QValidator {
public:
    using QValidator::QValidator;
    State validate(QString &input, int &) const override
    {
        const auto cents = OrderDialog::parseAmount(input);
        return cents && *cents != 0 ? Acceptable : Intermediate;
    }
};

QString errorText(const Error &error)
{
    return error.detail.isEmpty() ? error.message
                                  : QStringLiteral("%1\n\n%2").arg(error.message, error.detail);
}

} // namespace

std::optional<Cents> OrderDialog::parseAmount(const QString &text)
{
    QString s;
    s.reserve(text.size());
    for (QChar c : text.trimmed()) {
        const char16_t u = c.unicode();
        if (u >= 0xFF10 && u <= 0xFF19) // full-width digits
            s.append(QChar(char16_t(u - 0xFF10 + u'0')));
        else if (u == 0xFF0E) // ．
            s.append(QLatin1Char('.'));
        else if (u == 0xFF0C) // ，
            s.append(QLatin1Char(','));
        else if (u == 0xFF0D || u == 0x2212) // － and the minus sign
            s.append(QLatin1Char('-'));
        else if (u == 0xFF0B) // ＋
            s.append(QLatin1Char('+'));
        else
            s.append(c);
    }
    // A currency sign before the number (after an optional sign), or 元 after it.
    static const QRegularExpression shape(
        QStringLiteral("^([+-]?)\\s*[\u00A5\uFFE5$]?\\s*([+-]?)([0-9.,]+)\\s*\u5143?$"));
    const auto m = shape.match(s);
    if (!m.hasMatch() || (!m.captured(1).isEmpty() && !m.captured(2).isEmpty()))
        return std::nullopt;
    QString number = m.captured(3);
    if (number.contains(QLatin1Char(','))) {
        // Only real thousands grouping: 1,234 and 1,234,567.89; not 1,5 nor 12,34.
        static const QRegularExpression grouped(QStringLiteral("^\\d{1,3}(,\\d{3})+(\\.\\d*)?$"));
        if (!grouped.match(number).hasMatch())
            return std::nullopt;
        number.remove(QLatin1Char(','));
    }
    return parseCents(QString(m.captured(1) + m.captured(2) + number));
}

OrderDialog::OrderDialog(Session *session, CustomerId customer, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_customer(customer)
{
    setObjectName(QStringLiteral("OrderDialog"));
    setWindowTitle(tr("Add an order"));

    auto *layout = new QVBoxLayout(this);

    auto *who = new QLabel(this);
    who->setObjectName(QStringLiteral("customerLabel"));
    who->setTextFormat(Qt::PlainText);
    who->setWordWrap(true);
    QFont bold = who->font();
    bold.setPointSizeF(bold.pointSizeF() * 1.3);
    bold.setBold(true);
    who->setFont(bold);
    auto *whoDetail = new QLabel(this);
    whoDetail->setObjectName(QStringLiteral("customerDetail"));
    whoDetail->setForegroundRole(QPalette::PlaceholderText);
    whoDetail->setWordWrap(true);
    auto found = session->isOpen() ? session->customer(customer) : Result<std::optional<Customer>>{};
    if (found && *found) {
        const Customer &c = **found;
        setWindowTitle(tr("Add an order — %1").arg(c.name));
        who->setText(c.name);
        // The date of the last order comes from the customer's facts, which read every order and
        // call of the customer: on a big database (at a million customers, from a cold disk,
        // longer than the window may wait) a worker reads them and the line shows it when it can.
        const auto showDetail = [whoDetail, company = c.company](const Result<Session::Snapshot> &snap) {
            QString detail = company;
            if (snap && snap->facts.lastOrder.isValid())
                detail = company.isEmpty()
                             ? tr("Last order %1").arg(isoDate(snap->facts.lastOrder))
                             : tr("%1 · last order %2").arg(company, isoDate(snap->facts.lastOrder));
            whoDetail->setText(detail);
            whoDetail->setVisible(!detail.isEmpty());
        };
        if (!session->worksInBackground()) {
            showDetail(session->snapshot(customer));
        } else {
            whoDetail->setText(c.company);
            m_reading = readInBackground<Session::Snapshot>(
                this, session->path(),
                [customer, today = session->today(), settings = session->settings()](store::Database &db) {
                    return Session::readSnapshot(db, customer, today, settings);
                },
                [this, showDetail](const Result<Session::Snapshot> &snap) {
                    m_reading.reset();
                    showDetail(snap);
                    emit factsLoaded();
                });
        }
    } else {
        who->setText(tr("Customer %1 was not found").arg(customer));
        whoDetail->setText(found ? QString() : found.error().message);
    }
    whoDetail->setVisible(!whoDetail->text().isEmpty());
    layout->addWidget(who);
    layout->addWidget(whoDetail);
    layout->addSpacing(6);

    auto *form = new QFormLayout;
    m_amount = new QLineEdit(this);
    m_amount->setObjectName(QStringLiteral("amountEdit"));
    m_amount->setValidator(new AmountValidator(m_amount));
    m_amount->setPlaceholderText(QStringLiteral("0.00"));
    m_amount->setAlignment(Qt::AlignRight);
    m_amount->setMinimumWidth(m_amount->fontMetrics().horizontalAdvance(QStringLiteral("-0,000,000,000.00")));
    auto *amountLabel = new QLabel(tr("&Amount:"), this);
    amountLabel->setBuddy(m_amount);
    m_amountHint = new QLabel(this);
    m_amountHint->setObjectName(QStringLiteral("amountHint"));
    m_amountHint->setWordWrap(true);
    // Room for two lines from the start, so that the dialog does not jump or clip as it changes.
    m_amountHint->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_amountHint->setMinimumHeight(m_amountHint->fontMetrics().lineSpacing() * 2 + 2);
    // The hint sits right under the amount it explains.
    auto *amountColumn = new QVBoxLayout;
    amountColumn->setSpacing(2);
    amountColumn->addWidget(m_amount);
    amountColumn->addWidget(m_amountHint);
    form->addRow(amountLabel, amountColumn);

    m_date = new QDateEdit(this);
    m_date->setObjectName(QStringLiteral("orderDateEdit"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setMaximumDate(session->today());
    m_date->setDate(session->today());
    auto *dateLabel = new QLabel(tr("&Date:"), this);
    dateLabel->setBuddy(m_date);
    form->addRow(dateLabel, m_date);

    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setPlaceholderText(tr("Invoice number, products…"));
    auto *noteLabel = new QLabel(tr("&Note:"), this);
    noteLabel->setBuddy(m_note);
    form->addRow(noteLabel, m_note);
    layout->addLayout(form);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(this);
    m_saveButton = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setDefault(true);
    auto *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    layout->addWidget(buttons);

    connect(m_saveButton, &QPushButton::clicked, this, [this] { save(); });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_amount, &QLineEdit::textChanged, this, &OrderDialog::updateAmountHint);
    updateAmountHint();

    setTabOrder(m_amount, m_date);
    setTabOrder(m_date, m_note);
    setTabOrder(m_note, m_saveButton);
    m_amount->setFocus();
    resize(sizeHint().expandedTo(QSize(420, 0)));
}

OrderDialog::~OrderDialog()
{
    stopRead(m_reading); // its answer has no one to go to
}

QString OrderDialog::formatAmount(Cents cents) const
{
    const Cents a = cents < 0 ? -cents : cents;
    return locale().toString(qlonglong(a / 100)) + locale().decimalPoint() +
           QStringLiteral("%1").arg(int(a % 100), 2, 10, QLatin1Char('0'));
}

void OrderDialog::updateAmountHint()
{
    const QString text = m_amount->text().trimmed();
    const auto cents = parseAmount(text);
    bool bad = false;
    if (text.isEmpty()) {
        m_amountHint->setText(tr("A negative amount is a refund, e.g. -200.00."));
    } else if (!cents) {
        bad = true;
        static const QRegularExpression threeDecimals(QStringLiteral("\\.\\d{3,}$"));
        if (threeDecimals.match(text).hasMatch())
            m_amountHint->setText(tr("At most two decimals. Type thousands as 1234 or 1,234."));
        else
            m_amountHint->setText(tr("Not an amount. Type it like 1234.50, or -200 for a refund."));
    } else if (*cents == 0) {
        bad = true;
        m_amountHint->setText(tr("An amount of zero changes nothing."));
    } else if (*cents < 0) {
        m_amountHint->setText(
            tr("Refund of %1: it lowers the customer's spending.").arg(formatAmount(*cents)));
    } else {
        m_amountHint->setText(tr("Order of %1.").arg(formatAmount(*cents)));
    }
    QPalette p = palette();
    if (bad)
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    else
        p.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_amountHint->setPalette(p);
    m_saveButton->setEnabled(m_amount->hasAcceptableInput());
}

bool OrderDialog::save()
{
    if (m_saving || !m_amount->hasAcceptableInput())
        return false;
    m_saving = true;
    const auto done = qScopeGuard([this] { m_saving = false; });
    const QString title = tr("Order not saved");
    if (!m_session->isOpen()) {
        MessageBox::critical(this, title, tr("No database is open. Open one, then add the order again."));
        return false;
    }
    Order order;
    order.customerId = m_customer;
    order.orderedAt = m_date->date();
    order.amount = *parseAmount(m_amount->text());
    order.note = m_note->text().trimmed();
    if (auto id = m_session->addOrder(order); !id) {
        MessageBox::critical(this, title, errorText(id.error()));
        return false;
    }
    stopRead(m_reading);
    emit saved(m_customer);
    accept();
    return true;
}

} // namespace tierdesk::ui
