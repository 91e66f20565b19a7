#include "model/dates.h"
#include "model/money.h"
#include "model/types.h"

#include <gtest/gtest.h>

using namespace tierdesk;

TEST(Money, FormatsTwoDecimalsWithSign)
{
    EXPECT_EQ(formatCents(0), QStringLiteral("0.00"));
    EXPECT_EQ(formatCents(5), QStringLiteral("0.05"));
    EXPECT_EQ(formatCents(123450), QStringLiteral("1234.50"));
    EXPECT_EQ(formatCents(-5), QStringLiteral("-0.05"));
    EXPECT_EQ(formatCents(-100), QStringLiteral("-1.00"));
}

TEST(Money, ParsesAtMostTwoDecimals)
{
    EXPECT_EQ(parseCents(QByteArrayView("12")), 1200);
    EXPECT_EQ(parseCents(QByteArrayView("12.5")), 1250);
    EXPECT_EQ(parseCents(QByteArrayView("-3.05")), -305);
    EXPECT_EQ(parseCents(QByteArrayView("+7.00")), 700);
    EXPECT_EQ(parseCents(QByteArrayView(".5")), 50);
    EXPECT_EQ(parseCents(QByteArrayView("0.10")), 10);
}

TEST(Money, RejectsMalformedAmounts)
{
    for (const char *bad :
         {"", "-", ".", "1.234", "1e3", "1,000", " 1", "1 ", "abc", "１２", "--1", "10000000000000000"})
        EXPECT_FALSE(parseCents(QByteArrayView(bad)).has_value()) << bad;
    EXPECT_FALSE(parseCents(QStringView(u"１２")).has_value());
}

TEST(Dates, ParsesStrictIsoDates)
{
    EXPECT_EQ(parseIsoDate(QByteArrayView("2026-06-30")), QDate(2026, 6, 30));
    EXPECT_FALSE(parseIsoDate(QByteArrayView("2026-02-30")).isValid());
    EXPECT_FALSE(parseIsoDate(QByteArrayView("2026-6-30")).isValid());
    EXPECT_FALSE(parseIsoDate(QByteArrayView("2026/06/30")).isValid());
    EXPECT_FALSE(parseIsoDate(QByteArrayView("2026-06-30 ")).isValid());
}

TEST(Dates, ParsesLocalDateTimesWithoutShifting)
{
    const QDateTime t = parseIsoDateTime(QByteArrayView("2026-03-29T02:30:00"));
    ASSERT_TRUE(t.isValid());
    EXPECT_EQ(isoDateTime(t), QStringLiteral("2026-03-29T02:30:00"));
    EXPECT_FALSE(parseIsoDateTime(QByteArrayView("2026-03-29 02:30:00")).isValid());
    EXPECT_FALSE(parseIsoDateTime(QByteArrayView("2026-03-29T24:00:00")).isValid());
}

TEST(Types, TextFormsRoundTrip)
{
    for (int i = 0; i < SegmentCount; ++i)
        EXPECT_EQ(segmentFromText(toText(Segment(i))), Segment(i));
    for (int i = 0; i < MatrixCount; ++i)
        EXPECT_EQ(matrixFromText(toText(Matrix(i))), Matrix(i));
    EXPECT_EQ(toText(Segment::CantLoseThem), QStringLiteral("cant_lose_them"));
    EXPECT_EQ(toText(Matrix::ImportantWinBack), QStringLiteral("important_win_back"));
    EXPECT_EQ(outcomeFromText(u"no_answer"), Outcome::NoAnswer);
    EXPECT_FALSE(gradeFromText(u"a").has_value());
    EXPECT_FALSE(customerTypeFromText(u"Enterprise").has_value());
}
