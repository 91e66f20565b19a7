#pragma once
// io-internal: what the customer import and the order and call import share — header names
// compared loosely, dates as people type them, and the CSV of rows to fix.

#include "customerimport.h"

#include <QDateTime>
#include <QString>

#include <algorithm>
#include <initializer_list>
#include <span>
#include <vector>

namespace tierdesk::io::detail {

/// The counts of a plan's rows (customer or activity rows: each has valid(), `existing` and
/// `earlierRow`): valid ones, valid ones already in the database, and valid ones that repeat
/// an earlier row of the file (and are not in the database).
template<typename Row>
qint64 validRows(const std::vector<Row> &rows)
{
    return std::count_if(rows.begin(), rows.end(), [](const Row &r) { return r.valid(); });
}

template<typename Row>
qint64 rowsInDatabase(const std::vector<Row> &rows)
{
    return std::count_if(rows.begin(), rows.end(), [](const Row &r) { return r.valid() && r.existing; });
}

template<typename Row>
qint64 rowsRepeatedInFile(const std::vector<Row> &rows)
{
    return std::count_if(rows.begin(), rows.end(),
                         [](const Row &r) { return r.valid() && !r.existing && r.earlierRow >= 0; });
}

/// A header as compared with known names: lower case, without spaces, underscores, hyphens,
/// colons, asterisks or bracketed notes such as "（必填）" or "(秒)".
QString normaliseHeader(const QString &header);

/// The names a field's column goes by, compared after normaliseHeader().
template<typename FieldT>
struct HeaderNames {
    FieldT field;
    std::initializer_list<const char16_t *> exact;    ///< the whole header
    std::initializer_list<const char16_t *> contains; ///< a word inside a longer one (Chinese)
};

/// Gives each column not `decided` yet the first field of `names` (in their order of
/// precedence) that `usable(field)` allows and whose names fit its normalised header: exact
/// names for every column first, then words inside longer headers ("客户手机", "负责人姓名").
/// `assign(column, field)` records each choice and marks the column decided.
template<typename FieldT, typename Usable, typename Assign>
void matchHeaders(const QStringList &normalised, std::span<const HeaderNames<FieldT>> names,
                  const std::vector<bool> &decided, Usable usable, Assign assign)
{
    for (bool exact : {true, false}) {
        for (int c = 0; c < normalised.size(); ++c) {
            const QString &header = normalised[c];
            if (decided[std::size_t(c)] || header.isEmpty())
                continue;
            for (const HeaderNames<FieldT> &n : names) {
                if (!usable(n.field))
                    continue;
                const auto &list = exact ? n.exact : n.contains;
                const bool hit = std::any_of(list.begin(), list.end(), [&](const char16_t *word) {
                    return exact ? header == QStringView(word) : header.contains(QStringView(word));
                });
                if (hit) {
                    assign(c, n.field);
                    break;
                }
            }
        }
    }
}

/// "2026-03-01", "2026/3/1", "2026.3.1", "2026年3月1日", with or without a time after it;
/// invalid when it is none of these.
QDate parseLooseDate(const QString &text);
/// The same dates with an optional time "9:05", "09:05:30" after a space or a 'T' (00:00:00
/// when there is none). `hasTime` says whether there was one.
QDateTime parseLooseDateTime(const QString &text, bool *hasTime = nullptr);
/// "9:05", "09:05:30"; invalid otherwise.
QTime parseLooseTime(const QString &text);

/// A row of the table to write into the CSV of rows to fix, with why.
struct RowToFix {
    int row = 0; ///< index into Table::rows
    qint64 line = 0;
    QString problem;
};

/// The file's own columns plus "line" and "problem", for every row the file itself gets wrong
/// (Table::problems) and then every row of `rows`. UTF-8 with BOM and CRLF, for Excel and WPS.
/// Returns the number of rows written.
Result<qint64> writeRowsToFix(QIODevice *out, const Table &table, std::span<const RowToFix> rows);

} // namespace tierdesk::io::detail
