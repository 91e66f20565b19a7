#include "encoding.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QVarLengthArray>

#include <algorithm>
#include <cstring>

namespace tierdesk::csv {

namespace {

constexpr QByteArrayView Utf8Bom("\xEF\xBB\xBF", 3);
constexpr QByteArrayView Gb18030Bom("\x84\x31\x95\x33", 4); // U+FEFF in GB18030

/// Offset of the first byte of the first ill-formed sequence (Unicode table 3-7: no overlongs, no
/// surrogates, nothing above U+10FFFF), or -1. With `allowTruncatedEnd`, a sequence that is
/// well-formed so far but cut off by the end of `bytes` is accepted.
qsizetype firstInvalidUtf8(QByteArrayView bytes, bool allowTruncatedEnd)
{
    const auto *s = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        if (n - i >= 8) {
            quint64 word;
            std::memcpy(&word, s + i, sizeof word);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const uchar c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        uchar low = 0x80; // bounds of the second byte; later bytes are always 80..BF
        uchar high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c == 0xE0) {
            length = 3;
            low = 0xA0;
        } else if (c == 0xED) {
            length = 3;
            high = 0x9F;
        } else if (c >= 0xE1 && c <= 0xEF) {
            length = 3;
        } else if (c == 0xF0) {
            length = 4;
            low = 0x90;
        } else if (c >= 0xF1 && c <= 0xF3) {
            length = 4;
        } else if (c == 0xF4) {
            length = 4;
            high = 0x8F;
        } else {
            return i;
        }
        for (int k = 1; k < length; ++k) {
            if (i + k == n)
                return allowTruncatedEnd ? -1 : i;
            const uchar t = s[i + k];
            if (t < (k == 1 ? low : 0x80) || t > (k == 1 ? high : 0xBF))
                return i;
        }
        i += length;
    }
    return -1;
}

/// Offset of the first byte that does not start a well-formed GB18030 sequence, or -1. Four-byte
/// sequences must fall in the two ranges that map to Unicode (BMP and supplementary planes).
qsizetype firstInvalidGb18030(QByteArrayView bytes)
{
    const auto *s = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const uchar c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c == 0x80 || c == 0xFF || i + 1 == n)
            return i;
        const uchar second = s[i + 1];
        if (second >= 0x40 && second <= 0xFE && second != 0x7F) {
            i += 2;
            continue;
        }
        if (second < 0x30 || second > 0x39 || i + 3 >= n)
            return i;
        const uchar third = s[i + 2];
        const uchar fourth = s[i + 3];
        if (third < 0x81 || third > 0xFE || fourth < 0x30 || fourth > 0x39)
            return i;
        const qint64 linear =
            (((c - 0x81) * 10 + (second - 0x30)) * 126 + (third - 0x81)) * 10 + (fourth - 0x30);
        constexpr qint64 LastBmp = 39419;             // 84 31 A4 39 = U+FFFF
        constexpr qint64 FirstSupplementary = 189000; // 90 30 81 30 = U+10000
        if (linear > LastBmp && (linear < FirstSupplementary || linear > FirstSupplementary + 0xFFFFF))
            return i;
        i += 4;
    }
    return -1;
}

/// Byte offset of the first odd trailing byte or unpaired surrogate, or -1.
qsizetype firstInvalidUtf16(QByteArrayView bytes, bool bigEndian)
{
    const auto *s = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype units = bytes.size() / 2;
    const auto unit = [&](qsizetype u) -> char16_t {
        const uchar a = s[2 * u];
        const uchar b = s[2 * u + 1];
        return bigEndian ? char16_t(a << 8 | b) : char16_t(b << 8 | a);
    };
    for (qsizetype u = 0; u < units; ++u) {
        const char16_t c = unit(u);
        if (QChar::isLowSurrogate(c))
            return 2 * u;
        if (QChar::isHighSurrogate(c)) {
            if (u + 1 == units || !QChar::isLowSurrogate(unit(u + 1)))
                return 2 * u;
            ++u;
        }
    }
    return bytes.size() % 2 ? bytes.size() - 1 : -1;
}

/// The 1-based line of a byte offset, counting line feeds before it in the file's own encoding.
qint64 lineAt(QByteArrayView bytes, qsizetype offset, Encoding encoding)
{
    const QByteArrayView before = bytes.first(offset);
    if (encoding != Encoding::Utf16Le && encoding != Encoding::Utf16Be)
        return 1 + std::count(before.begin(), before.end(), '\n');
    const qsizetype low = encoding == Encoding::Utf16Le ? 0 : 1;
    qint64 lines = 1;
    for (qsizetype i = 0; i + 1 < before.size(); i += 2) {
        if (before[i + low] == '\n' && before[i + 1 - low] == 0)
            ++lines;
    }
    return lines;
}

/// Offset of the first byte that `decodeToUtf8` rejects before converting, or -1.
qsizetype firstInvalid(QByteArrayView bytes, Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
    case Encoding::Utf8Bom: {
        const qsizetype bom = bytes.startsWith(Utf8Bom) ? Utf8Bom.size() : 0;
        const qsizetype bad = firstInvalidUtf8(bytes.sliced(bom), false);
        return bad < 0 ? -1 : bom + bad;
    }
    case Encoding::Gb18030: {
        const qsizetype bom = bytes.startsWith(Gb18030Bom) ? Gb18030Bom.size() : 0;
        const qsizetype bad = firstInvalidGb18030(bytes.sliced(bom));
        return bad < 0 ? -1 : bom + bad;
    }
    case Encoding::Utf16Le:
    case Encoding::Utf16Be:
        return firstInvalidUtf16(bytes, encoding == Encoding::Utf16Be);
    }
    return -1;
}

Error invalidBytes(QByteArrayView bytes, qsizetype offset, Encoding encoding)
{
    return Error{QCoreApplication::translate("tierdesk::csv",
                                             "Line %1 is not valid %2 text. Check the file's encoding, "
                                             "or save the file as UTF-8.")
                     .arg(QString::number(lineAt(bytes, offset, encoding)), encodingName(encoding)),
                 QStringLiteral("invalid %1 at byte offset %2").arg(encodingName(encoding)).arg(offset)};
}

/// Decodes in slices so that a large file never exists as one QString (twice its size again).
Result<QByteArray> transcode(QByteArrayView bytes, QStringDecoder &decoder, Encoding encoding)
{
    if (!decoder.isValid()) {
        return fail(QCoreApplication::translate("tierdesk::csv", "This build cannot read %1 text.")
                        .arg(encodingName(encoding)),
                    QStringLiteral("no QStringDecoder for %1").arg(encodingName(encoding)));
    }
    QStringEncoder encoder(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
    QByteArray out;
    out.reserve(bytes.size() + bytes.size() / 2);
    constexpr qsizetype Slice = qsizetype(1) << 20;
    for (qsizetype at = 0; at < bytes.size(); at += Slice) {
        const QString text = decoder.decode(bytes.sliced(at, std::min(Slice, bytes.size() - at)));
        const qsizetype used = out.size();
        out.resize(used + encoder.requiredSpace(text.size()));
        char *const end = encoder.appendToBuffer(out.data() + used, text);
        out.resize(end - out.constData());
    }
    if (decoder.hasError()) {
        // The structural check passed, so this is a sequence the converter has no mapping for.
        return fail(QCoreApplication::translate("tierdesk::csv",
                                                "The file is not valid %1 text. Check the file's encoding, "
                                                "or save the file as UTF-8.")
                        .arg(encodingName(encoding)),
                    QStringLiteral("QStringDecoder reported an error"));
    }
    return out;
}

} // namespace

Encoding detectEncoding(QByteArrayView head)
{
    if (head.startsWith(Utf8Bom))
        return Encoding::Utf8Bom;
    if (head.startsWith(QByteArrayView("\xFF\xFE", 2)))
        return Encoding::Utf16Le;
    if (head.startsWith(QByteArrayView("\xFE\xFF", 2)))
        return Encoding::Utf16Be;
    if (head.startsWith(Gb18030Bom))
        return Encoding::Gb18030;
    return firstInvalidUtf8(head, true) < 0 ? Encoding::Utf8 : Encoding::Gb18030;
}

QString encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Utf8Bom:
        return QCoreApplication::translate("tierdesk::csv", "UTF-8 (BOM)");
    case Encoding::Gb18030:
        return QStringLiteral("GB18030");
    case Encoding::Utf16Le:
        return QStringLiteral("UTF-16LE");
    case Encoding::Utf16Be:
        return QStringLiteral("UTF-16BE");
    }
    return {};
}

QString encodingId(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("utf-8");
    case Encoding::Utf8Bom:
        return QStringLiteral("utf-8-bom");
    case Encoding::Gb18030:
        return QStringLiteral("gb18030");
    case Encoding::Utf16Le:
        return QStringLiteral("utf-16le");
    case Encoding::Utf16Be:
        return QStringLiteral("utf-16be");
    }
    return {};
}

std::optional<Encoding> encodingFromName(QStringView name)
{
    struct Alias {
        QStringView name;
        Encoding encoding;
    };
    static constexpr Alias aliases[] = {
        {u"utf-8", Encoding::Utf8},          {u"utf8", Encoding::Utf8},
        {u"utf-8-bom", Encoding::Utf8Bom},   {u"utf8-bom", Encoding::Utf8Bom},
        {u"utf-8 (bom)", Encoding::Utf8Bom}, {u"gb18030", Encoding::Gb18030},
        {u"gbk", Encoding::Gb18030},         {u"gb2312", Encoding::Gb18030},
        {u"utf-16le", Encoding::Utf16Le},    {u"utf16le", Encoding::Utf16Le},
        {u"utf-16be", Encoding::Utf16Be},    {u"utf16be", Encoding::Utf16Be},
    };
    const QStringView trimmed = name.trimmed();
    for (const Alias &alias : aliases) {
        if (trimmed.compare(alias.name, Qt::CaseInsensitive) == 0)
            return alias.encoding;
    }
    return std::nullopt;
}

char detectDelimiter(QByteArrayView head)
{
    if (head.startsWith(Utf8Bom))
        head = head.sliced(Utf8Bom.size());
    constexpr qsizetype MaxRecords = 50;
    char best = ',';
    double bestAgreement = -1;
    qsizetype bestFields = 0;
    for (const char delimiter : {',', ';', '\t'}) {
        QVarLengthArray<qsizetype, MaxRecords> counts;
        qsizetype fields = 1;
        qsizetype recordBytes = 0;
        bool quoted = false;
        bool lastComplete = true;
        for (const char c : head) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == delimiter) {
                ++fields;
            } else if (!quoted && c == '\n') {
                if (recordBytes > 0) // an empty line is no record
                    counts.append(fields);
                fields = 1;
                recordBytes = 0;
                lastComplete = true;
                if (counts.size() == MaxRecords)
                    break;
                continue;
            } else if (!quoted && c == '\r') {
                continue;
            }
            ++recordBytes;
            lastComplete = false;
        }
        // The sample may end mid-line; such a line only counts when it is the only one.
        if (!lastComplete && counts.isEmpty())
            counts.append(fields);
        if (counts.isEmpty() || counts.front() < 2)
            continue;
        const auto same = std::count(counts.begin() + 1, counts.end(), counts.front());
        const double agreement = counts.size() == 1 ? 1.0 : double(same) / double(counts.size() - 1);
        if (agreement > bestAgreement || (agreement == bestAgreement && counts.front() > bestFields)) {
            best = delimiter;
            bestAgreement = agreement;
            bestFields = counts.front();
        }
    }
    return best;
}

Result<QByteArray> decodeToUtf8(QByteArrayView bytes, Encoding encoding)
{
    const qsizetype bad = firstInvalid(bytes, encoding);
    switch (encoding) {
    case Encoding::Utf8:
    case Encoding::Utf8Bom:
        if (bad >= 0)
            return std::unexpected(invalidBytes(bytes, bad, Encoding::Utf8));
        return bytes.sliced(bytes.startsWith(Utf8Bom) ? Utf8Bom.size() : 0).toByteArray();
    case Encoding::Gb18030: {
        if (bad >= 0)
            return std::unexpected(invalidBytes(bytes, bad, encoding));
        QStringDecoder decoder("GB18030");
        return transcode(bytes.sliced(bytes.startsWith(Gb18030Bom) ? Gb18030Bom.size() : 0), decoder,
                         encoding);
    }
    case Encoding::Utf16Le:
    case Encoding::Utf16Be: {
        if (bad >= 0)
            return std::unexpected(invalidBytes(bytes, bad, encoding));
        QStringDecoder decoder(encoding == Encoding::Utf16Be ? QStringDecoder::Utf16BE
                                                             : QStringDecoder::Utf16LE);
        return transcode(bytes, decoder, encoding);
    }
    }
    return fail(QCoreApplication::translate("tierdesk::csv", "Unknown text encoding."));
}

qint64 firstInvalidLine(QByteArrayView bytes, Encoding encoding)
{
    const qsizetype bad = firstInvalid(bytes, encoding);
    return bad < 0 ? 0 : lineAt(bytes, bad, encoding);
}

} // namespace tierdesk::csv
