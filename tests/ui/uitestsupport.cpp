#include "uitestsupport.h"

#include "backgroundread.h"
#include "io/classifyjob.h"
#include "messagebox.h"
#include "store/database.h"
#include "store/repositories.h"
#include "support/testsupport.h"

#include <QDeadlineTimer>
#include <QThread>
#include <QThreadPool>

#include <utility>

namespace tierdesk::test {

namespace {

Customer person(CustomerId id, const QString &name, const QString &company, const QString &phone,
                const QString &owner, const char *created)
{
    Customer c;
    c.id = id;
    c.name = name;
    c.company = company;
    c.phone = phone;
    c.owner = owner;
    c.createdAt = date(created);
    return c;
}

void order(store::Database &db, CustomerId id, const char *when, Cents amount)
{
    Order o;
    o.customerId = id;
    o.orderedAt = date(when);
    o.amount = amount;
    ASSERT_TRUE(store::OrderRepository(db).add(o));
}

void call(store::Database &db, CustomerId id, const char *when, Outcome outcome,
          const char *followUp = nullptr)
{
    Call c;
    c.customerId = id;
    c.calledAt = QDateTime(date(when), QTime(10, 0), Qt::UTC);
    c.outcome = outcome;
    if (followUp)
        c.nextFollowUp = date(followUp);
    ASSERT_TRUE(store::CallRepository(db).add(c));
}

} // namespace

void UiFixture::SetUp()
{
    ASSERT_TRUE(dir.isValid());
    dbPath = dir.filePath(QStringLiteral("team.sqlite"));
    {
        store::Database db;
        ASSERT_TRUE(db.open(dbPath));
        store::CustomerRepository customers(db);
        Customer wang = person(1, QStringLiteral("王伟"), QStringLiteral("上海明华贸易有限公司"),
                               QStringLiteral("+86 138 0013 8000"), QStringLiteral("李娜"), "2024-03-01");
        wang.grade = Grade::A;
        wang.gradeSetAt = date("2026-06-01");
        wang.email = QStringLiteral("wang.wei@minghua.cn");
        wang.city = QStringLiteral("上海");
        wang.tags = {QStringLiteral("老客户"), QStringLiteral("vip")};
        ASSERT_TRUE(customers.add(wang));
        Customer anna = person(2, QStringLiteral("Anna Schmidt"), QStringLiteral("Northwind Foods GmbH"),
                               QStringLiteral("13900001111"), QStringLiteral("Anna"), "2024-05-01");
        anna.type = CustomerType::Enterprise;
        ASSERT_TRUE(customers.add(anna));
        ASSERT_TRUE(
            customers.add(person(3, QStringLiteral("张秀英"), QString(), QStringLiteral("021-6123 4567"),
                                 QStringLiteral("李娜"), "2026-06-01")));
        ASSERT_TRUE(
            customers.add(person(4, QStringLiteral("李强"), QStringLiteral("杭州恒通科技"),
                                 QStringLiteral("13700007777"), QStringLiteral("李娜"), "2026-05-01")));
        ASSERT_TRUE(
            customers.add(person(5, QStringLiteral("王伟"), QString(), QStringLiteral("0086-138-0013-8000"),
                                 QStringLiteral("Anna"), "2026-06-15")));
        order(db, 1, "2026-05-20", 12840000);
        order(db, 1, "2025-12-01", 3000000);
        order(db, 2, "2025-09-01", 800000);
        order(db, 2, "2025-11-15", 900000);
        call(db, 1, "2026-06-20", Outcome::Reached);
        call(db, 2, "2026-06-10", Outcome::NoAnswer);
        call(db, 4, "2026-06-25", Outcome::Reached, "2026-07-10");
        ASSERT_TRUE(io::classifyDatabase(db, date("2026-06-30"), /*store=*/true));
    }
    session = std::make_unique<ui::Session>();
    session->setToday(date("2026-06-30"));
    ASSERT_TRUE(session->open(dbPath));
}

void UiFixture::TearDown()
{
    session.reset();
}

WorkerGate::WorkerGate()
{
    // One thread, busy until release(): every task queued after this one waits.
    QThreadPool *pool = ui::readerPool();
    m_threads = pool->maxThreadCount();
    pool->setMaxThreadCount(1);
    pool->start([open = m_open] { open->acquire(); });
}

WorkerGate::~WorkerGate()
{
    release();
}

void WorkerGate::release()
{
    if (std::exchange(m_released, true))
        return;
    m_open->release();
    ui::readerPool()->setMaxThreadCount(m_threads);
}

WriteStartedHook::WriteStartedHook(std::function<void(const std::atomic<bool> *)> hook)
{
    store::ClassificationStore::setWriteStartedHook(std::move(hook));
}

WriteStartedHook::~WriteStartedHook()
{
    ui::Session::workerPool()->waitForDone(20'000);
    store::ClassificationStore::setWriteStartedHook({});
}

HoldTheFirstRunsWrite::HoldTheFirstRunsWrite()
    : m_hook([runs = m_runs](const std::atomic<bool> *stop) {
        if ((*runs)++ > 0)
            return;
        QDeadlineTimer deadline(15'000);
        while (!(stop && stop->load()) && !deadline.hasExpired())
            QThread::msleep(1);
    })
{}

} // namespace tierdesk::test
