#include "classify.h"

#include "model/memory.h"
#include "tagrule.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <thread>

namespace tierdesk::classify {
namespace {
// 64-bit cents times a ratio in millionths can exceed 2^63; GCC's 128-bit integer is exact.
__extension__ using Int128 = __int128;
} // namespace

int scoreFromRank(std::int64_t rank, std::int64_t n)
{
    if (n <= 0 || rank <= 0)
        return 0;
    return int(std::min<std::int64_t>(5, 1 + (5 * (rank - 1)) / n));
}

std::vector<std::int64_t> sqlRank(std::span<const std::int64_t> values, bool ascending)
{
    std::vector<std::int64_t> ranks(values.size());
    if (values.empty())
        return ranks;
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    const std::int64_t low = *lo;
    // Recency in days and order counts span a few thousand values for a million customers: one
    // count per value gives every rank in two passes, without a sort.
    const std::uint64_t span = std::uint64_t(*hi) - std::uint64_t(low);
    if (span < 2 * std::uint64_t(values.size()) + 4096) {
        std::vector<std::int64_t> before(std::size_t(span) + 1, 0);
        for (std::int64_t v : values)
            ++before[std::size_t(std::uint64_t(v) - std::uint64_t(low))];
        // The rank of a value: one more than the values that come before it.
        std::int64_t seen = 0;
        auto accumulate = [&seen](std::int64_t &count) {
            const std::int64_t here = count;
            count = seen + 1;
            seen += here;
        };
        if (ascending)
            std::for_each(before.begin(), before.end(), accumulate);
        else
            std::for_each(before.rbegin(), before.rend(), accumulate);
        for (std::size_t i = 0; i < values.size(); ++i)
            ranks[i] = before[std::size_t(std::uint64_t(values[i]) - std::uint64_t(low))];
        return ranks;
    }
    // Otherwise (money): sort the values with their positions, which keeps the comparisons in
    // one array instead of a random read of `values` for each.
    std::vector<std::pair<std::int64_t, std::size_t>> order(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        order[i] = {values[i], i};
    if (ascending)
        std::sort(order.begin(), order.end());
    else
        std::sort(order.begin(), order.end(), std::greater<>());
    for (std::size_t pos = 0; pos < order.size(); ++pos) {
        const std::size_t i = order[pos].second;
        if (pos > 0 && order[pos - 1].first == order[pos].first)
            ranks[i] = ranks[order[pos - 1].second];
        else
            ranks[i] = std::int64_t(pos) + 1;
    }
    return ranks;
}

std::int64_t ceilShare(std::int64_t n, int shareMillionths)
{
    const auto product = static_cast<Int128>(n) * shareMillionths;
    return static_cast<std::int64_t>((product + 999'999) / 1'000'000);
}

bool lessThanRatio(Cents x, int ratioMillionths, Cents y)
{
    return static_cast<Int128>(x) * 1'000'000 < static_cast<Int128>(ratioMillionths) * y;
}

bool greaterThanRatio(Cents x, int ratioMillionths, Cents y)
{
    return static_cast<Int128>(x) * 1'000'000 > static_cast<Int128>(ratioMillionths) * y;
}

Level frequencyTier(int fScore)
{
    if (fScore >= 4)
        return Level::High;
    if (fScore == 3)
        return Level::Mid;
    return Level::Low;
}

Level loyalty(int rScore, int fScore, int ordersTotal)
{
    if (rScore >= 4 && fScore >= 4 && ordersTotal >= 2)
        return Level::High;
    if (rScore <= 2 || ordersTotal <= 1)
        return Level::Low;
    return Level::Mid;
}

Lifecycle lifecycle(const CustomerFacts &f, const Settings &s, QDate asOf)
{
    if (!f.isBuyer())
        return Lifecycle::Prospect;
    if (f.firstOrder.daysTo(asOf) < s.newDays)
        return Lifecycle::New;
    const qint64 recency = f.lastOrder.daysTo(asOf);
    if (recency >= s.lostDays)
        return Lifecycle::Lost;
    if (recency >= s.declineDays ||
        (f.spendPrev > 0 && lessThanRatio(f.spendRecent, s.declineRatioMillionths, f.spendPrev)))
        return Lifecycle::Decline;
    if (greaterThanRatio(f.spendRecent, s.growthRatioMillionths, f.spendPrev))
        return Lifecycle::Growth;
    return Lifecycle::Mature;
}

Engagement engagement(const CustomerFacts &f, const Settings &s, QDate asOf)
{
    QDate touch = f.lastOrder;
    if (f.lastContact.isValid() && (!touch.isValid() || f.lastContact > touch))
        touch = f.lastContact;
    if (!touch.isValid())
        return Engagement::Silent;
    const qint64 days = touch.daysTo(asOf);
    if (days <= s.activeDays)
        return Engagement::Active;
    if (days <= s.silentDays)
        return Engagement::Normal;
    return Engagement::Silent;
}

Segment segment(int rScore, int fScore, const Settings &s)
{
    return s.segmentMap.at(std::size_t(rScore - 1)).at(std::size_t(fScore - 1));
}

Matrix matrix(int rScore, int fScore, int mScore, const Settings &s)
{
    const bool r = rScore >= s.rfmHighFrom;
    const bool f = fScore >= s.rfmHighFrom;
    const bool m = mScore >= s.rfmHighFrom;
    if (m) {
        if (r)
            return f ? Matrix::ImportantValue : Matrix::ImportantDevelop;
        return f ? Matrix::ImportantRetain : Matrix::ImportantWinBack;
    }
    if (r)
        return f ? Matrix::GeneralValue : Matrix::GeneralDevelop;
    return f ? Matrix::GeneralRetain : Matrix::GeneralWinBack;
}

std::optional<Grade> suggestedGrade(const Man &man)
{
    if (!man.anyAnswered())
        return std::nullopt;
    switch (man.yesCount()) {
    case 3:
        return Grade::A;
    case 2:
        return Grade::B;
    case 1:
        return Grade::C;
    default:
        return Grade::D;
    }
}

std::optional<Grade> demotion(const CustomerFacts &f, const Settings &s, QDate asOf)
{
    if (!f.grade)
        return std::nullopt;
    switch (*f.grade) {
    case Grade::S:
    case Grade::A: {
        if (!f.gradeSetAt.isValid() || f.gradeSetAt.daysTo(asOf) < s.demoteAfterDays)
            return std::nullopt;
        const bool orderedSince = f.lastOrder.isValid() && f.lastOrder >= f.gradeSetAt;
        if (orderedSince)
            return std::nullopt;
        return *f.grade == Grade::S ? Grade::A : Grade::B;
    }
    case Grade::B: {
        // "No reached call in 30 days": none within the last 30 days up to T. A grade set less
        // than 30 days ago has not been held long enough to judge.
        if (f.gradeSetAt.isValid() && f.gradeSetAt.daysTo(asOf) < s.demoteAfterDays)
            return std::nullopt;
        if (f.lastReachedCall.isValid() && f.lastReachedCall.daysTo(asOf) < s.demoteAfterDays)
            return std::nullopt;
        return Grade::C;
    }
    case Grade::C:
    case Grade::D:
        return std::nullopt;
    }
    return std::nullopt;
}

int cadence(std::optional<Grade> grade, bool buyer, ValueTier tier, const Settings &s)
{
    if (grade)
        return s.cadenceByGrade.at(std::size_t(*grade));
    if (buyer)
        return s.cadenceByTier.at(std::size_t(tier));
    return s.cadenceDefault;
}

FollowUp planFollowUp(const CustomerFacts &f, std::optional<Grade> grade, ValueTier tier, Lifecycle stage,
                      const Settings &s)
{
    FollowUp out;
    if (f.followUp.isValid()) {
        out.due = f.followUp;
        out.reason.kind = DueReason::Kind::FollowUpSet;
        out.reason.date = f.followUp;
    } else if (!f.lastContact.isValid()) {
        out.due = f.createdAt;
        out.reason.kind = DueReason::Kind::NeverContacted;
    } else {
        const bool buyer = f.isBuyer();
        int days = cadence(grade, buyer, tier, s);
        DueReason::Kind kind = grade
                                   ? DueReason::Kind::GradeCadence
                                   : (buyer ? DueReason::Kind::TierCadence : DueReason::Kind::DefaultCadence);
        if (stage == Lifecycle::Decline) {
            days = std::min(days, s.winBackDays);
            kind = DueReason::Kind::WinBack;
        }
        out.due = f.lastContact.addDays(days);
        out.reason.kind = kind;
        out.reason.date = f.lastContact;
        out.reason.cadenceDays = days;
        out.reason.grade = grade;
        if (!grade && buyer)
            out.reason.tier = tier;
    }
    // Never due before the customer exists (spec §1).
    if (f.createdAt.isValid() && out.due.isValid() && out.due < f.createdAt)
        out.due = f.createdAt;
    return out;
}

int priorityClass(std::optional<Grade> grade, bool buyer, ValueTier tier)
{
    if (grade)
        return int(*grade);
    if (buyer)
        return 1 + int(tier);
    return 5;
}

bool queueBefore(const Classification &a, qint64 overdueA, const Classification &b, qint64 overdueB)
{
    if (a.priorityClass != b.priorityClass)
        return a.priorityClass < b.priorityClass;
    if (overdueA != overdueB)
        return overdueA > overdueB;
    if (a.monetary != b.monetary)
        return a.monetary > b.monetary;
    return a.id < b.id;
}

std::vector<QueueEntry> queue(std::span<const Classification> rows, std::span<const bool> archived,
                              QDate asOf)
{
    std::vector<QueueEntry> out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Classification &c = rows[i];
        if ((i < archived.size() && archived[i]) || !c.due.isValid() || c.due > asOf)
            continue;
        out.push_back({i, c.due.daysTo(asOf)});
    }
    std::sort(out.begin(), out.end(), [&](const QueueEntry &a, const QueueEntry &b) {
        return queueBefore(rows[a.index], a.daysOverdue, rows[b.index], b.daysOverdue);
    });
    return out;
}

namespace {

/// From this many customers on, run() works on both cores: a thread costs well under a
/// millisecond, the rules about half a microsecond a customer.
constexpr std::size_t kParallelRows = 65536;

/// Runs `first` in a helper thread and `second` in this one when `parallel`, one after the other
/// otherwise; returns when both are done.
template<typename A, typename B>
void both(bool parallel, A &&first, B &&second)
{
    if (!parallel) {
        first();
        second();
        return;
    }
    std::thread helper(std::forward<A>(first));
    second();
    helper.join();
}

} // namespace

Classifier::Classifier(std::span<const CustomerFacts> facts, const Settings &settings, QDate asOf)
    : m_facts(facts)
    , m_settings(settings)
    , m_asOf(asOf)
{
    m_summary.asOf = asOf;
    m_summary.customers = int(facts.size());

    // Buyers, in input order: their metrics feed the RFM ranks.
    std::vector<std::size_t> buyers;
    buyers.reserve(facts.size());
    for (std::size_t i = 0; i < facts.size(); ++i) {
        if (facts[i].isBuyer())
            buyers.push_back(i);
    }
    const auto nBuyers = std::int64_t(buyers.size());

    // The scores of recency and frequency, kept as bytes; then monetary and spend, one set of
    // ranks at a time.
    auto ranks = [&facts](std::span<const std::size_t> who, auto value, bool ascending) {
        std::vector<std::int64_t> metric(who.size());
        for (std::size_t k = 0; k < who.size(); ++k)
            metric[k] = value(facts[who[k]]);
        return sqlRank(metric, ascending);
    };
    m_scores.resize(facts.size());
    auto score = [&](auto value, bool ascending, std::int8_t Scores::*member) {
        const auto rank = ranks(buyers, value, ascending);
        for (std::size_t k = 0; k < rank.size(); ++k)
            m_scores[buyers[k]].*member = std::int8_t(scoreFromRank(rank[k], nBuyers));
    };
    score([asOf](const CustomerFacts &f) { return f.lastOrder.daysTo(asOf); }, /*ascending=*/false,
          &Scores::r);
    score([](const CustomerFacts &f) { return std::int64_t(f.frequency); }, /*ascending=*/true, &Scores::f);
    score([](const CustomerFacts &f) { return f.monetary; }, /*ascending=*/true, &Scores::m);
    buyers = {};

    // The pyramid: customers with monetary > 0, ranked by monetary descending.
    std::vector<std::size_t> spenders;
    for (std::size_t i = 0; i < facts.size(); ++i) {
        if (facts[i].monetary > 0)
            spenders.push_back(i);
    }
    const auto nSpenders = std::int64_t(spenders.size());
    const std::int64_t cutA = ceilShare(nSpenders, settings.tierAShareMillionths);
    const std::int64_t cutB = ceilShare(nSpenders, settings.tierBShareMillionths);
    {
        const auto rank = ranks(
            spenders, [](const CustomerFacts &f) { return f.monetary; }, /*ascending=*/false);
        for (std::size_t k = 0; k < spenders.size(); ++k) {
            Scores &s = m_scores[spenders[k]];
            s.valueRank = std::int32_t(rank[k]);
            s.tier = std::uint8_t(rank[k] <= cutA ? ValueTier::A
                                                  : (rank[k] <= cutB ? ValueTier::B : ValueTier::C));
        }
    }
    spenders = {};

    Summary &sum = m_summary;
    sum.buyers = int(nBuyers);
    sum.spenders = int(nSpenders);
    sum.tierACutoff = int(cutA);
    sum.tierBCutoff = int(cutB);
    for (std::size_t i = 0; i < facts.size(); ++i) {
        const std::size_t tier = m_scores[i].tier;
        sum.countByTier[tier] += 1;
        sum.monetaryByTier[tier] += facts[i].monetary;
        if (facts[i].ordersTotal >= 2)
            ++sum.repeatBuyers;
    }

    for (const TagRuleDef &rule : settings.tagRules) {
        auto parsed = TagCondition::parse(rule.condition);
        if (parsed) {
            m_conditions.push_back(std::move(*parsed));
            m_conditionNames.push_back(rule.name);
        }
    }
}

Classifier::~Classifier() = default;

Classification Classifier::at(std::size_t i) const
{
    Classification c;
    fill(i, c);
    return c;
}

void Classifier::fill(std::size_t i, Classification &c) const
{
    const Settings &s = m_settings;
    const QDate asOf = m_asOf;
    const CustomerFacts &f = m_facts[i];
    const Scores &scores = m_scores[i];
    c.id = f.id;
    c.frequency = f.frequency;
    c.monetary = f.monetary;
    c.valueRank = scores.valueRank;
    c.valueTier = ValueTier(scores.tier);
    const bool buyer = f.isBuyer();
    if (f.lastOrder.isValid())
        c.recencyDays = int(f.lastOrder.daysTo(asOf));
    if (buyer) {
        c.r = scores.r;
        c.f = scores.f;
        c.m = scores.m;
        c.freqTier = frequencyTier(*c.f);
        c.loyalty = loyalty(*c.r, *c.f, f.ordersTotal);
        c.segment = segment(*c.r, *c.f, s);
        c.matrix = matrix(*c.r, *c.f, *c.m, s);
    }
    c.lifecycle = lifecycle(f, s, asOf);
    c.engagement = engagement(f, s, asOf);
    if (f.grade) {
        c.grade = f.grade;
    } else if (auto g = suggestedGrade(f.man)) {
        c.grade = g;
        c.gradeSuggested = true;
    }
    c.demoteTo = demotion(f, s, asOf);
    const FollowUp plan = planFollowUp(f, c.grade, c.valueTier, c.lifecycle, s);
    c.due = plan.due;
    c.reason = plan.reason;
    c.priorityClass = priorityClass(c.grade, buyer, c.valueTier);

    if (!m_conditions.empty()) {
        const TagSubject subject{f, c};
        for (std::size_t k = 0; k < m_conditions.size(); ++k) {
            if (m_conditions[k].matches(subject))
                c.dynamicTags.append(m_conditionNames[k]);
        }
    }
}

Run run(std::span<const CustomerFacts> facts, const Settings &s, QDate asOf)
{
    Run result;
    const bool parallel = facts.size() >= kParallelRows;
    // The first write of the results (page faults, as long as the ranks at a million customers)
    // in a helper thread while this one works out the scores. The helper allocates nothing but
    // the results (mapped: memory it freed would stay in its own heap).
    std::optional<Classifier> classifier;
    both(
        parallel,
        [&] {
            result.rows.reserve(facts.size());
            adviseHugePages(result.rows.data(), facts.size() * sizeof(Classification));
            result.rows.resize(facts.size());
        },
        [&] { classifier.emplace(facts, s, asOf); });
    result.summary = classifier->summary();

    // The rules of each customer, the first half of the customers in a helper thread.
    auto classifyRange = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i)
            classifier->fill(i, result.rows[i]);
    };
    const std::size_t half = parallel ? facts.size() / 2 : 0;
    both(
        parallel, [&] { classifyRange(0, half); }, [&] { classifyRange(half, facts.size()); });
    return result;
}

} // namespace tierdesk::classify
