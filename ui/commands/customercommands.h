#pragma once

#include "model/error.h"
#include "model/types.h"
#include "store/repositories.h"

#include <QCoreApplication>
#include <QObject>
#include <QUndoCommand>
#include <QVariant>

#include <functional>
#include <optional>

namespace tierdesk::ui {

class Session;

/// The parts of a customer's profile that the customer card edits, one value each. The values
/// travel as QVariant so that one undo command serves every field:
/// text fields QString, Tags QStringList, Type/Grade int (-1: not set), the MAN answers int
/// (-1 unknown, 0 no, 1 yes), Archived bool, GradeSetAt/CreatedAt QDate.
enum class CustomerField : std::uint8_t {
    Name,
    Company,
    Type,
    Phone,
    Email,
    City,
    Owner,
    Tags,
    Grade,
    GradeSetAt,
    ManMoney,
    ManAuthority,
    ManNeed,
    Archived,
    CreatedAt,
};
inline constexpr int CustomerFieldCount = 15;

QVariant fieldValue(const Customer &c, CustomerField field);
void setFieldValue(Customer &c, CustomerField field, const QVariant &value);
/// True when every field above is equal (the id is not compared).
bool sameProfile(const Customer &a, const Customer &b);

/// Splits what the user typed into tags: separated by `,` `，` `;` `；`, trimmed, empty and
/// repeated ones dropped, in the user's order.
QStringList parseTags(const QString &text);
QString joinTags(const QStringList &tags);

/// The customer being edited in a customer card: the document the undo commands act on. It
/// holds the unsaved profile; the card mirrors it in its widgets on `changed`.
class CustomerDraft final : public QObject {
    Q_OBJECT

public:
    explicit CustomerDraft(QObject *parent = nullptr);

    const Customer &customer() const { return m_customer; }
    /// Replaces the whole draft (loading, saving, taking over a change made elsewhere); emits
    /// `changed` for every field that differs.
    void setCustomer(const Customer &c);

    QVariant value(CustomerField field) const { return fieldValue(m_customer, field); }
    /// Emits `changed` when the value differs.
    void setValue(CustomerField field, const QVariant &value);

signals:
    void changed(tierdesk::ui::CustomerField field);

private:
    Customer m_customer;
};

/// Sets one field of the draft. Consecutive edits of the same text field merge into one step,
/// so that undo takes back a whole word typed rather than one key.
class SetCustomerField final : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(SetCustomerField)

public:
    SetCustomerField(CustomerDraft *draft, CustomerField field, QVariant value,
                     QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    CustomerField field() const { return m_field; }

private:
    CustomerDraft *m_draft;
    CustomerField m_field;
    QVariant m_oldValue;
    QVariant m_newValue;
};

/// Sets the hand grade of the draft and stamps when it was set (`setAt`, normally today; none
/// when the grade is cleared), as Session::setGrade does.
class SetCustomerGrade final : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(SetCustomerGrade)

public:
    SetCustomerGrade(CustomerDraft *draft, std::optional<Grade> grade, QDate setAt,
                     QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    CustomerDraft *m_draft;
    QVariant m_oldGrade;
    QDate m_oldSetAt;
    QVariant m_newGrade;
    QDate m_newSetAt;
};

/// Merges customer `other` into `keep` in the database (Session::merge) and takes it back
/// exactly (Session::unmerge with the MergeRecord): every call and order moves and moves back,
/// the other customer returns with its own id. It writes the database at once, unlike the field
/// commands; the card takes the result over through the session's signals. When a step fails,
/// `onError` hears why and the command makes itself obsolete, so the stack drops it.
class MergeCustomers final : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(MergeCustomers)

public:
    using ErrorHandler = std::function<void(const Error &)>;

    MergeCustomers(Session *session, CustomerId keep, CustomerId other, ErrorHandler onError,
                   QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

    /// The record of the last successful merge; empty before redo and after undo.
    const std::optional<store::MergeRecord> &record() const { return m_record; }

private:
    Session *m_session;
    CustomerId m_keep;
    CustomerId m_other;
    ErrorHandler m_onError;
    std::optional<store::MergeRecord> m_record;
};

} // namespace tierdesk::ui
