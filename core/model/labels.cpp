#include "labels.h"

#include <QCoreApplication>

namespace tierdesk::labels {
namespace {

QString tr(const char *text, const char *disambiguation = nullptr)
{
    return QCoreApplication::translate("tierdesk::labels", text, disambiguation);
}

} // namespace

QString customerType(CustomerType v)
{
    switch (v) {
    case CustomerType::Individual:
        return tr("Individual");
    case CustomerType::Enterprise:
        return tr("Enterprise");
    case CustomerType::Government:
        return tr("Government");
    case CustomerType::Channel:
        return tr("Channel partner");
    }
    return {};
}

QString grade(Grade v)
{
    switch (v) {
    case Grade::S:
        return tr("S — about to close");
    case Grade::A:
        return tr("A — clear intent");
    case Grade::B:
        return tr("B — interested");
    case Grade::C:
        return tr("C — latent need");
    case Grade::D:
        return tr("D — no need now");
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
        return tr("Outgoing");
    case Direction::In:
        return tr("Incoming");
    }
    return {};
}

QString outcome(Outcome v)
{
    switch (v) {
    case Outcome::Reached:
        return tr("Reached");
    case Outcome::NoAnswer:
        return tr("No answer");
    case Outcome::Voicemail:
        return tr("Voicemail");
    case Outcome::Busy:
        return tr("Busy");
    case Outcome::WrongNumber:
        return tr("Wrong number");
    }
    return {};
}

QString valueTier(ValueTier v)
{
    switch (v) {
    case ValueTier::A:
        return tr("A · Key");
    case ValueTier::B:
        return tr("B · Major");
    case ValueTier::C:
        return tr("C · Ordinary");
    case ValueTier::D:
        return tr("D · Inactive");
    }
    return {};
}

QString valueTierName(ValueTier v)
{
    switch (v) {
    case ValueTier::A:
        return tr("Key customer");
    case ValueTier::B:
        return tr("Major customer");
    case ValueTier::C:
        return tr("Ordinary customer");
    case ValueTier::D:
        return tr("Inactive customer");
    }
    return {};
}

QString level(Level v)
{
    switch (v) {
    case Level::High:
        return tr("High", "level");
    case Level::Mid:
        return tr("Medium", "level");
    case Level::Low:
        return tr("Low", "level");
    }
    return {};
}

QString lifecycle(Lifecycle v)
{
    switch (v) {
    case Lifecycle::Prospect:
        return tr("Prospect");
    case Lifecycle::New:
        return tr("New", "lifecycle stage");
    case Lifecycle::Growth:
        return tr("Growth");
    case Lifecycle::Mature:
        return tr("Mature");
    case Lifecycle::Decline:
        return tr("Declining");
    case Lifecycle::Lost:
        return tr("Lost");
    }
    return {};
}

QString engagement(Engagement v)
{
    switch (v) {
    case Engagement::Active:
        return tr("Active");
    case Engagement::Normal:
        return tr("Normal", "engagement");
    case Engagement::Silent:
        return tr("Silent");
    }
    return {};
}

QString segment(Segment v)
{
    switch (v) {
    case Segment::Champions:
        return tr("Champions");
    case Segment::LoyalCustomers:
        return tr("Loyal customers");
    case Segment::PotentialLoyalists:
        return tr("Potential loyalists");
    case Segment::NewCustomers:
        return tr("New customers");
    case Segment::Promising:
        return tr("Promising");
    case Segment::NeedAttention:
        return tr("Need attention");
    case Segment::AboutToSleep:
        return tr("About to sleep");
    case Segment::AtRisk:
        return tr("At risk");
    case Segment::CantLoseThem:
        return tr("Can't lose them");
    case Segment::Hibernating:
        return tr("Hibernating");
    }
    return {};
}

QString matrix(Matrix v)
{
    switch (v) {
    case Matrix::ImportantValue:
        return tr("Important value");
    case Matrix::ImportantDevelop:
        return tr("Important to develop");
    case Matrix::ImportantRetain:
        return tr("Important to retain");
    case Matrix::ImportantWinBack:
        return tr("Important to win back");
    case Matrix::GeneralValue:
        return tr("General value");
    case Matrix::GeneralDevelop:
        return tr("General to develop");
    case Matrix::GeneralRetain:
        return tr("General to retain");
    case Matrix::GeneralWinBack:
        return tr("General to win back");
    }
    return {};
}

QString priorityClass(int cls)
{
    switch (cls) {
    case 0:
        return tr("S · closing");
    case 1:
        return tr("A · top");
    case 2:
        return tr("B · high");
    case 3:
        return tr("C · normal");
    case 4:
        return tr("D · low");
    default:
        return tr("Ungraded");
    }
}

} // namespace tierdesk::labels
