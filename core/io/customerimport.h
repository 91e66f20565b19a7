#pragma once

#include "csv/encoding.h"
#include "model/error.h"
#include "model/types.h"

#include <QDate>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

QT_FORWARD_DECLARE_CLASS(QIODevice)

namespace tierdesk::store {
class Database;
}

/// Customer lists from Excel, WPS or another CRM: read any CSV, map its columns, find the
/// duplicates (spec §13 keys) in the database and inside the file, decide per row, import in one
/// transaction that can be undone as a whole. The desktop wizard and `tierdesk-cli
/// import-customers` share this engine.
namespace tierdesk::io {

// ---- Reading

/// A CSV file as text: what the preview shows and the mapping works on.
struct Table {
    csv::Encoding encoding = csv::Encoding::Utf8;
    char delimiter = ',';
    QStringList header;
    std::vector<QStringList> rows; ///< the data rows, each padded or cut to the header's width
    std::vector<qint64> lines;     ///< the physical line each row starts on
    /// Rows the file itself gets wrong: broken quoting, or more or fewer fields than the header.
    /// They are not in `rows`; the import reports them with their line.
    struct Problem {
        qint64 line;
        QString reason;
        QStringList fields; ///< what could be read of the row, for the problem file
    };
    std::vector<Problem> problems;
};

struct TableOptions {
    std::optional<csv::Encoding> encoding; ///< default: detected (BOM, strict UTF-8, else GB18030)
    std::optional<char> delimiter;         ///< default: detected among , ; and tab
};

Result<Table> readTable(const QString &path, const TableOptions &options = {});
Result<Table> readTable(QByteArrayView bytes, const TableOptions &options = {});

// ---- Mapping

/// What a column of the file holds.
enum class Field { Ignore, Name, Company, Phone, Email, City, Owner, Tags, Type, Grade, CreatedAt };
inline constexpr int FieldCount = 11;

QString fieldLabel(Field f); ///< translated, e.g. "Phone"
QString fieldKey(Field f);   ///< stable: "ignore", "name", "company", "phone", "email", …
std::optional<Field> fieldFromKey(QStringView key);

/// Guesses each column's field from its header, in Chinese or English (姓名, 客户名称, 公司, 电话,
/// 手机, 邮箱, 城市, 负责人, 标签, name, company, mobile, e-mail …). Each field goes to one
/// column at most, except Phone (mobile and landline columns). When both a contact and a
/// 客户名称 column exist, 客户名称 is the company.
std::vector<Field> guessMapping(const QStringList &header);

// ---- Planning

enum class Decision {
    Create, ///< a new customer
    Update, ///< overwrite the matched customer's fields with the row's non-empty values
    Merge,  ///< fill only the matched customer's empty fields; tags are added
    Skip,   ///< leave it out
};
QString decisionLabel(Decision d);
QString decisionKey(Decision d); ///< "create", "update", "merge", "skip"
std::optional<Decision> decisionFromKey(QStringView key);

struct PlannedRow {
    int row = 0;     ///< index into Table::rows
    qint64 line = 0; ///< physical line in the file
    Customer customer;
    QStringList errors; ///< why the row cannot be imported; empty when it can
    /// A customer of the database with the same phone or e-mail key (the lowest id).
    std::optional<CustomerId> existing;
    /// An earlier row of the file with the same key (index into Plan::rows).
    int earlierRow = -1;
    bool matchedByPhone = false; ///< else by e-mail
    Decision decision = Decision::Create;

    bool valid() const { return errors.isEmpty(); }
    bool duplicate() const { return existing || earlierRow >= 0; }
};

struct PlanOptions {
    Decision duplicates = Decision::Merge; ///< for every duplicate, until changed per row
    QString defaultOwner;                  ///< for rows without one
    QDate today;                           ///< creation date of rows without one; later dates are errors
};

struct Plan {
    std::vector<PlannedRow> rows;
    qint64 valid() const;
    qint64 invalid() const;
    qint64 duplicatesInDatabase() const;
    qint64 duplicatesInFile() const;
};

/// Validates and normalises every row and finds its duplicates. Reads the database only.
Result<Plan> planImport(store::Database &db, const Table &table, const std::vector<Field> &mapping,
                        const PlanOptions &options);
/// Sets the decision of every duplicate row to `d` (the wizard's "for all duplicates").
void decideAllDuplicates(Plan &plan, Decision d);

// ---- Importing

struct CustomerImportReport {
    qint64 batch = 0; ///< the import log's batch, for undo (store::ImportLog)
    qint64 created = 0, updated = 0, merged = 0, skipped = 0, rejected = 0;
    bool cancelled = false;
};

/// Imports the valid rows of `plan` as decided, in one transaction recorded in the import log.
/// `source` names the file in the log. `progress(done, total)` is called now and then; returning
/// false cancels, leaving the database as it was. Rows the table or the plan rejected count as
/// rejected; the database is unchanged if anything fails.
Result<CustomerImportReport> applyImport(store::Database &db, const Plan &plan, const QString &source,
                                         qint64 problemsInFile,
                                         const std::function<bool(qint64 done, qint64 total)> &progress = {});

/// The rows to look at again, as a CSV the user can fix in a spreadsheet and import again: the
/// file's own columns plus a "problem" column, for every row the file or the plan rejected and
/// every duplicate that was skipped. UTF-8 with BOM and CRLF. Returns the number of rows written.
Result<qint64> writeProblemRows(QIODevice *out, const Table &table, const Plan &plan);

} // namespace tierdesk::io
