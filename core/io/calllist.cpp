#include "calllist.h"

#include "classify/explain.h"
#include "csv/csvwriter.h"
#include "model/money.h"
#include "store/repositories.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QHashFunctions>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

namespace tierdesk::io {
namespace {

template<typename T>
QString opt(const std::optional<T> &v)
{
    if (!v)
        return {};
    if constexpr (std::is_integral_v<T>)
        return QString::number(*v);
    else
        return toText(*v);
}

QString date(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

} // namespace

QStringList classificationColumns()
{
    return {QStringLiteral("id"),        QStringLiteral("recency_days"),
            QStringLiteral("frequency"), QStringLiteral("monetary"),
            QStringLiteral("r"),         QStringLiteral("f"),
            QStringLiteral("m"),         QStringLiteral("value_tier"),
            QStringLiteral("freq_tier"), QStringLiteral("loyalty"),
            QStringLiteral("lifecycle"), QStringLiteral("engagement"),
            QStringLiteral("segment"),   QStringLiteral("matrix"),
            QStringLiteral("due_date")};
}

namespace {

/// The CSV of `tierdesk-cli classify --out` for the rows `row(0)` … `row(n - 1)`.
template<typename Row>
Result<void> writeClassificationRows(QIODevice *out, std::size_t n, Row row)
{
    csv::Writer w(out);
    for (const QString &c : classificationColumns())
        w.field(c);
    w.endRow();
    for (std::size_t i = 0; i < n; ++i) {
        const classify::Classification &c = row(i);
        w.field(QString::number(c.id));
        w.field(opt(c.recencyDays));
        w.field(QString::number(c.frequency));
        w.field(formatCents(c.monetary));
        w.field(opt(c.r));
        w.field(opt(c.f));
        w.field(opt(c.m));
        w.field(toText(c.valueTier));
        w.field(opt(c.freqTier));
        w.field(opt(c.loyalty));
        w.field(toText(c.lifecycle));
        w.field(toText(c.engagement));
        w.field(opt(c.segment));
        w.field(opt(c.matrix));
        w.field(date(c.due));
        w.endRow();
    }
    return w.finish();
}

} // namespace

Result<void> writeClassificationCsv(QIODevice *out, const Classified &classified)
{
    const auto &rows = classified.run.rows;
    return writeClassificationRows(
        out, rows.size(), [&rows](std::size_t i) -> const classify::Classification & { return rows[i]; });
}

Result<void> writeClassificationCsv(QIODevice *out, const classify::Classifier &classifier)
{
    classify::Classification c;
    return writeClassificationRows(out, classifier.size(),
                                   [&](std::size_t i) -> const classify::Classification & {
                                       c = classifier.at(i);
                                       return c;
                                   });
}

namespace {

/// The queue of a fresh classification with the contact details of its customers, packed.
struct FreshQueue {
    std::vector<classify::QueueEntry> entries;
    store::ContactBook contacts; ///< row k: entries[k]'s customer
};

Result<FreshQueue> freshQueue(store::Database &db, const Classified &classified, QDate asOf)
{
    const auto &rows = classified.run.rows;
    // std::vector<bool> is not contiguous: the queue takes a span of real bools.
    const auto archived = std::make_unique<bool[]>(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        archived[i] = classified.facts[i].archived;
    FreshQueue out;
    out.entries = classify::queue(rows, std::span<const bool>(archived.get(), rows.size()), asOf);
    std::vector<CustomerId> ids;
    ids.reserve(out.entries.size());
    for (const auto &e : out.entries)
        ids.push_back(rows[e.index].id);
    auto contacts = store::ContactQuery(db).fetchPacked(ids);
    if (!contacts)
        return std::unexpected(contacts.error());
    out.contacts = std::move(*contacts);
    return out;
}

/// Row k of a fresh queue without its contact texts, into `r` (name … city are left as they are).
void fillFreshColumns(const Classified &classified, const FreshQueue &queue, std::size_t k,
                      store::CustomerRow &r)
{
    const classify::Classification &c = classified.run.rows[queue.entries[k].index];
    const classify::CustomerFacts &f = classified.facts[queue.entries[k].index];
    r.id = c.id;
    r.tier = c.valueTier;
    r.segment = c.segment;
    r.lifecycle = c.lifecycle;
    r.loyalty = c.loyalty;
    r.grade = c.grade;
    r.gradeSuggested = c.gradeSuggested;
    r.demoteTo = c.demoteTo;
    r.monetary = c.monetary;
    r.lastContact = f.lastContact;
    r.lastOutcome = f.lastOutcome;
    r.due = c.due;
    r.reason = c.reason;
    r.priority = c.priorityClass;
}

} // namespace

Result<std::vector<store::CustomerRow>> queueRows(store::Database &db, const Classified &classified,
                                                  QDate asOf)
{
    auto queue = freshQueue(db, classified, asOf);
    if (!queue)
        return std::unexpected(queue.error());
    std::vector<store::CustomerRow> out;
    out.reserve(queue->entries.size());
    for (std::size_t k = 0; k < queue->entries.size(); ++k) {
        if (!queue->contacts.found(k))
            continue; // deleted since the facts were read
        store::CustomerRow r;
        queue->contacts.fill(k, r);
        fillFreshColumns(classified, *queue, k, r);
        out.push_back(std::move(r));
    }
    return out;
}

namespace {

const TableColumn CallListTable[] = {
    {QStringLiteral("rank"), ColumnKind::Integer},      {QStringLiteral("customer_id"), ColumnKind::Integer},
    {QStringLiteral("name"), ColumnKind::Text},         {QStringLiteral("company"), ColumnKind::Text},
    {QStringLiteral("phone"), ColumnKind::Text},        {QStringLiteral("email"), ColumnKind::Text},
    {QStringLiteral("owner"), ColumnKind::Text},        {QStringLiteral("city"), ColumnKind::Text},
    {QStringLiteral("grade"), ColumnKind::Text},        {QStringLiteral("value_tier"), ColumnKind::Text},
    {QStringLiteral("lifecycle"), ColumnKind::Text},    {QStringLiteral("segment"), ColumnKind::Text},
    {QStringLiteral("last_contact"), ColumnKind::Date}, {QStringLiteral("last_outcome"), ColumnKind::Text},
    {QStringLiteral("due_date"), ColumnKind::Date},     {QStringLiteral("days_overdue"), ColumnKind::Integer},
    {QStringLiteral("reason"), ColumnKind::Text},       {QStringLiteral("suggestion"), ColumnKind::Text},
};

} // namespace

QStringList callListColumns()
{
    QStringList names;
    for (const TableColumn &column : CallListTable)
        names.append(column.name);
    return names;
}

namespace {

/// Writes the rows of a call list. The texts that repeat from row to row (the names of tiers,
/// grades and the like, the reason and the suggestion: translated templates with few distinct
/// values in a day's list) are made once each as UTF-8, then only copied. At a million
/// customers a QString for each of them in each row was a good part of the export.
class CallListRowWriter {
public:
    CallListRowWriter(TableWriter &w, QDate asOf)
        : m_w(w)
        , m_asOf(asOf)
    {}

    /// Row `rank` with the contact texts of `r`.
    void write(qint64 rank, const store::CustomerRow &r)
    {
        m_w.integer(rank);
        m_w.integer(r.id);
        for (const QString *text : {&r.name, &r.company, &r.phone, &r.email, &r.owner, &r.city})
            m_w.text(*text);
        writeColumns(r);
    }

    /// Row `rank` with `contacts` (UTF-8) instead of the contact texts of `r`.
    void write(qint64 rank, const store::CustomerRow &r, const store::ContactTexts &contacts)
    {
        m_w.integer(rank);
        m_w.integer(r.id);
        for (const QByteArrayView text :
             {contacts.name, contacts.company, contacts.phone, contacts.email, contacts.owner, contacts.city})
            m_w.utf8Text(text);
        writeColumns(r);
    }

private:
    /// The names of an enumeration's values (toText()), as UTF-8, each made when first needed.
    template<typename E>
    class Names {
    public:
        QByteArrayView operator()(std::optional<E> v)
        {
            if (!v)
                return {};
            const auto i = std::size_t(*v);
            if (i >= m_names.size())
                m_names.resize(i + 1);
            if (!m_names[i])
                m_names[i] = toText(*v).toUtf8();
            return *m_names[i];
        }

    private:
        std::vector<std::optional<QByteArray>> m_names;
    };

    struct ReasonHash {
        std::size_t operator()(const classify::DueReason &r) const
        {
            return qHashMulti(0, int(r.kind), r.date.toJulianDay(), r.cadenceDays,
                              r.grade ? int(*r.grade) : -1, r.tier ? int(*r.tier) : -1);
        }
    };

    void writeColumns(const store::CustomerRow &r)
    {
        m_w.utf8Text(m_grades(r.grade));
        m_w.utf8Text(m_tiers(r.tier));
        m_w.utf8Text(m_lifecycles(r.lifecycle));
        m_w.utf8Text(m_segments(r.segment));
        m_w.date(r.lastContact);
        m_w.utf8Text(m_outcomes(r.lastOutcome));
        m_w.date(r.due);
        if (r.due.isValid())
            m_w.integer(std::max<qint64>(0, r.due.daysTo(m_asOf)));
        else
            m_w.empty();
        // Keyed by every input of the text: the few distinct reasons of a day.
        auto reason = m_reasons.find(r.reason);
        if (reason == m_reasons.end())
            reason = m_reasons.emplace(r.reason, classify::reasonText(r.reason).toUtf8()).first;
        m_w.utf8Text(reason->second);
        m_w.utf8Text(suggestion(r.demoteTo));
        m_w.endRow();
    }

    QByteArrayView suggestion(std::optional<Grade> demoteTo)
    {
        if (!demoteTo)
            return {};
        const auto i = std::size_t(*demoteTo);
        if (i >= m_suggestions.size())
            m_suggestions.resize(i + 1);
        if (!m_suggestions[i]) {
            m_suggestions[i] = QCoreApplication::translate("tierdesk::io::CallList", "suggest grade %1")
                                   .arg(toText(*demoteTo))
                                   .toUtf8();
        }
        return *m_suggestions[i];
    }

    TableWriter &m_w;
    QDate m_asOf;
    Names<Grade> m_grades;
    Names<ValueTier> m_tiers;
    Names<Lifecycle> m_lifecycles;
    Names<Segment> m_segments;
    Names<Outcome> m_outcomes;
    std::unordered_map<classify::DueReason, QByteArray, ReasonHash> m_reasons;
    std::vector<std::optional<QByteArray>> m_suggestions;
};

/// How many rows ahead the stored queue's contact texts are fetched into the cache while rows are
/// written: each row's texts are somewhere else in memory.
constexpr std::size_t PrefetchAhead = 16;

/// Row `i` of a stored queue, its contact texts as the database holds them; the texts of the
/// rows a little further on are fetched into the cache meanwhile.
void writeStoredRow(const store::StoredQueue &queue, std::size_t i, CallListRowWriter &out, qint64 rank,
                    store::CustomerRow &row)
{
    if (i + PrefetchAhead < queue.size())
        queue.prefetchContacts(i + PrefetchAhead);
    queue.fillColumns(i, row);
    out.write(rank, row, queue.contacts(i));
}

/// Writes the header, then the `count` rows that `write(i, rows, rank, scratch)` writes with
/// `rows` (true), or skips (false), then finishes the writer. `scratch` is one row reused for
/// all.
template<typename Write>
Result<qint64> writeCallListRows(TableWriter &w, std::size_t count, QDate asOf, Write write)
{
    w.begin(CallListTable);
    CallListRowWriter rows(w, asOf);
    qint64 n = 0;
    store::CustomerRow scratch;
    for (std::size_t i = 0; i < count && w.ok(); ++i) {
        if (write(i, rows, n + 1, scratch))
            ++n;
    }
    if (auto ok = w.finish(); !ok)
        return std::unexpected(ok.error());
    return n;
}

/// The rows of a stored queue are formatted in parts of this many, by two threads in turns.
constexpr std::size_t PartRows = 1024;

/// The rows of `queue` to a CSV writer, as writeCallListRows() with writeStoredRow() writes
/// them, formatted by this thread and a second one: each formats every other part of PartRows
/// rows in memory and writes it to `w` when the part before it has been written. Formatting
/// was three quarters of the writing of a call list at a million customers (the kernel's copy
/// the rest), all on one core while the other was idle. Every row is written, so a row's rank
/// is its place in the queue. `progress(rows)` is called on this thread after each of its parts
/// but the last, with the rows written so far; when it returns false both threads stop, and so
/// they do on the first failed write. Returns the rows written.
Result<qint64> writeStoredCsvRows(CsvTableWriter &w, const store::StoredQueue &queue, QDate asOf,
                                  const std::function<bool(qint64 written)> &progress)
{
    w.begin(CallListTable);
    const std::size_t count = queue.size();
    const std::size_t parts = (count + PartRows - 1) / PartRows;
    std::mutex lock;
    std::condition_variable turned;
    std::size_t turn = 0; ///< the part to be written next
    bool stop = false;
    const auto formatParts = [&](std::size_t first, bool reports) {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        const std::unique_ptr<CsvTableWriter> part = w.rowsApart(&buffer);
        CallListRowWriter rows(*part, asOf);
        store::CustomerRow scratch;
        for (std::size_t p = first; p < parts; p += 2) {
            buffer.seek(0);
            bytes.resize(0);
            const std::size_t end = std::min(count, (p + 1) * PartRows);
            for (std::size_t i = p * PartRows; i < end; ++i)
                writeStoredRow(queue, i, rows, qint64(i) + 1, scratch);
            (void)part->finish(); // into memory: cannot fail
            std::unique_lock guard(lock);
            turned.wait(guard, [&] { return turn == p || stop; });
            if (stop)
                return;
            w.writeFormatted(bytes);
            ++turn;
            if (!w.ok() || (reports && progress && end < count && !progress(qint64(end))))
                stop = true;
            turned.notify_all();
            if (stop)
                return;
        }
    };
    {
        const std::jthread second(formatParts, std::size_t(1), false);
        formatParts(0, true);
    } // joins the second
    if (auto ok = w.finish(); !ok)
        return std::unexpected(ok.error());
    if (stop)
        return std::unexpected(Error{});
    return qint64(count);
}

QString callListSheetName(QDate asOf)
{
    //: The name of the worksheet in an exported call list (at most 31 characters)
    return QCoreApplication::translate("tierdesk::io::CallList", "Call list %1")
        .arg(asOf.toString(Qt::ISODate));
}

} // namespace

Result<qint64> writeCallList(TableWriter &w, std::span<const store::CustomerRow> rows, QDate asOf)
{
    return writeCallListRows(w, rows.size(), asOf,
                             [&](std::size_t i, CallListRowWriter &out, qint64 rank, store::CustomerRow &) {
                                 out.write(rank, rows[i]);
                                 return true;
                             });
}

Result<qint64> writeDayCallList(store::Database &db, TableWriter &w, QDate asOf,
                                const DayCallListOptions &options)
{
    // The stored results, when they are what a fresh run would give (see currentQueue()).
    if (options.allowStored) {
        auto stored = store::ClassificationStore(db).currentQueue(asOf);
        if (!stored)
            return std::unexpected(stored.error());
        if (*stored) {
            if (options.source)
                *options.source = CallListSource::Stored;
            const store::StoredQueue &queue = **stored;
            if (CsvTableWriter *csv = w.asCsv(); csv && queue.size() > PartRows)
                return writeStoredCsvRows(*csv, queue, asOf, {});
            return writeCallListRows(
                w, queue.size(), asOf,
                [&](std::size_t i, CallListRowWriter &out, qint64 rank, store::CustomerRow &row) {
                    writeStoredRow(queue, i, out, rank, row);
                    return true;
                });
        }
    }
    if (options.source)
        *options.source = CallListSource::Fresh;
    auto classified = classifyDatabase(db, asOf, /*store=*/false);
    if (!classified)
        return std::unexpected(classified.error());
    auto queue = freshQueue(db, *classified, asOf);
    if (!queue)
        return std::unexpected(queue.error());
    return writeCallListRows(
        w, queue->entries.size(), asOf,
        [&](std::size_t k, CallListRowWriter &out, qint64 rank, store::CustomerRow &row) {
            if (!queue->contacts.found(k))
                return false; // deleted since the facts were read
            fillFreshColumns(*classified, *queue, k, row);
            out.write(rank, row, queue->contacts.texts(k));
            return true;
        });
}

Result<qint64> exportDayCallList(store::Database &db, const QString &path, QDate asOf,
                                 const DayCallListOptions &options)
{
    return writeTableFile(path, callListSheetName(asOf),
                          [&](TableWriter &w) { return writeDayCallList(db, w, asOf, options); });
}

Result<qint64> exportStoredCallList(store::Database &db, const QString &path, QDate day,
                                    const StoredCallListOptions &options)
{
    // Every this many rows, the caller hears how far the export is (and may stop it).
    constexpr std::size_t ProgressRows = 4096;
    auto queue = store::ClassificationStore(db).storedQueue(day, options.owner);
    if (!queue)
        return std::unexpected(queue.error());
    const auto total = qint64(queue->size());
    const auto go = [&](qint64 written) { return !options.progress || options.progress(written, total); };
    if (!go(0))
        return std::unexpected(Error{});
    bool stopped = false;
    auto written = writeTableFile(path, callListSheetName(day), [&](TableWriter &w) -> Result<qint64> {
        if (CsvTableWriter *csv = w.asCsv(); csv && queue->size() > PartRows)
            return writeStoredCsvRows(*csv, *queue, day, go);
        auto n = writeCallListRows(
            w, queue->size(), day,
            [&](std::size_t i, CallListRowWriter &out, qint64 rank, store::CustomerRow &row) {
                if (stopped || (i > 0 && i % ProgressRows == 0 && !go(qint64(i)))) {
                    stopped = true;
                    return false;
                }
                writeStoredRow(*queue, i, out, rank, row);
                return true;
            });
        if (stopped)
            return std::unexpected(Error{}); // no file
        return n;
    });
    if (written)
        go(total);
    return written;
}

Result<qint64> writeCallList(QIODevice *out, std::span<const store::CustomerRow> rows, QDate asOf,
                             const CallListOptions &options)
{
    CsvTableWriter w(out, options.spreadsheet ? csv::WriterOptions::spreadsheet() : csv::WriterOptions{});
    return writeCallList(w, rows, asOf);
}

Result<qint64> exportCallList(const QString &path, std::span<const store::CustomerRow> rows, QDate asOf)
{
    return writeTableFile(path, callListSheetName(asOf),
                          [&](TableWriter &w) { return writeCallList(w, rows, asOf); });
}

} // namespace tierdesk::io
