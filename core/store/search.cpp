#include "search.h"

namespace tierdesk::store {
namespace {

/// True for the characters of the blocks from CJK Symbols and Punctuation to the CJK Unified
/// Ideographs (kana, bopomofo, Hangul jamo, the ideographs), the Hangul syllables and the CJK
/// compatibility ideographs: none has a lower case other than itself (a test checks each one
/// against QString::toLower()).
constexpr bool isCaseless(char16_t u)
{
    return (u >= 0x3000 && u <= 0x9FFF) || (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0xF900 && u <= 0xFAFF);
}

/// Writes `text` in UTF-8 at `p`, lower-cased when `Lower`; returns the end, or nullptr when
/// `text` has a character this does not take: a surrogate, or with `Lower` one outside ASCII
/// that isCaseless() does not know.
template<bool Lower>
char *putUtf8(char *p, QStringView text)
{
    for (const QChar ch : text) {
        const char16_t u = ch.unicode();
        if (u < 0x80) {
            *p++ = char(Lower && u >= u'A' && u <= u'Z' ? u + (u'a' - u'A') : u);
        } else if (Lower ? isCaseless(u) : !QChar::isSurrogate(u)) {
            if (u < 0x800) {
                *p++ = char(0xC0 | (u >> 6));
            } else {
                *p++ = char(0xE0 | (u >> 12));
                *p++ = char(0x80 | ((u >> 6) & 0x3F));
            }
            *p++ = char(0x80 | (u & 0x3F));
        } else {
            return nullptr;
        }
    }
    return p;
}

/// The ASCII digit `u` is (an ASCII or a full-width one), or 0.
constexpr char digitOf(char16_t u)
{
    if (u >= u'0' && u <= u'9')
        return char(u);
    if (u >= u'\uFF10' && u <= u'\uFF19')
        return char('0' + (u - u'\uFF10'));
    return 0;
}

/// Room for `units` UTF-16 units in UTF-8 at the end of `out`; returns where they go.
char *grow(QByteArray &out, qsizetype units)
{
    const qsizetype at = out.size();
    out.resize(at + 3 * units);
    return out.data() + at;
}

/// Cuts `out` to end at `end`.
void cut(QByteArray &out, const char *end)
{
    out.resize(end - out.constData());
}

/// Appends `text` to `out` in UTF-8, lower-cased when `Lower`: by putUtf8() when it can, else
/// through QString.
template<bool Lower>
void append(QByteArray &out, QStringView text)
{
    const qsizetype at = out.size();
    if (char *end = putUtf8<Lower>(grow(out, text.size()), text)) {
        cut(out, end);
        return;
    }
    out.resize(at);
    out += Lower ? text.toString().toLower().toUtf8() : text.toUtf8();
}

} // namespace

QString digitsOf(QStringView text)
{
    QString digits;
    for (const QChar c : text) {
        if (const char d = digitOf(c.unicode()))
            digits.append(QLatin1Char(d));
    }
    return digits;
}

QString searchText(const Customer &c)
{
    QString text;
    text.reserve(c.name.size() + c.company.size() + 2 * c.phone.size() + c.email.size() + 6);
    text += c.name;
    text += u'\n';
    text += c.company;
    text += u'\n';
    text += c.phone;
    text += u'\n';
    text += digitsOf(c.phone);
    text += u'\n';
    text += c.email.trimmed();
    // Two more line ends, so that every character of the text starts a trigram of the index: a
    // search of one or two characters then finds its rows through the index's terms (the
    // trigrams that start with it) instead of reading every row.
    text += u'\n';
    text += u'\n';
    return text.toLower();
}

void appendUtf8(QByteArray &out, QStringView text)
{
    append<false>(out, text);
}

void appendLowerUtf8(QByteArray &out, QStringView text)
{
    append<true>(out, text);
}

void appendSearchTextUtf8(QByteArray &out, const Customer &c)
{
    const qsizetype at = out.size();
    const QStringView email = QStringView(c.email).trimmed();
    char *p = grow(out, c.name.size() + c.company.size() + 2 * c.phone.size() + email.size() + 6);
    for (const QStringView part : {QStringView(c.name), QStringView(c.company), QStringView(c.phone)}) {
        if (p)
            p = putUtf8<true>(p, part);
        if (p)
            *p++ = '\n';
    }
    if (p) {
        for (const QChar ch : QStringView(c.phone)) {
            if (const char d = digitOf(ch.unicode()))
                *p++ = d;
        }
        *p++ = '\n';
        p = putUtf8<true>(p, email);
    }
    if (p) {
        *p++ = '\n';
        *p++ = '\n';
        cut(out, p);
    } else {
        out.resize(at);
        out += searchText(c).toUtf8();
    }
}

} // namespace tierdesk::store
