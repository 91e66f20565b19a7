// A big import into an empty database file leaves the customer list's index by company out, and
// the build afterwards creates it (deferredindexes.h): the list sorts the same meanwhile, writes
// meanwhile are kept, and the index built is the one a new database has.

#include "store/bulk.h"
#include "store/customerquery.h"
#include "store/database.h"
#include "store/deferredindexes.h"
#include "store/repositories.h"
#include "store/schema.h"
#include "store/searchindex.h"
#include "storetests.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace tierdesk::test {
namespace {

Customer atCompany(CustomerId id, const QString &company)
{
    Customer c;
    c.id = id;
    c.name = QStringLiteral("客户 %1").arg(id);
    c.company = company;
    c.createdAt = QDate(2026, 1, 5);
    return c;
}

/// Two customers at Alpha, one at Zeta, one without a company.
std::vector<Customer> fourCustomers()
{
    return {atCompany(1, QStringLiteral("Zeta")), atCompany(2, QStringLiteral("Alpha")), atCompany(3, {}),
            atCompany(4, QStringLiteral("Alpha"))};
}

class DeferredIndexes : public BigImportFile {
protected:
    static QList<QByteArray> missing(store::Database &of)
    {
        auto names = store::deferredindexes::missing(of.handle());
        EXPECT_TRUE(names);
        return names ? *names : QList<QByteArray>{QByteArrayLiteral("(error)")};
    }

    /// The ids of the customer list in its order by company.
    std::vector<CustomerId> byCompany(bool descending)
    {
        auto rows = store::CustomerQuery(db).page({}, store::CustomerSort::Company, descending, 0, 100);
        EXPECT_TRUE(rows);
        std::vector<CustomerId> ids;
        if (rows) {
            for (const store::CustomerRow &r : *rows)
                ids.push_back(r.id);
        }
        return ids;
    }

    /// The statement that created the index, as the file keeps it; empty when it has none.
    static QByteArray definition(store::Database &of, const char *index)
    {
        sqlite3_stmt *stmt = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(of.handle(), "SELECT sql FROM sqlite_schema WHERE name = ?1", -1, &stmt,
                                     nullptr),
                  SQLITE_OK);
        sqlite3_bind_text(stmt, 1, index, -1, SQLITE_STATIC);
        QByteArray sql;
        if (sqlite3_step(stmt) == SQLITE_ROW)
            sql = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
        sqlite3_finalize(stmt);
        return sql;
    }
};

using Ids = std::vector<CustomerId>;
const QList<QByteArray> kCompany{QByteArrayLiteral("customers_by_company")};

TEST(DeferredIndexList, EachIsAnIndexTheImportDropsAndBuildsWithTheSameStatement)
{
    ASSERT_FALSE(store::schema::deferredIndexes().empty());
    for (const store::schema::Index &deferred : store::schema::deferredIndexes()) {
        bool found = false;
        for (const store::schema::Index &index : store::schema::importIndexes()) {
            if (QByteArrayView(index.name) == QByteArrayView(deferred.name)) {
                found = true;
                EXPECT_EQ(QByteArrayView(index.create), QByteArrayView(deferred.create)) << deferred.name;
            }
        }
        EXPECT_TRUE(found) << deferred.name;
    }
}

TEST_F(DeferredIndexes, ANewDatabaseHasThemAll)
{
    EXPECT_EQ(missing(db), QList<QByteArray>());
}

TEST_F(DeferredIndexes, AnImportOfFewCustomersBuildsThemAtItsCommit)
{
    importCustomers(db, {atCompany(1, QStringLiteral("Zeta"))});
    EXPECT_EQ(missing(db), QList<QByteArray>());
}

TEST_F(DeferredIndexes, ABigImportIntoAFileLeavesTheIndexByCompanyOutAndTheListSortsTheSame)
{
    importCustomers(db, fourCustomers());
    EXPECT_EQ(missing(db), kCompany);
    EXPECT_EQ(definition(db, "customers_by_company"), QByteArray());
    // Every other index of the import is there.
    EXPECT_FALSE(definition(db, "customers_by_name").isEmpty());
    EXPECT_FALSE(definition(db, "customers_by_phone").isEmpty());
    // Customers without a company come last either way.
    EXPECT_EQ(byCompany(false), Ids({2, 4, 1, 3}));
    EXPECT_EQ(byCompany(true), Ids({1, 4, 2, 3}));
}

TEST_F(DeferredIndexes, SomethingIsLeftForLaterUntilBothTheIndexAndTheSearchTextsAreBuilt)
{
    const auto left = [&] {
        auto answer = store::deferredindexes::leftForLater(db.handle());
        EXPECT_TRUE(answer);
        return answer && *answer;
    };
    EXPECT_FALSE(left()); // a new database
    importCustomers(db, fourCustomers());
    EXPECT_TRUE(left());
    ASSERT_TRUE(store::deferredindexes::build(db));
    EXPECT_TRUE(left()); // the search texts still pending
    ASSERT_TRUE(store::PendingSearchBuild::run(db));
    EXPECT_FALSE(left());
    // The texts alone: an index dropped again is left for later too.
    ASSERT_TRUE(db.exec("DROP INDEX customers_by_company"));
    EXPECT_TRUE(left());
}

TEST_F(DeferredIndexes, TheBuildCreatesTheIndexANewDatabaseHas)
{
    importCustomers(db, fourCustomers());
    auto built = store::deferredindexes::build(db);
    ASSERT_TRUE(built) << built.error().detail.toStdString();
    EXPECT_EQ(*built, 1);
    EXPECT_EQ(missing(db), QList<QByteArray>());
    store::Database fresh;
    ASSERT_TRUE(fresh.open(dir.filePath(QStringLiteral("new.sqlite"))));
    EXPECT_FALSE(definition(fresh, "customers_by_company").isEmpty());
    EXPECT_EQ(definition(db, "customers_by_company"), definition(fresh, "customers_by_company"));
    // It holds every customer, and the list reads its order from it.
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM customers INDEXED BY customers_by_company WHERE archived = 0 "
                         "AND company IS NOT NULL"),
              3);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
    EXPECT_EQ(byCompany(false), Ids({2, 4, 1, 3}));
    EXPECT_EQ(byCompany(true), Ids({1, 4, 2, 3}));
    // Nothing left to do.
    auto again = store::deferredindexes::build(db);
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, 0);
}

TEST_F(DeferredIndexes, WritesBeforeTheBuildAreInTheIndex)
{
    importCustomers(db, fourCustomers());
    store::CustomerRepository customers(db);
    Customer moved = fourCustomers()[0];
    moved.company = QStringLiteral("Beta");
    ASSERT_TRUE(customers.update(moved));
    auto added = customers.add(atCompany(0, QStringLiteral("Aardvark")));
    ASSERT_TRUE(added);
    // A second import, into a database that has customers now, leaves the index missing.
    importCustomers(db, {atCompany(10, QStringLiteral("Alpha")), atCompany(11, QStringLiteral("Omega"))});
    EXPECT_EQ(missing(db), kCompany);
    const Ids expected{*added, 2, 4, 10, 1, 11, 3};
    EXPECT_EQ(byCompany(false), expected);

    ASSERT_TRUE(store::deferredindexes::build(db));
    EXPECT_EQ(byCompany(false), expected);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM customers INDEXED BY customers_by_company WHERE archived = 0 "
                         "AND company IS NOT NULL"),
              6);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
}

TEST_F(DeferredIndexes, ABuildStoppedRollsBackAndTheNextOneBuilds)
{
    // Enough customers for the sort to reach the stop flag (looked at every 1,000 steps of SQLite).
    std::vector<Customer> many;
    for (int id = 1; id <= 3000; ++id)
        many.push_back(atCompany(id, QStringLiteral("Company %1").arg(id % 97)));
    importCustomers(db, many);
    auto stop = std::make_shared<std::atomic<bool>>(true);
    db.stopWhen(stop);
    auto stopped = store::deferredindexes::build(db);
    db.stopWhen(nullptr);
    ASSERT_FALSE(stopped);
    EXPECT_TRUE(
        stopped.error().message.startsWith(QStringLiteral("The customer list's indexes could not be built.")))
        << stopped.error().message.toStdString();
    EXPECT_EQ(missing(db), kCompany);
    EXPECT_FALSE(db.inTransaction());

    auto built = store::deferredindexes::build(db);
    ASSERT_TRUE(built);
    EXPECT_EQ(*built, 1);
}

TEST_F(DeferredIndexes, ABuildThatCannotTakeTheWriteLockFailsAndKeepsNothing)
{
    importCustomers(db, fourCustomers());
    sqlite3 *other = nullptr;
    ASSERT_EQ(sqlite3_open(path().toUtf8().constData(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_busy_timeout(db.handle(), 0);
    auto refused = store::deferredindexes::build(db);
    ASSERT_EQ(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(other);
    ASSERT_FALSE(refused);
    EXPECT_FALSE(refused.error().message.isEmpty());
    EXPECT_EQ(missing(db), kCompany);
    EXPECT_FALSE(db.inTransaction());
}

TEST_F(DeferredIndexes, ABuildOfAnotherConnectionLeavesNothingToDo)
{
    importCustomers(db, fourCustomers());
    store::Database other;
    ASSERT_TRUE(other.open(path()));
    EXPECT_EQ(missing(other), kCompany);
    auto first = store::deferredindexes::build(other);
    ASSERT_TRUE(first);
    EXPECT_EQ(*first, 1);
    auto second = store::deferredindexes::build(db);
    ASSERT_TRUE(second);
    EXPECT_EQ(*second, 0);
}

TEST_F(DeferredIndexes, TheBuildDoesNotMakeTheStoredClassificationLookOutOfDate)
{
    importCustomers(db, fourCustomers());
    auto before = db.writeGeneration();
    ASSERT_TRUE(before);
    ASSERT_TRUE(store::deferredindexes::build(db));
    auto after = db.writeGeneration();
    ASSERT_TRUE(after);
    EXPECT_EQ(*after, *before);
}

TEST_F(DeferredIndexes, ABigImportIntoADatabaseInMemoryBuildsThemAtItsCommit)
{
    // Nothing would build them afterwards.
    store::Database memory;
    ASSERT_TRUE(memory.openInMemory());
    importCustomers(memory, fourCustomers());
    EXPECT_EQ(missing(memory), QList<QByteArray>());
}

TEST_F(DeferredIndexes, AnImportIntoTheFileAgainWhenEmptyLeavesItOutOnlyWhenBig)
{
    importCustomers(db, fourCustomers());
    ASSERT_TRUE(db.exec("DELETE FROM customers"));
    store::BulkImport::setIndexedAtCommit(20000);
    importCustomers(db, fourCustomers());
    EXPECT_EQ(missing(db), QList<QByteArray>());
}

TEST_F(DeferredIndexes, BothBuildsReadThroughASmallPageCacheAndTheConnectionKeepsItsSize)
{
    // The window's build runs beside everything else it holds: at a million customers the table
    // read once, and the search index written once, stayed in a 32 MiB cache of their own.
    std::vector<Customer> many;
    for (CustomerId id = 1; id <= 60'000; ++id)
        many.push_back(atCompany(id, QStringLiteral("公司 %1 有限公司").arg(id % 977)));
    importCustomers(db, many);
    ASSERT_EQ(missing(db), QList<QByteArray>({QByteArrayLiteral("customers_by_company")}));
    ASSERT_EQ(scalar(db, "PRAGMA cache_size"), -32768);
    constexpr qint64 kSmall = 3 * 1024 * 1024;

    auto built = store::deferredindexes::build(db);
    ASSERT_TRUE(built) << built.error().detail.toStdString();
    EXPECT_EQ(*built, 1);
    EXPECT_LE(pageCacheUsed(db), kSmall);
    EXPECT_EQ(scalar(db, "PRAGMA cache_size"), -32768);

    store::PendingSearchBuild search(db);
    auto texts = search.prepare();
    ASSERT_TRUE(texts) << texts.error().detail.toStdString();
    EXPECT_EQ(*texts, 60'000);
    EXPECT_LE(pageCacheUsed(db), kSmall);
    ASSERT_TRUE(search.install());
    EXPECT_LE(pageCacheUsed(db), kSmall);
    EXPECT_EQ(scalar(db, "PRAGMA cache_size"), -32768);
    auto left = store::deferredindexes::leftForLater(db.handle());
    ASSERT_TRUE(left);
    EXPECT_FALSE(*left);
}

} // namespace
} // namespace tierdesk::test
