// tierdesk_bench_desktop: the real desktop window (MainWindow, offscreen) on a database, driven
// the way a salesperson uses it, each step timed on the UI thread:
//
//   TIERDESK_BENCH_DB=/tmp/bench/1000000/work.sqlite build/bench/tests/bench/tierdesk_bench_desktop
//
// (offscreen unless QT_QPA_PLATFORM says otherwise; --json for machine-readable output)
//
// A step's time is from the input (a key, a click, a scroll) to the moment its result is painted
// and the event loop is idle again: on a big database that includes the wait for the workers that
// read a search's first page, the queue or the charts. "max block" is the longest the event loop
// went without running a 5 ms timer during the step: what a user would feel as a frozen window.
// Peak memory is the process's (getrusage).
//
// On a copy whose stored run is of the day before TIERDESK_BENCH_AS_OF (classify it with
// `tierdesk-cli --db COPY classify --as-of DAY-1`), opening starts the morning's classification:
// an extra step after "open" times it from the window shown to the views showing the new run.
//
// With TIERDESK_BENCH_DIALOGS set, the steps after "open" are the dialogs instead, as a user
// works them: a customer's card (open, save, archive), Log call and Add order (open, save; on the
// customer list's first row, then each on a customer with many orders not read yet),
// Settings (save), Find duplicates… (open, merge a group, undo it, close) and Import history (open,
// undo the newest import, if the copy has one standing). They write to the copy: use a fresh one.
//
// With TIERDESK_BENCH_IMPORT=DIR, File › Import… right after opening: the customer lists
// DIR/customers-*.csv, then DIR/orders-*.csv and DIR/calls-*.csv, each through the real wizard
// (open it, choose the file, Next, Next, Import), each page timed; an import of orders or calls
// then times the reclassification it starts. TIERDESK_BENCH_IMPORT_ONLY=1 stops after them.
// TIERDESK_BENCH_SQLTRACE=MS prints to stderr every SQL statement of any connection that took
// MS ms or more (the commit at the end of an import among them). TIERDESK_BENCH_STALLS=1 prints
// to stderr, for each step, what the window's thread did during its longest block: ran, waited for
// a core, or slept (the disk, a lock).

#include "benchsupport.h"
#include "charts/chartsview.h"
#include "dialogs/customerdialog.h"
#include "dialogs/duplicatesdialog.h"
#include "dialogs/importhistorydialog.h"
#include "dialogs/importwizard.h"
#include "dialogs/logcalldialog.h"
#include "dialogs/orderdialog.h"
#include "dialogs/settingsdialog.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "model/memory.h"
#include "models/customertablemodel.h"
#include "session.h"
#include "store/database.h"
#include "store/searchsnapshot.h"
#include "store/sqlite.h"
#include "views/customersview.h"
#include "views/queueview.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPrinter>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <malloc.h>
#include <memory>
#include <sqlite3.h>
#include <vector>

using namespace tierdesk;

namespace {

QElapsedTimer processClock;

/// The calling thread's time on a core and waiting for one, in ns (/proc/thread-self/schedstat;
/// zeros where the kernel does not keep it).
struct SchedTimes {
    qint64 onCpu = 0;
    qint64 waiting = 0;
};
SchedTimes schedTimes()
{
    SchedTimes t;
    if (std::FILE *f = std::fopen("/proc/thread-self/schedstat", "r")) {
        long long cpu = 0;
        long long wait = 0;
        if (std::fscanf(f, "%lld %lld", &cpu, &wait) == 2)
            t = {qint64(cpu), qint64(wait)};
        std::fclose(f);
    }
    return t;
}

/// The longest gap between two ticks of a 5 ms timer while it runs: the longest the UI thread
/// was blocked. With TIERDESK_BENCH_STALLS set, also what the thread did in that gap: ran on a
/// core, waited for one (other threads or processes had both), or slept (the disk, a lock).
class StallWatch final : public QObject {
public:
    StallWatch()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const SchedTimes sched = attribute ? schedTimes() : SchedTimes();
            if (now - m_last > m_max) {
                m_max = now - m_last;
                m_maxOnCpu = sched.onCpu - m_lastSched.onCpu;
                m_maxWaiting = sched.waiting - m_lastSched.waiting;
            }
            m_last = now;
            m_lastSched = sched;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_max = 0;
        m_lastSched = attribute ? schedTimes() : SchedTimes();
        m_timer.start();
    }
    /// "on a core X ms, waiting for a core Y ms, asleep Z ms" for the longest gap ended by a tick.
    QString split() const
    {
        const double asleep = double(m_max - m_maxOnCpu - m_maxWaiting) / 1e6;
        return QStringLiteral("on a core %1 ms, waiting for a core %2 ms, asleep (disk, locks) %3 ms")
            .arg(double(m_maxOnCpu) / 1e6, 0, 'f', 1)
            .arg(double(m_maxWaiting) / 1e6, 0, 'f', 1)
            .arg(std::max(0.0, asleep), 0, 'f', 1);
    }
    static inline const bool attribute = std::getenv("TIERDESK_BENCH_STALLS") != nullptr;
    /// The longest stall so far, the timer still running.
    double maxMs() const { return double(std::max(m_max, m_clock.nsecsElapsed() - m_last)) / 1e6; }
    double stopMs()
    {
        m_timer.stop();
        const qint64 now = m_clock.nsecsElapsed();
        if (now - m_last > m_max) {
            const SchedTimes sched = attribute ? schedTimes() : SchedTimes();
            m_max = now - m_last;
            m_maxOnCpu = sched.onCpu - m_lastSched.onCpu;
            m_maxWaiting = sched.waiting - m_lastSched.waiting;
        }
        return double(m_max) / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_max = 0;
    SchedTimes m_lastSched;
    qint64 m_maxOnCpu = 0;
    qint64 m_maxWaiting = 0;
};

struct Step {
    QString name;
    double ms = 0;      ///< the step, from its input to an idle, painted window
    double blockMs = 0; ///< the longest stall of the event loop during it
    double rssMiB = 0;  ///< resident memory after it
    /// The peak resident memory since the step before ended: each step is recorded as it ends.
    double peakMiB = bench::takePeakRssMiB();
};

std::vector<Step> steps;

/// Lets the event loop run until it has nothing left to do (timers of 0 ms included), painting.
void settle(QWidget *window)
{
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        QCoreApplication::sendPostedEvents();
    }
    window->repaint();
    QCoreApplication::processEvents(QEventLoop::AllEvents);
}

/// Sleeps until the next event (a worker's answer, a timer) or `ms`, and handles what came: the
/// window's thread waits as it does in its event loop. processEvents(flags, ms) does not wait
/// (it returns at once when nothing is pending), so a loop of it kept a core busy that the
/// workers being timed needed on a two-core machine.
void waitForEvents(int ms)
{
    QTimer tick;
    tick.setSingleShot(true);
    tick.start(ms);
    QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

/// With TIERDESK_BENCH_MEMSTATS set, what the heap holds, to stderr. (SQLite's own count,
/// sqlite3_memory_used(), is off in TierDesk: see countNoSqliteMemory() in store/sqlite.cpp.)
void memStats(const QString &when)
{
    static const bool on = std::getenv("TIERDESK_BENCH_MEMSTATS") != nullptr;
    if (!on)
        return;
    const struct mallinfo2 m = mallinfo2();
    std::fprintf(stderr, "MEM %-50s rss %6.1f MiB heap %6.1f in use %6.1f free %6.1f mmap %6.1f MiB\n",
                 qPrintable(when.left(50)), bench::currentRssMiB(), double(m.arena) / 1048576.0,
                 double(m.uordblks) / 1048576.0, double(m.fordblks) / 1048576.0,
                 double(m.hblkhd) / 1048576.0);
}

/// TIERDESK_BENCH_SQLTRACE=MS: every connection's statements that took MS ms or more, to stderr.
int traceProfile(unsigned, void *context, void *statement, void *nanoseconds)
{
    const double ms = double(*static_cast<sqlite3_int64 *>(nanoseconds)) / 1e6;
    if (ms < double(reinterpret_cast<std::intptr_t>(context)))
        return 0;
    char *sql = sqlite3_expanded_sql(static_cast<sqlite3_stmt *>(statement));
    std::fprintf(stderr, "SQL %8.1f ms %s thread %p: %.100s\n", ms,
                 QThread::currentThread() == qApp->thread() ? "window" : "worker",
                 static_cast<void *>(QThread::currentThread()), sql ? sql : "?");
    sqlite3_free(sql);
    return 0;
}

void traceStatements()
{
    static const int threshold = qEnvironmentVariableIntValue("TIERDESK_BENCH_SQLTRACE");
    if (threshold <= 0)
        return;
    // Every connection opened from now on, the workers' too.
    sqlite3_auto_extension(reinterpret_cast<void (*)()>(+[](sqlite3 *db, char **, const void *) {
        sqlite3_trace_v2(db, SQLITE_TRACE_PROFILE, traceProfile,
                         reinterpret_cast<void *>(std::intptr_t(threshold)));
        return SQLITE_OK;
    }));
}

/// True while a worker reads something the window waits for (set by main()).
std::function<bool()> busy = [] { return false; };

template<typename F>
void measure(const QString &name, QWidget *window, F &&action)
{
    StallWatch watch;
    QElapsedTimer t;
    memStats(QStringLiteral("before ") + name);
    watch.start();
    t.start();
    action();
    // The input itself ran on the UI thread: it blocked the loop for at least its own time.
    const double inputMs = double(t.nsecsElapsed()) / 1e6;
    settle(window);
    while (busy()) {
        waitForEvents(5);
        if (!busy())
            settle(window);
    }
    const double ms = double(t.nsecsElapsed()) / 1e6;
    memStats(QStringLiteral("after (input %1 ms) ").arg(inputMs, 0, 'f', 1) + name);
    const double blockMs = std::max(watch.stopMs(), inputMs);
    if (StallWatch::attribute)
        std::fprintf(stderr, "STALL %-60s longest %6.1f ms: %s\n", qPrintable(name.left(60)), blockMs,
                     qPrintable(watch.split()));
    steps.push_back({name, ms, blockMs, bench::currentRssMiB()});
}

template<typename T>
T *child(QWidget *root, const char *name)
{
    T *w = root->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        bench::die(QStringLiteral("No widget named ") + QString::fromLatin1(name));
    return w;
}

void print(bool json)
{
    if (json) {
        auto escaped = [](const QString &text) {
            QString out = text;
            out.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
            return out.toUtf8();
        };
        std::printf("[\n");
        for (std::size_t i = 0; i < steps.size(); ++i)
            std::printf("  {\"step\": \"%s\", \"ms\": %.1f, \"max_block_ms\": %.1f, \"rss_mib\": %.0f, "
                        "\"peak_rss_mib\": %.0f}%s\n",
                        escaped(steps[i].name).constData(), steps[i].ms, steps[i].blockMs, steps[i].rssMiB,
                        steps[i].peakMiB, i + 1 < steps.size() ? "," : "");
        std::printf("]\n");
        return;
    }
    std::printf("| step | time (ms) | max block (ms) | RSS after (MiB) | peak RSS (MiB) |\n"
                "|---|---:|---:|---:|---:|\n");
    for (const Step &s : steps)
        std::printf("| %s | %.1f | %.1f | %.0f | %.0f |\n", s.name.toUtf8().constData(), s.ms, s.blockMs,
                    s.rssMiB, s.peakMiB);
    double peak = 0;
    for (const Step &s : steps)
        peak = std::max(peak, s.peakMiB);
    std::printf("\npeak RSS: %.0f MiB\n", peak);
}

/// The newest top-level dialog of type T (the window's dialogs are its children).
template<typename T>
T *dialogOf(QWidget *window)
{
    const QList<T *> all = window->findChildren<T *>(Qt::FindDirectChildrenOnly);
    if (all.isEmpty())
        bench::die(QStringLiteral("No %1 opened.").arg(QString::fromLatin1(T::staticMetaObject.className())));
    return all.back();
}

/// Closes a dialog the way its Close button does, and lets it go.
void closeDialog(QDialog *dialog, QWidget *window)
{
    dialog->reject();
    settle(window);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

/// TIERDESK_BENCH_DIALOGS: every dialog that reads or writes the database, as a user works it.
void dialogSteps(ui::MainWindow &window, ui::Session &session)
{
    QWidget *w = &window;
    // The customers with the most orders: the fullest card first.
    std::vector<CustomerId> fullOnes;
    {
        auto s = store::Statement::prepare(
            session.database().handle(),
            "SELECT customer_id FROM orders GROUP BY customer_id ORDER BY count(*) DESC LIMIT 3");
        if (!s)
            bench::die(s.error().message);
        while (s->step() == SQLITE_ROW)
            fullOnes.push_back(s->int64(0));
    }
    if (fullOnes.empty())
        bench::die(QStringLiteral("No orders."));
    const std::optional<CustomerId> fullest = fullOnes.front();

    // A step lasts until the dialog shows its answer, whether its read or write ran on the window's
    // thread or in a worker.
    const std::function<bool()> mainBusy = busy;
    const auto waitAlsoFor = [&mainBusy](std::function<bool()> notYet) {
        busy = [&mainBusy, notYet] { return mainBusy() || notYet(); };
    };

    // ---- The customer's card: open (profile, tiers, orders and calls, duplicates), edit, save;
    // each step until the card shows its tiers and timeline (read by a worker on a big database).
    waitAlsoFor([w] {
        const auto open = w->findChildren<ui::CustomerDialog *>(Qt::FindDirectChildrenOnly);
        return !open.isEmpty() && open.back()->isLoading();
    });
    measure(QStringLiteral("dialogs: open a customer's card (the most orders)"), w,
            [&] { window.openCustomer(*fullest); });
    {
        auto *card = dialogOf<ui::CustomerDialog>(w);
        auto *city = child<QLineEdit>(card, "cityEdit");
        city->setFocus();
        QTest::keyClicks(city, QStringLiteral("x"));
        measure(QStringLiteral("dialogs: save the card (city changed)"), w,
                [&] { QTest::mouseClick(child<QPushButton>(card, "saveButton"), Qt::LeftButton); });
        child<QCheckBox>(card, "archivedCheck")->setChecked(true);
        measure(QStringLiteral("dialogs: archive the customer (save)"), w,
                [&] { QTest::mouseClick(child<QPushButton>(card, "saveButton"), Qt::LeftButton); });
        child<QCheckBox>(card, "archivedCheck")->setChecked(false);
        QTest::mouseClick(child<QPushButton>(card, "saveButton"), Qt::LeftButton);
        settle(w);
        while (busy())
            waitForEvents(5);
        closeDialog(card, w);
    }
    busy = mainBusy;

    // ---- Log call and Add order on the customer list's first row; each step until the dialog
    // shows the customer's facts (read by a worker on a big database).
    waitAlsoFor([w] {
        const auto calls = w->findChildren<ui::LogCallDialog *>(Qt::FindDirectChildrenOnly);
        const auto orders = w->findChildren<ui::OrderDialog *>(Qt::FindDirectChildrenOnly);
        return std::any_of(calls.begin(), calls.end(), [](auto *d) { return d->isLoading(); }) ||
               std::any_of(orders.begin(), orders.end(), [](auto *d) { return d->isLoading(); });
    });
    window.showPlace(ui::MainWindow::Place::Customers);
    auto idle = [w] {
        settle(w);
        while (busy())
            waitForEvents(5);
        settle(w);
    };
    idle(); // the list reads its rows again after the card's saves
    auto *table = child<QTableView>(window.customersView(), "customerTable");
    table->setCurrentIndex(table->model()->index(0, 0));
    if (!window.currentCustomer())
        bench::die(QStringLiteral("No customer selected."));
    measure(QStringLiteral("dialogs: open Log call"), w, [&] { window.logCall(); });
    {
        auto *dialog = dialogOf<ui::LogCallDialog>(w);
        measure(QStringLiteral("dialogs: save the call"), w,
                [&] { QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton); });
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    idle();
    measure(QStringLiteral("dialogs: open Add order"), w, [&] { window.addOrder(); });
    {
        auto *dialog = dialogOf<ui::OrderDialog>(w);
        QTest::keyClicks(child<QLineEdit>(dialog, "amountEdit"), QStringLiteral("1234.50"));
        measure(QStringLiteral("dialogs: save the order"), w,
                [&] { QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton); });
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    // ---- Log call and Add order again, each on a customer with many orders that nothing has
    // read yet (the second and third most orders): the facts they read are the most a customer
    // has, from the disk when the page cache is cold.
    for (std::size_t i = 1; i < fullOnes.size(); ++i) {
        idle();
        const bool call = i == 1;
        const QString who =
            call ? QStringLiteral("the 2nd most orders") : QStringLiteral("the 3rd most orders");
        measure(QStringLiteral("dialogs: open %1 (%2)").arg(call ? u"Log call" : u"Add order", who), w, [&] {
            QDialog *dialog = call ? static_cast<QDialog *>(new ui::LogCallDialog(&session, fullOnes[i], w))
                                   : static_cast<QDialog *>(new ui::OrderDialog(&session, fullOnes[i], w));
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
        QDialog *dialog = call ? static_cast<QDialog *>(dialogOf<ui::LogCallDialog>(w))
                               : static_cast<QDialog *>(dialogOf<ui::OrderDialog>(w));
        if (!call)
            QTest::keyClicks(child<QLineEdit>(dialog, "amountEdit"), QStringLiteral("99.00"));
        measure(QStringLiteral("dialogs: save the %1 (%2)").arg(call ? u"call" : u"order", who), w,
                [&] { QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton); });
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    busy = mainBusy;

    // ---- Settings: a cadence changed, saved; "Reclassify now?" answered No (Yes starts F5, whose
    // step is timed in the main run).
    idle();
    measure(QStringLiteral("dialogs: open Settings"), w, [&] { window.openSettings(); });
    {
        auto *dialog = dialogOf<ui::SettingsDialog>(w);
        auto *cadence = child<QSpinBox>(dialog, "cadenceASpin");
        cadence->setValue(cadence->value() + 1);
        ui::MessageBox::setNextAnswer(QMessageBox::No);
        measure(QStringLiteral("dialogs: save Settings (cadence A changed, no reclassification)"), w,
                [&] { QTest::mouseClick(child<QPushButton>(dialog, "okButton"), Qt::LeftButton); });
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    // ---- Find duplicates…: open to the groups shown, merge the first group, undo it; each step
    // until Merge can be clicked (the groups shown).
    waitAlsoFor([w] {
        const auto open = w->findChildren<ui::DuplicatesDialog *>(Qt::FindDirectChildrenOnly);
        return open.isEmpty() ||
               !open.back()->findChild<QPushButton *>(QStringLiteral("mergeGroupButton"))->isEnabled();
    });
    measure(QStringLiteral("dialogs: open Find duplicates… to the groups shown"), w,
            [&] { window.findDuplicates(); });
    {
        auto *dialog = dialogOf<ui::DuplicatesDialog>(w);
        if (dialog->groupCount() == 0)
            bench::die(QStringLiteral("No duplicates to merge."));
        auto *tree = child<QTreeWidget>(dialog, "duplicatesTree");
        tree->setCurrentItem(tree->topLevelItem(0));
        measure(QStringLiteral("dialogs: merge the first group to the groups shown again"), w,
                [&] { QTest::mouseClick(child<QPushButton>(dialog, "mergeGroupButton"), Qt::LeftButton); });
        measure(QStringLiteral("dialogs: undo the merge to the groups shown again"), w,
                [&] { QTest::mouseClick(child<QPushButton>(dialog, "undoMergeButton"), Qt::LeftButton); });
        busy = mainBusy;
        // What stays once it is gone: its RSS after, against the RSS before it opened.
        measure(QStringLiteral("dialogs: close Find duplicates…"), w, [&] { closeDialog(dialog, w); });
    }
    busy = mainBusy;

    // ---- Import history: open, then undo the newest import that stands (if any).
    auto *history = w->findChild<QAction *>(QStringLiteral("importHistoryAction"));
    if (!history)
        bench::die(QStringLiteral("No Import history action."));
    measure(QStringLiteral("dialogs: open Import history"), w, [&] { history->trigger(); });
    {
        auto *dialog = dialogOf<ui::ImportHistoryDialog>(w);
        auto *list = child<QTableWidget>(dialog, "importHistoryTable");
        auto *undo = child<QPushButton>(dialog, "undoImportButton");
        if (list->rowCount() > 0 && undo->isEnabled()) {
            const QString what = list->item(0, 3)->text();
            ui::MessageBox::setNextAnswer(QMessageBox::Yes);
            // Until the list shows the import undone.
            waitAlsoFor([list] { return list->rowCount() == 0 || list->item(0, 7)->text().isEmpty(); });
            measure(QStringLiteral("dialogs: undo the newest import (%1 created)").arg(what), w,
                    [&] { QTest::mouseClick(undo, Qt::LeftButton); });
            // An undone import of orders or calls classifies everyone again (F5's step).
            busy = mainBusy;
            while (session.isReclassifying() || busy())
                waitForEvents(50);
            settle(w);
        }
        busy = mainBusy;
        closeDialog(dialog, w);
    }
}

} // namespace

int main(int argc, char **argv)
{
    processClock.start();
    returnFreedMemoryPromptly(); // as the app's main() does
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Never the developer's own settings (window state, recent files).
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TierDeskBench"));
    QApplication::setApplicationName(QStringLiteral("tierdesk-bench"));
    const bool json = QCoreApplication::arguments().contains(QStringLiteral("--json"));
    const QString path = bench::databasePath();
    const QDate day = bench::asOf();
    traceStatements();

    // ---- Open: what `tierdesk --db PATH --as-of DAY` does, to the first painted page.
    ui::Session session;
    // With a stored run of this day, no reclassification on open. With one of an earlier day (the
    // morning case: a copy classified as of the day before), the window classifies everyone in
    // its worker as it opens, and the step after "open" times that (see below).
    session.setToday(day);
    bool reclassified = false;
    QObject::connect(&session, &ui::Session::reclassifyFinished, &app,
                     [&reclassified] { reclassified = true; });
    std::unique_ptr<ui::MainWindow> window;
    {
        QElapsedTimer t;
        t.start();
        // Built before anything is on the screen (what the program does before its window
        // appears): part of the time to a usable window, no window to block yet.
        window = std::make_unique<ui::MainWindow>(&session);
        window->resize(1280, 800);
        const double buildMs = double(t.nsecsElapsed()) / 1e6;
        // From show() on the window is on the screen: what runs before the event loop turns
        // (opening the file, the first page's query) blocks it.
        StallWatch watch;
        watch.start();
        QElapsedTimer shown;
        shown.start();
        window->show();
        window->start(path);
        window->showPlace(ui::MainWindow::Place::Customers);
        const double openMs = double(shown.nsecsElapsed()) / 1e6;
        busy = [w = window.get()] {
            return w->customersView()->model()->isLoading() ||
                   w->customersView()->model()->isReadingPages() || w->queueView()->isLoading() ||
                   w->queueView()->model()->isReadingPages() || w->queueView()->isPrinting() ||
                   w->queueView()->isExporting() ||
                   (w->chartsViewIfBuilt() && w->chartsViewIfBuilt()->isLoading());
        };
        settle(window.get());
        while (busy())
            waitForEvents(5);
        settle(window.get());
        const double ms = double(t.nsecsElapsed()) / 1e6;
        steps.push_back({QStringLiteral("open the database to a usable window (customers)"), ms,
                         std::max(openMs, watch.maxMs()), bench::currentRssMiB()});
        steps.push_back({QStringLiteral("  … since the process started"), double(processClock.elapsed()), 0,
                         bench::currentRssMiB()});
        steps.push_back({QStringLiteral("  … of which building the window before it is shown"), buildMs, 0,
                         bench::currentRssMiB()});
        // The morning: the stored run was of an earlier day, so opening started the worker. From
        // the window shown to the views showing the new run, with the window's longest stall over
        // the whole of it, and the process's peak RSS since opening's step.
        if (session.isReclassifying() || reclassified) {
            while (!reclassified)
                waitForEvents(50);
            settle(window.get());
            while (busy()) {
                waitForEvents(5);
                if (!busy())
                    settle(window.get());
            }
            steps.push_back(
                {QStringLiteral("morning: open on the day before's run to the views showing today's"),
                 double(t.nsecsElapsed()) / 1e6, std::max(openMs, watch.maxMs()), bench::currentRssMiB()});
            if (session.classificationIsStale())
                bench::die(QStringLiteral("The classification on open failed."));
        }
    }
    if (!session.isOpen())
        bench::die(QStringLiteral("The database did not open."));
    if (qEnvironmentVariableIsSet("TIERDESK_BENCH_DIALOGS")) {
        dialogSteps(*window, session);
        print(json);
        return 0;
    }
    QWidget *w = window.get();

    // ---- File › Import…: lists a sales team imports, through the real wizard.
    if (const QString importDir = qEnvironmentVariable("TIERDESK_BENCH_IMPORT"); !importDir.isEmpty()) {
        const QDir files(importDir);
        struct ImportFile {
            ui::ImportWizard::Kind kind;
            QString name;
        };
        std::vector<ImportFile> lists;
        const std::pair<ui::ImportWizard::Kind, QString> patterns[] = {
            {ui::ImportWizard::Kind::Customers, QStringLiteral("customers-*.csv")},
            {ui::ImportWizard::Kind::Orders, QStringLiteral("orders-*.csv")},
            {ui::ImportWizard::Kind::Calls, QStringLiteral("calls-*.csv")}};
        for (const auto &[kind, pattern] : patterns)
            for (const QString &name : files.entryList({pattern}, QDir::Files, QDir::Name))
                lists.push_back({kind, name});
        if (lists.empty())
            bench::die(QStringLiteral("No lists to import in ") + importDir);
        for (const ImportFile &list : lists) {
            std::unique_ptr<ui::ImportWizard> wizard;
            // The wizard's own work in a worker, if any, is waited for as the views' reads are.
            const auto viewsBusy = busy;
            busy = [&] { return viewsBusy() || (wizard && wizard->isBusy()); };
            measure(QStringLiteral("import %1: open the wizard").arg(list.name), w, [&] {
                wizard = std::make_unique<ui::ImportWizard>(&session, list.kind, w);
                wizard->open(); // as File › Import… does
            });
            measure(QStringLiteral("  … choose the file (read, preview)"), w,
                    [&] { wizard->loadFile(files.filePath(list.name)); });
            if (!wizard->table())
                bench::die(QStringLiteral("The wizard could not read ") + list.name);
            measure(QStringLiteral("  … Next → columns"), w, [&] { wizard->next(); });
            measure(QStringLiteral("  … Next → review (the plan against the database)"), w,
                    [&] { wizard->next(); });
            if (wizard->currentId() != ui::ImportWizard::ReviewPage)
                bench::die(QStringLiteral("The wizard did not plan ") + list.name);
            bool classifiedAgain = false;
            const auto connection = QObject::connect(&session, &ui::Session::reclassifyFinished, &app,
                                                     [&classifiedAgain] { classifiedAgain = true; });
            StallWatch watch;
            QElapsedTimer t;
            t.start();
            watch.start();
            measure(QStringLiteral("  … Import → the report (apply and commit)"), w, [&] { wizard->next(); });
            if (!wizard->report() && !wizard->activityReport())
                bench::die(QStringLiteral("The wizard did not import ") + list.name);
            if (session.isReclassifying() || classifiedAgain) {
                StallWatch after;
                QElapsedTimer since;
                since.start();
                after.start();
                while (!classifiedAgain)
                    waitForEvents(50);
                settle(w);
                while (busy()) {
                    waitForEvents(5);
                    if (!busy())
                        settle(w);
                }
                steps.push_back({QStringLiteral("  … the reclassification it starts, to the views updated"),
                                 double(since.nsecsElapsed()) / 1e6, after.stopMs(), bench::currentRssMiB()});
                steps.push_back({QStringLiteral("  … Import to the views showing the new run"),
                                 double(t.nsecsElapsed()) / 1e6, watch.stopMs(), bench::currentRssMiB()});
            }
            QObject::disconnect(connection);
            measure(QStringLiteral("  … Finish (close the wizard)"), w, [&] {
                wizard->accept();
                wizard.reset();
            });
            busy = viewsBusy;
        }
        if (qEnvironmentVariableIsSet("TIERDESK_BENCH_IMPORT_ONLY")) {
            print(json);
            return 0;
        }
    }

    auto *customers = window->customersView();
    auto *table = child<QTableView>(customers, "customerTable");
    auto *search = child<QLineEdit>(customers, "searchEdit");

    // ---- The three places.
    measure(QStringLiteral("switch to Today's calls (Ctrl+2)"), w,
            [&] { window->showPlace(ui::MainWindow::Place::Calls); });
    // On a big database the charts are read by a worker: the step lasts until they show, and
    // the window's longest stall is what the timer saw (the wait itself is no stall).
    {
        StallWatch watch;
        QElapsedTimer t;
        t.start();
        watch.start();
        window->showPlace(ui::MainWindow::Place::Charts);
        ui::ChartsView *charts = window->chartsView();
        while (charts->isLoading())
            waitForEvents(50);
        settle(w);
        steps.push_back({QStringLiteral("switch to Charts (Ctrl+3) to the charts shown"),
                         double(t.nsecsElapsed()) / 1e6, watch.stopMs(), bench::currentRssMiB()});
    }
    measure(QStringLiteral("switch to Customers (Ctrl+1)"), w,
            [&] { window->showPlace(ui::MainWindow::Place::Customers); });

    // ---- Scrolling the customer table.
    QScrollBar *bar = table->verticalScrollBar();
    {
        StallWatch watch;
        QElapsedTimer t;
        double worst = 0;
        t.start();
        watch.start();
        for (int i = 0; i < 200; ++i) {
            QElapsedTimer one;
            one.start();
            bar->setValue(bar->value() + bar->pageStep());
            table->viewport()->repaint();
            QCoreApplication::processEvents();
            // A page a worker reads: until its rows are painted.
            while (busy()) {
                waitForEvents(5);
                if (!busy())
                    table->viewport()->repaint();
            }
            worst = std::max(worst, double(one.nsecsElapsed()) / 1e6);
        }
        steps.push_back({QStringLiteral("scroll 200 pages down (worst page)"), worst, watch.stopMs(),
                         bench::currentRssMiB()});
    }
    for (int percent : {50, 100, 25, 0}) {
        measure(QStringLiteral("drag the scroll bar to %1 %").arg(percent), w, [&] {
            bar->setValue(int(qint64(bar->maximum()) * percent / 100));
            table->viewport()->repaint();
        });
    }

    // ---- Sorting by each visible column (a click on its header), then back to names.
    QHeaderView *header = table->horizontalHeader();
    for (int column = 0; column < ui::CustomerTableModel::ColumnCount; ++column) {
        if (table->isColumnHidden(column))
            continue;
        const QString title = table->model()->headerData(column, Qt::Horizontal).toString();
        bar->setValue(0);
        settle(w);
        measure(QStringLiteral("sort by %1").arg(title), w,
                [&] { header->setSortIndicator(column, Qt::AscendingOrder); });
        measure(QStringLiteral("  … then drag to 100 %"), w, [&] {
            bar->setValue(bar->maximum());
            table->viewport()->repaint();
        });
    }
    bar->setValue(0);
    settle(w);
    measure(QStringLiteral("sort by name again"), w,
            [&] { header->setSortIndicator(ui::CustomerTableModel::Name, Qt::AscendingOrder); });

    // ---- Search as you type.
    search->setFocus();
    for (const QString &typed : {QStringLiteral("wang"), QStringLiteral("138"), QStringLiteral("明华"),
                                 QStringLiteral("gmail.com")}) {
        search->clear();
        bar->setValue(0);
        settle(w);
        QString sofar;
        for (QChar c : typed) {
            sofar += c;
            // A key event carrying the character, as an input method delivers Chinese text
            // (QTest::keyClicks knows only ASCII keys).
            measure(QStringLiteral("keystroke → results: \"%1\"").arg(sofar), w, [&] {
                QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(c));
                QApplication::sendEvent(search, &press);
                QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(c));
                QApplication::sendEvent(search, &release);
            });
        }
    }
    measure(QStringLiteral("clear the search box"), w, [&] { search->clear(); });

    // ---- Today's calls: log a call on the first customer, as the dialog does when it saves.
    window->showPlace(ui::MainWindow::Place::Calls);
    settle(w);
    auto *queue = window->queueView();
    auto *queueTable = child<QTableView>(queue, "queueTable");
    for (int i = 0; i < 5; ++i) {
        const QModelIndex first = queueTable->model()->index(0, 0);
        const CustomerId id = first.data(ui::CustomerTableModel::IdRole).toLongLong();
        Call call;
        call.customerId = id;
        call.calledAt = QDateTime(day, QTime(10, i), Qt::UTC);
        call.outcome = Outcome::Reached;
        call.nextFollowUp = day.addDays(7);
        measure(QStringLiteral("log a call → queue updated (%1)").arg(i + 1), w, [&] {
            if (auto ok = session.logCall(call); !ok)
                bench::die(ok.error().message);
        });
    }

    // ---- Export…: the whole call list to a CSV file, as the file dialog's Save does (a worker
    // writes it while a progress dialog shows how far it is).
    {
        QTemporaryDir exportDir;
        measure(QStringLiteral("export the call list (every row) to CSV"), w,
                [&] { queue->exportToFile(exportDir.filePath(QStringLiteral("calls.csv"))); });
    }

    // ---- Print…: the call list's first rows (QueueView::printLimit()) to a PDF, as the print
    // dialog's OK does.
    {
        QTemporaryDir printDir;
        auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
        printer->setPageOrientation(QPageLayout::Landscape);
        printer->setOutputFormat(QPrinter::PdfFormat);
        printer->setOutputFileName(printDir.filePath(QStringLiteral("calls.pdf")));
        measure(
            QStringLiteral("print the call list (first %1 rows) to a PDF").arg(ui::QueueView::printLimit()),
            w, [&] { queue->printInBackground(printer); });
    }

    // ---- F5: the full classification in the worker thread; the window must stay responsive.
    {
        StallWatch watch;
        QElapsedTimer t;
        t.start();
        watch.start();
        bool done = false;
        QObject::connect(&session, &ui::Session::reclassifyFinished, &app, [&done] { done = true; });
        memStats(QStringLiteral("before F5"));
        session.reclassify();
        while (!done)
            waitForEvents(50);
        settle(w);
        steps.push_back({QStringLiteral("F5: classify everyone (worker thread) to views updated"),
                         double(t.nsecsElapsed()) / 1e6, watch.stopMs(), bench::currentRssMiB()});
    }

    // ---- The next day's F5, and a call logged while the run holds the file's write lock (some
    // 58,000 changed rows at a million customers, for seconds): the run stops, the call is saved at
    // once, and the run goes again. The step is the call's save, its stall the window's longest;
    // then the run again to the views updated.
    {
        // A night after the F5 above: the search texts it let go of are read again first. Only a
        // big database with enough customers keeps them (CustomerTableModel::prepareSearch());
        // on a smaller one this waited out its 20 s for nothing.
        // The count reads a whole index of the customers: through a small page cache, so that it
        // does not fill the window's (32 MiB) with pages the app itself would not have read, and
        // count them in the session's peak.
        sqlite3 *handle = session.database().handle();
        const auto count = [&] {
            store::SmallPageCache small(handle);
            return store::selectInt(handle, "SELECT count(*) FROM customers");
        }();
        if (session.worksInBackground() && count &&
            *count >= ui::CustomerTableModel::searchSnapshotCustomers()) {
            for (int i = 0; i < 400 && !store::SearchSnapshot::current(handle); ++i)
                waitForEvents(50);
        }
        settle(w);
        std::atomic<bool> writing = false;
        store::ClassificationStore::setWriteStartedHook(
            [&writing](const std::atomic<bool> *) { writing = true; });
        bool done = false;
        QObject::connect(&session, &ui::Session::reclassifyFinished, &app, [&done] { done = true; });
        session.setToday(day.addDays(1));
        QElapsedTimer t;
        t.start();
        session.reclassify();
        while (!writing && !done)
            waitForEvents(1);
        if (done)
            bench::die(QStringLiteral("The next day's run ended before the benchmark saw it write."));
        store::ClassificationStore::setWriteStartedHook({});
        const QModelIndex first = queueTable->model()->index(0, 0);
        Call call;
        call.customerId = first.data(ui::CustomerTableModel::IdRole).toLongLong();
        call.calledAt = QDateTime(day.addDays(1), QTime(9, 0), Qt::UTC);
        call.outcome = Outcome::Reached;
        call.nextFollowUp = day.addDays(8);
        measure(QStringLiteral("next day's F5: log a call while the run writes"), w, [&] {
            if (auto ok = session.logCall(call); !ok)
                bench::die(ok.error().message);
        });
        StallWatch watch;
        watch.start();
        while (!done)
            waitForEvents(50);
        settle(w);
        steps.push_back({QStringLiteral("  … the run again, from F5 to the views updated"),
                         double(t.nsecsElapsed()) / 1e6, watch.stopMs(), bench::currentRssMiB()});
    }

    print(json);
    return 0;
}
