#include "explain.h"

#include "model/money.h"

#include <QCoreApplication>
#include <QLocale>

namespace tierdesk::classify {
namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("tierdesk::classify", text, nullptr, n);
}

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
        return tr("S (about to close)");
    case Grade::A:
        return tr("A (clear intent)");
    case Grade::B:
        return tr("B (interested)");
    case Grade::C:
        return tr("C (latent need)");
    case Grade::D:
        return tr("D (no need now)");
    }
    return {};
}

} // namespace

QString explainValueTier(const Classification &c, const Summary &s, const Settings &settings)
{
    if (c.valueRank == 0) {
        if (c.monetary < 0)
            return tr("D: refunds exceed purchases in the last %n day(s).", settings.windowDays);
        return tr("D: no spend in the last %n day(s).", settings.windowDays);
    }
    const QString spent = money(c.monetary);
    const QString rank = number(c.valueRank);
    const QString of = number(s.spenders);
    switch (c.valueTier) {
    case ValueTier::A:
        return tr("A (key): %1 spent in the last %2 days, rank %3 of %4 buying customers (top %5).")
            .arg(spent, number(settings.windowDays), rank, of,
                 formatMillionths(settings.tierAShareMillionths * 100) + u'%');
    case ValueTier::B:
        return tr("B (major): %1 spent in the last %2 days, rank %3 of %4 buying customers (top %5).")
            .arg(spent, number(settings.windowDays), rank, of,
                 formatMillionths(settings.tierBShareMillionths * 100) + u'%');
    case ValueTier::C:
        return tr("C (ordinary): %1 spent in the last %2 days, rank %3 of %4 buying customers.")
            .arg(spent, number(settings.windowDays), rank, of);
    case ValueTier::D:
        break;
    }
    return {};
}

QString explainRfm(const Classification &c, const CustomerFacts &f)
{
    if (!c.r)
        return tr("No RFM scores: this customer has not bought yet.");
    return tr("R %1 (last order %2 days ago), F %3 (%4 orders in the window), M %5 (%6 net).")
        .arg(QString::number(*c.r), number(c.recencyDays.value_or(0)), QString::number(*c.f),
             number(f.frequency), QString::number(*c.m), money(c.monetary));
}

QString explainFrequencyTier(const Classification &c)
{
    if (!c.freqTier)
        return tr("No purchase frequency: not a buyer yet.");
    switch (*c.freqTier) {
    case Level::High:
        return tr("High frequency: F score %1 (4 or 5).").arg(*c.f);
    case Level::Mid:
        return tr("Medium frequency: F score 3.");
    case Level::Low:
        return tr("Low frequency: F score %1 (1 or 2).").arg(*c.f);
    }
    return {};
}

QString explainLoyalty(const Classification &c, const CustomerFacts &f)
{
    if (!c.loyalty)
        return tr("No loyalty tier: not a buyer yet.");
    switch (*c.loyalty) {
    case Level::High:
        return tr("High loyalty: recent (R %1), frequent (F %2) and %n order(s) in all.", f.ordersTotal)
            .arg(*c.r)
            .arg(*c.f);
    case Level::Low:
        if (f.ordersTotal <= 1)
            return tr("Low loyalty: has bought only once.");
        return tr("Low loyalty: no recent purchase (R %1).").arg(*c.r);
    case Level::Mid:
        return tr("Medium loyalty: repeat buyer (%n orders), not yet both recent and frequent.",
                  f.ordersTotal);
    }
    return {};
}

QString explainLifecycle(const Classification &c, const CustomerFacts &f, const Settings &s)
{
    switch (c.lifecycle) {
    case Lifecycle::Prospect:
        return tr("Prospect: no purchase yet.");
    case Lifecycle::New:
        return tr("New: first order on %1, less than %n day(s) ago.", s.newDays).arg(date(f.firstOrder));
    case Lifecycle::Lost:
        return tr("Lost: no order for %n day(s).", c.recencyDays.value_or(0));
    case Lifecycle::Decline:
        if (c.recencyDays.value_or(0) >= s.declineDays)
            return tr("Declining: no order for %n day(s).", c.recencyDays.value_or(0));
        return tr("Declining: %1 in the last %2 days against %3 in the %2 days before.")
            .arg(money(f.spendRecent), number(s.halfDays), money(f.spendPrev));
    case Lifecycle::Growth:
        return tr("Growing: %1 in the last %2 days against %3 in the %2 days before.")
            .arg(money(f.spendRecent), number(s.halfDays), money(f.spendPrev));
    case Lifecycle::Mature:
        return tr("Mature: steady spending (%1 recently, %2 before).")
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
        return tr("Silent: never ordered and never called.");
    switch (c.engagement) {
    case Engagement::Active:
        return tr("Active: last order or call on %1 (within %n day(s)).", s.activeDays).arg(date(touch));
    case Engagement::Normal:
        return tr("Normal: last order or call on %1 (within %n day(s)).", s.silentDays).arg(date(touch));
    case Engagement::Silent:
        return tr("Silent: last order or call on %1, more than %n day(s) ago.", s.silentDays)
            .arg(date(touch));
    }
    return {};
}

QString explainGrade(const Classification &c, const CustomerFacts &f)
{
    if (!c.grade)
        return tr("No intent grade: set one, or answer the MAN questions.");
    if (c.gradeSuggested)
        return tr("Suggested %1 from MAN: %n of 3 answered yes.", f.man.yesCount()).arg(gradeName(*c.grade));
    if (f.gradeSetAt.isValid())
        return tr("%1, set on %2.").arg(gradeName(*c.grade), date(f.gradeSetAt));
    return gradeName(*c.grade);
}

QString explainDemotion(const Classification &c, const CustomerFacts &f, const Settings &s)
{
    if (!c.demoteTo || !f.grade)
        return {};
    if (*f.grade == Grade::B)
        return tr("Suggest %1: no reached call in %n day(s).", s.demoteAfterDays).arg(toText(*c.demoteTo));
    return tr("Suggest %1: grade %2 held %n day(s) without an order.", s.demoteAfterDays)
        .arg(toText(*c.demoteTo), toText(*f.grade));
}

QString reasonText(const DueReason &r)
{
    switch (r.kind) {
    case DueReason::Kind::FollowUpSet:
        return tr("follow-up set for %1").arg(r.date.toString(Qt::ISODate));
    case DueReason::Kind::GradeCadence:
        return tr("grade %1: every %n day(s)", r.cadenceDays).arg(r.grade ? toText(*r.grade) : QString());
    case DueReason::Kind::TierCadence:
        return tr("tier %1 customer: every %n day(s)", r.cadenceDays)
            .arg(r.tier ? toText(*r.tier) : QString());
    case DueReason::Kind::DefaultCadence:
        return tr("regular check-in: every %n day(s)", r.cadenceDays);
    case DueReason::Kind::WinBack:
        return tr("win-back: declining, every %n day(s)", r.cadenceDays);
    case DueReason::Kind::NeverContacted:
        return tr("never contacted");
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
        return tr("Reward them and ask for referrals.");
    case Segment::LoyalCustomers:
        return tr("Upsell.");
    case Segment::PotentialLoyalists:
        return tr("Offer a membership.");
    case Segment::NewCustomers:
        return tr("Onboard them.");
    case Segment::Promising:
        return tr("Build the relationship.");
    case Segment::NeedAttention:
        return tr("Make a limited-time offer.");
    case Segment::AboutToSleep:
        return tr("Reconnect.");
    case Segment::AtRisk:
        return tr("Call personally, now.");
    case Segment::CantLoseThem:
        return tr("Manager calls to win them back.");
    case Segment::Hibernating:
        return tr("Send a low-cost reminder.");
    }
    return {};
}

} // namespace tierdesk::classify
