// The interchange files (spec/interchange.md): import with its rejections, and the export that
// must give back what was imported, byte for byte.

#include "io/interchange.h"
#include "store/bulk.h"
#include "store/customerquery.h"
#include "store/database.h"
#include "store/repositories.h"
#include "store/searchindex.h"
#include "support/testsupport.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <ostream>
#include <sqlite3.h>

using namespace tierdesk;
using tierdesk::test::date;

static void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}
static void PrintTo(const QStringList &l, std::ostream *os)
{
    *os << '[' << l.join(u'|').toStdString() << ']';
}
static void PrintTo(QDate d, std::ostream *os)
{
    *os << d.toString(Qt::ISODate).toStdString();
}

namespace {

const QByteArray kCustomerHeader = "id,name,company,type,phone,email,city,owner,created_at,intent,tags\n";
const QByteArray kOrderHeader = "id,customer_id,ordered_at,amount,profit\n";
const QByteArray kCallHeader = "id,customer_id,called_at,direction,outcome,duration_s,next_follow_up,note\n";

/// A valid customer row with only the required fields.
QByteArray customerRow(int id, const char *name = "王伟")
{
    return QByteArray::number(id) + ',' + name + ",,,,,,,2026-01-05,,\n";
}

/// Every rejection as "file:line: reason", one per line, for failure messages.
std::string describe(const io::ImportReport &report)
{
    std::string out;
    for (const io::Rejection &r : report.rejected)
        out += r.toString().toStdString() + '\n';
    return out;
}

class Interchange : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(tmp.isValid());
        ASSERT_TRUE(QDir().mkpath(in()));
        ASSERT_TRUE(db.open(tmp.filePath(QStringLiteral("tierdesk.sqlite"))));
    }

    QString in() const { return tmp.filePath(QStringLiteral("in")); }

    void write(const QString &name, const QByteArray &bytes, const QString &folder = {}) const
    {
        QFile f(QDir(folder.isEmpty() ? in() : folder).filePath(name));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        ASSERT_EQ(f.write(bytes), bytes.size());
    }
    void customers(const QByteArray &rows) const
    {
        write(QStringLiteral("customers.csv"), kCustomerHeader + rows);
    }
    void orders(const QByteArray &rows) const { write(QStringLiteral("orders.csv"), kOrderHeader + rows); }
    void calls(const QByteArray &rows) const { write(QStringLiteral("calls.csv"), kCallHeader + rows); }

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return "<missing " + QFile::encodeName(path) + '>';
        return f.readAll();
    }

    io::ImportReport import(bool keepGoing = false)
    {
        io::ImportOptions options;
        options.keepGoing = keepGoing;
        auto report = io::importInterchange(db, in(), options);
        EXPECT_TRUE(report.has_value()) << (report ? std::string() : report.error().message.toStdString());
        return report.value_or(io::ImportReport{});
    }

    qint64 count(const char *table)
    {
        const QByteArray sql = QByteArray("SELECT count(*) FROM ") + table;
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db.handle(), sql.constData(), -1, &stmt, nullptr) != SQLITE_OK)
            return -1;
        qint64 n = -1;
        if (sqlite3_step(stmt) == SQLITE_ROW)
            n = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        return n;
    }

    Customer customer(CustomerId id)
    {
        auto c = store::CustomerRepository(db).find(id);
        EXPECT_TRUE(c && c->has_value()) << "customer " << id << " not found";
        return c && c->has_value() ? **c : Customer{};
    }

    /// Imports and expects exactly one rejection at `file:line` whose reason contains `needle`.
    void expectOnlyRejection(const char *file, qint64 line, const QString &needle)
    {
        const io::ImportReport report = import();
        ASSERT_EQ(report.rejected.size(), 1u) << describe(report);
        const io::Rejection &r = report.rejected.front();
        EXPECT_EQ(r.file, QString::fromLatin1(file));
        EXPECT_EQ(r.line, line) << describe(report);
        EXPECT_TRUE(r.reason.contains(needle, Qt::CaseInsensitive))
            << "reason does not mention \"" << needle.toStdString() << "\": " << describe(report);
        EXPECT_TRUE(r.toString().startsWith(QString::fromLatin1(file) + u':' + QString::number(line) + u": "))
            << describe(report);
        EXPECT_FALSE(report.committed);
        EXPECT_EQ(count("customers"), 0);
    }

    QTemporaryDir tmp;
    store::Database db;
};

} // namespace

// ---------------------------------------------------------------------------------------------
// A clean import

TEST_F(Interchange, ACleanImportReportsTheCountsAndCommits)
{
    customers(customerRow(1) + customerRow(2, "李娜") + customerRow(3, "张敏"));
    orders("10,1,2026-02-01,100.00,20.00\n11,2,2026-03-01,50.00,\n");
    calls("100,1,2026-06-25T10:00:00,out,reached,120,,\n");
    const io::ImportReport report = import();
    EXPECT_TRUE(report.rejected.empty()) << describe(report);
    EXPECT_TRUE(report.committed);
    EXPECT_FALSE(report.cancelled);
    EXPECT_EQ(report.customers, 3);
    EXPECT_EQ(report.orders, 2);
    EXPECT_EQ(report.calls, 1);
    EXPECT_EQ(count("customers"), 3);
    EXPECT_EQ(count("orders"), 2);
    EXPECT_EQ(count("calls"), 1);
}

TEST_F(Interchange, ImportKeepsTheIdsOfTheFiles)
{
    customers(customerRow(42) + customerRow(7, "李娜"));
    orders("900,42,2026-02-01,100.00,\n");
    calls("3000,7,2026-06-25T10:00:00,in,busy,,,\n");
    ASSERT_TRUE(import().committed);
    EXPECT_EQ(customer(42).name, QStringLiteral("王伟"));
    EXPECT_EQ(customer(7).name, QStringLiteral("李娜"));
    auto o = store::OrderRepository(db).forCustomer(42);
    ASSERT_TRUE(o && o->size() == 1u);
    EXPECT_EQ(o->front().id, 900);
    auto k = store::CallRepository(db).forCustomer(7);
    ASSERT_TRUE(k && k->size() == 1u);
    EXPECT_EQ(k->front().id, 3000);
}

TEST_F(Interchange, AllFieldsOfACustomerImport)
{
    customers("5,张伟,\"北京星辰, 分公司\",enterprise,+86 138 0013 8000,zw@example.cn,北京,李娜,2025-03-08,S,"
              "vip;老客户;南区\n");
    ASSERT_TRUE(import().committed);
    const Customer c = customer(5);
    EXPECT_EQ(c.name, QStringLiteral("张伟"));
    EXPECT_EQ(c.company, QStringLiteral("北京星辰, 分公司"));
    EXPECT_EQ(c.type, std::optional<CustomerType>(CustomerType::Enterprise));
    EXPECT_EQ(c.phone, QStringLiteral("+86 138 0013 8000"));
    EXPECT_EQ(c.email, QStringLiteral("zw@example.cn"));
    EXPECT_EQ(c.city, QStringLiteral("北京"));
    EXPECT_EQ(c.owner, QStringLiteral("李娜"));
    EXPECT_EQ(c.createdAt, date("2025-03-08"));
    EXPECT_EQ(c.grade, std::optional<Grade>(Grade::S));
    EXPECT_EQ(c.tags, (QStringList{QStringLiteral("vip"), QStringLiteral("老客户"), QStringLiteral("南区")}));
}

TEST_F(Interchange, RefundsAndEmptyOptionalFieldsImport)
{
    customers(customerRow(1));
    orders("10,1,2026-02-01,-12.50,\n");
    calls("100,1,2026-06-25T10:00:00,out,no_answer,,,\n");
    const io::ImportReport report = import();
    ASSERT_TRUE(report.committed) << describe(report);

    const Customer c = customer(1);
    EXPECT_FALSE(c.type.has_value());
    EXPECT_FALSE(c.grade.has_value());
    EXPECT_TRUE(c.company.isEmpty());
    EXPECT_TRUE(c.tags.isEmpty());

    auto o = store::OrderRepository(db).forCustomer(1);
    ASSERT_TRUE(o && o->size() == 1u);
    EXPECT_EQ(o->front().amount, -1250);
    EXPECT_FALSE(o->front().profit.has_value());

    auto k = store::CallRepository(db).forCustomer(1);
    ASSERT_TRUE(k && k->size() == 1u);
    EXPECT_FALSE(k->front().durationS.has_value());
    EXPECT_FALSE(k->front().nextFollowUp.isValid());
    EXPECT_TRUE(k->front().note.isEmpty());
}

TEST_F(Interchange, ColumnsInAnotherOrderWork)
{
    write(QStringLiteral("customers.csv"),
          "tags,intent,created_at,owner,city,email,phone,type,company,name,id\n"
          "vip,B,2025-04-01,李娜,上海,a@example.cn,13800138000,channel,Acme,王伟,8\n");
    write(QStringLiteral("orders.csv"), "profit,amount,ordered_at,customer_id,id\n"
                                        "1.50,10.25,2026-02-01,8,70\n");
    write(QStringLiteral("calls.csv"),
          "note,next_follow_up,duration_s,outcome,direction,called_at,customer_id,id\n"
          "回电,2026-07-02,33,busy,in,2026-06-25T10:00:00,8,71\n");
    const io::ImportReport report = import();
    ASSERT_TRUE(report.committed) << describe(report);

    const Customer c = customer(8);
    EXPECT_EQ(c.name, QStringLiteral("王伟"));
    EXPECT_EQ(c.company, QStringLiteral("Acme"));
    EXPECT_EQ(c.type, std::optional<CustomerType>(CustomerType::Channel));
    EXPECT_EQ(c.phone, QStringLiteral("13800138000"));
    EXPECT_EQ(c.email, QStringLiteral("a@example.cn"));
    EXPECT_EQ(c.city, QStringLiteral("上海"));
    EXPECT_EQ(c.owner, QStringLiteral("李娜"));
    EXPECT_EQ(c.createdAt, date("2025-04-01"));
    EXPECT_EQ(c.grade, std::optional<Grade>(Grade::B));
    EXPECT_EQ(c.tags, QStringList{QStringLiteral("vip")});

    auto o = store::OrderRepository(db).forCustomer(8);
    ASSERT_TRUE(o && o->size() == 1u);
    EXPECT_EQ(o->front().id, 70);
    EXPECT_EQ(o->front().orderedAt, date("2026-02-01"));
    EXPECT_EQ(o->front().amount, 1025);
    EXPECT_EQ(o->front().profit, std::optional<Cents>(150));

    auto k = store::CallRepository(db).forCustomer(8);
    ASSERT_TRUE(k && k->size() == 1u);
    EXPECT_EQ(k->front().id, 71);
    EXPECT_EQ(k->front().calledAt, QDateTime(date("2026-06-25"), QTime(10, 0)));
    EXPECT_EQ(k->front().direction, Direction::In);
    EXPECT_EQ(k->front().outcome, Outcome::Busy);
    EXPECT_EQ(k->front().durationS, std::optional<int>(33));
    EXPECT_EQ(k->front().nextFollowUp, date("2026-07-02"));
    EXPECT_EQ(k->front().note, QStringLiteral("回电"));
}

TEST_F(Interchange, ExtraColumnsAreIgnored)
{
    write(QStringLiteral("customers.csv"),
          "id,wechat,name,company,type,phone,email,city,owner,created_at,intent,tags\n"
          "1,wx_wangwei,王伟,,,,,,,2026-01-05,,\n");
    const io::ImportReport report = import();
    ASSERT_TRUE(report.committed) << describe(report);
    EXPECT_EQ(customer(1).name, QStringLiteral("王伟"));
}

TEST_F(Interchange, MissingOrdersAndCallsFilesAreFine)
{
    customers(customerRow(1) + customerRow(2, "李娜"));
    const io::ImportReport report = import();
    EXPECT_TRUE(report.committed) << describe(report);
    EXPECT_EQ(report.customers, 2);
    EXPECT_EQ(report.orders, 0);
    EXPECT_EQ(report.calls, 0);
    EXPECT_EQ(count("customers"), 2);
}

TEST_F(Interchange, AMissingCustomersFileIsAnError)
{
    orders("10,1,2026-02-01,100.00,\n");
    const auto report = io::importInterchange(db, in());
    ASSERT_FALSE(report);
    EXPECT_TRUE(report.error().message.contains(QStringLiteral("customers.csv")));
    EXPECT_EQ(count("orders"), 0);
}

TEST_F(Interchange, AnEmptyCustomersFileIsAnError)
{
    write(QStringLiteral("customers.csv"), QByteArray());
    const auto report = io::importInterchange(db, in());
    ASSERT_FALSE(report);
    EXPECT_TRUE(report.error().message.contains(QStringLiteral("customers.csv")));
}

TEST_F(Interchange, AFileWithAByteOrderMarkImports)
{
    write(QStringLiteral("customers.csv"), "\xEF\xBB\xBF" + kCustomerHeader + customerRow(1));
    const io::ImportReport report = import();
    EXPECT_TRUE(report.committed) << describe(report);
    EXPECT_EQ(count("customers"), 1);
}

// ---------------------------------------------------------------------------------------------
// Rejections: file, physical line and reason

TEST_F(Interchange, RejectsAnIdThatIsNotAPositiveWholeNumber)
{
    customers(customerRow(1) + "x7,李娜,,,,,,,2026-01-05,,\n");
    expectOnlyRejection("customers.csv", 3, QStringLiteral("id"));
}

TEST_F(Interchange, RejectsAnIdOfZero)
{
    customers(customerRow(0));
    expectOnlyRejection("customers.csv", 2, QStringLiteral("id"));
}

TEST_F(Interchange, RejectsAnIdThatAppearsTwiceInTheFile)
{
    customers(customerRow(1) + customerRow(2, "李娜") + customerRow(1, "张敏"));
    expectOnlyRejection("customers.csv", 4, QStringLiteral("exists already"));
}

TEST_F(Interchange, RejectsAnEmptyName)
{
    customers(customerRow(1) + "2,,Acme,,,,,,2026-01-05,,\n");
    expectOnlyRejection("customers.csv", 3, QStringLiteral("name"));
}

TEST_F(Interchange, RejectsANameOfOnlySpaces)
{
    // The app itself refuses such a name (CustomerRepository: "A customer needs a name").
    customers(customerRow(1) + "2,\"   \",Acme,,,,,,2026-01-05,,\n");
    expectOnlyRejection("customers.csv", 3, QStringLiteral("name"));
}

TEST_F(Interchange, RejectsAnUnknownCustomerType)
{
    customers(customerRow(1) + "2,李娜,,vip,,,,,2026-01-05,,\n");
    expectOnlyRejection("customers.csv", 3, QStringLiteral("type"));
}

TEST_F(Interchange, RejectsAnImpossibleCreationDate)
{
    customers(customerRow(1) + "2,李娜,,,,,,,2026-02-30,,\n");
    expectOnlyRejection("customers.csv", 3, QStringLiteral("created_at"));
}

TEST_F(Interchange, RejectsAMissingCreationDate)
{
    customers("2,李娜,,,,,,,,,\n");
    expectOnlyRejection("customers.csv", 2, QStringLiteral("created_at"));
}

TEST_F(Interchange, RejectsAnUnknownIntent)
{
    customers(customerRow(1) + "2,李娜,,,,,,,2026-01-05,E,\n");
    expectOnlyRejection("customers.csv", 3, QStringLiteral("intent"));
}

TEST_F(Interchange, RejectsALowerCaseIntent)
{
    customers("2,李娜,,,,,,,2026-01-05,a,\n");
    expectOnlyRejection("customers.csv", 2, QStringLiteral("intent"));
}

TEST_F(Interchange, RejectsANameThatIsNotValidUtf8)
{
    customers(customerRow(1) + "2,Li \xff\xfe Na,,,,,,,2026-01-05,,\n");
    expectOnlyRejection("customers.csv", 3, QStringLiteral("UTF-8"));
}

TEST_F(Interchange, RejectsARowWithTooFewFields)
{
    customers(customerRow(1) + "2,李娜,,,,,,2026-01-05,,\n");
    expectOnlyRejection("customers.csv", 3, QStringLiteral("expected 11 fields, found 10"));
}

TEST_F(Interchange, RejectsARowWithTooManyFields)
{
    customers(customerRow(1) + "2,李娜,,,,,,,2026-01-05,,,extra\n");
    expectOnlyRejection("customers.csv", 3, QStringLiteral("expected 11 fields, found 12"));
}

TEST_F(Interchange, RejectsAQuoteInsideAnUnquotedField)
{
    customers(customerRow(1) + "2,Li \"Tiger\" Na,,,,,,,2026-01-05,,\n" + customerRow(3, "张敏"));
    expectOnlyRejection("customers.csv", 3, QStringLiteral("quote"));
}

TEST_F(Interchange, RejectsTextAfterAClosingQuote)
{
    customers(customerRow(1) + "2,\"Li\" Na,,,,,,,2026-01-05,,\n");
    expectOnlyRejection("customers.csv", 3, QStringLiteral("quote"));
}

TEST_F(Interchange, AQuotedLineBreakShiftsTheLineOfTheNextRecord)
{
    // The first record spans lines 2 and 3; the bad one starts on line 4.
    customers("1,\"王\n伟\",,,,,,,2026-01-05,,\n2,李娜,,vip,,,,,2026-01-05,,\n");
    expectOnlyRejection("customers.csv", 4, QStringLiteral("type"));
}

TEST_F(Interchange, AnEmptyLineStillCountsAsALine)
{
    customers(customerRow(1) + "\n2,李娜,,vip,,,,,2026-01-05,,\n");
    expectOnlyRejection("customers.csv", 4, QStringLiteral("type"));
}

TEST_F(Interchange, AHeaderWithoutAColumnIsAnErrorAndImportsNothing)
{
    write(QStringLiteral("customers.csv"), "id,name,company,type,phone,email,city,owner,created_at,intent\n"
                                           "1,王伟,,,,,,,2026-01-05,\n");
    const auto report = io::importInterchange(db, in());
    ASSERT_FALSE(report);
    EXPECT_TRUE(report.error().message.contains(QStringLiteral("customers.csv")));
    EXPECT_TRUE(report.error().message.contains(QStringLiteral("tags")));
    EXPECT_EQ(count("customers"), 0);
}

TEST_F(Interchange, AnOrdersHeaderWithoutAColumnIsAnErrorAndImportsNothing)
{
    customers(customerRow(1));
    write(QStringLiteral("orders.csv"), "id,customer_id,ordered_at,profit\n10,1,2026-02-01,\n");
    const auto report = io::importInterchange(db, in());
    ASSERT_FALSE(report);
    EXPECT_TRUE(report.error().message.contains(QStringLiteral("amount")));
    EXPECT_EQ(count("customers"), 0);
}

TEST_F(Interchange, RejectsAnAmountWithThreeDecimals)
{
    customers(customerRow(1));
    orders("10,1,2026-02-01,100.00,\n11,1,2026-02-02,1.234,\n");
    expectOnlyRejection("orders.csv", 3, QStringLiteral("amount"));
}

TEST_F(Interchange, RejectsAnAmountThatIsNotANumber)
{
    customers(customerRow(1));
    orders("10,1,2026-02-01,abc,\n");
    expectOnlyRejection("orders.csv", 2, QStringLiteral("amount"));
}

TEST_F(Interchange, RejectsAnEmptyAmount)
{
    customers(customerRow(1));
    orders("10,1,2026-02-01,,\n");
    expectOnlyRejection("orders.csv", 2, QStringLiteral("amount"));
}

TEST_F(Interchange, RejectsABadProfit)
{
    customers(customerRow(1));
    orders("10,1,2026-02-01,10.00,\"1,5\"\n");
    expectOnlyRejection("orders.csv", 2, QStringLiteral("profit"));
}

TEST_F(Interchange, RejectsABadOrderDate)
{
    customers(customerRow(1));
    orders("10,1,2026/02/01,100.00,\n");
    expectOnlyRejection("orders.csv", 2, QStringLiteral("ordered_at"));
}

TEST_F(Interchange, RejectsAnOrderForAnUnknownCustomer)
{
    customers(customerRow(1));
    orders("10,1,2026-02-01,100.00,\n11,99,2026-02-01,100.00,\n");
    expectOnlyRejection("orders.csv", 3, QStringLiteral("customer"));
}

TEST_F(Interchange, RejectsAnOrderWhoseCustomerIdIsNotANumber)
{
    customers(customerRow(1));
    orders("10,abc,2026-02-01,100.00,\n");
    expectOnlyRejection("orders.csv", 2, QStringLiteral("customer_id"));
}

TEST_F(Interchange, RejectsADuplicateOrderId)
{
    customers(customerRow(1));
    orders("10,1,2026-02-01,100.00,\n10,1,2026-02-02,100.00,\n");
    expectOnlyRejection("orders.csv", 3, QStringLiteral("exists already"));
}

TEST_F(Interchange, RejectsAnOrderOfARejectedCustomer)
{
    customers(customerRow(1) + "2,李娜,,vip,,,,,2026-01-05,,\n");
    orders("10,1,2026-02-01,100.00,\n11,2,2026-02-01,100.00,\n");
    const io::ImportReport report = import();
    ASSERT_EQ(report.rejected.size(), 2u) << describe(report);
    EXPECT_EQ(report.rejected[1].toString(), QStringLiteral("orders.csv:3: customer 2 was rejected"));
}

TEST_F(Interchange, RejectsACallOfARejectedCustomer)
{
    customers(customerRow(1) + "2,,,,,,,,2026-01-05,,\n");
    calls("100,2,2026-06-25T10:00:00,out,reached,,,\n");
    const io::ImportReport report = import();
    ASSERT_EQ(report.rejected.size(), 2u) << describe(report);
    EXPECT_EQ(report.rejected[1].toString(), QStringLiteral("calls.csv:2: customer 2 was rejected"));
}

TEST_F(Interchange, RejectsABadCallTime)
{
    customers(customerRow(1));
    calls("100,1,2026-06-25T10:00:00,out,reached,,,\n101,1,2026-06-25 10:00:00,out,reached,,,\n");
    expectOnlyRejection("calls.csv", 3, QStringLiteral("called_at"));
}

TEST_F(Interchange, RejectsACallTimeWithoutSeconds)
{
    customers(customerRow(1));
    calls("100,1,2026-06-25T10:00,out,reached,,,\n");
    expectOnlyRejection("calls.csv", 2, QStringLiteral("called_at"));
}

TEST_F(Interchange, RejectsAnUnknownDirection)
{
    customers(customerRow(1));
    calls("100,1,2026-06-25T10:00:00,outbound,reached,,,\n");
    expectOnlyRejection("calls.csv", 2, QStringLiteral("direction"));
}

TEST_F(Interchange, RejectsAnUnknownOutcome)
{
    customers(customerRow(1));
    calls("100,1,2026-06-25T10:00:00,out,hung_up,,,\n");
    expectOnlyRejection("calls.csv", 2, QStringLiteral("outcome"));
}

TEST_F(Interchange, RejectsANegativeDuration)
{
    customers(customerRow(1));
    calls("100,1,2026-06-25T10:00:00,out,reached,-30,,\n");
    expectOnlyRejection("calls.csv", 2, QStringLiteral("duration_s"));
}

TEST_F(Interchange, RejectsABadNextFollowUp)
{
    customers(customerRow(1));
    calls("100,1,2026-06-25T10:00:00,out,reached,,2026-06-31,\n");
    expectOnlyRejection("calls.csv", 2, QStringLiteral("next_follow_up"));
}

TEST_F(Interchange, RejectsACallForAnUnknownCustomer)
{
    customers(customerRow(1));
    calls("100,5,2026-06-25T10:00:00,out,reached,,,\n");
    expectOnlyRejection("calls.csv", 2, QStringLiteral("customer"));
}

TEST_F(Interchange, RejectsARaggedCallRow)
{
    customers(customerRow(1));
    calls("100,1,2026-06-25T10:00:00,out,reached,,\n");
    expectOnlyRejection("calls.csv", 2, QStringLiteral("expected 8 fields, found 7"));
}

TEST_F(Interchange, ReportsEveryRejectedRow)
{
    customers(customerRow(1) + "2,李娜,,vip,,,,,2026-01-05,,\n" + "3,张敏,,,,,,,2026-13-01,,\n");
    orders("10,1,2026-02-01,1.234,\n");
    calls("100,1,2026-06-25T10:00:00,sideways,reached,,,\n");
    const io::ImportReport report = import();
    ASSERT_EQ(report.rejected.size(), 4u) << describe(report);
    EXPECT_TRUE(report.rejected[0].toString().startsWith(QStringLiteral("customers.csv:3: ")));
    EXPECT_TRUE(report.rejected[1].toString().startsWith(QStringLiteral("customers.csv:4: ")));
    EXPECT_TRUE(report.rejected[2].toString().startsWith(QStringLiteral("orders.csv:2: ")));
    EXPECT_TRUE(report.rejected[3].toString().startsWith(QStringLiteral("calls.csv:2: ")));
}

// ---------------------------------------------------------------------------------------------
// All or nothing

TEST_F(Interchange, ARejectedRowMeansNothingIsImported)
{
    customers(customerRow(1) + customerRow(2, "李娜") + "3,张敏,,vip,,,,,2026-01-05,,\n");
    orders("10,1,2026-02-01,100.00,\n");
    calls("100,2,2026-06-25T10:00:00,out,reached,,,\n");
    const io::ImportReport report = import();
    EXPECT_EQ(report.rejected.size(), 1u) << describe(report);
    EXPECT_FALSE(report.committed);
    EXPECT_EQ(count("customers"), 0);
    EXPECT_EQ(count("orders"), 0);
    EXPECT_EQ(count("calls"), 0);
    EXPECT_EQ(count("tags"), 0);
}

TEST_F(Interchange, KeepGoingImportsTheValidRows)
{
    customers(customerRow(1) + customerRow(2, "李娜") + "3,张敏,,vip,,,,,2026-01-05,,\n");
    orders("10,1,2026-02-01,100.00,\n11,3,2026-02-01,100.00,\n");
    calls("100,2,2026-06-25T10:00:00,out,reached,,,\n");
    const io::ImportReport report = import(/*keepGoing=*/true);
    EXPECT_EQ(report.rejected.size(), 2u) << describe(report);
    EXPECT_TRUE(report.committed);
    EXPECT_EQ(report.customers, 2);
    EXPECT_EQ(report.orders, 1);
    EXPECT_EQ(report.calls, 1);
    EXPECT_EQ(count("customers"), 2);
    EXPECT_EQ(count("orders"), 1);
    EXPECT_EQ(count("calls"), 1);
}

TEST_F(Interchange, ADuplicateCustomerRowDoesNotCostTheFirstOneItsOrders)
{
    // The second row with id 1 is rejected; the first was imported, so its order belongs to it.
    customers(customerRow(1) + customerRow(1, "李娜"));
    orders("10,1,2026-02-01,100.00,\n");
    const io::ImportReport report = import(/*keepGoing=*/true);
    ASSERT_EQ(report.rejected.size(), 1u) << describe(report);
    EXPECT_EQ(report.rejected.front().file, QStringLiteral("customers.csv"));
    EXPECT_EQ(report.orders, 1);
    EXPECT_EQ(count("orders"), 1);
}

TEST_F(Interchange, ImportingTheSameFilesTwiceRejectsEveryRowAndChangesNothing)
{
    customers(customerRow(1) + customerRow(2, "李娜"));
    orders("10,1,2026-02-01,100.00,\n");
    calls("100,2,2026-06-25T10:00:00,out,reached,,,\n");
    ASSERT_TRUE(import().committed);

    // Even with --keep-going nothing of the second run gets in.
    const io::ImportReport second = import(/*keepGoing=*/true);
    EXPECT_EQ(second.rejected.size(), 4u) << describe(second);
    EXPECT_EQ(second.customers, 0);
    EXPECT_EQ(second.orders, 0);
    EXPECT_EQ(second.calls, 0);
    EXPECT_EQ(count("customers"), 2);
    EXPECT_EQ(count("orders"), 1);
    EXPECT_EQ(count("calls"), 1);
    EXPECT_EQ(customer(1).name, QStringLiteral("王伟"));
}

TEST_F(Interchange, ASecondImportDoesNotOverwriteAnExistingCustomer)
{
    customers(customerRow(1));
    ASSERT_TRUE(import().committed);
    customers(customerRow(1, "改了名字"));
    const io::ImportReport second = import(/*keepGoing=*/true);
    EXPECT_EQ(second.rejected.size(), 1u) << describe(second);
    EXPECT_EQ(customer(1).name, QStringLiteral("王伟"));
}

TEST_F(Interchange, CancellingFromTheProgressCallbackImportsNothing)
{
    // Progress is reported every few thousand rows: give it enough of them.
    QByteArray rows;
    for (int i = 1; i <= 40'000; ++i)
        rows += customerRow(i, "客户");
    customers(rows);
    int calls = 0;
    io::ImportOptions options;
    options.progress = [&](qint64 done, qint64 total) {
        ++calls;
        EXPECT_LE(done, total);
        return false;
    };
    auto report = io::importInterchange(db, in(), options);
    ASSERT_TRUE(report);
    EXPECT_GE(calls, 1);
    EXPECT_TRUE(report->cancelled);
    EXPECT_FALSE(report->committed);
    EXPECT_EQ(count("customers"), 0);
}

TEST_F(Interchange, AProgressCallbackThatGoesOnImportsEverything)
{
    QByteArray rows;
    for (int i = 1; i <= 40'000; ++i)
        rows += customerRow(i, "客户");
    customers(rows);
    int calls = 0;
    io::ImportOptions options;
    options.progress = [&](qint64, qint64) {
        ++calls;
        return true;
    };
    auto report = io::importInterchange(db, in(), options);
    ASSERT_TRUE(report);
    EXPECT_GE(calls, 1);
    EXPECT_TRUE(report->committed);
    EXPECT_EQ(count("customers"), 40'000);
}

TEST_F(Interchange, AnImportGivesTheConnectionItsPageCacheAndSorterBack)
{
    // The import enlarges the page cache for the rows (unless it is larger already, as here) and
    // shrinks it for the index builds of an empty database, where SQLite's sorter also gets a
    // helper thread; the connection goes on as it was, whether the import committed or not.
    auto pragma = [&](const char *sql) {
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(db.handle(), sql, -1, &stmt, nullptr);
        const qint64 n = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
        sqlite3_finalize(stmt);
        return n;
    };
    ASSERT_EQ(sqlite3_exec(db.handle(), "PRAGMA cache_size = -100000", nullptr, nullptr, nullptr), SQLITE_OK);
    ASSERT_EQ(pragma("PRAGMA threads"), 0);
    customers(customerRow(1) + "2,张敏,,vip,,,,,2026-01-05,,\n");
    EXPECT_FALSE(import().committed);
    EXPECT_EQ(pragma("PRAGMA cache_size"), -100000);
    EXPECT_EQ(pragma("PRAGMA threads"), 0);
    customers(customerRow(1) + customerRow(2, "李娜"));
    EXPECT_TRUE(import().committed);
    EXPECT_EQ(pragma("PRAGMA cache_size"), -100000);
    EXPECT_EQ(pragma("PRAGMA threads"), 0);
    EXPECT_EQ(count("customers"), 2);
}

// An import into an empty database indexes its customers' search texts at its commit when they
// are few; a bigger one leaves them pending, and PendingSearchBuild indexes them in a scratch file
// next to the database and copies that index in (store/searchindex.h).

namespace {

/// The customers whose search text contains `term` (the search's own MATCH), in id order.
std::vector<qint64> found(sqlite3 *db, const char *term)
{
    std::vector<qint64> ids;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db,
                           "SELECT rowid FROM customer_search WHERE customer_search MATCH ?1 ORDER BY rowid",
                           -1, &stmt, nullptr) != SQLITE_OK)
        return {-1};
    sqlite3_bind_text(stmt, 1, term, -1, SQLITE_STATIC);
    while (sqlite3_step(stmt) == SQLITE_ROW)
        ids.push_back(sqlite3_column_int64(stmt, 0));
    sqlite3_finalize(stmt);
    return ids;
}

} // namespace

TEST_F(Interchange, AFreshImportIsFoundBySearch)
{
    // The connection searches before the import, so its FTS5 table has read the empty index.
    // (Trigrams: a search needs three characters.)
    EXPECT_TRUE(found(db.handle(), "\"王伟明\"").empty());
    customers(customerRow(1, "王伟明") + customerRow(2, "李小娜") +
              "3,王伟明东,Acme,,138-0013-8000,WEI@Example.com,,,2026-01-05,,\n");
    ASSERT_TRUE(import().committed);
    EXPECT_EQ(found(db.handle(), "\"王伟明\""), (std::vector<qint64>{1, 3}));
    EXPECT_EQ(found(db.handle(), "\"李小娜\""), (std::vector<qint64>{2}));
    EXPECT_EQ(found(db.handle(), "\"13800138000\""), (std::vector<qint64>{3})); // the phone's digits
    EXPECT_EQ(found(db.handle(), "\"wei@example\""), (std::vector<qint64>{3})); // lower case
    EXPECT_EQ(found(db.handle(), "\"acme\""), (std::vector<qint64>{3}));
    EXPECT_EQ(sqlite3_exec(db.handle(),
                           "INSERT INTO customer_search (customer_search) VALUES ('integrity-check')",
                           nullptr, nullptr, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(db.handle());
    // The index goes on taking the repositories' writes.
    Customer c = customer(2);
    c.name = QStringLiteral("李小娜娜");
    ASSERT_TRUE(store::CustomerRepository(db).update(c));
    EXPECT_EQ(found(db.handle(), "\"小娜娜\""), (std::vector<qint64>{2}));
    EXPECT_EQ(found(db.handle(), "\"王伟明\""), (std::vector<qint64>{1, 3}));
}

TEST_F(Interchange, ABuiltSearchIndexHasTheSettingsANewDatabaseHas)
{
    // The scratch index is built with a bigger in-memory hash of terms; that setting is FTS5's
    // config table's, and does not come along into the database.
    const auto settings = [](sqlite3 *h) {
        QStringList out;
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(h, "SELECT k || '=' || v FROM customer_search_config ORDER BY k", -1, &stmt,
                               nullptr) != SQLITE_OK)
            return QStringList{QString::fromUtf8(sqlite3_errmsg(h))};
        while (sqlite3_step(stmt) == SQLITE_ROW)
            out << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
        return out;
    };
    EXPECT_EQ(settings(db.handle()), QStringList{QStringLiteral("version=4")});
    QByteArray rows;
    for (int i = 1; i <= 3'000; ++i)
        rows += customerRow(i, i % 2 ? "王伟明" : "李小娜");
    customers(rows);
    store::BulkImport::setIndexedAtCommit(100);
    const bool committed = import().committed;
    store::BulkImport::setIndexedAtCommit(20'000);
    ASSERT_TRUE(committed);
    // The connection reads the empty index before the build replaces it.
    EXPECT_TRUE(found(db.handle(), "\"李小娜\"").empty());
    EXPECT_EQ(count("customer_search_pending"), 3'000);
    ASSERT_TRUE(store::PendingSearchBuild::run(db));
    EXPECT_EQ(settings(db.handle()), QStringList{QStringLiteral("version=4")});
    EXPECT_EQ(found(db.handle(), "\"李小娜\"").size(), 1'500u);
    EXPECT_EQ(sqlite3_exec(db.handle(),
                           "INSERT INTO customer_search (customer_search) VALUES ('integrity-check')",
                           nullptr, nullptr, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(db.handle());
}

TEST_F(Interchange, ASecondImportIndexesItsCustomersForSearchToo)
{
    customers(customerRow(1, "王伟明"));
    ASSERT_TRUE(import().committed);
    customers(customerRow(2, "王伟明东"));
    ASSERT_TRUE(import().committed);
    EXPECT_EQ(found(db.handle(), "\"王伟明\""), (std::vector<qint64>{1, 2}));
}

TEST_F(Interchange, ABigImportLeavesItsSearchTextsPendingUntilTheIndexIsBuilt)
{
    const QDir folder(tmp.path());
    const QStringList scratch{QStringLiteral("tierdesk.sqlite.search-*")};
    // Rejected, so rolled back.
    customers(customerRow(1) + "2,张敏,,vip,,,,,2026-01-05,,\n");
    EXPECT_FALSE(import().committed);
    EXPECT_EQ(count("customer_search"), 0);
    EXPECT_EQ(count("customer_search_pending"), 0);
    // Cancelled half-way.
    QByteArray rows;
    for (int i = 1; i <= 40'000; ++i)
        rows += customerRow(i, "客户甲");
    customers(rows);
    io::ImportOptions options;
    int calls = 0;
    options.progress = [&](qint64, qint64) { return ++calls < 3; };
    auto cancelled = io::importInterchange(db, in(), options);
    ASSERT_TRUE(cancelled);
    EXPECT_TRUE(cancelled->cancelled);
    EXPECT_EQ(count("customers"), 0);
    EXPECT_EQ(count("customer_search"), 0);
    EXPECT_EQ(count("customer_search_pending"), 0);
    // Committed: more customers than the commit indexes (20,000), so their texts are pending,
    // and searches read them.
    ASSERT_TRUE(import().committed);
    EXPECT_EQ(count("customer_search"), 0);
    EXPECT_EQ(count("customer_search_pending"), 40'000);
    store::CustomerFilter filter;
    filter.search = QStringLiteral("客户甲");
    auto pendingCount = store::CustomerQuery(db).count(filter);
    ASSERT_TRUE(pendingCount);
    EXPECT_EQ(*pendingCount, 40'000);
    // Built: every text in the index, none pending, no scratch file left.
    auto built = store::PendingSearchBuild::run(db);
    ASSERT_TRUE(built);
    EXPECT_EQ(*built, 40'000);
    EXPECT_EQ(count("customer_search"), 40'000);
    EXPECT_EQ(count("customer_search_pending"), 0);
    EXPECT_EQ(found(db.handle(), "\"客户甲\"").size(), 40'000u);
    EXPECT_TRUE(folder.entryList(scratch).isEmpty()) << folder.entryList(scratch).join(u' ').toStdString();
    auto indexedCount = store::CustomerQuery(db).count(filter);
    ASSERT_TRUE(indexedCount);
    EXPECT_EQ(*indexedCount, 40'000);
}

// ---------------------------------------------------------------------------------------------
// orders.csv and calls.csv are read and checked by a second thread, in batches of 1,024 rows,
// while the importing thread inserts them.

TEST_F(Interchange, RejectionsOfBothThreadsKeepTheOrderOfTheFileAcrossBatches)
{
    // 3,000 orders (three batches): rows the checks reject (a bad amount, a quote inside a field,
    // a field too many) among rows the database rejects (the id of row 1 again), one every few
    // rows; then calls with the same mix.
    enum Kind { BadAmount, Duplicate, StrayQuote, TooWide, BadDirection };
    struct Expected {
        QString file;
        qint64 line;
        Kind kind;
    };
    std::vector<Expected> expected;
    QByteArray orderRows;
    qint64 validOrders = 0;
    for (int i = 1; i <= 3000; ++i) {
        const qint64 line = i + 1;
        const QByteArray id = i == 1 ? "1" : QByteArray::number(1000 + i);
        if (i % 7 == 0) {
            orderRows += id + ",1,2026-02-01,1.234,\n";
            expected.push_back({QStringLiteral("orders.csv"), line, BadAmount});
        } else if (i % 11 == 0) {
            orderRows += "1,1,2026-02-01,1.00,\n";
            expected.push_back({QStringLiteral("orders.csv"), line, Duplicate});
        } else if (i % 13 == 0) {
            orderRows += "1\"3,1,2026-02-01,1.00,\n";
            expected.push_back({QStringLiteral("orders.csv"), line, StrayQuote});
        } else if (i % 17 == 0) {
            orderRows += id + ",1,2026-02-01,1.00,,x\n";
            expected.push_back({QStringLiteral("orders.csv"), line, TooWide});
        } else {
            orderRows += id + ",1,2026-02-01,1.00,\n";
            ++validOrders;
        }
    }
    QByteArray callRows;
    qint64 validCalls = 0;
    for (int i = 1; i <= 2100; ++i) {
        const qint64 line = i + 1;
        const QByteArray id = i == 1 ? "1" : QByteArray::number(5000 + i);
        if (i % 5 == 0) {
            callRows += "1,1,2026-06-25T10:00:00,out,reached,,,\n";
            expected.push_back({QStringLiteral("calls.csv"), line, Duplicate});
        } else if (i % 9 == 0) {
            callRows += id + ",1,2026-06-25T10:00:00,sideways,reached,,,\n";
            expected.push_back({QStringLiteral("calls.csv"), line, BadDirection});
        } else {
            callRows += id + ",1,2026-06-25T10:00:00,out,reached,,,\n";
            ++validCalls;
        }
    }
    customers(customerRow(1));
    orders(orderRows);
    calls(callRows);

    const io::ImportReport report = import(/*keepGoing=*/true);
    ASSERT_EQ(report.rejected.size(), expected.size()) << describe(report);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const io::Rejection &r = report.rejected[i];
        const Expected &e = expected[i];
        EXPECT_EQ(r.file, e.file) << i;
        EXPECT_EQ(r.line, e.line) << i;
        switch (e.kind) {
        case BadAmount:
            EXPECT_EQ(r.reason, QStringLiteral("amount “1.234” is not a number with at most two decimals"));
            break;
        case Duplicate:
            EXPECT_EQ(r.reason, e.file == QStringLiteral("orders.csv")
                                    ? QStringLiteral("Order 1: this id exists already.")
                                    : QStringLiteral("Call 1: this id exists already."));
            break;
        case StrayQuote:
            EXPECT_TRUE(r.reason.contains(QStringLiteral("quote"))) << r.reason.toStdString();
            break;
        case TooWide:
            EXPECT_EQ(r.reason, QStringLiteral("expected 5 fields, found 6"));
            break;
        case BadDirection:
            EXPECT_EQ(r.reason, QStringLiteral("direction “sideways” is not one of out, in"));
            break;
        }
    }
    EXPECT_TRUE(report.committed);
    EXPECT_EQ(report.orders, validOrders);
    EXPECT_EQ(report.calls, validCalls);
    EXPECT_EQ(count("orders"), validOrders);
    EXPECT_EQ(count("calls"), validCalls);
}

TEST_F(Interchange, CustomersRejectedInAnyBatchRejectTheirOrdersAndCalls)
{
    // 3,000 customers (three batches of the checking thread): every 400th has an unknown type,
    // every 700th is a second row of customer 1 (rejected by the database, customer 1 stays).
    // The orders and calls of the rejected ones are rejected as such; customer 1's are imported.
    QByteArray customerRows;
    QByteArray orderRows;
    QByteArray callRows;
    std::vector<QString> expected;
    int line = 1;
    for (int i = 1; i <= 3000; ++i) {
        ++line;
        if (i % 400 == 0) {
            customerRows += QByteArray::number(i) + ",张敏,,vip,,,,,2026-01-05,,\n";
            expected.push_back(
                QStringLiteral("customers.csv:") + QString::number(line) +
                QStringLiteral(": type “vip” is not one of individual, enterprise, government, channel"));
        } else if (i % 700 == 0) {
            customerRows += customerRow(1, "李娜");
            expected.push_back(QStringLiteral("customers.csv:") + QString::number(line) +
                               QStringLiteral(": Customer 1: this id exists already."));
        } else {
            customerRows += customerRow(i);
        }
    }
    for (int i : {1, 400, 700, 1200, 2800}) {
        orderRows += QByteArray::number(10 + i) + ',' + QByteArray::number(i) + ",2026-02-01,1.00,\n";
        callRows += QByteArray::number(10 + i) + ',' + QByteArray::number(i) +
                    ",2026-06-25T10:00:00,out,reached,,,\n";
    }
    // The same five rows in both files, so the same rejections at the same lines of each.
    for (const QString &file : {QStringLiteral("orders.csv"), QStringLiteral("calls.csv")}) {
        int fileLine = 1;
        for (int i : {1, 400, 700, 1200, 2800}) {
            ++fileLine;
            const QString at =
                file + u':' + QString::number(fileLine) + QStringLiteral(": customer ") + QString::number(i);
            if (i % 400 == 0)
                expected.push_back(at + QStringLiteral(" was rejected"));
            else if (i % 700 == 0)
                expected.push_back(at + QStringLiteral(" is not in customers.csv"));
        }
    }
    customers(customerRows);
    orders(orderRows);
    calls(callRows);
    const io::ImportReport report = import(/*keepGoing=*/true);
    std::vector<QString> got;
    for (const io::Rejection &r : report.rejected)
        got.push_back(r.toString());
    EXPECT_EQ(got, expected) << describe(report);
    EXPECT_EQ(report.customers, 3000 - 7 - 3);
    EXPECT_EQ(report.orders, 1);
    EXPECT_EQ(report.calls, 1);
    EXPECT_EQ(customer(1).name, QStringLiteral("王伟"));
}

TEST_F(Interchange, CancellingWhileTheOrdersAreCheckedAheadImportsNothing)
{
    // 200,000 orders: the checking thread fills its queue and waits for room when the import is
    // cancelled at the first batch; it is stopped, and nothing is imported.
    customers(customerRow(1));
    QByteArray rows;
    for (int i = 1; i <= 200'000; ++i)
        rows += QByteArray::number(i) + ",1,2026-02-01,1.00,\n";
    orders(rows);
    calls("100,1,2026-06-25T10:00:00,out,reached,,,\n");
    int calls = 0;
    io::ImportOptions options;
    options.progress = [&](qint64 done, qint64 total) {
        EXPECT_LE(done, total);
        return ++calls < 2;
    };
    auto report = io::importInterchange(db, in(), options);
    ASSERT_TRUE(report);
    EXPECT_EQ(calls, 2);
    EXPECT_TRUE(report->cancelled);
    EXPECT_FALSE(report->committed);
    EXPECT_EQ(count("customers"), 0);
    EXPECT_EQ(count("orders"), 0);
    // The connection writes again.
    orders("10,1,2026-02-01,1.00,\n");
    EXPECT_TRUE(import().committed);
    EXPECT_EQ(count("orders"), 1);
}

// ---------------------------------------------------------------------------------------------
// An import into an empty database file writes with a rollback journal instead of WAL (every page
// once); the file is in WAL mode again afterwards.

namespace {

QString journalMode(sqlite3 *db)
{
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr);
    QString mode;
    if (sqlite3_step(stmt) == SQLITE_ROW)
        mode = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    return mode;
}

/// Import options that note the journal mode of `db` at each progress report into `modes`.
io::ImportOptions notingJournalMode(sqlite3 *db, QStringList &modes)
{
    io::ImportOptions options;
    options.progress = [db, &modes](qint64, qint64) {
        modes << journalMode(db);
        return true;
    };
    return options;
}

QByteArray manyOrders(int n)
{
    QByteArray rows;
    for (int i = 1; i <= n; ++i)
        rows += QByteArray::number(i) + ",1,2026-02-01,1.00,\n";
    return rows;
}

} // namespace

TEST_F(Interchange, AnImportIntoAnEmptyFileUsesARollbackJournalAndLeavesTheFileInWal)
{
    customers(customerRow(1));
    orders(manyOrders(2000));
    QStringList modes;
    const io::ImportOptions options = notingJournalMode(db.handle(), modes);
    auto report = io::importInterchange(db, in(), options);
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->committed);
    ASSERT_FALSE(modes.isEmpty());
    EXPECT_EQ(modes.first(), QStringLiteral("delete"));
    EXPECT_EQ(journalMode(db.handle()), QStringLiteral("wal"));
    EXPECT_FALSE(QFile::exists(tmp.filePath(QStringLiteral("tierdesk.sqlite-journal"))));
    EXPECT_EQ(count("orders"), 2000);

    // A second import, into a database that has customers now, stays in WAL.
    customers(customerRow(2));
    QByteArray more;
    for (int i = 5000; i < 7000; ++i)
        more += QByteArray::number(i) + ",2,2026-02-01,1.00,\n";
    orders(more);
    modes.clear();
    report = io::importInterchange(db, in(), options);
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->committed);
    ASSERT_FALSE(modes.isEmpty());
    EXPECT_EQ(modes.first(), QStringLiteral("wal"));
    EXPECT_EQ(journalMode(db.handle()), QStringLiteral("wal"));
    EXPECT_EQ(count("orders"), 4000);
}

TEST_F(Interchange, ARolledBackImportIntoAnEmptyFileLeavesTheFileAsItWas)
{
    const QString path = tmp.filePath(QStringLiteral("tierdesk.sqlite"));
    ASSERT_EQ(sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr),
              SQLITE_OK);
    const qint64 before = QFileInfo(path).size();
    // 2,000 orders fill more pages than the file had; the last row is rejected.
    customers(customerRow(1));
    orders(manyOrders(2000) + "9999,1,2026-02-01,1.234,\n");
    EXPECT_FALSE(import().committed);
    EXPECT_EQ(QFileInfo(path).size(), before);
    EXPECT_EQ(journalMode(db.handle()), QStringLiteral("wal"));
    EXPECT_FALSE(QFile::exists(path + QStringLiteral("-journal")));
    EXPECT_EQ(count("customers"), 0);
    EXPECT_EQ(count("orders"), 0);
    sqlite3_stmt *stmt = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db.handle(), "PRAGMA integrity_check", -1, &stmt, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    EXPECT_EQ(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))),
              QStringLiteral("ok"));
    sqlite3_finalize(stmt);
    // Then the same files without the bad row.
    orders(manyOrders(2000));
    EXPECT_TRUE(import().committed);
    EXPECT_EQ(count("orders"), 2000);
}

namespace {

/// `n` calls of customer 1, ids from 1.
QByteArray manyCalls(int n)
{
    QByteArray rows;
    for (int i = 1; i <= n; ++i)
        rows += QByteArray::number(i) + ",1,2026-06-25T10:00:00,out,reached,60,,回访\n";
    return rows;
}

/// The files in the folder of the database other than the database itself: the calls' scratch
/// file of an import into an empty file (store::BulkImport::sideCalls()), if it was left.
QStringList besideTheDatabase(const QTemporaryDir &tmp)
{
    QStringList files = QDir(tmp.path()).entryList(QDir::Files, QDir::Name);
    for (const char *own : {"tierdesk.sqlite", "tierdesk.sqlite-wal", "tierdesk.sqlite-shm"})
        files.removeAll(QString::fromLatin1(own));
    return files;
}

} // namespace

TEST_F(Interchange, TheCallsOfAnImportIntoAnEmptyFileGoInBesideTheOrdersAndLeaveNothingBehind)
{
    customers(customerRow(1) + customerRow(2, "李娜"));
    orders(manyOrders(3000));
    // Five batches of the thread that checks them; a call of a customer not imported last.
    QByteArray rows = manyCalls(5000);
    rows += "200,3,2026-06-25T10:00:00,out,reached,,,\n";
    calls(rows);
    const io::ImportReport report = import(true);
    ASSERT_EQ(report.rejected.size(), 1u) << describe(report);
    EXPECT_TRUE(report.rejected[0].toString().startsWith(QStringLiteral("calls.csv:5002: ")))
        << describe(report);
    EXPECT_TRUE(report.committed);
    EXPECT_EQ(report.calls, 5000);
    EXPECT_EQ(count("calls"), 5000);
    EXPECT_EQ(count("orders"), 3000);
    EXPECT_EQ(count("calls INDEXED BY calls_by_customer WHERE customer_id = 1"), 5000);
    EXPECT_EQ(besideTheDatabase(tmp), QStringList());
}

TEST_F(Interchange, CancellingWhileTheCallsGoInBesideTheOrdersImportsNothingAndLeavesNothingBehind)
{
    customers(customerRow(1));
    orders(manyOrders(50'000));
    calls(manyCalls(50'000));
    const qint64 customersSize = QFileInfo(QDir(in()).filePath(QStringLiteral("customers.csv"))).size();
    io::ImportOptions options;
    bool cancelled = false;
    options.progress = [&](qint64 done, qint64 total) {
        EXPECT_LE(done, total);
        // Once the orders or the calls are under way.
        cancelled = cancelled || done > customersSize + 100'000;
        return !cancelled;
    };
    auto report = io::importInterchange(db, in(), options);
    ASSERT_TRUE(report);
    EXPECT_TRUE(cancelled);
    EXPECT_TRUE(report->cancelled);
    EXPECT_FALSE(report->committed);
    EXPECT_EQ(count("customers"), 0);
    EXPECT_EQ(count("orders"), 0);
    EXPECT_EQ(count("calls"), 0);
    EXPECT_EQ(besideTheDatabase(tmp), QStringList());
    // The connection writes again, and the calls go in.
    calls(manyCalls(10));
    orders(manyOrders(10));
    EXPECT_TRUE(import().committed);
    EXPECT_EQ(count("calls"), 10);
}

TEST_F(Interchange, ACallsHeaderWithoutAColumnIsAnErrorAndImportsNothing)
{
    customers(customerRow(1));
    orders(manyOrders(10));
    write(QStringLiteral("calls.csv"), "id,customer_id,called_at,direction,duration_s,next_follow_up,note\n"
                                       "100,1,2026-06-25T10:00:00,out,,,\n");
    const auto report = io::importInterchange(db, in());
    ASSERT_FALSE(report);
    EXPECT_TRUE(report.error().message.contains(QStringLiteral("outcome")));
    EXPECT_EQ(count("customers"), 0);
    EXPECT_EQ(count("orders"), 0);
    EXPECT_EQ(besideTheDatabase(tmp), QStringList());
}

TEST_F(Interchange, WithAnotherConnectionOnTheFileAnImportStaysInWal)
{
    // Only a connection alone on the file can leave WAL: the import does not wait for the other
    // one, it writes in WAL mode, and the other connection reads the result.
    store::Database other;
    ASSERT_TRUE(other.open(tmp.filePath(QStringLiteral("tierdesk.sqlite"))));
    customers(customerRow(1));
    orders(manyOrders(2000));
    QStringList modes;
    const io::ImportOptions options = notingJournalMode(db.handle(), modes);
    auto report = io::importInterchange(db, in(), options);
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->committed);
    ASSERT_FALSE(modes.isEmpty());
    EXPECT_EQ(modes.first(), QStringLiteral("wal"));
    EXPECT_EQ(journalMode(db.handle()), QStringLiteral("wal"));
    sqlite3_stmt *stmt = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(other.handle(), "SELECT count(*) FROM orders", -1, &stmt, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int64(stmt, 0), 2000);
    sqlite3_finalize(stmt);
}

// ---------------------------------------------------------------------------------------------
// Export

namespace {

// Written exactly as Python's csv.writer(f, lineterminator="\n") writes them: minimal quoting,
// doubled quotes, line breaks inside quotes, empty fields as nothing.
const QByteArray kCustomersFile = "id,name,company,type,phone,email,city,owner,created_at,intent,tags\n"
                                  "1,王伟,\"北京星辰科技有限公司, 分公司\",enterprise,+86 138 0013 8000,"
                                  "wang.wei@example.cn,北京,李娜,2025-03-08,A,vip;老客户\n"
                                  "2,\"Li \"\"Tiger\"\" Na\",,,13900139000,,上海,,2025-06-01,,\n"
                                  "3,\"Zhang\nMin\",Acme,individual,,,,陈晨,2026-01-15,C,\n";
const QByteArray kOrdersFile = "id,customer_id,ordered_at,amount,profit\n"
                               "10,1,2025-09-01,1280.00,300.00\n"
                               "11,1,2025-09-15,-12.50,\n"
                               "12,2,2026-02-01,99.90,\n";
const QByteArray kCallsFile = "id,customer_id,called_at,direction,outcome,duration_s,next_follow_up,note\n"
                              "100,1,2026-06-25T10:00:00,out,reached,120,2026-07-01,"
                              "\"问了报价, 说要 \"\"再想想\"\"\"\n"
                              "101,3,2026-06-26T16:30:05,in,no_answer,,,\n"
                              "102,2,2026-06-27T09:15:00,out,voicemail,0,,\"line one\nline two\"\n";

} // namespace

TEST_F(Interchange, ExportReproducesTheImportedCustomersFile)
{
    write(QStringLiteral("customers.csv"), kCustomersFile);
    write(QStringLiteral("orders.csv"), kOrdersFile);
    write(QStringLiteral("calls.csv"), kCallsFile);
    const io::ImportReport report = import();
    ASSERT_TRUE(report.committed) << describe(report);
    const QString out = tmp.filePath(QStringLiteral("out"));
    ASSERT_TRUE(io::exportInterchange(db, out));
    EXPECT_EQ(read(QDir(out).filePath(QStringLiteral("customers.csv"))), kCustomersFile);
}

TEST_F(Interchange, ExportReproducesTheImportedOrdersFile)
{
    write(QStringLiteral("customers.csv"), kCustomersFile);
    write(QStringLiteral("orders.csv"), kOrdersFile);
    write(QStringLiteral("calls.csv"), kCallsFile);
    ASSERT_TRUE(import().committed);
    const QString out = tmp.filePath(QStringLiteral("out"));
    ASSERT_TRUE(io::exportInterchange(db, out));
    EXPECT_EQ(read(QDir(out).filePath(QStringLiteral("orders.csv"))), kOrdersFile);
}

TEST_F(Interchange, ExportReproducesTheImportedCallsFile)
{
    write(QStringLiteral("customers.csv"), kCustomersFile);
    write(QStringLiteral("orders.csv"), kOrdersFile);
    write(QStringLiteral("calls.csv"), kCallsFile);
    ASSERT_TRUE(import().committed);
    const QString out = tmp.filePath(QStringLiteral("out"));
    ASSERT_TRUE(io::exportInterchange(db, out));
    EXPECT_EQ(read(QDir(out).filePath(QStringLiteral("calls.csv"))), kCallsFile);
}

TEST_F(Interchange, ExportCreatesTheFolder)
{
    customers(customerRow(1));
    ASSERT_TRUE(import().committed);
    const QString out = tmp.filePath(QStringLiteral("exports/2026/june"));
    ASSERT_FALSE(QFile::exists(out));
    ASSERT_TRUE(io::exportInterchange(db, out));
    EXPECT_TRUE(QFile::exists(QDir(out).filePath(QStringLiteral("customers.csv"))));
    EXPECT_TRUE(QFile::exists(QDir(out).filePath(QStringLiteral("orders.csv"))));
    EXPECT_TRUE(QFile::exists(QDir(out).filePath(QStringLiteral("calls.csv"))));
}

TEST_F(Interchange, ExportOfAnEmptyDatabaseWritesTheHeadersOnly)
{
    const QString out = tmp.filePath(QStringLiteral("out"));
    ASSERT_TRUE(io::exportInterchange(db, out));
    EXPECT_EQ(read(QDir(out).filePath(QStringLiteral("customers.csv"))), kCustomerHeader);
    EXPECT_EQ(read(QDir(out).filePath(QStringLiteral("orders.csv"))), kOrderHeader);
    EXPECT_EQ(read(QDir(out).filePath(QStringLiteral("calls.csv"))), kCallHeader);
}

TEST_F(Interchange, AnExportedFolderImportsIntoAnotherDatabase)
{
    write(QStringLiteral("customers.csv"), kCustomersFile);
    write(QStringLiteral("orders.csv"), kOrdersFile);
    write(QStringLiteral("calls.csv"), kCallsFile);
    ASSERT_TRUE(import().committed);
    const QString out = tmp.filePath(QStringLiteral("out"));
    ASSERT_TRUE(io::exportInterchange(db, out));

    store::Database other;
    ASSERT_TRUE(other.open(tmp.filePath(QStringLiteral("other.sqlite"))));
    auto report = io::importInterchange(other, out);
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->committed) << describe(*report);
    EXPECT_EQ(report->customers, 3);
    EXPECT_EQ(report->orders, 3);
    EXPECT_EQ(report->calls, 3);
}
