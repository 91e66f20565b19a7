#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <array>
#include <vector>

QT_FORWARD_DECLARE_CLASS(QIODevice)

namespace tierdesk::csv {

/// What varies between CSV files beyond RFC 4180's fixed rules: only the field separator.
/// The quote is always '"'; records end in LF or CRLF.
struct Dialect {
    /// ',' (the interchange format), ';' (spreadsheets in comma-decimal locales) or '\t'.
    /// Never '"', '\r' or '\n'.
    char delimiter = ',';
};

/// Buffer sizes of a Reader. The defaults suit files of any size; tests shrink `chunkSize` to put
/// chunk boundaries inside quotes and line ends.
struct ReaderLimits {
    /// Bytes requested from the device per read.
    qsizetype chunkSize = qsizetype(1) << 20;
    /// A record longer than this is reported as Malformed (and skipped) instead of buffering the
    /// rest of the file; the usual cause is a quote that is never closed.
    qsizetype maxRecordSize = qsizetype(64) << 20;
};

/// A streaming RFC 4180 reader over UTF-8 bytes (decode other encodings first, see encoding.h).
///
/// Fields are views into an internal buffer, unescaped in place, so reading allocates nothing per
/// record once the buffer has grown. Rules: fields may be quoted; a quoted field may hold the
/// delimiter, doubled quotes and line breaks; a record ends in LF or CRLF, or at the end of the file;
/// a completely empty line is no record; a UTF-8 BOM at the very start is skipped. A CR that is not
/// part of a CRLF is ordinary data. Lines are counted by LF, inside quotes too.
///
/// Malformed input is reported, never guessed: a quote inside an unquoted field, characters between
/// a closing quote and the next delimiter, a quoted field still open at the end of the file, a
/// record longer than `ReaderLimits::maxRecordSize`. The reader then skips to the end of that record
/// (the next line end outside quotes, where a lenient reader would end it) and goes on.
///
/// Fields per record are not checked: compare `size()` with the header's.
/// \code
/// Reader reader(&file);
/// while (true) {
///     switch (reader.next()) {
///     case Reader::Status::Record: use(reader.field(0)); continue;
///     case Reader::Status::Malformed: report(reader.line(), reader.errorMessage()); continue;
///     case Reader::Status::IoError: return fail(reader.errorMessage());
///     case Reader::Status::End: break;
///     }
///     break;
/// }
/// \endcode
class Reader final {
public:
    /// The outcome of `next()`.
    enum class Status {
        Record,    ///< A record was read: `size()`, `field()`, `line()` describe it.
        End,       ///< No more records.
        Malformed, ///< A broken record was skipped; `line()` is where it started. Call `next()` again.
        IoError,   ///< The device failed; every later `next()` returns IoError again.
    };

    /// Reads from `device`, which must be open for reading and stay alive while the reader is used.
    /// The reader starts at the device's current position.
    explicit Reader(QIODevice *device, Dialect dialect = {}, ReaderLimits limits = {});
    Reader(const Reader &) = delete;
    Reader &operator=(const Reader &) = delete;

    /// Reads the next record. Invalidates every view returned by `field()`.
    Status next();

    /// The number of fields in the current record (0 after anything but `Status::Record`).
    qsizetype size() const { return m_fieldCount; }

    /// Field `i` (0 ≤ i < size()) as unescaped UTF-8 bytes, valid until the next `next()`.
    QByteArrayView field(qsizetype i) const
    {
        Q_ASSERT(i >= 0 && i < size());
        const Span &span = m_fields[size_t(i)];
        return QByteArrayView(m_buffer.constData() + m_recordStart + span.offset, span.size);
    }

    /// Field `i` decoded from UTF-8 (invalid bytes become U+FFFD).
    QString text(qsizetype i) const { return QString::fromUtf8(field(i)); }

    /// Every field of the current record decoded, e.g. for the header row.
    QStringList texts() const;

    /// The 1-based physical line on which the current (or the skipped malformed) record starts.
    qint64 line() const { return m_recordLine; }

    /// After `Status::Malformed` or `Status::IoError`: what is wrong, translated, without the line
    /// number (see `line()`). Empty otherwise.
    QString errorMessage() const { return m_error; }

    /// Bytes taken from the device so far, for progress bars.
    qint64 bytesRead() const { return m_bytesRead; }

private:
    /// Where a field lies, relative to the start of its record in the buffer.
    struct Span {
        qsizetype offset;
        qsizetype size;
        bool escaped; ///< holds doubled quotes that still need unescaping
    };
    /// What the record parser is looking at; kept across buffer refills so no byte is read twice.
    enum class Where : quint8 { FieldStart, Unquoted, Quoted, AfterQuote };
    enum class Scan : quint8 { Complete, NeedMore, StrayQuote, TextAfterQuote, Unterminated };
    /// The lenient scanner that finds the end of a malformed record.
    enum class Skip : quint8 { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    struct Cursor {
        qsizetype at = 0;         ///< relative to the record start
        qsizetype fieldStart = 0; ///< relative to the record start
        qint64 lines = 0;         ///< line feeds passed since the record start
        Where where = Where::FieldStart;
        bool escaped = false;
    };

    Scan parseRecord();
    bool skipToRecordEnd();
    bool fill();
    void malformed(Scan problem);
    void unescape(Span &span);
    void addField(qsizetype offset, qsizetype size, bool escaped)
    {
        if (m_fieldCount == qsizetype(m_fields.size()))
            m_fields.resize(m_fields.size() * 2 + 16);
        m_fields[size_t(m_fieldCount++)] = Span{offset, size, escaped};
    }

    QIODevice *m_device;
    Dialect m_dialect;
    ReaderLimits m_limits;
    std::array<quint8, 256> m_class{}; ///< byte → what it means in an unquoted field
    QByteArray m_buffer; ///< [m_pos, m_end) is not yet consumed; m_buffer[m_end] is a '\n' sentinel
    qsizetype m_pos = 0;
    qsizetype m_end = 0;
    qsizetype m_recordStart = 0;
    std::vector<Span> m_fields; ///< the first m_fieldCount are the current record's
    qsizetype m_fieldCount = 0;
    Cursor m_cursor;
    qint64 m_line = 1; ///< the line at m_pos
    qint64 m_recordLine = 0;
    qint64 m_bytesRead = 0;
    QString m_error;
    Skip m_skip = Skip::FieldStart;
    bool m_skipping = false;
    bool m_inRecord = false;
    bool m_bomChecked = false;
    bool m_eof = false;
    bool m_failed = false;
};

} // namespace tierdesk::csv
