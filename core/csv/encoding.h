#pragma once

#include "model/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

namespace tierdesk::csv {

/// The text encodings a CSV file from a salesperson's PC comes in. Spreadsheets on a Chinese Windows
/// save "CSV" as GB18030 (GBK), "CSV UTF-8" with a BOM, and "Unicode text" as UTF-16 with a BOM.
enum class Encoding {
    Utf8,    ///< UTF-8 without a byte order mark (the interchange format).
    Utf8Bom, ///< UTF-8 starting with EF BB BF.
    Gb18030, ///< GB18030, a superset of GBK and GB2312.
    Utf16Le, ///< UTF-16 little endian; detected only by its BOM FF FE.
    Utf16Be, ///< UTF-16 big endian; detected only by its BOM FE FF.
};

/// Guesses the encoding of a file from its first bytes (64 KiB is plenty). A byte order mark
/// decides (GB18030 has one too: 84 31 95 33); otherwise the sample is UTF-8 if it is strictly
/// valid UTF-8 (pure ASCII included), else GB18030. A multi-byte sequence cut off by the end of the
/// sample counts as valid, because `head` is usually a prefix of the file.
Encoding detectEncoding(QByteArrayView head);

/// The name shown to users and accepted by the CLI: "UTF-8", "UTF-8 (BOM)", "GB18030",
/// "UTF-16LE", "UTF-16BE".
QString encodingName(Encoding encoding);

/// A stable, untranslated name for programs (JSON), accepted by `encodingFromName`: "utf-8",
/// "utf-8-bom", "gb18030", "utf-16le", "utf-16be".
QString encodingId(Encoding encoding);

/// Parses a name as typed on the command line, case-insensitively: "utf-8"/"utf8", "utf-8-bom",
/// "gb18030" (also "gbk" and "gb2312", which it contains), "utf-16le", "utf-16be".
std::optional<Encoding> encodingFromName(QStringView name);

/// Picks the field separator among ',', ';' and '\t' from the first lines of a UTF-8 file: the one
/// that splits the header into several fields and gives the most following lines the same field
/// count (quotes respected). Ties go to ',' then ';'. Returns ',' when nothing splits the header.
char detectDelimiter(QByteArrayView head);

/// Converts a whole file to UTF-8 without a BOM, ready for `Reader`. Invalid bytes are an error,
/// never silently replaced: the message names the line (counted by line feeds) of the first
/// invalid byte, the detail its byte offset. For `Utf8` and `Utf8Bom` the bytes are validated and
/// returned without the BOM; a large UTF-8 file needs no copy, though: `Reader` reads it directly and
/// skips its BOM (invalid bytes then become U+FFFD in `Reader::text()`).
Result<QByteArray> decodeToUtf8(QByteArrayView bytes, Encoding encoding);

/// The 1-based line (counted by line feeds) of the first byte that is not valid `encoding` text,
/// the line `decodeToUtf8` names in its error; 0 when every byte is valid.
qint64 firstInvalidLine(QByteArrayView bytes, Encoding encoding);

} // namespace tierdesk::csv
