#pragma once

#include "model/error.h"

#include <QString>

#include <functional>
#include <vector>

namespace tierdesk::store {
class Database;
}

/// The interchange format of spec/interchange.md: customers.csv, orders.csv, calls.csv.
namespace tierdesk::io {

/// One row that was not imported, and why ("customers.csv:12: type 'vip' is not …").
struct Rejection {
    QString file;
    qint64 line = 0;
    QString reason;
    QString toString() const { return file + u':' + QString::number(line) + u": " + reason; }
};

struct ImportOptions {
    /// Import the valid rows even when some are rejected. Off by default: one bad row and
    /// nothing is imported, so the user can fix the file and import it again.
    bool keepGoing = false;
    /// Called now and then with the bytes read so far and the total; return false to cancel.
    std::function<bool(qint64 done, qint64 total)> progress;
};

struct ImportReport {
    qint64 customers = 0;
    qint64 orders = 0;
    qint64 calls = 0;
    std::vector<Rejection> rejected;
    bool committed = false; ///< false when rejected rows (without keepGoing) or a cancel undid it all
    bool cancelled = false;
};

/// Imports the three files of `dir` in one transaction, keeping their ids. Every row is checked;
/// each rejected row is reported with its file, line and reason. A failure to read a file or to
/// write the database is an error, and the database is left as it was.
Result<ImportReport> importInterchange(store::Database &db, const QString &dir,
                                       const ImportOptions &options = {});

/// Writes the three files into `dir` (UTF-8, LF, quoting as in the spec), each atomically: a file
/// is replaced only once it has been written completely.
Result<void> exportInterchange(store::Database &db, const QString &dir);

} // namespace tierdesk::io
