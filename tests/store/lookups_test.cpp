// The lookups of customers by owner and by phone key (schema 5): they find the archived customers
// as before, and go through customers_by_owner and customers_by_phone (`archived` in front)
// instead of reading every customer.

#include "classify/classify.h"
#include "store/activitystore.h"
#include "store/chartquery.h"
#include "store/customerquery.h"
#include "store/database.h"
#include "store/repositories.h"
#include "storetests.h"
#include "support/testsupport.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace tierdesk;
using tierdesk::test::fullScans;

namespace {

class Lookups : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(db.openInMemory());
        // id  owner  phone           archived
        //  1  Li     138 0013 8000
        //  2  Anna   +86 13800138000  yes
        //  3  Li     139 0000 0000    yes
        //  4  —      13800138000
        //  5  吴     —
        //  6  Bo     —                yes
        //  7  Li     13800138000
        struct Row {
            const char *owner;
            const char *phone;
            bool archived;
        };
        const Row rows[] = {{"Li", "138 0013 8000", false},
                            {"Anna", "+86 13800138000", true},
                            {"Li", "139 0000 0000", true},
                            {"", "13800138000", false},
                            {"吴", "", false},
                            {"Bo", "", true},
                            {"Li", "13800138000", false}};
        CustomerId id = 0;
        for (const Row &r : rows) {
            Customer c;
            c.id = ++id;
            c.name = QStringLiteral("C%1").arg(id);
            c.owner = QString::fromUtf8(r.owner);
            c.phone = QString::fromUtf8(r.phone);
            c.createdAt = QDate(2025, 1, 1);
            c.archived = r.archived;
            ASSERT_TRUE(store::CustomerRepository(db).add(c));
        }
    }

    store::Database db;
};

TEST_F(Lookups, TheSchemaHasNoIndexOfOwnerOrPhoneKeyAlone)
{
    EXPECT_EQ(test::scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('customers_owner', "
                               "'customers_phone_key')"),
              0);
    EXPECT_EQ(test::scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('customers_by_owner', "
                               "'customers_by_phone')"),
              2);
}

TEST_F(Lookups, OwnersAreThoseOfEveryCustomerArchivedOrNotOnceEachInOrder)
{
    Result<QStringList> owners;
    const auto scans = fullScans(db, "customers", "c", [&] { owners = store::CustomerQuery(db).owners(); });
    ASSERT_TRUE(owners);
    // Anna and Bo own archived customers only; Li both kinds; no owner is not listed.
    EXPECT_EQ(*owners, (QStringList{QStringLiteral("Anna"), QStringLiteral("Bo"), QStringLiteral("Li"),
                                    QStringLiteral("吴")}));
    EXPECT_EQ(scans, std::vector<std::string>());
}

TEST_F(Lookups, OwnersOfAnEmptyDatabaseAreNone)
{
    store::Database empty;
    ASSERT_TRUE(empty.openInMemory());
    auto owners = store::CustomerQuery(empty).owners();
    ASSERT_TRUE(owners);
    EXPECT_TRUE(owners->isEmpty());
}

TEST_F(Lookups, ACallersPhoneKeyFindsArchivedCustomersTooInIdOrder)
{
    store::ActivityStore store(db);
    Result<std::vector<store::ActivityStore::CustomerRef>> found;
    const auto scans = fullScans(db, "customers", "c",
                                 [&] { found = store.customersByPhoneKey(QStringLiteral("13800138000")); });
    ASSERT_TRUE(found);
    std::vector<CustomerId> ids;
    for (const auto &ref : *found)
        ids.push_back(ref.id);
    EXPECT_EQ(ids, (std::vector<CustomerId>{1, 2, 4, 7}));
    EXPECT_EQ(scans, std::vector<std::string>());

    auto first = store.customersByPhoneKey(QStringLiteral("13800138000"), 2);
    ASSERT_TRUE(first);
    ASSERT_EQ(first->size(), 2u);
    EXPECT_EQ((*first)[0].id, 1);
    EXPECT_EQ((*first)[1].id, 2);
    auto none = store.customersByPhoneKey(QStringLiteral("13700000000"));
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
}

TEST_F(Lookups, DuplicatesOfAPhoneAreFoundAmongTheArchivedToo)
{
    Customer c;
    c.id = 9;
    c.name = QStringLiteral("New");
    c.phone = QStringLiteral("13900000000");
    Result<std::vector<CustomerId>> dups;
    const auto scans =
        fullScans(db, "customers", "c", [&] { dups = store::CustomerRepository(db).duplicatesOf(c); });
    ASSERT_TRUE(dups);
    EXPECT_EQ(*dups, std::vector<CustomerId>{3});
    EXPECT_EQ(scans, std::vector<std::string>());
}

TEST_F(Lookups, OneOwnersListHasTheirCustomersArchivedOrNotAsAsked)
{
    store::CustomerQuery q(db);
    store::CustomerFilter f;
    f.owner = QStringLiteral("Li");
    for (bool archived : {false, true}) {
        f.includeArchived = archived;
        Result<std::vector<store::CustomerRow>> page;
        Result<qint64> count;
        const auto scans = fullScans(db, "customers", "c", [&] {
            page = q.page(f, store::CustomerSort::Id, false, 0, 50);
            count = q.count(f);
        });
        ASSERT_TRUE(page);
        ASSERT_TRUE(count);
        std::vector<CustomerId> ids;
        for (const store::CustomerRow &r : *page)
            ids.push_back(r.id);
        EXPECT_EQ(ids, archived ? (std::vector<CustomerId>{1, 3, 7}) : (std::vector<CustomerId>{1, 7}));
        EXPECT_EQ(*count, archived ? 3 : 2);
        EXPECT_EQ(scans, std::vector<std::string>()) << archived;
    }
}

TEST_F(Lookups, OneOwnersQueueAndChartsReadOnlyTheirCustomers)
{
    const QDate asOf(2026, 6, 30);
    auto facts = store::MetricsQuery(db).all(asOf, classify::Settings{});
    ASSERT_TRUE(facts);
    const classify::Run run = classify::run(*facts, classify::Settings{}, asOf);
    ASSERT_TRUE(store::ClassificationStore(db).replace(*facts, run, 0));

    Result<store::StoredQueue> queue;
    Result<store::PyramidCounts> pyramid;
    const auto scans = fullScans(db, "customers", "c", [&] {
        queue = store::ClassificationStore(db).storedQueue(asOf, QStringLiteral("Li"));
        pyramid = store::ChartQuery(db, QStringLiteral("Li")).pyramid();
    });
    ASSERT_TRUE(queue);
    ASSERT_TRUE(pyramid);
    // Li's customers not archived, 1 and 7: prospects without orders (tier D), to be called.
    std::vector<CustomerId> ids;
    store::CustomerRow row;
    for (std::size_t i = 0; i < queue->size(); ++i) {
        queue->fill(i, row);
        ids.push_back(row.id);
    }
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<CustomerId>{1, 7}));
    EXPECT_EQ(pyramid->tiers[int(ValueTier::D)].customers, 2);
    EXPECT_EQ(pyramid->customers(), 2);
    EXPECT_EQ(scans, std::vector<std::string>());
}

} // namespace
