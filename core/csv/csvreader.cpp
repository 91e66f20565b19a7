#include "csvreader.h"

#include <QCoreApplication>
#include <QIODevice>

#include <algorithm>
#include <cstring>

namespace tierdesk::csv {

namespace {

/// What a byte means inside an unquoted field; everything else is Ordinary data.
enum ByteClass : quint8 { Ordinary, Delimiter, Quote, LineFeed, CarriageReturn };

} // namespace

Reader::Reader(QIODevice *device, Dialect dialect, ReaderLimits limits)
    : m_device(device)
    , m_dialect(dialect)
    , m_limits(limits)
{
    Q_ASSERT(dialect.delimiter != '"' && dialect.delimiter != '\r' && dialect.delimiter != '\n');
    m_limits.chunkSize = std::max<qsizetype>(1, m_limits.chunkSize);
    m_limits.maxRecordSize = std::max<qsizetype>(1, m_limits.maxRecordSize);
    m_class[uchar(m_dialect.delimiter)] = Delimiter;
    m_class[uchar('"')] = Quote;
    m_class[uchar('\n')] = LineFeed;
    m_class[uchar('\r')] = CarriageReturn;
}

QStringList Reader::texts() const
{
    QStringList out;
    out.reserve(size());
    for (qsizetype i = 0; i < size(); ++i)
        out.append(text(i));
    return out;
}

Reader::Status Reader::next()
{
    m_fieldCount = 0;
    if (m_failed)
        return Status::IoError;
    m_error.clear();
    for (;;) {
        if (m_skipping) {
            if (skipToRecordEnd() || m_eof) {
                m_skipping = false;
                return Status::Malformed;
            }
            if (!fill())
                return Status::IoError;
            continue;
        }
        if (!m_inRecord) {
            if (!m_bomChecked) {
                if (m_end - m_pos < 3 && !m_eof) {
                    if (!fill())
                        return Status::IoError;
                    continue;
                }
                if (QByteArrayView(m_buffer.constData() + m_pos, m_end - m_pos).startsWith("\xEF\xBB\xBF"))
                    m_pos += 3;
                m_bomChecked = true;
            }
            if (m_pos == m_end) {
                if (m_eof)
                    return Status::End;
                if (!fill())
                    return Status::IoError;
                continue;
            }
            // A completely empty line is no record.
            const char first = m_buffer.at(m_pos);
            if (first == '\n') {
                ++m_pos;
                ++m_line;
                continue;
            }
            if (first == '\r') {
                if (m_pos + 1 == m_end && !m_eof) {
                    if (!fill())
                        return Status::IoError;
                    continue;
                }
                if (m_pos + 1 == m_end) {
                    ++m_pos;
                    continue;
                }
                if (m_buffer.at(m_pos + 1) == '\n') {
                    m_pos += 2;
                    ++m_line;
                    continue;
                }
            }
            m_inRecord = true;
            m_recordLine = m_line;
            m_cursor = Cursor{};
        }
        const Scan scan = parseRecord();
        if (scan == Scan::Complete) {
            m_inRecord = false;
            m_recordStart = m_pos;
            m_pos += m_cursor.at;
            m_line += m_cursor.lines;
            for (qsizetype i = 0; i < m_fieldCount; ++i) {
                if (m_fields[size_t(i)].escaped)
                    unescape(m_fields[size_t(i)]);
            }
            return Status::Record;
        }
        if (scan == Scan::NeedMore) {
            if (!fill())
                return Status::IoError;
            continue;
        }
        malformed(scan);
    }
}

Reader::Scan Reader::parseRecord()
{
    char *const record = m_buffer.data() + m_pos;
    const char *const end = m_buffer.constData() + m_end;
    const quint8 *const byteClass = m_class.data();
    const char delimiter = m_dialect.delimiter;
    Cursor c = m_cursor;
    const char *p = record + c.at;
    const auto save = [&](Scan scan) {
        c.at = p - record;
        m_cursor = c;
        return scan;
    };
    const auto push = [&](const char *first, const char *last, bool escaped) {
        addField(first - record, last - first, escaped);
    };
    for (;;) {
        switch (c.where) {
        case Where::FieldStart:
            if (p == end) {
                if (!m_eof)
                    return save(Scan::NeedMore);
                push(p, p, false); // "a,<EOF>": the last field is empty
                return save(Scan::Complete);
            }
            if (*p == '"') {
                ++p;
                c.escaped = false;
                c.where = Where::Quoted;
            } else {
                c.where = Where::Unquoted;
            }
            c.fieldStart = p - record;
            break;
        case Where::Unquoted: {
            const char *const first = record + c.fieldStart;
            for (;;) {
                while (byteClass[uchar(*p)] == Ordinary) // stops at the sentinel at the end
                    ++p;
                if (p == end) {
                    if (!m_eof)
                        return save(Scan::NeedMore);
                    push(first, p, false);
                    return save(Scan::Complete);
                }
                const quint8 kind = byteClass[uchar(*p)];
                if (kind == Delimiter) {
                    push(first, p, false);
                    ++p;
                    c.where = Where::FieldStart;
                    break;
                }
                if (kind == LineFeed) {
                    push(first, p, false);
                    ++p;
                    ++c.lines;
                    return save(Scan::Complete);
                }
                if (kind == Quote)
                    return save(Scan::StrayQuote);
                // A CR ends the record only as part of CRLF (or as the very last byte).
                if (p + 1 == end) {
                    if (!m_eof)
                        return save(Scan::NeedMore);
                    push(first, p, false);
                    ++p;
                    return save(Scan::Complete);
                }
                if (p[1] == '\n') {
                    push(first, p, false);
                    p += 2;
                    ++c.lines;
                    return save(Scan::Complete);
                }
                ++p;
            }
            break;
        }
        case Where::Quoted:
            for (;;) {
                const auto *quote = static_cast<const char *>(std::memchr(p, '"', size_t(end - p)));
                if (!quote)
                    quote = end;
                c.lines += std::count(p, quote, '\n');
                p = quote;
                if (p == end)
                    return save(m_eof ? Scan::Unterminated : Scan::NeedMore);
                if (p + 1 == end && !m_eof)
                    return save(Scan::NeedMore); // a closing quote or the first of a doubled one?
                if (p + 1 != end && p[1] == '"') {
                    c.escaped = true;
                    p += 2;
                    continue;
                }
                break;
            }
            push(record + c.fieldStart, p, c.escaped);
            ++p;
            c.where = Where::AfterQuote;
            break;
        case Where::AfterQuote:
            if (p == end) {
                if (!m_eof)
                    return save(Scan::NeedMore);
                return save(Scan::Complete);
            }
            if (*p == delimiter) {
                ++p;
                c.where = Where::FieldStart;
                break;
            }
            if (*p == '\n') {
                ++p;
                ++c.lines;
                return save(Scan::Complete);
            }
            if (*p == '\r') {
                if (p + 1 == end) {
                    if (!m_eof)
                        return save(Scan::NeedMore);
                    ++p;
                    return save(Scan::Complete);
                }
                if (p[1] == '\n') {
                    p += 2;
                    ++c.lines;
                    return save(Scan::Complete);
                }
            }
            return save(Scan::TextAfterQuote);
        }
    }
}

void Reader::malformed(Scan problem)
{
    // Fields are numbered from 1 for people; a quoted field is already in m_fields when the text
    // after its closing quote is found.
    const qsizetype fieldNumber = m_fieldCount + (problem == Scan::TextAfterQuote ? 0 : 1);
    m_pos += m_cursor.at;
    m_line += m_cursor.lines;
    switch (problem) {
    case Scan::StrayQuote:
        m_error = QCoreApplication::translate("tierdesk::csv",
                                              "Field %1 contains a quote but does not start with one. "
                                              "A field with quotes must be enclosed in quotes, and each "
                                              "quote inside it doubled.")
                      .arg(fieldNumber);
        ++m_pos; // past the quote, which the lenient scan treats as data
        m_skip = Skip::Unquoted;
        break;
    case Scan::TextAfterQuote:
        m_error = QCoreApplication::translate("tierdesk::csv",
                                              "Field %1 has text after its closing quote. A quote inside "
                                              "a quoted field must be doubled.")
                      .arg(fieldNumber);
        m_skip = Skip::Unquoted;
        break;
    default:
        m_error = QCoreApplication::translate("tierdesk::csv",
                                              "Field %1 opens a quote that is never closed before the "
                                              "end of the file.")
                      .arg(fieldNumber);
        m_skip = Skip::Quoted;
        break;
    }
    m_fieldCount = 0;
    m_inRecord = false;
    m_skipping = true;
}

bool Reader::skipToRecordEnd()
{
    const char *const base = m_buffer.constData();
    const char delimiter = m_dialect.delimiter;
    Skip state = m_skip;
    for (qsizetype i = m_pos; i < m_end; ++i) {
        const char c = base[i];
        if (c == '\n') {
            ++m_line;
            if (state != Skip::Quoted) {
                m_pos = i + 1;
                return true;
            }
            continue;
        }
        switch (state) {
        case Skip::FieldStart:
            state = c == '"' ? Skip::Quoted : c == delimiter ? Skip::FieldStart : Skip::Unquoted;
            break;
        case Skip::Unquoted:
            if (c == delimiter)
                state = Skip::FieldStart;
            break;
        case Skip::Quoted:
            if (c == '"')
                state = Skip::QuoteInQuoted;
            break;
        case Skip::QuoteInQuoted:
            state = c == '"' ? Skip::Quoted : c == delimiter ? Skip::FieldStart : Skip::Unquoted;
            break;
        }
    }
    m_pos = m_end;
    m_skip = state;
    return false;
}

bool Reader::fill()
{
    Q_ASSERT(!m_eof);
    if (!m_device || !m_device->isReadable()) {
        m_failed = true;
        m_error = QCoreApplication::translate("tierdesk::csv", "The file is not open for reading.");
        return false;
    }
    const qsizetype pending = m_end - m_pos;
    if (m_inRecord && pending >= m_limits.maxRecordSize) {
        m_error = QCoreApplication::translate("tierdesk::csv",
                                              "The record is longer than %1 MiB. Probably a quote is "
                                              "never closed.")
                      .arg(std::max<qsizetype>(1, m_limits.maxRecordSize >> 20));
        m_fieldCount = 0;
        m_inRecord = false;
        m_skipping = true;
        m_skip = Skip::FieldStart; // rescan the record leniently from its start, discarding it
        return true;
    }
    if (m_pos > 0) {
        if (pending > 0)
            std::memmove(m_buffer.data(), m_buffer.constData() + m_pos, size_t(pending));
        m_pos = 0;
        m_end = pending;
    }
    const qsizetype chunk = m_limits.chunkSize;
    if (m_buffer.size() < m_end + chunk + 1)
        m_buffer.resize(m_end + chunk + 1);
    for (;;) {
        const qint64 got = m_device->read(m_buffer.data() + m_end, chunk);
        if (got > 0) {
            m_end += got;
            m_bytesRead += got;
        } else if (got == 0) {
            // A pipe or process may simply have nothing yet; files and buffers are at their end.
            if (m_device->isSequential() && m_device->waitForReadyRead(-1))
                continue;
            m_eof = true;
        } else {
            m_failed = true;
            m_error = QCoreApplication::translate("tierdesk::csv", "The file could not be read: %1")
                          .arg(m_device->errorString());
            return false;
        }
        // Also after a move to the front with nothing more to read: the scan relies on it.
        m_buffer[m_end] = '\n';
        return true;
    }
}

void Reader::unescape(Span &span)
{
    // Inside a quoted field every quote is doubled, so keep one of each pair.
    char *const first = m_buffer.data() + m_recordStart + span.offset;
    const char *read = first;
    const char *const last = first + span.size;
    char *write = first;
    while (read != last) {
        const char c = *read++;
        *write++ = c;
        if (c == '"')
            ++read;
    }
    span.size = write - first;
    span.escaped = false;
}

} // namespace tierdesk::csv
