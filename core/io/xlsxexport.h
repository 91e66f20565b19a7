#pragma once

#include "tablewriter.h"

#include <QString>

#include <ctime>
#include <memory>
#include <vector>

namespace tierdesk::io {

/// A TableWriter that makes an Excel workbook (.xlsx) of one worksheet, with libxlsxwriter.
///
/// Text stays text (phones and ID numbers digit for digit, never a formula), whole numbers and
/// money are numbers (money with two decimals and grouping), dates are dates shown as
/// YYYY-MM-DD. The header row is bold and frozen, with a filter; each column is as wide as its
/// widest cell (within limits; Chinese characters count double).
///
/// The workbook is written to a temporary file in the folder of `path` and renamed over `path` by
/// a successful `finish()`; on failure, or without `finish()`, the temporary file is removed and
/// `path` is untouched. Rows stream to disk, so a million customers do not stay in memory; a
/// worksheet holds at most 1,048,575 rows below the header, more is an error.
class XlsxTableWriter final : public TableWriter {
public:
    XlsxTableWriter(const QString &path, const QString &sheetName);
    ~XlsxTableWriter() override;

    void begin(std::span<const TableColumn> columns) override;
    void text(QStringView value) override;
    void integer(qint64 value) override;
    void money(Cents value) override;
    void date(QDate value) override;
    void empty() override;
    void endRow() override;
    bool ok() const override { return m_error.message.isEmpty(); }
    Result<void> finish() override;

    /// The creation time written into every workbook from now on; 0 (the default) is the time
    /// of writing. A fixed time makes the same rows give the same bytes (tests comparing files).
    static void setCreationTime(std::time_t t);

private:
    struct Workbook;
    /// Checks a libxlsxwriter result; the first failure becomes the error.
    void check(int lxwError);
    void setError(const QString &message, const QString &detail);
    void fit(double width);
    void nextCell();

    QString m_path;
    QString m_tempPath;
    std::unique_ptr<Workbook> m_book;
    std::vector<double> m_widths;
    quint32 m_row = 0;
    quint16 m_column = 0;
    bool m_finished = false;
    Error m_error;
};

} // namespace tierdesk::io
