#include "explain.h"

#include "model/money.h"

#include <QCoreApplication>
#include <QLocale>

namespace tierdesk::classify {
namespace {

QString money(Cents cents)
{
    return QLocale().toString(double(cents) / 100.0, 'f', 2);
}

QString number(qint64 n)
{
    return QLocale().toString(n);
}

QString date(QDate d)
{
    return QLocale().toString(d, QLocale::ShortFormat);
}

QString gradeName(Grade g)
{
    switch (g) {
    case Grade::S:
        return QCoreApplication::translate("tierdesk::classify", "S (about to close)");
    case Grade::A:
        return QCoreApplication::translate("tierdesk::classify", "A (clear intent)");
    case Grade::B:
        return QCoreApplication::translate("tierdesk::classify", "B (interested)");
    case Grade::C:
        return QCoreApplication::translate("tierdesk::classify", "C (latent need)");
    case Grade::D:
        return QCoreApplication::translate("tierdesk::classify", "D (no need now)");
    }
    return {};
}

} // namespace

QString explainValueTier(const Classification &c, const Summary &s, const Settings &settings)
{
    if (c.valueRank == 0) {
        if (c.monetary < 0)
            return QCoreApplication::translate("tierdesk::classify",
                                               "D: refunds exceed purchases in the last %n day(s).", nullptr,
                                               settings.windowDays);
        return QCoreApplication::translate("tierdesk::classify", "D: no spend in the last %n day(s).",
                                           nullptr, settings.windowDays);
    }
    const QString spent = money(c.monetary);
    const QString rank = number(c.valueRank);
    const QString of = number(s.spenders);
    switch (c.valueTier) {
    case ValueTier::A:
        return QCoreApplication::translate(
                   "tierdesk::classify",
                   "A (key): %1 spent in the last %2 days, rank %3 of %4 buying customers (top %5).")
            .arg(spent, number(settings.windowDays), rank, of,
                 formatMillionths(settings.tierAShareMillionths * 100) + u'%');
    case ValueTier::B:
        return QCoreApplication::translate(
                   "tierdesk::classify",
                   "B (major): %1 spent in the last %2 days, rank %3 of %4 buying customers (top %5).")
            .arg(spent, number(settings.windowDays), rank, of,
                 formatMillionths(settings.tierBShareMillionths * 100) + u'%');
    case ValueTier::C:
        return QCoreApplication::translate(
                   "tierdesk::classify",
                   "C (ordinary): %1 spent in the last %2 days, rank %3 of %4 buying customers.")
            .arg(spent, number(settings.windowDays), rank, of);
    case ValueTier::D:
        break;
    }
    return {};
}

QString explainRfm(const Classification &c, const CustomerFacts &f)
{
    if (!c.r)
        return QCoreApplication::translate("tierdesk::classify",
                                           "No RFM scores: this customer has not bought yet.");
    return QCoreApplication::translate(
               "tierdesk::classify",
               "R %1 (last order %2 days ago), F %3 (%4 orders in the window), M %5 (%6 net).")
        .arg(QString::number(*c.r), number(c.recencyDays.value_or(0)), QString::number(*c.f),
             number(f.frequency), QString::number(*c.m), money(c.monetary));
}

QString explainFrequencyTier(const Classification &c)
{
    if (!c.freqTier)
        return QCoreApplication::translate("tierdesk::classify", "No purchase frequency: not a buyer yet.");
    switch (*c.freqTier) {
    case Level::High:
        return QCoreApplication::translate("tierdesk::classify", "High frequency: F score %1 (4 or 5).")
            .arg(*c.f);
    case Level::Mid:
        return QCoreApplication::translate("tierdesk::classify", "Medium frequency: F score 3.");
    case Level::Low:
        return QCoreApplication::translate("tierdesk::classify", "Low frequency: F score %1 (1 or 2).")
            .arg(*c.f);
    }
    return {};
}

QString explainLoyalty(const Classification &c, const CustomerFacts &f)
{
    if (!c.loyalty)
        return QCoreApplication::translate("tierdesk::classify", "No loyalty tier: not a buyer yet.");
    switch (*c.loyalty) {
    case Level::High:
        return QCoreApplication::translate(
                   "tierdesk::classify",
                   "High loyalty: recent (R %1), frequent (F %2) and %n order(s) in all.", nullptr,
                   f.ordersTotal)
            .arg(*c.r)
            .arg(*c.f);
    case Level::Low:
        if (f.ordersTotal <= 1)
            return QCoreApplication::translate("tierdesk::classify", "Low loyalty: has bought only once.");
        return QCoreApplication::translate("tierdesk::classify", "Low loyalty: no recent purchase (R %1).")
            .arg(*c.r);
    case Level::Mid:
        return QCoreApplication::translate(
            "tierdesk::classify",
            "Medium loyalty: repeat buyer (%n orders), not yet both recent and frequent.", nullptr,
            f.ordersTotal);
    }
    return {};
}

QString explainLifecycle(const Classification &c, const CustomerFacts &f, const Settings &s)
{
    // Qt 6.4's lupdate never returns when a numerus argument contains a member call such as
    // value_or(): keep those arguments plain names.
    const int days = c.recencyDays.value_or(0);
    switch (c.lifecycle) {
    case Lifecycle::Prospect:
        return QCoreApplication::translate("tierdesk::classify", "Prospect: no purchase yet.");
    case Lifecycle::New:
        return QCoreApplication::translate("tierdesk::classify",
                                           "New: first order on %1, less than %n day(s) ago.", nullptr,
                                           s.newDays)
            .arg(date(f.firstOrder));
    case Lifecycle::Lost:
        return QCoreApplication::translate("tierdesk::classify", "Lost: no order for %n day(s).", nullptr,
                                           days);
    case Lifecycle::Decline:
        if (days >= s.declineDays)
            return QCoreApplication::translate("tierdesk::classify", "Declining: no order for %n day(s).",
                                               nullptr, days);
        return QCoreApplication::translate(
                   "tierdesk::classify",
                   "Declining: %1 in the last %2 days against %3 in the %2 days before.")
            .arg(money(f.spendRecent), number(s.halfDays), money(f.spendPrev));
    case Lifecycle::Growth:
        return QCoreApplication::translate(
                   "tierdesk::classify", "Growing: %1 in the last %2 days against %3 in the %2 days before.")
            .arg(money(f.spendRecent), number(s.halfDays), money(f.spendPrev));
    case Lifecycle::Mature:
        return QCoreApplication::translate("tierdesk::classify",
                                           "Mature: steady spending (%1 recently, %2 before).")
            .arg(money(f.spendRecent), money(f.spendPrev));
    }
    return {};
}

QString explainEngagement(const Classification &c, const CustomerFacts &f, const Settings &s)
{
    QDate touch = f.lastOrder;
    if (f.lastContact.isValid() && (!touch.isValid() || f.lastContact > touch))
        touch = f.lastContact;
    if (!touch.isValid())
        return QCoreApplication::translate("tierdesk::classify", "Silent: never ordered and never called.");
    switch (c.engagement) {
    case Engagement::Active:
        return QCoreApplication::translate("tierdesk::classify",
                                           "Active: last order or call on %1 (within %n day(s)).", nullptr,
                                           s.activeDays)
            .arg(date(touch));
    case Engagement::Normal:
        return QCoreApplication::translate("tierdesk::classify",
                                           "Normal: last order or call on %1 (within %n day(s)).", nullptr,
                                           s.silentDays)
            .arg(date(touch));
    case Engagement::Silent:
        return QCoreApplication::translate("tierdesk::classify",
                                           "Silent: last order or call on %1, more than %n day(s) ago.",
                                           nullptr, s.silentDays)
            .arg(date(touch));
    }
    return {};
}

QString explainGrade(const Classification &c, const CustomerFacts &f)
{
    if (!c.grade)
        return QCoreApplication::translate("tierdesk::classify",
                                           "No intent grade: set one, or answer the MAN questions.");
    if (c.gradeSuggested)
        return QCoreApplication::translate("tierdesk::classify",
                                           "Suggested %1 from MAN: %n of 3 answered yes.", nullptr,
                                           f.man.yesCount())
            .arg(gradeName(*c.grade));
    if (f.gradeSetAt.isValid())
        return QCoreApplication::translate("tierdesk::classify", "%1, set on %2.")
            .arg(gradeName(*c.grade), date(f.gradeSetAt));
    return gradeName(*c.grade);
}

QString explainDemotion(const Classification &c, const CustomerFacts &f, const Settings &s)
{
    if (!c.demoteTo || !f.grade)
        return {};
    if (*f.grade == Grade::B)
        return QCoreApplication::translate("tierdesk::classify", "Suggest %1: no reached call in %n day(s).",
                                           nullptr, s.demoteAfterDays)
            .arg(toText(*c.demoteTo));
    return QCoreApplication::translate("tierdesk::classify",
                                       "Suggest %1: grade %2 held %n day(s) without an order.", nullptr,
                                       s.demoteAfterDays)
        .arg(toText(*c.demoteTo), toText(*f.grade));
}

QString reasonText(const DueReason &r)
{
    switch (r.kind) {
    case DueReason::Kind::FollowUpSet:
        return QCoreApplication::translate("tierdesk::classify", "follow-up set for %1")
            .arg(r.date.toString(Qt::ISODate));
    case DueReason::Kind::GradeCadence:
        return QCoreApplication::translate("tierdesk::classify", "grade %1: every %n day(s)", nullptr,
                                           r.cadenceDays)
            .arg(r.grade ? toText(*r.grade) : QString());
    case DueReason::Kind::TierCadence:
        return QCoreApplication::translate("tierdesk::classify", "tier %1 customer: every %n day(s)", nullptr,
                                           r.cadenceDays)
            .arg(r.tier ? toText(*r.tier) : QString());
    case DueReason::Kind::DefaultCadence:
        return QCoreApplication::translate("tierdesk::classify", "regular check-in: every %n day(s)", nullptr,
                                           r.cadenceDays);
    case DueReason::Kind::WinBack:
        return QCoreApplication::translate("tierdesk::classify", "win-back: declining, every %n day(s)",
                                           nullptr, r.cadenceDays);
    case DueReason::Kind::NeverContacted:
        return QCoreApplication::translate("tierdesk::classify", "never contacted");
    }
    return {};
}

QString segmentAction(Segment seg, const Settings &s)
{
    const QString &custom = s.segmentActions.at(std::size_t(seg));
    if (!custom.isEmpty())
        return custom;
    switch (seg) {
    case Segment::Champions:
        return QCoreApplication::translate("tierdesk::classify", "Reward them and ask for referrals.");
    case Segment::LoyalCustomers:
        return QCoreApplication::translate("tierdesk::classify", "Upsell.");
    case Segment::PotentialLoyalists:
        return QCoreApplication::translate("tierdesk::classify", "Offer a membership.");
    case Segment::NewCustomers:
        return QCoreApplication::translate("tierdesk::classify", "Onboard them.");
    case Segment::Promising:
        return QCoreApplication::translate("tierdesk::classify", "Build the relationship.");
    case Segment::NeedAttention:
        return QCoreApplication::translate("tierdesk::classify", "Make a limited-time offer.");
    case Segment::AboutToSleep:
        return QCoreApplication::translate("tierdesk::classify", "Reconnect.");
    case Segment::AtRisk:
        return QCoreApplication::translate("tierdesk::classify", "Call personally, now.");
    case Segment::CantLoseThem:
        return QCoreApplication::translate("tierdesk::classify", "Manager calls to win them back.");
    case Segment::Hibernating:
        return QCoreApplication::translate("tierdesk::classify", "Send a low-cost reminder.");
    }
    return {};
}

} // namespace tierdesk::classify
