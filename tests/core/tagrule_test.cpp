#include "classify/tagrule.h"

#include <QString>
#include <QStringList>

#include <gtest/gtest.h>
#include <initializer_list>

using namespace tierdesk;
using namespace tierdesk::classify;

namespace {

/// One customer, built by hand: the facts and the classification a condition is evaluated on.
struct Subject {
    CustomerFacts facts;
    Classification result;
    TagSubject view() const { return {facts, result}; }
};

/// A declining buyer of tier B with every field set.
Subject buyer()
{
    Subject s;
    s.facts.id = 1;
    s.facts.type = CustomerType::Enterprise;
    s.facts.ordersTotal = 3;
    s.facts.frequency = 2;
    s.facts.monetary = 10'000'000; // 100,000.00
    s.facts.spendRecent = 2'000'000;
    s.facts.spendPrev = 8'000'000;

    s.result.id = 1;
    s.result.recencyDays = 40;
    s.result.frequency = 2;
    s.result.monetary = 10'000'000;
    s.result.r = 4;
    s.result.f = 3;
    s.result.m = 5;
    s.result.valueTier = ValueTier::B;
    s.result.valueRank = 7;
    s.result.freqTier = Level::Mid;
    s.result.loyalty = Level::Mid;
    s.result.lifecycle = Lifecycle::Decline;
    s.result.engagement = Engagement::Normal;
    s.result.segment = Segment::PotentialLoyalists;
    s.result.matrix = Matrix::ImportantDevelop;
    s.result.grade = Grade::A;
    return s;
}

/// A prospect: no orders, no scores, no rank, no grade, no type.
Subject prospect()
{
    Subject s;
    s.facts.id = 2;
    s.result.id = 2;
    s.result.valueTier = ValueTier::D;
    s.result.lifecycle = Lifecycle::Prospect;
    s.result.engagement = Engagement::Silent;
    return s;
}

bool matches(QStringView condition, const Subject &s)
{
    const auto parsed = TagCondition::parse(condition);
    if (!parsed) {
        ADD_FAILURE() << "'" << condition.toString().toStdString()
                      << "' did not parse: " << parsed.error().message.toStdString();
        return false;
    }
    return parsed->matches(s.view());
}

QString errorOf(QStringView condition)
{
    const auto parsed = TagCondition::parse(condition);
    if (parsed) {
        ADD_FAILURE() << "'" << condition.toString().toStdString() << "' parsed but should not";
        return {};
    }
    return parsed.error().message;
}

/// The parse error of `condition` contains every one of `parts`.
::testing::AssertionResult failsWith(QStringView condition, std::initializer_list<QStringView> parts)
{
    const auto parsed = TagCondition::parse(condition);
    if (parsed)
        return ::testing::AssertionFailure() << "'" << condition.toString().toStdString() << "' parsed";
    const QString &message = parsed.error().message;
    for (QStringView part : parts) {
        if (!message.contains(part))
            return ::testing::AssertionFailure() << "message '" << message.toStdString() << "' lacks '"
                                                 << part.toString().toStdString() << "'";
    }
    return ::testing::AssertionSuccess() << message.toStdString();
}

} // namespace

// --- The spec's examples ------------------------------------------------------------------------

TEST(TagRule, SpecExampleMonetaryThresholdIsInclusive)
{
    Subject s = buyer();
    s.result.monetary = 10'000'000;
    EXPECT_TRUE(matches(u"monetary >= 100000", s));
    s.result.monetary = 9'999'999;
    EXPECT_FALSE(matches(u"monetary >= 100000", s));
}

TEST(TagRule, SpecExampleDecliningKeyOrMajorCustomers)
{
    Subject s = buyer();
    const QStringView rule = u"lifecycle = decline and value_tier in (A, B)";
    EXPECT_TRUE(matches(rule, s));
    s.result.valueTier = ValueTier::C;
    EXPECT_FALSE(matches(rule, s));
    s.result.valueTier = ValueTier::A;
    s.result.lifecycle = Lifecycle::Mature;
    EXPECT_FALSE(matches(rule, s));
}

// --- Numbers ------------------------------------------------------------------------------------

TEST(TagRule, MoneyComparesInCurrencyUnitsExactly)
{
    Subject s = buyer();
    s.result.monetary = 123'456;
    EXPECT_TRUE(matches(u"monetary >= 1234.56", s));
    EXPECT_TRUE(matches(u"monetary = 1234.56", s));
    EXPECT_FALSE(matches(u"monetary > 1234.56", s));
    s.result.monetary = 123'455;
    EXPECT_FALSE(matches(u"monetary >= 1234.56", s));
}

TEST(TagRule, MoneyWithOneDecimalMeansTens)
{
    Subject s = buyer();
    s.result.monetary = 123'450;
    EXPECT_TRUE(matches(u"monetary = 1234.5", s));
    EXPECT_TRUE(matches(u"monetary = 1234.50", s));
}

TEST(TagRule, NegativeMoneyLiteralsCompareRefunds)
{
    Subject s = buyer();
    s.facts.spendRecent = -1;
    EXPECT_TRUE(matches(u"spend_recent < 0", s));
    EXPECT_TRUE(matches(u"spend_recent = -0.01", s));
    EXPECT_FALSE(matches(u"spend_recent < -0.01", s));
    EXPECT_TRUE(matches(u"spend_recent>-1", s));
}

TEST(TagRule, SpendFieldsReadTheHalves)
{
    const Subject s = buyer(); // 20,000 recent, 80,000 previous
    EXPECT_TRUE(matches(u"spend_recent = 20000 and spend_prev = 80000", s));
}

TEST(TagRule, ReadsEveryIntegerField)
{
    const Subject s = buyer();
    EXPECT_TRUE(matches(u"recency_days = 40", s));
    EXPECT_TRUE(matches(u"frequency = 2", s));
    EXPECT_TRUE(matches(u"orders_total = 3", s));
    EXPECT_TRUE(matches(u"r = 4", s));
    EXPECT_TRUE(matches(u"f = 3", s));
    EXPECT_TRUE(matches(u"m = 5", s));
    EXPECT_TRUE(matches(u"value_rank = 7", s));
}

TEST(TagRule, EqualsMatchesOnlyTheValue)
{
    const Subject s = buyer(); // r = 4
    EXPECT_TRUE(matches(u"r = 4", s));
    EXPECT_FALSE(matches(u"r = 3", s));
    EXPECT_FALSE(matches(u"r = 5", s));
}

TEST(TagRule, NotEqualsMatchesEveryOtherValue)
{
    const Subject s = buyer();
    EXPECT_FALSE(matches(u"r != 4", s));
    EXPECT_TRUE(matches(u"r != 3", s));
}

TEST(TagRule, LessThanExcludesTheBoundary)
{
    const Subject s = buyer(); // recency 40
    EXPECT_FALSE(matches(u"recency_days < 40", s));
    EXPECT_TRUE(matches(u"recency_days < 41", s));
}

TEST(TagRule, LessOrEqualIncludesTheBoundary)
{
    const Subject s = buyer();
    EXPECT_TRUE(matches(u"recency_days <= 40", s));
    EXPECT_FALSE(matches(u"recency_days <= 39", s));
}

TEST(TagRule, GreaterThanExcludesTheBoundary)
{
    const Subject s = buyer(); // 3 orders
    EXPECT_FALSE(matches(u"orders_total > 3", s));
    EXPECT_TRUE(matches(u"orders_total > 2", s));
}

TEST(TagRule, GreaterOrEqualIncludesTheBoundary)
{
    const Subject s = buyer();
    EXPECT_TRUE(matches(u"orders_total >= 3", s));
    EXPECT_FALSE(matches(u"orders_total >= 4", s));
}

TEST(TagRule, NegativeIntegerLiteralsAreAllowed)
{
    const Subject s = buyer();
    EXPECT_TRUE(matches(u"frequency > -1", s));
}

// --- in / not in --------------------------------------------------------------------------------

TEST(TagRule, InMatchesAnyListedNumber)
{
    const Subject s = buyer(); // r = 4, monetary 100,000.00
    EXPECT_TRUE(matches(u"r in (4, 5)", s));
    EXPECT_FALSE(matches(u"r in (1, 2, 3)", s));
    EXPECT_TRUE(matches(u"monetary in (5.5, 100000.00)", s));
}

TEST(TagRule, NotInMatchesNoneOfTheListedNumbers)
{
    const Subject s = buyer();
    EXPECT_TRUE(matches(u"r not in (1, 2, 3)", s));
    EXPECT_FALSE(matches(u"r not in (3, 4)", s));
}

TEST(TagRule, InMatchesAnyListedEnumValue)
{
    const Subject s = buyer(); // tier B
    EXPECT_TRUE(matches(u"value_tier in (A, B)", s));
    EXPECT_FALSE(matches(u"value_tier in (C, D)", s));
    EXPECT_TRUE(matches(u"value_tier in (B)", s));
}

TEST(TagRule, NotInMatchesNoneOfTheListedEnumValues)
{
    const Subject s = buyer();
    EXPECT_TRUE(matches(u"lifecycle not in (new, growth, mature)", s));
    EXPECT_FALSE(matches(u"lifecycle not in (decline, lost)", s));
}

TEST(TagRule, ListsMayRepeatValues)
{
    const Subject s = buyer();
    EXPECT_TRUE(matches(u"r in (4, 4)", s));
    EXPECT_TRUE(matches(u"value_tier not in (a, A)", s));
}

// --- Enumerated fields --------------------------------------------------------------------------

TEST(TagRule, EnumValuesCompareCaseInsensitively)
{
    const Subject s = buyer();
    EXPECT_TRUE(matches(u"value_tier in (A, b)", s));
    EXPECT_TRUE(matches(u"lifecycle = DECLINE", s));
    EXPECT_TRUE(matches(u"segment = Potential_Loyalists", s));
    EXPECT_TRUE(matches(u"grade = a", s));
    EXPECT_TRUE(matches(u"type = ENTERPRISE", s));
}

TEST(TagRule, ReadsEveryEnumeratedField)
{
    const Subject s = buyer();
    EXPECT_TRUE(matches(u"value_tier = B", s));
    EXPECT_TRUE(matches(u"freq_tier = mid", s));
    EXPECT_TRUE(matches(u"loyalty = mid", s));
    EXPECT_TRUE(matches(u"lifecycle = decline", s));
    EXPECT_TRUE(matches(u"engagement = normal", s));
    EXPECT_TRUE(matches(u"segment = potential_loyalists", s));
    EXPECT_TRUE(matches(u"matrix = important_develop", s));
    EXPECT_TRUE(matches(u"grade = A", s));
    EXPECT_TRUE(matches(u"type = enterprise", s));
}

TEST(TagRule, EnumNotEqualsMatchesOtherValues)
{
    const Subject s = buyer();
    EXPECT_TRUE(matches(u"lifecycle != mature", s));
    EXPECT_FALSE(matches(u"lifecycle != decline", s));
}

TEST(TagRule, SegmentUsesItsTextForm)
{
    Subject s = buyer();
    s.result.segment = Segment::CantLoseThem;
    EXPECT_TRUE(matches(u"segment = cant_lose_them", s));
}

TEST(TagRule, QuotedValuesAreAccepted)
{
    const Subject s = buyer();
    EXPECT_TRUE(matches(u"lifecycle = 'decline'", s));
    EXPECT_TRUE(matches(u"segment in (\"potential_loyalists\", 'champions')", s));
    EXPECT_TRUE(matches(u"monetary = '100000'", s));
}

TEST(TagRule, GradeIsTheClassificationsGrade)
{
    Subject s = buyer();
    s.facts.grade.reset();
    s.result.grade = Grade::S;
    s.result.gradeSuggested = true;
    EXPECT_TRUE(matches(u"grade = S", s));
}

TEST(TagRule, TypeIsTheCustomersType)
{
    Subject s = buyer();
    s.facts.type = CustomerType::Government;
    EXPECT_TRUE(matches(u"type = government", s));
    EXPECT_FALSE(matches(u"type = enterprise", s));
}

// --- Null semantics -----------------------------------------------------------------------------

TEST(TagRule, NullFieldFailsEveryComparison)
{
    const Subject s = prospect(); // r is null
    for (QStringView condition : {u"r = 1", u"r != 1", u"r < 9", u"r <= 9", u"r > 0", u"r >= 0",
                                  u"r in (1, 2, 3, 4, 5)", u"r not in (1)"})
        EXPECT_FALSE(matches(condition, s)) << condition.toString().toStdString();
}

TEST(TagRule, NotOfANullComparisonIsTrue)
{
    const Subject s = prospect();
    EXPECT_TRUE(matches(u"not r = 1", s));
    EXPECT_TRUE(matches(u"not r != 1", s));
    EXPECT_TRUE(matches(u"not (r not in (1))", s));
}

TEST(TagRule, RecencyIsNullWithoutOrders)
{
    const Subject s = prospect();
    EXPECT_FALSE(matches(u"recency_days >= 0", s));
    EXPECT_FALSE(matches(u"recency_days < 100000", s));
}

TEST(TagRule, BuyerOnlyEnumsAreNullForAProspect)
{
    const Subject s = prospect();
    for (QStringView condition : {u"freq_tier != high", u"loyalty not in (high)", u"segment != champions",
                                  u"matrix != general_value", u"f >= 1", u"m >= 1"})
        EXPECT_FALSE(matches(condition, s)) << condition.toString().toStdString();
}

TEST(TagRule, ValueRankZeroIsNull)
{
    const Subject s = prospect(); // value_rank 0: not ranked
    EXPECT_FALSE(matches(u"value_rank <= 10", s));
    EXPECT_FALSE(matches(u"value_rank = 0", s));
    EXPECT_FALSE(matches(u"value_rank != 1", s));
}

TEST(TagRule, MissingGradeAndTypeAreNull)
{
    const Subject s = prospect();
    EXPECT_FALSE(matches(u"grade != S", s));
    EXPECT_FALSE(matches(u"grade not in (S, A)", s));
    EXPECT_FALSE(matches(u"type != individual", s));
    EXPECT_TRUE(matches(u"not grade in (S, A, B, C, D)", s));
}

TEST(TagRule, NeverNullFieldsApplyToProspects)
{
    const Subject s = prospect();
    EXPECT_TRUE(matches(u"monetary = 0 and frequency = 0 and orders_total = 0", s));
    EXPECT_TRUE(matches(u"value_tier = D and lifecycle = prospect and engagement = silent", s));
}

// --- Logic --------------------------------------------------------------------------------------

TEST(TagRule, AndRequiresBoth)
{
    const Subject s = buyer();
    EXPECT_TRUE(matches(u"r = 4 and f = 3", s));
    EXPECT_FALSE(matches(u"r = 4 and f = 2", s));
    EXPECT_FALSE(matches(u"r = 1 and f = 3", s));
}

TEST(TagRule, OrRequiresEither)
{
    const Subject s = buyer();
    EXPECT_TRUE(matches(u"r = 1 or f = 3", s));
    EXPECT_TRUE(matches(u"r = 4 or f = 1", s));
    EXPECT_FALSE(matches(u"r = 1 or f = 1", s));
}

TEST(TagRule, AndBindsTighterThanOr)
{
    const Subject s = buyer(); // r = 4, f = 3
    // r = 4 or (f = 1 and f = 2): true; read as (r = 4 or f = 1) and f = 2 it would be false.
    EXPECT_TRUE(matches(u"r = 4 or f = 1 and f = 2", s));
    // (f = 1 and f = 2) or r = 4
    EXPECT_TRUE(matches(u"f = 1 and f = 2 or r = 4", s));
}

TEST(TagRule, NotBindsTighterThanAnd)
{
    const Subject s = buyer();
    // (not r = 1) and r = 2: false; read as not (r = 1 and r = 2) it would be true.
    EXPECT_FALSE(matches(u"not r = 1 and r = 2", s));
}

TEST(TagRule, ParenthesesOverridePrecedence)
{
    const Subject s = buyer();
    EXPECT_FALSE(matches(u"(r = 4 or f = 1) and f = 2", s));
    EXPECT_TRUE(matches(u"not (r = 1 and r = 2)", s));
    EXPECT_TRUE(matches(u"((r = 4))", s));
}

TEST(TagRule, NotNegatesAndDoubleNotRestores)
{
    const Subject s = buyer();
    EXPECT_FALSE(matches(u"not r = 4", s));
    EXPECT_TRUE(matches(u"not not r = 4", s));
}

TEST(TagRule, KeywordsAndFieldsAreCaseInsensitive)
{
    const Subject s = buyer();
    EXPECT_TRUE(matches(u"NOT R = 1 AND Lifecycle IN (decline) Or monetary < 0", s));
    EXPECT_TRUE(matches(u"value_tier NOT IN (c, d)", s));
}

TEST(TagRule, WhitespaceIsOptionalAndFlexible)
{
    const Subject s = buyer();
    EXPECT_TRUE(matches(u"monetary>=100000", s));
    EXPECT_TRUE(matches(u"value_tier in(A,B)and(r=4)", s));
    EXPECT_TRUE(matches(u"  lifecycle\t=\ndecline  ", s));
}

TEST(TagRule, LongChainsParse)
{
    QStringList terms;
    for (int i = 0; i < 2000; ++i)
        terms << QStringLiteral("r = 1");
    terms << QStringLiteral("r = 4");
    EXPECT_TRUE(matches(terms.join(u" or "), buyer()));
}

TEST(TagRule, MovedConditionKeepsMatching)
{
    auto parsed = TagCondition::parse(u"r = 4");
    ASSERT_TRUE(parsed.has_value());
    TagCondition moved = std::move(*parsed);
    EXPECT_TRUE(moved.matches(buyer().view()));
}

// --- Parse errors -------------------------------------------------------------------------------

TEST(TagRule, EmptyConditionIsAnError)
{
    EXPECT_TRUE(failsWith(u"", {u"Position 1:", u"empty"}));
    EXPECT_TRUE(failsWith(u"   ", {u"Position 1:", u"empty"}));
}

TEST(TagRule, UnknownFieldIsNamed)
{
    EXPECT_TRUE(
        failsWith(u"lifecyle = decline", {u"Position 1:", u"'lifecyle' is not a field", u"lifecycle"}));
    EXPECT_TRUE(failsWith(u"r = 4 and 客户 = 1", {u"Position 11:", u"'客户' is not a field"}));
}

TEST(TagRule, InvalidEnumValueListsTheValidOnes)
{
    EXPECT_TRUE(failsWith(u"lifecycle = declin", {u"Position 13:", u"'declin' is not a lifecycle stage",
                                                  u"prospect, new, growth, mature, decline, lost"}));
    EXPECT_TRUE(failsWith(u"value_tier in (A, E)", {u"Position 19:", u"'E' is not a value tier"}));
    EXPECT_TRUE(failsWith(u"segment = \"can't lose them\"", {u"Position 11:", u"is not a segment"}));
    EXPECT_TRUE(failsWith(u"grade = 1", {u"Position 9:", u"'1' is not a grade"}));
    EXPECT_TRUE(failsWith(u"type = company", {u"Position 8:", u"'company' is not a customer type"}));
}

TEST(TagRule, MissingValueAfterOperator)
{
    EXPECT_TRUE(failsWith(u"monetary >=", {u"Position 12:", u"expected a value after '>='"}));
    EXPECT_TRUE(failsWith(u"r = )", {u"Position 5:", u"expected a value after '='"}));
    EXPECT_TRUE(failsWith(u"r == 4", {u"Position 4:", u"expected a value after '='"}));
}

TEST(TagRule, MissingOperatorAfterField)
{
    EXPECT_TRUE(failsWith(u"monetary 5",
                          {u"Position 10:", u"expected =, !=, <, <=, >, >=, in or not in after 'monetary'"}));
    EXPECT_TRUE(
        failsWith(u"lifecycle", {u"Position 10:", u"expected =, !=, in or not in after 'lifecycle'"}));
}

TEST(TagRule, OrderingOperatorsOnEnumeratedFieldsAreErrors)
{
    EXPECT_TRUE(failsWith(u"value_tier < B", {u"Position 12:", u"'value_tier' cannot be compared with '<'",
                                              u"=, !=, in or not in"}));
    EXPECT_TRUE(failsWith(u"grade >= A", {u"Position 7:", u"'grade' cannot be compared with '>='"}));
}

TEST(TagRule, AmountsWithMoreThanTwoDecimalsAreErrors)
{
    EXPECT_TRUE(failsWith(u"monetary >= 1.234", {u"Position 13:", u"'1.234' is not an amount"}));
    EXPECT_TRUE(failsWith(u"monetary >= 1e3", {u"Position 13:", u"'1e3' is not an amount"}));
    EXPECT_TRUE(failsWith(u"spend_prev > big", {u"Position 14:", u"'big' is not an amount"}));
}

TEST(TagRule, IntegerFieldsRejectFractionsAndWords)
{
    EXPECT_TRUE(failsWith(u"r >= 2.5", {u"Position 6:", u"'2.5' is not a whole number"}));
    EXPECT_TRUE(failsWith(u"frequency in (1, two)", {u"Position 18:", u"'two' is not a whole number"}));
    EXPECT_TRUE(
        failsWith(u"orders_total > 99999999999999999999", {u"Position 16:", u"is not a whole number"}));
}

TEST(TagRule, UnclosedParenthesisIsAnError)
{
    EXPECT_TRUE(failsWith(u"(r >= 4", {u"Position 8:", u"expected ')' to close the '(' at position 1"}));
    EXPECT_TRUE(failsWith(u"r = 4 and ((f = 3)", {u"Position 19:", u"'(' at position 11"}));
}

TEST(TagRule, UnmatchedClosingParenthesisIsAnError)
{
    EXPECT_TRUE(failsWith(u"r >= 4)", {u"Position 7:", u"')' has no matching '('"}));
}

TEST(TagRule, TrailingGarbageIsAnError)
{
    EXPECT_TRUE(failsWith(u"r >= 4 5",
                          {u"Position 8:", u"expected 'and', 'or' or the end of the condition after '4'"}));
    EXPECT_TRUE(failsWith(u"lifecycle = new customers", {u"Position 17:", u"after 'new'"}));
}

TEST(TagRule, GarbageInsideParenthesesIsAnError)
{
    EXPECT_TRUE(failsWith(u"(r >= 4 5)", {u"Position 9:", u"expected 'and', 'or' or ')' after '4'"}));
}

TEST(TagRule, DanglingKeywordIsAnError)
{
    EXPECT_TRUE(failsWith(u"r >= 4 and", {u"Position 11:", u"expected a field, 'not' or '(' after 'and'"}));
    EXPECT_TRUE(failsWith(u"r >= 4 or not", {u"Position 14:", u"after 'not'"}));
    EXPECT_TRUE(failsWith(u"()", {u"Position 2:", u"expected a field, 'not' or '(' after '('"}));
}

TEST(TagRule, ConditionMustStartWithAField)
{
    EXPECT_TRUE(failsWith(u"5 < r", {u"Position 1:", u"expected a field, 'not' or '('"}));
    EXPECT_TRUE(failsWith(u"'r' = 4", {u"Position 1:", u"expected a field"}));
}

TEST(TagRule, NotWithoutInAfterAFieldIsAnError)
{
    EXPECT_TRUE(failsWith(u"r not 4", {u"Position 7:", u"expected 'in' after 'not'"}));
}

TEST(TagRule, InWithoutAListIsAnError)
{
    EXPECT_TRUE(failsWith(u"r in 4", {u"Position 6:", u"expected '(' after 'in'"}));
}

TEST(TagRule, EmptyListIsAnError)
{
    EXPECT_TRUE(failsWith(u"r in ()", {u"Position 7:", u"expected a value after '('"}));
    EXPECT_TRUE(failsWith(u"r in (1,)", {u"Position 9:", u"expected a value after ','"}));
}

TEST(TagRule, UnclosedOrUnseparatedListIsAnError)
{
    EXPECT_TRUE(failsWith(u"r in (4, 5", {u"Position 11:", u"expected ',' or ')' after '5'"}));
    EXPECT_TRUE(failsWith(u"r in (4 5)", {u"Position 9:", u"expected ',' or ')' after '4'"}));
}

TEST(TagRule, UnexpectedCharacterIsAnError)
{
    EXPECT_TRUE(failsWith(u"monetary >= 100€", {u"Position 16:", u"unexpected character '€'"}));
    EXPECT_TRUE(failsWith(u"r = 4 && f = 3", {u"Position 7:", u"unexpected character '&'"}));
}

TEST(TagRule, LoneExclamationMarkIsAnError)
{
    EXPECT_TRUE(failsWith(u"r ! 4", {u"Position 4:", u"expected '=' after '!'"}));
}

TEST(TagRule, UnclosedQuoteIsAnError)
{
    EXPECT_TRUE(failsWith(u"lifecycle = 'decline",
                          {u"Position 21:", u"expected a closing '", u"quoted at position 13"}));
}

TEST(TagRule, ErrorsAreReportedInTextOrder)
{
    // The bad value comes before the bad character: it is the error reported.
    EXPECT_TRUE(failsWith(u"r >= x and €", {u"Position 6:", u"'x' is not a whole number"}));
}

TEST(TagRule, PositionsCountCharactersNotCodeUnits)
{
    // The emoji is one character but two UTF-16 code units.
    EXPECT_TRUE(failsWith(u"lifecycle = '😀", {u"Position 15:", u"quoted at position 13"}));
}

TEST(TagRule, DeepNestingIsRefused)
{
    const QString deep = QString(65, u'(') + u"r = 4" + QString(65, u')');
    EXPECT_TRUE(failsWith(deep, {u"Position 65:", u"nested too deeply"}));
    const QString allowed = QString(64, u'(') + u"r = 4" + QString(64, u')');
    EXPECT_TRUE(matches(allowed, buyer()));
    QString nots;
    for (int i = 0; i < 65; ++i)
        nots += u"not ";
    nots += u"r = 4";
    EXPECT_TRUE(failsWith(nots, {u"nested too deeply"}));
}

TEST(TagRule, EveryErrorStartsWithItsPosition)
{
    for (QStringView condition : {u"and", u"or r = 1", u"in (1)", u"r in", u"r not", u"r <", u","})
        EXPECT_TRUE(errorOf(condition).startsWith(u"Position ")) << condition.toString().toStdString();
}
