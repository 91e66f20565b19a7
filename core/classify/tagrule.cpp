#include "tagrule.h"

#include "model/money.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace tierdesk::classify {
namespace {

// Every user-visible message goes through QCoreApplication::translate with a literal context so
// that lupdate finds it; `tr` only keeps the call sites short.

QString number(qsizetype n)
{
    return QString::number(n);
}

/// Deeper nesting (parentheses and `not`) is refused so that neither the recursive parser nor the
/// recursive evaluation can exhaust the stack on a pathological condition.
constexpr int kMaxDepth = 64;

/// Literals beyond this are refused for integer fields (the same bound as parseCents' units).
constexpr std::int64_t kMaxInteger = 1'000'000'000'000'000; // 10^15

enum class Field : std::uint8_t {
    Monetary,
    SpendRecent,
    SpendPrev,
    RecencyDays,
    Frequency,
    OrdersTotal,
    R,
    F,
    M,
    ValueRank,
    ValueTier,
    FreqTier,
    Loyalty,
    Lifecycle,
    Engagement,
    Segment,
    Matrix,
    Grade,
    Type,
};

enum class FieldKind : std::uint8_t { Money, Integer, Enumerated };

/// The enumerations a field can take its values from (model/types.h).
enum class EnumKind : std::uint8_t {
    None,
    ValueTier,
    Level,
    Lifecycle,
    Engagement,
    Segment,
    Matrix,
    Grade,
    Type
};

struct FieldInfo {
    const char16_t *name;
    Field field;
    FieldKind kind;
    EnumKind enumKind;
};

constexpr std::array<FieldInfo, 19> kFields{{
    {u"monetary", Field::Monetary, FieldKind::Money, EnumKind::None},
    {u"spend_recent", Field::SpendRecent, FieldKind::Money, EnumKind::None},
    {u"spend_prev", Field::SpendPrev, FieldKind::Money, EnumKind::None},
    {u"recency_days", Field::RecencyDays, FieldKind::Integer, EnumKind::None},
    {u"frequency", Field::Frequency, FieldKind::Integer, EnumKind::None},
    {u"orders_total", Field::OrdersTotal, FieldKind::Integer, EnumKind::None},
    {u"r", Field::R, FieldKind::Integer, EnumKind::None},
    {u"f", Field::F, FieldKind::Integer, EnumKind::None},
    {u"m", Field::M, FieldKind::Integer, EnumKind::None},
    {u"value_rank", Field::ValueRank, FieldKind::Integer, EnumKind::None},
    {u"value_tier", Field::ValueTier, FieldKind::Enumerated, EnumKind::ValueTier},
    {u"freq_tier", Field::FreqTier, FieldKind::Enumerated, EnumKind::Level},
    {u"loyalty", Field::Loyalty, FieldKind::Enumerated, EnumKind::Level},
    {u"lifecycle", Field::Lifecycle, FieldKind::Enumerated, EnumKind::Lifecycle},
    {u"engagement", Field::Engagement, FieldKind::Enumerated, EnumKind::Engagement},
    {u"segment", Field::Segment, FieldKind::Enumerated, EnumKind::Segment},
    {u"matrix", Field::Matrix, FieldKind::Enumerated, EnumKind::Matrix},
    {u"grade", Field::Grade, FieldKind::Enumerated, EnumKind::Grade},
    {u"type", Field::Type, FieldKind::Enumerated, EnumKind::Type},
}};

const FieldInfo *findField(QStringView name)
{
    for (const FieldInfo &info : kFields) {
        if (name.compare(QStringView(info.name), Qt::CaseInsensitive) == 0)
            return &info;
    }
    return nullptr;
}

QString fieldList()
{
    QStringList names;
    for (const FieldInfo &info : kFields)
        names << QString::fromUtf16(info.name);
    return names.join(u", ");
}

int enumCount(EnumKind kind)
{
    switch (kind) {
    case EnumKind::None:
        return 0;
    case EnumKind::ValueTier:
        return 4;
    case EnumKind::Level:
        return 3;
    case EnumKind::Lifecycle:
        return 6;
    case EnumKind::Engagement:
        return 3;
    case EnumKind::Segment:
        return SegmentCount;
    case EnumKind::Matrix:
        return MatrixCount;
    case EnumKind::Grade:
        return 5;
    case EnumKind::Type:
        return 4;
    }
    return 0;
}

QString enumText(EnumKind kind, int i)
{
    switch (kind) {
    case EnumKind::None:
        break;
    case EnumKind::ValueTier:
        return toText(tierdesk::ValueTier(i));
    case EnumKind::Level:
        return toText(tierdesk::Level(i));
    case EnumKind::Lifecycle:
        return toText(tierdesk::Lifecycle(i));
    case EnumKind::Engagement:
        return toText(tierdesk::Engagement(i));
    case EnumKind::Segment:
        return toText(tierdesk::Segment(i));
    case EnumKind::Matrix:
        return toText(tierdesk::Matrix(i));
    case EnumKind::Grade:
        return toText(tierdesk::Grade(i));
    case EnumKind::Type:
        return toText(tierdesk::CustomerType(i));
    }
    return {};
}

std::optional<int> enumFromText(EnumKind kind, QStringView text)
{
    for (int i = 0; i < enumCount(kind); ++i) {
        if (text.compare(enumText(kind, i), Qt::CaseInsensitive) == 0)
            return i;
    }
    return std::nullopt;
}

/// "[+-]digits" within ±10^15.
std::optional<std::int64_t> parseInteger(QStringView text)
{
    qsizetype i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == u'-' || text[i] == u'+')) {
        negative = text[i] == u'-';
        ++i;
    }
    if (i == text.size())
        return std::nullopt;
    std::int64_t value = 0;
    for (; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c - u'0');
        if (value > kMaxInteger)
            return std::nullopt;
    }
    return negative ? -value : value;
}

/// The 1-based position of the character at `offset`, counting a surrogate pair as one character.
qsizetype characterPosition(QStringView text, qsizetype offset)
{
    qsizetype position = 1;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (!(text[i].isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate()))
            ++position;
    }
    return position;
}

enum class Op : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge, In, NotIn };

template<typename T>
std::optional<std::int64_t> widen(const std::optional<T> &v)
{
    if (!v)
        return std::nullopt;
    return std::int64_t(*v);
}

/// The value of `field` for one customer; null when the field does not apply to it. Enumerated
/// fields yield the index of the enumerator. Never allocates.
std::optional<std::int64_t> fieldValue(Field field, const TagSubject &s)
{
    const Classification &c = s.result;
    const CustomerFacts &x = s.facts;
    switch (field) {
    case Field::Monetary:
        return c.monetary;
    case Field::SpendRecent:
        return x.spendRecent;
    case Field::SpendPrev:
        return x.spendPrev;
    case Field::RecencyDays:
        return widen(c.recencyDays);
    case Field::Frequency:
        return c.frequency;
    case Field::OrdersTotal:
        return x.ordersTotal;
    case Field::R:
        return widen(c.r);
    case Field::F:
        return widen(c.f);
    case Field::M:
        return widen(c.m);
    case Field::ValueRank:
        return c.valueRank > 0 ? std::optional<std::int64_t>(c.valueRank) : std::nullopt;
    case Field::ValueTier:
        return std::int64_t(c.valueTier);
    case Field::FreqTier:
        return widen(c.freqTier);
    case Field::Loyalty:
        return widen(c.loyalty);
    case Field::Lifecycle:
        return std::int64_t(c.lifecycle);
    case Field::Engagement:
        return std::int64_t(c.engagement);
    case Field::Segment:
        return widen(c.segment);
    case Field::Matrix:
        return widen(c.matrix);
    case Field::Grade:
        return widen(c.grade);
    case Field::Type:
        return widen(x.type);
    }
    return std::nullopt;
}

} // namespace

/// One node of the parsed condition. `and`/`or` chains are n-ary so that the depth of the tree is
/// the nesting depth of the text (bounded by kMaxDepth), not the length of a chain.
struct TagCondition::Node {
    enum class Kind : std::uint8_t {
        Any,     ///< or: any child matches
        All,     ///< and: every child matches
        Not,     ///< the one child does not match
        Number,  ///< a money or integer field compared by `op` with `operand` or `list`
        EnumSet, ///< an enumerated field whose value is in `mask`
    };
    Kind kind = Kind::Number;
    Field field = Field::Monetary;
    Op op = Op::Eq;
    std::int64_t operand = 0;       ///< Number with a comparison operator (cents for money)
    std::vector<std::int64_t> list; ///< Number with `in` / `not in`: sorted, no duplicates
    std::uint32_t mask = 0;         ///< EnumSet: bit i set when enumerator i matches
    std::vector<Node> children;     ///< Any, All, Not

    bool matches(const TagSubject &s) const
    {
        switch (kind) {
        case Kind::Any:
            return std::ranges::any_of(children, [&](const Node &n) { return n.matches(s); });
        case Kind::All:
            return std::ranges::all_of(children, [&](const Node &n) { return n.matches(s); });
        case Kind::Not:
            return !children.front().matches(s);
        case Kind::EnumSet: {
            const auto v = fieldValue(field, s);
            return v && *v >= 0 && *v < 32 && (mask >> *v & 1U) != 0;
        }
        case Kind::Number: {
            const auto v = fieldValue(field, s);
            if (!v)
                return false;
            switch (op) {
            case Op::Eq:
                return *v == operand;
            case Op::Ne:
                return *v != operand;
            case Op::Lt:
                return *v < operand;
            case Op::Le:
                return *v <= operand;
            case Op::Gt:
                return *v > operand;
            case Op::Ge:
                return *v >= operand;
            case Op::In:
                return std::ranges::binary_search(list, *v);
            case Op::NotIn:
                return !std::ranges::binary_search(list, *v);
            }
            return false;
        }
        }
        return false;
    }
};

namespace {

using Node = TagCondition::Node;

struct Token {
    enum class Kind : std::uint8_t { Word, Number, String, LParen, RParen, Comma, Operator, Invalid, End };
    Kind kind = Kind::End;
    qsizetype offset = 0; ///< in UTF-16 code units, into the condition text
    QStringView text;     ///< the source text; for String the content between the quotes
    Op op = Op::Eq;       ///< Operator
    QString error;        ///< Invalid: the message, reported when the parser reaches the token

    bool isKeyword(QStringView keyword) const
    {
        return kind == Kind::Word && text.compare(keyword, Qt::CaseInsensitive) == 0;
    }
};

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'.';
}

/// Splits the whole text up front. A lexical error becomes an Invalid token so that errors are
/// still reported in text order: the parser meets it only after everything before it parsed.
std::vector<Token> tokenize(QStringView text)
{
    std::vector<Token> tokens;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (true) {
        while (i < n && text[i].isSpace())
            ++i;
        Token t;
        t.offset = i;
        if (i == n) {
            t.kind = Token::Kind::End;
            tokens.push_back(std::move(t));
            return tokens;
        }
        const QChar c = text[i];
        const QChar next = i + 1 < n ? text[i + 1] : QChar();
        auto single = [&](Token::Kind kind) {
            t.kind = kind;
            t.text = text.mid(i, 1);
            ++i;
        };
        auto oper = [&](Op op, qsizetype length) {
            t.kind = Token::Kind::Operator;
            t.op = op;
            t.text = text.mid(i, length);
            i += length;
        };
        if (c == u'(') {
            single(Token::Kind::LParen);
        } else if (c == u')') {
            single(Token::Kind::RParen);
        } else if (c == u',') {
            single(Token::Kind::Comma);
        } else if (c == u'=') {
            oper(Op::Eq, 1);
        } else if (c == u'!' && next == u'=') {
            oper(Op::Ne, 2);
        } else if (c == u'<') {
            next == u'=' ? oper(Op::Le, 2) : oper(Op::Lt, 1);
        } else if (c == u'>') {
            next == u'=' ? oper(Op::Ge, 2) : oper(Op::Gt, 1);
        } else if (c == u'\'' || c == u'"') {
            const qsizetype close = text.indexOf(c, i + 1);
            if (close < 0) {
                t.kind = Token::Kind::Invalid;
                t.offset = n;
                t.error = QCoreApplication::translate(
                              "tierdesk::classify",
                              "Position %1: expected a closing %2 for the value quoted at position %3")
                              .arg(number(characterPosition(text, n)), QString(c),
                                   number(characterPosition(text, i)));
                tokens.push_back(std::move(t));
                return tokens;
            }
            t.kind = Token::Kind::String;
            t.text = text.mid(i + 1, close - i - 1);
            i = close + 1;
        } else if (isWordChar(c) || ((c == u'-' || c == u'+') && (next.isDigit() || next == u'.'))) {
            const bool number = c.isDigit() || c == u'.' || c == u'-' || c == u'+';
            qsizetype end = i + 1;
            while (end < n && isWordChar(text[end]))
                ++end;
            t.kind = number ? Token::Kind::Number : Token::Kind::Word;
            t.text = text.mid(i, end - i);
            i = end;
        } else {
            t.kind = Token::Kind::Invalid;
            if (c == u'!') {
                t.error =
                    QCoreApplication::translate("tierdesk::classify", "Position %1: expected '=' after '!'")
                        .arg(characterPosition(text, i + 1));
            } else {
                const qsizetype length = c.isHighSurrogate() && next.isLowSurrogate() ? 2 : 1;
                t.error = QCoreApplication::translate("tierdesk::classify",
                                                      "Position %1: unexpected character '%2'")
                              .arg(number(characterPosition(text, i)), text.mid(i, length));
            }
            tokens.push_back(std::move(t));
            // Everything after an Invalid token is unreachable: the parser stops there.
            Token end;
            end.offset = n;
            tokens.push_back(std::move(end));
            return tokens;
        }
        tokens.push_back(std::move(t));
    }
}

class Parser {
public:
    explicit Parser(QStringView text)
        : m_text(text)
        , m_tokens(tokenize(text))
    {}

    Result<Node> parse()
    {
        if (cur().kind == Token::Kind::End)
            return failHere(QCoreApplication::translate(
                                "tierdesk::classify",
                                "Position %1: the condition is empty; expected a field such as monetary, "
                                "'not' or '('")
                                .arg(1));
        auto root = orExpr();
        if (!root)
            return root;
        if (cur().kind == Token::Kind::End)
            return root;
        if (cur().kind == Token::Kind::RParen)
            return failHere(
                QCoreApplication::translate("tierdesk::classify", "Position %1: ')' has no matching '('")
                    .arg(position(cur())));
        return failHere(QCoreApplication::translate(
                            "tierdesk::classify",
                            "Position %1: expected 'and', 'or' or the end of the condition after '%2'")
                            .arg(number(position(cur())), prev().text));
    }

private:
    const Token &cur() const { return m_tokens[m_pos]; }
    const Token &prev() const { return m_tokens[m_pos - 1]; }
    void advance()
    {
        if (cur().kind != Token::Kind::End)
            ++m_pos;
    }

    qsizetype position(const Token &t) const { return characterPosition(m_text, t.offset); }

    /// An error at the current token. A lexical error there takes precedence: it is the real cause.
    std::unexpected<Error> failHere(QString message) const
    {
        if (cur().kind == Token::Kind::Invalid)
            return fail(cur().error);
        return fail(std::move(message));
    }

    Result<Node> orExpr()
    {
        return chain(Node::Kind::Any, u"or", [this] { return andExpr(); });
    }

    Result<Node> andExpr()
    {
        return chain(Node::Kind::All, u"and", [this] { return unary(); });
    }

    template<typename Operand>
    Result<Node> chain(Node::Kind kind, QStringView keyword, Operand operand)
    {
        auto first = operand();
        if (!first || !cur().isKeyword(keyword))
            return first;
        Node node;
        node.kind = kind;
        node.children.push_back(std::move(*first));
        while (cur().isKeyword(keyword)) {
            advance();
            auto next = operand();
            if (!next)
                return next;
            node.children.push_back(std::move(*next));
        }
        return node;
    }

    Result<Node> unary()
    {
        const Token &t = cur();
        if (t.isKeyword(u"not")) {
            if (m_depth >= kMaxDepth)
                return tooDeep();
            advance();
            ++m_depth;
            auto child = unary();
            --m_depth;
            if (!child)
                return child;
            Node node;
            node.kind = Node::Kind::Not;
            node.children.push_back(std::move(*child));
            return node;
        }
        if (t.kind == Token::Kind::LParen) {
            if (m_depth >= kMaxDepth)
                return tooDeep();
            const Token &open = t;
            advance();
            ++m_depth;
            auto inner = orExpr();
            --m_depth;
            if (!inner)
                return inner;
            if (cur().kind == Token::Kind::RParen) {
                advance();
                return inner;
            }
            if (cur().kind == Token::Kind::End)
                return failHere(
                    QCoreApplication::translate("tierdesk::classify",
                                                "Position %1: expected ')' to close the '(' at position %2")
                        .arg(number(position(cur())), number(position(open))));
            return failHere(QCoreApplication::translate("tierdesk::classify",
                                                        "Position %1: expected 'and', 'or' or ')' after '%2'")
                                .arg(number(position(cur())), prev().text));
        }
        return comparison();
    }

    std::unexpected<Error> tooDeep() const
    {
        return failHere(QCoreApplication::translate(
                            "tierdesk::classify",
                            "Position %1: the condition is nested too deeply; use at most %2 levels of "
                            "parentheses and 'not'")
                            .arg(number(position(cur())), number(kMaxDepth)));
    }

    Result<Node> comparison()
    {
        const Token &name = cur();
        const FieldInfo *info = name.kind == Token::Kind::Word ? findField(name.text) : nullptr;
        if (!info) {
            if (name.kind == Token::Kind::Word)
                return failHere(
                    QCoreApplication::translate("tierdesk::classify",
                                                "Position %1: '%2' is not a field; expected one of %3")
                        .arg(number(position(name)), name.text, fieldList()));
            if (m_pos == 0)
                return failHere(QCoreApplication::translate("tierdesk::classify",
                                                            "Position %1: expected a field, 'not' or '('")
                                    .arg(position(name)));
            return failHere(
                QCoreApplication::translate("tierdesk::classify",
                                            "Position %1: expected a field, 'not' or '(' after '%2'")
                    .arg(number(position(name)), prev().text));
        }
        advance();
        const bool enumerated = info->kind == FieldKind::Enumerated;

        const Token &opToken = cur();
        if (opToken.kind == Token::Kind::Operator) {
            if (enumerated && opToken.op != Op::Eq && opToken.op != Op::Ne)
                return failHere(QCoreApplication::translate(
                                    "tierdesk::classify",
                                    "Position %1: '%2' cannot be compared with '%3'; use =, !=, in or not in")
                                    .arg(number(position(opToken)), QStringView(info->name), opToken.text));
            const Op op = opToken.op;
            advance();
            auto value = literal(*info);
            if (!value)
                return std::unexpected(std::move(value).error());
            Node node;
            node.field = info->field;
            if (enumerated) {
                node.kind = Node::Kind::EnumSet;
                node.mask = std::uint32_t(1) << *value;
                if (op == Op::Ne)
                    node.mask = allOf(info->enumKind) & ~node.mask;
            } else {
                node.kind = Node::Kind::Number;
                node.op = op;
                node.operand = *value;
            }
            return node;
        }

        bool negated = false;
        if (opToken.isKeyword(u"not")) {
            advance();
            if (!cur().isKeyword(u"in"))
                return failHere(QCoreApplication::translate("tierdesk::classify",
                                                            "Position %1: expected 'in' after 'not'")
                                    .arg(position(cur())));
            negated = true;
        }
        if (!cur().isKeyword(u"in")) {
            if (enumerated)
                return failHere(
                    QCoreApplication::translate("tierdesk::classify",
                                                "Position %1: expected =, !=, in or not in after '%2'")
                        .arg(number(position(cur())), prev().text));
            return failHere(QCoreApplication::translate(
                                "tierdesk::classify",
                                "Position %1: expected =, !=, <, <=, >, >=, in or not in after '%2'")
                                .arg(number(position(cur())), prev().text));
        }
        advance();
        if (cur().kind != Token::Kind::LParen)
            return failHere(
                QCoreApplication::translate("tierdesk::classify", "Position %1: expected '(' after 'in'")
                    .arg(position(cur())));
        advance();

        Node node;
        node.field = info->field;
        node.kind = enumerated ? Node::Kind::EnumSet : Node::Kind::Number;
        node.op = negated ? Op::NotIn : Op::In;
        while (true) {
            auto value = literal(*info);
            if (!value)
                return std::unexpected(std::move(value).error());
            if (enumerated)
                node.mask |= std::uint32_t(1) << *value;
            else
                node.list.push_back(*value);
            if (cur().kind == Token::Kind::Comma) {
                advance();
                continue;
            }
            if (cur().kind == Token::Kind::RParen) {
                advance();
                break;
            }
            if (cur().kind == Token::Kind::End)
                return failHere(QCoreApplication::translate(
                                    "tierdesk::classify",
                                    "Position %1: expected ',' or ')' after '%2'; the list is not closed")
                                    .arg(number(position(cur())), prev().text));
            return failHere(QCoreApplication::translate("tierdesk::classify",
                                                        "Position %1: expected ',' or ')' after '%2'")
                                .arg(number(position(cur())), prev().text));
        }
        if (enumerated && negated)
            node.mask = allOf(info->enumKind) & ~node.mask;
        std::ranges::sort(node.list);
        const auto [first, last] = std::ranges::unique(node.list);
        node.list.erase(first, last);
        return node;
    }

    static std::uint32_t allOf(EnumKind kind) { return (std::uint32_t(1) << enumCount(kind)) - 1; }

    /// Reads the value after an operator, '(' or ',' and converts it for `info`: cents for money,
    /// the number for integers, the enumerator's index for enumerated fields.
    Result<std::int64_t> literal(const FieldInfo &info)
    {
        const Token &t = cur();
        if (t.kind != Token::Kind::Word && t.kind != Token::Kind::Number && t.kind != Token::Kind::String)
            return failHere(
                QCoreApplication::translate("tierdesk::classify", "Position %1: expected a value after '%2'")
                    .arg(number(position(t)), prev().text));
        const auto at = [&] { return number(position(t)); }; // only on the error path
        const QStringView text = t.text;
        switch (info.kind) {
        case FieldKind::Money:
            if (const auto cents = parseCents(text)) {
                advance();
                return *cents;
            }
            return failHere(QCoreApplication::translate(
                                "tierdesk::classify",
                                "Position %1: '%2' is not an amount; expected a number with at most two "
                                "decimals, such as 100000 or 1234.56")
                                .arg(at(), text));
        case FieldKind::Integer:
            if (const auto number = parseInteger(text)) {
                advance();
                return *number;
            }
            return failHere(QCoreApplication::translate(
                                "tierdesk::classify",
                                "Position %1: '%2' is not a whole number; expected a number such as 30")
                                .arg(at(), text));
        case FieldKind::Enumerated:
            if (const auto index = enumFromText(info.enumKind, text)) {
                advance();
                return *index;
            }
            return failHere(badEnumMessage(info.enumKind).arg(at(), text, enumList(info.enumKind)));
        }
        return failHere(
            QCoreApplication::translate("tierdesk::classify", "Position %1: expected a value after '%2'")
                .arg(at(), prev().text));
    }

    static QString enumList(EnumKind kind)
    {
        QStringList values;
        for (int i = 0; i < enumCount(kind); ++i)
            values << enumText(kind, i);
        return values.join(u", ");
    }

    /// One whole sentence per enumeration (translators get no fragments to glue together).
    static QString badEnumMessage(EnumKind kind)
    {
        switch (kind) {
        case EnumKind::ValueTier:
            return QCoreApplication::translate("tierdesk::classify",
                                               "Position %1: '%2' is not a value tier; expected one of %3");
        case EnumKind::Level:
            return QCoreApplication::translate("tierdesk::classify",
                                               "Position %1: '%2' is not a level; expected one of %3");
        case EnumKind::Lifecycle:
            return QCoreApplication::translate(
                "tierdesk::classify", "Position %1: '%2' is not a lifecycle stage; expected one of %3");
        case EnumKind::Engagement:
            return QCoreApplication::translate(
                "tierdesk::classify", "Position %1: '%2' is not an engagement level; expected one of %3");
        case EnumKind::Segment:
            return QCoreApplication::translate("tierdesk::classify",
                                               "Position %1: '%2' is not a segment; expected one of %3");
        case EnumKind::Matrix:
            return QCoreApplication::translate(
                "tierdesk::classify", "Position %1: '%2' is not a value matrix class; expected one of %3");
        case EnumKind::Grade:
            return QCoreApplication::translate("tierdesk::classify",
                                               "Position %1: '%2' is not a grade; expected one of %3");
        case EnumKind::Type:
            return QCoreApplication::translate(
                "tierdesk::classify", "Position %1: '%2' is not a customer type; expected one of %3");
        case EnumKind::None:
            break;
        }
        return QCoreApplication::translate("tierdesk::classify",
                                           "Position %1: '%2' is not a valid value; expected one of %3");
    }

    QStringView m_text;
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    int m_depth = 0;
};

} // namespace

Result<TagCondition> TagCondition::parse(QStringView text)
{
    Parser parser(text);
    auto root = parser.parse();
    if (!root)
        return std::unexpected(std::move(root).error());
    return TagCondition(std::make_unique<Node>(std::move(*root)));
}

bool TagCondition::matches(const TagSubject &subject) const
{
    return m_root && m_root->matches(subject);
}

TagCondition::TagCondition(std::unique_ptr<Node> root)
    : m_root(std::move(root))
{}

TagCondition::TagCondition(TagCondition &&) noexcept = default;
TagCondition &TagCondition::operator=(TagCondition &&) noexcept = default;
TagCondition::~TagCondition() = default;

} // namespace tierdesk::classify
