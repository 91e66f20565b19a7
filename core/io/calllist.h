#pragma once

#include "classifyjob.h"
#include "model/error.h"
#include "store/customerquery.h"

#include <QIODevice>

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

struct CallListOptions {
    bool spreadsheet = true; ///< BOM + CRLF + formula guard, for Excel and WPS
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
Result<qint64> writeCallList(QIODevice *out, std::span<const store::CustomerRow> rows, QDate asOf,
                             const CallListOptions &options = {});

} // namespace tierdesk::io
