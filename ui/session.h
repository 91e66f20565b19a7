#pragma once

#include "classify/classify.h"
#include "io/activityimport.h"
#include "io/customerimport.h"
#include "model/error.h"
#include "model/types.h"
#include "store/importlog.h"
#include "store/repositories.h"

#include <QDate>
#include <QObject>

class QThreadPool;

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace tierdesk::store {
class Database;
}

namespace tierdesk::ui {

/// The open database and everything the windows share about it: the settings, the as-of date,
/// the last classification. Every write of the UI goes through here, so that each one is a
/// single store transaction followed by the signal that lets models refresh what changed.
class Session final : public QObject {
    Q_OBJECT

public:
    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    /// Opens (or creates) the database at `path`; on failure the previous one stays open.
    Result<void> open(const QString &path);
    void close();
    bool isOpen() const;
    /// True when the open file is big (isBigDatabase()): the lists, the dialogs' reads of a
    /// customer and the long writes go to workers.
    bool worksInBackground() const;
    QString path() const;
    store::Database &database();

    const classify::Settings &settings() const { return m_settings; }
    Result<void> saveSettings(const classify::Settings &settings);

    /// The as-of date of classification and of the queue: today, unless a test or the user
    /// set another.
    QDate today() const;
    void setToday(QDate day);

    std::optional<store::ClassificationRunInfo> lastRun() const { return m_lastRun; }

    /// The salesperson using this copy (default owner of new customers, queue filter).
    QString userName() const;
    void setUserName(const QString &name);

    // Writes. Each is one transaction and emits the matching signal on success.
    Result<CustomerId> addCustomer(const Customer &c);
    Result<void> updateCustomer(const Customer &c);
    Result<std::optional<Customer>> customer(CustomerId id);
    /// Logs a call and recomputes that customer's due date (no full reclassification).
    Result<classify::FollowUp> logCall(const Call &call);
    Result<std::int64_t> addOrder(const Order &order);
    /// Sets a hand grade (e.g. applying a demotion suggestion); stamps gradeSetAt with today.
    Result<void> setGrade(CustomerId id, std::optional<Grade> grade);
    Result<store::MergeRecord> merge(CustomerId keep, CustomerId other);
    /// Imports a planned customer list in one transaction (io::applyImport); emits
    /// customersChanged() unless nothing was written.
    Result<io::CustomerImportReport> importCustomers(const io::Plan &plan, const QString &source,
                                                     qint64 problemsInFile,
                                                     const std::function<bool(qint64, qint64)> &progress);
    /// Adds the orders or calls of an import, then classifies every customer again in the
    /// background (new history moves tiers).
    Result<io::ActivityImportReport>
    importActivities(const io::ActivityPlan &plan, const QString &source, qint64 problemsInFile,
                     const std::function<bool(qint64, qint64)> &progress = {});
    /// Undoes an import as a whole (store::ImportLog::undo).
    Result<void> undoImport(qint64 batch);
    /// undoImport() on a connection of its own in a worker (workerPool()): at a million rows its
    /// transaction takes seconds. `done` runs on the window's thread after it, unless `context` is
    /// gone first; the signals are undoImport()'s, except that when a classification follows,
    /// customersChanged() comes at its end only. Meanwhile isWritingInBackground() is true: the
    /// caller keeps the window from writing (a write would wait for the worker's lock).
    void undoImportInBackground(qint64 batch, QObject *context,
                                std::function<void(const Result<void> &)> done);
    bool isWritingInBackground() const { return m_writingInBackground; }
    /// merge() of each of `others` into `keep` in turn, then keep's due date, on a connection of
    /// its own in a worker, as undoImportInBackground(): a group of twenty took seconds on the
    /// window's thread at a million customers. One customersChanged() at the end. `done` gets the
    /// records of those merged and the error that stopped the rest, if any.
    void mergeInBackground(CustomerId keep, std::vector<CustomerId> others, QObject *context,
                           std::function<void(std::vector<store::MergeRecord>, const Result<void> &)> done);
    /// unmerge() of each record in turn, and both customers' due dates, likewise.
    void unmergeInBackground(std::vector<store::MergeRecord> records, QObject *context,
                             std::function<void(const Result<void> &)> done);
    /// The import wizard's worker writes an import on a connection of its own, from this call to
    /// endBackgroundImport(): a classification going on stops (beforeWrite()), and a reclassify() asked for
    /// meanwhile waits for its end (its write would wait for the import's) and runs then.
    void beginBackgroundImport();
    /// The end of that import, on the window's thread: `changed` says it wrote customers
    /// (customersChanged()), `history` that it added orders or calls (a reclassification, as
    /// importActivities() starts). When a classification follows, customersChanged() comes at
    /// its end (as after reclassify(); if it fails, then too), not now as well: the views would
    /// read everything twice, once beside the run.
    void endBackgroundImport(bool changed, bool history);
    bool isImportingInBackground() const { return m_writingInBackground; }
    /// A window that keeps the main window from searching while it is open, and needs the memory
    /// (the import wizard at a million customers: a list, its plan, a worker's reads), holds the
    /// search texts back: the first pauseSearchTexts() has them freed (searchTextsPaused()) and
    /// they are not read again meanwhile; the last resumeSearchTexts() has them read
    /// (searchTextsResumed()).
    void pauseSearchTexts();
    void resumeSearchTexts();
    bool areSearchTextsPaused() const { return m_searchPauses > 0; }
    Result<void> unmerge(const store::MergeRecord &record);

    /// Facts and classification of one customer as of today, for the customer card.
    struct Snapshot {
        classify::CustomerFacts facts;
        std::optional<classify::Classification> result; ///< stored result of the last run
        classify::Summary summary;                      ///< of the last run (spenders, cut-offs)
    };
    Result<Snapshot> snapshot(CustomerId id);
    /// What snapshot() reads, through any connection (a worker's), as of `today` with `settings`;
    /// the summary is left empty: runSummary() gives it, on the window's thread.
    static Result<Snapshot> readSnapshot(store::Database &db, CustomerId id, QDate today,
                                         const classify::Settings &settings);
    /// The summary of the last run (spenders, cut-offs) that snapshot() puts in its answer.
    classify::Summary runSummary() const;

    /// Starts a full reclassification in a worker thread with its own connection. Progress and
    /// the end are signalled; the window stays responsive. Does nothing if one is running.
    void reclassify();
    bool isReclassifying() const { return m_reclassifying; }
    /// Between searchIndexStarted() and searchIndexFinished().
    bool isBuildingSearchIndex() const { return m_searchBuild != nullptr; }
    /// The threads of reclassify(): not Qt's global pool, on which the window's painting waits
    /// (a run would hold one of its two threads for seconds).
    static QThreadPool *workerPool();
    /// True when the stored classification is older than today (run it on start).
    bool classificationIsStale() const;

signals:
    void opened();
    void closed();
    /// One customer's profile, grade, calls, orders or due date is about to change (before the
    /// write of updateCustomer(), logCall(), addOrder() and setGrade()): a model notes the row it
    /// has, to apply customerChanged() to its rows in place.
    void customerAboutToChange(tierdesk::CustomerId id);
    /// One customer's profile, grade, calls, orders or due date changed.
    void customerChanged(tierdesk::CustomerId id);
    /// Many customers changed (merge, import, reclassification): views reload.
    void customersChanged();
    void settingsChanged();
    void reclassifyStarted();
    void reclassifyProgress(int percent);
    void reclassifyFinished(bool ok, const QString &error);
    void searchTextsPaused();
    void searchTextsResumed();
    /// What a big import left for afterwards is being built in the background: the indexes it
    /// left out (store/deferredindexes.h), then the index of its search texts
    /// (store/searchindex.h). Searches and sorts work meanwhile, more slowly.
    void searchIndexStarted();
    /// Their index is in place (`ok`), or the build failed and is tried again at the next opening.
    void searchIndexFinished(bool ok);

private:
    /// Starts the build of what a big import left for afterwards in a worker: the indexes it left
    /// out (store/deferredindexes.h), then the pending search texts' index. Unless nothing is
    /// left, or a classification or a write in the background goes on (their end asks again). A
    /// classification that begins stops it, and it starts again after both have ended.
    void buildPendingIndexes();
    /// At the start of each write above: a run of reclassify() going on stops and runs again.
    void beforeWrite();
    /// close() and the destructor: a run going on stops, and nothing of it is reported (its end
    /// is dropped: the session it would tell is closed, or has another file).
    void stopReclassify();
    void reloadRunInfo();
    /// What follows an undone import: the views reload, a classification if the history changed.
    /// `inBackground` (undoImportInBackground()): when a classification follows, the views are
    /// told at its end only, as after endBackgroundImport().
    void importUndone(store::ImportKind kind, bool inBackground);
    /// customersChanged() now, or at the end of the classification going on (m_viewsBehind): a
    /// background import's or undo's changes, told once, not beside the run as well.
    void tellViewsAfterTheRun();
    /// Runs `write` on a connection of its own in workerPool(), then `finished` on the window's
    /// thread; isWritingInBackground() meanwhile.
    void writeInBackground(std::function<Result<void>(store::Database &)> write,
                           std::function<void(const Result<void> &)> finished);
    /// The end of reclassify()'s run, on the window's thread (its worker may still checkpoint).
    void finishReclassify(const QString &error);
    std::unique_ptr<store::Database> m_db;
    classify::Settings m_settings;
    std::optional<store::ClassificationRunInfo> m_lastRun;
    QDate m_today;
    bool m_reclassifying = false;
    /// The running reclassify()'s stop flag (its connection's Database::stopWhen()), and who it is:
    /// its worker's progress and end count only while this is still its flag.
    std::shared_ptr<std::atomic<bool>> m_stopRun;
    /// A write came during the run (run again at its end), or a run was asked for during a
    /// write in the background (run at the write's end).
    bool m_runAgain = false;
    bool m_writingInBackground = false;
    /// An import's or undo's changes wait for the end of the run going on (tellViewsAfterTheRun()).
    bool m_viewsBehind = false;
    int m_searchPauses = 0; ///< pauseSearchTexts() not resumed yet
    /// The build of buildPendingIndexes() going on: its flags. `yield` (set by beforeWrite()) has its
    /// copy into the database give way to the window's write and try again; `stop` ends it.
    struct SearchBuild {
        std::atomic<bool> yield{false};
        std::atomic<bool> stop{false};
    };
    std::shared_ptr<SearchBuild> m_searchBuild;
};

} // namespace tierdesk::ui
