// The search texts of a big import into an empty database are left pending and indexed afterwards
// (searchindex.h): searches find the same customers meanwhile, writes meanwhile are not lost, and
// the index built is the one a row-by-row index of today's texts would be.

#include "store/bulk.h"
#include "store/customerquery.h"
#include "store/database.h"
#include "store/repositories.h"
#include "store/searchindex.h"
#include "store/searchsnapshot.h"
#include "storetests.h"

#include <QDir>
#include <QTemporaryDir>

#include <algorithm>
#include <gtest/gtest.h>
#include <sqlite3.h>

namespace tierdesk::test {
namespace {

Customer person(CustomerId id, const QString &name, const QString &phone = {}, const QString &email = {})
{
    Customer c;
    c.id = id;
    c.name = name;
    c.phone = phone;
    c.email = email;
    c.createdAt = QDate(2026, 1, 5);
    return c;
}

/// The four customers every test imports: three more than the commit indexes (see SetUp()).
std::vector<Customer> fourCustomers()
{
    return {person(1, QStringLiteral("王伟民"), QStringLiteral("138-0013-8000"),
                   QStringLiteral("wang.wei@qq.com")),
            person(2, QStringLiteral("李娜娜"), QStringLiteral("+86 139 0000 1111")),
            person(3, QStringLiteral("张敏"), {}, QStringLiteral("zhang@example.com")),
            person(4, QStringLiteral("Wang Fang"), QStringLiteral("13700001234"))};
}

class SearchIndex : public BigImportFile {
protected:
    /// The ids the customer list shows for a search, archived customers too, in id order.
    std::vector<CustomerId> search(const QString &text)
    {
        store::CustomerFilter filter;
        filter.search = text;
        filter.includeArchived = true;
        store::CustomerQuery query(db);
        auto rows = query.page(filter, store::CustomerSort::Id, false, 0, 100);
        EXPECT_TRUE(rows) << (rows ? "" : rows.error().detail.toStdString());
        std::vector<CustomerId> ids;
        if (rows) {
            for (const store::CustomerRow &r : *rows)
                ids.push_back(r.id);
        }
        auto count = query.count(filter);
        EXPECT_TRUE(count);
        if (count) {
            EXPECT_EQ(*count, qint64(ids.size())) << text.toStdString();
        }
        return ids;
    }

    /// The rowids the trigram index itself gives for an FTS5 query.
    std::vector<CustomerId> matched(const char *query)
    {
        sqlite3_stmt *stmt = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(
                      db.handle(),
                      "SELECT rowid FROM customer_search WHERE customer_search MATCH ?1 ORDER BY rowid", -1,
                      &stmt, nullptr),
                  SQLITE_OK);
        sqlite3_bind_text(stmt, 1, query, -1, SQLITE_STATIC);
        std::vector<CustomerId> ids;
        while (sqlite3_step(stmt) == SQLITE_ROW)
            ids.push_back(sqlite3_column_int64(stmt, 0));
        sqlite3_finalize(stmt);
        return ids;
    }

    qint64 pendingRows() { return scalar(db, "SELECT count(*) FROM customer_search_pending"); }
    qint64 indexedRows() { return scalar(db, "SELECT count(*) FROM customer_search"); }

    /// FTS5's own check of the index against its texts.
    bool indexIsSound()
    {
        return db.exec("INSERT INTO customer_search (customer_search, rank) VALUES ('integrity-check', 1)")
            .has_value();
    }

    QStringList scratchFiles() const
    {
        return QDir(dir.path()).entryList({QStringLiteral("tierdesk.sqlite.search-*")});
    }

    /// What every search of these tests finds, as the index answers it.
    void expectTheSearchesOfFourCustomers()
    {
        using Ids = std::vector<CustomerId>;
        EXPECT_EQ(search(QStringLiteral("王伟")), Ids({1}));
        EXPECT_EQ(search(QStringLiteral("wang")), Ids({1, 4}));
        EXPECT_EQ(search(QStringLiteral("WANG F")), Ids({4}));
        EXPECT_EQ(search(QStringLiteral("138 0013")), Ids({1})); // digits typed with a space
        EXPECT_EQ(search(QStringLiteral("00001111")), Ids({2}));
        EXPECT_EQ(search(QStringLiteral("example.com")), Ids({3}));
        EXPECT_EQ(search(QStringLiteral("敏")), Ids({3}));       // one character
        EXPECT_EQ(search(QStringLiteral("13")), Ids({1, 2, 4})); // two
        EXPECT_EQ(search(QStringLiteral("赵")), Ids());
        EXPECT_EQ(search(QStringLiteral("qq.comx")), Ids());
    }
};

TEST_F(SearchIndex, AnImportOfFewCustomersIndexesTheirTextsAtItsCommit)
{
    importCustomers({person(1, QStringLiteral("王伟民"))});
    EXPECT_EQ(pendingRows(), 0);
    EXPECT_EQ(indexedRows(), 1);
    EXPECT_EQ(matched("\"王伟民\""), std::vector<CustomerId>({1}));
    EXPECT_TRUE(indexIsSound());
}

TEST_F(SearchIndex, AnImportOfMoreLeavesTheTextsPendingAndSearchesFindTheSameCustomers)
{
    importCustomers(fourCustomers());
    EXPECT_EQ(pendingRows(), 4);
    EXPECT_EQ(indexedRows(), 0);
    auto pending = store::searchindex::isPending(db.handle());
    ASSERT_TRUE(pending);
    EXPECT_TRUE(*pending);
    expectTheSearchesOfFourCustomers();
    // An archived customer is found only where archived customers are shown.
    ASSERT_TRUE(store::CustomerRepository(db).setArchived(4, true));
    store::CustomerFilter filter;
    filter.search = QStringLiteral("wang");
    auto live = store::CustomerQuery(db).count(filter);
    ASSERT_TRUE(live);
    EXPECT_EQ(*live, 1);
}

TEST_F(SearchIndex, TheBuildIndexesEveryPendingTextAndLeavesNoScratchFile)
{
    importCustomers(fourCustomers());
    auto built = store::PendingSearchBuild::run(db);
    ASSERT_TRUE(built) << built.error().detail.toStdString();
    EXPECT_EQ(*built, 4);
    EXPECT_EQ(pendingRows(), 0);
    EXPECT_EQ(indexedRows(), 4);
    EXPECT_TRUE(indexIsSound());
    EXPECT_EQ(matched("\"王伟民\""), std::vector<CustomerId>({1}));
    EXPECT_EQ(matched("\"wan\""), std::vector<CustomerId>({1, 4}));
    expectTheSearchesOfFourCustomers();
    EXPECT_TRUE(scratchFiles().isEmpty()) << scratchFiles().join(u' ').toStdString();
    // The scratch file was attached for the copy, and is detached again.
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM pragma_database_list WHERE name = 'pending_search'"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM pragma_database_list WHERE name = 'main'"), 1);
    // Nothing left to do.
    auto again = store::PendingSearchBuild::run(db);
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, 0);
    EXPECT_EQ(indexedRows(), 4);
}

TEST_F(SearchIndex, TheBuildDoesNotMakeTheStoredClassificationLookOutOfDate)
{
    importCustomers(fourCustomers());
    auto before = db.writeGeneration();
    ASSERT_TRUE(before);
    ASSERT_TRUE(store::PendingSearchBuild::run(db));
    auto after = db.writeGeneration();
    ASSERT_TRUE(after);
    EXPECT_EQ(*after, *before);
}

TEST_F(SearchIndex, WritesWhileTextsArePendingGoToThePendingTexts)
{
    importCustomers(fourCustomers());
    const qint64 before = scalar(db, "SELECT changes FROM customer_search_pending_state");
    store::CustomerRepository customers(db);
    Customer renamed = fourCustomers()[0];
    renamed.name = QStringLiteral("王芳民");
    ASSERT_TRUE(customers.update(renamed));
    auto added = customers.add(person(0, QStringLiteral("赵强")));
    ASSERT_TRUE(added);
    EXPECT_EQ(indexedRows(), 0);
    EXPECT_EQ(pendingRows(), 5);
    // Each write counted, and its row marked with the count.
    EXPECT_EQ(scalar(db, "SELECT changes FROM customer_search_pending_state"), before + 2);
    EXPECT_EQ(scalar(db, "SELECT changed FROM customer_search_pending WHERE id = 1"), before + 1);
    EXPECT_EQ(scalar(db, "SELECT changed FROM customer_search_pending WHERE id = 2"), before);
    using Ids = std::vector<CustomerId>;
    EXPECT_EQ(search(QStringLiteral("王伟")), Ids());
    EXPECT_EQ(search(QStringLiteral("王芳")), Ids({1}));
    EXPECT_EQ(search(QStringLiteral("赵强")), Ids({*added}));
}

TEST_F(SearchIndex, TextsWrittenAfterTheBuildReadThemAreIndexedAsTheyAreAtItsEnd)
{
    importCustomers(fourCustomers());
    store::PendingSearchBuild build(db);
    auto texts = build.prepare();
    ASSERT_TRUE(texts);
    EXPECT_EQ(*texts, 4);
    // Meanwhile: one renamed, one merged into another (gone), one added.
    store::CustomerRepository customers(db);
    Customer renamed = fourCustomers()[0];
    renamed.name = QStringLiteral("王芳民");
    ASSERT_TRUE(customers.update(renamed));
    ASSERT_TRUE(customers.merge(3, 2));
    auto added = customers.add(person(0, QStringLiteral("赵强生"), QStringLiteral("13911112222")));
    ASSERT_TRUE(added);
    using Ids = std::vector<CustomerId>;
    EXPECT_EQ(search(QStringLiteral("李娜")), Ids());

    ASSERT_TRUE(build.install());
    EXPECT_EQ(pendingRows(), 0);
    EXPECT_EQ(indexedRows(), 4); // 1, 3, 4 and the new one
    EXPECT_TRUE(indexIsSound());
    EXPECT_EQ(matched("\"王伟民\""), Ids());
    EXPECT_EQ(matched("\"王芳民\""), Ids({1}));
    EXPECT_EQ(matched("\"李娜娜\""), Ids());
    EXPECT_EQ(matched("\"赵强生\""), Ids({*added}));
    EXPECT_EQ(matched("\"11112222\""), Ids({*added}));
    EXPECT_EQ(search(QStringLiteral("wang")), Ids({1, 4}));
    EXPECT_EQ(search(QStringLiteral("张敏")), Ids({3}));
    EXPECT_TRUE(scratchFiles().isEmpty());
}

TEST_F(SearchIndex, ABuildThatCannotWriteLeavesTheTextsPendingAndInstallsLater)
{
    importCustomers(fourCustomers());
    store::PendingSearchBuild build(db);
    ASSERT_TRUE(build.prepare());
    // Another connection writes.
    sqlite3 *other = nullptr;
    ASSERT_EQ(sqlite3_open(path().toUtf8().constData(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_busy_timeout(db.handle(), 0);
    auto refused = build.install();
    EXPECT_FALSE(refused);
    ASSERT_EQ(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(other);
    EXPECT_EQ(pendingRows(), 4);
    EXPECT_EQ(indexedRows(), 0);
    EXPECT_FALSE(scratchFiles().isEmpty()); // kept for the next try
    expectTheSearchesOfFourCustomers();

    ASSERT_TRUE(build.install());
    EXPECT_EQ(pendingRows(), 0);
    EXPECT_EQ(indexedRows(), 4);
    EXPECT_TRUE(indexIsSound());
    EXPECT_TRUE(scratchFiles().isEmpty());
}

TEST_F(SearchIndex, ABuildStoppedWhileItReadsTheTextsLeavesThemPending)
{
    importCustomers(fourCustomers());
    const std::atomic<bool> stop{true};
    store::PendingSearchBuild build(db);
    EXPECT_FALSE(build.prepare(&stop));
    ASSERT_TRUE(build.install()); // nothing to install
    EXPECT_EQ(pendingRows(), 4);
    EXPECT_EQ(indexedRows(), 0);
    EXPECT_TRUE(scratchFiles().isEmpty());
}

TEST_F(SearchIndex, ABuildOfAnotherConnectionMeanwhileLeavesNothingToInstall)
{
    importCustomers(fourCustomers());
    store::PendingSearchBuild build(db);
    ASSERT_TRUE(build.prepare());
    store::Database other;
    ASSERT_TRUE(other.open(path()));
    ASSERT_TRUE(store::PendingSearchBuild::run(other));
    ASSERT_TRUE(build.install());
    EXPECT_EQ(indexedRows(), 4);
    EXPECT_TRUE(indexIsSound());
    EXPECT_EQ(matched("\"王伟民\""), std::vector<CustomerId>({1}));
}

TEST_F(SearchIndex, AnIndexOfAnotherDefinitionIsBuiltInPlaceAndKeepsItsDefinition)
{
    importCustomers(fourCustomers());
    const char *other =
        "CREATE VIRTUAL TABLE customer_search USING fts5 (text, tokenize = 'trigram case_sensitive 0')";
    ASSERT_TRUE(db.exec("DROP TABLE customer_search"));
    ASSERT_TRUE(db.exec(other));
    ASSERT_TRUE(store::PendingSearchBuild::run(db));
    EXPECT_EQ(pendingRows(), 0);
    EXPECT_EQ(indexedRows(), 4);
    EXPECT_TRUE(indexIsSound());
    EXPECT_EQ(matched("\"王伟民\""), std::vector<CustomerId>({1}));
    sqlite3_stmt *stmt = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db.handle(), "SELECT sql FROM sqlite_schema WHERE name = 'customer_search'",
                                 -1, &stmt, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)), other);
    sqlite3_finalize(stmt);
    EXPECT_TRUE(scratchFiles().isEmpty());
}

TEST_F(SearchIndex, ADatabaseInMemoryIndexesItsPendingTextsInPlace)
{
    store::Database memory;
    ASSERT_TRUE(memory.openInMemory());
    {
        store::BulkImport bulk(memory);
        ASSERT_TRUE(bulk.begin());
        for (const Customer &c : fourCustomers())
            ASSERT_TRUE(bulk.addCustomer(c));
        ASSERT_TRUE(bulk.commit());
    }
    EXPECT_EQ(scalar(memory, "SELECT count(*) FROM customer_search_pending"), 4);
    auto built = store::PendingSearchBuild::run(memory);
    ASSERT_TRUE(built);
    EXPECT_EQ(*built, 4);
    EXPECT_EQ(scalar(memory, "SELECT count(*) FROM customer_search_pending"), 0);
    EXPECT_EQ(scalar(memory, "SELECT count(*) FROM customer_search WHERE customer_search MATCH '\"wang\"'"),
              2);
}

TEST_F(SearchIndex, TheSearchTextsInMemoryAreReadAgainAfterAWriteWhilePending)
{
    importCustomers(fourCustomers());
    store::CustomerQuery query(db);
    auto ready = query.prepareSearchSnapshot(0);
    ASSERT_TRUE(ready);
    ASSERT_TRUE(*ready);
    const auto current = [&] {
        EXPECT_TRUE(db.exec("BEGIN"));
        const bool kept = store::SearchSnapshot::current(db.handle()) != nullptr;
        EXPECT_TRUE(db.exec("COMMIT"));
        return kept;
    };
    EXPECT_TRUE(current());
    Customer renamed = fourCustomers()[2];
    renamed.name = QStringLiteral("张丽");
    ASSERT_TRUE(store::CustomerRepository(db).update(renamed));
    EXPECT_FALSE(current());
    ASSERT_TRUE(query.prepareSearchSnapshot(0));
    EXPECT_TRUE(current());
    EXPECT_EQ(search(QStringLiteral("张丽")), std::vector<CustomerId>({3}));
    EXPECT_EQ(search(QStringLiteral("张敏")), std::vector<CustomerId>());
    store::CustomerQuery::releaseSearchSnapshots();
}

} // namespace
} // namespace tierdesk::test
