#pragma once

#include "classifyjob.h"
#include "model/error.h"
#include "store/customerquery.h"
#include "tablewriter.h"

#include <QIODevice>

#include <functional>
#include <span>
#include <vector>

namespace tierdesk::store {
class Database;
}

namespace tierdesk::io {

/// The columns of `tierdesk-cli classify --out`, in this order.
QStringList classificationColumns();

/// Writes one row per customer (by id) with the columns above: UTF-8, LF, no BOM (a data file
/// for programs, not a spreadsheet).
Result<void> writeClassificationCsv(QIODevice *out, const Classified &classified);
/// The same, each row worked out by `classifier` as it is written.
Result<void> writeClassificationCsv(QIODevice *out, const classify::Classifier &classifier);

struct CallListOptions {
    /// csv::WriterOptions::spreadsheet() (BOM, CRLF, formula guard, digits kept as text) for
    /// Excel, WPS and LibreOffice; else plain UTF-8 with LF.
    bool spreadsheet = true;
};

/// The queue of `asOf` from a fresh classification (not stored), as rows with contact details:
/// every non-archived customer due on or before `asOf`, in the spec's order.
Result<std::vector<store::CustomerRow>> queueRows(store::Database &db, const Classified &classified,
                                                  QDate asOf);

/// The columns of a call list, in order (stable English names: the header row of the CSV).
QStringList callListColumns();

/// Writes a call list: contact details, grade, tiers, last contact and outcome, due date, days
/// overdue, the reason and any demotion suggestion, in the order of `rows`. Returns the number
/// of rows written.
Result<qint64> writeCallList(TableWriter &out, std::span<const store::CustomerRow> rows, QDate asOf);

/// The call list as CSV (see above).
Result<qint64> writeCallList(QIODevice *out, std::span<const store::CustomerRow> rows, QDate asOf,
                             const CallListOptions &options = {});

/// The call list to `path`, as a workbook when it ends in `.xlsx`, else as spreadsheet CSV; all or
/// nothing (see `writeTableFile`).
Result<qint64> exportCallList(const QString &path, std::span<const store::CustomerRow> rows, QDate asOf);

/// Where the rows of a day's call list came from.
enum class CallListSource {
    Stored, ///< the stored classification, current for the day
    Fresh,  ///< a fresh classification (not stored)
};

struct DayCallListOptions {
    /// False: classify afresh even when the stored results are current (tests, comparisons).
    bool allowStored = true;
    /// Set to where the rows came from.
    CallListSource *source = nullptr;
};

/// The call list of `asOf` (what `queueRows` gives), written row by row as it is read instead of
/// built in memory first. The rows come from the stored classification when it is current for
/// `asOf` (store::ClassificationStore::currentQueue(): the latest full run was as of `asOf` and
/// nothing has been written to the database since, not even a logged call), else from a fresh
/// classification of `asOf` (not stored). Either way the same rows in the same order, so the
/// same bytes: 0.1 KB a row for the stored path, the classification's own memory for the other.
Result<qint64> writeDayCallList(store::Database &db, TableWriter &out, QDate asOf,
                                const DayCallListOptions &options = {});

/// The same to `path`: a workbook when it ends in `.xlsx`, else spreadsheet CSV; all or nothing.
Result<qint64> exportDayCallList(store::Database &db, const QString &path, QDate asOf,
                                 const DayCallListOptions &options = {});

struct StoredCallListOptions {
    /// Only this owner's customers; empty: everyone's.
    QString owner;
    /// Called every few thousand rows with the rows written so far and the rows in all (once
    /// with 0 before the first, once with the total after the last). Returning false stops the
    /// export: it fails with an empty Error and leaves no file.
    std::function<bool(qint64 written, qint64 total)> progress;
};

/// Today's calls as the window shows them, to `path` (a workbook when it ends in `.xlsx`, else
/// spreadsheet CSV; all or nothing): the stored queue of `day`, current or not
/// (store::ClassificationStore::storedQueue()), with the columns of writeCallList(). The same
/// bytes as writeCallList() of CustomerQuery's rows for that queue, without those rows in
/// memory: about 0.1 KB a row.
Result<qint64> exportStoredCallList(store::Database &db, const QString &path, QDate day,
                                    const StoredCallListOptions &options = {});

} // namespace tierdesk::io
