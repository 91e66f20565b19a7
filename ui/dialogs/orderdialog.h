#pragma once

#include "backgroundread.h"
#include "model/types.h"

#include <QDialog>

#include <optional>

class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace tierdesk::ui {

class Session;

/// Records one order, or a refund (a negative amount), for one customer. On a big database a
/// worker reads the date of the customer's last order shown under the name: the dialog opens at
/// once.
class OrderDialog final : public QDialog {
    Q_OBJECT

public:
    OrderDialog(Session *session, CustomerId customer, QWidget *parent = nullptr);
    ~OrderDialog() override;

    CustomerId customerId() const { return m_customer; }
    /// True while a worker reads the customer's facts (a big database).
    bool isLoading() const { return m_reading != nullptr; }

    /// The amount as typed or pasted, in cents: parseCents after forgiving what people paste
    /// (grouping commas in the 1,234.50 pattern, full-width digits from a Chinese input method,
    /// a leading ¥ / ￥ / $ or a trailing 元). Empty when it is not an amount.
    static std::optional<Cents> parseAmount(const QString &text);

    /// Saves the order. On success emits `saved` and accepts; on failure shows the error and
    /// stays open.
    bool save();

signals:
    void saved(tierdesk::CustomerId id);
    /// The worker's read of the customer's facts arrived and is shown (a big database).
    void factsLoaded();

private:
    void updateAmountHint();
    QString formatAmount(Cents cents) const;

    Session *m_session;
    CustomerId m_customer;
    QLineEdit *m_amount = nullptr;
    QLabel *m_amountHint = nullptr;
    QDateEdit *m_date = nullptr;
    QLineEdit *m_note = nullptr;
    QPushButton *m_saveButton = nullptr;
    bool m_saving = false;
    StopFlag m_reading; ///< the worker's read of the facts, while it runs
};

} // namespace tierdesk::ui
