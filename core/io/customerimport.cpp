#include "customerimport.h"

#include "classify/dupkeys.h"
#include "csv/csvreader.h"
#include "csv/csvwriter.h"
#include "importparse.h"
#include "store/database.h"
#include "store/importlog.h"
#include "store/repositories.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace tierdesk::io {

namespace {

// ---- Header names, compared after detail::normaliseHeader().

using Names = detail::HeaderNames<Field>;

// In order of precedence: a header is matched against the exact names of every field first.
const Names kNames[] = {
    {Field::Ignore, {u"customerid", u"id", u"编号", u"序号", u"客户编号", u"no"}, {}},
    {Field::Name,
     {u"name", u"姓名", u"联系人", u"联系人姓名", u"客户姓名", u"contact", u"contactname", u"fullname",
      u"customername", u"客户名称", u"客户", u"customer", u"名字"},
     {u"姓名", u"联系人"}},
    {Field::Company,
     {u"company", u"公司", u"公司名称", u"单位", u"单位名称", u"企业", u"企业名称", u"companyname",
      u"organization", u"organisation", u"account", u"accountname", u"工作单位"},
     {u"公司", u"单位", u"企业"}},
    {Field::Phone,
     {u"phone", u"mobile", u"tel", u"telephone", u"cell", u"cellphone", u"phonenumber", u"mobilephone",
      u"电话", u"手机", u"手机号", u"手机号码", u"联系电话", u"电话号码", u"座机", u"移动电话", u"联系方式",
      u"whatsapp"},
     {u"电话", u"手机", u"座机"}},
    {Field::Email,
     {u"email", u"mail", u"emailaddress", u"邮箱", u"电子邮箱", u"电子邮件", u"邮件", u"邮箱地址"},
     {u"邮箱", u"邮件"}},
    {Field::City, {u"city", u"城市", u"所在城市", u"地区", u"所在地", u"region"}, {u"城市"}},
    {Field::Owner,
     {u"owner", u"salesrep", u"salesperson", u"accountowner", u"rep", u"负责人", u"销售", u"业务员",
      u"跟进人", u"归属", u"所属销售", u"客户经理", u"销售负责人"},
     {u"负责人", u"业务员", u"跟进人", u"客户经理"}},
    {Field::Tags, {u"tags", u"tag", u"labels", u"标签", u"客户标签"}, {u"标签"}},
    {Field::Type, {u"type", u"customertype", u"类型", u"客户类型", u"客户性质"}, {u"类型"}},
    {Field::Grade,
     {u"grade", u"intent", u"intentgrade", u"意向", u"意向等级", u"意向度", u"客户意向"},
     {u"意向"}},
    {Field::CreatedAt,
     {u"createdat", u"created", u"createdate", u"dateadded", u"创建时间", u"创建日期", u"录入时间",
      u"录入日期", u"添加时间", u"建档日期", u"登记日期"},
     {u"创建", u"录入"}},
};

// ---- Values

std::optional<CustomerType> parseType(const QString &v)
{
    const QString t = v.trimmed().toLower();
    if (auto strict = customerTypeFromText(t))
        return strict;
    if (t == u"个人" || t == u"person" || t == u"private" || t == u"consumer")
        return CustomerType::Individual;
    if (t == u"企业" || t == u"公司" || t == u"company" || t == u"business" || t == u"b2b")
        return CustomerType::Enterprise;
    if (t == u"政府" || t == u"事业单位" || t == u"gov" || t == u"public")
        return CustomerType::Government;
    if (t == u"渠道" || t == u"代理" || t == u"经销商" || t == u"partner" || t == u"reseller" ||
        t == u"distributor")
        return CustomerType::Channel;
    return std::nullopt;
}

std::optional<Grade> parseGrade(const QString &v)
{
    QString g = v.trimmed().toUpper();
    for (const char16_t *suffix : {u"级", u"类", u"等"})
        if (g.endsWith(QStringView(suffix)))
            g.chop(1);
    return gradeFromText(g);
}

QStringList splitTags(const QString &v)
{
    static const QRegularExpression separators(QStringLiteral("[,，;；|、/]"));
    QStringList out;
    for (const QString &part : v.split(separators, Qt::SkipEmptyParts)) {
        const QString t = part.trimmed();
        if (!t.isEmpty() && !out.contains(t))
            out << t;
    }
    return out;
}

/// "1.39123E+10": a spreadsheet turned the number into a float and lost digits.
bool looksMangledByASpreadsheet(const QString &phone)
{
    static const QRegularExpression scientific(QStringLiteral("^\\d+(\\.\\d+)?[eE]\\+\\d+$"));
    return scientific.match(phone.trimmed()).hasMatch();
}

bool plausibleEmail(const QString &e)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return re.match(e).hasMatch();
}

/// `target` with the row's non-empty values written over it (Update) or filled into its empty
/// fields (Merge); tags are added either way.
Customer combine(Customer target, const Customer &row, Decision how)
{
    auto take = [how](QString &to, const QString &from) {
        if (!from.isEmpty() && (how == Decision::Update || to.isEmpty()))
            to = from;
    };
    take(target.name, row.name);
    take(target.company, row.company);
    take(target.phone, row.phone);
    take(target.email, row.email);
    take(target.city, row.city);
    take(target.owner, row.owner);
    if (row.type && (how == Decision::Update || !target.type))
        target.type = row.type;
    if (row.grade && (how == Decision::Update || !target.grade)) {
        if (target.grade != row.grade)
            target.gradeSetAt = row.gradeSetAt;
        target.grade = row.grade;
    }
    for (const QString &t : row.tags)
        if (!target.tags.contains(t))
            target.tags << t;
    return target;
}

} // namespace

// ---- Reading

Result<Table> readTable(QByteArrayView bytes, const TableOptions &options)
{
    Table table;
    table.encoding = options.encoding
                         ? *options.encoding
                         : csv::detectEncoding(bytes.first(std::min<qsizetype>(bytes.size(), 1 << 16)));
    auto utf8 = csv::decodeToUtf8(bytes, table.encoding);
    if (!utf8)
        return std::unexpected(utf8.error());
    table.delimiter =
        options.delimiter
            ? *options.delimiter
            : csv::detectDelimiter(QByteArrayView(*utf8).first(std::min<qsizetype>(utf8->size(), 1 << 16)));

    QBuffer buffer(&*utf8);
    buffer.open(QIODevice::ReadOnly);
    csv::Reader reader(&buffer, csv::Dialect{table.delimiter});
    bool haveHeader = false;
    while (true) {
        const auto status = reader.next();
        if (status == csv::Reader::Status::End)
            break;
        if (status == csv::Reader::Status::IoError)
            return fail(reader.errorMessage());
        if (status == csv::Reader::Status::Malformed) {
            table.problems.push_back({reader.line(), reader.errorMessage(), {}});
            continue;
        }
        QStringList fields = reader.texts();
        if (!haveHeader) {
            table.header = fields;
            haveHeader = true;
            continue;
        }
        // A row of empty cells (Excel leaves them after deleted rows) is no row.
        if (std::all_of(fields.cbegin(), fields.cend(),
                        [](const QString &f) { return f.trimmed().isEmpty(); }))
            continue;
        if (fields.size() != table.header.size()) {
            // Trailing empty cells are harmless; anything else is reported, not guessed.
            while (fields.size() > table.header.size() && fields.back().trimmed().isEmpty())
                fields.removeLast();
            if (fields.size() > table.header.size()) {
                table.problems.push_back({reader.line(),
                                          QCoreApplication::translate("tierdesk::io::CustomerImport",
                                                                      "%1 fields where the header has %2.")
                                              .arg(fields.size())
                                              .arg(table.header.size()),
                                          fields});
                continue;
            }
            while (fields.size() < table.header.size())
                fields << QString();
        }
        table.rows.push_back(std::move(fields));
        table.lines.push_back(reader.line());
    }
    if (!haveHeader)
        return fail(QCoreApplication::translate("tierdesk::io::CustomerImport",
                                                "The file is empty: there is no header row."));
    return table;
}

Result<Table> readTable(const QString &path, const TableOptions &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QCoreApplication::translate("tierdesk::io::CustomerImport", "Could not open “%1”: %2")
                        .arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fail(QCoreApplication::translate("tierdesk::io::CustomerImport", "Could not read “%1”: %2")
                        .arg(path, file.errorString()));
    return readTable(QByteArrayView(bytes), options);
}

// ---- Mapping

QString fieldLabel(Field f)
{
    switch (f) {
    case Field::Ignore:
        return QCoreApplication::translate("tierdesk::io::CustomerImport", "(ignore)");
    case Field::Name:
        return QCoreApplication::translate("tierdesk::io::CustomerImport", "Name");
    case Field::Company:
        return QCoreApplication::translate("tierdesk::io::CustomerImport", "Company");
    case Field::Phone:
        return QCoreApplication::translate("tierdesk::io::CustomerImport", "Phone");
    case Field::Email:
        return QCoreApplication::translate("tierdesk::io::CustomerImport", "E-mail");
    case Field::City:
        return QCoreApplication::translate("tierdesk::io::CustomerImport", "City");
    case Field::Owner:
        return QCoreApplication::translate("tierdesk::io::CustomerImport", "Owner");
    case Field::Tags:
        return QCoreApplication::translate("tierdesk::io::CustomerImport", "Tags");
    case Field::Type:
        return QCoreApplication::translate("tierdesk::io::CustomerImport", "Type");
    case Field::Grade:
        return QCoreApplication::translate("tierdesk::io::CustomerImport", "Intent grade");
    case Field::CreatedAt:
        return QCoreApplication::translate("tierdesk::io::CustomerImport", "Created on");
    }
    return {};
}

namespace {
constexpr std::array<const char16_t *, FieldCount> kFieldKeys{u"ignore", u"name",  u"company",   u"phone",
                                                              u"email",  u"city",  u"owner",     u"tags",
                                                              u"type",   u"grade", u"created_at"};
constexpr std::array<const char16_t *, 4> kDecisionKeys{u"create", u"update", u"merge", u"skip"};
} // namespace

QString fieldKey(Field f)
{
    return QString::fromUtf16(kFieldKeys[std::size_t(f)]);
}

std::optional<Field> fieldFromKey(QStringView key)
{
    for (std::size_t i = 0; i < kFieldKeys.size(); ++i)
        if (key == QStringView(kFieldKeys[i]))
            return Field(i);
    return std::nullopt;
}

std::vector<Field> guessMapping(const QStringList &header)
{
    std::vector<Field> mapping(std::size_t(header.size()), Field::Ignore);
    std::vector<bool> decided(mapping.size(), false);
    std::array<bool, FieldCount> taken{};
    QStringList names;
    for (const QString &h : header)
        names << detail::normaliseHeader(h);

    auto assign = [&](int column, Field f) {
        mapping[std::size_t(column)] = f;
        decided[std::size_t(column)] = true;
        if (f != Field::Phone && f != Field::Ignore)
            taken[std::size_t(f)] = true;
    };
    // 客户名称 next to a contact column names the company (B2B lists).
    const bool hasContact = std::any_of(names.cbegin(), names.cend(), [](const QString &n) {
        return n == u"联系人" || n == u"联系人姓名" || n == u"姓名" || n == u"contact" || n == u"contactname";
    });
    for (int c = 0; c < names.size(); ++c) {
        if (hasContact && (names[c] == u"客户名称" || names[c] == u"客户" || names[c] == u"customername")) {
            if (!taken[std::size_t(Field::Company)])
                assign(c, Field::Company);
        }
    }
    // A phone column may be the mobile and another the landline; every other field is one column.
    detail::matchHeaders<Field>(
        names, kNames, decided,
        [&](Field f) { return f == Field::Ignore || f == Field::Phone || !taken[std::size_t(f)]; }, assign);
    return mapping;
}

// ---- Planning

QString decisionLabel(Decision d)
{
    switch (d) {
    case Decision::Create:
        return QCoreApplication::translate("tierdesk::io::CustomerImport", "Create new");
    case Decision::Update:
        return QCoreApplication::translate("tierdesk::io::CustomerImport", "Update existing");
    case Decision::Merge:
        return QCoreApplication::translate("tierdesk::io::CustomerImport", "Merge (fill gaps)");
    case Decision::Skip:
        return QCoreApplication::translate("tierdesk::io::CustomerImport", "Skip");
    }
    return {};
}

QString decisionKey(Decision d)
{
    return QString::fromUtf16(kDecisionKeys[std::size_t(d)]);
}

std::optional<Decision> decisionFromKey(QStringView key)
{
    for (std::size_t i = 0; i < kDecisionKeys.size(); ++i)
        if (key == QStringView(kDecisionKeys[i]))
            return Decision(i);
    return std::nullopt;
}

qint64 Plan::valid() const
{
    return detail::validRows(rows);
}

qint64 Plan::invalid() const
{
    return qint64(rows.size()) - valid();
}

qint64 Plan::duplicatesInDatabase() const
{
    return detail::rowsInDatabase(rows);
}

qint64 Plan::duplicatesInFile() const
{
    return detail::rowsRepeatedInFile(rows);
}

Result<Plan> planImport(store::Database &db, const Table &table, const std::vector<Field> &mapping,
                        const PlanOptions &options)
{
    const QDate today = options.today.isValid() ? options.today : QDate::currentDate();
    if (std::find(mapping.begin(), mapping.end(), Field::Name) == mapping.end() &&
        std::find(mapping.begin(), mapping.end(), Field::Company) == mapping.end())
        return fail(QCoreApplication::translate(
            "tierdesk::io::CustomerImport",
            "No column holds the name or the company: choose one in the mapping."));

    Plan plan;
    plan.rows.reserve(table.rows.size());
    QHash<QString, int> byPhone, byEmail; // key → first valid row of the file with it
    store::CustomerRepository customers(db);

    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const QStringList &fields = table.rows[i];
        PlannedRow p;
        p.row = int(i);
        p.line = table.lines[i];
        Customer &c = p.customer;
        QStringList phones;
        for (std::size_t col = 0; col < mapping.size() && col < std::size_t(fields.size()); ++col) {
            const QString value = fields[qsizetype(col)].trimmed();
            if (value.isEmpty())
                continue;
            switch (mapping[col]) {
            case Field::Ignore:
                break;
            case Field::Name:
                c.name = value;
                break;
            case Field::Company:
                c.company = value;
                break;
            case Field::Phone:
                phones << value;
                break;
            case Field::Email:
                c.email = value;
                break;
            case Field::City:
                c.city = value;
                break;
            case Field::Owner:
                c.owner = value;
                break;
            case Field::Tags:
                for (const QString &t : splitTags(value))
                    if (!c.tags.contains(t))
                        c.tags << t;
                break;
            case Field::Type:
                c.type = parseType(value);
                if (!c.type)
                    p.errors
                        << QCoreApplication::translate(
                               "tierdesk::io::CustomerImport",
                               "Unknown customer type “%1” (individual, enterprise, government, channel; "
                               "个人, 企业, 政府, 渠道).")
                               .arg(value);
                break;
            case Field::Grade:
                c.grade = parseGrade(value);
                if (!c.grade)
                    p.errors << QCoreApplication::translate("tierdesk::io::CustomerImport",
                                                            "Unknown intent grade “%1” (S, A, B, C or D).")
                                    .arg(value);
                break;
            case Field::CreatedAt:
                c.createdAt = detail::parseLooseDate(value);
                if (!c.createdAt.isValid())
                    p.errors << QCoreApplication::translate(
                                    "tierdesk::io::CustomerImport",
                                    "“%1” is not a date (2026-03-01, 2026/3/1 or 2026年3月1日).")
                                    .arg(value);
                else if (c.createdAt > today)
                    p.errors << QCoreApplication::translate("tierdesk::io::CustomerImport",
                                                            "The creation date %1 is in the future.")
                                    .arg(c.createdAt.toString(Qt::ISODate));
                break;
            }
        }
        // The first phone that is a number; a mobile and a landline column may both be mapped.
        for (const QString &phone : phones) {
            if (looksMangledByASpreadsheet(phone)) {
                p.errors
                    << QCoreApplication::translate(
                           "tierdesk::io::CustomerImport",
                           "The phone number “%1” was turned into a number by a spreadsheet and lost digits; "
                           "save the column as text and export again.")
                           .arg(phone);
                break;
            }
            if (c.phone.isEmpty() && !classify::phoneKey(phone).isEmpty())
                c.phone = phone;
        }
        if (c.phone.isEmpty() && !phones.isEmpty() && p.errors.isEmpty())
            p.errors << QCoreApplication::translate("tierdesk::io::CustomerImport",
                                                    "“%1” is not a phone number (fewer than 7 digits).")
                            .arg(phones.front());
        if (c.name.isEmpty())
            c.name = c.company; // a company-only list: the company is who we call
        if (c.name.isEmpty())
            p.errors << QCoreApplication::translate("tierdesk::io::CustomerImport",
                                                    "No name and no company.");
        if (!c.email.isEmpty() && !plausibleEmail(c.email))
            p.errors << QCoreApplication::translate("tierdesk::io::CustomerImport",
                                                    "“%1” is not an e-mail address.")
                            .arg(c.email);
        if (c.owner.isEmpty())
            c.owner = options.defaultOwner;
        if (!c.createdAt.isValid())
            c.createdAt = today;
        if (c.grade)
            c.gradeSetAt = today;

        if (p.valid()) {
            const QString phoneKey = classify::phoneKey(c.phone);
            const QString emailKey = classify::emailKey(c.email);
            auto found = customers.duplicatesOf(c);
            if (!found)
                return std::unexpected(found.error());
            if (!found->empty()) {
                p.existing = found->front();
                p.matchedByPhone = true;
                if (auto other = customers.find(*p.existing); other && *other)
                    p.matchedByPhone = !phoneKey.isEmpty() && classify::phoneKey((*other)->phone) == phoneKey;
            }
            const int index = int(plan.rows.size());
            int earlier = -1;
            if (!phoneKey.isEmpty())
                earlier = byPhone.value(phoneKey, -1);
            if (earlier < 0 && !emailKey.isEmpty()) {
                earlier = byEmail.value(emailKey, -1);
                if (earlier >= 0 && !p.existing)
                    p.matchedByPhone = false;
            } else if (earlier >= 0 && !p.existing) {
                p.matchedByPhone = true;
            }
            p.earlierRow = earlier;
            if (!phoneKey.isEmpty() && !byPhone.contains(phoneKey))
                byPhone.insert(phoneKey, index);
            if (!emailKey.isEmpty() && !byEmail.contains(emailKey))
                byEmail.insert(emailKey, index);
            p.decision = p.duplicate() ? options.duplicates : Decision::Create;
        } else {
            p.decision = Decision::Skip;
        }
        plan.rows.push_back(std::move(p));
    }
    return plan;
}

void decideAllDuplicates(Plan &plan, Decision d)
{
    for (PlannedRow &p : plan.rows)
        if (p.valid() && p.duplicate())
            p.decision = d;
}

// ---- Importing

Result<CustomerImportReport> applyImport(store::Database &db, const Plan &plan, const QString &source,
                                         qint64 problemsInFile,
                                         const std::function<bool(qint64, qint64)> &progress)
{
    CustomerImportReport report;
    report.rejected = problemsInFile + plan.invalid();
    auto tx = db.beginWrite();
    if (!tx)
        return std::unexpected(tx.error());
    store::ImportLog log(db);
    auto batch = log.begin(source);
    if (!batch)
        return std::unexpected(batch.error());
    report.batch = *batch;
    store::CustomerRepository customers(db);

    // The customer each planned row ended up as, for the later rows that duplicate it.
    std::vector<CustomerId> outcome(plan.rows.size(), 0);
    const qint64 total = qint64(plan.rows.size());
    for (std::size_t i = 0; i < plan.rows.size(); ++i) {
        if (progress && (i % 256) == 0 && !progress(qint64(i), total)) {
            report.cancelled = true;
            return report; // the transaction rolls back
        }
        const PlannedRow &p = plan.rows[i];
        if (!p.valid())
            continue;
        // An earlier row of the file wins over the database: it may have changed that customer.
        std::optional<CustomerId> target;
        if (p.earlierRow >= 0 && outcome[std::size_t(p.earlierRow)] != 0)
            target = outcome[std::size_t(p.earlierRow)];
        else if (p.existing)
            target = p.existing;
        Decision d = p.decision;
        if (!target && d != Decision::Skip)
            d = Decision::Create; // nothing to update or merge into (its earlier row was skipped)

        switch (d) {
        case Decision::Skip:
            ++report.skipped;
            outcome[i] = target.value_or(0);
            break;
        case Decision::Create: {
            Customer c = p.customer;
            c.id = 0;
            auto id = customers.add(c);
            if (!id)
                return std::unexpected(
                    Error{QCoreApplication::translate("tierdesk::io::CustomerImport", "Line %1: %2")
                              .arg(p.line)
                              .arg(id.error().message),
                          id.error().detail});
            if (auto ok = log.recordCreated(*batch, *id); !ok)
                return std::unexpected(ok.error());
            outcome[i] = *id;
            ++report.created;
            break;
        }
        case Decision::Update:
        case Decision::Merge: {
            auto before = customers.find(*target);
            if (!before)
                return std::unexpected(before.error());
            if (!*before)
                return fail(QCoreApplication::translate("tierdesk::io::CustomerImport",
                                                        "Line %1: customer %2 no longer exists.")
                                .arg(p.line)
                                .arg(*target));
            const Customer after = combine(**before, p.customer, d);
            outcome[i] = *target;
            if (after.name == (*before)->name && after.company == (*before)->company &&
                after.phone == (*before)->phone && after.email == (*before)->email &&
                after.city == (*before)->city && after.owner == (*before)->owner &&
                after.type == (*before)->type && after.grade == (*before)->grade &&
                after.tags == (*before)->tags) {
                ++report.skipped; // nothing new: the same list imported again
                break;
            }
            if (auto ok = log.recordChanged(*batch, **before); !ok)
                return std::unexpected(ok.error());
            if (auto ok = customers.update(after); !ok)
                return std::unexpected(
                    Error{QCoreApplication::translate("tierdesk::io::CustomerImport", "Line %1: %2")
                              .arg(p.line)
                              .arg(ok.error().message),
                          ok.error().detail});
            ++(d == Decision::Update ? report.updated : report.merged);
            break;
        }
        }
    }
    if (auto ok = log.finish(*batch, report.created, report.updated + report.merged, report.skipped,
                             report.rejected);
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    if (progress)
        progress(total, total);
    return report;
}

Result<qint64> writeProblemRows(QIODevice *out, const Table &table, const Plan &plan)
{
    std::vector<detail::RowToFix> rows;
    for (const PlannedRow &p : plan.rows) {
        if (!p.valid()) {
            rows.push_back({p.row, p.line, p.errors.join(u' ')});
        } else if (p.decision == Decision::Skip && p.duplicate()) {
            const QString by = p.matchedByPhone
                                   ? QCoreApplication::translate("tierdesk::io::CustomerImport", "phone")
                                   : QCoreApplication::translate("tierdesk::io::CustomerImport", "e-mail");
            rows.push_back({p.row, p.line,
                            p.existing ? QCoreApplication::translate("tierdesk::io::CustomerImport",
                                                                     "Skipped: the same %1 as customer %2.")
                                             .arg(by)
                                             .arg(*p.existing)
                                       : QCoreApplication::translate("tierdesk::io::CustomerImport",
                                                                     "Skipped: the same %1 as line %2.")
                                             .arg(by)
                                             .arg(plan.rows[std::size_t(p.earlierRow)].line)});
        }
    }
    return detail::writeRowsToFix(out, table, rows);
}

namespace detail {

QString normaliseHeader(const QString &header)
{
    static const QRegularExpression notes(QStringLiteral("[(（\\[【].*?[)）\\]】]"));
    static const QRegularExpression noise(QStringLiteral("[\\s_\\-:：*·.]"));
    QString h = header;
    h.remove(notes);
    h.remove(noise);
    return h.toLower();
}

QDateTime parseLooseDateTime(const QString &text, bool *hasTime)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
                       "(?:(?:\\s+|T)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?\\s*$"));
    if (hasTime)
        *hasTime = false;
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!date.isValid())
        return {};
    QTime time(0, 0);
    if (m.hasCaptured(4)) {
        time =
            QTime(m.captured(4).toInt(), m.captured(5).toInt(), m.hasCaptured(6) ? m.captured(6).toInt() : 0);
        if (!time.isValid())
            return {};
        if (hasTime)
            *hasTime = true;
    }
    return QDateTime(date, time);
}

QDate parseLooseDate(const QString &text)
{
    // Whatever follows the date after a space or a 'T' is a time of day, and not needed.
    static const QRegularExpression ymd(
        QStringLiteral("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T].*)?$"));
    if (const auto m = ymd.match(text.trimmed()); m.hasMatch())
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    return {};
}

QTime parseLooseTime(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,2}):(\\d{2})(?::(\\d{2}))?$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    return QTime(m.captured(1).toInt(), m.captured(2).toInt(), m.hasCaptured(3) ? m.captured(3).toInt() : 0);
}

Result<qint64> writeRowsToFix(QIODevice *out, const Table &table, std::span<const RowToFix> rows)
{
    csv::WriterOptions options;
    options.writeBom = true;
    options.lineEnding = csv::WriterOptions::LineEnding::CrLf;
    csv::Writer writer(out, options);
    QStringList header = table.header;
    header << QCoreApplication::translate("tierdesk::io::CustomerImport", "line")
           << QCoreApplication::translate("tierdesk::io::CustomerImport", "problem");
    writer.writeRow(std::span<const QString>(header));
    qint64 written = 0;
    auto row = [&](QStringList fields, qint64 line, QString problem) {
        // A row wider than the header keeps the header's columns; the rest goes into the problem.
        if (fields.size() > table.header.size()) {
            problem += u' ' + QCoreApplication::translate("tierdesk::io::CustomerImport", "Extra fields: %1")
                                  .arg(fields.mid(table.header.size()).join(QStringLiteral(" | ")));
            fields = fields.mid(0, table.header.size());
        }
        while (fields.size() < table.header.size())
            fields << QString();
        fields << QString::number(line) << problem;
        writer.writeRow(std::span<const QString>(fields));
        ++written;
    };
    for (const Table::Problem &p : table.problems)
        row(p.fields, p.line, p.reason);
    for (const RowToFix &r : rows)
        row(table.rows[std::size_t(r.row)], r.line, r.problem);
    if (auto ok = writer.finish(); !ok)
        return std::unexpected(ok.error());
    return written;
}

} // namespace detail

} // namespace tierdesk::io
