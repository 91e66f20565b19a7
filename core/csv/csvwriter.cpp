#include "csvwriter.h"

#include <QCoreApplication>
#include <QFileDevice>
#include <QIODevice>
#include <QtDebug>

namespace tierdesk::csv {

namespace {

/// Flush to the device once this much is buffered.
constexpr qsizetype FlushThreshold = qsizetype(1) << 20;

bool startsLikeFormula(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

} // namespace

Writer::Writer(QIODevice *device, WriterOptions options)
    : m_device(device)
    , m_options(options)
    , m_encoder(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless)
{
    Q_ASSERT(options.delimiter != '"' && options.delimiter != '\r' && options.delimiter != '\n');
    m_buffer.reserve(FlushThreshold + 4096);
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
    if (m_fieldsInRow++ > 0)
        m_buffer.append(m_options.delimiter);
    else
        m_firstFieldEmpty = utf8.isEmpty();
    if (utf8.isEmpty())
        return;

    const bool neutralise = m_options.neutraliseFormulas && startsLikeFormula(utf8.front());
    const char delimiter = m_options.delimiter;
    bool quote = false;
    for (const char c : utf8) {
        if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        if (neutralise)
            m_buffer.append('\'');
        m_buffer.append(utf8);
    } else {
        m_buffer.append('"');
        if (neutralise)
            m_buffer.append('\'');
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
    const char *data = m_buffer.constData();
    qint64 left = m_buffer.size();
    while (left > 0) {
        const qint64 written = m_device->write(data, left);
        if (written <= 0) {
            setError(m_device->errorString());
            break;
        }
        data += written;
        left -= written;
        m_flushed += written;
    }
    m_buffer.resize(0); // keeps the capacity
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
