#pragma once

// What the store's tests share: a number read with SQL, two customers' facts compared, and a
// database file where every import is a big one.

#include "classify/facts.h"
#include "store/bulk.h"
#include "store/database.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace tierdesk::test {

/// The integer in the first column of the first row of `sql` on `db`'s connection; -1 when the
/// statement fails or has no row.
inline qint64 scalar(store::Database &db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db.handle(), sql, -1, &stmt, nullptr) != SQLITE_OK)
        return -1;
    qint64 n = -1;
    if (sqlite3_step(stmt) == SQLITE_ROW)
        n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return n;
}

/// Adds `n` customers to `db` with their search texts, two by two sharing a phone number and an
/// e-mail address, in one transaction: enough of them for a read that passes over more pages than
/// SQLite's default cache of 2 MiB holds (100,000 make some 15 MB of pages).
inline void addPairsOfCustomers(store::Database &db, int n)
{
    const QByteArray sql =
        "INSERT INTO customers (name, phone, email, created_at, phone_key, email_key) "
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < " +
        QByteArray::number(n) +
        ") SELECT printf('Customer %07d', i), printf('138%08d', i / 2), printf('user%d@example.com', i / 2), "
        "'2026-01-01', printf('138%08d', i / 2), printf('user%d@example.com', i / 2) FROM n";
    ASSERT_TRUE(db.exec("BEGIN IMMEDIATE"));
    ASSERT_TRUE(db.exec(sql.constData()));
    ASSERT_TRUE(db.exec("INSERT INTO customer_search (rowid, text) "
                        "SELECT id, lower(name || ' ' || phone || ' ' || email) FROM customers"));
    ASSERT_TRUE(db.exec("COMMIT"));
}

/// The lines of SQLite's plans that read every row of `table` (its rows or an index's entries:
/// `SCAN table`, or `SEARCH table USING ... INDEX i` without a constraint, as SQLite shows a
/// min() it takes from an index it cannot seek), of each statement `db`'s connection prepares
/// while `call` runs, as "plan line: statement". `alias` is the table's name in the statements
/// that give it one.
template<typename Call>
std::vector<std::string> fullScans(store::Database &db, const char *table, const char *alias, Call call)
{
    std::vector<std::string> statements;
    sqlite3_trace_v2(
        db.handle(), SQLITE_TRACE_STMT,
        [](unsigned, void *out, void *stmt, void *) {
            static_cast<std::vector<std::string> *>(out)->push_back(
                sqlite3_sql(static_cast<sqlite3_stmt *>(stmt)));
            return 0;
        },
        &statements);
    call();
    sqlite3_trace_v2(db.handle(), 0, nullptr, nullptr);
    std::vector<std::string> scans;
    for (const std::string &sql : statements) {
        sqlite3_stmt *plan = nullptr;
        if (sqlite3_prepare_v2(db.handle(), ("EXPLAIN QUERY PLAN " + sql).c_str(), -1, &plan, nullptr) !=
            SQLITE_OK)
            continue; // BEGIN, COMMIT and the like
        while (sqlite3_step(plan) == SQLITE_ROW) {
            const std::string detail = reinterpret_cast<const char *>(sqlite3_column_text(plan, 3));
            for (const char *name : {table, alias}) {
                const std::string scan = std::string("SCAN ") + name;
                const std::string search = std::string("SEARCH ") + name + ' ';
                if (detail == scan || detail.starts_with(scan + ' ') ||
                    (detail.starts_with(search) && detail.find('(') == std::string::npos))
                    scans.push_back(detail + ": " + sql);
            }
        }
        sqlite3_finalize(plan);
    }
    return scans;
}

/// The bytes of pages in the page cache of `db`'s connection.
inline qint64 pageCacheUsed(store::Database &db)
{
    int current = 0;
    int highest = 0;
    sqlite3_db_status(db.handle(), SQLITE_DBSTATUS_CACHE_USED, &current, &highest, 0);
    return current;
}

/// Every member of two customers' facts equal.
inline void expectSameFacts(const classify::CustomerFacts &a, const classify::CustomerFacts &b)
{
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.createdAt, b.createdAt) << a.id;
    EXPECT_EQ(a.type, b.type) << a.id;
    EXPECT_EQ(a.grade, b.grade) << a.id;
    EXPECT_EQ(a.gradeSetAt, b.gradeSetAt) << a.id;
    EXPECT_TRUE(a.man == b.man) << a.id;
    EXPECT_EQ(a.archived, b.archived) << a.id;
    EXPECT_EQ(a.firstOrder, b.firstOrder) << a.id;
    EXPECT_EQ(a.lastOrder, b.lastOrder) << a.id;
    EXPECT_EQ(a.ordersTotal, b.ordersTotal) << a.id;
    EXPECT_EQ(a.frequency, b.frequency) << a.id;
    EXPECT_EQ(a.monetary, b.monetary) << a.id;
    EXPECT_EQ(a.spendRecent, b.spendRecent) << a.id;
    EXPECT_EQ(a.spendPrev, b.spendPrev) << a.id;
    EXPECT_EQ(a.lastContact, b.lastContact) << a.id;
    EXPECT_EQ(a.followUp, b.followUp) << a.id;
    EXPECT_EQ(a.lastReachedCall, b.lastReachedCall) << a.id;
    EXPECT_EQ(a.lastOutcome, b.lastOutcome) << a.id;
}

/// The same customers in the same order, each with the same facts.
inline void expectSameFacts(const std::vector<classify::CustomerFacts> &got,
                            const std::vector<classify::CustomerFacts> &want)
{
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        ASSERT_EQ(got[i].id, want[i].id);
        expectSameFacts(got[i], want[i]);
    }
}

/// A database file, `db`, into which an import of more than one customer is a big one: its search
/// texts are left pending and its deferred indexes left out (BulkImport::setIndexedAtCommit()).
class BigImportFile : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        ASSERT_TRUE(db.open(path()));
        store::BulkImport::setIndexedAtCommit(1);
    }
    void TearDown() override { store::BulkImport::setIndexedAtCommit(20000); }

    QString path() const { return dir.filePath(QStringLiteral("tierdesk.sqlite")); }

    /// Imports `customers` into `into` in one BulkImport.
    static void importCustomers(store::Database &into, const std::vector<Customer> &customers)
    {
        store::BulkImport bulk(into);
        ASSERT_TRUE(bulk.begin());
        for (const Customer &c : customers)
            ASSERT_TRUE(bulk.addCustomer(c));
        ASSERT_TRUE(bulk.commit());
    }
    void importCustomers(const std::vector<Customer> &customers) { importCustomers(db, customers); }

    QTemporaryDir dir;
    store::Database db;
};

} // namespace tierdesk::test
