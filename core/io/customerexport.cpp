#include "customerexport.h"

#include <QCoreApplication>

#include <algorithm>

namespace tierdesk::io {
namespace {

/// Rows per query: large enough that OFFSET paging stays cheap and that a page's rows, read in
/// id order (CustomerQuery::page()), share the pages of the tables (the whole list at a million
/// customers, by name: 9.7 s with 32,768 rows a page, 18.6 s with 5,000 read in list order),
/// small enough to stay out of the way of memory (some 20 MB).
constexpr int PageSize = 32768;

const TableColumn CustomerListTable[] = {
    {QStringLiteral("name"), ColumnKind::Text},       {QStringLiteral("company"), ColumnKind::Text},
    {QStringLiteral("phone"), ColumnKind::Text},      {QStringLiteral("email"), ColumnKind::Text},
    {QStringLiteral("city"), ColumnKind::Text},       {QStringLiteral("owner"), ColumnKind::Text},
    {QStringLiteral("value_tier"), ColumnKind::Text}, {QStringLiteral("segment"), ColumnKind::Text},
    {QStringLiteral("lifecycle"), ColumnKind::Text},  {QStringLiteral("loyalty"), ColumnKind::Text},
    {QStringLiteral("grade"), ColumnKind::Text},      {QStringLiteral("last_contact"), ColumnKind::Date},
    {QStringLiteral("next_due"), ColumnKind::Date},   {QStringLiteral("spend"), ColumnKind::Money},
};

template<typename T>
QString opt(const std::optional<T> &v)
{
    return v ? toText(*v) : QString();
}

} // namespace

QStringList customerListColumns()
{
    QStringList names;
    for (const TableColumn &column : CustomerListTable)
        names.append(column.name);
    return names;
}

Result<qint64> writeCustomerList(TableWriter &w, store::Database &db, const store::CustomerFilter &filter,
                                 store::CustomerSort sort, bool descending, const ExportProgress &progress)
{
    w.begin(CustomerListTable);
    store::CustomerQuery query(db);
    qint64 total = 0;
    if (progress) {
        auto count = query.count(filter);
        if (!count)
            return std::unexpected(count.error());
        total = *count;
        if (!progress(0, total))
            return std::unexpected(Error{});
    }
    qint64 n = 0;
    for (qint64 offset = 0; w.ok(); offset += PageSize) {
        auto page = query.page(filter, sort, descending, offset, PageSize);
        if (!page)
            return std::unexpected(page.error());
        for (const store::CustomerRow &r : *page) {
            w.text(r.name);
            w.text(r.company);
            w.text(r.phone);
            w.text(r.email);
            w.text(r.city);
            w.text(r.owner);
            w.text(opt(r.tier));
            w.text(opt(r.segment));
            w.text(opt(r.lifecycle));
            w.text(opt(r.loyalty));
            w.text(opt(r.grade));
            w.date(r.lastContact);
            w.date(r.due);
            w.money(r.monetary);
            w.endRow();
            ++n;
        }
        // Rows added since the count (another program) make the total grow, not go backwards.
        if (progress && !progress(n, std::max(total, n)))
            return std::unexpected(Error{});
        if (page->size() < std::size_t(PageSize))
            break;
    }
    if (auto ok = w.finish(); !ok)
        return std::unexpected(ok.error());
    return n;
}

Result<qint64> exportCustomers(const QString &path, store::Database &db, const store::CustomerFilter &filter,
                               store::CustomerSort sort, bool descending, const ExportProgress &progress)
{
    //: The name of the worksheet in an exported customer list (at most 31 characters)
    const QString sheet = QCoreApplication::translate("tierdesk::io::CustomerList", "Customers");
    return writeTableFile(path, sheet, [&](TableWriter &w) {
        return writeCustomerList(w, db, filter, sort, descending, progress);
    });
}

} // namespace tierdesk::io
