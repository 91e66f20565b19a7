#include "classifyjob.h"

#include "store/database.h"
#include "store/repositories.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QScopeGuard>

namespace tierdesk::io {

Result<Classified> classifyDatabase(store::Database &db, QDate asOf, bool storeResults)
{
    QElapsedTimer timer;
    timer.start();
    Classified out;
    // The write count before anything is read: if it is still the same when the results are
    // stored, they describe the data as it is (see ClassificationStore::currentQueue()).
    std::optional<std::int64_t> generation;
    if (storeResults) {
        auto g = db.writeGeneration();
        if (!g)
            return std::unexpected(g.error());
        generation = *g;
    }
    auto settings = store::SettingsRepository(db).load();
    if (!settings)
        return std::unexpected(settings.error());
    out.settings = std::move(*settings);
    auto facts = store::MetricsQuery(db).all(asOf, out.settings);
    if (!facts)
        return std::unexpected(facts.error());
    out.facts = std::move(*facts);
    out.run = classify::run(out.facts, out.settings, asOf);
    out.durationMs = timer.elapsed();
    if (storeResults) {
        if (auto ok = store::ClassificationStore(db).replace(out.facts, out.run, out.durationMs, generation);
            !ok)
            return std::unexpected(ok.error());
        out.durationMs = timer.elapsed();
    }
    return out;
}

Result<StoredRun> classifyAndStore(store::Database &db, QDate asOf,
                                   const std::function<Result<void>(const classify::Classifier &)> &then)
{
    QElapsedTimer timer;
    timer.start();
    // The write count before anything is read, as classifyDatabase() takes it.
    auto generation = db.writeGeneration();
    if (!generation)
        return std::unexpected(generation.error());
    auto settings = store::SettingsRepository(db).load();
    if (!settings)
        return std::unexpected(settings.error());
    auto facts = store::MetricsQuery(db).all(asOf, *settings);
    if (!facts)
        return std::unexpected(facts.error());
    const classify::Classifier classifier(*facts, *settings, asOf);
    StoredRun out;
    out.summary = classifier.summary();
    // The stored duration is that of the work before storing, as for classifyDatabase(); here the
    // rules themselves run while the rows are stored.
    {
        // The stored classification is derived data: its transaction commits without waiting for
        // the disk (synchronous = NORMAL; in WAL mode a power loss cannot damage the file, it can
        // only lose this transaction, and its classification_runs row with it: the next open finds
        // the day's run missing and classifies again). The next checkpoint, or the next commit of
        // the user's own data (FULL again), makes it durable.
        if (auto ok = db.exec("PRAGMA synchronous = NORMAL"); !ok)
            return std::unexpected(ok.error());
        const auto full = qScopeGuard([&db] { (void)db.exec("PRAGMA synchronous = FULL"); });
        if (auto ok = store::ClassificationStore(db).replace(classifier, timer.elapsed(), *generation); !ok)
            return std::unexpected(ok.error());
    }
    out.durationMs = timer.elapsed();
    if (then) {
        if (auto ok = then(classifier); !ok)
            return std::unexpected(ok.error());
    }
    return out;
}

Result<classify::FollowUp> refreshFollowUp(store::Database &db, CustomerId customer, QDate asOf)
{
    auto settings = store::SettingsRepository(db).load();
    if (!settings)
        return std::unexpected(settings.error());
    auto facts = store::MetricsQuery(db).one(customer, asOf, *settings);
    if (!facts)
        return std::unexpected(facts.error());
    store::ClassificationStore results(db);
    auto stored = results.find(customer);
    if (!stored)
        return std::unexpected(stored.error());
    // Tiers and stage come from the last full run (they are relative to everyone else); the
    // grade may have changed since, so it is taken from the customer itself.
    const ValueTier tier = *stored ? (*stored)->valueTier : ValueTier::D;
    const Lifecycle stage = *stored ? (*stored)->lifecycle : classify::lifecycle(*facts, *settings, asOf);
    // As a full run does for each customer: the grade (by hand, else suggested), the demotion
    // suggestion and the priority class depend on the customer's own facts only.
    store::ClassificationStore::OwnResult own;
    own.grade = facts->grade ? facts->grade : classify::suggestedGrade(facts->man);
    own.gradeSuggested = !facts->grade && own.grade;
    own.demoteTo = classify::demotion(*facts, *settings, asOf);
    own.priority = classify::priorityClass(own.grade, facts->isBuyer(), tier);
    own.plan = classify::planFollowUp(*facts, own.grade, tier, stage, *settings);
    if (*stored) {
        if (auto ok = results.updateFollowUp(*facts, own); !ok)
            return std::unexpected(ok.error());
    }
    return own.plan;
}

Result<classify::FollowUp> logCall(store::Database &db, const Call &call, QDate asOf)
{
    auto id = store::CallRepository(db).add(call);
    if (!id)
        return std::unexpected(id.error());
    return refreshFollowUp(db, call.customerId, asOf);
}

} // namespace tierdesk::io
