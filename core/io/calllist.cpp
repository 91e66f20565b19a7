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

Result<std::vector<store::CustomerRow>> queueRows(store::Database &db, const Classified &classified,
                                                  QDate asOf)
{
    const auto &rows = classified.run.rows;
    // std::vector<bool> is not contiguous: the queue takes a span of real bools.
    const auto archived = std::make_unique<bool[]>(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        archived[i] = classified.facts[i].archived;
    const auto entries = classify::queue(rows, std::span<const bool>(archived.get(), rows.size()), asOf);

    std::vector<CustomerId> ids;
    ids.reserve(entries.size());
    for (const auto &e : entries)
        ids.push_back(rows[e.index].id);
    auto contacts = store::ContactQuery(db).fetch(ids);
    if (!contacts)
        return std::unexpected(contacts.error());

    std::vector<store::CustomerRow> out;
    out.reserve(entries.size());
    for (std::size_t k = 0; k < entries.size() && k < contacts->size(); ++k) {
        const classify::Classification &c = rows[entries[k].index];
        const classify::CustomerFacts &f = classified.facts[entries[k].index];
        const store::ContactRow &who = (*contacts)[k];
        store::CustomerRow r;
        r.id = c.id;
        r.name = who.name;
        r.company = who.company;
        r.phone = who.phone;
        r.email = who.email;
        r.owner = who.owner;
        r.city = who.city;
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

Result<qint64> writeCallList(TableWriter &w, std::span<const store::CustomerRow> rows, QDate asOf)
{
    w.begin(CallListTable);
    qint64 n = 0;
    for (const store::CustomerRow &r : rows) {
        if (!w.ok())
            break;
        w.integer(n + 1);
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
        ++n;
    }
    if (auto ok = w.finish(); !ok)
        return std::unexpected(ok.error());
    return n;
}

Result<qint64> writeCallList(QIODevice *out, std::span<const store::CustomerRow> rows, QDate asOf,
                             const CallListOptions &options)
{
    CsvTableWriter w(out, options.spreadsheet ? csv::WriterOptions::spreadsheet() : csv::WriterOptions{});
    return writeCallList(w, rows, asOf);
}

Result<qint64> exportCallList(const QString &path, std::span<const store::CustomerRow> rows, QDate asOf)
{
    //: The name of the worksheet in an exported call list (at most 31 characters)
    const QString sheet =
        QCoreApplication::translate("tierdesk::io::CallList", "Call list %1").arg(asOf.toString(Qt::ISODate));
    return writeTableFile(path, sheet, [&](TableWriter &w) { return writeCallList(w, rows, asOf); });
}

} // namespace tierdesk::io
