#include "types.h"

namespace tierdesk {
namespace {

template<typename E, std::size_t N>
std::optional<E> lookup(QStringView s, const std::array<const char16_t *, N> &names)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (s == QStringView(names[i]))
            return E(i);
    }
    return std::nullopt;
}

constexpr std::array<const char16_t *, 4> kCustomerType{u"individual", u"enterprise", u"government",
                                                        u"channel"};
constexpr std::array<const char16_t *, 5> kGrade{u"S", u"A", u"B", u"C", u"D"};
constexpr std::array<const char16_t *, 2> kDirection{u"out", u"in"};
constexpr std::array<const char16_t *, 5> kOutcome{u"reached", u"no_answer", u"voicemail", u"busy",
                                                   u"wrong_number"};
constexpr std::array<const char16_t *, 4> kValueTier{u"A", u"B", u"C", u"D"};
constexpr std::array<const char16_t *, 3> kLevel{u"high", u"mid", u"low"};
constexpr std::array<const char16_t *, 6> kLifecycle{u"prospect", u"new",     u"growth",
                                                     u"mature",   u"decline", u"lost"};
constexpr std::array<const char16_t *, 3> kEngagement{u"active", u"normal", u"silent"};
constexpr std::array<const char16_t *, SegmentCount> kSegment{
    u"champions",      u"loyal_customers", u"potential_loyalists", u"new_customers",
    u"promising",      u"need_attention",  u"about_to_sleep",      u"at_risk",
    u"cant_lose_them", u"hibernating"};
constexpr std::array<const char16_t *, MatrixCount> kMatrix{
    u"important_value", u"important_develop", u"important_retain", u"important_win_back",
    u"general_value",   u"general_develop",   u"general_retain",   u"general_win_back"};

template<std::size_t N>
QString name(const std::array<const char16_t *, N> &names, std::size_t i)
{
    return QString::fromUtf16(names.at(i));
}

} // namespace

QString toText(CustomerType v)
{
    return name(kCustomerType, std::size_t(v));
}
QString toText(Grade v)
{
    return name(kGrade, std::size_t(v));
}
QString toText(Direction v)
{
    return name(kDirection, std::size_t(v));
}
QString toText(Outcome v)
{
    return name(kOutcome, std::size_t(v));
}
QString toText(ValueTier v)
{
    return name(kValueTier, std::size_t(v));
}
QString toText(Level v)
{
    return name(kLevel, std::size_t(v));
}
QString toText(Lifecycle v)
{
    return name(kLifecycle, std::size_t(v));
}
QString toText(Engagement v)
{
    return name(kEngagement, std::size_t(v));
}
QString toText(Segment v)
{
    return name(kSegment, std::size_t(v));
}
QString toText(Matrix v)
{
    return name(kMatrix, std::size_t(v));
}

std::optional<CustomerType> customerTypeFromText(QStringView s)
{
    return lookup<CustomerType>(s, kCustomerType);
}
std::optional<Grade> gradeFromText(QStringView s)
{
    return lookup<Grade>(s, kGrade);
}
std::optional<Direction> directionFromText(QStringView s)
{
    return lookup<Direction>(s, kDirection);
}
std::optional<Outcome> outcomeFromText(QStringView s)
{
    return lookup<Outcome>(s, kOutcome);
}
std::optional<ValueTier> valueTierFromText(QStringView s)
{
    return lookup<ValueTier>(s, kValueTier);
}
std::optional<Level> levelFromText(QStringView s)
{
    return lookup<Level>(s, kLevel);
}
std::optional<Lifecycle> lifecycleFromText(QStringView s)
{
    return lookup<Lifecycle>(s, kLifecycle);
}
std::optional<Engagement> engagementFromText(QStringView s)
{
    return lookup<Engagement>(s, kEngagement);
}
std::optional<Segment> segmentFromText(QStringView s)
{
    return lookup<Segment>(s, kSegment);
}
std::optional<Matrix> matrixFromText(QStringView s)
{
    return lookup<Matrix>(s, kMatrix);
}

} // namespace tierdesk
