// The customer list and the queue (store::CustomerQuery) against the plain statement they replace:
// one LEFT JOIN of customers and classification, filtered, ordered with NULLs last, LIMIT/OFFSET.
// The store picks a faster way for each filter and order (from an index of the classification,
// the customers alone, the ids first); whatever it picks, every page and every count must be the
// one of that plain statement.

#include "classify/classify.h"
#include "store/customerquery.h"
#include "store/database.h"
#include "store/repositories.h"
#include "store/searchsnapshot.h"
#include "storetests.h"
#include "support/testsupport.h"

#include <QDateTime>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <gtest/gtest.h>
#include <limits>
#include <random>
#include <sqlite3.h>

using namespace tierdesk;
using tierdesk::test::date;

namespace {

// ---- The reference: the statement of the first version of CustomerQuery ----------------------

struct Reference {
    QByteArray where;
    QList<QString> values;
    void add(const char *clause, const QString &value)
    {
        where += where.isEmpty() ? " WHERE " : " AND ";
        const QByteArray placeholder = QByteArray("?") + QByteArray::number(values.size() + 1);
        where += QByteArray(clause).replace(QByteArray("?"), placeholder);
        values.append(value);
    }
    void add(const char *clause)
    {
        where += where.isEmpty() ? " WHERE " : " AND ";
        where += clause;
    }
};

QString digits(const QString &s)
{
    QString out;
    for (QChar c : s) {
        if (c >= u'0' && c <= u'9')
            out += c;
    }
    return out;
}

Reference referenceWhere(const store::CustomerFilter &f)
{
    Reference w;
    if (!f.includeArchived)
        w.add("c.archived = 0");
    const QString needle = f.search.trimmed().toLower();
    if (!needle.isEmpty()) {
        const QString d = digits(needle);
        const bool phoneLike = d.size() >= 3 && d.size() * 2 >= needle.size();
        const QString term = phoneLike ? d : needle;
        if (term.size() >= 3)
            w.add("c.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)",
                  u'"' + QString(term).replace(u'"', QStringLiteral("\"\"")) + u'"');
        else
            w.add("c.id IN (SELECT rowid FROM customer_search WHERE instr(text, ?) > 0)", term);
    }
    if (f.tier)
        w.add("k.value_tier = ?", toText(*f.tier));
    if (f.segment)
        w.add("k.segment = ?", toText(*f.segment));
    if (f.lifecycle)
        w.add("k.lifecycle = ?", toText(*f.lifecycle));
    if (f.grade)
        w.add("k.grade = ?", toText(*f.grade));
    if (!f.owner.isEmpty())
        w.add("c.owner = ?", f.owner);
    if (!f.tag.isEmpty())
        w.add("c.id IN (SELECT ct.customer_id FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE "
              "t.name = ?)",
              f.tag);
    if (f.dueOnOrBefore.isValid())
        w.add("k.due_date <= ?", f.dueOnOrBefore.toString(Qt::ISODate));
    return w;
}

const char *referenceOrder(store::CustomerSort sort, bool descending)
{
    using S = store::CustomerSort;
    switch (sort) {
    case S::Id:
        return descending ? " ORDER BY c.id DESC" : " ORDER BY c.id";
    case S::Name:
        return descending ? " ORDER BY c.name DESC, c.id DESC" : " ORDER BY c.name, c.id";
    case S::Company:
        return descending ? " ORDER BY c.company IS NULL, c.company DESC, c.id DESC"
                          : " ORDER BY c.company IS NULL, c.company, c.id";
    case S::Phone:
        return descending ? " ORDER BY c.phone_key IS NULL, c.phone_key DESC, c.id DESC"
                          : " ORDER BY c.phone_key IS NULL, c.phone_key, c.id";
    case S::Owner:
        return descending ? " ORDER BY c.owner IS NULL, c.owner DESC, c.id DESC"
                          : " ORDER BY c.owner IS NULL, c.owner, c.id";
    case S::ValueTier:
        return descending ? " ORDER BY k.value_tier IS NULL, k.value_tier DESC, k.monetary, c.id DESC"
                          : " ORDER BY k.value_tier IS NULL, k.value_tier, k.monetary DESC, c.id";
    case S::Segment:
        return descending ? " ORDER BY k.segment IS NULL, k.segment DESC, c.id DESC"
                          : " ORDER BY k.segment IS NULL, k.segment, c.id";
    case S::Lifecycle:
        return descending ? " ORDER BY k.lifecycle IS NULL, k.lifecycle DESC, c.id DESC"
                          : " ORDER BY k.lifecycle IS NULL, k.lifecycle, c.id";
    case S::Loyalty:
        return descending ? " ORDER BY k.loyalty IS NULL, k.loyalty DESC, c.id DESC"
                          : " ORDER BY k.loyalty IS NULL, k.loyalty, c.id";
    case S::Grade:
        return descending ? " ORDER BY k.grade IS NULL, k.grade DESC, c.id DESC"
                          : " ORDER BY k.grade IS NULL, k.grade, c.id";
    case S::LastContact:
        return descending ? " ORDER BY k.last_contact IS NULL, k.last_contact DESC, c.id DESC"
                          : " ORDER BY k.last_contact IS NULL, k.last_contact, c.id";
    case S::NextDue:
        return descending ? " ORDER BY k.due_date IS NULL, k.due_date DESC, c.id DESC"
                          : " ORDER BY k.due_date IS NULL, k.due_date, c.id";
    case S::Monetary:
        return descending ? " ORDER BY k.monetary IS NULL, k.monetary DESC, c.id"
                          : " ORDER BY k.monetary IS NULL, k.monetary, c.id";
    case S::Priority:
        return " ORDER BY k.priority, k.due_date, k.monetary DESC, c.id";
    }
    return " ORDER BY c.id";
}

std::vector<CustomerId> referenceIds(store::Database &db, const store::CustomerFilter &f,
                                     store::CustomerSort sort, bool descending, qint64 offset, int limit)
{
    const Reference w = referenceWhere(f);
    const QByteArray sql = "SELECT c.id FROM customers c LEFT JOIN classification k ON k.customer_id = c.id" +
                           w.where + referenceOrder(sort, descending) + " LIMIT " +
                           QByteArray::number(limit) + " OFFSET " + QByteArray::number(offset);
    sqlite3_stmt *stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db.handle(), sql.constData(), -1, &stmt, nullptr), SQLITE_OK)
        << sql.constData();
    for (qsizetype i = 0; i < w.values.size(); ++i) {
        const QByteArray v = w.values[i].toUtf8();
        sqlite3_bind_text(stmt, int(i + 1), v.constData(), int(v.size()), SQLITE_TRANSIENT);
    }
    std::vector<CustomerId> ids;
    while (sqlite3_step(stmt) == SQLITE_ROW)
        ids.push_back(sqlite3_column_int64(stmt, 0));
    sqlite3_finalize(stmt);
    return ids;
}

qint64 referenceCount(store::Database &db, const store::CustomerFilter &f)
{
    const Reference w = referenceWhere(f);
    const QByteArray sql =
        "SELECT count(*) FROM customers c LEFT JOIN classification k ON k.customer_id = c.id" + w.where;
    sqlite3_stmt *stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db.handle(), sql.constData(), -1, &stmt, nullptr), SQLITE_OK);
    for (qsizetype i = 0; i < w.values.size(); ++i) {
        const QByteArray v = w.values[i].toUtf8();
        sqlite3_bind_text(stmt, int(i + 1), v.constData(), int(v.size()), SQLITE_TRANSIENT);
    }
    qint64 n = -1;
    if (sqlite3_step(stmt) == SQLITE_ROW)
        n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return n;
}

// ---- A population with every kind of value, NULLs and ties included ---------------------------

constexpr int kCustomers = 400;
const QDate kAsOf = QDate(2026, 6, 30);

class CustomerQueryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (onFile) {
            // A file, as the search snapshot is kept per file; its writes need not reach the disk.
            ASSERT_TRUE(dir.isValid());
            ASSERT_TRUE(db.open(dir.filePath(QStringLiteral("t.sqlite"))));
            ASSERT_TRUE(db.exec("PRAGMA synchronous = OFF"));
        } else {
            ASSERT_TRUE(db.openInMemory());
        }
        std::mt19937 rng(7);
        auto pick = [&](int n) { return int(rng() % unsigned(n)); };
        const QStringList surnames{QStringLiteral("Wang"),  QStringLiteral("王"),
                                   QStringLiteral("Li"),    QStringLiteral("李"),
                                   QStringLiteral("Zhang"), QStringLiteral("O'Brien")};
        const QStringList owners{QString(), QStringLiteral("Anna"), QStringLiteral("Li"),
                                 QStringLiteral("吴")};
        const QStringList companies{QString(), QStringLiteral("明华贸易"), QStringLiteral("Acme"),
                                    QStringLiteral("Acme")};
        for (int i = 1; i <= kCustomers; ++i) {
            Customer c;
            c.id = i;
            // Names repeat, so that ties are broken by id.
            c.name = surnames[pick(surnames.size())] + QString::number(pick(40));
            c.company = companies[pick(companies.size())];
            c.owner = owners[pick(owners.size())];
            if (pick(5) != 0)
                c.phone = QStringLiteral("+86 138 %1 %2")
                              .arg(pick(10000), 4, 10, QLatin1Char('0'))
                              .arg(i, 4, 10, QLatin1Char('0'));
            if (pick(3) != 0)
                c.email = QStringLiteral("user%1@%2")
                              .arg(i)
                              .arg(pick(2) ? QStringLiteral("qq.com") : QStringLiteral("gmail.com"));
            c.createdAt = kAsOf.addDays(-pick(1000));
            if (pick(4) == 0)
                c.grade = Grade(pick(5));
            if (pick(3) == 0)
                c.tags << (pick(2) ? QStringLiteral("vip") : QStringLiteral("重点"));
            c.archived = pick(15) == 0;
            ASSERT_TRUE(store::CustomerRepository(db).add(c));
            const int orders = pick(4) == 0 ? 0 : pick(6);
            for (int k = 0; k < orders; ++k) {
                Order o;
                o.customerId = i;
                o.orderedAt = kAsOf.addDays(-pick(900));
                // Round amounts, so that spend ties too.
                o.amount = Cents(100 * (1 + pick(8)) * 1000) * (pick(30) == 0 ? -1 : 1);
                ASSERT_TRUE(store::OrderRepository(db).add(o));
            }
            const int calls = pick(4);
            for (int k = 0; k < calls; ++k) {
                Call call;
                call.customerId = i;
                call.calledAt = QDateTime(kAsOf.addDays(-pick(400)), QTime(10, 0), Qt::UTC);
                call.outcome = Outcome(pick(5));
                if (pick(3) == 0)
                    call.nextFollowUp = kAsOf.addDays(pick(20) - 5);
                ASSERT_TRUE(store::CallRepository(db).add(call));
            }
        }
        classify();
    }

    void classify()
    {
        auto settings = store::SettingsRepository(db).load();
        ASSERT_TRUE(settings);
        auto facts = store::MetricsQuery(db).all(kAsOf, *settings);
        ASSERT_TRUE(facts);
        const classify::Run run = classify::run(*facts, *settings, kAsOf);
        ASSERT_TRUE(store::ClassificationStore(db).replace(*facts, run, 0));
    }

    std::vector<store::CustomerFilter> filters() const
    {
        std::vector<store::CustomerFilter> out;
        out.emplace_back();
        auto with = [&](auto set) {
            store::CustomerFilter f;
            set(f);
            out.push_back(f);
        };
        with([](store::CustomerFilter &f) { f.includeArchived = true; });
        with([](store::CustomerFilter &f) { f.tier = ValueTier::C; });
        with([](store::CustomerFilter &f) { f.segment = Segment::Hibernating; });
        with([](store::CustomerFilter &f) { f.lifecycle = Lifecycle::Prospect; });
        with([](store::CustomerFilter &f) { f.grade = Grade::B; });
        with([](store::CustomerFilter &f) { f.owner = QStringLiteral("Anna"); });
        with([](store::CustomerFilter &f) { f.tag = QStringLiteral("vip"); });
        with([](store::CustomerFilter &f) { f.search = QStringLiteral("wang"); });
        with([](store::CustomerFilter &f) { f.search = QStringLiteral("王"); });
        with([](store::CustomerFilter &f) { f.search = QStringLiteral("138 0"); });
        with([](store::CustomerFilter &f) { f.search = QStringLiteral("user33@"); }); // one row
        with([](store::CustomerFilter &f) { f.search = QStringLiteral("zz"); });      // none
        with([](store::CustomerFilter &f) { f.search = QStringLiteral("1"); });       // nearly everyone
        with([](store::CustomerFilter &f) { f.search = QStringLiteral("qq"); });      // a third
        with([](store::CustomerFilter &f) {
            f.search = QStringLiteral("3");
            f.includeArchived = true;
        });
        with([](store::CustomerFilter &f) {
            f.search = QStringLiteral("qq");
            f.owner = QStringLiteral("Li");
        });
        with([](store::CustomerFilter &f) {
            f.search = QStringLiteral("user3");
            f.tier = ValueTier::C;
        });
        with([](store::CustomerFilter &f) { f.dueOnOrBefore = kAsOf; });
        with([](store::CustomerFilter &f) {
            f.dueOnOrBefore = kAsOf.addDays(-1);
            f.owner = QStringLiteral("Li");
        });
        with([](store::CustomerFilter &f) {
            f.dueOnOrBefore = kAsOf;
            f.includeArchived = true;
        });
        with([](store::CustomerFilter &f) {
            f.tier = ValueTier::D;
            f.search = QStringLiteral("li");
            f.includeArchived = true;
        });
        return out;
    }

    /// Every filter, order, direction and a few pages: the store's answer is the reference's.
    void expectSameAsReference()
    {
        using S = store::CustomerSort;
        store::CustomerQuery q(db);
        for (const store::CustomerFilter &f : filters()) {
            const qint64 expected = referenceCount(db, f);
            auto n = q.count(f);
            ASSERT_TRUE(n) << n.error().message.toStdString();
            EXPECT_EQ(*n, expected) << "count, search '" << f.search.toStdString() << "'";
            for (S sort :
                 {S::Id, S::Name, S::Company, S::Phone, S::Owner, S::ValueTier, S::Segment, S::Lifecycle,
                  S::Loyalty, S::Grade, S::LastContact, S::NextDue, S::Monetary, S::Priority}) {
                for (bool desc : {false, true}) {
                    for (qint64 offset : {qint64(0), qint64(7), qint64(150), expected - 3}) {
                        if (offset < 0)
                            continue;
                        auto page = q.page(f, sort, desc, offset, 60);
                        ASSERT_TRUE(page) << page.error().message.toStdString();
                        std::vector<CustomerId> ids;
                        for (const store::CustomerRow &r : *page)
                            ids.push_back(r.id);
                        EXPECT_EQ(ids, referenceIds(db, f, sort, desc, offset, 60))
                            << "sort " << int(sort) << (desc ? " desc" : "") << " offset " << offset
                            << " search '" << f.search.toStdString() << "' owner '" << f.owner.toStdString()
                            << "' due " << f.dueOnOrBefore.toString(Qt::ISODate).toStdString();
                    }
                }
            }
        }
    }

    bool onFile = false;
    QTemporaryDir dir;
    store::Database db;
};

/// The same population in a file, its searches answered from the texts in memory.
class CustomerSearchSnapshotTest : public CustomerQueryTest {
protected:
    CustomerSearchSnapshotTest() { onFile = true; }
    void SetUp() override
    {
        store::SearchSnapshot::forgetAll();
        CustomerQueryTest::SetUp();
        auto ready = store::CustomerQuery(db).prepareSearchSnapshot(0);
        ASSERT_TRUE(ready) << ready.error().message.toStdString();
        ASSERT_TRUE(*ready);
    }
    void TearDown() override { store::SearchSnapshot::forgetAll(); }
    bool snapshotStands() { return store::SearchSnapshot::current(db.handle()) != nullptr; }
};

} // namespace

TEST_F(CustomerQueryTest, EveryPageAndCountIsThatOfThePlainStatementWhenEveryoneIsClassified)
{
    expectSameAsReference();
}

TEST_F(CustomerQueryTest, EveryPageAndCountIsThatOfThePlainStatementWithCustomersNotYetClassified)
{
    // Customers added after the run have no classification: they sort last by any of its columns.
    for (int i = 0; i < 3; ++i) {
        Customer c;
        c.name = QStringLiteral("Newcomer %1").arg(i);
        c.createdAt = kAsOf;
        c.owner = QStringLiteral("Anna");
        ASSERT_TRUE(store::CustomerRepository(db).add(c));
    }
    expectSameAsReference();
}

TEST_F(CustomerQueryTest, AWholeListAtOnceIsThatOfThePlainStatement)
{
    // An export reads every row in one page: read in id order, put back in the list's order.
    using S = store::CustomerSort;
    store::CustomerQuery q(db);
    for (const store::CustomerFilter &f : filters()) {
        for (S sort : {S::Name, S::Priority, S::Segment, S::NextDue}) {
            auto page = q.page(f, sort, false, 0, std::numeric_limits<int>::max());
            ASSERT_TRUE(page) << page.error().message.toStdString();
            std::vector<CustomerId> ids;
            for (const store::CustomerRow &r : *page)
                ids.push_back(r.id);
            EXPECT_EQ(ids, referenceIds(db, f, sort, false, 0, std::numeric_limits<int>::max()))
                << "sort " << int(sort) << " search '" << f.search.toStdString() << "'";
            for (const store::CustomerRow &r : *page) {
                auto one = q.row(r.id);
                ASSERT_TRUE(one && *one);
                EXPECT_EQ((*one)->name, r.name);
                EXPECT_EQ((*one)->due, r.due);
                EXPECT_EQ((*one)->tier, r.tier);
            }
        }
    }
}

TEST(CustomerQueryPages, APageOfManyRowsSpreadOverTheIdsIsInTheListsOrder)
{
    // 64 rows or more whose ids are more than eight apart on average (an export's pages by name,
    // over a million ids) are looked up in id order and put back in the list's order.
    store::Database db;
    ASSERT_TRUE(db.openInMemory());
    std::vector<std::pair<QString, CustomerId>> expected;
    for (int i = 1; i <= 100; ++i) {
        Customer c;
        c.id = CustomerId(i) * 10;
        // Name order is not id order: 37 is prime to 100, so i * 37 % 100 visits every number.
        c.name = QStringLiteral("客户 %1").arg((i * 37) % 100, 2, 10, QLatin1Char('0'));
        c.phone = QStringLiteral("+86 138 0000 %1").arg(i, 4, 10, QLatin1Char('0'));
        c.createdAt = kAsOf;
        ASSERT_TRUE(store::CustomerRepository(db).add(c));
        expected.emplace_back(c.name, c.id);
    }
    std::sort(expected.begin(), expected.end());
    store::CustomerQuery q(db);
    for (qint64 offset : {qint64(0), qint64(30)}) {
        auto page = q.page({}, store::CustomerSort::Name, false, offset, 70);
        ASSERT_TRUE(page) << page.error().message.toStdString();
        ASSERT_EQ(page->size(), 70u);
        for (std::size_t i = 0; i < page->size(); ++i) {
            const auto &[name, id] = expected[std::size_t(offset) + i];
            EXPECT_EQ((*page)[i].id, id) << "row " << i << " from " << offset;
            EXPECT_EQ((*page)[i].name, name);
            EXPECT_EQ((*page)[i].phone,
                      QStringLiteral("+86 138 0000 %1").arg(id / 10, 4, 10, QLatin1Char('0')));
        }
    }
}

TEST_F(CustomerQueryTest, AnArchivedCustomerLeavesTheQueueAtOnce)
{
    store::CustomerFilter queue;
    queue.dueOnOrBefore = kAsOf;
    store::CustomerQuery q(db);
    auto before = q.page(queue, store::CustomerSort::Priority, false, 0, 1);
    ASSERT_TRUE(before);
    ASSERT_FALSE(before->empty());
    const CustomerId first = before->front().id;
    ASSERT_TRUE(store::CustomerRepository(db).setArchived(first, true));
    auto after = q.page(queue, store::CustomerSort::Priority, false, 0, 1);
    ASSERT_TRUE(after);
    ASSERT_FALSE(after->empty());
    EXPECT_NE(after->front().id, first);
    EXPECT_EQ(q.count(queue).value_or(-1), referenceCount(db, queue));
    expectSameAsReference();
}

TEST_F(CustomerQueryTest, OneCustomersRowIsInAListExactlyWhenThePlainStatementListsIt)
{
    // What a list shows of one customer before and after a write (the window's in-place update).
    store::CustomerQuery q(db);
    store::CustomerFilter all;
    all.includeArchived = true;
    const std::vector<CustomerId> everyone =
        referenceIds(db, all, store::CustomerSort::Id, false, 0, kCustomers);
    ASSERT_EQ(everyone.size(), std::size_t(kCustomers));
    int checked = 0;
    for (const store::CustomerFilter &f : filters()) {
        if (!f.search.isEmpty()) {
            EXPECT_FALSE(q.rowIn(f, everyone.front())); // not for a search
            continue;
        }
        const std::vector<CustomerId> listed =
            referenceIds(db, f, store::CustomerSort::Id, false, 0, kCustomers);
        for (CustomerId id : everyone) {
            auto row = q.rowIn(f, id);
            ASSERT_TRUE(row) << row.error().message.toStdString();
            const bool inList = std::binary_search(listed.begin(), listed.end(), id);
            ASSERT_EQ(row->has_value(), inList) << "customer " << id << " filter #" << checked;
            if (*row) {
                auto plain = q.row(id);
                ASSERT_TRUE(plain && *plain);
                EXPECT_EQ((*row)->id, id);
                EXPECT_EQ((*row)->due, (*plain)->due);
                EXPECT_EQ((*row)->priority, (*plain)->priority);
            }
        }
        ++checked;
    }
    EXPECT_EQ(checked, 11); // the filters without a search
}

TEST_F(CustomerQueryTest, OwnersAreListedOnceInOrder)
{
    auto owners = store::CustomerQuery(db).owners();
    ASSERT_TRUE(owners);
    EXPECT_EQ(*owners, (QStringList{QStringLiteral("Anna"), QStringLiteral("Li"), QStringLiteral("吴")}));
}

TEST_F(CustomerQueryTest, StoredValuesNoWriterOfOursGivesAreSortedAsSQLiteSortsThem)
{
    // The lists sort by a classification column in memory, from keys of the stored texts, dates
    // and money TierDesk writes. Another program may store others: a segment of its own, a date
    // in another form, a spend beyond the keys' range, a class of 40. SQLite's order holds.
    ASSERT_TRUE(db.exec("UPDATE classification SET segment = 'Zz other' WHERE customer_id % 17 = 3"));
    ASSERT_TRUE(db.exec("UPDATE classification SET segment = 'about' WHERE customer_id % 19 = 4"));
    ASSERT_TRUE(db.exec("UPDATE classification SET last_contact = '2026-6-1' WHERE customer_id % 23 = 5"));
    ASSERT_TRUE(db.exec("UPDATE classification SET due_date = '2026/06/01' WHERE customer_id % 29 = 6"));
    ASSERT_TRUE(db.exec("UPDATE classification SET monetary = 900000000000000000 WHERE customer_id = 41"));
    ASSERT_TRUE(db.exec("UPDATE classification SET monetary = -900000000000000000 WHERE customer_id = 42"));
    ASSERT_TRUE(db.exec("UPDATE classification SET priority = 40 WHERE customer_id = 43"));
    ASSERT_TRUE(db.exec("UPDATE classification SET grade = 'SS' WHERE customer_id = 44"));
    expectSameAsReference();
}

TEST_F(CustomerQueryTest, AListTheKeysCannotOrderIsReadForThemOnceNotForEachPage)
{
    using S = store::CustomerSort;
    ASSERT_TRUE(db.exec("UPDATE classification SET segment = 'Zz other' WHERE customer_id % 17 = 3"));
    // Counts the passes that read the rows of the order by segment for their keys.
    int passes = 0;
    sqlite3_trace_v2(
        db.handle(), SQLITE_TRACE_STMT,
        [](unsigned, void *count, void *stmt, void *) {
            if (QByteArray(sqlite3_sql(static_cast<sqlite3_stmt *>(stmt)))
                    .startsWith("SELECT k.customer_id, k.segment "))
                ++*static_cast<int *>(count);
            return 0;
        },
        &passes);
    store::CustomerQuery q(db);
    const store::CustomerFilter everyone;
    for (qint64 offset : {qint64(7), qint64(150), qint64(200)}) {
        auto page = q.page(everyone, S::Segment, false, offset, 20);
        ASSERT_TRUE(page);
        std::vector<CustomerId> ids;
        for (const store::CustomerRow &r : *page)
            ids.push_back(r.id);
        EXPECT_EQ(ids, referenceIds(db, everyone, S::Segment, false, offset, 20)) << offset;
    }
    sqlite3_trace_v2(db.handle(), 0, nullptr, nullptr);
    EXPECT_EQ(passes, 1);
}

TEST_F(CustomerQueryTest, AnOrderSortedInMemoryIsSortedAgainOnceTheDataChanges)
{
    using S = store::CustomerSort;
    store::CustomerQuery q(db);
    const store::CustomerFilter everyone;
    auto before = q.page(everyone, S::Monetary, true, 0, 3);
    ASSERT_TRUE(before);
    ASSERT_EQ(before->size(), 3u);
    // The last customer of the list by spend becomes its first.
    auto last = q.page(everyone, S::Monetary, true, referenceCount(db, everyone) - 1, 5);
    ASSERT_TRUE(last);
    ASSERT_EQ(last->size(), 1u);
    const CustomerId id = last->front().id;
    ASSERT_NE(before->front().id, id);
    const QByteArray raise =
        "UPDATE classification SET monetary = " + QByteArray::number(before->front().monetary + 1) +
        " WHERE customer_id = " + QByteArray::number(id);
    ASSERT_TRUE(db.exec(raise.constData()));
    auto after = q.page(everyone, S::Monetary, true, 0, 3);
    ASSERT_TRUE(after);
    ASSERT_EQ(after->size(), 3u);
    EXPECT_EQ(after->front().id, id);
    EXPECT_EQ((*after)[1].id, before->front().id);
    EXPECT_EQ((*after)[2].id, (*before)[1].id);
    expectSameAsReference();
}

TEST(CustomerQueryConnections, ANewConnectionSeesWhatWasWrittenSinceAnEarlierOneClosed)
{
    // A worker opens a connection of its own for each read and closes it after: the next one
    // often gets the same address and starts with the same data version. What the first one
    // kept must not answer for the second.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("t.sqlite"));
    store::Database writer;
    ASSERT_TRUE(writer.open(path));
    auto add = [&](const QString &name) {
        Customer c;
        c.name = name;
        c.createdAt = date("2026-06-30");
        ASSERT_TRUE(store::CustomerRepository(writer).add(c));
    };
    add(QStringLiteral("Bob"));
    add(QStringLiteral("Carl"));
    auto firstName = [&](const store::CustomerFilter &f) {
        store::Database reader;
        EXPECT_TRUE(reader.open(path, store::Database::Mode::ReadOnlyUnchecked));
        auto rows = store::CustomerQuery(reader).page(f, store::CustomerSort::Name, false, 0, 10);
        EXPECT_TRUE(rows);
        return rows && !rows->empty() ? rows->front().name : QString();
    };
    const store::CustomerFilter everyone;
    EXPECT_EQ(firstName(everyone), QStringLiteral("Bob"));
    add(QStringLiteral("Aaron"));
    EXPECT_EQ(firstName(everyone), QStringLiteral("Aaron"));
}

TEST(CustomerQuerySortsAlike, OnlyTheColumnsAnOrderReadsMoveARow)
{
    using S = store::CustomerSort;
    store::CustomerRow before;
    before.id = 7;
    before.name = QStringLiteral("王伟");
    before.phone = QStringLiteral("13800138000");
    before.tier = ValueTier::B;
    before.monetary = 500000;
    before.due = date("2026-06-30");
    before.priority = 2;
    before.city = QStringLiteral("上海");

    // A logged call: new last contact and due date; name, tier and spend unchanged.
    store::CustomerRow after = before;
    after.lastContact = date("2026-06-30");
    after.due = date("2026-07-07");
    after.city = QStringLiteral("杭州"); // no order reads the city
    for (S sort : {S::Id, S::Name, S::Company, S::Phone, S::Owner, S::ValueTier, S::Segment, S::Lifecycle,
                   S::Loyalty, S::Grade, S::Monetary})
        EXPECT_TRUE(store::sortsAlike(sort, before, after)) << int(sort);
    for (S sort : {S::LastContact, S::NextDue, S::Priority})
        EXPECT_FALSE(store::sortsAlike(sort, before, after)) << int(sort);

    // The same tier with another spend moves in the tier order (bigger spenders first).
    store::CustomerRow spent = before;
    spent.monetary = 600000;
    EXPECT_FALSE(store::sortsAlike(S::ValueTier, before, spent));
    EXPECT_FALSE(store::sortsAlike(S::Priority, before, spent));
    EXPECT_TRUE(store::sortsAlike(S::Grade, before, spent));

    // Losing the stored classification is taken for a move in every order, not only in those
    // that put the unclassified last.
    store::CustomerRow unclassified = before;
    unclassified.tier.reset();
    EXPECT_FALSE(store::sortsAlike(S::Name, before, unclassified));
    EXPECT_FALSE(store::sortsAlike(S::Grade, before, unclassified));
}

// ---- Searches answered from the texts in memory -------------------------------------------------

TEST_F(CustomerSearchSnapshotTest, EveryPageAndCountIsThatOfThePlainStatement)
{
    ASSERT_TRUE(snapshotStands());
    expectSameAsReference();
}

TEST_F(CustomerSearchSnapshotTest, TypingOnNarrowsTheMatchesToThoseOfThePlainStatement)
{
    store::CustomerQuery q(db);
    for (const char *typed :
         {"w", "wa", "wan",   "wang",    "wang1", "wang12",  "wang1", "",   "王",  "王3",  "3",
          "u", "us", "user1", "user1@g", "@",     "@qq.com", "1",     "13", "138", "+86 1"}) {
        store::CustomerFilter f;
        f.search = QString::fromUtf8(typed);
        auto n = q.count(f);
        ASSERT_TRUE(n);
        EXPECT_EQ(*n, referenceCount(db, f)) << typed;
        for (bool desc : {false, true}) {
            auto page = q.page(f, store::CustomerSort::Name, desc, 0, 40);
            ASSERT_TRUE(page);
            std::vector<CustomerId> ids;
            for (const store::CustomerRow &r : *page)
                ids.push_back(r.id);
            EXPECT_EQ(ids, referenceIds(db, f, store::CustomerSort::Name, desc, 0, 40)) << typed;
        }
    }
}

TEST_F(CustomerSearchSnapshotTest, ShortPagesOfATermInSomeRowsAreThoseOfThePlainStatement)
{
    // A term in a few per cent of the customers finds a short page by walking the first
    // thirty-second of the names (12 of 400 here); a page not full by then is found from all the
    // matches.
    store::CustomerQuery q(db);
    int pages = 0;
    for (const char *typed : {"wang", "王", "qq", "3", "user3", "li", "138 0", "@", "zz", "u"}) {
        store::CustomerFilter f;
        f.search = QString::fromUtf8(typed);
        for (bool archivedToo : {false, true}) {
            f.includeArchived = archivedToo;
            for (bool desc : {false, true}) {
                for (qint64 offset : {0, 1, 4}) {
                    for (int limit : {1, 2, 5}) {
                        auto page = q.page(f, store::CustomerSort::Name, desc, offset, limit);
                        ASSERT_TRUE(page) << page.error().message.toStdString();
                        std::vector<CustomerId> ids;
                        for (const store::CustomerRow &r : *page)
                            ids.push_back(r.id);
                        EXPECT_EQ(ids, referenceIds(db, f, store::CustomerSort::Name, desc, offset, limit))
                            << typed << (desc ? " desc" : "") << " offset " << offset << " limit " << limit
                            << (archivedToo ? " archived too" : "");
                        ++pages;
                    }
                }
            }
        }
    }
    EXPECT_EQ(pages, 10 * 2 * 2 * 3 * 3);
}

TEST_F(CustomerSearchSnapshotTest, FindsEveryRowWhoseTextHasTheTermOnceInIdOrder)
{
    auto snapshot = store::SearchSnapshot::current(db.handle());
    ASSERT_TRUE(snapshot);
    ASSERT_EQ(snapshot->size(), std::size_t(kCustomers));
    // The reference: each row's text, read from the index, searched on its own.
    std::vector<std::pair<CustomerId, QByteArray>> texts;
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db.handle(), "SELECT rowid, text FROM customer_search ORDER BY rowid", -1, &stmt,
                       nullptr);
    while (sqlite3_step(stmt) == SQLITE_ROW)
        texts.emplace_back(sqlite3_column_int64(stmt, 0),
                           QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 1)),
                                      sqlite3_column_bytes(stmt, 1)));
    sqlite3_finalize(stmt);
    ASSERT_EQ(texts.size(), std::size_t(kCustomers));
    for (const char *term : {"w", "王", "明华", "明华贸易", "138", "qq.com", "o'brien", "\n", "0", "99",
                             "zzz", "acme\n", "li1"}) {
        const QByteArray needle(term);
        const auto rows = snapshot->find(needle);
        std::vector<CustomerId> found;
        for (std::uint32_t row : rows)
            found.push_back(snapshot->id(row));
        std::vector<CustomerId> expected;
        for (const auto &[id, text] : texts) {
            if (text.contains(needle))
                expected.push_back(id);
        }
        EXPECT_EQ(found, expected) << term;
        // Among the rows of a shorter term, the same.
        const auto narrowed = snapshot->find(needle, &rows);
        EXPECT_EQ(narrowed, rows) << term;
    }
    EXPECT_TRUE(snapshot->find("").empty());
}

TEST_F(CustomerSearchSnapshotTest, ScannedInPartsByThreadsItFindsTheRowsOfOneScanInIdOrder)
{
    // The page a keystroke waits for scans the texts on each core, in runs of about the same
    // length: the matches of every run, the runs in order, are those of one scan of them all.
    auto snapshot = store::SearchSnapshot::current(db.handle());
    ASSERT_TRUE(snapshot);
    for (const char *term : {"w", "王", "明华", "138", "qq.com", "\n", "0", "zzz", "acme\n", "li1"}) {
        const QByteArray needle(term);
        const auto once = snapshot->find(needle);
        for (int parts : {2, 3, 4, 7, kCustomers - 1, kCustomers, kCustomers + 3})
            EXPECT_EQ(snapshot->find(needle, nullptr, nullptr, parts), once) << term << " in " << parts;
    }
    // Stopped, each run answers at once.
    const std::atomic<bool> stop{true};
    EXPECT_TRUE(snapshot->find("w", nullptr, &stop, 4).empty());
}

TEST_F(CustomerSearchSnapshotTest, APageFoundAmongEveryMatchKnowsItsCount)
{
    // The worker that read a keystroke's first page gives its count with it when the page was
    // found among all the matches: no second scan by a count's worker.
    store::CustomerQuery q(db);
    int known = 0;
    for (const char *typed : {"王", "wang", "qq", "3", "user3", "li", "zz", "u", "w", "1"}) {
        store::CustomerFilter f;
        f.search = QString::fromUtf8(typed);
        for (bool archivedToo : {false, true}) {
            f.includeArchived = archivedToo;
            for (bool desc : {false, true}) {
                ASSERT_TRUE(q.page(f, store::CustomerSort::Name, desc, 0, 40));
                auto n = q.knownCount(f);
                ASSERT_TRUE(n) << n.error().message.toStdString();
                if (*n) {
                    EXPECT_EQ(**n, referenceCount(db, f)) << typed << (archivedToo ? " archived too" : "");
                    ++known;
                }
                // Another filter's count is not this one's.
                store::CustomerFilter other = f;
                other.includeArchived = !archivedToo;
                EXPECT_EQ(q.knownCount(other).value_or(std::optional<qint64>(-1)), std::nullopt) << typed;
                other = f;
                other.search += QStringLiteral("x");
                EXPECT_EQ(q.knownCount(other).value_or(std::optional<qint64>(-1)), std::nullopt) << typed;
            }
        }
        // Counted, it is known: the count's matches are the page's.
        f.includeArchived = false;
        ASSERT_TRUE(q.count(f));
        EXPECT_EQ(q.knownCount(f).value_or(std::nullopt), referenceCount(db, f)) << typed;
    }
    EXPECT_GT(known, 0);
    // A filter the texts in memory do not answer alone: not known.
    store::CustomerFilter tiered;
    tiered.search = QStringLiteral("王");
    tiered.tier = ValueTier::A;
    ASSERT_TRUE(q.page(tiered, store::CustomerSort::Name, false, 0, 40));
    EXPECT_EQ(q.knownCount(tiered).value_or(std::optional<qint64>(-1)), std::nullopt);
    // After a write, what was found may no longer be so.
    store::CustomerFilter f;
    f.search = QStringLiteral("王");
    ASSERT_TRUE(q.page(f, store::CustomerSort::Name, false, 0, 40));
    ASSERT_TRUE(q.knownCount(f).value_or(std::nullopt));
    auto first = q.page(f, store::CustomerSort::Name, false, 0, 1);
    ASSERT_TRUE(first && !first->empty());
    ASSERT_TRUE(store::CustomerRepository(db).setArchived(first->front().id, true));
    EXPECT_EQ(q.knownCount(f).value_or(std::optional<qint64>(-1)), std::nullopt);
    auto recount = q.page(f, store::CustomerSort::Name, false, 0, 40);
    ASSERT_TRUE(recount);
    EXPECT_EQ(q.knownCount(f).value_or(std::nullopt), referenceCount(db, f));
}

TEST_F(CustomerSearchSnapshotTest, AStoppedSearchAnswersNothingAndKeepsNothing)
{
    // The next keystroke stops the search of the one before (Database::stopWhen): its scan of the
    // texts ends at once, with an error rather than some of the matches.
    auto snapshot = store::SearchSnapshot::current(db.handle());
    ASSERT_TRUE(snapshot);
    const std::atomic<bool> stop{true};
    const auto all = snapshot->find("w");
    ASSERT_FALSE(all.empty());
    EXPECT_TRUE(snapshot->find("w", nullptr, &stop).empty());
    EXPECT_TRUE(snapshot->find("wa", &all, &stop).empty());

    store::CustomerQuery q(db);
    store::CustomerFilter f;
    f.search = QStringLiteral("wa");
    auto flag = std::make_shared<std::atomic<bool>>(true);
    db.stopWhen(flag);
    EXPECT_FALSE(q.count(f));
    EXPECT_FALSE(q.countAtMost(f, 5));
    EXPECT_FALSE(q.page(f, store::CustomerSort::Name, false, 0, 40));
    db.stopWhen({});
    // What the stopped search had found is not taken for the term's matches, nor for those of a
    // term typed on.
    EXPECT_EQ(*q.count(f), referenceCount(db, f));
    f.search = QStringLiteral("wan");
    EXPECT_EQ(*q.count(f), referenceCount(db, f));
    expectSameAsReference();
}

TEST_F(CustomerSearchSnapshotTest, RanksEveryoneByNameThenIdArchivedOrNot)
{
    auto snapshot = store::SearchSnapshot::current(db.handle());
    ASSERT_TRUE(snapshot);
    std::vector<CustomerId> byRank(snapshot->size());
    for (std::uint32_t row = 0; row < snapshot->size(); ++row) {
        ASSERT_NE(snapshot->nameRank(row), store::SearchSnapshot::kNoRank);
        byRank[snapshot->nameRank(row)] = snapshot->id(row);
    }
    store::CustomerFilter everyone;
    everyone.includeArchived = true;
    EXPECT_EQ(byRank, referenceIds(db, everyone, store::CustomerSort::Name, false, 0, kCustomers));
}

TEST_F(CustomerSearchSnapshotTest, AnEditedCustomerIsFoundByItsNewNameAndArchivingTakesEffectAtOnce)
{
    store::CustomerQuery q(db);
    store::CustomerFilter f;
    f.search = QStringLiteral("wang");
    const qint64 before = referenceCount(db, f);
    ASSERT_EQ(*q.count(f), before);

    // Archiving leaves the index as it is: the snapshot still stands, and leaves the customer out.
    auto first = q.page(f, store::CustomerSort::Name, false, 0, 1);
    ASSERT_TRUE(first);
    ASSERT_FALSE(first->empty());
    const CustomerId archived = first->front().id;
    ASSERT_TRUE(store::CustomerRepository(db).setArchived(archived, true));
    EXPECT_TRUE(snapshotStands());
    EXPECT_EQ(*q.count(f), before - 1);
    auto page = q.page(f, store::CustomerSort::Name, false, 0, 1);
    ASSERT_TRUE(page);
    ASSERT_FALSE(page->empty());
    EXPECT_NE(page->front().id, archived);

    // A new name is in the index, not in the snapshot: the index answers until one is read again.
    auto customer = store::CustomerRepository(db).find(archived + 1);
    ASSERT_TRUE(customer);
    ASSERT_TRUE(*customer);
    Customer renamed = **customer;
    renamed.name = QStringLiteral("Aaa Wangxyz");
    ASSERT_TRUE(store::CustomerRepository(db).update(renamed));
    EXPECT_FALSE(snapshotStands());
    f.search = QStringLiteral("wangxyz");
    EXPECT_EQ(*q.count(f), 1);
    ASSERT_TRUE(q.prepareSearchSnapshot(0));
    EXPECT_TRUE(snapshotStands());
    EXPECT_EQ(*q.count(f), 1);
    f.search = QStringLiteral("wang");
    EXPECT_EQ(*q.count(f), referenceCount(db, f));
    expectSameAsReference();
}

TEST_F(CustomerSearchSnapshotTest, OneThatNoLongerStandsIsLetGoBeforeTheNextIsRead)
{
    // Kept until the next one replaced it, a snapshot that no longer stands was held twice over
    // while that one was read (100 MB more at a million customers), for no search.
    std::weak_ptr<const store::SearchSnapshot> first = store::SearchSnapshot::current(db.handle());
    ASSERT_FALSE(first.expired());
    store::CustomerQuery q(db);
    ASSERT_TRUE(q.prepareSearchSnapshot(0));
    EXPECT_EQ(store::SearchSnapshot::current(db.handle()), first.lock()); // it stands: kept

    auto customer = store::CustomerRepository(db).find(1);
    ASSERT_TRUE(customer && *customer);
    Customer renamed = **customer;
    renamed.name = QStringLiteral("Renamed");
    ASSERT_TRUE(store::CustomerRepository(db).update(renamed));
    EXPECT_FALSE(snapshotStands());
    EXPECT_FALSE(first.expired()); // nothing asked for the next one yet

    // Asked for the next one, before it is read (here never: too few customers for it).
    auto ready = q.prepareSearchSnapshot(std::numeric_limits<qint64>::max());
    ASSERT_TRUE(ready);
    EXPECT_FALSE(*ready);
    EXPECT_TRUE(first.expired());

    ASSERT_TRUE(q.prepareSearchSnapshot(0));
    EXPECT_TRUE(snapshotStands());
    store::CustomerFilter f;
    f.search = QStringLiteral("renamed");
    EXPECT_EQ(*q.count(f), 1);
    expectSameAsReference();
}

TEST(CustomerSearchSnapshot, IsReadThroughASmallPageCacheAndTheConnectionGetsItsOwnSizeBack)
{
    // The texts and the name index are read once, end to end: through a kept reader's 32 MiB cache
    // they stayed in it (and resident) beside the snapshot, and pushed out what the lists read.
    store::SearchSnapshot::forgetAll();
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
    ASSERT_EQ(test::scalar(db, "PRAGMA cache_size"), -32768);
    auto ready = store::CustomerQuery(db).prepareSearchSnapshot(0);
    ASSERT_TRUE(ready) << ready.error().message.toStdString();
    ASSERT_TRUE(*ready);
    auto snapshot = store::SearchSnapshot::current(db.handle());
    ASSERT_TRUE(snapshot);
    EXPECT_EQ(snapshot->size(), 100000u);
    EXPECT_EQ(snapshot->rowAtRank(0), 0u); // "Customer 0000000"
    EXPECT_EQ(snapshot->nameRank(99999), 99999u);
    EXPECT_LE(test::pageCacheUsed(db), 3 * 1024 * 1024);
    EXPECT_EQ(test::scalar(db, "PRAGMA cache_size"), -32768);
    store::SearchSnapshot::forgetAll();
}

TEST(CustomerSearchSnapshot, IsNotReadForASmallDatabaseOrOneInMemory)
{
    store::SearchSnapshot::forgetAll();
    store::Database memory;
    ASSERT_TRUE(memory.openInMemory());
    Customer c;
    c.name = QStringLiteral("Bob");
    c.createdAt = date("2026-06-30");
    ASSERT_TRUE(store::CustomerRepository(memory).add(c));
    auto ready = store::CustomerQuery(memory).prepareSearchSnapshot(0);
    ASSERT_TRUE(ready);
    EXPECT_FALSE(*ready); // nothing to keep it by

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    store::Database file;
    ASSERT_TRUE(file.open(dir.filePath(QStringLiteral("t.sqlite"))));
    ASSERT_TRUE(store::CustomerRepository(file).add(c));
    ready = store::CustomerQuery(file).prepareSearchSnapshot(2);
    ASSERT_TRUE(ready);
    EXPECT_FALSE(*ready); // one customer: the index is quick enough
    EXPECT_EQ(store::SearchSnapshot::current(file.handle()), nullptr);
    ready = store::CustomerQuery(file).prepareSearchSnapshot(1);
    ASSERT_TRUE(ready);
    EXPECT_TRUE(*ready);
    // Released while one was being read: that one is not kept either.
    const std::uint64_t since = store::SearchSnapshot::generation();
    auto late = store::SearchSnapshot::read(file.handle());
    ASSERT_TRUE(late);
    store::CustomerQuery::releaseSearchSnapshots();
    EXPECT_EQ(store::SearchSnapshot::current(file.handle()), nullptr);
    EXPECT_FALSE(store::SearchSnapshot::keep(file.handle(), *late, since));
    EXPECT_EQ(store::SearchSnapshot::current(file.handle()), nullptr);
    EXPECT_TRUE(store::SearchSnapshot::keep(file.handle(), *late, store::SearchSnapshot::generation()));
    EXPECT_NE(store::SearchSnapshot::current(file.handle()), nullptr);
    store::CustomerFilter f;
    f.search = QStringLiteral("bo");
    EXPECT_EQ(*store::CustomerQuery(file).count(f), 1);
    store::SearchSnapshot::forgetAll();
}
