#pragma once

#include "model/error.h"
#include "store/customerquery.h"
#include "tablewriter.h"

#include <QStringList>

#include <functional>

namespace tierdesk::store {
class Database;
}

namespace tierdesk::io {

/// The columns of a customer list, in order (stable English names: the header row): name,
/// company, phone, email, city, owner, value_tier, segment, lifecycle, loyalty, grade,
/// last_contact, next_due, spend.
QStringList customerListColumns();

/// Called every page of rows with the rows written so far and the rows in all (once with 0
/// before the first). Returning false stops the export: it fails with an empty Error (and
/// exportCustomers() leaves no file).
using ExportProgress = std::function<bool(qint64 written, qint64 total)>;

/// Writes every customer that matches `filter`, in the order `sort`/`descending`, as the
/// customer table shows them. Reads the store a page at a time, so the list may be a million
/// rows long. Returns the number of customers written.
Result<qint64> writeCustomerList(TableWriter &out, store::Database &db, const store::CustomerFilter &filter,
                                 store::CustomerSort sort = store::CustomerSort::Name,
                                 bool descending = false, const ExportProgress &progress = {});

/// The customer list to `path`, as a workbook when it ends in `.xlsx`, else as spreadsheet CSV;
/// all or nothing (see `writeTableFile`).
Result<qint64> exportCustomers(const QString &path, store::Database &db, const store::CustomerFilter &filter,
                               store::CustomerSort sort = store::CustomerSort::Name, bool descending = false,
                               const ExportProgress &progress = {});

} // namespace tierdesk::io
