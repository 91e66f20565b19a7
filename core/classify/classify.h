#pragma once

#include "classification.h"
#include "settings.h"

#include <span>
#include <vector>

/// The rules of spec/classification.md and spec/rfm-segments.md as pure functions. No I/O, no
/// SQL, no clock: T is always a parameter. A full run is O(n log n) in the number of customers.
namespace tierdesk::classify {

class TagCondition;

/// A run without its rows: what needs everyone's values (the RFM scores, the rank by spend and
/// the value tier, the summary) worked out once, 8 bytes a customer, and each customer's result
/// worked out from its own facts when it is asked for. A consumer that takes the rows one at a
/// time (storing them, writing them to a file) never holds a run's results at once: 136 bytes a
/// customer, 136 MB at a million.
///
/// Keeps references to `facts` and `settings`: both must outlive it. at() may be called from
/// several threads at once.
class Classifier final {
public:
    /// `facts` must already exclude what is dated after `asOf` (the store's metrics query does).
    /// Tag rules that fail to parse are skipped (the settings dialog refuses them before they are
    /// stored).
    Classifier(std::span<const CustomerFacts> facts, const Settings &settings, QDate asOf);
    ~Classifier();
    Classifier(const Classifier &) = delete;
    Classifier &operator=(const Classifier &) = delete;

    std::size_t size() const { return m_facts.size(); }
    std::span<const CustomerFacts> facts() const { return m_facts; }
    const Summary &summary() const { return m_summary; }
    /// The result of `facts()[i]`: the row run() gives for it.
    Classification at(std::size_t i) const;
    /// The same into `c`, a default-constructed Classification.
    void fill(std::size_t i, Classification &c) const;
    /// What at(i) gives as the value tier, without the rest of the rules.
    ValueTier valueTier(std::size_t i) const { return ValueTier(m_scores[i].tier); }
    /// What at(i) gives as the rank by spend, without the rest of the rules.
    int valueRank(std::size_t i) const { return m_scores[i].valueRank; }

private:
    /// The parts of a customer's result that depend on everyone's values.
    struct Scores {
        std::int32_t valueRank = 0;
        std::int8_t r = 0, f = 0, m = 0; ///< 0: none (not a buyer)
        std::uint8_t tier = std::uint8_t(ValueTier::D);
    };
    std::span<const CustomerFacts> m_facts;
    const Settings &m_settings;
    QDate m_asOf;
    std::vector<Scores> m_scores;
    std::vector<TagCondition> m_conditions;
    std::vector<QString> m_conditionNames;
    Summary m_summary;
};

/// Classifies every customer as of the end of day `asOf`: the rows of a Classifier, all of them.
/// `facts` must already exclude what is dated after `asOf` (the store's metrics query does). Tag
/// rules that fail to parse are skipped (the settings dialog refuses them before they are stored).
Run run(std::span<const CustomerFacts> facts, const Settings &settings, QDate asOf);

/// `min(5, 1 + floor(5 * (rank - 1) / n))` (spec §3).
int scoreFromRank(std::int64_t rank, std::int64_t n);

/// RANK() of each value, 1-based, ties sharing the lowest rank. `ascending` ranks the smallest
/// value first. Returns ranks in the order of `values`.
std::vector<std::int64_t> sqlRank(std::span<const std::int64_t> values, bool ascending);

/// `ceil(share * n)` for a share in millionths, in exact integers.
std::int64_t ceilShare(std::int64_t n, int shareMillionths);

/// `x < ratio * y` and `x > ratio * y` for a ratio in millionths, in exact integers.
bool lessThanRatio(Cents x, int ratioMillionths, Cents y);
bool greaterThanRatio(Cents x, int ratioMillionths, Cents y);

Level frequencyTier(int fScore);
Level loyalty(int rScore, int fScore, int ordersTotal);
Lifecycle lifecycle(const CustomerFacts &facts, const Settings &settings, QDate asOf);
Engagement engagement(const CustomerFacts &facts, const Settings &settings, QDate asOf);
Segment segment(int rScore, int fScore, const Settings &settings);
Matrix matrix(int rScore, int fScore, int mScore, const Settings &settings);

/// The grade suggested by the MAN answers: A for 3 yes, B for 2, C for 1, D for 0; none when
/// no answer is given.
std::optional<Grade> suggestedGrade(const Man &man);

/// Spec §9: S or A held `demote_after_days` with no order since it was set → one grade lower;
/// B with no reached call in `demote_after_days` → C. Only for hand-set grades with a known date.
std::optional<Grade> demotion(const CustomerFacts &facts, const Settings &settings, QDate asOf);

/// The cadence in days (spec §10), before the win-back rule.
int cadence(std::optional<Grade> grade, bool buyer, ValueTier tier, const Settings &settings);

struct FollowUp {
    QDate due;
    DueReason reason;
};

/// The due date and its reason for one customer (spec §10). Needs only the customer's own facts
/// and its grade, tier and stage, so logging a call recomputes it without a full run.
FollowUp planFollowUp(const CustomerFacts &facts, std::optional<Grade> grade, ValueTier tier, Lifecycle stage,
                      const Settings &settings);

/// Priority class: S 0, A 1, B 2, C 3, D 4, none 5; a buyer without a grade takes the class of
/// its value tier (A 1 … D 4).
int priorityClass(std::optional<Grade> grade, bool buyer, ValueTier tier);

/// One row of the follow-up queue on day T.
struct QueueEntry {
    std::size_t index = 0; ///< into the classified rows
    qint64 daysOverdue = 0;
};

/// The queue on `asOf`: every non-archived customer with `due <= asOf`, ordered by priority
/// class, days overdue (descending), monetary (descending), id. `archived[i]` and `rows[i]`
/// describe the same customer.
std::vector<QueueEntry> queue(std::span<const Classification> rows, std::span<const bool> archived,
                              QDate asOf);

/// Strict weak order of the queue, exposed so that a single updated row can be re-inserted.
bool queueBefore(const Classification &a, qint64 overdueA, const Classification &b, qint64 overdueB);

} // namespace tierdesk::classify
