#include "session.h"

#include "io/classifyjob.h"
#include "model/memory.h"
#include "store/database.h"
#include "store/importlog.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QPointer>
#include <QScopeGuard>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace tierdesk::ui {

Session::Session(QObject *parent)
    : QObject(parent)
{}

Session::~Session() = default;

Result<void> Session::open(const QString &path)
{
    auto db = std::make_unique<store::Database>();
    if (auto ok = db->open(path); !ok)
        return ok;
    auto settings = store::SettingsRepository(*db).load();
    if (!settings)
        return std::unexpected(settings.error());
    close();
    m_db = std::move(db);
    m_settings = std::move(*settings);
    reloadRunInfo();
    emit opened();
    return {};
}

void Session::close()
{
    if (!m_db)
        return;
    m_db.reset();
    m_lastRun.reset();
    emit closed();
}

bool Session::isOpen() const
{
    return m_db != nullptr;
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
    emit customerAboutToChange(call.customerId);
    auto plan = io::logCall(*m_db, call, today());
    if (plan)
        emit customerChanged(call.customerId);
    return plan;
}

Result<std::int64_t> Session::addOrder(const Order &order)
{
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
    auto report = io::applyImport(*m_db, plan, source, problemsInFile, progress);
    if (report && !report->cancelled && (report->created || report->updated || report->merged))
        emit customersChanged();
    return report;
}

Result<io::ActivityImportReport>
Session::importActivities(const io::ActivityPlan &plan, const QString &source, qint64 problemsInFile,
                          const std::function<bool(qint64, qint64)> &progress)
{
    auto report = io::applyActivityImport(*m_db, plan, source, problemsInFile, progress);
    if (report && !report->cancelled && report->created > 0) {
        emit customersChanged();
        reclassify();
    }
    return report;
}

Result<void> Session::undoImport(qint64 batch)
{
    store::ImportLog log(*m_db);
    auto batches = log.batches();
    if (!batches)
        return std::unexpected(batches.error());
    const auto it = std::find_if(batches->begin(), batches->end(),
                                 [batch](const store::ImportBatch &b) { return b.id == batch; });
    if (auto ok = log.undo(batch); !ok)
        return ok;
    emit customersChanged();
    if (it != batches->end() && it->kind != store::ImportKind::Customers)
        reclassify(); // the history changed back
    return {};
}

Result<void> Session::unmerge(const store::MergeRecord &record)
{
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
    Snapshot snap;
    auto facts = store::MetricsQuery(*m_db).one(id, today(), m_settings);
    if (!facts)
        return std::unexpected(facts.error());
    snap.facts = std::move(*facts);
    auto result = store::ClassificationStore(*m_db).find(id);
    if (!result)
        return std::unexpected(result.error());
    snap.result = std::move(*result);
    if (m_lastRun) {
        snap.summary.asOf = m_lastRun->asOf;
        snap.summary.customers = int(m_lastRun->customers);
        snap.summary.buyers = int(m_lastRun->buyers);
        snap.summary.spenders = int(m_lastRun->spenders);
        snap.summary.tierACutoff = int(m_lastRun->tierACutoff);
        snap.summary.tierBCutoff = int(m_lastRun->tierBCutoff);
    }
    return snap;
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

void Session::reclassify()
{
    if (!m_db || m_reclassifying || m_db->path() == QStringLiteral(":memory:"))
        return;
    m_reclassifying = true;
    emit reclassifyStarted();
    const QString path = m_db->path();
    const QDate asOf = today();
    QPointer<Session> self(this);
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        const QString error = watcher->result();
        watcher->deleteLater();
        m_reclassifying = false;
        if (m_db)
            reloadRunInfo();
        emit reclassifyFinished(error.isEmpty(), error);
        if (error.isEmpty())
            emit customersChanged();
    });
    // The worker opens its own connection (one per thread) and reports progress by queued
    // calls; it touches nothing of this object directly.
    watcher->setFuture(QtConcurrent::run([path, asOf, self]() -> QString {
        // What the window let go of for the run (the search texts, reclassifyStarted()) and, at the
        // end, what this job freed (its page cache, the facts' neighbours in its heap) go back to
        // the system: at a million customers the first is some 60–80 MiB that would stay resident
        // under the job's peak. Here, not on the window's thread: it walks every heap.
        releaseFreeMemory();
        const auto release = qScopeGuard([] { releaseFreeMemory(); });
        auto progress = [self](int percent) {
            QMetaObject::invokeMethod(
                qApp,
                [self, percent] {
                    if (self)
                        emit self->reclassifyProgress(percent);
                },
                Qt::QueuedConnection);
        };
        progress(5);
        store::Database db;
        if (auto ok = db.open(path); !ok)
            return ok.error().message;
        progress(20);
        auto result = io::classifyAndStore(db, asOf);
        if (!result)
            return result.error().message;
        progress(100);
        return QString();
    }));
}

} // namespace tierdesk::ui
