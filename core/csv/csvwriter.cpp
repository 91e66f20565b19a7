#include "csvwriter.h"

#include <QCoreApplication>
#include <QFileDevice>
#include <QIODevice>
#include <QtDebug>

#include <algorithm>
#include <cstring>

namespace tierdesk::csv {

namespace {

/// Flush to the device once this much is buffered.
constexpr qsizetype FlushThreshold = qsizetype(1) << 20;

bool startsLikeFormula(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// "12", "-12.50": what a spreadsheet reads as the same number, never as a formula.
bool isPlainNumber(QByteArrayView cell)
{
    qsizetype i = cell.startsWith('-') ? 1 : 0;
    const qsizetype intStart = i;
    while (i < cell.size() && isDigit(cell[i]))
        ++i;
    if (i == intStart)
        return false;
    if (i == cell.size())
        return true;
    if (cell[i] != '.')
        return false;
    const qsizetype fractionStart = ++i;
    while (i < cell.size() && isDigit(cell[i]))
        ++i;
    return i > fractionStart && i == cell.size();
}

/// Digits that a spreadsheet would turn into a number that is not what they say, or a phone
/// number starting with '+' (see WriterOptions::keepDigitsAsText).
bool isDigitText(QByteArrayView cell)
{
    if (cell.front() == '+') {
        qsizetype digits = 0;
        for (const char c : cell.sliced(1)) {
            if (isDigit(c))
                ++digits;
            else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.')
                return false;
        }
        return digits >= 5;
    }
    if (!std::all_of(cell.begin(), cell.end(), isDigit))
        return false;
    return (cell.size() > 1 && cell.front() == '0') || cell.size() >= 9;
}

} // namespace

Writer::Writer(QIODevice *device, WriterOptions options)
    : m_device(device)
    , m_options(options)
    , m_encoder(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless)
{
    Q_ASSERT(options.delimiter != '"' && options.delimiter != '\r' && options.delimiter != '\n');
    m_buffer.reserve(qsizetype(16) << 10); // grows up to the flush threshold when the output is large
    if (!m_device || !m_device->isWritable()) {
        m_error = Error{QCoreApplication::translate("tierdesk::csv", "The file is not open for writing."),
                        QStringLiteral("csv::Writer: device not writable")};
        return;
    }
    if (m_options.writeBom)
        m_buffer.append("\xEF\xBB\xBF");
}

Writer::~Writer()
{
    if (ok() && !m_buffer.isEmpty()) {
        flush();
        if (!ok())
            qWarning("csv::Writer: %s", qPrintable(m_error.detail));
    }
}

void Writer::field(QByteArrayView utf8)
{
    const bool atStart = std::exchange(m_atStart, false);
    const bool delimit = m_fieldsInRow++ > 0;
    if (!delimit)
        m_firstFieldEmpty = utf8.isEmpty();
    if (utf8.isEmpty()) {
        if (delimit)
            m_buffer.append(m_options.delimiter);
        return;
    }

    // What goes before the cell so that a spreadsheet shows it as the text it is.
    char guard = 0;
    if (m_options.keepDigitsAsText && isDigitText(utf8))
        guard = '\t';
    else if (m_options.neutraliseFormulas && startsLikeFormula(utf8.front()) && !isPlainNumber(utf8))
        guard = '\'';
    const char delimiter = m_options.delimiter;
    bool quote = (guard != 0 && guard == delimiter) ||
                 (atStart && !m_options.writeBom && utf8.startsWith("\xEF\xBB\xBF"));
    for (const char c : utf8) {
        if (quote)
            break;
        quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
        // Most cells: delimiter, guard and bytes copied in one go (QByteArray::append() of each
        // was a tenth of a call list's export at a million customers).
        const qsizetype at = m_buffer.size();
        m_buffer.resize(at + (delimit ? 1 : 0) + (guard ? 1 : 0) + utf8.size());
        char *out = m_buffer.data() + at;
        if (delimit)
            *out++ = delimiter;
        if (guard)
            *out++ = guard;
        std::memcpy(out, utf8.data(), std::size_t(utf8.size()));
    } else {
        if (delimit)
            m_buffer.append(delimiter);
        m_buffer.append('"');
        if (guard)
            m_buffer.append(guard);
        for (qsizetype at = 0;;) {
            const qsizetype q = utf8.indexOf('"', at);
            if (q < 0) {
                m_buffer.append(utf8.sliced(at));
                break;
            }
            m_buffer.append(utf8.sliced(at, q + 1 - at));
            m_buffer.append('"');
            at = q + 1;
        }
        m_buffer.append('"');
    }
    if (m_buffer.size() >= FlushThreshold)
        flush();
}

void Writer::field(QStringView text)
{
    m_scratch.resize(m_encoder.requiredSpace(text.size()));
    char *const end = m_encoder.appendToBuffer(m_scratch.data(), text);
    field(QByteArrayView(m_scratch.constData(), end - m_scratch.constData()));
}

void Writer::endRow()
{
    m_atStart = false;
    // Like Python: a lone empty field would otherwise be an empty line, which readers skip.
    if (m_fieldsInRow == 1 && m_firstFieldEmpty)
        m_buffer.append("\"\"");
    m_buffer.append(m_options.lineEnding == WriterOptions::LineEnding::CrLf ? QByteArrayView("\r\n")
                                                                            : QByteArrayView("\n"));
    m_fieldsInRow = 0;
    m_firstFieldEmpty = false;
    if (m_buffer.size() >= FlushThreshold)
        flush();
}

void Writer::writeRow(std::span<const QString> fields)
{
    for (const QString &text : fields)
        field(QStringView(text));
    endRow();
}

void Writer::writeRow(std::span<const QByteArray> fields)
{
    for (const QByteArray &bytes : fields)
        field(QByteArrayView(bytes));
    endRow();
}

void Writer::writeRow(std::initializer_list<QStringView> fields)
{
    for (const QStringView text : fields)
        field(text);
    endRow();
}

void Writer::writeFormatted(QByteArrayView rows)
{
    Q_ASSERT(m_fieldsInRow == 0);
    if (rows.isEmpty())
        return;
    m_atStart = false;
    // Straight to the device, without a copy into the buffer: what is buffered goes first.
    flush();
    write(rows.data(), rows.size());
}

Result<void> Writer::finish()
{
    flush();
    if (ok()) {
        // QFile buffers too; a full disk may only show when its buffer is written.
        if (auto *file = qobject_cast<QFileDevice *>(m_device); file && !file->flush())
            setError(file->errorString());
    }
    if (!ok())
        return std::unexpected(m_error);
    return {};
}

void Writer::flush()
{
    if (!ok()) {
        m_buffer.resize(0); // nothing more reaches a device that failed: the file is broken anyway
        return;
    }
    write(m_buffer.constData(), m_buffer.size());
    m_buffer.resize(0); // keeps the capacity
}

void Writer::write(const char *data, qint64 size)
{
    if (!ok())
        return;
    while (size > 0) {
        const qint64 written = m_device->write(data, size);
        if (written <= 0) {
            setError(m_device->errorString());
            break;
        }
        data += written;
        size -= written;
        m_flushed += written;
    }
}

void Writer::setError(const QString &cause)
{
    if (!ok())
        return;
    QString detail = cause;
    if (const auto *file = qobject_cast<const QFileDevice *>(m_device); file && !file->fileName().isEmpty())
        detail = file->fileName() + QStringLiteral(": ") + cause;
    m_error = Error{
        QCoreApplication::translate("tierdesk::csv", "The file could not be written: %1").arg(cause), detail};
}

} // namespace tierdesk::csv
