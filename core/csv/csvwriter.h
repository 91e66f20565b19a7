#pragma once

#include "model/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringEncoder>
#include <QStringView>

#include <initializer_list>
#include <span>

QT_FORWARD_DECLARE_CLASS(QIODevice)

namespace tierdesk::csv {

/// How a Writer formats its output.
struct WriterOptions {
    /// How records end.
    enum class LineEnding {
        Lf,   ///< "\n": the interchange format, as Python's csv.writer(lineterminator="\n").
        CrLf, ///< "\r\n": for files meant for spreadsheets.
    };

    /// The field separator; never '"', '\r' or '\n'.
    char delimiter = ',';
    LineEnding lineEnding = LineEnding::Lf;
    /// Start the output with a UTF-8 BOM, which Excel needs to recognise UTF-8.
    bool writeBom = false;
    /// Guard against CSV injection (OWASP): a cell starting with '=', '+', '-', '@', '\t' or '\r'
    /// gets a leading apostrophe so that a spreadsheet shows it as text instead of running it as a
    /// formula. A plain decimal number ("-12.50") is left alone: it is no formula, and a spreadsheet
    /// reads it as the number it is. Off for interchange files, which must round-trip.
    bool neutraliseFormulas = false;
    /// Keep the text that a spreadsheet would turn into a number, or run, as text, digit for digit,
    /// with a leading tab, which Excel, WPS and LibreOffice Calc keep as part of the text and show
    /// as nothing. (An apostrophe would show: spreadsheets honour it only when it is typed.) It
    /// applies to
    /// - a cell of ASCII digits with a leading zero ("0731…", "007") or of 9 digits or more (phone
    ///   and ID numbers: a number that wide shows as 1.39E+10 in a column of the default width,
    ///   and beyond 15 digits the rest turn into zeros);
    /// - a phone number that starts with '+' and holds nothing but digits (5 or more), spaces and
    ///   `-().`: no spreadsheet function can be spelled with those, so the tab is enough, and
    ///   "+86 139 1234 5678" shows as it is instead of as "'+86 …".
    bool keepDigitsAsText = false;

    /// UTF-8 with BOM, CRLF, formulas neutralised and digits kept as text: a file that opens
    /// correctly in Excel, WPS and LibreOffice Calc.
    static WriterOptions spreadsheet()
    {
        WriterOptions options;
        options.lineEnding = LineEnding::CrLf;
        options.writeBom = true;
        options.neutraliseFormulas = true;
        options.keepDigitsAsText = true;
        return options;
    }
};

/// Writes CSV rows to a QIODevice, through a buffer.
///
/// Quoting is Python's csv.writer with QUOTE_MINIMAL: a field is quoted if and only if it contains
/// the delimiter, '"', '\r' or '\n' (quotes inside are doubled); an empty field is written as
/// nothing, except that a row made of one empty field is written as "" so that it is not an empty
/// line. One addition: the very first field is quoted when it starts with the bytes of a UTF-8 BOM
/// and no BOM is written, or a reader would take them for the file's BOM and drop them. Output is
/// UTF-8.
///
/// Write failures (disk full) are kept, never lost: after the first one nothing more is written,
/// `ok()` turns false, and `finish()` returns the error. Call `finish()` when done; the destructor
/// only flushes (best effort) what `finish()` would have.
/// \code
/// Writer writer(&file);
/// writer.writeRow({u"id", u"name"});
/// for (const Customer &c : customers) {
///     writer.field(QByteArray::number(c.id));
///     writer.field(c.name);
///     writer.endRow();
/// }
/// if (auto done = writer.finish(); !done)
///     return std::unexpected(done.error());
/// \endcode
class Writer final {
public:
    /// Writes to `device`, which must be open for writing and outlive the writer. A device that is
    /// not writable is reported by `ok()` and `finish()`.
    explicit Writer(QIODevice *device, WriterOptions options = {});
    ~Writer();
    Writer(const Writer &) = delete;
    Writer &operator=(const Writer &) = delete;

    /// Appends a field of UTF-8 bytes to the current row.
    void field(QByteArrayView utf8);
    /// Appends a field of text to the current row.
    void field(QStringView text);
    /// Ends the current row.
    void endRow();

    /// Writes a whole row.
    void writeRow(std::span<const QString> fields);
    /// Writes a whole row of UTF-8 byte strings.
    void writeRow(std::span<const QByteArray> fields);
    /// Writes a whole row: `writer.writeRow({u"id", name})`.
    void writeRow(std::initializer_list<QStringView> fields);

    /// Formats what follows as the continuation of other output: the first field is not the
    /// start of a file (the BOM rule above does not apply to it). For rows formatted apart, in
    /// memory, and then handed to the writer of the file with `writeFormatted()`.
    void continueOutput() { m_atStart = false; }
    /// Writes complete rows that another Writer with the same options formatted (see
    /// `continueOutput()`), as they are, after the rows written so far. Call between rows.
    void writeFormatted(QByteArrayView rows);

    /// False once a write has failed (or the device was not writable).
    bool ok() const { return m_error.message.isEmpty(); }

    /// Writes out the buffer (and a file's own buffer) and returns the first error, if any.
    /// May be called more than once; rows written after it need another `finish()`.
    Result<void> finish();

    /// Bytes handed to the writer so far, buffered or written; for progress bars.
    qint64 bytesWritten() const { return m_flushed + m_buffer.size(); }

private:
    void flush();
    /// `size` bytes at `data` to the device (nothing once a write has failed).
    void write(const char *data, qint64 size);
    void setError(const QString &cause);

    QIODevice *m_device;
    WriterOptions m_options;
    QByteArray m_buffer;
    QByteArray m_scratch;
    QStringEncoder m_encoder;
    qint64 m_flushed = 0;
    qsizetype m_fieldsInRow = 0;
    bool m_atStart = true; ///< nothing written yet
    bool m_firstFieldEmpty = false;
    Error m_error;
};

} // namespace tierdesk::csv
