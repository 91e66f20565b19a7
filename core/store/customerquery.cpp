#include "customerquery.h"

#include "database.h"
#include "schema.h"
#include "search.h"
#include "sqlite.h"

#include <QCoreApplication>

namespace tierdesk::store {
namespace {

constexpr const char *kColumns =
    "c.id, c.name, c.company, c.phone, c.email, c.owner, c.city, k.value_tier, k.segment, k.lifecycle, "
    "k.loyalty, "
    "k.grade, k.grade_suggested, k.demote_to, k.monetary, k.last_contact, k.last_outcome, k.due_date, "
    "k.reason_kind, k.reason_date, k.reason_cadence, k.priority, c.archived";

/// A WHERE clause with its bound values, built from a filter. Only fixed SQL text is spliced in;
/// every user value is bound.
struct Where {
    QByteArray sql;
    QList<QString> values;

    void add(const char *clause, const QString &value)
    {
        sql += sql.isEmpty() ? " WHERE " : " AND ";
        const QByteArray placeholder = QByteArray("?") + QByteArray::number(values.size() + 1);
        sql += QByteArray(clause).replace(QByteArray("?"), placeholder);
        values.append(value);
    }
    void add(const char *clause)
    {
        sql += sql.isEmpty() ? " WHERE " : " AND ";
        sql += clause;
    }
    void bind(Statement &s) const
    {
        for (qsizetype i = 0; i < values.size(); ++i)
            s.bindText(int(i + 1), values[i]);
    }
};

/// An FTS5 phrase: the text in double quotes, inner quotes doubled, so that nothing the user
/// types is read as query syntax.
QString ftsPhrase(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

Where buildWhere(const CustomerFilter &f)
{
    Where w;
    if (!f.includeArchived)
        w.add("c.archived = 0");
    const QString needle = f.search.trimmed().toLower();
    if (!needle.isEmpty()) {
        // A phone typed with separators ("138-0013") is searched by its digits.
        const QString digits = digitsOf(needle);
        const bool phoneLike = digits.size() >= 3 && digits.size() * 2 >= needle.size();
        const QString term = phoneLike ? digits : needle;
        // The trigram index needs three characters; SQLite 3.40 answers LIKE wrongly on a
        // trigram table for shorter patterns, so those scan with instr() instead.
        if (term.size() >= 3)
            w.add("c.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)",
                  ftsPhrase(term));
        else
            w.add("c.id IN (SELECT rowid FROM customer_search WHERE instr(text, ?) > 0)", term);
    }
    if (f.tier)
        w.add("k.value_tier = ?", toText(*f.tier));
    if (f.segment)
        w.add("k.segment = ?", toText(*f.segment));
    if (f.lifecycle)
        w.add("k.lifecycle = ?", toText(*f.lifecycle));
    if (f.grade)
        w.add("k.grade = ?", toText(*f.grade));
    if (!f.owner.isEmpty())
        w.add("c.owner = ?", f.owner);
    if (!f.tag.isEmpty())
        w.add("c.id IN (SELECT ct.customer_id FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE "
              "t.name = ?)",
              f.tag);
    if (f.dueOnOrBefore.isValid())
        w.add("k.due_date <= ?", f.dueOnOrBefore.toString(Qt::ISODate));
    return w;
}

const char *orderBy(CustomerSort sort, bool descending)
{
    // NULLs (customers never classified, prospects without a segment) sort last either way.
    switch (sort) {
    case CustomerSort::Id:
        return descending ? " ORDER BY c.id DESC" : " ORDER BY c.id";
    case CustomerSort::Name:
        return descending ? " ORDER BY c.name DESC, c.id DESC" : " ORDER BY c.name, c.id";
    case CustomerSort::Company:
        return descending ? " ORDER BY c.company IS NULL, c.company DESC, c.id DESC"
                          : " ORDER BY c.company IS NULL, c.company, c.id";
    case CustomerSort::Phone:
        return descending ? " ORDER BY c.phone_key IS NULL, c.phone_key DESC, c.id DESC"
                          : " ORDER BY c.phone_key IS NULL, c.phone_key, c.id";
    case CustomerSort::Owner:
        return descending ? " ORDER BY c.owner IS NULL, c.owner DESC, c.id DESC"
                          : " ORDER BY c.owner IS NULL, c.owner, c.id";
    case CustomerSort::ValueTier:
        // A first, and within a tier the bigger spender first.
        return descending ? " ORDER BY k.value_tier IS NULL, k.value_tier DESC, k.monetary, c.id DESC"
                          : " ORDER BY k.value_tier IS NULL, k.value_tier, k.monetary DESC, c.id";
    case CustomerSort::Segment:
        return descending ? " ORDER BY k.segment IS NULL, k.segment DESC, c.id DESC"
                          : " ORDER BY k.segment IS NULL, k.segment, c.id";
    case CustomerSort::Lifecycle:
        return descending ? " ORDER BY k.lifecycle IS NULL, k.lifecycle DESC, c.id DESC"
                          : " ORDER BY k.lifecycle IS NULL, k.lifecycle, c.id";
    case CustomerSort::Loyalty:
        return descending ? " ORDER BY k.loyalty IS NULL, k.loyalty DESC, c.id DESC"
                          : " ORDER BY k.loyalty IS NULL, k.loyalty, c.id";
    case CustomerSort::Grade:
        return descending ? " ORDER BY k.grade IS NULL, k.grade DESC, c.id DESC"
                          : " ORDER BY k.grade IS NULL, k.grade, c.id";
    case CustomerSort::LastContact:
        return descending ? " ORDER BY k.last_contact IS NULL, k.last_contact DESC, c.id DESC"
                          : " ORDER BY k.last_contact IS NULL, k.last_contact, c.id";
    case CustomerSort::NextDue:
        return descending ? " ORDER BY k.due_date IS NULL, k.due_date DESC, c.id DESC"
                          : " ORDER BY k.due_date IS NULL, k.due_date, c.id";
    case CustomerSort::Monetary:
        return descending ? " ORDER BY k.monetary IS NULL, k.monetary DESC, c.id"
                          : " ORDER BY k.monetary IS NULL, k.monetary, c.id";
    case CustomerSort::Priority:
        // Spec §10: class, then days overdue descending (= due ascending), monetary, id.
        return " ORDER BY k.priority, k.due_date, k.monetary DESC, c.id";
    }
    return " ORDER BY c.id";
}

CustomerRow readRow(const Statement &s)
{
    CustomerRow r;
    r.id = s.int64(0);
    r.name = s.text(1);
    r.company = s.text(2);
    r.phone = s.text(3);
    r.email = s.text(4);
    r.owner = s.text(5);
    r.city = s.text(6);
    r.tier = valueTierFromText(s.text(7));
    r.segment = segmentFromText(s.text(8));
    r.lifecycle = lifecycleFromText(s.text(9));
    r.loyalty = levelFromText(s.text(10));
    r.grade = gradeFromText(s.text(11));
    r.gradeSuggested = s.integer(12) != 0;
    r.demoteTo = gradeFromText(s.text(13));
    r.monetary = s.int64(14);
    r.lastContact = s.date(15);
    r.lastOutcome = outcomeFromText(s.text(16));
    r.due = s.date(17);
    r.reason = schema::storedReason(s.bytes(18), s.date(19), s.integer(20), r.grade, r.tier,
                                    r.lifecycle && *r.lifecycle != Lifecycle::Prospect);
    r.priority = s.isNull(21) ? 5 : s.integer(21);
    r.archived = s.integer(22) != 0;
    return r;
}

} // namespace

Result<qint64> CustomerQuery::count(const CustomerFilter &filter)
{
    const Where w = buildWhere(filter);
    const QByteArray sql =
        "SELECT count(*) FROM customers c LEFT JOIN classification k ON k.customer_id = c.id" + w.sql;
    auto s = Statement::prepare(m_db.handle(), sql.constData());
    if (!s)
        return std::unexpected(s.error());
    w.bind(*s);
    const int rc = s->step();
    if (rc != SQLITE_ROW)
        return std::unexpected(sqliteError(m_db.handle(), rc, {}));
    return s->int64(0);
}

Result<std::vector<CustomerRow>> CustomerQuery::page(const CustomerFilter &filter, CustomerSort sort,
                                                     bool descending, qint64 offset, int limit)
{
    const Where w = buildWhere(filter);
    const QByteArray sql = QByteArray("SELECT ") + kColumns +
                           " FROM customers c LEFT JOIN classification k ON k.customer_id = c.id" + w.sql +
                           orderBy(sort, descending) + " LIMIT " + QByteArray::number(limit) + " OFFSET " +
                           QByteArray::number(offset);
    auto s = Statement::prepare(m_db.handle(), sql.constData());
    if (!s)
        return std::unexpected(s.error());
    w.bind(*s);
    std::vector<CustomerRow> rows;
    rows.reserve(std::size_t(limit));
    int rc;
    while ((rc = s->step()) == SQLITE_ROW)
        rows.push_back(readRow(*s));
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(m_db.handle(), rc, {}));
    return rows;
}

Result<std::optional<CustomerRow>> CustomerQuery::row(CustomerId id)
{
    const QByteArray sql =
        QByteArray("SELECT ") + kColumns +
        " FROM customers c LEFT JOIN classification k ON k.customer_id = c.id WHERE c.id = ?1";
    auto s = Statement::prepare(m_db.handle(), sql.constData());
    if (!s)
        return std::unexpected(s.error());
    s->bind(1, std::int64_t(id));
    const int rc = s->step();
    if (rc == SQLITE_DONE)
        return std::optional<CustomerRow>();
    if (rc != SQLITE_ROW)
        return std::unexpected(sqliteError(m_db.handle(), rc, {}));
    return std::optional<CustomerRow>(readRow(*s));
}

namespace {

Result<QStringList> strings(Database &db, const char *sql)
{
    auto s = Statement::prepare(db.handle(), sql);
    if (!s)
        return std::unexpected(s.error());
    QStringList out;
    int rc;
    while ((rc = s->step()) == SQLITE_ROW)
        out << s->text(0);
    if (rc != SQLITE_DONE)
        return std::unexpected(sqliteError(db.handle(), rc, {}));
    return out;
}

} // namespace

Result<QStringList> CustomerQuery::owners()
{
    return strings(m_db, "SELECT DISTINCT owner FROM customers WHERE owner IS NOT NULL ORDER BY owner");
}

Result<QStringList> CustomerQuery::tags()
{
    return strings(m_db, "SELECT name FROM tags ORDER BY name");
}

} // namespace tierdesk::store
