#include "activityimport.h"

#include "classify/dupkeys.h"
#include "importparse.h"
#include "model/money.h"
#include "store/activitystore.h"
#include "store/database.h"
#include "store/importlog.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>

namespace tierdesk::io {

namespace {

/// The translation context of this file's texts.
class ActivityImport {
    Q_DECLARE_TR_FUNCTIONS(tierdesk::io::ActivityImport)
};

// ---- Header names, compared after detail::normaliseHeader(); in order of precedence, so that
// "下次跟进时间" is the follow-up and "通话时长" the duration before "时间" can make them a date.

using Names = detail::HeaderNames<ActivityField>;

const Names kNames[] = {
    {ActivityField::Ignore,
     {u"id",     u"编号",     u"序号",   u"no",       u"orderid", u"orderno",  u"ordernumber",
      u"订单号", u"订单编号", u"callid", u"通话编号", u"name",    u"姓名",     u"客户名称",
      u"客户",   u"客户姓名", u"联系人", u"company",  u"公司",    u"customer", u"customername"},
     {}},
    {ActivityField::CustomerId,
     {u"customerid", u"custid", u"clientid", u"客户编号", u"客户id", u"客户号", u"客户代码"},
     {u"客户编号"}},
    {ActivityField::NextFollowUp,
     {u"nextfollowup", u"followup", u"followupdate", u"nextcall", u"nextcontact", u"下次跟进",
      u"下次跟进日期", u"下次跟进时间", u"下次联系", u"下次联系日期", u"下次联系时间", u"回访日期",
      u"下次回访", u"计划回访"},
     {u"下次", u"回访"}},
    {ActivityField::Duration,
     {u"duration", u"durations", u"seconds", u"length", u"talktime", u"时长", u"通话时长", u"通话时间长度"},
     {u"时长"}},
    {ActivityField::Phone,
     {u"phone", u"mobile", u"tel", u"telephone", u"cell", u"phonenumber", u"number", u"电话", u"手机",
      u"手机号", u"手机号码", u"联系电话", u"电话号码", u"客户电话", u"客户手机", u"号码", u"对方号码",
      u"被叫号码", u"客户号码"},
     {u"电话", u"手机", u"号码"}},
    {ActivityField::Email,
     {u"email", u"mail", u"emailaddress", u"邮箱", u"电子邮箱", u"电子邮件", u"邮件"},
     {u"邮箱", u"邮件"}},
    {ActivityField::Amount,
     {u"amount", u"total", u"value", u"revenue", u"sales", u"金额", u"订单金额", u"成交金额", u"实付金额",
      u"付款金额", u"销售额", u"销售金额", u"合计", u"总额", u"总金额"},
     {u"金额", u"总额"}},
    {ActivityField::Profit,
     {u"profit", u"margin", u"grossprofit", u"利润", u"毛利", u"毛利润"},
     {u"利润", u"毛利"}},
    {ActivityField::Direction,
     {u"direction", u"calltype", u"方向", u"呼叫方向", u"通话方向", u"呼叫类型", u"通话类型", u"呼入呼出"},
     {u"方向"}},
    {ActivityField::Outcome,
     {u"outcome", u"result", u"status", u"callresult", u"callstatus", u"结果", u"通话结果", u"呼叫结果",
      u"状态", u"通话状态", u"接通状态"},
     {u"结果", u"状态"}},
    {ActivityField::Date,
     {u"date",     u"orderedat", u"orderdate", u"calledat", u"calldate", u"datetime", u"starttime",
      u"日期",     u"下单日期",  u"订单日期",  u"成交日期", u"购买日期", u"下单时间", u"成交时间",
      u"通话时间", u"呼叫时间",  u"拨打时间",  u"通话日期", u"开始时间", u"来电时间"},
     {u"日期"}},
    {ActivityField::Time, {u"time", u"时间", u"时刻", u"calltime"}, {u"时间"}},
    {ActivityField::Note,
     {u"note", u"notes", u"remark", u"remarks", u"comment", u"comments", u"memo", u"description", u"备注",
      u"说明", u"内容", u"通话内容", u"跟进内容", u"跟进记录", u"订单备注", u"摘要"},
     {u"备注", u"内容", u"记录"}},
};

constexpr std::array<const char16_t *, ActivityFieldCount> kKeys{
    u"ignore", u"customer_id", u"phone",   u"email",    u"date",           u"time", u"amount",
    u"profit", u"direction",   u"outcome", u"duration", u"next_follow_up", u"note"};

bool offered(ActivityKind kind, ActivityField f)
{
    const auto fields = activityFields(kind);
    return std::find(fields.begin(), fields.end(), f) != fields.end();
}

// ---- Values

/// "1234.5", "¥1,234.50", "1234元", "-200", "(200.00)" (a refund, as accountants write it).
std::optional<Cents> parseAmount(const QString &text)
{
    QString t = text.trimmed();
    for (const char16_t *noise : {u"¥", u"￥", u"元", u"RMB", u"CNY", u"rmb", u"cny", u" ", u"\u00a0"})
        t.remove(QString::fromUtf16(noise));
    bool negative = false;
    if ((t.startsWith(u'(') && t.endsWith(u')')) || (t.startsWith(u'（') && t.endsWith(u'）'))) {
        negative = true;
        t = t.mid(1, t.size() - 2);
    }
    // Thousands separators only where they group three digits: "12,50" is not 12.50 here.
    static const QRegularExpression grouped(QStringLiteral("^[-+]?\\d{1,3}(,\\d{3})+(\\.\\d*)?$"));
    if (t.contains(u',')) {
        if (!grouped.match(t).hasMatch())
            return std::nullopt;
        t.remove(u',');
    }
    auto cents = parseCents(QStringView(t));
    if (cents && negative)
        *cents = -*cents;
    return cents;
}

/// "125", "125s", "125秒", "2:05", "1:02:05", "2分5秒", "2分钟", "3m20s".
std::optional<int> parseDuration(const QString &text)
{
    const QString t = text.trimmed().toLower().remove(u' ');
    static const QRegularExpression seconds(QStringLiteral("^(\\d+)(?:s|sec|secs|秒|秒钟)?$"));
    static const QRegularExpression clock(QStringLiteral("^(?:(\\d+):)?(\\d{1,2}):(\\d{2})$"));
    static const QRegularExpression words(QStringLiteral(
        "^(?:(\\d+)(?:h|小时))?(?:(\\d+)(?:m|min|mins|分|分钟))?(?:(\\d+)(?:s|sec|secs|秒|秒钟))?$"));
    if (const auto m = seconds.match(t); m.hasMatch())
        return m.captured(1).toInt();
    if (const auto m = clock.match(t); m.hasMatch())
        return m.captured(1).toInt() * 3600 + m.captured(2).toInt() * 60 + m.captured(3).toInt();
    if (const auto m = words.match(t); m.hasMatch() && !t.isEmpty())
        return m.captured(1).toInt() * 3600 + m.captured(2).toInt() * 60 + m.captured(3).toInt();
    return std::nullopt;
}

std::optional<Direction> parseDirection(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (auto strict = directionFromText(t))
        return strict;
    for (const char16_t *w : {u"outgoing", u"outbound", u"呼出", u"去电", u"拨出", u"外呼", u"打出"})
        if (t == QStringView(w))
            return Direction::Out;
    for (const char16_t *w : {u"incoming", u"inbound", u"呼入", u"来电", u"打入", u"接听"})
        if (t == QStringView(w))
            return Direction::In;
    return std::nullopt;
}

std::optional<Outcome> parseOutcome(const QString &text)
{
    QString t = text.trimmed().toLower();
    if (auto strict = outcomeFromText(t))
        return strict;
    t.replace(u'-', u' ').replace(u'_', u' ');
    struct Word {
        Outcome outcome;
        std::initializer_list<const char16_t *> words;
    };
    static const Word kWords[] = {
        {Outcome::Reached,
         {u"answered", u"connected", u"reached", u"success", u"接通", u"已接通", u"已接", u"通话", u"成功",
          u"正常"}},
        {Outcome::NoAnswer,
         {u"no answer", u"noanswer", u"missed", u"unanswered", u"未接", u"未接通", u"无人接听", u"无应答",
          u"未应答", u"不接"}},
        {Outcome::Voicemail, {u"voicemail", u"voice mail", u"语音信箱", u"留言", u"语音留言"}},
        {Outcome::Busy, {u"busy", u"占线", u"忙", u"忙线", u"用户忙"}},
        {Outcome::WrongNumber,
         {u"wrong number", u"invalid", u"空号", u"错号", u"号码错误", u"停机", u"打错"}},
    };
    for (const Word &w : kWords)
        for (const char16_t *word : w.words)
            if (t == QStringView(word))
                return w.outcome;
    return std::nullopt;
}

QString describeIds(const std::vector<store::ActivityStore::CustomerRef> &found)
{
    QStringList ids;
    for (const auto &c : found)
        ids << QString::number(c.id);
    return ids.join(QStringLiteral(", "));
}

} // namespace

// ---- Mapping

QString activityFieldLabel(ActivityField f)
{
    switch (f) {
    case ActivityField::Ignore:
        return ActivityImport::tr("(ignore)");
    case ActivityField::CustomerId:
        return ActivityImport::tr("Customer id");
    case ActivityField::Phone:
        return ActivityImport::tr("Customer's phone");
    case ActivityField::Email:
        return ActivityImport::tr("Customer's e-mail");
    case ActivityField::Date:
        return ActivityImport::tr("Date");
    case ActivityField::Time:
        return ActivityImport::tr("Time of day");
    case ActivityField::Amount:
        return ActivityImport::tr("Amount");
    case ActivityField::Profit:
        return ActivityImport::tr("Profit");
    case ActivityField::Direction:
        return ActivityImport::tr("Direction");
    case ActivityField::Outcome:
        return ActivityImport::tr("Outcome");
    case ActivityField::Duration:
        return ActivityImport::tr("Duration");
    case ActivityField::NextFollowUp:
        return ActivityImport::tr("Next follow-up");
    case ActivityField::Note:
        return ActivityImport::tr("Note");
    }
    return {};
}

QString activityFieldKey(ActivityField f)
{
    return QString::fromUtf16(kKeys[std::size_t(f)]);
}

std::optional<ActivityField> activityFieldFromKey(QStringView key)
{
    for (std::size_t i = 0; i < kKeys.size(); ++i)
        if (key == QStringView(kKeys[i]))
            return ActivityField(i);
    return std::nullopt;
}

std::vector<ActivityField> activityFields(ActivityKind kind)
{
    using F = ActivityField;
    if (kind == ActivityKind::Orders)
        return {F::Ignore, F::CustomerId, F::Phone, F::Email, F::Date, F::Amount, F::Profit, F::Note};
    return {F::Ignore,    F::CustomerId, F::Phone,    F::Email,        F::Date, F::Time,
            F::Direction, F::Outcome,    F::Duration, F::NextFollowUp, F::Note};
}

std::vector<ActivityField> guessActivityMapping(ActivityKind kind, const QStringList &header)
{
    std::vector<ActivityField> mapping(std::size_t(header.size()), ActivityField::Ignore);
    std::vector<bool> decided(mapping.size(), false);
    std::array<bool, ActivityFieldCount> taken{};
    QStringList names;
    for (const QString &h : header)
        names << detail::normaliseHeader(h);
    detail::matchHeaders<ActivityField>(
        names, kNames, decided,
        [&](ActivityField f) {
            return f == ActivityField::Ignore || (!taken[std::size_t(f)] && offered(kind, f));
        },
        [&](int column, ActivityField f) {
            mapping[std::size_t(column)] = f;
            decided[std::size_t(column)] = true;
            if (f != ActivityField::Ignore)
                taken[std::size_t(f)] = true;
        });
    // A lone "时间" or "time" column is when the call was, not a time of day of its own.
    if (taken[std::size_t(ActivityField::Time)] && !taken[std::size_t(ActivityField::Date)])
        std::replace(mapping.begin(), mapping.end(), ActivityField::Time, ActivityField::Date);
    return mapping;
}

// ---- Planning

qint64 ActivityPlan::valid() const
{
    return detail::validRows(rows);
}

qint64 ActivityPlan::invalid() const
{
    return qint64(rows.size()) - valid();
}

qint64 ActivityPlan::duplicatesInDatabase() const
{
    return detail::rowsInDatabase(rows);
}

qint64 ActivityPlan::duplicatesInFile() const
{
    return detail::rowsRepeatedInFile(rows);
}

qint64 ActivityPlan::customers() const
{
    QSet<CustomerId> ids;
    for (const PlannedActivity &r : rows)
        if (r.valid())
            ids.insert(r.customer);
    return ids.size();
}

Result<ActivityPlan> planActivityImport(store::Database &db, ActivityKind kind, const Table &table,
                                        const std::vector<ActivityField> &mapping,
                                        const ActivityPlanOptions &options)
{
    const QDate today = options.today.isValid() ? options.today : QDate::currentDate();
    auto mapped = [&](ActivityField f) {
        return std::find(mapping.begin(), mapping.end(), f) != mapping.end();
    };
    if (!mapped(ActivityField::CustomerId) && !mapped(ActivityField::Phone) && !mapped(ActivityField::Email))
        return std::unexpected(
            Error{ActivityImport::tr("No column says whose order or call a row is: map the customer id, "
                                     "the phone or the e-mail."),
                  {}});
    if (!mapped(ActivityField::Date))
        return std::unexpected(
            Error{ActivityImport::tr("No column holds the date: choose one in the mapping."), {}});
    if (kind == ActivityKind::Orders && !mapped(ActivityField::Amount))
        return std::unexpected(
            Error{ActivityImport::tr("No column holds the amount: choose one in the mapping."), {}});

    ActivityPlan plan;
    plan.kind = kind;
    plan.rows.reserve(table.rows.size());
    store::ActivityStore store(db);
    // The same phone or e-mail comes back row after row: look each key up once.
    QHash<QString, std::vector<store::ActivityStore::CustomerRef>> byPhone, byEmail;
    QHash<QString, int> seen; // an order's or call's identity → its first valid row

    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const QStringList &fields = table.rows[i];
        PlannedActivity p;
        p.row = int(i);
        p.line = table.lines[i];
        QString id, phone, email, date, time, amount, profit, direction, outcome, duration, next, note;
        for (std::size_t col = 0; col < mapping.size() && col < std::size_t(fields.size()); ++col) {
            const QString value = fields[qsizetype(col)].trimmed();
            switch (mapping[col]) {
            case ActivityField::Ignore:
                break;
            case ActivityField::CustomerId:
                id = value;
                break;
            case ActivityField::Phone:
                phone = value;
                break;
            case ActivityField::Email:
                email = value;
                break;
            case ActivityField::Date:
                date = value;
                break;
            case ActivityField::Time:
                time = value;
                break;
            case ActivityField::Amount:
                amount = value;
                break;
            case ActivityField::Profit:
                profit = value;
                break;
            case ActivityField::Direction:
                direction = value;
                break;
            case ActivityField::Outcome:
                outcome = value;
                break;
            case ActivityField::Duration:
                duration = value;
                break;
            case ActivityField::NextFollowUp:
                next = value;
                break;
            case ActivityField::Note:
                note = value;
                break;
            }
        }

        // Whose row is it: the id when there is one, else the phone, else the e-mail.
        if (!id.isEmpty()) {
            bool number = false;
            const qint64 n = id.toLongLong(&number);
            if (!number || n <= 0) {
                p.errors << ActivityImport::tr("“%1” is not a customer id.").arg(id);
            } else {
                auto found = store.customerById(n);
                if (!found)
                    return std::unexpected(found.error());
                if (!*found) {
                    p.errors << ActivityImport::tr("There is no customer %1.").arg(n);
                } else {
                    p.customer = (*found)->id;
                    p.customerName = (*found)->name;
                    p.matchedBy = MatchedBy::Id;
                }
            }
        } else if (!phone.isEmpty() || !email.isEmpty()) {
            std::vector<store::ActivityStore::CustomerRef> candidates;
            const QString phoneKey = classify::phoneKey(phone);
            const QString emailKey = classify::emailKey(email);
            if (!phone.isEmpty() && phoneKey.isEmpty())
                p.errors << ActivityImport::tr("“%1” is not a phone number.").arg(phone);
            if (!phoneKey.isEmpty()) {
                auto it = byPhone.find(phoneKey);
                if (it == byPhone.end()) {
                    auto found = store.customersByPhoneKey(phoneKey);
                    if (!found)
                        return std::unexpected(found.error());
                    it = byPhone.insert(phoneKey, std::move(*found));
                }
                candidates = *it;
                p.matchedBy = MatchedBy::Phone;
            }
            if (candidates.size() != 1 && !emailKey.isEmpty()) {
                auto it = byEmail.find(emailKey);
                if (it == byEmail.end()) {
                    auto found = store.customersByEmailKey(emailKey);
                    if (!found)
                        return std::unexpected(found.error());
                    it = byEmail.insert(emailKey, std::move(*found));
                }
                if (candidates.empty()) {
                    candidates = *it;
                    p.matchedBy = MatchedBy::Email;
                } else {
                    // Several customers share the phone: the e-mail may say which one.
                    std::vector<store::ActivityStore::CustomerRef> both;
                    for (const auto &c : candidates)
                        if (std::any_of(it->begin(), it->end(), [&](const auto &e) { return e.id == c.id; }))
                            both.push_back(c);
                    if (both.size() == 1)
                        candidates = both;
                }
            }
            if (p.errors.isEmpty()) {
                if (candidates.empty())
                    p.errors << (phoneKey.isEmpty()
                                     ? ActivityImport::tr("No customer has the e-mail %1.").arg(email)
                                     : ActivityImport::tr("No customer has the phone number %1.").arg(phone));
                else if (candidates.size() > 1)
                    p.errors << ActivityImport::tr(
                                    "Several customers (%1) have this phone number or e-mail: give the "
                                    "customer id, or merge the duplicates first.")
                                    .arg(describeIds(candidates));
                else {
                    p.customer = candidates.front().id;
                    p.customerName = candidates.front().name;
                }
            }
        } else {
            p.errors << ActivityImport::tr("No customer id, phone or e-mail to find the customer by.");
        }

        // When.
        QDateTime when = detail::parseLooseDateTime(date);
        if (date.isEmpty()) {
            p.errors << ActivityImport::tr("The date is missing.");
        } else if (!when.isValid()) {
            p.errors
                << ActivityImport::tr("“%1” is not a date (2026-03-01, 2026/3/1 or 2026年3月1日).").arg(date);
        } else if (!time.isEmpty()) {
            const QTime t = detail::parseLooseTime(time);
            if (!t.isValid())
                p.errors << ActivityImport::tr("“%1” is not a time of day (9:05 or 09:05:30).").arg(time);
            else
                when.setTime(t);
        }
        if (when.isValid() && when.date() > today)
            p.errors << ActivityImport::tr("The date %1 is after today (%2).")
                            .arg(when.date().toString(Qt::ISODate), today.toString(Qt::ISODate));

        QString identity;
        if (kind == ActivityKind::Orders) {
            Order &o = p.order;
            o.customerId = p.customer;
            o.orderedAt = when.date();
            o.note = note;
            if (amount.isEmpty()) {
                p.errors << ActivityImport::tr("The amount is missing.");
            } else if (auto cents = parseAmount(amount)) {
                o.amount = *cents;
            } else {
                p.errors << ActivityImport::tr(
                                "“%1” is not an amount (1234.50, ¥1,234.50; at most two decimals).")
                                .arg(amount);
            }
            if (!profit.isEmpty()) {
                if (auto cents = parseAmount(profit))
                    o.profit = *cents;
                else
                    p.errors << ActivityImport::tr(
                                    "“%1” is not an amount (1234.50, ¥1,234.50; at most two decimals).")
                                    .arg(profit);
            }
            identity =
                QStringLiteral("%1|%2|%3").arg(p.customer).arg(o.orderedAt.toJulianDay()).arg(o.amount);
        } else {
            Call &c = p.call;
            c.customerId = p.customer;
            c.calledAt = when;
            c.note = note;
            if (!direction.isEmpty()) {
                if (auto d = parseDirection(direction))
                    c.direction = *d;
                else
                    p.errors << ActivityImport::tr("Unknown direction “%1” (out or in; 呼出 or 呼入).")
                                    .arg(direction);
            }
            if (!duration.isEmpty()) {
                if (auto s = parseDuration(duration))
                    c.durationS = *s;
                else
                    p.errors << ActivityImport::tr("“%1” is not a duration (seconds, 2:05 or 2分5秒).")
                                    .arg(duration);
            }
            if (!outcome.isEmpty()) {
                if (auto o = parseOutcome(outcome))
                    c.outcome = *o;
                else
                    p.errors << ActivityImport::tr(
                                    "Unknown outcome “%1” (reached, no_answer, voicemail, busy, "
                                    "wrong_number; 接通, 未接, 留言, 占线, 空号).")
                                    .arg(outcome);
            } else {
                // A phone system's log without a result: a call that lasted was answered.
                c.outcome = c.durationS && *c.durationS == 0 ? Outcome::NoAnswer : Outcome::Reached;
            }
            if (!next.isEmpty()) {
                c.nextFollowUp = detail::parseLooseDate(next);
                if (!c.nextFollowUp.isValid())
                    p.errors << ActivityImport::tr(
                                    "“%1” is not a date (2026-03-01, 2026/3/1 or 2026年3月1日).")
                                    .arg(next);
                else if (when.isValid() && c.nextFollowUp < when.date())
                    p.errors << ActivityImport::tr("The next follow-up %1 is before the call.")
                                    .arg(c.nextFollowUp.toString(Qt::ISODate));
            }
            // As findCall(): to the second, or to the minute when the row gives no seconds.
            identity = QStringLiteral("%1|%2")
                           .arg(p.customer)
                           .arg(when.toString(when.time().second() ? QStringLiteral("yyyyMMddHHmmss")
                                                                   : QStringLiteral("yyyyMMddHHmm")));
        }

        if (p.valid()) {
            auto existing = kind == ActivityKind::Orders
                                ? store.findOrder(p.customer, p.order.orderedAt, p.order.amount)
                                : store.findCall(p.customer, p.call.calledAt);
            if (!existing)
                return std::unexpected(existing.error());
            p.existing = *existing;
            p.earlierRow = seen.value(identity, -1);
            if (p.earlierRow < 0)
                seen.insert(identity, int(plan.rows.size()));
            p.decision = p.duplicate() ? options.duplicates : Decision::Create;
        } else {
            p.decision = Decision::Skip;
        }
        plan.rows.push_back(std::move(p));
    }
    return plan;
}

void decideAllDuplicates(ActivityPlan &plan, Decision d)
{
    for (PlannedActivity &p : plan.rows)
        if (p.valid() && p.duplicate())
            p.decision = d;
}

// ---- Importing

Result<ActivityImportReport> applyActivityImport(store::Database &db, const ActivityPlan &plan,
                                                 const QString &source, qint64 problemsInFile,
                                                 const std::function<bool(qint64, qint64)> &progress)
{
    ActivityImportReport report;
    report.rejected = problemsInFile + plan.invalid();
    auto tx = db.beginWrite();
    if (!tx)
        return std::unexpected(tx.error());
    store::ImportLog log(db);
    auto batch = log.begin(source, plan.kind == ActivityKind::Orders ? store::ImportKind::Orders
                                                                     : store::ImportKind::Calls);
    if (!batch)
        return std::unexpected(batch.error());
    report.batch = *batch;
    store::ActivityStore store(db);
    const qint64 total = qint64(plan.rows.size());
    for (std::size_t i = 0; i < plan.rows.size(); ++i) {
        if (progress && (i % 512) == 0 && !progress(qint64(i), total)) {
            report.cancelled = true;
            return report; // the transaction rolls back
        }
        const PlannedActivity &p = plan.rows[i];
        if (!p.valid())
            continue;
        if (p.decision == Decision::Skip) {
            ++report.skipped;
            continue;
        }
        auto id = plan.kind == ActivityKind::Orders ? store.insertOrder(p.order) : store.insertCall(p.call);
        if (!id)
            return std::unexpected(Error{
                ActivityImport::tr("Line %1: %2").arg(p.line).arg(id.error().message), id.error().detail});
        if (auto ok = log.recordCreatedRecord(*batch, *id); !ok)
            return std::unexpected(ok.error());
        ++report.created;
    }
    if (auto ok = log.finish(*batch, report.created, 0, report.skipped, report.rejected); !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    if (progress)
        progress(total, total);
    return report;
}

Result<qint64> writeProblemRows(QIODevice *out, const Table &table, const ActivityPlan &plan)
{
    std::vector<detail::RowToFix> rows;
    for (const PlannedActivity &p : plan.rows) {
        if (!p.valid())
            rows.push_back({p.row, p.line, p.errors.join(u' ')});
        else if (p.decision == Decision::Skip && p.duplicate())
            rows.push_back(
                {p.row, p.line,
                 p.existing
                     ? (plan.kind == ActivityKind::Orders
                            ? ActivityImport::tr("Skipped: order %1 is the same (customer, day and amount).")
                            : ActivityImport::tr("Skipped: call %1 is the same (customer and time)."))
                           .arg(*p.existing)
                     : ActivityImport::tr("Skipped: the same as line %1.")
                           .arg(plan.rows[std::size_t(p.earlierRow)].line)});
    }
    return detail::writeRowsToFix(out, table, rows);
}

} // namespace tierdesk::io
