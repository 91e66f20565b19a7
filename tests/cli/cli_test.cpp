// tierdesk-cli, run as a real process: exit codes, messages on stderr, and the files it writes.
// Every run gets its own XDG_DATA_HOME so that the default database never touches real data.

#include "csv/csvreader.h"
#include "store/database.h"
#include "store/deferredindexes.h"
#include "store/repositories.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringEncoder>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <ostream>

using namespace tierdesk;

static void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}

namespace {

// The fixture, written as Python's csv module writes it (LF, minimal quoting).
//
// As of 2026-06-30 (W = (2025-06-30, T], H1 = (2026-01-01, T], H0 = (2025-07-05, 2026-01-01]):
// 1: orders 100.00 (2025-09-01), 300.00, 500.00 (2026-06-20); called 2026-06-25. recency 10,
//    frequency 3, monetary 900.00. 800.00 recent > 1.2 × 100.00 before → growth. Tier A, no grade:
//    due 2026-06-25 + 14 = 2026-07-09 (not due on T).
// 2: one order 50.00 on 2025-08-01: recency 333 → decline; called 2026-01-10 (no answer):
//    win-back every min(60, 7) days → due 2026-01-17, 164 days overdue. Tier C → priority class 3.
// 3: created 2026-04-01, intent A, one order 200.00 on 2026-04-15: recency 76, first order < 90
//    days → new. Never called → due 2026-04-01, 90 days overdue. Grade A → priority class 1.
// Scores (n = 3, 1 + ⌊5(rank − 1)/3⌋): R 4/1/2, F 4/1/1 (2 and 3 tie), M 4/1/2.
// Pyramid: 3 spenders, A cut ⌈0.15⌉ = 1, B cut ⌈0.6⌉ = 1 → 1 A, 2 and 3 C.
const QByteArray kCustomers =
    "id,name,company,type,phone,email,city,owner,created_at,intent,tags\n"
    "1,王伟,星辰科技,enterprise,13800138000,ww@example.cn,北京,李娜,2025-01-01,,vip;老客户\n"
    "2,\"Li \"\"Tiger\"\" Na\",,individual,13900139000,,上海,李娜,2025-01-01,,\n"
    "3,=SUM(A1:A2),,,,,,,2026-04-01,A,\n";
const QByteArray kOrders = "id,customer_id,ordered_at,amount,profit\n"
                           "10,1,2025-09-01,100.00,\n"
                           "11,1,2026-05-01,300.00,90.00\n"
                           "12,1,2026-06-20,500.00,\n"
                           "13,2,2025-08-01,50.00,\n"
                           "14,3,2026-04-15,200.00,\n";
const QByteArray kCalls = "id,customer_id,called_at,direction,outcome,duration_s,next_follow_up,note\n"
                          "100,1,2026-06-25T10:00:00,out,reached,120,,\"首次联系, 感兴趣\"\n"
                          "101,2,2026-01-10T09:00:00,out,no_answer,,,\n";

const QByteArray kClassified =
    "id,recency_days,frequency,monetary,r,f,m,value_tier,freq_tier,loyalty,lifecycle,"
    "engagement,segment,matrix,due_date\n"
    "1,10,3,900.00,4,4,4,A,high,high,growth,active,loyal_customers,important_value,"
    "2026-07-09\n"
    "2,333,1,50.00,1,1,1,C,low,low,decline,silent,hibernating,general_win_back,"
    "2026-01-17\n"
    "3,76,1,200.00,2,1,2,C,low,low,new,normal,hibernating,general_win_back,2026-04-01\n";

struct Ran {
    int exitCode = -1;
    bool crashed = true;
    QByteArray out;
    QByteArray err;
};

std::ostream &operator<<(std::ostream &os, const Ran &o)
{
    return os << "exit " << o.exitCode << (o.crashed ? " (crashed)" : "") << "\n--- stdout\n"
              << o.out.toStdString() << "--- stderr\n"
              << o.err.toStdString();
}

/// The records of a CSV file, every field decoded.
std::vector<QStringList> parseCsv(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    csv::Reader reader(&buffer);
    std::vector<QStringList> rows;
    while (reader.next() == csv::Reader::Status::Record)
        rows.push_back(reader.texts());
    return rows;
}

class Cli : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(home.isValid());
        ASSERT_TRUE(QDir().mkpath(path(QStringLiteral("in"))));
    }

    QString path(const QString &name) const { return home.filePath(name); }
    QString db() const { return path(QStringLiteral("tierdesk.sqlite")); }

    void write(const QString &file, const QByteArray &bytes) const
    {
        QFile f(path(file));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        ASSERT_EQ(f.write(bytes), bytes.size());
    }

    static QByteArray read(const QString &file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return "<missing " + QFile::encodeName(file) + '>';
        return f.readAll();
    }

    void writeFixture() const
    {
        write(QStringLiteral("in/customers.csv"), kCustomers);
        write(QStringLiteral("in/orders.csv"), kOrders);
        write(QStringLiteral("in/calls.csv"), kCalls);
    }

    /// Runs tierdesk-cli with `args`, with a private XDG_DATA_HOME and HOME.
    Ran run(const QStringList &args) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("xdg-data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("xdg-config")));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("LC_ALL"),
                   QStringLiteral("C.UTF-8")); // English messages, whatever the machine's
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TIERDESK_CLI_PATH), args);
        Ran o;
        if (!p.waitForStarted(10'000)) {
            o.err = "could not start " TIERDESK_CLI_PATH;
            return o;
        }
        p.closeWriteChannel();
        if (!p.waitForFinished(120'000)) {
            p.kill();
            p.waitForFinished();
            o.err = "timed out";
            return o;
        }
        o.crashed = p.exitStatus() != QProcess::NormalExit;
        o.exitCode = p.exitCode();
        o.out = p.readAllStandardOutput();
        o.err = p.readAllStandardError();
        return o;
    }

    /// Imports the fixture into db(); the test stops if that fails.
    void importFixture()
    {
        writeFixture();
        const Ran o =
            run({QStringLiteral("--db"), db(), QStringLiteral("import"), path(QStringLiteral("in"))});
        ASSERT_EQ(o.exitCode, 0) << o;
    }

    /// The names of the indexes the customer list may lack (store/deferredindexes.h) that `file` lacks.
    QList<QByteArray> missingIndexesIn(const QString &file) const
    {
        store::Database database;
        if (!database.open(file, store::Database::Mode::ReadOnly))
            return {"(not opened)"};
        return store::deferredindexes::missing(database.handle()).value_or(QList<QByteArray>{"(error)"});
    }

    qint64 customersIn(const QString &file) const
    {
        store::Database database;
        if (!database.open(file, store::Database::Mode::ReadOnly))
            return -1;
        return store::CustomerRepository(database).count().value_or(-1);
    }

    /// Imports the fixture and writes the call list of 2026-06-30 (spreadsheet form).
    QByteArray queueFile()
    {
        importFixture();
        const QString out = path(QStringLiteral("queue.csv"));
        const Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("queue"), QStringLiteral("--as-of"),
                           QStringLiteral("2026-06-30"), QStringLiteral("--out"), out});
        EXPECT_EQ(o.exitCode, 0) << o;
        EXPECT_FALSE(o.crashed) << o;
        return read(out);
    }

    QTemporaryDir home;
};

} // namespace

// ---------------------------------------------------------------------------------------------
// Usage

TEST_F(Cli, HelpExitsZero)
{
    const Ran o = run({QStringLiteral("--help")});
    EXPECT_EQ(o.exitCode, 0) << o;
    EXPECT_FALSE(o.crashed);
    EXPECT_TRUE(o.err.contains("import") || o.out.contains("import")) << o;
}

TEST_F(Cli, NoCommandIsAUsageError)
{
    const Ran o = run({});
    EXPECT_EQ(o.exitCode, 64) << o;
}

TEST_F(Cli, AnUnknownCommandIsAUsageError)
{
    const Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("frobnicate")});
    EXPECT_EQ(o.exitCode, 64) << o;
    EXPECT_TRUE(o.err.contains("frobnicate")) << o;
    EXPECT_FALSE(QFile::exists(db()));
}

TEST_F(Cli, AnImpossibleAsOfDateIsAUsageError)
{
    const Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("classify"), QStringLiteral("--as-of"),
                       QStringLiteral("2026-13-01")});
    EXPECT_EQ(o.exitCode, 64) << o;
    EXPECT_TRUE(o.err.contains("error:")) << o;
    EXPECT_TRUE(o.err.contains("2026-13-01")) << o;
    EXPECT_FALSE(QFile::exists(db()));
}

TEST_F(Cli, AnAsOfDateWithEqualsIsCheckedToo)
{
    const Ran o =
        run({QStringLiteral("--db"), db(), QStringLiteral("classify"), QStringLiteral("--as-of=2026-02-30")});
    EXPECT_EQ(o.exitCode, 64) << o;
    EXPECT_TRUE(o.err.contains("2026-02-30")) << o;
}

TEST_F(Cli, CommandHelpPrintsTheOptionsAndDoesNothing)
{
    // The usage text says: "Run 'tierdesk-cli COMMAND --help' for a command's options."
    const Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("classify"), QStringLiteral("--help")});
    EXPECT_EQ(o.exitCode, 0) << o;
    EXPECT_TRUE(o.out.contains("--as-of") || o.err.contains("--as-of")) << o;
    EXPECT_FALSE(QFile::exists(db())) << "classify --help created (and classified) the database";
}

TEST_F(Cli, QueueWithoutOutIsAUsageError)
{
    importFixture();
    const Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("queue"), QStringLiteral("--as-of"),
                       QStringLiteral("2026-06-30")});
    EXPECT_EQ(o.exitCode, 64) << o;
    EXPECT_TRUE(o.out.isEmpty()) << o;
}

// ---------------------------------------------------------------------------------------------
// Import

TEST_F(Cli, ImportOfACleanFolderPrintsTheCounts)
{
    writeFixture();
    const Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("import"), path(QStringLiteral("in"))});
    EXPECT_EQ(o.exitCode, 0) << o;
    EXPECT_TRUE(o.out.contains("3 customers")) << o;
    EXPECT_TRUE(o.out.contains("5 orders")) << o;
    EXPECT_TRUE(o.out.contains("2 calls")) << o;
    EXPECT_EQ(customersIn(db()), 3);
}

TEST_F(Cli, ABigImportSaysItsSearchIndexAndIndexByCompanyArePendingAndIndexSearchBuildsThem)
{
    // One customer more than an import's commit indexes (20,000).
    QByteArray rows = "id,name,company,type,phone,email,city,owner,created_at,intent,tags\n";
    for (int i = 1; i <= 20'001; ++i)
        rows += QByteArray::number(i) + (i == 777 ? ",王伟明" : ",李娜") + ",,,,,,,2025-01-01,,\n";
    write(QStringLiteral("in/customers.csv"), rows);
    write(QStringLiteral("in/orders.csv"), "id,customer_id,ordered_at,amount,profit\n");
    write(QStringLiteral("in/calls.csv"),
          "id,customer_id,called_at,direction,outcome,duration_s,next_follow_up,note\n");
    const Ran imported =
        run({QStringLiteral("--db"), db(), QStringLiteral("import"), path(QStringLiteral("in"))});
    EXPECT_EQ(imported.exitCode, 0) << imported;
    EXPECT_TRUE(imported.out.contains("20001 customers")) << imported;
    EXPECT_TRUE(imported.out.contains("tierdesk-cli index-search")) << imported;
    EXPECT_TRUE(imported.out.contains("index by company")) << imported;
    EXPECT_EQ(missingIndexesIn(db()), QList<QByteArray>{"customers_by_company"});
    // Searches work meanwhile.
    const auto exportOf = [&](const char *search) {
        const QString out = path(QStringLiteral("found.csv"));
        const Ran o =
            run({QStringLiteral("--db"), db(), QStringLiteral("export-customers"), QStringLiteral("--out"),
                 out, QStringLiteral("--search"), QString::fromUtf8(search)});
        EXPECT_EQ(o.exitCode, 0) << o;
        QFile f(out);
        EXPECT_TRUE(f.open(QIODevice::ReadOnly));
        return f.readAll();
    };
    const QByteArray before = exportOf("王伟明");
    EXPECT_EQ(before.count('\n'), 2) << before.constData(); // the header and customer 777
    EXPECT_TRUE(before.contains("王伟明")) << before.constData();

    const Ran built = run({QStringLiteral("--db"), db(), QStringLiteral("index-search")});
    EXPECT_EQ(built.exitCode, 0) << built;
    EXPECT_TRUE(built.out.contains("Built the customer list's index by company.")) << built;
    EXPECT_TRUE(built.out.contains("Indexed 20001 customers")) << built;
    EXPECT_EQ(missingIndexesIn(db()), QList<QByteArray>());
    EXPECT_EQ(exportOf("王伟明"), before);
    const Ran again = run({QStringLiteral("--db"), db(), QStringLiteral("index-search")});
    EXPECT_EQ(again.exitCode, 0) << again;
    EXPECT_TRUE(again.out.contains("nothing to do")) << again;
    EXPECT_FALSE(again.out.contains("index by company")) << again;
}

TEST_F(Cli, ASmallImportSaysNothingOfTheSearchIndex)
{
    writeFixture();
    const Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("import"), path(QStringLiteral("in"))});
    EXPECT_EQ(o.exitCode, 0) << o;
    EXPECT_FALSE(o.out.contains("index-search")) << o;
    EXPECT_EQ(missingIndexesIn(db()), QList<QByteArray>());
}

TEST_F(Cli, ImportWithARejectedRowExitsOneAndImportsNothing)
{
    writeFixture();
    write(QStringLiteral("in/customers.csv"),
          "id,name,company,type,phone,email,city,owner,created_at,intent,tags\n"
          "1,王伟,,,,,,,2025-01-01,,\n"
          "2,李娜,,vip,,,,,2025-01-01,,\n"
          "3,张敏,,,,,,,2026-04-01,,\n");
    const Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("import"), path(QStringLiteral("in"))});
    EXPECT_EQ(o.exitCode, 1) << o;
    EXPECT_TRUE(o.err.contains("customers.csv:3: ")) << o;
    EXPECT_FALSE(o.out.contains("Imported")) << o;
    EXPECT_EQ(customersIn(db()), 0);
}

TEST_F(Cli, ImportWithKeepGoingImportsTheValidRows)
{
    write(QStringLiteral("in/customers.csv"),
          "id,name,company,type,phone,email,city,owner,created_at,intent,tags\n"
          "1,王伟,,,,,,,2025-01-01,,\n"
          "2,李娜,,vip,,,,,2025-01-01,,\n");
    const Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("import"), path(QStringLiteral("in")),
                       QStringLiteral("--keep-going")});
    EXPECT_EQ(o.exitCode, 1) << o;
    EXPECT_TRUE(o.err.contains("customers.csv:3: ")) << o;
    EXPECT_EQ(customersIn(db()), 1);
}

TEST_F(Cli, ImportOfAFolderWithoutCustomersFails)
{
    const Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("import"), path(QStringLiteral("in"))});
    EXPECT_EQ(o.exitCode, 2) << o;
    EXPECT_TRUE(o.err.startsWith("error:")) << o;
}

TEST_F(Cli, WithoutDbTheDatabaseLivesInTheDataFolder)
{
    writeFixture();
    const Ran o = run({QStringLiteral("import"), path(QStringLiteral("in"))});
    ASSERT_EQ(o.exitCode, 0) << o;
    const QString expected = path(QStringLiteral("xdg-data/TierDesk/tierdesk.sqlite"));
    EXPECT_TRUE(QFile::exists(expected)) << expected.toStdString();
    EXPECT_EQ(customersIn(expected), 3);
}

// ---------------------------------------------------------------------------------------------
// Classify

TEST_F(Cli, ClassifyPrintsOneRowPerCustomerWithTheExpectedValues)
{
    importFixture();
    const Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("classify"), QStringLiteral("--as-of"),
                       QStringLiteral("2026-06-30"), QStringLiteral("--out"), QStringLiteral("-")});
    EXPECT_EQ(o.exitCode, 0) << o;
    EXPECT_EQ(o.out.toStdString(), kClassified.toStdString());
}

TEST_F(Cli, ClassifyWritesAFile)
{
    importFixture();
    const QString out = path(QStringLiteral("classified.csv"));
    const Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("classify"), QStringLiteral("--as-of"),
                       QStringLiteral("2026-06-30"), QStringLiteral("--out"), out});
    EXPECT_EQ(o.exitCode, 0) << o;
    EXPECT_EQ(read(out).toStdString(), kClassified.toStdString());
}

TEST_F(Cli, ClassifyStoresTheResults)
{
    importFixture();
    const Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("classify"), QStringLiteral("--as-of"),
                       QStringLiteral("2026-06-30")});
    ASSERT_EQ(o.exitCode, 0) << o;
    store::Database database;
    ASSERT_TRUE(database.open(db(), store::Database::Mode::ReadOnly));
    auto last = store::ClassificationStore(database).lastRun();
    ASSERT_TRUE(last && last->has_value());
    EXPECT_EQ((*last)->asOf, QDate(2026, 6, 30));
    EXPECT_EQ((*last)->customers, 3);
}

TEST_F(Cli, OpeningAFileThatIsNotADatabaseFailsCleanly)
{
    const QString notes = path(QStringLiteral("notes.txt"));
    write(QStringLiteral("notes.txt"), QByteArray("Call Mr Wang on Monday.\n").repeated(50));
    const Ran o = run({QStringLiteral("--db"), notes, QStringLiteral("classify"), QStringLiteral("--as-of"),
                       QStringLiteral("2026-06-30")});
    EXPECT_FALSE(o.crashed) << o;
    EXPECT_EQ(o.exitCode, 2) << o;
    EXPECT_TRUE(o.err.contains("error:")) << o;
    EXPECT_TRUE(o.err.contains("notes.txt")) << o;
}

TEST_F(Cli, OpeningAFileThatIsNotADatabasePrintsOnlyTheError)
{
    // No warnings of Qt's plumbing before the message meant for the user.
    write(QStringLiteral("notes.txt"), QByteArray("Call Mr Wang on Monday.\n").repeated(50));
    const Ran o = run({QStringLiteral("--db"), path(QStringLiteral("notes.txt")), QStringLiteral("classify"),
                       QStringLiteral("--as-of"), QStringLiteral("2026-06-30")});
    EXPECT_EQ(o.exitCode, 2) << o;
    EXPECT_TRUE(o.err.startsWith("error:")) << o;
}

// ---------------------------------------------------------------------------------------------
// Queue (the call list of a day)

TEST_F(Cli, QueueFileStartsWithAByteOrderMark)
{
    const QByteArray bytes = queueFile();
    EXPECT_TRUE(bytes.startsWith("\xEF\xBB\xBF")) << bytes.left(16).toHex().toStdString();
}

TEST_F(Cli, QueueFileEndsEveryLineWithCrLf)
{
    const QByteArray bytes = queueFile();
    ASSERT_FALSE(bytes.isEmpty());
    EXPECT_TRUE(bytes.endsWith("\r\n"));
    EXPECT_EQ(bytes.count("\n"), bytes.count("\r\n"));
    EXPECT_EQ(bytes.count("\r\n"), 3); // the header and two due customers
}

TEST_F(Cli, QueueListsTheDueCustomersInPriorityOrder)
{
    const auto rows = parseCsv(queueFile());
    ASSERT_EQ(rows.size(), 3u);
    const qsizetype id = rows[0].indexOf(QStringLiteral("customer_id"));
    ASSERT_GE(id, 0) << "no customer_id column";
    // Grade A (class 1) before tier C (class 3), although 3 is less overdue than 2.
    EXPECT_EQ(rows[1].value(id), QStringLiteral("3"));
    EXPECT_EQ(rows[2].value(id), QStringLiteral("2"));
}

TEST_F(Cli, QueueGivesEachRowItsReason)
{
    const auto rows = parseCsv(queueFile());
    ASSERT_EQ(rows.size(), 3u);
    const qsizetype reason = rows[0].indexOf(QStringLiteral("reason"));
    ASSERT_GE(reason, 0) << "no reason column";
    EXPECT_TRUE(rows[1].value(reason).contains(QStringLiteral("never contacted")))
        << rows[1].join(u'|').toStdString();
    EXPECT_TRUE(rows[2].value(reason).contains(QStringLiteral("win-back")))
        << rows[2].join(u'|').toStdString();
}

TEST_F(Cli, QueueShowsTheDaysOverdue)
{
    const auto rows = parseCsv(queueFile());
    ASSERT_EQ(rows.size(), 3u);
    const qsizetype overdue = rows[0].indexOf(QStringLiteral("days_overdue"));
    ASSERT_GE(overdue, 0) << "no days_overdue column";
    EXPECT_EQ(rows[1].value(overdue), QStringLiteral("90"));
    EXPECT_EQ(rows[2].value(overdue), QStringLiteral("164"));
}

TEST_F(Cli, QueueNeutralisesANameThatLooksLikeAFormula)
{
    const auto rows = parseCsv(queueFile());
    ASSERT_EQ(rows.size(), 3u);
    const qsizetype name = rows[0].indexOf(QStringLiteral("name"));
    ASSERT_GE(name, 0) << "no name column";
    EXPECT_EQ(rows[1].value(name), QStringLiteral("'=SUM(A1:A2)"));
    EXPECT_EQ(rows[2].value(name), QStringLiteral("Li \"Tiger\" Na"));
}

// ---------------------------------------------------------------------------------------------
// Export

TEST_F(Cli, ExportReproducesTheImportedFiles)
{
    importFixture();
    const QString out = path(QStringLiteral("out/export"));
    const Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("export"), out});
    ASSERT_EQ(o.exitCode, 0) << o;
    EXPECT_EQ(read(QDir(out).filePath(QStringLiteral("customers.csv"))).toStdString(),
              kCustomers.toStdString());
    EXPECT_EQ(read(QDir(out).filePath(QStringLiteral("orders.csv"))).toStdString(), kOrders.toStdString());
    EXPECT_EQ(read(QDir(out).filePath(QStringLiteral("calls.csv"))).toStdString(), kCalls.toStdString());
}

TEST_F(Cli, ExportOfAMissingDatabaseFailsWithoutCreatingIt)
{
    const Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("export"), path(QStringLiteral("out"))});
    EXPECT_EQ(o.exitCode, 2) << o;
    EXPECT_TRUE(o.err.startsWith("error:")) << o;
    EXPECT_FALSE(QFile::exists(db()));
}

// ---------------------------------------------------------------------------------------------
// Customer lists

TEST_F(Cli, ImportCustomersTakesAGbkListTwiceWithoutDuplicatesAndUndoes)
{
    // Saved by Excel on a Chinese Windows: GBK, CRLF, Chinese headers. The second row repeats the
    // first person's mobile in another format; the third has a phone Excel turned into a number.
    QStringEncoder gbk("GB18030");
    const QByteArray list = gbk(QStringLiteral("客户名称,联系人,手机,邮箱,负责人\r\n"
                                               "华信贸易,李娜,139 1234 5678,lina@huaxin.cn,孙浩\r\n"
                                               "华信贸易,李娜,+86 13912345678,,\r\n"
                                               "顺发网络,张伟,1.39123E+10,,\r\n"));
    write(QStringLiteral("list.csv"), list);
    const QString problems = path(QStringLiteral("problems.csv"));
    const Ran first = run({QStringLiteral("--db"), db(), QStringLiteral("import-customers"),
                           path(QStringLiteral("list.csv")), QStringLiteral("--problems"), problems});
    EXPECT_EQ(first.exitCode, 1) << first; // one row rejected
    EXPECT_TRUE(first.out.contains("1 created")) << first;
    EXPECT_TRUE(first.err.contains("list.csv:4: ")) << first;
    EXPECT_EQ(customersIn(db()), 1);
    const auto rows = parseCsv(read(problems));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1][1], u"张伟");
    EXPECT_EQ(rows[1][5], u"4");

    const Ran second = run(
        {QStringLiteral("--db"), db(), QStringLiteral("import-customers"), path(QStringLiteral("list.csv"))});
    EXPECT_TRUE(second.out.contains("0 created")) << second;
    EXPECT_EQ(customersIn(db()), 1);

    const Ran list2 = run({QStringLiteral("--db"), db(), QStringLiteral("imports")});
    EXPECT_EQ(list2.exitCode, 0) << list2;
    EXPECT_TRUE(list2.out.startsWith("2 ")) << list2;
    const Ran undo = run({QStringLiteral("--db"), db(), QStringLiteral("undo-import"), QStringLiteral("1")});
    EXPECT_EQ(undo.exitCode, 0) << undo;
    EXPECT_EQ(customersIn(db()), 0);
    const Ran again = run({QStringLiteral("--db"), db(), QStringLiteral("undo-import"), QStringLiteral("1")});
    EXPECT_EQ(again.exitCode, 2) << again;
}

TEST_F(Cli, ImportCustomersMapsColumnsByHandAndChecksWithDryRun)
{
    write(QStringLiteral("list.csv"), "Who;Number;Note\nAmy;+1 415 555 0100;x\n");
    const Ran dry =
        run({QStringLiteral("--db"), db(), QStringLiteral("import-customers"),
             path(QStringLiteral("list.csv")), QStringLiteral("--map"), QStringLiteral("Who=name"),
             QStringLiteral("--map"), QStringLiteral("2=phone"), QStringLiteral("--dry-run")});
    EXPECT_EQ(dry.exitCode, 0) << dry;
    EXPECT_TRUE(dry.out.contains("1 valid")) << dry;
    EXPECT_EQ(customersIn(db()), 0);
    const Ran bad =
        run({QStringLiteral("--db"), db(), QStringLiteral("import-customers"),
             path(QStringLiteral("list.csv")), QStringLiteral("--map"), QStringLiteral("Nope=name")});
    EXPECT_EQ(bad.exitCode, 64) << bad;
    const Ran unmapped = run(
        {QStringLiteral("--db"), db(), QStringLiteral("import-customers"), path(QStringLiteral("list.csv"))});
    EXPECT_EQ(unmapped.exitCode, 2) << unmapped; // no name column
    EXPECT_TRUE(unmapped.err.contains("name")) << unmapped;
}

TEST_F(Cli, ImportOrdersFindsCustomersByPhoneSkipsWhatIsThereClassifiesAndUndoes)
{
    QStringEncoder gbk("GB18030");
    write(QStringLiteral("customers.csv"),
          gbk(QStringLiteral("姓名,手机\r\n李娜,139 1234 5678\r\n张伟,137 0000 1111\r\n")));
    ASSERT_EQ(run({QStringLiteral("--db"), db(), QStringLiteral("import-customers"),
                   path(QStringLiteral("customers.csv"))})
                  .exitCode,
              0);
    // A shop system's export: the phone in another format, a refund, and a stranger's order.
    write(QStringLiteral("orders.csv"), gbk(QStringLiteral("订单号,手机,下单日期,订单金额\r\n"
                                                           "1001,+86 139-1234-5678,2026/6/1,\"¥1,200.00\"\r\n"
                                                           "1002,13700001111,2026/6/2,-50\r\n"
                                                           "1003,13600000000,2026/6/3,10\r\n")));
    const QString problems = path(QStringLiteral("orders-to-fix.csv"));
    const QStringList importOrders{QStringLiteral("--db"),          db(),
                                   QStringLiteral("import-orders"), path(QStringLiteral("orders.csv")),
                                   QStringLiteral("--as-of"),       QStringLiteral("2026-06-30"),
                                   QStringLiteral("--problems"),    problems};
    const Ran first = run(importOrders);
    EXPECT_EQ(first.exitCode, 1) << first; // the stranger's order is rejected
    EXPECT_TRUE(first.out.contains("2 valid for 2 customers, 1 rejected")) << first;
    EXPECT_TRUE(first.out.contains("Import 2: 2 orders added, 0 skipped, 1 rejected.")) << first;
    EXPECT_TRUE(first.out.contains("Classified 2 customers again as of 2026-06-30.")) << first;
    EXPECT_TRUE(first.err.contains("orders.csv:4: No customer has the phone number 13600000000.")) << first;
    const auto rows = parseCsv(read(problems));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1][0], u"1003");
    EXPECT_EQ(rows[1][4], u"4");

    const Ran second = run(importOrders);
    EXPECT_TRUE(second.out.contains("Import 3: 0 orders added, 2 skipped, 1 rejected.")) << second;

    const Ran list = run({QStringLiteral("--db"), db(), QStringLiteral("imports")});
    EXPECT_TRUE(list.out.contains("orders.csv (orders): 2 created")) << list;
    EXPECT_TRUE(list.out.contains("customers.csv (customers): 2 created")) << list;
    const Ran refused =
        run({QStringLiteral("--db"), db(), QStringLiteral("undo-import"), QStringLiteral("1")});
    EXPECT_EQ(refused.exitCode, 2) << refused; // its customers have orders now
    EXPECT_EQ(
        run({QStringLiteral("--db"), db(), QStringLiteral("undo-import"), QStringLiteral("2")}).exitCode, 0);
    EXPECT_EQ(
        run({QStringLiteral("--db"), db(), QStringLiteral("undo-import"), QStringLiteral("1")}).exitCode, 0);
    EXPECT_EQ(customersIn(db()), 0);
}

TEST_F(Cli, ImportCallsMapsColumnsByHandAndRefusesFieldsOfOrders)
{
    importFixture();
    write(QStringLiteral("calls.csv"), "who,when,how long,result\n1,2026-06-29 10:15,2:05,busy\n");
    const QStringList base{QStringLiteral("--db"),         db(),
                           QStringLiteral("import-calls"), path(QStringLiteral("calls.csv")),
                           QStringLiteral("--as-of"),      QStringLiteral("2026-06-30")};
    const Ran wrong = run(base + QStringList{QStringLiteral("--map"), QStringLiteral("who=amount")});
    EXPECT_EQ(wrong.exitCode, 64) << wrong;
    const Ran dry =
        run(base + QStringList{QStringLiteral("--map"), QStringLiteral("who=customer_id"),
                               QStringLiteral("--map"), QStringLiteral("when=date"), QStringLiteral("--map"),
                               QStringLiteral("3=duration"), QStringLiteral("--dry-run")});
    EXPECT_EQ(dry.exitCode, 0) << dry;
    EXPECT_TRUE(dry.out.contains("1 valid for 1 customers, 0 rejected")) << dry;
    EXPECT_TRUE(dry.out.contains("how long → Duration")) << dry;
    EXPECT_TRUE(dry.out.contains("result → Outcome")) << dry;
    const Ran unmapped = run(base);
    EXPECT_EQ(unmapped.exitCode, 2) << unmapped;
    EXPECT_TRUE(unmapped.err.contains("map the customer id, the phone or the e-mail")) << unmapped;
}

// ---------------------------------------------------------------------------------------------
// csv-inspect: what the reader sees

namespace {

// 姓名,电话 / 王伟,"+86 139, 分机" / 李娜 (a ragged row) / 张敏,0731-88888888 — in GB18030, CRLF.
const QByteArray kGbkFile = "\xD0\xD5\xC3\xFB,\xB5\xE7\xBB\xB0\r\n"
                            "\xCD\xF5\xCE\xB0,\"+86 139, \xB7\xD6\xBB\xFA\"\r\n"
                            "\xC0\xEE\xC4\xC8\r\n"
                            "\xD5\xC5\xC3\xF4,0731-88888888\r\n";

QJsonObject json(const Ran &o)
{
    return QJsonDocument::fromJson(o.out).object();
}

} // namespace

TEST_F(Cli, HelpListsCsvInspectAndExportCustomers)
{
    const Ran o = run({QStringLiteral("--help")});
    EXPECT_TRUE(o.err.contains("csv-inspect FILE")) << o;
    EXPECT_TRUE(o.err.contains("export-customers --out")) << o;
    EXPECT_TRUE(o.err.contains("F.xlsx")) << o;
}

TEST_F(Cli, CsvInspectHelpNamesItsOptions)
{
    const Ran o = run({QStringLiteral("csv-inspect"), QStringLiteral("--help")});
    EXPECT_EQ(o.exitCode, 0) << o;
    for (const char *option : {"--encoding", "--delimiter", "--json"})
        EXPECT_TRUE(o.out.contains(option)) << option << o;
}

TEST_F(Cli, CsvInspectDescribesAGb18030FileWithARaggedRow)
{
    write(QStringLiteral("list.csv"), kGbkFile);
    const Ran o = run({QStringLiteral("csv-inspect"), path(QStringLiteral("list.csv"))});
    EXPECT_EQ(o.exitCode, 0) << o;
    EXPECT_TRUE(o.out.contains("Encoding: GB18030, detected")) << o;
    EXPECT_TRUE(o.out.contains("Delimiter: comma (,), detected")) << o;
    EXPECT_TRUE(o.out.contains("Rows: 4 (the header and 3 more)")) << o;
    EXPECT_TRUE(o.out.contains("Fields in the header: 2")) << o;
    EXPECT_TRUE(o.out.contains("2 rows with 2 fields")) << o;
    EXPECT_TRUE(o.out.contains("1 rows with 1 fields")) << o;
    EXPECT_TRUE(o.out.contains("line 3: 1 fields")) << o;
}

TEST_F(Cli, CsvInspectJsonPrintsEveryRowAsText)
{
    write(QStringLiteral("list.csv"), kGbkFile);
    const Ran o =
        run({QStringLiteral("csv-inspect"), path(QStringLiteral("list.csv")), QStringLiteral("--json")});
    EXPECT_EQ(o.exitCode, 0) << o;
    const QJsonObject object = json(o);
    EXPECT_EQ(object.value(u"encoding").toString(), QStringLiteral("gb18030")) << o;
    EXPECT_EQ(object.value(u"delimiter").toString(), QStringLiteral(",")) << o;
    const QJsonArray rows = object.value(u"rows").toArray();
    ASSERT_EQ(rows.size(), 4) << o;
    EXPECT_EQ(rows[0].toArray(), (QJsonArray{QStringLiteral("姓名"), QStringLiteral("电话")}));
    EXPECT_EQ(rows[1].toArray(), (QJsonArray{QStringLiteral("王伟"), QStringLiteral("+86 139, 分机")}));
    EXPECT_EQ(rows[2].toArray(), (QJsonArray{QStringLiteral("李娜")}));
    EXPECT_EQ(rows[3].toArray(), (QJsonArray{QStringLiteral("张敏"), QStringLiteral("0731-88888888")}));
}

TEST_F(Cli, CsvInspectJsonOfAMalformedRecordIsTheErrorAndItsLine)
{
    write(QStringLiteral("bad.csv"), "\xEF\xBB\xBFname;note\r\nAnn;\"two\r\nlines\"\r\nBob;say \"hi\"\r\n");
    const Ran o =
        run({QStringLiteral("csv-inspect"), path(QStringLiteral("bad.csv")), QStringLiteral("--json")});
    EXPECT_EQ(o.exitCode, 1) << o;
    const QJsonObject object = json(o);
    EXPECT_EQ(object.value(u"line").toInt(), 4) << o;
    EXPECT_TRUE(object.value(u"error").toString().contains(u"quote")) << o;
    EXPECT_FALSE(object.contains(u"rows")) << o;
}

TEST_F(Cli, CsvInspectTextReportsMalformedRecordsAndExitsOne)
{
    write(QStringLiteral("bad.csv"), "a,b\n1,x\"y\n2,3\n");
    const Ran o = run({QStringLiteral("csv-inspect"), path(QStringLiteral("bad.csv"))});
    EXPECT_EQ(o.exitCode, 1) << o;
    EXPECT_TRUE(o.err.contains("error: line 2: ")) << o;
    EXPECT_TRUE(o.out.contains("Rows: 2")) << o;
}

TEST_F(Cli, CsvInspectWithAWrongEncodingNamesTheLine)
{
    write(QStringLiteral("list.csv"), kGbkFile);
    const Ran o = run({QStringLiteral("csv-inspect"), path(QStringLiteral("list.csv")),
                       QStringLiteral("--encoding"), QStringLiteral("utf-8"), QStringLiteral("--json")});
    EXPECT_EQ(o.exitCode, 1) << o;
    EXPECT_EQ(json(o).value(u"line").toInt(), 1) << o;
    const Ran text = run({QStringLiteral("csv-inspect"), path(QStringLiteral("list.csv")),
                          QStringLiteral("--encoding=UTF-8")});
    EXPECT_EQ(text.exitCode, 1) << text;
    EXPECT_TRUE(text.out.contains("Encoding: UTF-8, as given")) << text;
    EXPECT_TRUE(text.err.contains("error: line 1: ")) << text;
}

TEST_F(Cli, CsvInspectTakesTheDelimiterAsGiven)
{
    write(QStringLiteral("tabs.csv"), "a,b\tc\n1,2\t3\n");
    const Ran o = run({QStringLiteral("csv-inspect"), path(QStringLiteral("tabs.csv")),
                       QStringLiteral("--delimiter"), QStringLiteral("tab"), QStringLiteral("--json")});
    EXPECT_EQ(o.exitCode, 0) << o;
    EXPECT_EQ(json(o).value(u"delimiter").toString(), QStringLiteral("\t")) << o;
    EXPECT_EQ(json(o).value(u"rows").toArray()[1].toArray(),
              (QJsonArray{QStringLiteral("1,2"), QStringLiteral("3")}));
    const Ran semicolon = run({QStringLiteral("csv-inspect"), path(QStringLiteral("tabs.csv")),
                               QStringLiteral("--delimiter"), QStringLiteral(";")});
    EXPECT_TRUE(semicolon.out.contains("Delimiter: semicolon (;), as given")) << semicolon;
}

TEST_F(Cli, CsvInspectRejectsUnknownEncodingsAndDelimiters)
{
    write(QStringLiteral("list.csv"), "a,b\n");
    EXPECT_EQ(run({QStringLiteral("csv-inspect"), path(QStringLiteral("list.csv")),
                   QStringLiteral("--encoding"), QStringLiteral("latin1")})
                  .exitCode,
              64);
    EXPECT_EQ(run({QStringLiteral("csv-inspect"), path(QStringLiteral("list.csv")),
                   QStringLiteral("--delimiter"), QStringLiteral("|")})
                  .exitCode,
              64);
    EXPECT_EQ(run({QStringLiteral("csv-inspect")}).exitCode, 64);
}

TEST_F(Cli, CsvInspectOfAMissingFileFails)
{
    const Ran o =
        run({QStringLiteral("csv-inspect"), path(QStringLiteral("nope.csv")), QStringLiteral("--json")});
    EXPECT_EQ(o.exitCode, 2) << o;
    EXPECT_TRUE(json(o).value(u"error").toString().contains(u"nope.csv")) << o;
    const Ran text = run({QStringLiteral("csv-inspect"), path(QStringLiteral("nope.csv"))});
    EXPECT_EQ(text.exitCode, 2) << text;
    EXPECT_TRUE(text.err.startsWith("error:")) << text;
}

TEST_F(Cli, CsvInspectReadsWhatTheQueueWrites)
{
    queueFile();
    const Ran o =
        run({QStringLiteral("csv-inspect"), path(QStringLiteral("queue.csv")), QStringLiteral("--json")});
    EXPECT_EQ(o.exitCode, 0) << o;
    EXPECT_EQ(json(o).value(u"encoding").toString(), QStringLiteral("utf-8-bom"));
    EXPECT_EQ(json(o).value(u"rows").toArray().size(), 3);
}

// ---------------------------------------------------------------------------------------------
// Spreadsheet exports

TEST_F(Cli, QueueKeepsPhonesAsTextForSpreadsheets)
{
    const auto rows = parseCsv(queueFile());
    ASSERT_EQ(rows.size(), 3u);
    const qsizetype phone = rows[0].indexOf(QStringLiteral("phone"));
    ASSERT_GE(phone, 0);
    EXPECT_EQ(rows[2].value(phone), QStringLiteral("\t13900139000"));
}

TEST_F(Cli, QueueWritesAWorkbookForXlsx)
{
    importFixture();
    const QString out = path(QStringLiteral("calls.xlsx"));
    const Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("queue"), QStringLiteral("--as-of"),
                       QStringLiteral("2026-06-30"), QStringLiteral("--out"), out});
    EXPECT_EQ(o.exitCode, 0) << o;
    EXPECT_TRUE(o.err.contains("2 customers to call")) << o;
    EXPECT_TRUE(read(out).startsWith("PK\x03\x04"));
}

TEST_F(Cli, QueuePlainIsForCsvOnly)
{
    importFixture();
    const Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("queue"), QStringLiteral("--out"),
                       path(QStringLiteral("calls.xlsx")), QStringLiteral("--plain")});
    EXPECT_EQ(o.exitCode, 64) << o;
    EXPECT_FALSE(QFile::exists(path(QStringLiteral("calls.xlsx"))));
}

TEST_F(Cli, ExportCustomersWritesTheFilteredList)
{
    importFixture();
    const QString out = path(QStringLiteral("customers.csv"));
    Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("export-customers"), QStringLiteral("--out"),
                 out, QStringLiteral("--owner"), QStringLiteral("李娜")});
    ASSERT_EQ(o.exitCode, 0) << o;
    auto rows = parseCsv(read(out));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].join(u','),
              QStringLiteral("name,company,phone,email,city,owner,value_tier,segment,lifecycle,"
                             "loyalty,grade,last_contact,next_due,spend"));
    EXPECT_EQ(rows[1].value(0), QStringLiteral("Li \"Tiger\" Na")); // by name: L before 王
    EXPECT_EQ(rows[2].value(0), QStringLiteral("王伟"));
    EXPECT_EQ(rows[2].value(2), QStringLiteral("\t13800138000"));

    // Tiers come from the stored classification.
    ASSERT_EQ(run({QStringLiteral("--db"), db(), QStringLiteral("classify"), QStringLiteral("--as-of"),
                   QStringLiteral("2026-06-30")})
                  .exitCode,
              0);
    o = run({QStringLiteral("--db"), db(), QStringLiteral("export-customers"), QStringLiteral("--out"), out,
             QStringLiteral("--tier"), QStringLiteral("a")});
    ASSERT_EQ(o.exitCode, 0) << o;
    rows = parseCsv(read(out));
    ASSERT_EQ(rows.size(), 2u) << o;
    EXPECT_EQ(rows[1].value(13), QStringLiteral("900.00"));

    o = run({QStringLiteral("--db"), db(), QStringLiteral("export-customers"), QStringLiteral("--out"), out,
             QStringLiteral("--search"), QStringLiteral("Tiger")});
    ASSERT_EQ(o.exitCode, 0) << o;
    EXPECT_EQ(parseCsv(read(out)).size(), 2u);
}

TEST_F(Cli, ExportCustomersWritesAWorkbook)
{
    importFixture();
    const QString out = path(QStringLiteral("customers.xlsx"));
    const Ran o =
        run({QStringLiteral("--db"), db(), QStringLiteral("export-customers"), QStringLiteral("--out"), out});
    EXPECT_EQ(o.exitCode, 0) << o;
    EXPECT_TRUE(o.err.contains("3 customers written")) << o;
    EXPECT_TRUE(read(out).startsWith("PK\x03\x04"));
}

TEST_F(Cli, ExportCustomersChecksItsOptions)
{
    importFixture();
    EXPECT_EQ(run({QStringLiteral("--db"), db(), QStringLiteral("export-customers")}).exitCode, 64);
    EXPECT_EQ(run({QStringLiteral("--db"), db(), QStringLiteral("export-customers"), QStringLiteral("--out"),
                   path(QStringLiteral("x.csv")), QStringLiteral("--tier"), QStringLiteral("E")})
                  .exitCode,
              64);
    EXPECT_FALSE(QFile::exists(path(QStringLiteral("x.csv"))));
    const Ran o = run({QStringLiteral("--db"), db(), QStringLiteral("export-customers"),
                       QStringLiteral("--out"), path(QStringLiteral("missing/dir/x.xlsx"))});
    EXPECT_EQ(o.exitCode, 2) << o;
    EXPECT_TRUE(o.err.startsWith("error:")) << o;
}

TEST_F(Cli, ACustomerListExportedForSpreadsheetsImportsBackUnchanged)
{
    // The export guards phones with a leading tab; the import must read them back as they were.
    importFixture();
    const QString out = path(QStringLiteral("customers.csv"));
    ASSERT_EQ(
        run({QStringLiteral("--db"), db(), QStringLiteral("export-customers"), QStringLiteral("--out"), out})
            .exitCode,
        0);
    const QString other = path(QStringLiteral("other.sqlite"));
    const Ran imported = run({QStringLiteral("--db"), other, QStringLiteral("import-customers"), out});
    ASSERT_EQ(imported.exitCode, 0) << imported;
    const QString again = path(QStringLiteral("again.csv"));
    ASSERT_EQ(run({QStringLiteral("--db"), other, QStringLiteral("export-customers"), QStringLiteral("--out"),
                   again})
                  .exitCode,
              0);
    const auto before = parseCsv(read(out));
    const auto after = parseCsv(read(again));
    ASSERT_EQ(before.size(), after.size());
    for (std::size_t r = 0; r < before.size(); ++r) {
        for (int c : {0, 1, 2, 3, 4, 5}) // name, company, phone, e-mail, city, owner
            EXPECT_EQ(after[r].value(c), before[r].value(c)) << "row " << r << " column " << c;
    }
    EXPECT_TRUE(before[2].value(2).startsWith(u'\t')); // the guard was there to be read back
}
