#include "customercommands.h"

#include "session.h"

#include <QRegularExpression>

namespace tierdesk::ui {
namespace {

enum CommandId { SetCustomerFieldId = 1 };

QVariant optionalInt(const auto &value)
{
    return value ? int(*value) : -1;
}

QVariant answer(std::optional<bool> value)
{
    return value ? int(*value) : -1;
}

std::optional<bool> answerFrom(const QVariant &value)
{
    const int v = value.toInt();
    if (v < 0)
        return std::nullopt;
    return v != 0;
}

template<typename Enum, int Count>
std::optional<Enum> enumFrom(const QVariant &value)
{
    const int v = value.toInt();
    if (v < 0 || v >= Count)
        return std::nullopt;
    return Enum(v);
}

/// Text fields merge their keystrokes; choices and the archive flag are one step each.
bool isTyped(CustomerField field)
{
    switch (field) {
    case CustomerField::Name:
    case CustomerField::Company:
    case CustomerField::Phone:
    case CustomerField::Email:
    case CustomerField::City:
    case CustomerField::Owner:
    case CustomerField::Tags:
        return true;
    default:
        return false;
    }
}

} // namespace

QVariant fieldValue(const Customer &c, CustomerField field)
{
    switch (field) {
    case CustomerField::Name:
        return c.name;
    case CustomerField::Company:
        return c.company;
    case CustomerField::Type:
        return optionalInt(c.type);
    case CustomerField::Phone:
        return c.phone;
    case CustomerField::Email:
        return c.email;
    case CustomerField::City:
        return c.city;
    case CustomerField::Owner:
        return c.owner;
    case CustomerField::Tags:
        return c.tags;
    case CustomerField::Grade:
        return optionalInt(c.grade);
    case CustomerField::GradeSetAt:
        return c.gradeSetAt;
    case CustomerField::ManMoney:
        return answer(c.man.money);
    case CustomerField::ManAuthority:
        return answer(c.man.authority);
    case CustomerField::ManNeed:
        return answer(c.man.need);
    case CustomerField::Archived:
        return c.archived;
    case CustomerField::CreatedAt:
        return c.createdAt;
    }
    return {};
}

void setFieldValue(Customer &c, CustomerField field, const QVariant &value)
{
    switch (field) {
    case CustomerField::Name:
        c.name = value.toString();
        break;
    case CustomerField::Company:
        c.company = value.toString();
        break;
    case CustomerField::Type:
        c.type = enumFrom<CustomerType, 4>(value);
        break;
    case CustomerField::Phone:
        c.phone = value.toString();
        break;
    case CustomerField::Email:
        c.email = value.toString();
        break;
    case CustomerField::City:
        c.city = value.toString();
        break;
    case CustomerField::Owner:
        c.owner = value.toString();
        break;
    case CustomerField::Tags:
        c.tags = value.toStringList();
        break;
    case CustomerField::Grade:
        c.grade = enumFrom<Grade, 5>(value);
        break;
    case CustomerField::GradeSetAt:
        c.gradeSetAt = value.toDate();
        break;
    case CustomerField::ManMoney:
        c.man.money = answerFrom(value);
        break;
    case CustomerField::ManAuthority:
        c.man.authority = answerFrom(value);
        break;
    case CustomerField::ManNeed:
        c.man.need = answerFrom(value);
        break;
    case CustomerField::Archived:
        c.archived = value.toBool();
        break;
    case CustomerField::CreatedAt:
        c.createdAt = value.toDate();
        break;
    }
}

bool sameProfile(const Customer &a, const Customer &b)
{
    for (int i = 0; i < CustomerFieldCount; ++i) {
        const auto field = CustomerField(i);
        if (fieldValue(a, field) != fieldValue(b, field))
            return false;
    }
    return true;
}

QStringList parseTags(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,，;；]"));
    QStringList tags;
    for (const QString &part : text.split(separators)) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !tags.contains(tag))
            tags << tag;
    }
    return tags;
}

QString joinTags(const QStringList &tags)
{
    return tags.join(QStringLiteral(", "));
}

// ---------------------------------------------------------------------------------------------

CustomerDraft::CustomerDraft(QObject *parent)
    : QObject(parent)
{}

void CustomerDraft::setCustomer(const Customer &c)
{
    const Customer before = std::exchange(m_customer, c);
    for (int i = 0; i < CustomerFieldCount; ++i) {
        const auto field = CustomerField(i);
        if (fieldValue(before, field) != fieldValue(m_customer, field))
            emit changed(field);
    }
}

void CustomerDraft::setValue(CustomerField field, const QVariant &value)
{
    if (fieldValue(m_customer, field) == value)
        return;
    setFieldValue(m_customer, field, value);
    emit changed(field);
}

// ---------------------------------------------------------------------------------------------

namespace {

QString editText(CustomerField field)
{
    switch (field) {
    case CustomerField::Name:
        return SetCustomerField::tr("Edit name");
    case CustomerField::Company:
        return SetCustomerField::tr("Edit company");
    case CustomerField::Type:
        return SetCustomerField::tr("Change customer type");
    case CustomerField::Phone:
        return SetCustomerField::tr("Edit phone");
    case CustomerField::Email:
        return SetCustomerField::tr("Edit e-mail");
    case CustomerField::City:
        return SetCustomerField::tr("Edit city");
    case CustomerField::Owner:
        return SetCustomerField::tr("Change owner");
    case CustomerField::Tags:
        return SetCustomerField::tr("Edit tags");
    case CustomerField::Grade:
    case CustomerField::GradeSetAt:
        return SetCustomerField::tr("Change grade");
    case CustomerField::ManMoney:
        return SetCustomerField::tr("Change the Money answer");
    case CustomerField::ManAuthority:
        return SetCustomerField::tr("Change the Authority answer");
    case CustomerField::ManNeed:
        return SetCustomerField::tr("Change the Need answer");
    case CustomerField::Archived:
        return SetCustomerField::tr("Change archived");
    case CustomerField::CreatedAt:
        return SetCustomerField::tr("Change creation date");
    }
    return {};
}

} // namespace

SetCustomerField::SetCustomerField(CustomerDraft *draft, CustomerField field, QVariant value,
                                   QUndoCommand *parent)
    : QUndoCommand(editText(field), parent)
    , m_draft(draft)
    , m_field(field)
    , m_oldValue(draft->value(field))
    , m_newValue(std::move(value))
{
    if (field == CustomerField::Archived)
        setText(m_newValue.toBool() ? tr("Archive customer") : tr("Restore from archive"));
}

void SetCustomerField::undo()
{
    m_draft->setValue(m_field, m_oldValue);
}

void SetCustomerField::redo()
{
    m_draft->setValue(m_field, m_newValue);
}

int SetCustomerField::id() const
{
    return isTyped(m_field) ? SetCustomerFieldId : -1;
}

bool SetCustomerField::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetCustomerField *>(other);
    if (next->m_draft != m_draft || next->m_field != m_field)
        return false;
    m_newValue = next->m_newValue;
    // Typing back to where the field started leaves nothing to undo.
    setObsolete(m_newValue == m_oldValue);
    return true;
}

// ---------------------------------------------------------------------------------------------

SetCustomerGrade::SetCustomerGrade(CustomerDraft *draft, std::optional<Grade> grade, QDate setAt,
                                   QUndoCommand *parent)
    : QUndoCommand(tr("Change grade"), parent)
    , m_draft(draft)
    , m_oldGrade(draft->value(CustomerField::Grade))
    , m_oldSetAt(draft->customer().gradeSetAt)
    , m_newGrade(grade ? int(*grade) : -1)
    , m_newSetAt(grade ? setAt : QDate())
{}

void SetCustomerGrade::undo()
{
    m_draft->setValue(CustomerField::GradeSetAt, m_oldSetAt);
    m_draft->setValue(CustomerField::Grade, m_oldGrade);
}

void SetCustomerGrade::redo()
{
    m_draft->setValue(CustomerField::GradeSetAt, m_newSetAt);
    m_draft->setValue(CustomerField::Grade, m_newGrade);
}

// ---------------------------------------------------------------------------------------------

MergeCustomers::MergeCustomers(Session *session, CustomerId keep, CustomerId other, ErrorHandler onError,
                               QUndoCommand *parent)
    : QUndoCommand(tr("Merge customer #%1").arg(other), parent)
    , m_session(session)
    , m_keep(keep)
    , m_other(other)
    , m_onError(std::move(onError))
{}

void MergeCustomers::redo()
{
    auto record = m_session->merge(m_keep, m_other);
    if (!record) {
        setObsolete(true);
        if (m_onError)
            m_onError(record.error());
        return;
    }
    m_record = std::move(*record);
}

void MergeCustomers::undo()
{
    if (!m_record)
        return;
    if (auto ok = m_session->unmerge(*m_record); !ok) {
        // The merge stays; dropping the command keeps the stack honest about it.
        setObsolete(true);
        if (m_onError)
            m_onError(ok.error());
        return;
    }
    m_record.reset();
}

} // namespace tierdesk::ui
