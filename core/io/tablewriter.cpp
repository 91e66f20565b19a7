#include "tablewriter.h"

#include "model/money.h"
#include "xlsxexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace tierdesk::io {

CsvTableWriter::CsvTableWriter(QIODevice *device, csv::WriterOptions options)
    : m_writer(device, options)
{}

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

void CsvTableWriter::integer(qint64 value)
{
    m_writer.field(QByteArray::number(value));
}

void CsvTableWriter::money(Cents value)
{
    m_writer.field(QStringView(formatCents(value)));
}

void CsvTableWriter::date(QDate value)
{
    m_writer.field(value.isValid() ? QByteArrayView(value.toString(Qt::ISODate).toLatin1())
                                   : QByteArrayView());
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
