#include "calllist.h"

#include "classify/explain.h"
#include "csv/csvwriter.h"
#include "model/money.h"
#include "store/repositories.h"

#include <QCoreApplication>

#include <memory>

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

Result<void> writeClassificationCsv(QIODevice *out, const Classified &classified)
{
    csv::Writer w(out);
    for (const QString &c : classificationColumns())
        w.field(c);
    w.endRow();
    for (const classify::Classification &c : classified.run.rows) {
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

/// Row k of a fresh queue, into `r` (reused: its strings keep their memory).
void fillFreshRow(const Classified &classified, const FreshQueue &queue, std::size_t k, store::CustomerRow &r)
{
    const classify::Classification &c = classified.run.rows[queue.entries[k].index];
    const classify::CustomerFacts &f = classified.facts[queue.entries[k].index];
    queue.contacts.fill(k, r);
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
        fillFreshRow(classified, *queue, k, r);
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

void writeCallListRow(TableWriter &w, qint64 rank, const store::CustomerRow &r, QDate asOf)
{
    w.integer(rank);
    w.integer(r.id);
    w.text(r.name);
    w.text(r.company);
    w.text(r.phone);
    w.text(r.email);
    w.text(r.owner);
    w.text(r.city);
    w.text(opt(r.grade));
    w.text(opt(r.tier));
    w.text(opt(r.lifecycle));
    w.text(opt(r.segment));
    w.date(r.lastContact);
    w.text(opt(r.lastOutcome));
    w.date(r.due);
    if (r.due.isValid())
        w.integer(std::max<qint64>(0, r.due.daysTo(asOf)));
    else
        w.empty();
    w.text(classify::reasonText(r.reason));
    w.text(r.demoteTo ? QCoreApplication::translate("tierdesk::io::CallList", "suggest grade %1")
                            .arg(toText(*r.demoteTo))
                      : QString());
    w.endRow();
}

/// Writes the header, then the `count` rows that `fill(i, scratch)` gives (a row, or null to skip
/// row i; `scratch` is one row reused for all), then finishes the writer.
template<typename Fill>
Result<qint64> writeCallListRows(TableWriter &w, std::size_t count, QDate asOf, Fill fill)
{
    w.begin(CallListTable);
    qint64 n = 0;
    store::CustomerRow scratch;
    for (std::size_t i = 0; i < count && w.ok(); ++i) {
        const store::CustomerRow *row = fill(i, scratch);
        if (!row)
            continue;
        writeCallListRow(w, n + 1, *row, asOf);
        ++n;
    }
    if (auto ok = w.finish(); !ok)
        return std::unexpected(ok.error());
    return n;
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
                             [&](std::size_t i, store::CustomerRow &) { return &rows[i]; });
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
            return writeCallListRows(
                w, queue.size(), asOf,
                [&](std::size_t i, store::CustomerRow &row) -> const store::CustomerRow * {
                    queue.fill(i, row);
                    return &row;
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
    return writeCallListRows(w, queue->entries.size(), asOf,
                             [&](std::size_t k, store::CustomerRow &row) -> const store::CustomerRow * {
                                 if (!queue->contacts.found(k))
                                     return nullptr; // deleted since the facts were read
                                 fillFreshRow(*classified, *queue, k, row);
                                 return &row;
                             });
}

Result<qint64> exportDayCallList(store::Database &db, const QString &path, QDate asOf,
                                 const DayCallListOptions &options)
{
    return writeTableFile(path, callListSheetName(asOf),
                          [&](TableWriter &w) { return writeDayCallList(db, w, asOf, options); });
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
