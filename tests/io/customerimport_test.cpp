// The customer import: hostile files made by hand, duplicates in the database and in the file,
// validation with reasons, the problem file, one transaction, and undo of the whole batch.

#include "io/customerimport.h"
#include "store/customerquery.h"
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

/// Every customer, in id order, as comparable text: what undo must restore exactly.
std::vector<std::string> dump(store::Database &db)
{
    std::vector<std::string> out;
    store::CustomerRepository repo(db);
    for (CustomerId id = 1; id < 200; ++id) {
        auto c = repo.find(id);
        if (!c || !*c)
            continue;
        const Customer &x = **c;
        out.push_back(QStringList{QString::number(x.id), x.name, x.company, x.phone, x.email, x.city, x.owner,
                                  x.createdAt.toString(Qt::ISODate), x.grade ? toText(*x.grade) : QString(),
                                  x.gradeSetAt.toString(Qt::ISODate), x.tags.join(u'|')}
                          .join(u';')
                          .toStdString());
    }
    return out;
}

class CustomerImport : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(db.openInMemory());
        Customer c;
        c.name = QStringLiteral("王伟");
        c.company = QStringLiteral("顺发网络科技有限公司");
        c.phone = QStringLiteral("138-0013-8000");
        c.owner = QStringLiteral("赵敏");
        c.createdAt = date("2025-01-10");
        c.tags = {QStringLiteral("展会")};
        ASSERT_TRUE(store::CustomerRepository(db).add(c));
        options.today = date("2026-06-30");
        options.defaultOwner = QStringLiteral("陈静");
    }

    Table table(const QByteArray &bytes)
    {
        auto t = readTable(QByteArrayView(bytes));
        EXPECT_TRUE(t) << (t ? "" : t.error().message.toStdString());
        return t ? *t : Table{};
    }
    Plan plan(const Table &t)
    {
        auto p = planImport(db, t, guessMapping(t.header), options);
        EXPECT_TRUE(p) << (p ? "" : p.error().message.toStdString());
        return p ? *p : Plan{};
    }
    CustomerImportReport apply(const Table &t, const Plan &p)
    {
        auto r = applyImport(db, p, QStringLiteral("list.csv"), qint64(t.problems.size()));
        EXPECT_TRUE(r) << (r ? "" : r.error().message.toStdString());
        return r ? *r : CustomerImportReport{};
    }
    qint64 count() { return store::CustomerRepository(db).count().value_or(-1); }

    store::Database db;
    PlanOptions options;
};

// A list saved by Excel on a Chinese Windows: GBK, CRLF, Chinese headers, no BOM.
const QString kExcelList =
    QStringLiteral("姓名,公司名称,手机,邮箱,城市,负责人,标签\r\n"
                   "李娜,华信贸易有限公司,139 1234 5678,lina@huaxin.cn,上海,孙浩,重点；展会\r\n"
                   "张伟,,+86 137-0000-1111,,杭州,,\r\n"
                   "王伟,顺发网络,13800138000,wangwei@shunfa.com,深圳,,老客户\r\n");

} // namespace

TEST_F(CustomerImport, AnExcelListInGbkMapsItselfAndImports)
{
    const Table t = table(gb18030(kExcelList));
    EXPECT_EQ(t.encoding, csv::Encoding::Gb18030);
    EXPECT_EQ(t.delimiter, ',');
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(t.rows[0][0], u"李娜");

    const std::vector<Field> expected{Field::Name, Field::Company, Field::Phone, Field::Email,
                                      Field::City, Field::Owner,   Field::Tags};
    EXPECT_EQ(guessMapping(t.header), expected);

    const Plan p = plan(t);
    ASSERT_EQ(p.rows.size(), 3u);
    EXPECT_EQ(p.invalid(), 0);
    EXPECT_FALSE(p.rows[0].duplicate());
    EXPECT_EQ(p.rows[0].customer.tags, (QStringList{QStringLiteral("重点"), QStringLiteral("展会")}));
    EXPECT_EQ(p.rows[1].customer.owner, u"陈静"); // the default owner
    EXPECT_EQ(p.rows[1].customer.createdAt, date("2026-06-30"));
    // 13800138000 is the database's 138-0013-8000: a duplicate, merged by default.
    ASSERT_TRUE(p.rows[2].existing);
    EXPECT_EQ(*p.rows[2].existing, 1);
    EXPECT_TRUE(p.rows[2].matchedByPhone);
    EXPECT_EQ(p.rows[2].decision, Decision::Merge);

    const auto r = apply(t, p);
    EXPECT_EQ(r.created, 2);
    EXPECT_EQ(r.merged, 1);
    EXPECT_EQ(count(), 3);
    // Merge fills the gaps and adds tags; it never overwrites what the team typed.
    const auto wang = store::CustomerRepository(db).find(1);
    ASSERT_TRUE(wang && *wang);
    EXPECT_EQ((*wang)->company, u"顺发网络科技有限公司");
    EXPECT_EQ((*wang)->email, u"wangwei@shunfa.com");
    EXPECT_EQ((*wang)->city, u"深圳");
    EXPECT_EQ((*wang)->tags, (QStringList{QStringLiteral("展会"), QStringLiteral("老客户")}));
}

TEST_F(CustomerImport, TheSameFileTwiceCreatesNoDuplicate)
{
    const Table t = table(gb18030(kExcelList));
    apply(t, plan(t));
    const auto before = dump(db);
    const Plan again = plan(t);
    EXPECT_EQ(again.duplicatesInDatabase(), 3);
    const auto r = apply(t, again);
    EXPECT_EQ(r.created, 0);
    EXPECT_EQ(r.skipped, 3); // merged into themselves: nothing new
    EXPECT_EQ(dump(db), before);
}

TEST_F(CustomerImport, UpdateOverwritesAndCreateMakesASecondCustomer)
{
    const Table t = table(QByteArrayLiteral("name,company,phone\n王伟,新公司,0086 138 0013 8000\n"));
    Plan p = plan(t);
    ASSERT_TRUE(p.rows[0].existing);
    decideAllDuplicates(p, Decision::Update);
    EXPECT_EQ(apply(t, p).updated, 1);
    EXPECT_EQ(store::CustomerRepository(db).find(1).value()->company, u"新公司");

    p.rows[0].decision = Decision::Create;
    EXPECT_EQ(apply(t, p).created, 1);
    EXPECT_EQ(count(), 2);
}

TEST_F(CustomerImport, DuplicatesInsideTheFileAreFoundByPhoneAndEmail)
{
    const Table t = table(QByteArrayLiteral("Contact,Mobile,E-mail,Tags\n"
                                            "Amy Li,+86 150 1111 2222,amy@example.com,vip\n"
                                            "Amy LI,15011112222,,fair\n"
                                            "A. Li,,AMY@example.com ,\n"
                                            "Bob,+86 150 3333 4444,,\n"));
    const Plan p = plan(t);
    ASSERT_EQ(p.rows.size(), 4u);
    EXPECT_EQ(p.rows[1].earlierRow, 0);
    EXPECT_TRUE(p.rows[1].matchedByPhone);
    EXPECT_EQ(p.rows[2].earlierRow, 0);
    EXPECT_FALSE(p.rows[2].matchedByPhone);
    EXPECT_EQ(p.rows[3].earlierRow, -1);
    EXPECT_EQ(p.duplicatesInFile(), 2);

    const auto r = apply(t, p);
    EXPECT_EQ(r.created, 2); // Amy once, Bob
    EXPECT_EQ(r.merged, 1);  // the second Amy row brings a tag
    EXPECT_EQ(r.skipped, 1); // the third brings nothing new
    EXPECT_EQ(count(), 3);
    EXPECT_EQ(store::CustomerRepository(db).find(2).value()->tags,
              (QStringList{QStringLiteral("vip"), QStringLiteral("fair")}));
}

TEST_F(CustomerImport, BadRowsAreRejectedWithReasonsAndWrittenToTheProblemFile)
{
    const Table t = table(QByteArrayLiteral("name,phone,email,created,grade,type\n"
                                            "Good,13912345678,good@example.com,2026/3/1,A级,企业\n"
                                            "Mangled,1.39123E+10,,,,\n"
                                            "Short,12345,,,,\n"
                                            ",,,,,\n" // empty: no row at all
                                            ",,nobody@example.com,,,\n"
                                            "Mail,,not-an-address,,,\n"
                                            "Future,,,2027-01-01,,\n"
                                            "Grade,,,,Z,\n"
                                            "Typed,,,,,vip\n"
                                            "Ragged,1,2,3,4,5,6\n"
                                            "\"Quote\"d,,,,,\n"));
    ASSERT_EQ(t.problems.size(), 2u);
    EXPECT_EQ(t.problems[0].line, 11);
    EXPECT_EQ(t.problems[1].line, 12);
    const Plan p = plan(t);
    ASSERT_EQ(p.rows.size(), 8u);
    EXPECT_TRUE(p.rows[0].valid());
    EXPECT_EQ(p.rows[0].customer.createdAt, date("2026-03-01"));
    EXPECT_EQ(p.rows[0].customer.grade, Grade::A);
    EXPECT_EQ(p.rows[0].customer.type, CustomerType::Enterprise);
    for (std::size_t i = 1; i < p.rows.size(); ++i)
        EXPECT_FALSE(p.rows[i].valid()) << i;
    EXPECT_TRUE(p.rows[1].errors.join(u' ').contains(u"spreadsheet"));
    EXPECT_TRUE(p.rows[4].errors.join(u' ').contains(u"e-mail"));
    EXPECT_TRUE(p.rows[5].errors.join(u' ').contains(u"future"));

    const auto r = apply(t, p);
    EXPECT_EQ(r.created, 1);
    EXPECT_EQ(r.rejected, 9); // 7 invalid rows and 2 the file itself breaks
    EXPECT_EQ(count(), 2);

    QBuffer out;
    out.open(QIODevice::WriteOnly);
    const auto written = writeProblemRows(&out, t, p);
    ASSERT_TRUE(written);
    EXPECT_EQ(*written, 9);
    // Back through the reader: the file's columns, then line and problem, ready to fix and import.
    const Table problems = table(out.data());
    EXPECT_EQ(problems.encoding, csv::Encoding::Utf8Bom);
    EXPECT_EQ(problems.header.mid(0, 6), t.header);
    ASSERT_EQ(problems.rows.size(), 9u);
    EXPECT_EQ(problems.rows[2][0], u"Mangled");
    EXPECT_EQ(problems.rows[2][6], u"3");
    EXPECT_FALSE(problems.rows[2][7].isEmpty());
}

TEST_F(CustomerImport, MappingUnderstandsChineseAndEnglishHeaders)
{
    using F = Field;
    EXPECT_EQ(guessMapping({QStringLiteral("客户名称"), QStringLiteral("联系人"), QStringLiteral("联系电话"),
                            QStringLiteral("座机"), QStringLiteral("电子邮箱"), QStringLiteral("所属销售"),
                            QStringLiteral("客户类型"), QStringLiteral("意向等级"),
                            QStringLiteral("创建时间"), QStringLiteral("备注")}),
              (std::vector<F>{F::Company, F::Name, F::Phone, F::Phone, F::Email, F::Owner, F::Type, F::Grade,
                              F::CreatedAt, F::Ignore}));
    // Alone, 客户名称 is the customer's name.
    EXPECT_EQ(guessMapping({QStringLiteral("客户名称"), QStringLiteral("客户手机（必填）")}),
              (std::vector<F>{F::Name, F::Phone}));
    EXPECT_EQ(
        guessMapping({QStringLiteral("Full Name"), QStringLiteral("Company Name"), QStringLiteral("E-Mail"),
                      QStringLiteral("Sales Rep"), QStringLiteral("customer_id"), QStringLiteral("Name")}),
        (std::vector<F>{F::Name, F::Company, F::Email, F::Owner, F::Ignore, F::Ignore}));
}

TEST_F(CustomerImport, SemicolonsTabsAndUtf8WithBomAreRead)
{
    const Table semi = table(QByteArrayLiteral("\xEF\xBB\xBFName;Phone\r\n\"Li; Na\";139 1234 5678\r\n"));
    EXPECT_EQ(semi.encoding, csv::Encoding::Utf8Bom);
    EXPECT_EQ(semi.delimiter, ';');
    ASSERT_EQ(semi.rows.size(), 1u);
    EXPECT_EQ(semi.rows[0][0], u"Li; Na");
    const Table tab = table(QByteArrayLiteral("姓名\t电话\n\"多行\n备注\"\t13912345678\n"));
    EXPECT_EQ(tab.delimiter, '\t');
    ASSERT_EQ(tab.rows.size(), 1u);
    EXPECT_EQ(tab.rows[0][0], u"多行\n备注");
    EXPECT_FALSE(readTable(QByteArrayView("")));                        // no header
    EXPECT_TRUE(table(QByteArrayLiteral("name,phone\n")).rows.empty()); // header only
    // A file that is not GB18030 either is refused with its line, not imported as mojibake.
    EXPECT_FALSE(readTable(QByteArrayView("name\nok\n\x81\x20\n")));
}

TEST_F(CustomerImport, UndoRestoresTheDatabaseExactly)
{
    const auto before = dump(db);
    const Table t = table(gb18030(kExcelList));
    Plan p = plan(t);
    decideAllDuplicates(p, Decision::Update);
    const auto r = apply(t, p);
    ASSERT_EQ(r.created, 2);
    ASSERT_EQ(r.updated, 1);
    ASSERT_NE(dump(db), before);

    store::ImportLog log(db);
    auto batches = log.batches();
    ASSERT_TRUE(batches);
    ASSERT_EQ(batches->size(), 1u);
    EXPECT_EQ(batches->front().created, 2);
    EXPECT_EQ(batches->front().updated, 1);
    ASSERT_TRUE(log.undo(r.batch));
    EXPECT_EQ(dump(db), before);
    // The search index follows: the imported names are gone, the restored one is back.
    store::CustomerFilter imported;
    imported.search = QStringLiteral("李娜");
    EXPECT_EQ(store::CustomerQuery(db).count(imported).value_or(-1), 0);
    store::CustomerFilter restored;
    restored.search = QStringLiteral("顺发网络科技");
    EXPECT_EQ(store::CustomerQuery(db).count(restored).value_or(-1), 1);
    EXPECT_FALSE(log.undo(r.batch)); // once only
    EXPECT_TRUE(log.batches().value().front().undoneAt.isValid());
}

TEST_F(CustomerImport, UndoIsRefusedWhenAnImportedCustomerHasCallsByNow)
{
    const Table t = table(gb18030(kExcelList));
    const auto r = apply(t, plan(t));
    Call call;
    call.customerId = 2;
    call.calledAt = QDateTime(date("2026-06-30"), QTime(10, 0));
    call.direction = Direction::Out;
    call.outcome = Outcome::Reached;
    ASSERT_TRUE(store::CallRepository(db).add(call));
    const auto after = dump(db);
    const auto undone = store::ImportLog(db).undo(r.batch);
    ASSERT_FALSE(undone);
    EXPECT_FALSE(undone.error().message.isEmpty());
    EXPECT_EQ(dump(db), after);
}

TEST_F(CustomerImport, CancellingLeavesTheDatabaseAsItWas)
{
    const auto before = dump(db);
    const Table t = table(gb18030(kExcelList));
    const auto r =
        applyImport(db, plan(t), QStringLiteral("list.csv"), 0, [](qint64, qint64) { return false; });
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->cancelled);
    EXPECT_EQ(dump(db), before);
    EXPECT_TRUE(store::ImportLog(db).batches().value().empty());
}

TEST_F(CustomerImport, AHundredThousandRowsWithManyDuplicates)
{
    // 100,000 rows over 20,000 people: every person five times, phones written three ways.
    QByteArray bytes = "姓名,手机,标签\n";
    for (int i = 0; i < 100'000; ++i) {
        const int person = i % 20'000;
        const QByteArray digits = QByteArray::number(13'000'000'000LL + person);
        const QByteArray phone = i % 3 == 0   ? digits
                                 : i % 3 == 1 ? QByteArray("+86 " + digits)
                                              : QByteArray("0086-" + digits);
        bytes += "客户" + QByteArray::number(person) + ',' + phone + ",批次" +
                 QByteArray::number(i / 20'000) + '\n';
    }
    const Table t = table(bytes);
    ASSERT_EQ(t.rows.size(), 100'000u);
    const Plan p = plan(t);
    EXPECT_EQ(p.duplicatesInFile(), 80'000);
    const auto r = apply(t, p);
    EXPECT_EQ(r.created, 20'000);
    EXPECT_EQ(r.merged, 80'000); // each later row adds its batch tag
    EXPECT_EQ(count(), 20'001);
    EXPECT_EQ(store::CustomerRepository(db).find(2).value()->tags.size(), 5);
}
