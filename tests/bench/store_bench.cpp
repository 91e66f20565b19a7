// tierdesk_bench_store: the store and io paths behind each figure of docs/benchmarks.md, on a real
// database (TIERDESK_BENCH_DB, a working copy: the call and classification benchmarks write).
//
//   TIERDESK_BENCH_DB=/tmp/bench/1000000/work.sqlite build/bench/tests/bench/tierdesk_bench_store
//
// Each benchmark reports its time and the process's peak RSS so far (peak_rss_MiB).

#include "benchsupport.h"
#include "classify/classify.h"
#include "io/calllist.h"
#include "io/classifyjob.h"
#include "store/chartquery.h"
#include "store/customerquery.h"
#include "store/database.h"
#include "store/duplicates.h"
#include "store/repositories.h"
#include "store/searchsnapshot.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <memory>
#include <sqlite3.h>

using namespace tierdesk;

namespace {

store::Database &database()
{
    static std::unique_ptr<store::Database> db = [] {
        auto d = std::make_unique<store::Database>();
        if (auto ok = d->open(bench::databasePath()); !ok)
            bench::die(ok.error().message);
        return d;
    }();
    return *db;
}

const classify::Settings &settings()
{
    static const classify::Settings s = [] {
        auto loaded = store::SettingsRepository(database()).load();
        if (!loaded)
            bench::die(loaded.error().message);
        return *loaded;
    }();
    return s;
}

void reportMemory(benchmark::State &state)
{
    state.counters["peak_rss_MiB"] = bench::peakRssMiB();
}

template<typename T>
T check(Result<T> r)
{
    if (!r)
        bench::die(r.error().message);
    return std::move(*r);
}

void check(Result<void> r)
{
    if (!r)
        bench::die(r.error().message);
}

qint64 scalar(const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(database().handle(), sql, -1, &stmt, nullptr) != SQLITE_OK)
        bench::die(QString::fromUtf8(sqlite3_errmsg(database().handle())));
    qint64 n = 0;
    if (sqlite3_step(stmt) == SQLITE_ROW)
        n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return n;
}

/// A write that changes nothing but counts as a change: the store's caches of query results
/// (the ids around a page, a search's match count, the charts) start over, as after a logged
/// call. Call with the timing paused.
void dataChanged()
{
    check(database().exec("UPDATE classification_runs SET duration_ms = duration_ms WHERE id = (SELECT "
                          "max(id) FROM classification_runs)"));
}

// ---- Opening ------------------------------------------------------------------------------------

/// What Session::open does before the window can show anything: open (PRAGMAs, quick_check,
/// migrations), the settings, the last run.
void BM_OpenDatabase(benchmark::State &state)
{
    for (auto _ : state) {
        store::Database db;
        check(db.open(bench::databasePath()));
        benchmark::DoNotOptimize(check(store::SettingsRepository(db).load()));
        benchmark::DoNotOptimize(check(store::ClassificationStore(db).lastRun()));
    }
    reportMemory(state);
}
BENCHMARK(BM_OpenDatabase)->Unit(benchmark::kMillisecond);

// ---- Classification -----------------------------------------------------------------------------

/// The pass of a daily run: the customers' history digests are built (by an untimed pass first,
/// when the file has none yet), and nothing changed since.
void BM_MetricsPass(benchmark::State &state)
{
    check(store::MetricsQuery(database()).all(bench::asOf(), settings()));
    for (auto _ : state)
        benchmark::DoNotOptimize(check(store::MetricsQuery(database()).all(bench::asOf(), settings())));
    reportMemory(state);
}
BENCHMARK(BM_MetricsPass)->Unit(benchmark::kMillisecond)->Iterations(3);

/// The pass of a daily run after a day of work: the as-of day's calls and orders (at 1M 25,800
/// and 11,721) are logged once more, as new rows after those the digests hold, which every pass
/// then reads from the tables' ends and merges in. They are deleted again at the end.
void BM_MetricsPassAfterADay(benchmark::State &state)
{
    check(store::MetricsQuery(database()).all(bench::asOf(), settings()));
    const QByteArray day = bench::asOf().toString(Qt::ISODate).toUtf8();
    const qint64 calls = scalar("SELECT ifnull(max(id), 0) FROM calls");
    const qint64 orders = scalar("SELECT ifnull(max(id), 0) FROM orders");
    const QByteArray logCalls =
        "INSERT INTO calls (customer_id, called_at, direction, outcome, duration_s, next_follow_up) SELECT "
        "customer_id, called_at, direction, outcome, duration_s, next_follow_up FROM calls WHERE called_at "
        ">= '" +
        day + "'";
    const QByteArray logOrders = "INSERT INTO orders (customer_id, ordered_at, amount) SELECT customer_id, "
                                 "ordered_at, amount FROM orders WHERE ordered_at >= '" +
                                 day + "'";
    check(database().exec(logCalls.constData()));
    check(database().exec(logOrders.constData()));
    for (auto _ : state)
        benchmark::DoNotOptimize(check(store::MetricsQuery(database()).all(bench::asOf(), settings())));
    reportMemory(state);
    state.counters["new_rows"] = double(scalar("SELECT ifnull(max(id), 0) FROM calls") - calls +
                                        scalar("SELECT ifnull(max(id), 0) FROM orders") - orders);
    const QByteArray undo = "DELETE FROM calls WHERE id > " + QByteArray::number(calls) +
                            "; DELETE FROM orders WHERE id > " + QByteArray::number(orders);
    check(database().exec(undo.constData()));
}
BENCHMARK(BM_MetricsPassAfterADay)->Unit(benchmark::kMillisecond)->Iterations(3);

/// The first pass after an import or an upgrade: it builds every customer's history digest from
/// the orders and calls tables and writes them.
void BM_MetricsPassFirst(benchmark::State &state)
{
    for (auto _ : state) {
        state.PauseTiming();
        check(database().exec("UPDATE customer_history_state SET built = 0"));
        state.ResumeTiming();
        benchmark::DoNotOptimize(check(store::MetricsQuery(database()).all(bench::asOf(), settings())));
    }
    reportMemory(state);
}
BENCHMARK(BM_MetricsPassFirst)->Unit(benchmark::kMillisecond)->Iterations(2);

void BM_ClassifyRules(benchmark::State &state)
{
    const auto facts = check(store::MetricsQuery(database()).all(bench::asOf(), settings()));
    for (auto _ : state)
        benchmark::DoNotOptimize(classify::run(facts, settings(), bench::asOf()));
    reportMemory(state);
}
BENCHMARK(BM_ClassifyRules)->Unit(benchmark::kMillisecond)->Iterations(3);

/// Storing the results: only the rows that differ from the stored ones are written. Alternates
/// between the results of two consecutive days, so every write stores one day's changes.
void BM_StoreResultsNextDay(benchmark::State &state)
{
    const QDate d1 = bench::asOf().addDays(-2), d2 = bench::asOf().addDays(-1);
    const auto f1 = check(store::MetricsQuery(database()).all(d1, settings()));
    const auto r1 = classify::run(f1, settings(), d1);
    const auto f2 = check(store::MetricsQuery(database()).all(d2, settings()));
    const auto r2 = classify::run(f2, settings(), d2);
    check(store::ClassificationStore(database()).replace(f1, r1, 0));
    int k = 0;
    for (auto _ : state) {
        const bool second = k++ % 2 == 0;
        check(store::ClassificationStore(database()).replace(second ? f2 : f1, second ? r2 : r1, 0));
    }
    reportMemory(state);
}
BENCHMARK(BM_StoreResultsNextDay)->Unit(benchmark::kMillisecond)->Iterations(4);

/// The full classification as F5, the desktop on a new day and `tierdesk-cli classify` run it:
/// metrics, rules, one write transaction. Alternates between two consecutive days of one month,
/// so every run stores a day's changes, as the first run of a day does.
void BM_ClassifyDatabaseDaily(benchmark::State &state)
{
    const QDate d1 = bench::asOf().addDays(-2), d2 = bench::asOf().addDays(-1);
    check(io::classifyDatabase(database(), d1, true));
    int k = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(check(io::classifyDatabase(database(), k++ % 2 ? d1 : d2, /*store=*/true)));
    check(io::classifyDatabase(database(), bench::asOf(), true));
    reportMemory(state);
}
BENCHMARK(BM_ClassifyDatabaseDaily)->Unit(benchmark::kMillisecond)->Iterations(4);

/// The same run when nothing changed since the stored one (F5 pressed twice).
void BM_ClassifyDatabaseAgain(benchmark::State &state)
{
    check(io::classifyDatabase(database(), bench::asOf(), true));
    for (auto _ : state)
        benchmark::DoNotOptimize(check(io::classifyDatabase(database(), bench::asOf(), /*store=*/true)));
    reportMemory(state);
}
BENCHMARK(BM_ClassifyDatabaseAgain)->Unit(benchmark::kMillisecond)->Iterations(3);

/// The first run of a month: the stored tiers are kept as last month's snapshot first.
void BM_ClassifyDatabaseNewMonth(benchmark::State &state)
{
    const QDate june = bench::asOf().addDays(-1), july = bench::asOf().addDays(1);
    check(io::classifyDatabase(database(), june, true));
    int k = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(check(io::classifyDatabase(database(), k++ % 2 ? june : july, true)));
    check(io::classifyDatabase(database(), bench::asOf(), true));
    reportMemory(state);
}
BENCHMARK(BM_ClassifyDatabaseNewMonth)->Unit(benchmark::kMillisecond)->Iterations(2);

/// The first run after an import: nothing stored yet, every row written and indexed.
void BM_ClassifyDatabaseFirst(benchmark::State &state)
{
    for (auto _ : state) {
        state.PauseTiming();
        check(database().exec("DELETE FROM classification"));
        check(database().exec("DELETE FROM classification_digests"));
        state.ResumeTiming();
        benchmark::DoNotOptimize(check(io::classifyDatabase(database(), bench::asOf(), /*store=*/true)));
    }
    reportMemory(state);
}
BENCHMARK(BM_ClassifyDatabaseFirst)->Unit(benchmark::kMillisecond)->Iterations(2);

// ---- The customer table -------------------------------------------------------------------------

constexpr int kPage = 256; // CustomerTableModel's page size

const char *sortName(store::CustomerSort s)
{
    using S = store::CustomerSort;
    switch (s) {
    case S::Id:
        return "id";
    case S::Name:
        return "name";
    case S::Company:
        return "company";
    case S::Phone:
        return "phone";
    case S::Owner:
        return "owner";
    case S::ValueTier:
        return "tier";
    case S::Segment:
        return "segment";
    case S::Lifecycle:
        return "lifecycle";
    case S::Loyalty:
        return "loyalty";
    case S::Grade:
        return "grade";
    case S::LastContact:
        return "last_contact";
    case S::NextDue:
        return "next_due";
    case S::Monetary:
        return "monetary";
    case S::Priority:
        return "priority";
    }
    return "?";
}

/// What the customer list does when it opens or a filter changes: count(*) and the first page.
/// Every iteration starts after a change (nothing cached), as the first time it is asked.
void BM_CustomerListReload(benchmark::State &state)
{
    const auto sort = store::CustomerSort(state.range(0));
    const bool descending = state.range(1) != 0;
    store::CustomerQuery q(database());
    for (auto _ : state) {
        state.PauseTiming();
        dataChanged();
        state.ResumeTiming();
        benchmark::DoNotOptimize(check(q.count({})));
        benchmark::DoNotOptimize(check(q.page({}, sort, descending, 0, kPage)));
    }
    state.SetLabel(std::string(sortName(sort)) + (descending ? " desc" : ""));
    reportMemory(state);
}

/// One page of the customer list at a depth (percent of the list): what scrolling or dragging
/// the scroll bar there costs.
void BM_CustomerPage(benchmark::State &state)
{
    const auto sort = store::CustomerSort(state.range(0));
    store::CustomerQuery q(database());
    const qint64 n = check(q.count({}));
    const qint64 offset = std::max<qint64>(0, std::min(n - kPage, n * state.range(1) / 100));
    for (auto _ : state) {
        state.PauseTiming();
        dataChanged();
        state.ResumeTiming();
        benchmark::DoNotOptimize(check(q.page({}, sort, false, offset, kPage)));
    }
    state.SetLabel(std::string(sortName(sort)) + " @" + std::to_string(state.range(1)) + "%");
    reportMemory(state);
}

/// Scrolling down page after page from a depth, as a wheel or Page Down does (the ids of the
/// next pages come with the first one: most pages cost only their rows).
void BM_CustomerScroll(benchmark::State &state)
{
    const auto sort = store::CustomerSort(state.range(0));
    store::CustomerQuery q(database());
    const qint64 n = check(q.count({}));
    qint64 offset = n * state.range(1) / 100;
    for (auto _ : state) {
        if (offset + kPage > n)
            offset = 0;
        benchmark::DoNotOptimize(check(q.page({}, sort, false, offset, kPage)));
        offset += kPage;
    }
    state.SetLabel(std::string(sortName(sort)) + " from " + std::to_string(state.range(1)) + "%");
    reportMemory(state);
}

void registerTableBenchmarks()
{
    using S = store::CustomerSort;
    for (S s : {S::Name, S::Company, S::Phone, S::Owner, S::ValueTier, S::Segment, S::Lifecycle, S::Loyalty,
                S::Grade, S::LastContact, S::NextDue, S::Monetary}) {
        for (int desc : {0, 1})
            benchmark::RegisterBenchmark("BM_CustomerListReload", BM_CustomerListReload)
                ->Args({int(s), desc})
                ->Unit(benchmark::kMillisecond);
        for (int depth : {0, 50, 100})
            benchmark::RegisterBenchmark("BM_CustomerPage", BM_CustomerPage)
                ->Args({int(s), depth})
                ->Unit(benchmark::kMillisecond);
    }
    for (S s : {S::Name, S::ValueTier, S::NextDue})
        for (int depth : {0, 50, 90})
            benchmark::RegisterBenchmark("BM_CustomerScroll", BM_CustomerScroll)
                ->Args({int(s), depth})
                ->Unit(benchmark::kMillisecond);
}

// ---- Search -------------------------------------------------------------------------------------

// What people type: a surname in characters and in pinyin, part of a company, a phone prefix typed
// with and without separators, an e-mail fragment; one and two characters (the first keystrokes).
const std::vector<QString> &needles()
{
    static const std::vector<QString> n{
        QStringLiteral("王"),       QStringLiteral("wa"),       QStringLiteral("wan"),
        QStringLiteral("wang"),     QStringLiteral("明华"),     QStringLiteral("明华贸易"),
        QStringLiteral("138"),      QStringLiteral("138 0013"), QStringLiteral("1380013"),
        QStringLiteral("gmail"),    QStringLiteral("@qq.com"),  QStringLiteral("o'brien"),
        QStringLiteral("zzzq"),     QStringLiteral("1"),        QStringLiteral("13"),
        QStringLiteral("w"),        QStringLiteral("g"),        QStringLiteral("明"),
        QStringLiteral("gmail.com")};
    return n;
}

/// As the window does on a big database (a worker, at opening): the texts of the search index read
/// into memory. The searches below use them where the store does.
void prepareSearch(store::CustomerQuery &q)
{
    static bool prepared = false;
    if (!prepared)
        check(q.prepareSearchSnapshot());
    prepared = true;
}

/// Before a timed search: its term is not the last one searched (whose matches a longer term is
/// looked for among), so the search starts from nothing.
void searchSomethingElse(store::CustomerQuery &q)
{
    store::CustomerFilter other;
    other.search = QStringLiteral("§¤");
    check(q.count(other));
}

/// Reading every customer's search text and the name order into memory (SearchSnapshot).
void BM_SearchSnapshotRead(benchmark::State &state)
{
    store::CustomerQuery q(database());
    bool ready = false;
    for (auto _ : state) {
        state.PauseTiming();
        store::SearchSnapshot::forgetAll();
        state.ResumeTiming();
        ready = check(q.prepareSearchSnapshot(0));
    }
    state.counters["ready"] = ready ? 1 : 0;
    reportMemory(state);
}

/// A keystroke in the search box: the count and the first page of the result, sorted by name.
void BM_SearchKeystroke(benchmark::State &state)
{
    store::CustomerFilter f;
    f.search = needles()[std::size_t(state.range(0))];
    store::CustomerQuery q(database());
    prepareSearch(q);
    qint64 found = 0;
    for (auto _ : state) {
        state.PauseTiming();
        dataChanged();
        searchSomethingElse(q);
        state.ResumeTiming();
        found = check(q.count(f));
        benchmark::DoNotOptimize(check(q.page(f, store::CustomerSort::Name, false, 0, kPage)));
    }
    state.SetLabel(f.search.toStdString());
    state.counters["matches"] = double(found);
    reportMemory(state);
}

/// What the window's worker reads for a keystroke before the rows show: the count up to
/// CustomerTableModel's quick limit (5,000), then the first page.
void BM_SearchWindowCount(benchmark::State &state)
{
    store::CustomerFilter f;
    f.search = needles()[std::size_t(state.range(0))];
    store::CustomerQuery q(database());
    prepareSearch(q);
    for (auto _ : state) {
        state.PauseTiming();
        dataChanged();
        searchSomethingElse(q);
        state.ResumeTiming();
        benchmark::DoNotOptimize(check(q.countAtMost(f, 5000)));
    }
    state.SetLabel(f.search.toStdString());
    reportMemory(state);
}

void BM_SearchFirstPage(benchmark::State &state)
{
    store::CustomerFilter f;
    f.search = needles()[std::size_t(state.range(0))];
    store::CustomerQuery q(database());
    prepareSearch(q);
    for (auto _ : state) {
        state.PauseTiming();
        dataChanged();
        searchSomethingElse(q);
        state.ResumeTiming();
        benchmark::DoNotOptimize(check(q.page(f, store::CustomerSort::Name, false, 0, kPage)));
    }
    state.SetLabel(f.search.toStdString());
    reportMemory(state);
}

/// A keystroke that types on: the first page of a term after its one-shorter term was searched
/// (whose matches it may be looked for among).
const std::vector<std::pair<QString, QString>> &typedOn()
{
    static const std::vector<std::pair<QString, QString>> t{
        {QStringLiteral("w"), QStringLiteral("wa")},        {QStringLiteral("wa"), QStringLiteral("wan")},
        {QStringLiteral("wan"), QStringLiteral("wang")},    {QStringLiteral("明"), QStringLiteral("明华")},
        {QStringLiteral("13"), QStringLiteral("138")},      {QStringLiteral("g"), QStringLiteral("gm")},
        {QStringLiteral("gmail"), QStringLiteral("gmail.")}};
    return t;
}

void BM_SearchTypingOn(benchmark::State &state)
{
    const auto &[before, typed] = typedOn()[std::size_t(state.range(0))];
    store::CustomerFilter shorter;
    shorter.search = before;
    store::CustomerFilter f;
    f.search = typed;
    store::CustomerQuery q(database());
    prepareSearch(q);
    for (auto _ : state) {
        state.PauseTiming();
        dataChanged();
        searchSomethingElse(q);
        check(q.count(shorter));
        state.ResumeTiming();
        benchmark::DoNotOptimize(check(q.page(f, store::CustomerSort::Name, false, 0, kPage)));
    }
    state.SetLabel(QString(before + QStringLiteral(" → ") + typed).toStdString());
    reportMemory(state);
}

void registerSearchBenchmarks()
{
    for (std::size_t i = 0; i < typedOn().size(); ++i)
        benchmark::RegisterBenchmark("BM_SearchTypingOn", BM_SearchTypingOn)
            ->Arg(int(i))
            ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("BM_SearchSnapshotRead", BM_SearchSnapshotRead)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(2);
    for (std::size_t i = 0; i < needles().size(); ++i)
        benchmark::RegisterBenchmark("BM_SearchKeystroke", BM_SearchKeystroke)
            ->Arg(int(i))
            ->Unit(benchmark::kMillisecond);
    for (std::size_t i = 0; i < needles().size(); ++i)
        benchmark::RegisterBenchmark("BM_SearchWindowCount", BM_SearchWindowCount)
            ->Arg(int(i))
            ->Unit(benchmark::kMillisecond);
    for (std::size_t i = 0; i < needles().size(); ++i)
        benchmark::RegisterBenchmark("BM_SearchFirstPage", BM_SearchFirstPage)
            ->Arg(int(i))
            ->Unit(benchmark::kMillisecond);
}

// ---- The queue ----------------------------------------------------------------------------------

store::CustomerFilter queueFilter(QDate day)
{
    store::CustomerFilter f;
    f.dueOnOrBefore = day;
    return f;
}

/// What "Today's calls" does on a reload: count, first page in queue order, overdue count.
void BM_QueueReload(benchmark::State &state)
{
    store::CustomerQuery q(database());
    const QDate day = bench::asOf();
    for (auto _ : state) {
        state.PauseTiming();
        dataChanged();
        state.ResumeTiming();
        benchmark::DoNotOptimize(check(q.count(queueFilter(day))));
        benchmark::DoNotOptimize(
            check(q.page(queueFilter(day), store::CustomerSort::Priority, false, 0, kPage)));
        benchmark::DoNotOptimize(check(q.count(queueFilter(day.addDays(-1)))));
    }
    reportMemory(state);
}
BENCHMARK(BM_QueueReload)->Unit(benchmark::kMillisecond);

/// Tools › Find duplicates…: every group of customers sharing a phone or an e-mail key.
void BM_FindDuplicateGroups(benchmark::State &state)
{
    std::size_t groups = 0;
    for (auto _ : state)
        groups = check(store::findDuplicateGroups(database())).size();
    state.counters["groups"] = double(groups);
    reportMemory(state);
}
BENCHMARK(BM_FindDuplicateGroups)->Unit(benchmark::kMillisecond)->Iterations(3);

/// A reached call to the first customer of the day's queue, at minute `minute` of the day's calls,
/// with a follow-up in a week (which takes the customer off the queue).
Call reachedCallOnTopOfTheQueue(store::CustomerQuery &q, QDate day, int minute)
{
    const auto first = check(q.page(queueFilter(day), store::CustomerSort::Priority, false, 0, 1));
    if (first.empty())
        bench::die(QStringLiteral("The queue is empty."));
    Call call;
    call.customerId = first.front().id;
    call.calledAt = QDateTime(day, QTime(9, 0).addSecs(60 * (minute % 600)), Qt::UTC);
    call.direction = Direction::Out;
    call.outcome = Outcome::Reached;
    call.nextFollowUp = day.addDays(7);
    call.note = QStringLiteral("benchmark");
    return call;
}

/// Logging a call on the first customer of the queue until the queue shows the change: the call
/// in one transaction, that customer's due date recomputed, then the queue's and the customer
/// list's reload queries (what the views ran on Session::customerChanged before they changed in
/// place, BM_LogCallInPlace; what they still run when a change moves a row in their order).
void BM_LogCall(benchmark::State &state)
{
    store::CustomerQuery q(database());
    const QDate day = bench::asOf();
    int minute = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const Call call = reachedCallOnTopOfTheQueue(q, day, minute++);
        state.ResumeTiming();

        benchmark::DoNotOptimize(check(io::logCall(database(), call, day)));
        benchmark::DoNotOptimize(check(q.count(queueFilter(day))));
        benchmark::DoNotOptimize(
            check(q.page(queueFilter(day), store::CustomerSort::Priority, false, 0, kPage)));
        benchmark::DoNotOptimize(check(q.count(queueFilter(day.addDays(-1)))));
        benchmark::DoNotOptimize(check(q.count({})));
        benchmark::DoNotOptimize(check(q.page({}, store::CustomerSort::Name, false, 0, kPage)));
    }
    reportMemory(state);
}
BENCHMARK(BM_LogCall)->Unit(benchmark::kMillisecond)->Iterations(50);

/// Logging a call as the window does it since its lists change in place: the customer's row as
/// the queue and the customer list have it (CustomerQuery::rowIn), the call and the new due date,
/// then the row again for each list. Nothing of either list is read again.
void BM_LogCallInPlace(benchmark::State &state)
{
    store::CustomerQuery q(database());
    const QDate day = bench::asOf();
    int minute = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const Call call = reachedCallOnTopOfTheQueue(q, day, minute++);
        state.ResumeTiming();

        benchmark::DoNotOptimize(check(q.rowIn(queueFilter(day), call.customerId)));
        benchmark::DoNotOptimize(check(q.rowIn({}, call.customerId)));
        benchmark::DoNotOptimize(check(io::logCall(database(), call, day)));
        benchmark::DoNotOptimize(check(q.rowIn(queueFilter(day), call.customerId)));
        benchmark::DoNotOptimize(check(q.rowIn({}, call.customerId)));
    }
    reportMemory(state);
}
BENCHMARK(BM_LogCallInPlace)->Unit(benchmark::kMillisecond)->Iterations(50);

/// Only the write: the call and the customer's new due date.
void BM_LogCallWrite(benchmark::State &state)
{
    store::CustomerQuery q(database());
    const QDate day = bench::asOf();
    const auto first = check(q.page(queueFilter(day), store::CustomerSort::Priority, false, 0, 1));
    if (first.empty())
        bench::die(QStringLiteral("The queue is empty."));
    int minute = 0;
    for (auto _ : state) {
        Call call;
        call.customerId = first.front().id;
        call.calledAt = QDateTime(day, QTime(8, 0).addSecs(minute++ % 3600), Qt::UTC);
        call.direction = Direction::Out;
        call.outcome = Outcome::NoAnswer;
        benchmark::DoNotOptimize(check(io::logCall(database(), call, day)));
    }
    reportMemory(state);
}
BENCHMARK(BM_LogCallWrite)->Unit(benchmark::kMillisecond)->Iterations(50);

/// Reading the whole stored queue in order (what an export or a print reads first).
void BM_QueueAllRows(benchmark::State &state)
{
    store::CustomerQuery q(database());
    const QDate day = bench::asOf();
    std::size_t rows = 0;
    for (auto _ : state)
        rows = check(q.page(queueFilter(day), store::CustomerSort::Priority, false, 0,
                            std::numeric_limits<int>::max()))
                   .size();
    state.counters["rows"] = double(rows);
    reportMemory(state);
}
BENCHMARK(BM_QueueAllRows)->Unit(benchmark::kMillisecond)->Iterations(2);

/// The desktop's "Export today's call list": the stored queue in order, written as CSV to a file
/// (io::exportStoredCallList, as Today's calls does in a worker).
void BM_QueueExportDesktop(benchmark::State &state)
{
    const QDate day = bench::asOf();
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("calls.csv"));
    qint64 rows = 0;
    for (auto _ : state)
        rows = check(io::exportStoredCallList(database(), file, day));
    state.counters["rows"] = double(rows);
    reportMemory(state);
}
BENCHMARK(BM_QueueExportDesktop)->Unit(benchmark::kMillisecond)->Iterations(2);

// ---- Charts -------------------------------------------------------------------------------------

/// What the Charts place runs when it is shown after a change (a logged call): the five charts'
/// queries, for the whole team (0) or for one owner (1).
void BM_ChartsReload(benchmark::State &state)
{
    QString owner;
    if (state.range(0)) {
        auto owners = check(store::CustomerQuery(database()).owners());
        owner = owners.isEmpty() ? QString() : owners.front();
    }
    const QDate day = bench::asOf();
    for (auto _ : state) {
        state.PauseTiming();
        // A write, as after a logged call: nothing read before it may be reused.
        check(
            database().exec("UPDATE settings SET value = value WHERE key = (SELECT min(key) FROM settings)"));
        state.ResumeTiming();
        store::ChartQuery q(database(), owner);
        benchmark::DoNotOptimize(check(q.pyramid()));
        benchmark::DoNotOptimize(check(q.lifecycle()));
        benchmark::DoNotOptimize(check(q.rfmGrid()));
        benchmark::DoNotOptimize(check(q.followUpLoad(day)));
        benchmark::DoNotOptimize(check(q.migration(day)));
    }
    state.SetLabel(state.range(0) ? "one owner" : "whole team");
    reportMemory(state);
}
BENCHMARK(BM_ChartsReload)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(5);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    registerTableBenchmarks();
    registerSearchBenchmarks();
    database(); // open before the first timing
    settings();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
