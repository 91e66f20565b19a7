// store::Database: how a file is created, opened, refused, written under stress, and backed up.

#include "classify/classify.h"
#include "store/database.h"
#include "store/importlog.h"
#include "store/repositories.h"
#include "store/schema.h"
#include "storetests.h"
#include "support/testsupport.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>
#include <ostream>
#include <sqlite3.h>
#include <sys/stat.h>
#include <thread>

using namespace tierdesk;
using tierdesk::test::date;
using tierdesk::test::scalar;

static void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}

namespace {

/// A failed Result whose message contains every one of `needles` (case-insensitive).
template<typename T>
::testing::AssertionResult failsSaying(const Result<T> &r, std::initializer_list<QString> needles)
{
    if (r.has_value())
        return ::testing::AssertionFailure() << "succeeded, expected an error";
    for (const QString &needle : needles) {
        if (!r.error().message.contains(needle, Qt::CaseInsensitive))
            return ::testing::AssertionFailure() << "message \"" << r.error().message.toStdString()
                                                 << "\" does not mention \"" << needle.toStdString() << '"';
    }
    return ::testing::AssertionSuccess();
}

/// Makes `path` a file of schema `version`, by the migrations up to it, and runs `sql` on it
/// (which sets user_version).
void makeFileOfVersion(const QString &path, int version, const char *sql)
{
    sqlite3 *raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.toUtf8().constData(), &raw), SQLITE_OK);
    for (int v = 1; v <= version; ++v) {
        for (const char *statement : store::schema::migration(v))
            ASSERT_EQ(sqlite3_exec(raw, statement, nullptr, nullptr, nullptr), SQLITE_OK) << statement;
    }
    ASSERT_EQ(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql;
    sqlite3_close(raw);
}

/// The first column of the first row of `sql`, as text ("" when there is no row).
QString pragma(store::Database &db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db.handle(), sql, -1, &stmt, nullptr) != SQLITE_OK)
        return QStringLiteral("<prepare failed>");
    QString value;
    if (sqlite3_step(stmt) == SQLITE_ROW)
        value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    return value;
}

Customer customer(const QString &name, CustomerId id = 0)
{
    Customer c;
    c.id = id;
    c.name = name;
    c.createdAt = date("2026-01-15");
    return c;
}

qint64 customerCount(store::Database &db)
{
    auto n = store::CustomerRepository(db).count();
    EXPECT_TRUE(n.has_value());
    return n.value_or(-1);
}

class DatabaseFile : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(dir.isValid()); }
    QString path(const QString &name = QStringLiteral("tierdesk.sqlite")) const { return dir.filePath(name); }

    /// Writes `bytes` to `name` in the temporary folder and returns its path.
    QString writeFile(const QString &name, const QByteArray &bytes) const
    {
        QFile f(path(name));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        EXPECT_EQ(f.write(bytes), bytes.size());
        return f.fileName();
    }

    QByteArray readFile(const QString &file) const
    {
        QFile f(file);
        EXPECT_TRUE(f.open(QIODevice::ReadOnly));
        return f.readAll();
    }

    QTemporaryDir dir;
};

} // namespace

// ---------------------------------------------------------------------------------------------
// SQLite in the process

// The store turns SQLite's memory statistics off before main(): with them on, every allocation of
// every connection takes one mutex of the whole process, and two busy threads queue on it.
TEST(SqliteInTheProcess, KeepsNoMemoryStatisticsThatEveryAllocationWouldLockFor)
{
    sqlite3 *db = nullptr;
    ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
    const auto close = qScopeGuard([db] { sqlite3_close(db); });
    ASSERT_EQ(sqlite3_exec(db,
                           "CREATE TABLE t (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                           "FROM n WHERE i < 1000) INSERT INTO t SELECT printf('%0200d', i) FROM n",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    // With the statistics on, the connection and its 1,000 rows hold some 200 kB here.
    EXPECT_EQ(sqlite3_memory_used(), 0);
    EXPECT_EQ(sqlite3_memory_highwater(0), 0);
}

// ---------------------------------------------------------------------------------------------
// Creating and opening

TEST_F(DatabaseFile, CreatesANewFileReadableOnlyByItsOwner)
{
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    struct stat st {};
    ASSERT_EQ(::stat(QFile::encodeName(path()).constData(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(DatabaseFile, CreatesMissingParentFolders)
{
    store::Database db;
    const QString nested = dir.filePath(QStringLiteral("a/b/c/tierdesk.sqlite"));
    ASSERT_TRUE(db.open(nested));
    EXPECT_TRUE(db.isOpen());
    EXPECT_TRUE(QFileInfo(nested).isFile());
}

TEST_F(DatabaseFile, ANewDatabaseHasTheLatestSchemaVersion)
{
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    EXPECT_EQ(db.schemaVersion(), store::Database::latestSchemaVersion());
    EXPECT_EQ(pragma(db, "PRAGMA user_version"), QString::number(store::Database::latestSchemaVersion()));
}

TEST_F(DatabaseFile, ReopeningKeepsTheDataAndTheVersion)
{
    CustomerId id = 0;
    {
        store::Database db;
        ASSERT_TRUE(db.open(path()));
        auto added = store::CustomerRepository(db).add(customer(QStringLiteral("刘洋")));
        ASSERT_TRUE(added);
        id = *added;
    }
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    EXPECT_EQ(db.schemaVersion(), store::Database::latestSchemaVersion());
    auto found = store::CustomerRepository(db).find(id);
    ASSERT_TRUE(found);
    ASSERT_TRUE(found->has_value());
    EXPECT_EQ((*found)->name, QStringLiteral("刘洋"));
}

TEST_F(DatabaseFile, UsesWriteAheadLogging)
{
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    EXPECT_EQ(pragma(db, "PRAGMA journal_mode"), QStringLiteral("wal"));
}

TEST_F(DatabaseFile, EnforcesForeignKeys)
{
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    EXPECT_EQ(pragma(db, "PRAGMA foreign_keys"), QStringLiteral("1"));
}

TEST_F(DatabaseFile, SynchronousIsFull)
{
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    EXPECT_EQ(pragma(db, "PRAGMA synchronous"), QStringLiteral("2"));
}

TEST_F(DatabaseFile, TrustedSchemaIsOff)
{
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    EXPECT_EQ(pragma(db, "PRAGMA trusted_schema"), QStringLiteral("0"));
}

TEST_F(DatabaseFile, WaitsAtLeastFiveSecondsForABusyDatabase)
{
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    EXPECT_GE(pragma(db, "PRAGMA busy_timeout").toInt(), 5000);
}

TEST_F(DatabaseFile, AppliesTheRulesOnReopenToo)
{
    {
        store::Database db;
        ASSERT_TRUE(db.open(path()));
    }
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    EXPECT_EQ(pragma(db, "PRAGMA foreign_keys"), QStringLiteral("1"));
    EXPECT_EQ(pragma(db, "PRAGMA journal_mode"), QStringLiteral("wal"));
}

// ---------------------------------------------------------------------------------------------
// Files that are refused

TEST_F(DatabaseFile, RefusesAFileThatIsNotADatabase)
{
    const QString file =
        writeFile(QStringLiteral("customers-notes.txt"),
                  QByteArray("Call Mr Wang on Monday about the second order.\n").repeated(40));
    store::Database db;
    const auto opened = db.open(file);
    EXPECT_TRUE(failsSaying(
        opened, {QStringLiteral("customers-notes.txt"), QStringLiteral("not a TierDesk database")}));
    EXPECT_FALSE(db.isOpen());
}

TEST_F(DatabaseFile, RefusesAFileThatIsNotADatabaseInReadOnlyMode)
{
    const QString file = writeFile(QStringLiteral("notes.txt"), QByteArray("not a database\n").repeated(100));
    store::Database db;
    EXPECT_TRUE(failsSaying(db.open(file, store::Database::Mode::ReadOnly),
                            {QStringLiteral("notes.txt"), QStringLiteral("not a TierDesk database")}));
    EXPECT_FALSE(db.isOpen());
}

TEST_F(DatabaseFile, LeavesAFileThatIsNotADatabaseUnchanged)
{
    const QByteArray text = QByteArray("名单: 王伟, 李娜, 张敏\n").repeated(100);
    const QString file = writeFile(QStringLiteral("list.txt"), text);
    store::Database db;
    ASSERT_FALSE(db.open(file));
    db.close();
    EXPECT_EQ(readFile(file), text);
}

TEST_F(DatabaseFile, RefusesADamagedDatabase)
{
    {
        store::Database db;
        ASSERT_TRUE(db.open(path()));
        store::CustomerRepository customers(db);
        for (int i = 0; i < 200; ++i)
            ASSERT_TRUE(customers.add(customer(QStringLiteral("客户 %1 ").arg(i) + QString(400, u'x'))));
    }
    // The last connection checkpoints the log into the file: the damage below is what SQLite reads.
    ASSERT_FALSE(QFile::exists(path() + QStringLiteral("-wal")));
    {
        QFile f(path());
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        const qint64 pages = f.size() / 4096;
        ASSERT_GE(pages, 10);
        ASSERT_TRUE(f.seek((pages / 2) * 4096));
        QByteArray garbage(3 * 4096, '\0');
        for (qsizetype i = 0; i < garbage.size(); ++i)
            garbage[i] = char((i * 131 + 0xA5) & 0xff);
        ASSERT_EQ(f.write(garbage), garbage.size());
    }
    store::Database db;
    const auto opened = db.open(path());
    EXPECT_TRUE(failsSaying(opened, {QStringLiteral("tierdesk.sqlite"), QStringLiteral("damaged")}));
    EXPECT_FALSE(db.isOpen());
}

TEST_F(DatabaseFile, RefusesADatabaseOfANewerVersion)
{
    {
        store::Database db;
        ASSERT_TRUE(db.open(path()));
        ASSERT_TRUE(db.exec("PRAGMA user_version = 99"));
    }
    store::Database db;
    const auto opened = db.open(path());
    EXPECT_TRUE(failsSaying(opened, {QStringLiteral("tierdesk.sqlite"), QStringLiteral("newer version")}));
    EXPECT_FALSE(db.isOpen());
}

TEST_F(DatabaseFile, AVersionOneDatabaseIsMigratedAndKeepsItsImportLog)
{
    // A file made by the first schema, with a customer import in its log.
    ASSERT_NO_FATAL_FAILURE(
        makeFileOfVersion(path(), 1,
                          "INSERT INTO import_batches (source, imported_at, created) "
                          "VALUES ('old.csv', '2026-01-02T03:04:05Z', 7); PRAGMA user_version = 1"));
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    EXPECT_EQ(db.schemaVersion(), store::Database::latestSchemaVersion());
    auto batches = store::ImportLog(db).batches();
    ASSERT_TRUE(batches);
    ASSERT_EQ(batches->size(), 1u);
    EXPECT_EQ(batches->front().source, QStringLiteral("old.csv"));
    EXPECT_EQ(batches->front().kind, store::ImportKind::Customers);
    EXPECT_EQ(batches->front().created, 7);
    EXPECT_EQ(pragma(db, "SELECT count(*) FROM import_records"), QStringLiteral("0"));
}

TEST_F(DatabaseFile, AVersionThreeDatabaseGetsTheHistoryDigestsBuiltByItsFirstClassification)
{
    // A file of schema 3 with a customer, an order and a call.
    ASSERT_NO_FATAL_FAILURE(makeFileOfVersion(
        path(), 3,
        "INSERT INTO customers (id, name, created_at) VALUES (5, 'Li', '2025-01-01');"
        "INSERT INTO orders (customer_id, ordered_at, amount) VALUES (5, '2026-06-01', 900);"
        "INSERT INTO calls (customer_id, called_at, direction, outcome) "
        "VALUES (5, '2026-06-02T10:00:00', 'out', 'busy'); PRAGMA user_version = 3"));
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    EXPECT_EQ(db.schemaVersion(), store::Database::latestSchemaVersion());
    // Not built by the upgrade: by the first classification.
    EXPECT_EQ(pragma(db, "SELECT built FROM customer_history_state"), QStringLiteral("0"));
    EXPECT_EQ(pragma(db, "SELECT count(*) FROM customer_history"), QStringLiteral("0"));
    auto facts = store::MetricsQuery(db).all(QDate(2026, 6, 30), classify::Settings{});
    ASSERT_TRUE(facts);
    ASSERT_EQ(facts->size(), 1u);
    EXPECT_EQ(facts->front().monetary, 900);
    EXPECT_EQ(facts->front().lastOrder, QDate(2026, 6, 1));
    EXPECT_EQ(facts->front().lastContact, QDate(2026, 6, 2));
    EXPECT_EQ(facts->front().lastOutcome, Outcome::Busy);
    EXPECT_EQ(pragma(db, "SELECT built FROM customer_history_state"), QStringLiteral("1"));
    EXPECT_EQ(pragma(db, "SELECT customer_id FROM customer_history"), QStringLiteral("5"));
    EXPECT_EQ(pragma(db, "SELECT orders_upto || ',' || calls_upto FROM customer_history_state"),
              QStringLiteral("1,1"));
    // The upgrade's triggers list the customer of an order the digests hold when it changes.
    ASSERT_TRUE(db.exec("UPDATE orders SET amount = 1"));
    EXPECT_EQ(pragma(db, "SELECT customer_id FROM customer_history_dirty"), QStringLiteral("5"));
}

TEST_F(DatabaseFile, AVersionFourDatabaseLosesTheTwoCustomerIndexesOthersRepeatAndKeepsItsCustomers)
{
    ASSERT_NO_FATAL_FAILURE(
        makeFileOfVersion(path(), 4,
                          "INSERT INTO customers (id, name, created_at, owner, phone_key) VALUES "
                          "(5, 'Li', '2025-01-01', 'Anna', '13800138000'); PRAGMA user_version = 4"));
    const auto customerIndexes = [](store::Database &db) {
        return pragma(db, "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema WHERE type = "
                          "'index' AND tbl_name = 'customers' AND sql IS NOT NULL ORDER BY name)");
    };
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    EXPECT_EQ(db.schemaVersion(), store::Database::latestSchemaVersion());
    EXPECT_EQ(customerIndexes(db), QStringLiteral("customers_by_company customers_by_name customers_by_owner "
                                                  "customers_by_phone customers_email_key"));
    EXPECT_EQ(pragma(db, "SELECT id || ' ' || owner || ' ' || phone_key FROM customers"),
              QStringLiteral("5 Anna 13800138000"));
    EXPECT_EQ(pragma(db, "PRAGMA integrity_check"), QStringLiteral("ok"));

    // A new file has the same ones.
    store::Database fresh;
    ASSERT_TRUE(fresh.open(dir.filePath(QStringLiteral("new.sqlite"))));
    EXPECT_EQ(customerIndexes(fresh), customerIndexes(db));
}

TEST_F(DatabaseFile, AVersionFiveDatabaseKeepsItsSearchIndexAndHasNoTextPending)
{
    ASSERT_NO_FATAL_FAILURE(makeFileOfVersion(path(), 5,
                                              "INSERT INTO customers (id, name, created_at) VALUES "
                                              "(5, 'Li Wei', '2025-01-01'); INSERT INTO customer_search "
                                              "(rowid, text) VALUES (5, 'li wei'); PRAGMA user_version = 5"));
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    EXPECT_EQ(db.schemaVersion(), 6);
    EXPECT_EQ(pragma(db, "SELECT count(*) FROM customer_search_pending"), QStringLiteral("0"));
    EXPECT_EQ(pragma(db, "SELECT id || ' ' || changes FROM customer_search_pending_state"),
              QStringLiteral("1 0"));
    EXPECT_EQ(pragma(db, "SELECT rowid FROM customer_search WHERE customer_search MATCH 'wei'"),
              QStringLiteral("5"));
    // One row of state, no more.
    EXPECT_FALSE(db.exec("INSERT INTO customer_search_pending_state (id, changes) VALUES (2, 0)"));
    EXPECT_EQ(pragma(db, "PRAGMA integrity_check"), QStringLiteral("ok"));
}

namespace {

/// The named indexes of the classification table, by name.
QString classificationIndexes(store::Database &db)
{
    return pragma(db, "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema WHERE type = "
                      "'index' AND tbl_name = 'classification' AND sql IS NOT NULL ORDER BY name)");
}

void classifyAsOf(store::Database &db, QDate asOf)
{
    auto facts = store::MetricsQuery(db).all(asOf, classify::Settings{});
    ASSERT_TRUE(facts);
    const classify::Run run = classify::run(*facts, classify::Settings{}, asOf);
    ASSERT_TRUE(store::ClassificationStore(db).replace(*facts, run, 0));
}

} // namespace

TEST_F(DatabaseFile, TheFirstRunThatWritesDropsTheNineIndexesTheClassificationHadBefore)
{
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    // A new file has them as a file of before has them: opening does not drop them (it would hold
    // the window for most of a second on a big database).
    const QString before = QStringLiteral(
        "classification_by_contact classification_by_due classification_by_grade classification_by_lifecycle "
        "classification_by_loyalty classification_by_monetary classification_by_segment "
        "classification_by_tier "
        "classification_queue");
    EXPECT_EQ(classificationIndexes(db), before);
    for (int id : {5, 6, 7}) {
        Customer c;
        c.id = id;
        c.name = QStringLiteral("C%1").arg(id);
        c.createdAt = QDate(2025, 1, 1);
        ASSERT_TRUE(store::CustomerRepository(db).add(c));
        Order o;
        o.customerId = id;
        o.orderedAt = QDate(2026, 6, 1);
        o.amount = 100 * id;
        ASSERT_TRUE(store::OrderRepository(db).add(o));
    }
    ASSERT_TRUE(db.exec("UPDATE customers SET archived = 1 WHERE id = 6"));

    // The first run fills an empty table: the nine go, and the archived customers' index comes.
    classifyAsOf(db, QDate(2026, 6, 29));
    EXPECT_EQ(classificationIndexes(db), QStringLiteral("classification_archived"));
    EXPECT_EQ(pragma(db, "SELECT group_concat(customer_id) FROM classification INDEXED BY "
                         "classification_archived WHERE archived = 1"),
              QStringLiteral("6"));

    // A database classified by a version of before, classified again the same day: no row changes,
    // so nothing is rewritten.
    for (const char *name : store::schema::retiredClassificationIndexes()) {
        const QByteArray sql = QByteArray("CREATE INDEX ") + name + " ON classification (archived, monetary)";
        ASSERT_TRUE(db.exec(sql.constData()));
    }
    ASSERT_TRUE(db.exec("DROP INDEX classification_archived"));
    classifyAsOf(db, QDate(2026, 6, 29));
    EXPECT_EQ(classificationIndexes(db), QStringLiteral("classification_archived"));
    EXPECT_EQ(pragma(db, "SELECT group_concat(customer_id) FROM classification"), QStringLiteral("5,6,7"));
    EXPECT_EQ(pragma(db, "SELECT group_concat(customer_id) FROM classification INDEXED BY "
                         "classification_archived WHERE archived = 1"),
              QStringLiteral("6"));
    // Archiving and restoring keep it in step.
    ASSERT_TRUE(db.exec("UPDATE customers SET archived = 1 WHERE id = 7"));
    ASSERT_TRUE(db.exec("UPDATE customers SET archived = 0 WHERE id = 6"));
    EXPECT_EQ(pragma(db, "SELECT group_concat(customer_id) FROM classification INDEXED BY "
                         "classification_archived WHERE archived = 1"),
              QStringLiteral("7"));
}

TEST_F(DatabaseFile, RefusesAFolder)
{
    const QString folder = dir.filePath(QStringLiteral("backups"));
    ASSERT_TRUE(QDir().mkpath(folder));
    store::Database db;
    EXPECT_TRUE(failsSaying(db.open(folder), {QStringLiteral("backups"), QStringLiteral("folder")}));
    EXPECT_FALSE(db.isOpen());
}

TEST_F(DatabaseFile, ReadOnlyModeDoesNotCreateAMissingFile)
{
    store::Database db;
    EXPECT_TRUE(failsSaying(db.open(path(), store::Database::Mode::ReadOnly),
                            {QStringLiteral("tierdesk.sqlite"), QStringLiteral("does not exist")}));
    EXPECT_FALSE(db.isOpen());
    EXPECT_FALSE(QFile::exists(path()));
}

TEST_F(DatabaseFile, MemoryIsADatabaseInMemoryWithoutAFile)
{
    // `tierdesk --db :memory:` names SQLite's database in memory, not a file in the folder the
    // program was started from.
    const QString before = QDir::currentPath();
    ASSERT_TRUE(QDir::setCurrent(dir.path()));
    {
        store::Database db;
        ASSERT_TRUE(db.open(QStringLiteral(":memory:")));
        EXPECT_EQ(db.schemaVersion(), store::Database::latestSchemaVersion());
        EXPECT_TRUE(db.exec("CREATE TABLE t (x)"));
    }
    QDir::setCurrent(before);
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty())
        << QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).join(u' ').toStdString();
}

// ---------------------------------------------------------------------------------------------
// Writes that fail

TEST_F(DatabaseFile, AWriteInReadOnlyModeFailsAndChangesNothing)
{
    CustomerId id = 0;
    {
        store::Database db;
        ASSERT_TRUE(db.open(path()));
        auto added = store::CustomerRepository(db).add(customer(QStringLiteral("周杰")));
        ASSERT_TRUE(added);
        id = *added;
    }
    store::Database db;
    ASSERT_TRUE(db.open(path(), store::Database::Mode::ReadOnly));
    store::CustomerRepository customers(db);
    const auto added = customers.add(customer(QStringLiteral("孙丽")));
    EXPECT_TRUE(failsSaying(added, {QStringLiteral("read-only")}));
    // A sentence for people, not SQLite's "attempt to write a readonly database".
    EXPECT_FALSE(added.error().message.contains(QStringLiteral("attempt to write")));
    EXPECT_EQ(customerCount(db), 1);
    auto found = customers.find(id);
    ASSERT_TRUE(found && found->has_value());
    EXPECT_EQ((*found)->name, QStringLiteral("周杰"));
}

TEST_F(DatabaseFile, AWriteWhileAnotherConnectionWritesFailsAsBusy)
{
    store::Database first;
    ASSERT_TRUE(first.open(path()));
    store::Database second;
    ASSERT_TRUE(second.open(path()));
    auto holding = second.beginWrite();
    ASSERT_TRUE(holding);

    // Waits for the busy timeout (5 s), then gives up.
    const auto added = store::CustomerRepository(first).add(customer(QStringLiteral("吴刚")));
    EXPECT_TRUE(failsSaying(added, {QStringLiteral("busy")}));
    holding->rollback();
    EXPECT_EQ(customerCount(first), 0);
}

TEST_F(DatabaseFile, AFullDiskFailsTheWriteAndKeepsWhatWasCommitted)
{
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    store::CustomerRepository customers(db);
    auto kept = customers.add(customer(QStringLiteral("郑爽")));
    ASSERT_TRUE(kept);

    const int pages = pragma(db, "PRAGMA page_count").toInt();
    ASSERT_GT(pages, 0);
    const QByteArray limit = "PRAGMA max_page_count = " + QByteArray::number(pages + 4);
    ASSERT_TRUE(db.exec(limit.constData()));

    Result<CustomerId> added = CustomerId(0);
    int written = 0;
    for (int i = 0; i < 500 && added; ++i) {
        added = customers.add(customer(QStringLiteral("客户 %1 ").arg(i) + QString(2000, u'y')));
        if (added)
            ++written;
    }
    ASSERT_FALSE(added) << "the page limit was never reached";
    EXPECT_TRUE(failsSaying(added, {QStringLiteral("disk is full")}));
    EXPECT_EQ(customerCount(db), 1 + written);
    auto found = customers.find(*kept);
    ASSERT_TRUE(found && found->has_value());
    EXPECT_EQ((*found)->name, QStringLiteral("郑爽"));
}

// ---------------------------------------------------------------------------------------------
// Transactions

TEST_F(DatabaseFile, ATransactionDestroyedWithoutCommitRollsBack)
{
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    {
        auto tx = db.beginWrite();
        ASSERT_TRUE(tx);
        ASSERT_TRUE(db.exec("INSERT INTO customers (id, name, created_at) VALUES (7, 'x', '2026-01-01')"));
        EXPECT_EQ(customerCount(db), 1);
    }
    EXPECT_EQ(customerCount(db), 0);
    EXPECT_NE(sqlite3_get_autocommit(db.handle()), 0) << "the transaction is still open";
}

TEST_F(DatabaseFile, ACommittedTransactionKeepsItsChanges)
{
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    {
        auto tx = db.beginWrite();
        ASSERT_TRUE(tx);
        ASSERT_TRUE(db.exec("INSERT INTO customers (id, name, created_at) VALUES (7, 'x', '2026-01-01')"));
        ASSERT_TRUE(tx->commit());
    }
    EXPECT_EQ(customerCount(db), 1);
}

// ---------------------------------------------------------------------------------------------
// Backups

TEST_F(DatabaseFile, ABackupOpensAndHoldsTheData)
{
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    auto id = store::CustomerRepository(db).add(customer(QStringLiteral("钱多多")));
    ASSERT_TRUE(id);
    const QString target = path(QStringLiteral("backup.sqlite"));
    ASSERT_TRUE(db.backupTo(target));

    store::Database copy;
    ASSERT_TRUE(copy.open(target, store::Database::Mode::ReadOnly));
    auto found = store::CustomerRepository(copy).find(*id);
    ASSERT_TRUE(found && found->has_value());
    EXPECT_EQ((*found)->name, QStringLiteral("钱多多"));
}

TEST_F(DatabaseFile, ABackupLeavesNoPartialFile)
{
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    ASSERT_TRUE(store::CustomerRepository(db).add(customer(QStringLiteral("钱多多"))));
    const QString target = path(QStringLiteral("backup.sqlite"));
    ASSERT_TRUE(db.backupTo(target));
    EXPECT_TRUE(QFile::exists(target));
    EXPECT_FALSE(QFile::exists(target + QStringLiteral(".partial")));
}

TEST_F(DatabaseFile, ABackupReplacesAnOlderBackup)
{
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    store::CustomerRepository customers(db);
    ASSERT_TRUE(customers.add(customer(QStringLiteral("一"))));
    const QString target = path(QStringLiteral("backup.sqlite"));
    ASSERT_TRUE(db.backupTo(target));
    ASSERT_TRUE(customers.add(customer(QStringLiteral("二"))));
    ASSERT_TRUE(db.backupTo(target));

    store::Database copy;
    ASSERT_TRUE(copy.open(target, store::Database::Mode::ReadOnly));
    EXPECT_EQ(customerCount(copy), 2);
}

TEST_F(DatabaseFile, ABackupIsReadableOnlyByItsOwner)
{
    // The copy holds the same customer data as the database, which is created 0600.
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    ASSERT_TRUE(store::CustomerRepository(db).add(customer(QStringLiteral("钱多多"))));
    const QString target = path(QStringLiteral("backup.sqlite"));
    ASSERT_TRUE(db.backupTo(target));
    struct stat st {};
    ASSERT_EQ(::stat(QFile::encodeName(target).constData(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST(DatabaseTransactions, AWriteInsideABatchJoinsItAndRollsBackWithIt)
{
    store::Database db;
    ASSERT_TRUE(db.openInMemory());
    store::CustomerRepository repo(db);
    Customer c;
    c.name = QStringLiteral("Batch");
    c.createdAt = QDate(2026, 1, 1);
    {
        auto outer = db.beginWrite();
        ASSERT_TRUE(outer);
        ASSERT_TRUE(repo.add(c)); // its own transaction becomes a savepoint
        ASSERT_TRUE(repo.add(c));
        EXPECT_EQ(repo.count().value_or(-1), 2);
        // A nested write that fails undoes only itself.
        {
            auto inner = db.beginWrite();
            ASSERT_TRUE(inner);
            ASSERT_TRUE(db.exec("DELETE FROM customers"));
            inner->rollback();
        }
        EXPECT_EQ(repo.count().value_or(-1), 2);
        outer->rollback();
    }
    EXPECT_EQ(repo.count().value_or(-1), 0);

    auto outer = db.beginWrite();
    ASSERT_TRUE(outer);
    ASSERT_TRUE(repo.add(c));
    ASSERT_TRUE(outer->commit());
    EXPECT_EQ(repo.count().value_or(-1), 1);
}

TEST(DatabaseStopWhen, AStatementStopsOnceTheFlagIsSetAndRunsAgainWithoutIt)
{
    store::Database db;
    ASSERT_TRUE(db.openInMemory());
    auto stop = std::make_shared<std::atomic<bool>>(true);
    db.stopWhen(stop);
    const char *slow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
                       "SELECT count(*) FROM n";
    EXPECT_FALSE(db.exec(slow));
    *stop = false;
    EXPECT_TRUE(db.exec(slow));
    *stop = true;
    db.stopWhen(nullptr);
    EXPECT_TRUE(db.exec(slow));
}

// ---------------------------------------------------------------------------------------------
// Checkpoints in the background

namespace {

/// Commits some 1,200 pages of 16 KiB in one transaction: more than the log may hold before a
/// checkpoint is due.
void writeALotInOneCommit(store::Database &db)
{
    ASSERT_TRUE(db.exec("CREATE TABLE IF NOT EXISTS filler (x BLOB)"));
    ASSERT_TRUE(db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200) "
                        "INSERT INTO filler SELECT randomblob(14000) FROM n"));
}

qint64 sizeOf(const QString &file)
{
    return QFileInfo(file).size();
}

} // namespace

TEST_F(DatabaseFile, BackgroundCheckpointsCopyWhatAReaderHeldBackOnceItIsDoneWithoutAnotherCommit)
{
    store::Database::setCheckpointRetry(50);
    const auto restore = qScopeGuard([] { store::Database::setCheckpointRetry(1000); });
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    db.checkpointInBackground();
    // SQLite's own checkpoint in the commit is off.
    EXPECT_EQ(pragma(db, "PRAGMA wal_autocheckpoint"), QStringLiteral("0"));

    // A reader in the middle of a read: no checkpoint can copy what is committed after it began.
    sqlite3 *reader = nullptr;
    ASSERT_EQ(sqlite3_open_v2(QFile::encodeName(path()).constData(), &reader, SQLITE_OPEN_READONLY, nullptr),
              SQLITE_OK);
    const auto closeReader = qScopeGuard([reader] { sqlite3_close(reader); });
    ASSERT_EQ(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM customers", nullptr, nullptr, nullptr),
              SQLITE_OK);
    const qint64 before = sizeOf(path());
    writeALotInOneCommit(db);
    QThread::msleep(200);
    EXPECT_LT(sizeOf(path()), before + (16 << 20)); // still in the log only
    EXPECT_GT(sizeOf(path() + QStringLiteral("-wal")), qint64(16) << 20);

    // Once the reader is done, the log goes into the file with no commit to set it off.
    ASSERT_EQ(sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
    for (int i = 0; i < 500 && sizeOf(path()) < before + (16 << 20); ++i)
        QThread::msleep(10);
    EXPECT_GE(sizeOf(path()), before + (16 << 20));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM filler"), 1200);
}

TEST_F(DatabaseFile, ClosingWithBackgroundCheckpointsEmptiesTheLogThoughAReadOnlyConnectionStaysOpen)
{
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    db.checkpointInBackground();
    // A worker's kept connection: read-only, so it cannot copy the log when it is the last one.
    store::Database reader;
    ASSERT_TRUE(reader.open(path(), store::Database::Mode::ReadOnlyUnchecked));
    writeALotInOneCommit(db);
    db.close();
    EXPECT_EQ(sizeOf(path() + QStringLiteral("-wal")), 0);
    EXPECT_EQ(scalar(reader, "SELECT count(*) FROM filler"), 1200);
    reader.close();
    // What was written is in the file itself.
    ASSERT_TRUE(db.open(path(), store::Database::Mode::ReadOnly));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM filler"), 1200);
}

TEST_F(DatabaseFile, ClosingWithBackgroundCheckpointsWaitsForAReaderToFinishItsReadToEmptyTheLog)
{
    store::Database db;
    ASSERT_TRUE(db.open(path()));
    db.checkpointInBackground();
    writeALotInOneCommit(db);
    // A view's worker still in a read as the window closes; it ends its read a moment later.
    sqlite3 *reader = nullptr;
    ASSERT_EQ(sqlite3_open_v2(QFile::encodeName(path()).constData(), &reader, SQLITE_OPEN_READONLY, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM filler", nullptr, nullptr, nullptr),
              SQLITE_OK);
    std::thread done([reader] {
        QThread::msleep(100);
        sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr);
    });
    db.close();
    done.join();
    EXPECT_EQ(sizeOf(path() + QStringLiteral("-wal")), 0);
    sqlite3_close(reader);
}
