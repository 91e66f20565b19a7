#include "session.h"

#include "backgroundread.h"
#include "io/classifyjob.h"
#include "model/memory.h"
#include "model/threads.h"
#include "store/database.h"
#include "store/deferredindexes.h"
#include "store/importlog.h"
#include "store/searchindex.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QPointer>
#include <QSettings>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

namespace tierdesk::ui {
namespace {

/// How long a run waits for the reads under way before it reads the facts anyway (a list's read
/// takes a few tenths of a second at most; the search texts stop within half a second; a long
/// read, such as an Export…, is not waited for to its end).
constexpr int kWaitForReadsMs = 1000;

/// The thread of buildPendingIndexes(): one, below the window's threads (a million texts keep it
/// busy for some 8 s of CPU).
QThreadPool *searchBuildPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(1);
        p->setExpiryTimeout(-1); // its priority, lowered once (see lowerThisThread()), stays
        return p;
    }();
    return pool;
}

} // namespace

Session::Session(QObject *parent)
    : QObject(parent)
{}

Session::~Session()
{
    // A run going on stops (it rolls back within milliseconds: the window closes at once, not
    // seconds later at a million customers). Its worker, or one still making its results durable
    // after it told the window (see reclassify()), must close its connection before the
    // application's SQL driver goes.
    stopReclassify();
    if (m_searchBuild) // its copy, if it has begun, rolls back at once
        m_searchBuild->stop = m_searchBuild->yield = true;
    workerPool()->waitForDone();
    searchBuildPool()->waitForDone();
}

QThreadPool *Session::workerPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        // A run, and the end of the one before (its sync and checkpoint) at most.
        p->setMaxThreadCount(2);
        return p;
    }();
    return pool;
}

Result<void> Session::open(const QString &path)
{
    auto db = std::make_unique<store::Database>();
    if (auto ok = db->open(path); !ok)
        return ok;
    // The window's commits (a logged call) never copy the log into the file: after F5 at a
    // million customers that was half a second of the window's thread.
    db->checkpointInBackground();
    auto settings = store::SettingsRepository(*db).load();
    if (!settings)
        return std::unexpected(settings.error());
    close();
    m_db = std::move(db);
    m_settings = std::move(*settings);
    reloadRunInfo();
    emit opened();
    // Once the caller has had its say: the window classifies a file first when its run is not
    // today's (the first opening after a big import), and the build waits for that run's end.
    QMetaObject::invokeMethod(this, &Session::buildPendingIndexes, Qt::QueuedConnection);
    return {};
}

void Session::close()
{
    if (!m_db)
        return;
    // A run of this file stops; its end, whenever it comes, is no one's concern any more (the
    // next file's run, if any, is another).
    stopReclassify();
    if (m_searchBuild)
        m_searchBuild->stop = m_searchBuild->yield = true;
    m_searchBuild.reset();
    m_db.reset();
    m_lastRun.reset();
    emit closed();
}

bool Session::isOpen() const
{
    return m_db != nullptr;
}

bool Session::worksInBackground() const
{
    return isOpen() && isBigDatabase(path());
}
QString Session::path() const
{
    return m_db ? m_db->path() : QString();
}
store::Database &Session::database()
{
    return *m_db;
}

Result<void> Session::saveSettings(const classify::Settings &settings)
{
    beforeWrite();
    if (auto ok = store::SettingsRepository(*m_db).save(settings); !ok)
        return ok;
    m_settings = settings;
    emit settingsChanged();
    return {};
}

QDate Session::today() const
{
    return m_today.isValid() ? m_today : QDate::currentDate();
}
void Session::setToday(QDate day)
{
    m_today = day;
}

QString Session::userName() const
{
    return QSettings().value(QStringLiteral("user/name")).toString();
}

void Session::setUserName(const QString &name)
{
    QSettings().setValue(QStringLiteral("user/name"), name.trimmed());
}

Result<CustomerId> Session::addCustomer(const Customer &c)
{
    beforeWrite();
    auto id = store::CustomerRepository(*m_db).add(c);
    if (!id)
        return id;
    // A new customer is due from its creation day; give it a due date without a full run.
    if (auto plan = io::refreshFollowUp(*m_db, *id, today()); !plan)
        return std::unexpected(plan.error());
    emit customersChanged();
    return id;
}

Result<void> Session::updateCustomer(const Customer &c)
{
    beforeWrite();
    emit customerAboutToChange(c.id);
    if (auto ok = store::CustomerRepository(*m_db).update(c); !ok)
        return ok;
    if (auto plan = io::refreshFollowUp(*m_db, c.id, today()); !plan)
        return std::unexpected(plan.error());
    emit customerChanged(c.id);
    return {};
}

Result<std::optional<Customer>> Session::customer(CustomerId id)
{
    return store::CustomerRepository(*m_db).find(id);
}

Result<classify::FollowUp> Session::logCall(const Call &call)
{
    beforeWrite();
    emit customerAboutToChange(call.customerId);
    auto plan = io::logCall(*m_db, call, today());
    if (plan)
        emit customerChanged(call.customerId);
    return plan;
}

Result<std::int64_t> Session::addOrder(const Order &order)
{
    beforeWrite();
    emit customerAboutToChange(order.customerId);
    auto id = store::OrderRepository(*m_db).add(order);
    if (!id)
        return id;
    if (auto plan = io::refreshFollowUp(*m_db, order.customerId, today()); !plan)
        return std::unexpected(plan.error());
    emit customerChanged(order.customerId);
    return id;
}

Result<void> Session::setGrade(CustomerId id, std::optional<Grade> grade)
{
    auto found = customer(id);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return fail(
            QCoreApplication::translate("tierdesk::ui::Session", "Customer %1 no longer exists.").arg(id));
    Customer c = **found;
    c.grade = grade;
    c.gradeSetAt = grade ? today() : QDate();
    return updateCustomer(c);
}

Result<store::MergeRecord> Session::merge(CustomerId keep, CustomerId other)
{
    beforeWrite();
    auto record = store::CustomerRepository(*m_db).merge(keep, other);
    if (!record)
        return record;
    if (auto plan = io::refreshFollowUp(*m_db, keep, today()); !plan)
        return std::unexpected(plan.error());
    emit customersChanged();
    return record;
}

Result<io::CustomerImportReport> Session::importCustomers(const io::Plan &plan, const QString &source,
                                                          qint64 problemsInFile,
                                                          const std::function<bool(qint64, qint64)> &progress)
{
    beforeWrite();
    auto report = io::applyImport(*m_db, plan, source, problemsInFile, progress);
    if (report && !report->cancelled && (report->created || report->updated || report->merged))
        emit customersChanged();
    return report;
}

Result<io::ActivityImportReport>
Session::importActivities(const io::ActivityPlan &plan, const QString &source, qint64 problemsInFile,
                          const std::function<bool(qint64, qint64)> &progress)
{
    beforeWrite();
    auto report = io::applyActivityImport(*m_db, plan, source, problemsInFile, progress);
    if (report && !report->cancelled && report->created > 0) {
        emit customersChanged();
        reclassify();
    }
    return report;
}

Result<void> Session::undoImport(qint64 batch)
{
    beforeWrite();
    store::ImportLog log(*m_db);
    auto batches = log.batches();
    if (!batches)
        return std::unexpected(batches.error());
    const auto it = std::find_if(batches->begin(), batches->end(),
                                 [batch](const store::ImportBatch &b) { return b.id == batch; });
    if (auto ok = log.undo(batch); !ok)
        return ok;
    importUndone(it != batches->end() ? it->kind : store::ImportKind::Customers, false);
    return {};
}

void Session::importUndone(store::ImportKind kind, bool inBackground)
{
    const bool history = kind != store::ImportKind::Customers; // the history changed back
    if (!inBackground) {
        emit customersChanged();
        if (history)
            reclassify();
        return;
    }
    // On a big database, as at the end of an import (endBackgroundImport()): when a classification
    // follows, its end tells the views. Told now as well, they would read their lists, counts and
    // charts again beside the run, their readers' page caches on top of its peak.
    if (history)
        reclassify();
    tellViewsAfterTheRun();
}

void Session::tellViewsAfterTheRun()
{
    if (m_reclassifying)
        m_viewsBehind = true; // finishReclassify() tells them
    else
        emit customersChanged();
}

void Session::undoImportInBackground(qint64 batch, QObject *context,
                                     std::function<void(const Result<void> &)> done)
{
    auto batches = store::ImportLog(*m_db).batches();
    if (!batches) {
        done(std::unexpected(batches.error()));
        return;
    }
    const auto it = std::find_if(batches->begin(), batches->end(),
                                 [batch](const store::ImportBatch &b) { return b.id == batch; });
    const store::ImportKind kind = it != batches->end() ? it->kind : store::ImportKind::Customers;
    // The same transaction as undoImport()'s, on the worker's own connection (as F5's).
    writeInBackground([batch](store::Database &db) { return store::ImportLog(db).undo(batch); },
                      [this, kind, context = QPointer<QObject>(context), done](const Result<void> &result) {
                          if (result && m_db)
                              importUndone(kind, true);
                          if (context)
                              done(result);
                      });
}

namespace {

/// For a worker's connection that writes a few rows and closes: SQLite's default page cache
/// (2 MiB) rather than the 32 MiB of the connections that are kept. Merging a group of 21 at a
/// million customers filled 28 MiB (the indexes and the search index of each customer moved),
/// read once, on top of what the window holds at that moment; no slower with 2 MiB.
void holdSmallPageCache(store::Database &db)
{
    (void)db.exec("PRAGMA cache_size = -2048");
}

} // namespace

void Session::mergeInBackground(
    CustomerId keep, std::vector<CustomerId> others, QObject *context,
    std::function<void(std::vector<store::MergeRecord>, const Result<void> &)> done)
{
    // Filled by the worker, read here once it is done.
    auto records = std::make_shared<std::vector<store::MergeRecord>>();
    writeInBackground(
        [keep, others = std::move(others), records, asOf = today()](store::Database &db) -> Result<void> {
            holdSmallPageCache(db);
            for (CustomerId other : others) {
                auto record = store::CustomerRepository(db).merge(keep, other);
                if (!record)
                    return std::unexpected(record.error());
                records->push_back(std::move(*record));
                if (auto plan = io::refreshFollowUp(db, keep, asOf); !plan)
                    return std::unexpected(plan.error());
            }
            return {};
        },
        [this, records, context = QPointer<QObject>(context), done](const Result<void> &result) {
            if (!records->empty() && m_db)
                emit customersChanged();
            if (context)
                done(std::move(*records), result);
        });
}

void Session::unmergeInBackground(std::vector<store::MergeRecord> records, QObject *context,
                                  std::function<void(const Result<void> &)> done)
{
    writeInBackground(
        [records = std::move(records), asOf = today()](store::Database &db) -> Result<void> {
            holdSmallPageCache(db);
            for (const store::MergeRecord &record : records) {
                if (auto ok = store::CustomerRepository(db).unmerge(record); !ok)
                    return ok;
                for (CustomerId id : {record.kept, record.removed.id}) {
                    if (auto plan = io::refreshFollowUp(db, id, asOf); !plan)
                        return std::unexpected(plan.error());
                }
            }
            return {};
        },
        [this, context = QPointer<QObject>(context), done](const Result<void> &result) {
            if (m_db)
                emit customersChanged();
            if (context)
                done(result);
        });
}

void Session::writeInBackground(std::function<Result<void>(store::Database &)> write,
                                std::function<void(const Result<void> &)> finished)
{
    // A run going on stops (its write would hold this one up for seconds), and any run asked
    // for meanwhile waits for this write's end (reclassify()), so that it reads what it wrote.
    beforeWrite();
    m_writingInBackground = true;
    auto *watcher = new QFutureWatcher<Result<void>>(this);
    connect(watcher, &QFutureWatcher<Result<void>>::finished, this, [this, watcher, finished] {
        watcher->deleteLater();
        m_writingInBackground = false;
        // Unless the stopped run has not ended yet: its end runs it again.
        if (!m_reclassifying && std::exchange(m_runAgain, false))
            reclassify();
        finished(watcher->result());
        buildPendingIndexes();
    });
    watcher->setFuture(QtConcurrent::run(
        workerPool(),
        [path = m_db->path(), check = m_db->damageCheck(), write = std::move(write)]() -> Result<void> {
            Result<void> written;
            {
                store::Database db;
                if (auto ok = db.openBeside(path, check); !ok)
                    return ok;
                written = write(db);
            }
            // The connection's pages, freed as it closed, and what the write held go back to the
            // system: this thread's heap kept them resident under the lists' and the search
            // texts' reads that follow every write (28 MiB after merging a group of 21 at a
            // million customers).
            releaseFreeMemory();
            return written;
        }));
}

void Session::beginBackgroundImport()
{
    // As writeInBackground(): a run going on stops, one asked for meanwhile waits for the end.
    beforeWrite();
    m_writingInBackground = true;
}

void Session::endBackgroundImport(bool changed, bool history)
{
    m_writingInBackground = false;
    if (m_reclassifying) // stopped by beginBackgroundImport(), not ended yet: its end runs it again
        m_runAgain = m_runAgain || (changed && history);
    else if (std::exchange(m_runAgain, false) || (changed && history))
        reclassify();
    buildPendingIndexes();
    if (!changed)
        return;
    // A classification follows (new orders or calls, or F5 pressed meanwhile): its end tells the
    // views, as after F5. Told now as well, they read their lists, counts and charts again in the
    // readers while the run holds everyone's facts; at a million customers those reads refilled
    // the readers' page caches (32 MiB each), emptied as the run began, on top of its peak.
    tellViewsAfterTheRun();
}

void Session::pauseSearchTexts()
{
    if (m_searchPauses++ == 0)
        emit searchTextsPaused();
}

void Session::resumeSearchTexts()
{
    if (m_searchPauses > 0 && --m_searchPauses == 0)
        emit searchTextsResumed();
}

Result<void> Session::unmerge(const store::MergeRecord &record)
{
    beforeWrite();
    if (auto ok = store::CustomerRepository(*m_db).unmerge(record); !ok)
        return ok;
    for (CustomerId id : {record.kept, record.removed.id}) {
        if (auto plan = io::refreshFollowUp(*m_db, id, today()); !plan)
            return std::unexpected(plan.error());
    }
    emit customersChanged();
    return {};
}

Result<Session::Snapshot> Session::snapshot(CustomerId id)
{
    auto snap = readSnapshot(*m_db, id, today(), m_settings);
    if (snap)
        snap->summary = runSummary();
    return snap;
}

Result<Session::Snapshot> Session::readSnapshot(store::Database &db, CustomerId id, QDate today,
                                                const classify::Settings &settings)
{
    Snapshot snap;
    auto facts = store::MetricsQuery(db).one(id, today, settings);
    if (!facts)
        return std::unexpected(facts.error());
    snap.facts = std::move(*facts);
    auto result = store::ClassificationStore(db).find(id);
    if (!result)
        return std::unexpected(result.error());
    snap.result = std::move(*result);
    return snap;
}

classify::Summary Session::runSummary() const
{
    classify::Summary summary;
    if (m_lastRun) {
        summary.asOf = m_lastRun->asOf;
        summary.customers = int(m_lastRun->customers);
        summary.buyers = int(m_lastRun->buyers);
        summary.spenders = int(m_lastRun->spenders);
        summary.tierACutoff = int(m_lastRun->tierACutoff);
        summary.tierBCutoff = int(m_lastRun->tierBCutoff);
    }
    return summary;
}

void Session::reloadRunInfo()
{
    auto info = store::ClassificationStore(*m_db).lastRun();
    m_lastRun = info ? *info : std::nullopt;
}

bool Session::classificationIsStale() const
{
    return !m_lastRun || m_lastRun->asOf != today();
}

void Session::beforeWrite()
{
    // The run read the data before this write, so its results would not show it: it stops, and
    // runs again once it has ended. Its write transaction, if it has begun (seconds at a million
    // customers, with the file's write lock held), rolls back within milliseconds of the flag,
    // so this write waits that long for the lock instead of the rest of the run.
    if (m_searchBuild)
        m_searchBuild->yield = true;
    if (!m_reclassifying || !m_stopRun)
        return;
    *m_stopRun = true;
    m_runAgain = true;
}

void Session::buildPendingIndexes()
{
    if (!m_db || m_searchBuild || m_reclassifying || m_writingInBackground ||
        m_db->path() == QStringLiteral(":memory:"))
        return;
    if (auto left = store::deferredindexes::leftForLater(m_db->handle()); !left || !*left)
        return;
    m_searchBuild = std::make_shared<SearchBuild>();
    emit searchIndexStarted();
    QPointer<Session> self(this);
    (void)QtConcurrent::run(
        searchBuildPool(), [path = m_db->path(), check = m_db->damageCheck(), self, build = m_searchBuild] {
            lowerThisThread();
            Result<void> done;
            {
                store::Database db;
                done = db.openBeside(path, check);
                // Each write holds the write lock (some 0.5 s and 1.6 s at a million customers): a
                // write of the window has it roll back at once, and it tries again a little later.
                auto yield = std::shared_ptr<const std::atomic<bool>>(build, &build->yield);
                const auto write = [&](const std::function<Result<void>()> &step) {
                    for (int attempt = 0; done && !build->stop; ++attempt) {
                        build->yield = false;
                        db.stopWhen(yield);
                        done = step();
                        db.stopWhen(nullptr);
                        if (done || !build->yield || attempt == 20)
                            break;
                        done = {};
                        QThread::msleep(500);
                    }
                };
                // The indexes first: a sort by company waits for them, a search only reads more.
                write([&]() -> Result<void> {
                    auto built = store::deferredindexes::build(db);
                    return built ? Result<void>{} : std::unexpected(built.error());
                });
                store::PendingSearchBuild pendingBuild(db);
                if (done && !build->stop) {
                    auto texts = pendingBuild.prepare(&build->stop);
                    if (!texts)
                        done = std::unexpected(texts.error());
                }
                write([&] { return pendingBuild.install(); });
            }
            releaseFreeMemory();
            QMetaObject::invokeMethod(
                qApp,
                [self, build, ok = done.has_value() && !build->stop] {
                    if (!self || self->m_searchBuild != build)
                        return; // closed, or another file open
                    self->m_searchBuild.reset();
                    emit self->searchIndexFinished(ok);
                    // Stopped by a run (close() and another file's open() drop the build before
                    // this): again, unless the run still goes on, whose end starts it.
                    if (build->stop)
                        self->buildPendingIndexes();
                },
                Qt::QueuedConnection);
        });
}

void Session::stopReclassify()
{
    if (m_stopRun)
        *m_stopRun = true;
    m_stopRun.reset();
    m_reclassifying = false;
    m_runAgain = false;
    m_viewsBehind = false;
}

void Session::reclassify()
{
    if (!m_db || m_reclassifying || m_db->path() == QStringLiteral(":memory:"))
        return;
    if (m_writingInBackground) {
        m_runAgain = true; // the write's end runs it (writeInBackground(), endBackgroundImport())
        return;
    }
    m_reclassifying = true;
    m_stopRun = std::make_shared<std::atomic<bool>>(false);
    // A build of the indexes a big import left stops (what it has not written yet is lost), and
    // starts again after the run: at a million customers the first run after the import peaked
    // at 369 MiB with the build beside it, against 294 without.
    if (m_searchBuild)
        m_searchBuild->stop = m_searchBuild->yield = true;
    emit reclassifyStarted();
    const QString path = m_db->path();
    // The window's connection checks the file for damage (in the background, for a big one); the
    // worker's shares that check instead of reading the whole file a second time.
    const std::shared_ptr<const store::Database::DamageCheck> check = m_db->damageCheck();
    const QDate asOf = today();
    QPointer<Session> self(this);
    // The worker opens its own connection (one per thread) and reports progress and its end by
    // queued calls; it touches nothing of this object directly.
    (void)QtConcurrent::run(workerPool(), [path, check, asOf, self, stop = m_stopRun] {
        // What the window let go of for the run (the search texts, reclassifyStarted()) and the
        // idle readers' page caches (32 MiB each; after the run's write they would start empty
        // anyway) go back to the system: at a million customers some 60–80 MiB that would stay
        // resident under the job's peak. Here, not on the window's thread: the trim walks every
        // heap, and the window freeing the caches in their heaps meanwhile waited for it.
        releaseIdleReaderMemory();
        // The reads under way end first, and give back their memory as they do: the views' after
        // the write that started this run again, the search texts that reclassifyStarted() stopped.
        // At a million customers their page caches and the texts read so far came on top of the
        // run's peak (287 MiB against 259 in a run where an F5 began as the texts were read).
        (void)waitForReadsToEnd(kWaitForReadsMs);
        // And the caches of the reads that began and ended meanwhile: on the morning, the views'
        // first reads go on one after the other (the list, its count, the call list's summary), so
        // the readers asked above are busy again by then, and held 50 MiB under the run's peak.
        releaseIdleReaderMemory();
        releaseFreeMemory();
        // Only while this run is the session's: not after close() or open() of another file.
        auto progress = [self, stop](int percent) {
            QMetaObject::invokeMethod(
                qApp,
                [self, stop, percent] {
                    if (self && self->m_stopRun == stop)
                        emit self->reclassifyProgress(percent);
                },
                Qt::QueuedConnection);
        };
        auto finish = [self, stop](const QString &error) {
            QMetaObject::invokeMethod(
                qApp,
                [self, stop, error] {
                    if (self && self->m_stopRun == stop)
                        self->finishReclassify(error);
                },
                Qt::QueuedConnection);
        };
        progress(5);
        {
            store::Database db;
            if (auto ok = db.openBeside(path, check); !ok) {
                finish(ok.error().message);
                return;
            }
            db.stopWhen(stop);
            // The commit does not copy the run into the file (some 280 MB at a million customers,
            // and a sync): that checkpoint is taken below, once the views were told.
            (void)db.exec("PRAGMA wal_autocheckpoint = 0");
            progress(20);
            auto result = io::classifyAndStore(db, asOf);
            // The run's facts and results are freed by now: back to the system before the views
            // are told, since they then read the search texts again (some 100 MiB at a million
            // customers) while this job still syncs and checkpoints.
            releaseFreeMemory();
            finish(result ? QString() : result.error().message);
            if (result) {
                // The run was committed without waiting for the disk (see classifyAndStore()): it
                // waits now, while the window reads it, and not in the window's next commit (a
                // logged call), which would wait for the whole log on the window's thread.
                (void)db.syncLog();
                // Then the run is copied into the file (a PASSIVE checkpoint: it waits for no
                // one). What a reader of an older snapshot still needs (the window's damage check,
                // for a while after opening) stays in the log for a later checkpoint; a view's read
                // that began before the commit holds it back for a moment: a few tries.
                for (int i = 0; i < 20; ++i) {
                    auto done = db.checkpoint();
                    // Closed meanwhile: the window's connection empties the log as it closes.
                    if (!done || *done || !db.integrityChecked() || *stop)
                        break;
                    QThread::msleep(50);
                }
            }
        }
        // What this job freed (its page cache, the facts' neighbours in its heap) goes back too.
        releaseFreeMemory();
    });
}

void Session::finishReclassify(const QString &error)
{
    m_reclassifying = false;
    m_stopRun.reset();
    if (m_db)
        reloadRunInfo();
    if (std::exchange(m_runAgain, false)) {
        // Stopped by a write of the window (beforeWrite()), or ended before it noticed: either
        // way it did not see that write. Its error, an interruption, is not the user's concern.
        reclassify();
        return;
    }
    emit reclassifyFinished(error.isEmpty(), error);
    // After a failed run too when an import's changes were left for it to tell.
    if (std::exchange(m_viewsBehind, false) || error.isEmpty())
        emit customersChanged();
    buildPendingIndexes();
}

} // namespace tierdesk::ui
