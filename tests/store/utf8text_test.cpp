// The customers' texts the bulk import writes in UTF-8 without going through QString: byte for
// byte what the QString way gives.

#include "classify/dupkeys.h"
#include "store/bulk.h"
#include "store/search.h"

#include <gtest/gtest.h>
#include <ostream>
#include <vector>

using namespace tierdesk;

static void PrintTo(const QByteArray &b, std::ostream *os)
{
    *os << '"' << b.toStdString() << '"';
}

namespace {

QByteArray lowerUtf8(QStringView text)
{
    QByteArray out("before|");
    store::appendLowerUtf8(out, text);
    return out;
}

QByteArray plainUtf8(QStringView text)
{
    QByteArray out("before|");
    store::appendUtf8(out, text);
    return out;
}

QByteArray searchUtf8(const Customer &c)
{
    QByteArray out("before|");
    store::appendSearchTextUtf8(out, c);
    return out;
}

Customer customer(const QString &name, const QString &company, const QString &phone, const QString &email)
{
    Customer c;
    c.id = 7;
    c.name = name;
    c.company = company;
    c.phone = phone;
    c.email = email;
    c.city = QStringLiteral("上海");
    c.owner = QStringLiteral("Zhou Min");
    return c;
}

/// Latin with capitals and spaces around the e-mail, Chinese with a full-width phone and an
/// ideographic space around the e-mail, German, full-width Latin, a character beyond the Basic
/// Multilingual Plane, and nothing at all.
std::vector<Customer> sampleCustomers()
{
    return {
        customer(QStringLiteral("Michael JONES"), {}, QStringLiteral("+65 6339 5225"),
                 QStringLiteral(" Michael.Jones844@126.com ")),
        customer(QStringLiteral("成都华信物流"), QStringLiteral("成都华信物流有限公司"),
                 QStringLiteral("0086-159-1957-6066"), QStringLiteral("  liang.li125@sina.com\t")),
        customer(QStringLiteral("王伟"), QStringLiteral("明华贸易"),
                 QStringLiteral("１３８ ００１３ ８０００ 转 12"), QStringLiteral("\u3000WANG@QQ.COM\u3000")),
        customer(QStringLiteral("Ärztin Özil"), QStringLiteral("Müller GmbH"),
                 QStringLiteral("+86 138 0013 8000"), QStringLiteral("ÖZIL@EXAMPLE.DE")),
        customer(QStringLiteral("Ｚｈａｎｇ"), QStringLiteral("𠀀 Ltd"), {}, {}),
        customer(QStringLiteral("x"), {}, QStringLiteral("123"), {}),
        customer({}, {}, {}, {}),
    };
}

} // namespace

TEST(StoreUtf8, EachCharacterOfTheBasicPlaneIsWrittenAndLowerCasedAsQStringDoes)
{
    // Alone, and after an ASCII capital: a character the fast way took as caseless though it has
    // a lower case of its own would show here, and so would a wrong UTF-8 sequence.
    for (int u = 0; u <= 0xFFFF; ++u) {
        if (QChar::isSurrogate(char16_t(u)))
            continue;
        const QString alone{QChar(char16_t(u))};
        const QString afterCapital = QStringLiteral("A") + alone;
        for (const QString &text : {alone, afterCapital}) {
            ASSERT_EQ(lowerUtf8(text), "before|" + text.toLower().toUtf8()) << u;
            ASSERT_EQ(plainUtf8(text), "before|" + text.toUtf8()) << u;
        }
    }
}

TEST(StoreUtf8, OtherScriptsAndSurrogatesAreWhatQStringWrites)
{
    const QString texts[] = {
        QStringLiteral("ÄÖÜ Straße"),
        QStringLiteral("İSTANBUL ıi"),
        QStringLiteral("ΣΑΣ Οδός"),
        QStringLiteral("ＡＢＣ ｘｙｚ １２３"), // full-width Latin has a lower case
        QStringLiteral("Ⅻ Ⓐ"),
        QStringLiteral("emoji 😀 and 𠀀"),
        QStringView(u"lone \xD800 surrogate").toString(),
        QStringLiteral("ÉCOLE 学校"),
        QString(),
        QStringLiteral("ASCII only, Mixed-Case 0123"),
        QStringLiteral("王伟 明华贸易 〇一"),
    };
    for (const QString &t : texts) {
        EXPECT_EQ(lowerUtf8(t), "before|" + t.toLower().toUtf8()) << t.toStdString();
        EXPECT_EQ(plainUtf8(t), "before|" + t.toUtf8()) << t.toStdString();
    }
}

TEST(StoreUtf8, ACustomersSearchTextIsSearchTextInUtf8)
{
    for (const Customer &c : sampleCustomers())
        EXPECT_EQ(searchUtf8(c), "before|" + store::searchText(c).toUtf8()) << c.name.toStdString();
}

TEST(StoreUtf8, APreparedCustomersPartsAreItsTextsAndKeysInUtf8)
{
    using P = store::BulkImport::PreparedCustomer;
    const std::vector<Customer> customers = sampleCustomers();
    for (const Customer &c : customers) {
        const P p = store::BulkImport::prepare(c);
        EXPECT_EQ(p.part(P::Name).toByteArray(), c.name.toUtf8());
        EXPECT_EQ(p.part(P::Company).toByteArray(), c.company.toUtf8());
        EXPECT_EQ(p.part(P::Phone).toByteArray(), c.phone.toUtf8());
        EXPECT_EQ(p.part(P::Email).toByteArray(), c.email.toUtf8());
        EXPECT_EQ(p.part(P::City).toByteArray(), c.city.toUtf8());
        EXPECT_EQ(p.part(P::Owner).toByteArray(), c.owner.toUtf8());
        EXPECT_EQ(p.part(P::PhoneKey).toByteArray(), classify::phoneKey(c.phone).toUtf8());
        EXPECT_EQ(p.part(P::EmailKey).toByteArray(), classify::emailKey(c.email).toUtf8());
        EXPECT_EQ(p.part(P::SearchText).toByteArray(), store::searchText(c).toUtf8());
    }
    // By hand, for one: the keys and the search text's lines.
    const P p = store::BulkImport::prepare(customers[3]);
    EXPECT_EQ(p.part(P::PhoneKey), "13800138000");
    EXPECT_EQ(p.part(P::EmailKey), "özil@example.de");
    EXPECT_EQ(p.part(P::SearchText),
              "ärztin özil\nmüller gmbh\n+86 138 0013 8000\n8613800138000\nözil@example.de\n\n");
}
