#include "tablewriter.h"

#include "model/money.h"
#include "xlsxexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

#include <charconv>
#include <iterator>

namespace tierdesk::io {

CsvTableWriter::CsvTableWriter(QIODevice *device, csv::WriterOptions options)
    : m_options(options)
    , m_writer(device, options)
{}

std::unique_ptr<CsvTableWriter> CsvTableWriter::rowsApart(QIODevice *device) const
{
    csv::WriterOptions options = m_options;
    options.writeBom = false; // the file's own writer wrote it, if any
    auto out = std::make_unique<CsvTableWriter>(device, options);
    out->m_writer.continueOutput();
    return out;
}

void CsvTableWriter::begin(std::span<const TableColumn> columns)
{
    for (const TableColumn &column : columns)
        m_writer.field(QStringView(column.name));
    m_writer.endRow();
}

void CsvTableWriter::text(QStringView value)
{
    m_writer.field(value);
}

void CsvTableWriter::utf8Text(QByteArrayView value)
{
    // Invalid bytes become U+FFFD through a QString, as text() of QString::fromUtf8() writes them.
    if (value.isValidUtf8())
        m_writer.field(value);
    else
        m_writer.field(QStringView(QString::fromUtf8(value)));
}

void CsvTableWriter::integer(qint64 value)
{
    // The digits of QByteArray::number(), without a QByteArray per cell.
    char digits[24];
    const auto [end, ec] = std::to_chars(std::begin(digits), std::end(digits), value);
    Q_ASSERT(ec == std::errc());
    m_writer.field(QByteArrayView(digits, end - digits));
}

void CsvTableWriter::money(Cents value)
{
    m_writer.field(QStringView(formatCents(value)));
}

void CsvTableWriter::date(QDate value)
{
    if (!value.isValid()) {
        m_writer.field(QByteArrayView());
        return;
    }
    // The proleptic Gregorian calendar's year, month and day of the Julian day, as QDate has
    // them (H. Hinnant's civil_from_days), without QDate::getDate()'s calendar lookup per cell.
    const qint64 z = value.toJulianDay() - 1721120; // days since 0000-03-01
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 1 || year > 9999) {
        // What Qt::ISODate says of years it cannot write in four digits.
        m_writer.field(QByteArrayView(value.toString(Qt::ISODate).toLatin1()));
        return;
    }
    // "YYYY-MM-DD", as QDate::toString(Qt::ISODate), without a QString per cell.
    char text[10];
    const auto put = [&](int at, int width, int v) {
        for (int i = at + width - 1; i >= at; --i, v /= 10)
            text[i] = char('0' + v % 10);
    };
    put(0, 4, int(year));
    text[4] = '-';
    put(5, 2, month);
    text[7] = '-';
    put(8, 2, day);
    m_writer.field(QByteArrayView(text, sizeof text));
}

void CsvTableWriter::empty()
{
    m_writer.field(QByteArrayView());
}

void CsvTableWriter::endRow()
{
    m_writer.endRow();
}

Result<void> CsvTableWriter::finish()
{
    return m_writer.finish();
}

ExportFormat exportFormatFor(const QString &path)
{
    return path.endsWith(QStringLiteral(".xlsx"), Qt::CaseInsensitive) ? ExportFormat::Xlsx
                                                                       : ExportFormat::Csv;
}

Result<qint64> writeTableFile(const QString &path, const QString &sheetName,
                              const std::function<Result<qint64>(TableWriter &)> &body)
{
    if (exportFormatFor(path) == ExportFormat::Xlsx) {
        XlsxTableWriter xlsx(path, sheetName);
        auto written = body(xlsx);
        if (!written)
            return written; // the writer's destructor removes its temporary file
        if (auto done = xlsx.finish(); !done)
            return std::unexpected(done.error());
        return written;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(QCoreApplication::translate("tierdesk::io::Export", "Could not write %1: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString()),
                    path + QStringLiteral(": ") + file.errorString());
    }
    Result<qint64> written = 0;
    {
        CsvTableWriter csv(&file);
        written = body(csv);
        if (written) {
            if (auto done = csv.finish(); !done)
                written = std::unexpected(done.error());
        }
    }
    if (!written) {
        file.cancelWriting();
        return written;
    }
    if (!file.commit()) {
        return fail(QCoreApplication::translate("tierdesk::io::Export", "Could not write %1: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString()),
                    path + QStringLiteral(": ") + file.errorString());
    }
    return written;
}

} // namespace tierdesk::io
