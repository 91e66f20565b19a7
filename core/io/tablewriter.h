#pragma once

#include "csv/csvwriter.h"
#include "model/error.h"
#include "model/types.h"

#include <QByteArrayView>
#include <QDate>
#include <QString>
#include <QStringView>

#include <functional>
#include <memory>
#include <span>

QT_FORWARD_DECLARE_CLASS(QIODevice)

namespace tierdesk::io {

class CsvTableWriter;

/// What a column of an exported table holds. It decides the cell type in a workbook (text, a
/// number, a date) and how the value is spelled in CSV.
enum class ColumnKind {
    Text,    ///< text cells, also when they look like numbers (phones, ids)
    Integer, ///< whole numbers: ranks, ids, days
    Money,   ///< an amount in cents: "1234.50" in CSV, a number with two decimals in a workbook
    Date,    ///< "YYYY-MM-DD" in CSV, a date in a workbook
};

struct TableColumn {
    QString name; ///< the header: a stable English name, the same in CSV and workbooks
    ColumnKind kind = ColumnKind::Text;
};

/// A table that an export writes row by row, cell by cell, without knowing the file format:
/// the call list and the customer list are written once, for CSV and for XLSX alike.
///
/// Errors are kept, not thrown: after the first one the cells go nowhere, and `finish()` returns
/// it.
class TableWriter {
public:
    virtual ~TableWriter() = default;

    /// Writes the header row. Call once, first.
    virtual void begin(std::span<const TableColumn> columns) = 0;
    virtual void text(QStringView value) = 0;
    /// A text cell given as UTF-8 (as the database and packed rows hold it): the same cell as
    /// `text()` of the same characters. Bytes that are not valid UTF-8 are read as
    /// QString::fromUtf8() reads them.
    virtual void utf8Text(QByteArrayView value) { text(QString::fromUtf8(value)); }
    virtual void integer(qint64 value) = 0;
    virtual void money(Cents value) = 0;
    /// An invalid date is an empty cell.
    virtual void date(QDate value) = 0;
    virtual void empty() = 0;
    virtual void endRow() = 0;
    /// False once something has failed.
    virtual bool ok() const = 0;
    /// Completes the output and returns the first error, if any.
    virtual Result<void> finish() = 0;
    /// This writer when it writes CSV, whose rows can be formatted apart (by a second thread:
    /// see CsvTableWriter::rowsApart()); else nullptr.
    virtual CsvTableWriter *asCsv() { return nullptr; }

protected:
    TableWriter() = default;
    TableWriter(const TableWriter &) = delete;
    TableWriter &operator=(const TableWriter &) = delete;
};

/// A TableWriter over a csv::Writer: numbers as digits, money as "1234.50", dates as ISO dates.
class CsvTableWriter final : public TableWriter {
public:
    /// `device` must be open for writing and outlive the writer.
    explicit CsvTableWriter(QIODevice *device,
                            csv::WriterOptions options = csv::WriterOptions::spreadsheet());

    void begin(std::span<const TableColumn> columns) override;
    void text(QStringView value) override;
    /// Valid UTF-8 goes to the CSV writer as it is, without a QString in between.
    void utf8Text(QByteArrayView value) override;
    void integer(qint64 value) override;
    void money(Cents value) override;
    void date(QDate value) override;
    void empty() override;
    void endRow() override;
    bool ok() const override { return m_writer.ok(); }
    Result<void> finish() override;
    CsvTableWriter *asCsv() override { return this; }

    /// A writer of rows only, into `device` (a buffer in memory), that formats them as this one
    /// does (the same options, no BOM, not the start of a file): rows that another thread
    /// formats while this one writes, and that go after this writer's rows through
    /// writeFormatted(). Its finish() puts its rows in the device.
    std::unique_ptr<CsvTableWriter> rowsApart(QIODevice *device) const;
    /// Writes the complete rows of a rowsApart() writer after the rows written so far.
    void writeFormatted(QByteArrayView rows) { m_writer.writeFormatted(rows); }

private:
    csv::WriterOptions m_options;
    csv::Writer m_writer;
};

/// The file formats of exports.
enum class ExportFormat {
    Csv,  ///< UTF-8 with BOM, CRLF, spreadsheet-safe cells (csv::WriterOptions::spreadsheet())
    Xlsx, ///< an Excel workbook of one worksheet
};

/// The format a file name asks for: `.xlsx` (any case) is a workbook, anything else CSV.
ExportFormat exportFormatFor(const QString &path);

/// Writes a table to `path` in the format its extension names (see `exportFormatFor`), all or
/// nothing: the file appears complete, or not at all, and an existing file is replaced only when
/// the new one is complete. `sheetName` names the worksheet of a workbook. `body` writes the rows
/// and returns how many; its error, or the file's, is returned.
Result<qint64> writeTableFile(const QString &path, const QString &sheetName,
                              const std::function<Result<qint64>(TableWriter &)> &body);

} // namespace tierdesk::io
