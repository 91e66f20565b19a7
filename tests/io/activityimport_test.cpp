// The order and call import: lists from a shop system and a phone system, matched to customers by
// id, phone or e-mail; validation with reasons; duplicates in the database and in the file; one
// transaction; undo of the whole batch.

#include "io/activityimport.h"
#include "store/database.h"
#include "store/importlog.h"
#include "store/repositories.h"
#include "support/testsupport.h"

#include <QBuffer>
#include <QStringDecoder>
#include <QStringEncoder>

#include <gtest/gtest.h>

using namespace tierdesk;
using namespace tierdesk::io;
using tierdesk::test::date;

namespace {

QByteArray gb18030(const QString &text)
{
    QStringEncoder encode("GB18030");
    return encode(text);
}

class ActivityImport : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(db.openInMemory());
        add(QStringLiteral("王伟"), QStringLiteral("138-0013-8000"), QStringLiteral("wang@shunfa.cn")); // 1
        add(QStringLiteral("李娜"), QStringLiteral("139 1234 5678"), QString());                        // 2
        add(QStringLiteral("张三"), QStringLiteral("021-5555-6666"), QStringLiteral("zhang3@x.cn"));    // 3
        add(QStringLiteral("张三丰"), QStringLiteral("02155556666"), QStringLiteral("zsf@x.cn"));       // 4
        options.today = date("2026-06-30");
    }

    void add(const QString &name, const QString &phone, const QString &email)
    {
        Customer c;
        c.name = name;
        c.phone = phone;
        c.email = email;
        c.createdAt = date("2025-01-10");
        ASSERT_TRUE(store::CustomerRepository(db).add(c));
    }

    Table table(const QByteArray &bytes)
    {
        auto t = readTable(QByteArrayView(bytes));
        EXPECT_TRUE(t) << (t ? "" : t.error().message.toStdString());
        return t ? *t : Table{};
    }
    ActivityPlan plan(ActivityKind kind, const Table &t)
    {
        auto p = planActivityImport(db, kind, t, guessActivityMapping(kind, t.header), options);
        EXPECT_TRUE(p) << (p ? "" : p.error().message.toStdString());
        return p ? *p : ActivityPlan{};
    }
    ActivityImportReport apply(const Table &t, const ActivityPlan &p)
    {
        auto r = applyActivityImport(db, p, QStringLiteral("list.csv"), qint64(t.problems.size()));
        EXPECT_TRUE(r) << (r ? "" : r.error().message.toStdString());
        return r ? *r : ActivityImportReport{};
    }
    std::vector<Order> orders(CustomerId id)
    {
        return store::OrderRepository(db).forCustomer(id).value_or(std::vector<Order>{});
    }
    std::vector<Call> calls(CustomerId id)
    {
        return store::CallRepository(db).forCustomer(id).value_or(std::vector<Call>{});
    }
    qint64 orderCount()
    {
        qint64 n = 0;
        for (CustomerId id = 1; id <= 4; ++id)
            n += qint64(orders(id).size());
        return n;
    }

    store::Database db;
    ActivityPlanOptions options;
};

// A shop system's export, saved by Excel on a Chinese Windows: GBK, CRLF, no customer ids.
const QString kShopExport = QStringLiteral("订单号,客户名称,手机,下单日期,订单金额,备注\r\n"
                                           "SO-1,王伟,+86 138 0013 8000,2026/6/1,\"¥1,234.50\",首单\r\n"
                                           "SO-2,李娜,13912345678,2026年6月3日,800元,\r\n"
                                           "SO-3,王伟,13800138000,2026-06-30,(200.00),退货\r\n");

} // namespace

TEST_F(ActivityImport, AShopExportInGbkMapsItselfAndImportsByPhone)
{
    const Table t = table(gb18030(kShopExport));
    EXPECT_EQ(t.encoding, csv::Encoding::Gb18030);
    const auto mapping = guessActivityMapping(ActivityKind::Orders, t.header);
    using F = ActivityField;
    EXPECT_EQ(mapping, (std::vector<F>{F::Ignore, F::Ignore, F::Phone, F::Date, F::Amount, F::Note}));

    const ActivityPlan p = plan(ActivityKind::Orders, t);
    ASSERT_EQ(p.rows.size(), 3u);
    EXPECT_EQ(p.valid(), 3);
    EXPECT_EQ(p.customers(), 2);
    EXPECT_EQ(p.rows[0].customer, 1);
    EXPECT_EQ(p.rows[0].customerName, QStringLiteral("王伟"));
    EXPECT_EQ(p.rows[0].matchedBy, MatchedBy::Phone);
    EXPECT_EQ(p.rows[0].order.amount, 123450);
    EXPECT_EQ(p.rows[1].customer, 2);
    EXPECT_EQ(p.rows[1].order.orderedAt, date("2026-06-03"));
    EXPECT_EQ(p.rows[1].order.amount, 80000);
    EXPECT_EQ(p.rows[2].order.amount, -20000) << "an accountant's (200.00) is a refund";
    EXPECT_EQ(p.rows[2].order.orderedAt, date("2026-06-30")) << "today itself is not in the future";

    const ActivityImportReport r = apply(t, p);
    EXPECT_EQ(r.created, 3);
    EXPECT_EQ(r.rejected, 0);
    const auto wang = orders(1);
    ASSERT_EQ(wang.size(), 2u);
    EXPECT_EQ(wang[0].orderedAt, date("2026-06-30")); // newest first
    EXPECT_EQ(wang[0].amount, -20000);
    EXPECT_EQ(wang[0].note, QStringLiteral("退货"));
    EXPECT_EQ(wang[1].amount, 123450);
    EXPECT_EQ(wang[1].note, QStringLiteral("首单"));
    EXPECT_EQ(orders(2).size(), 1u);

    auto batches = store::ImportLog(db).batches();
    ASSERT_TRUE(batches);
    ASSERT_EQ(batches->size(), 1u);
    EXPECT_EQ(batches->front().kind, store::ImportKind::Orders);
    EXPECT_EQ(batches->front().created, 3);
}

TEST_F(ActivityImport, TheSameFileTwiceCreatesNoDuplicate)
{
    const Table t = table(gb18030(kShopExport));
    apply(t, plan(ActivityKind::Orders, t));
    const ActivityPlan again = plan(ActivityKind::Orders, t);
    EXPECT_EQ(again.duplicatesInDatabase(), 3);
    for (const PlannedActivity &row : again.rows)
        EXPECT_EQ(row.decision, Decision::Skip);
    const ActivityImportReport r = apply(t, again);
    EXPECT_EQ(r.created, 0);
    EXPECT_EQ(r.skipped, 3);
    EXPECT_EQ(orderCount(), 3);
}

TEST_F(ActivityImport, RepeatedRowsInTheFileAreSkippedUnlessTheUserSaysOtherwise)
{
    // Two orders of the same customer, day and amount: a double export, or two real orders.
    const Table t = table(QByteArrayLiteral("customer_id,ordered_at,amount\n"
                                            "1,2026-05-01,99.90\n"
                                            "1,2026-05-01,99.90\n"
                                            "1,2026-05-01,99.91\n"));
    ActivityPlan p = plan(ActivityKind::Orders, t);
    EXPECT_EQ(p.duplicatesInFile(), 1);
    EXPECT_EQ(p.rows[1].earlierRow, 0);
    EXPECT_EQ(p.rows[1].decision, Decision::Skip);
    EXPECT_FALSE(p.rows[2].duplicate()) << "another amount is another order";

    decideAllDuplicates(p, Decision::Create);
    EXPECT_EQ(apply(t, p).created, 3);
    EXPECT_EQ(orders(1).size(), 3u);
}

TEST_F(ActivityImport, APhoneSystemsCallLogImportsWithDurationsOutcomesAndFollowUps)
{
    const Table t =
        table(gb18030(QStringLiteral("客户手机,通话时间,呼叫类型,通话时长,通话结果,下次跟进日期,通话内容\r\n"
                                     "13800138000,2026-06-29 09:05,呼出,2:05,已接通,2026-07-02,报价\r\n"
                                     "139-1234-5678,2026/6/29 14:30:15,来电,3分20秒,,,\r\n"
                                     "13912345678,2026-06-30 10:00:00,呼出,0,,,\r\n"
                                     "13800138000,2026-06-30T11:00,out,45,voicemail,,\r\n")));
    const auto mapping = guessActivityMapping(ActivityKind::Calls, t.header);
    using F = ActivityField;
    EXPECT_EQ(mapping, (std::vector<F>{F::Phone, F::Date, F::Direction, F::Duration, F::Outcome,
                                       F::NextFollowUp, F::Note}));
    const ActivityPlan p = plan(ActivityKind::Calls, t);
    ASSERT_EQ(p.valid(), 4) << (p.rows.empty() ? "" : p.rows[0].errors.join(u' ').toStdString());
    const Call &first = p.rows[0].call;
    EXPECT_EQ(first.customerId, 1);
    EXPECT_EQ(first.calledAt, QDateTime(date("2026-06-29"), QTime(9, 5)));
    EXPECT_EQ(first.direction, Direction::Out);
    EXPECT_EQ(first.durationS, 125);
    EXPECT_EQ(first.outcome, Outcome::Reached);
    EXPECT_EQ(first.nextFollowUp, date("2026-07-02"));
    EXPECT_EQ(first.note, QStringLiteral("报价"));
    const Call &second = p.rows[1].call;
    EXPECT_EQ(second.customerId, 2);
    EXPECT_EQ(second.calledAt, QDateTime(date("2026-06-29"), QTime(14, 30, 15)));
    EXPECT_EQ(second.direction, Direction::In);
    EXPECT_EQ(second.durationS, 200);
    EXPECT_EQ(second.outcome, Outcome::Reached) << "no result, but it lasted: answered";
    EXPECT_EQ(p.rows[2].call.outcome, Outcome::NoAnswer) << "no result and 0 seconds: not answered";
    EXPECT_EQ(p.rows[3].call.outcome, Outcome::Voicemail);
    EXPECT_EQ(p.rows[3].call.durationS, 45);

    EXPECT_EQ(apply(t, p).created, 4);
    const auto wang = calls(1);
    ASSERT_EQ(wang.size(), 2u);
    EXPECT_EQ(wang[1].calledAt, QDateTime(date("2026-06-29"), QTime(9, 5)));
    EXPECT_EQ(wang[1].nextFollowUp, date("2026-07-02"));

    // Imported again, every call is found: to the second where the list has seconds, else to the
    // minute.
    const ActivityPlan again = plan(ActivityKind::Calls, t);
    EXPECT_EQ(again.duplicatesInDatabase(), 4);
}

TEST_F(ActivityImport, CallsSecondsApartAreTwoCallsButAListWithoutSecondsMatchesTheMinute)
{
    // Busy, then again 35 seconds later: two calls.
    const Table log = table(QByteArrayLiteral("customer_id,called_at,outcome\n"
                                              "1,2026-06-29 10:00:05,busy\n"
                                              "1,2026-06-29 10:00:40,reached\n"
                                              "1,2026-06-29 10:00:40,reached\n"));
    const ActivityPlan p = plan(ActivityKind::Calls, log);
    EXPECT_FALSE(p.rows[1].duplicate());
    EXPECT_EQ(p.rows[2].earlierRow, 1);
    EXPECT_EQ(apply(log, p).created, 2);

    // A list that rounds to the minute cannot tell them apart: the minute decides.
    const Table rounded = table(QByteArrayLiteral("customer_id,called_at\n"
                                                  "1,2026-06-29 10:00\n"
                                                  "1,2026-06-29 10:01\n"));
    const ActivityPlan q = plan(ActivityKind::Calls, rounded);
    EXPECT_EQ(q.rows[0].existing, 1) << "the first call of that minute";
    EXPECT_FALSE(q.rows[1].duplicate());
    // To the second, a call at another second of the minute is another call.
    const Table exact = table(QByteArrayLiteral("customer_id,called_at\n1,2026-06-29 10:00:06\n"));
    EXPECT_FALSE(plan(ActivityKind::Calls, exact).rows[0].duplicate());
}

TEST_F(ActivityImport, TheInterchangeHeadersAndSeparateDateAndTimeColumnsAreUnderstood)
{
    using F = ActivityField;
    EXPECT_EQ(
        guessActivityMapping(ActivityKind::Orders, {QStringLiteral("id"), QStringLiteral("customer_id"),
                                                    QStringLiteral("ordered_at"), QStringLiteral("amount"),
                                                    QStringLiteral("profit")}),
        (std::vector<F>{F::Ignore, F::CustomerId, F::Date, F::Amount, F::Profit}));
    EXPECT_EQ(
        guessActivityMapping(ActivityKind::Calls, {QStringLiteral("id"), QStringLiteral("customer_id"),
                                                   QStringLiteral("called_at"), QStringLiteral("direction"),
                                                   QStringLiteral("outcome"), QStringLiteral("duration_s"),
                                                   QStringLiteral("next_follow_up"), QStringLiteral("note")}),
        (std::vector<F>{F::Ignore, F::CustomerId, F::Date, F::Direction, F::Outcome, F::Duration,
                        F::NextFollowUp, F::Note}));
    EXPECT_EQ(guessActivityMapping(ActivityKind::Calls, {QStringLiteral("日期"), QStringLiteral("时间"),
                                                         QStringLiteral("邮箱"), QStringLiteral("客户姓名")}),
              (std::vector<F>{F::Date, F::Time, F::Email, F::Ignore}));
    EXPECT_EQ(guessActivityMapping(ActivityKind::Calls, {QStringLiteral("时间"), QStringLiteral("电话")}),
              (std::vector<F>{F::Date, F::Phone}))
        << "a lone 时间 column is when the call was";
    EXPECT_EQ(guessActivityMapping(ActivityKind::Orders, {QStringLiteral("电话"), QStringLiteral("下次跟进"),
                                                          QStringLiteral("日期"), QStringLiteral("金额")}),
              (std::vector<F>{F::Phone, F::Ignore, F::Date, F::Amount}))
        << "an order list offers no follow-up field";

    const Table t = table(QByteArrayLiteral("email,date,time\nZSF@x.cn ,2026-06-01,16:45\n"));
    const ActivityPlan p = plan(ActivityKind::Calls, t);
    ASSERT_EQ(p.valid(), 1);
    EXPECT_EQ(p.rows[0].customer, 4);
    EXPECT_EQ(p.rows[0].matchedBy, MatchedBy::Email);
    EXPECT_EQ(p.rows[0].call.calledAt, QDateTime(date("2026-06-01"), QTime(16, 45)));
}

TEST_F(ActivityImport, BadRowsAreRejectedWithReasonsAndWrittenToTheFileToFix)
{
    const Table t =
        table(QByteArrayLiteral("customer_id,phone,email,ordered_at,amount,profit\n"
                                "9,,,2026-06-01,10,\n"                     // 2: no such customer
                                ",13700000000,,2026-06-01,10,\n"           // 3: nobody has it
                                ",021 5555 6666,,2026-06-01,10,\n"         // 4: two customers share it
                                ",021 5555 6666,zsf@x.cn,2026-06-01,10,\n" // 5: the e-mail decides
                                "1,,,2026-07-01,10,\n"                     // 6: after today
                                "1,,,2026-06-01,10.005,\n"                 // 7: three decimals
                                "1,,,2026-06-01,\"12,50\",\n"              // 8: a decimal comma
                                "1,,,,10,\n"                               // 9: no date
                                "1,,,2026-02-30,10,\n"                     // 10: no such day
                                ",,,2026-06-01,10,\n"                      // 11: whose?
                                "1,,,2026-06-01,,\n"                       // 12: no amount
                                "abc,,,2026-06-01,10,x\n"                  // 13: two reasons
                                "1,,,2026-06-01,10,3\n"                    // 14: fine
                                "1,,,2026-06-02\n"));                      // 15: short, padded
    ActivityPlan p = plan(ActivityKind::Orders, t);
    ASSERT_EQ(p.rows.size(), 14u);
    auto reasons = [&](int line) {
        for (const PlannedActivity &r : p.rows)
            if (r.line == line)
                return r.errors.join(u' ').toStdString();
        return std::string("no such line");
    };
    EXPECT_EQ(reasons(2), "There is no customer 9.");
    EXPECT_EQ(reasons(3), "No customer has the phone number 13700000000.");
    EXPECT_EQ(reasons(4),
              "Several customers (3, 4) have this phone number or e-mail: give the customer id, or "
              "merge the duplicates first.");
    EXPECT_EQ(reasons(5), "");
    EXPECT_EQ(p.rows[3].customer, 4);
    EXPECT_EQ(reasons(6), "The date 2026-07-01 is after today (2026-06-30).");
    EXPECT_EQ(reasons(7), "“10.005” is not an amount (1234.50, ¥1,234.50; at most two decimals).");
    EXPECT_EQ(reasons(8), "“12,50” is not an amount (1234.50, ¥1,234.50; at most two decimals).");
    EXPECT_EQ(reasons(9), "The date is missing.");
    EXPECT_EQ(reasons(10), "“2026-02-30” is not a date (2026-03-01, 2026/3/1 or 2026年3月1日).");
    EXPECT_EQ(reasons(11), "No customer id, phone or e-mail to find the customer by.");
    EXPECT_EQ(reasons(12), "The amount is missing.");
    EXPECT_EQ(reasons(13),
              "“abc” is not a customer id. “x” is not an amount (1234.50, ¥1,234.50; at most two "
              "decimals).");
    EXPECT_EQ(reasons(14), "");
    EXPECT_EQ(p.rows[12].order.profit, 300);
    EXPECT_EQ(reasons(15), "The amount is missing.");
    EXPECT_EQ(p.valid(), 2);

    const ActivityImportReport r = apply(t, p);
    EXPECT_EQ(r.created, 2);
    EXPECT_EQ(r.rejected, 12);

    QBuffer out;
    out.open(QIODevice::WriteOnly);
    auto written = writeProblemRows(&out, t, p);
    ASSERT_TRUE(written);
    EXPECT_EQ(*written, 12);
    EXPECT_TRUE(out.data().startsWith("\xEF\xBB\xBF")) << "a BOM, so that Excel reads UTF-8";
    const QString text = QString::fromUtf8(out.data()).remove(QChar(0xfeff));
    EXPECT_TRUE(
        text.startsWith(QStringLiteral("customer_id,phone,email,ordered_at,amount,profit,line,problem\r\n")))
        << text.left(80).toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("9,,,2026-06-01,10,,2,There is no customer 9.\r\n")));
    EXPECT_TRUE(text.contains(QStringLiteral("1,,,2026-06-01,\"12,50\",,8,")));
}

TEST_F(ActivityImport, CallRowsAreValidatedToo)
{
    const Table t =
        table(QByteArrayLiteral("customer_id,called_at,direction,outcome,duration_s,next_follow_up\n"
                                "1,2026-06-30 23:59,out,reached,60,2026-06-30\n" // 2: fine, boundary
                                "1,2026-06-29 10:00,sideways,,,\n"               // 3
                                "1,2026-06-29 10:01,,hung up,,\n"                // 4
                                "1,2026-06-29 10:02,,,-5,\n"                     // 5
                                "1,2026-06-29 10:03,,,,2026-06-28\n"             // 6
                                "1,2026-06-29 25:03,,,,\n"));                    // 7
    const ActivityPlan p = plan(ActivityKind::Calls, t);
    ASSERT_EQ(p.rows.size(), 6u);
    EXPECT_TRUE(p.rows[0].valid()) << p.rows[0].errors.join(u' ').toStdString();
    EXPECT_EQ(p.rows[1].errors.join(u' ').toStdString(),
              "Unknown direction “sideways” (out or in; 呼出 or 呼入).");
    EXPECT_EQ(p.rows[2].errors.join(u' ').toStdString(),
              "Unknown outcome “hung up” (reached, no_answer, voicemail, busy, wrong_number; 接通, 未接, "
              "留言, 占线, "
              "空号).");
    EXPECT_EQ(p.rows[3].errors.join(u' ').toStdString(), "“-5” is not a duration (seconds, 2:05 or 2分5秒).");
    EXPECT_EQ(p.rows[4].errors.join(u' ').toStdString(), "The next follow-up 2026-06-28 is before the call.");
    EXPECT_EQ(p.rows[5].errors.join(u' ').toStdString(),
              "“2026-06-29 25:03” is not a date (2026-03-01, 2026/3/1 or 2026年3月1日).");
}

TEST_F(ActivityImport, NoColumnForTheCustomerTheDateOrTheAmountIsAClearError)
{
    const Table t = table(QByteArrayLiteral("名字,金额\n王伟,10\n"));
    auto p = planActivityImport(db, ActivityKind::Orders, t,
                                guessActivityMapping(ActivityKind::Orders, t.header), options);
    ASSERT_FALSE(p);
    EXPECT_EQ(p.error().message.toStdString(),
              "No column says whose order or call a row is: map the customer id, the phone or the e-mail.");
    const Table noAmount = table(QByteArrayLiteral("phone,date\n13800138000,2026-06-01\n"));
    auto q = planActivityImport(db, ActivityKind::Orders, noAmount,
                                guessActivityMapping(ActivityKind::Orders, noAmount.header), options);
    ASSERT_FALSE(q);
    EXPECT_EQ(q.error().message.toStdString(), "No column holds the amount: choose one in the mapping.");
    // A call list needs no amount.
    EXPECT_TRUE(planActivityImport(db, ActivityKind::Calls, noAmount,
                                   guessActivityMapping(ActivityKind::Calls, noAmount.header), options));
}

TEST_F(ActivityImport, UndoDeletesExactlyTheImportedOrdersAndCalls)
{
    Order mine;
    mine.customerId = 1;
    mine.orderedAt = date("2026-01-05");
    mine.amount = 5000;
    ASSERT_TRUE(store::OrderRepository(db).add(mine));
    const Table t = table(gb18030(kShopExport));
    const ActivityImportReport r = apply(t, plan(ActivityKind::Orders, t));
    ASSERT_EQ(orderCount(), 4);

    ASSERT_TRUE(store::ImportLog(db).undo(r.batch));
    const auto left = orders(1);
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0].amount, 5000);
    EXPECT_EQ(orderCount(), 1);
    auto twice = store::ImportLog(db).undo(r.batch);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().message.toStdString(), "Import number 1 has been undone already.");

    // The same file can come in again afterwards: nothing of it is left to be a duplicate.
    EXPECT_EQ(plan(ActivityKind::Orders, t).duplicatesInDatabase(), 0);
}

TEST_F(ActivityImport, CancellingLeavesTheDatabaseAsItWas)
{
    const Table t = table(gb18030(kShopExport));
    auto r = applyActivityImport(db, plan(ActivityKind::Orders, t), QStringLiteral("x.csv"), 0,
                                 [](qint64, qint64) { return false; });
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->cancelled);
    EXPECT_EQ(orderCount(), 0);
    EXPECT_TRUE(store::ImportLog(db).batches().value_or(std::vector<store::ImportBatch>{{}}).empty());
}
