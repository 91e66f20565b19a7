// Duplicate keys (spec/classification.md §13), expectations worked out by hand from the spec.

#include "classify/dupkeys.h"

#include <gtest/gtest.h>
#include <ostream>

using namespace tierdesk::classify;

static void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}

TEST(PhoneKey, DropsPlusEightySixWithSpaces)
{
    // Digits "8613800138000": 13 digits with a leading 86 → "13800138000".
    EXPECT_EQ(phoneKey(u"+86 138 0013 8000"), QStringLiteral("13800138000"));
}

TEST(PhoneKey, DropsALeading0086)
{
    EXPECT_EQ(phoneKey(u"0086-138-0013-8000"), QStringLiteral("13800138000"));
}

TEST(PhoneKey, DropsEightySixInParentheses)
{
    EXPECT_EQ(phoneKey(u"(+86) 138 0013 8000"), QStringLiteral("13800138000"));
}

TEST(PhoneKey, DropsEightySixWhenThirteenDigits)
{
    EXPECT_EQ(phoneKey(u"8613800138000"), QStringLiteral("13800138000"));
}

TEST(PhoneKey, KeepsEightySixUnlessThirteenDigits)
{
    // 8 digits: "86" is part of the number.
    EXPECT_EQ(phoneKey(u"86123456"), QStringLiteral("86123456"));
    // 12 and 14 digits: not a +86 mobile number, kept as is.
    EXPECT_EQ(phoneKey(u"861380013800"), QStringLiteral("861380013800"));
    EXPECT_EQ(phoneKey(u"86138001380001"), QStringLiteral("86138001380001"));
}

TEST(PhoneKey, OnlyALeadingPrefixIsDropped)
{
    EXPECT_EQ(phoneKey(u"138 0086 0086"), QStringLiteral("13800860086"));
}

TEST(PhoneKey, FullWidthDigitsCount)
{
    EXPECT_EQ(phoneKey(u"１３８００１３８０００"), QStringLiteral("13800138000"));
    // Full-width 0086 is a prefix like any other.
    EXPECT_EQ(phoneKey(u"００８６ １３８ ００１３ ８０００"), QStringLiteral("13800138000"));
    EXPECT_EQ(phoneKey(u"＋８６ １３８－００１３－８０００"), QStringLiteral("13800138000"));
}

TEST(PhoneKey, KeepsALandlinesAreaCode)
{
    EXPECT_EQ(phoneKey(u"021-6123 4567"), QStringLiteral("02161234567"));
}

TEST(PhoneKey, FewerThanSevenDigitsIsNoKey)
{
    EXPECT_TRUE(phoneKey(u"123456").isEmpty());
    EXPECT_TRUE(phoneKey(u"12-34-56").isEmpty());
    EXPECT_TRUE(phoneKey(u"").isEmpty());
    EXPECT_TRUE(phoneKey(u"n/a").isEmpty());
    EXPECT_EQ(phoneKey(u"1234567"), QStringLiteral("1234567")); // exactly 7 is a key
}

TEST(PhoneKey, SevenDigitsAreCountedAfterThePrefixIsDropped)
{
    // "0086123456" → drop 0086 → "123456": 6 digits left, no key.
    EXPECT_TRUE(phoneKey(u"0086 123456").isEmpty());
    EXPECT_EQ(phoneKey(u"0086 1234567"), QStringLiteral("1234567"));
}

TEST(EmailKey, TrimsAndLowerCases)
{
    EXPECT_EQ(emailKey(u"  Alice.Wang@Example.COM\t"), QStringLiteral("alice.wang@example.com"));
    EXPECT_EQ(emailKey(u"bob@example.com"), QStringLiteral("bob@example.com"));
}

TEST(EmailKey, BlankIsNoKey)
{
    EXPECT_TRUE(emailKey(u"").isEmpty());
    EXPECT_TRUE(emailKey(u" \t ").isEmpty());
}
