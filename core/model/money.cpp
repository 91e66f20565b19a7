#include "money.h"

namespace tierdesk {

QString formatCents(Cents cents)
{
    // Work in unsigned to format INT64_MIN-safe magnitudes.
    const bool negative = cents < 0;
    const auto magnitude = negative ? std::uint64_t(0) - std::uint64_t(cents) : std::uint64_t(cents);
    QString out = QString::number(magnitude / 100);
    const auto fraction = unsigned(magnitude % 100);
    out += QLatin1Char('.');
    out += QLatin1Char(char('0' + fraction / 10));
    out += QLatin1Char(char('0' + fraction % 10));
    if (negative)
        out.prepend(QLatin1Char('-'));
    return out;
}

std::optional<Cents> parseCents(QByteArrayView text)
{
    constexpr std::int64_t kMaxUnits = 1'000'000'000'000'000; // 10^15
    qsizetype i = 0;
    const qsizetype n = text.size();
    bool negative = false;
    if (i < n && (text[i] == '-' || text[i] == '+')) {
        negative = text[i] == '-';
        ++i;
    }
    std::int64_t units = 0;
    int intDigits = 0;
    while (i < n && text[i] >= '0' && text[i] <= '9') {
        units = units * 10 + (text[i] - '0');
        if (units >= kMaxUnits)
            return std::nullopt;
        ++intDigits;
        ++i;
    }
    int fraction = 0;
    int fracDigits = 0;
    if (i < n && text[i] == '.') {
        ++i;
        while (i < n && text[i] >= '0' && text[i] <= '9') {
            if (++fracDigits > 2)
                return std::nullopt;
            fraction = fraction * 10 + (text[i] - '0');
            ++i;
        }
        if (fracDigits == 1)
            fraction *= 10;
    }
    if (i != n || (intDigits == 0 && fracDigits == 0))
        return std::nullopt;
    const Cents value = units * 100 + fraction;
    return negative ? -value : value;
}

std::optional<Cents> parseCents(QStringView text)
{
    // Only ASCII can be valid; anything else fails in the byte parser.
    QByteArray bytes;
    bytes.reserve(text.size());
    for (QChar c : text)
        bytes.append(c.unicode() < 128 ? char(c.unicode()) : '\x7f');
    return parseCents(QByteArrayView(bytes));
}

} // namespace tierdesk
