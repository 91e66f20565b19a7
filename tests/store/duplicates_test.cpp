#include "store/database.h"
#include "store/duplicates.h"
#include "store/repositories.h"
#include "storetests.h"
#include "support/testsupport.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace tierdesk;
using tierdesk::test::date;
using tierdesk::test::scalar;

namespace {

CustomerId add(store::Database &db, const char *name, const char *phone, const char *email,
               bool archived = false)
{
    Customer c;
    c.name = QString::fromUtf8(name);
    c.phone = QString::fromUtf8(phone);
    c.email = QString::fromUtf8(email);
    c.createdAt = date("2026-01-01");
    c.archived = archived;
    auto id = store::CustomerRepository(db).add(c);
    EXPECT_TRUE(id);
    return id.value_or(0);
}

} // namespace

TEST(DuplicateGroups, JoinCustomersThroughSharedPhonesAndEmails)
{
    store::Database db;
    ASSERT_TRUE(db.openInMemory());
    add(db, "王伟", "+86 138 0013 8000", "");               // 1
    add(db, "王伟", "0086-138-0013-8000", "");              // 2: same phone key as 1
    add(db, "Amy", "", "amy@example.com");                  // 3
    add(db, "Amy Li", "150 1111 2222", " AMY@example.com"); // 4: same e-mail as 3
    add(db, "A. Li", "15011112222", "");                    // 5: same phone as 4, so one with 3 too
    add(db, "Bob", "139 0000 0000", "bob@example.com");     // 6: alone
    add(db, "王伟 (old)", "13800138000", "", true);         // 7: archived, left out
    add(db, "Short", "12345", "");                          // 8: too short to be a key
    add(db, "Short too", "12345", "");                      // 9

    const auto groups = store::findDuplicateGroups(db);
    ASSERT_TRUE(groups) << groups.error().message.toStdString();
    ASSERT_EQ(groups->size(), 2u);
    EXPECT_EQ((*groups)[0].ids, (std::vector<CustomerId>{3, 4, 5}));
    EXPECT_TRUE((*groups)[0].byPhone);
    EXPECT_TRUE((*groups)[0].byEmail);
    EXPECT_EQ((*groups)[1].ids, (std::vector<CustomerId>{1, 2}));
    EXPECT_TRUE((*groups)[1].byPhone);
    EXPECT_FALSE((*groups)[1].byEmail);

    EXPECT_EQ(store::findDuplicateGroups(db, 1)->size(), 1u);
}

TEST(DuplicateGroups, AnEmptyDatabaseHasNone)
{
    store::Database db;
    ASSERT_TRUE(db.openInMemory());
    const auto groups = store::findDuplicateGroups(db);
    ASSERT_TRUE(groups);
    EXPECT_TRUE(groups->empty());
}

TEST(DuplicateGroups, AnArchivedCustomerSharesNoEmail)
{
    store::Database db;
    ASSERT_TRUE(db.openInMemory());
    add(db, "Cy", "", "cy@example.com");               // 1
    add(db, "Cy (old)", "", "CY@example.com ", true);  // 2: archived: 1 stays alone
    add(db, "Di", "", "di@example.com");               // 3
    add(db, "Di (old)", "", "di@example.com", true);   // 4: archived, left out of 3 and 5's group
    add(db, "Di Wu", "", "Di@Example.com");            // 5: same e-mail as 3
    add(db, "Ed (old)", "", "ed@example.com", true);   // 6
    add(db, "Ed (older)", "", "ed@example.com", true); // 7: both archived: no group

    const auto groups = store::findDuplicateGroups(db);
    ASSERT_TRUE(groups) << groups.error().message.toStdString();
    ASSERT_EQ(groups->size(), 1u);
    EXPECT_EQ((*groups)[0].ids, (std::vector<CustomerId>{3, 5}));
    EXPECT_FALSE((*groups)[0].byPhone);
    EXPECT_TRUE((*groups)[0].byEmail);
}

TEST(DuplicateGroups, AreReadThroughASmallPageCacheAndTheConnectionGetsItsOwnSizeBack)
{
    // The phone index, the e-mail index and the customers who share an e-mail are each read once:
    // through a kept reader's 32 MiB cache they stayed in it (and resident); SQLite's default
    // 2 MiB is held while they are read.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("t.sqlite"));
    {
        store::Database writer;
        ASSERT_TRUE(writer.open(path));
        test::addPairsOfCustomers(writer, 100000);
    }
    store::Database db;
    ASSERT_TRUE(db.open(path, store::Database::Mode::ReadOnlyUnchecked));
    ASSERT_EQ(scalar(db, "PRAGMA cache_size"), -32768);
    const auto groups = store::findDuplicateGroups(db);
    ASSERT_TRUE(groups) << groups.error().message.toStdString();
    ASSERT_EQ(groups->size(), 1000u);
    EXPECT_EQ((*groups)[0].ids, (std::vector<CustomerId>{1, 2}));
    EXPECT_TRUE((*groups)[0].byPhone);
    EXPECT_TRUE((*groups)[0].byEmail);
    EXPECT_LE(test::pageCacheUsed(db), 3 * 1024 * 1024);
    EXPECT_EQ(scalar(db, "PRAGMA cache_size"), -32768);
}
