#pragma once

#include "customerimport.h"

#include <QDateTime>

#include <optional>
#include <vector>

/// Orders and calls from a spreadsheet — a shop's sales export, a phone system's call log — added
/// to the customers they belong to. The same steps as the customer import (customerimport.h):
/// read the CSV, map its columns, plan (find each row's customer by id, phone or e-mail, validate,
/// find the rows already in the database or earlier in the file), then import in one transaction
/// that can be undone as a whole. The desktop wizard and `tierdesk-cli import-orders` /
/// `import-calls` share this engine.
namespace tierdesk::io {

enum class ActivityKind { Orders, Calls };

/// What a column of an order or call list holds.
enum class ActivityField {
    Ignore,
    CustomerId,   ///< the customer's TierDesk id
    Phone,        ///< the customer's phone, any format
    Email,        ///< the customer's e-mail
    Date,         ///< when: the order's day, or the call's day with or without its time
    Time,         ///< the call's time of day, when it has a column of its own
    Amount,       ///< orders: the amount, negative for a refund
    Profit,       ///< orders
    Direction,    ///< calls: out or in (呼出 / 呼入)
    Outcome,      ///< calls: reached, no answer, voicemail, busy, wrong number
    Duration,     ///< calls: seconds, "2:05" or "2分5秒"
    NextFollowUp, ///< calls
    Note,
};
inline constexpr int ActivityFieldCount = 13;

QString activityFieldLabel(ActivityField f); ///< translated
QString activityFieldKey(ActivityField f);   ///< stable: "ignore", "customer_id", "phone", …
std::optional<ActivityField> activityFieldFromKey(QStringView key);
/// The fields a list of this kind can hold, in the order the wizard offers them.
std::vector<ActivityField> activityFields(ActivityKind kind);

/// Guesses each column's field from its header, in Chinese or English (客户编号, 手机, 下单日期,
/// 金额, 通话时间, 通话时长, 通话结果, 下次跟进, 备注, amount, called_at …). Each field goes to
/// one column at most; columns nothing fits (a customer's name, the order's own number) are
/// ignored.
std::vector<ActivityField> guessActivityMapping(ActivityKind kind, const QStringList &header);

/// How a row found its customer.
enum class MatchedBy { Id, Phone, Email };

struct PlannedActivity {
    int row = 0;     ///< index into Table::rows
    qint64 line = 0; ///< physical line in the file
    CustomerId customer = 0;
    QString customerName;
    MatchedBy matchedBy = MatchedBy::Id;
    Order order; ///< for an order list
    Call call;   ///< for a call list
    QStringList errors;
    /// The same order (customer, day, amount) or call (customer, second; the minute when the row
    /// gives no seconds) in the database.
    std::optional<std::int64_t> existing;
    /// An earlier row of the file with the same order or call (index into ActivityPlan::rows).
    int earlierRow = -1;
    Decision decision = Decision::Create; ///< Create or Skip

    bool valid() const { return errors.isEmpty(); }
    bool duplicate() const { return existing || earlierRow >= 0; }
};

struct ActivityPlanOptions {
    Decision duplicates = Decision::Skip; ///< Skip or Create, for every duplicate
    QDate today;                          ///< orders and calls after this day are errors
};

struct ActivityPlan {
    ActivityKind kind = ActivityKind::Orders;
    std::vector<PlannedActivity> rows;
    qint64 valid() const;
    qint64 invalid() const;
    qint64 duplicatesInDatabase() const;
    qint64 duplicatesInFile() const;
    qint64 customers() const; ///< distinct customers of the valid rows
};

/// Validates every row and finds its customer and its duplicates. Reads the database only.
Result<ActivityPlan> planActivityImport(store::Database &db, ActivityKind kind, const Table &table,
                                        const std::vector<ActivityField> &mapping,
                                        const ActivityPlanOptions &options);
/// Sets the decision of every duplicate row to `d` (Create or Skip).
void decideAllDuplicates(ActivityPlan &plan, Decision d);

struct ActivityImportReport {
    qint64 batch = 0; ///< the import log's batch, for undo
    qint64 created = 0, skipped = 0, rejected = 0;
    bool cancelled = false;
};

/// Adds the valid rows of `plan` as decided, in one transaction recorded in the import log (undo
/// deletes exactly these orders or calls). `progress` as for applyImport(). The classification
/// is not rerun here: the caller does that (the new history changes every customer's tiers).
Result<ActivityImportReport>
applyActivityImport(store::Database &db, const ActivityPlan &plan, const QString &source,
                    qint64 problemsInFile,
                    const std::function<bool(qint64 done, qint64 total)> &progress = {});

/// The rows to look at again, as for customers: every row the file or the plan rejected and every
/// duplicate that was skipped, with the reason.
Result<qint64> writeProblemRows(QIODevice *out, const Table &table, const ActivityPlan &plan);

} // namespace tierdesk::io
