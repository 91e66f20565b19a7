#include "labels.h"

#include <QCoreApplication>

namespace tierdesk::labels {
namespace {} // namespace

QString customerType(CustomerType v)
{
    switch (v) {
    case CustomerType::Individual:
        return QCoreApplication::translate("tierdesk::labels", "Individual");
    case CustomerType::Enterprise:
        return QCoreApplication::translate("tierdesk::labels", "Enterprise");
    case CustomerType::Government:
        return QCoreApplication::translate("tierdesk::labels", "Government");
    case CustomerType::Channel:
        return QCoreApplication::translate("tierdesk::labels", "Channel partner");
    }
    return {};
}

QString grade(Grade v)
{
    switch (v) {
    case Grade::S:
        return QCoreApplication::translate("tierdesk::labels", "S — about to close");
    case Grade::A:
        return QCoreApplication::translate("tierdesk::labels", "A — clear intent");
    case Grade::B:
        return QCoreApplication::translate("tierdesk::labels", "B — interested");
    case Grade::C:
        return QCoreApplication::translate("tierdesk::labels", "C — latent need");
    case Grade::D:
        return QCoreApplication::translate("tierdesk::labels", "D — no need now");
    }
    return {};
}

QString gradeShort(Grade v)
{
    return toText(v);
}

QString direction(Direction v)
{
    switch (v) {
    case Direction::Out:
        return QCoreApplication::translate("tierdesk::labels", "Outgoing");
    case Direction::In:
        return QCoreApplication::translate("tierdesk::labels", "Incoming");
    }
    return {};
}

QString outcome(Outcome v)
{
    switch (v) {
    case Outcome::Reached:
        return QCoreApplication::translate("tierdesk::labels", "Reached");
    case Outcome::NoAnswer:
        return QCoreApplication::translate("tierdesk::labels", "No answer");
    case Outcome::Voicemail:
        return QCoreApplication::translate("tierdesk::labels", "Voicemail");
    case Outcome::Busy:
        return QCoreApplication::translate("tierdesk::labels", "Busy");
    case Outcome::WrongNumber:
        return QCoreApplication::translate("tierdesk::labels", "Wrong number");
    }
    return {};
}

QString valueTier(ValueTier v)
{
    switch (v) {
    case ValueTier::A:
        return QCoreApplication::translate("tierdesk::labels", "A · Key");
    case ValueTier::B:
        return QCoreApplication::translate("tierdesk::labels", "B · Major");
    case ValueTier::C:
        return QCoreApplication::translate("tierdesk::labels", "C · Ordinary");
    case ValueTier::D:
        return QCoreApplication::translate("tierdesk::labels", "D · Inactive");
    }
    return {};
}

QString valueTierName(ValueTier v)
{
    switch (v) {
    case ValueTier::A:
        return QCoreApplication::translate("tierdesk::labels", "Key customer");
    case ValueTier::B:
        return QCoreApplication::translate("tierdesk::labels", "Major customer");
    case ValueTier::C:
        return QCoreApplication::translate("tierdesk::labels", "Ordinary customer");
    case ValueTier::D:
        return QCoreApplication::translate("tierdesk::labels", "Inactive customer");
    }
    return {};
}

QString level(Level v)
{
    switch (v) {
    case Level::High:
        return QCoreApplication::translate("tierdesk::labels", "High", "level");
    case Level::Mid:
        return QCoreApplication::translate("tierdesk::labels", "Medium", "level");
    case Level::Low:
        return QCoreApplication::translate("tierdesk::labels", "Low", "level");
    }
    return {};
}

QString lifecycle(Lifecycle v)
{
    switch (v) {
    case Lifecycle::Prospect:
        return QCoreApplication::translate("tierdesk::labels", "Prospect");
    case Lifecycle::New:
        return QCoreApplication::translate("tierdesk::labels", "New", "lifecycle stage");
    case Lifecycle::Growth:
        return QCoreApplication::translate("tierdesk::labels", "Growth");
    case Lifecycle::Mature:
        return QCoreApplication::translate("tierdesk::labels", "Mature");
    case Lifecycle::Decline:
        return QCoreApplication::translate("tierdesk::labels", "Declining");
    case Lifecycle::Lost:
        return QCoreApplication::translate("tierdesk::labels", "Lost");
    }
    return {};
}

QString engagement(Engagement v)
{
    switch (v) {
    case Engagement::Active:
        return QCoreApplication::translate("tierdesk::labels", "Active");
    case Engagement::Normal:
        return QCoreApplication::translate("tierdesk::labels", "Normal", "engagement");
    case Engagement::Silent:
        return QCoreApplication::translate("tierdesk::labels", "Silent");
    }
    return {};
}

QString segment(Segment v)
{
    switch (v) {
    case Segment::Champions:
        return QCoreApplication::translate("tierdesk::labels", "Champions");
    case Segment::LoyalCustomers:
        return QCoreApplication::translate("tierdesk::labels", "Loyal customers");
    case Segment::PotentialLoyalists:
        return QCoreApplication::translate("tierdesk::labels", "Potential loyalists");
    case Segment::NewCustomers:
        return QCoreApplication::translate("tierdesk::labels", "New customers");
    case Segment::Promising:
        return QCoreApplication::translate("tierdesk::labels", "Promising");
    case Segment::NeedAttention:
        return QCoreApplication::translate("tierdesk::labels", "Need attention");
    case Segment::AboutToSleep:
        return QCoreApplication::translate("tierdesk::labels", "About to sleep");
    case Segment::AtRisk:
        return QCoreApplication::translate("tierdesk::labels", "At risk");
    case Segment::CantLoseThem:
        return QCoreApplication::translate("tierdesk::labels", "Can't lose them");
    case Segment::Hibernating:
        return QCoreApplication::translate("tierdesk::labels", "Hibernating");
    }
    return {};
}

QString matrix(Matrix v)
{
    switch (v) {
    case Matrix::ImportantValue:
        return QCoreApplication::translate("tierdesk::labels", "Important value");
    case Matrix::ImportantDevelop:
        return QCoreApplication::translate("tierdesk::labels", "Important to develop");
    case Matrix::ImportantRetain:
        return QCoreApplication::translate("tierdesk::labels", "Important to retain");
    case Matrix::ImportantWinBack:
        return QCoreApplication::translate("tierdesk::labels", "Important to win back");
    case Matrix::GeneralValue:
        return QCoreApplication::translate("tierdesk::labels", "General value");
    case Matrix::GeneralDevelop:
        return QCoreApplication::translate("tierdesk::labels", "General to develop");
    case Matrix::GeneralRetain:
        return QCoreApplication::translate("tierdesk::labels", "General to retain");
    case Matrix::GeneralWinBack:
        return QCoreApplication::translate("tierdesk::labels", "General to win back");
    }
    return {};
}

QString priorityClass(int cls)
{
    switch (cls) {
    case 0:
        return QCoreApplication::translate("tierdesk::labels", "S · closing");
    case 1:
        return QCoreApplication::translate("tierdesk::labels", "A · top");
    case 2:
        return QCoreApplication::translate("tierdesk::labels", "B · high");
    case 3:
        return QCoreApplication::translate("tierdesk::labels", "C · normal");
    case 4:
        return QCoreApplication::translate("tierdesk::labels", "D · low");
    default:
        return QCoreApplication::translate("tierdesk::labels", "Ungraded");
    }
}

} // namespace tierdesk::labels
