#pragma once

#include "classification.h"
#include "model/error.h"

#include <QString>

#include <memory>

/// Dynamic tags (spec §12): a small condition language over the metrics and tiers.
///
///     condition  := or-expr
///     or-expr    := and-expr ("or" and-expr)*
///     and-expr   := unary ("and" unary)*
///     unary      := "not" unary | "(" condition ")" | comparison
///     comparison := field op value | field ["not"] "in" "(" value ("," value)* ")"
///     op         := "=" | "!=" | "<" | "<=" | ">" | ">="
///     value      := number | word | quoted string ('…' or "…")
///
/// Keywords and field names are case-insensitive; `not` binds tighter than `and`, `and` tighter
/// than `or`. Fields:
/// - money, written in currency units with up to two decimals and compared exactly in cents
///   (`monetary >= 1234.56`): monetary, spend_recent, spend_prev;
/// - whole numbers: recency_days, frequency, orders_total, r, f, m, value_rank;
/// - enumerated, compared by their text forms (model/types.h) case-insensitively, with =, !=, in
///   and not in only: value_tier, freq_tier, loyalty, lifecycle, engagement, segment, matrix,
///   grade (the classification's grade: hand-set or suggested), type (the customer type).
/// A value that is not valid for its field (`lifecycle = declin`, `r >= 2.5`) is a parse error.
///
/// Null fields: recency_days without orders; r, f, m, freq_tier, loyalty, segment and matrix of
/// a prospect; value_rank 0 (not ranked); grade and type when there is none. Every comparison
/// with a null field is false, `!=` and `not in` included; `not` of it is true.
///
/// monetary, recency_days and frequency are read from the Classification, spend_recent,
/// spend_prev, orders_total and type from the CustomerFacts.
namespace tierdesk::classify {

/// What a condition is evaluated against: one customer's facts and classification.
struct TagSubject {
    const CustomerFacts &facts;
    const Classification &result;
};

class TagCondition final {
public:
    /// Parses `text`; on error the translated message names the 1-based character position and
    /// what was expected (`monetary >=` → "Position 12: expected a value after '>='").
    /// An empty condition is an error.
    static Result<TagCondition> parse(QStringView text);

    /// Evaluates the condition for one customer. Allocation-free; false for a moved-from condition.
    bool matches(const TagSubject &subject) const;

    struct Node;

    TagCondition(TagCondition &&) noexcept;
    TagCondition &operator=(TagCondition &&) noexcept;
    TagCondition(const TagCondition &) = delete;
    TagCondition &operator=(const TagCondition &) = delete;
    ~TagCondition();

private:
    explicit TagCondition(std::unique_ptr<Node> root);
    std::unique_ptr<Node> m_root;
};

} // namespace tierdesk::classify
