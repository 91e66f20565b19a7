// Exports for spreadsheets: the call list and the customer list as CSV and XLSX, written all or
// nothing. Workbooks are read back with `unzip` when it is installed; when LibreOffice is installed
// too, a CSV export is opened by it and its cells are checked (phones digit for digit, no formula).

#include "io/calllist.h"
#include "io/classifyjob.h"
#include "io/customerexport.h"
#include "io/tablewriter.h"
#include "io/xlsxexport.h"
#include "store/database.h"
#include "store/repositories.h"
#include "support/testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>
#include <limits>
#include <map>
#include <ostream>

using namespace tierdesk;
using tierdesk::test::date;

static void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}

namespace {

const QDate kAsOf = date("2026-06-30");

/// One cell of a worksheet as a spreadsheet stores it.
struct Cell {
    QString type; ///< "s" / "inlineStr" / "str" (text), "n" (number), …
    QString value;
    bool formula = false;
    QString style;
    bool isText() const { return type == u"s" || type == u"inlineStr" || type == u"str"; }
};

bool haveTool(const char *name)
{
    return !QStandardPaths::findExecutable(QString::fromLatin1(name)).isEmpty();
}

QByteArray unzipMember(const QString &zip, const QString &member)
{
    QProcess p;
    p.start(QStringLiteral("unzip"), {QStringLiteral("-p"), zip, member});
    if (!p.waitForFinished(60'000))
        return {};
    return p.readAllStandardOutput();
}

/// The first worksheet's cells by reference ("B2"), strings resolved. Needs `unzip`.
std::map<QString, Cell> worksheetCells(const QString &xlsx)
{
    QStringList shared;
    {
        QXmlStreamReader xml(unzipMember(xlsx, QStringLiteral("xl/sharedStrings.xml")));
        QString current;
        bool inSi = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"si") {
                inSi = true;
                current.clear();
            } else if (xml.isStartElement() && xml.name() == u"t" && inSi) {
                current += xml.readElementText();
            } else if (xml.isEndElement() && xml.name() == u"si") {
                shared.append(current);
                inSi = false;
            }
        }
    }
    std::map<QString, Cell> cells;
    QXmlStreamReader xml(unzipMember(xlsx, QStringLiteral("xl/worksheets/sheet1.xml")));
    QString ref;
    Cell cell;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"c") {
            ref = xml.attributes().value(QLatin1StringView("r")).toString();
            cell = Cell{};
            cell.type = xml.attributes().hasAttribute(QLatin1StringView("t"))
                            ? xml.attributes().value(QLatin1StringView("t")).toString()
                            : QStringLiteral("n");
            cell.style = xml.attributes().value(QLatin1StringView("s")).toString();
        } else if (xml.isStartElement() && xml.name() == u"f") {
            cell.formula = true;
        } else if (xml.isStartElement() && (xml.name() == u"v" || xml.name() == u"t")) {
            cell.value += xml.readElementText();
        } else if (xml.isEndElement() && xml.name() == u"c") {
            if (cell.type == u"s")
                cell.value = shared.value(cell.value.toInt());
            cells[ref] = cell;
        }
    }
    return cells;
}

/// The column letter of a header in row 1.
QString columnOf(const std::map<QString, Cell> &cells, const QString &header)
{
    for (const auto &[ref, cell] : cells) {
        if (ref.endsWith(u"1") && ref.size() == 2 && cell.value == header)
            return ref.left(1);
    }
    return {};
}

class Export : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        ASSERT_TRUE(db.openInMemory());
        add(1, QStringLiteral("王伟"), QStringLiteral("13912345678"), QStringLiteral("李娜"));
        add(2, QStringLiteral("李娜"), QStringLiteral("+86 139 1234 5678"), QStringLiteral("李娜"));
        add(3, QStringLiteral("陈静"), QStringLiteral("073188888888"), QStringLiteral("Anna"));
        add(4, QStringLiteral("赵磊"), QStringLiteral("110101199003074514"), QStringLiteral("Anna"));
        add(5, QStringLiteral("=HYPERLINK(\"http://evil.example/\",\"点我\")"),
            QStringLiteral("0731-88888888"), QStringLiteral("Anna"));
        add(6, QStringLiteral("-2+3"), QStringLiteral("+8613912345678"), QStringLiteral("李娜"));
        Order o;
        o.customerId = 1;
        o.orderedAt = date("2026-06-01");
        o.amount = 12840050; // 128,400.50
        ASSERT_TRUE(store::OrderRepository(db).add(o));
        auto classified = io::classifyDatabase(db, kAsOf, /*store=*/true);
        ASSERT_TRUE(classified) << classified.error().message.toStdString();
        auto rows = io::queueRows(db, *classified, kAsOf);
        ASSERT_TRUE(rows);
        queue = *rows;
        ASSERT_EQ(queue.size(), 6u);
    }

    void add(CustomerId id, const QString &name, const QString &phone, const QString &owner)
    {
        Customer c;
        c.id = id;
        c.name = name;
        c.phone = phone;
        c.owner = owner;
        c.company = id == 1 ? QStringLiteral("星辰科技, 北京") : QString();
        c.createdAt = date("2025-01-01");
        ASSERT_TRUE(store::CustomerRepository(db).add(c));
    }

    QString path(const QString &name) const { return dir.filePath(name); }

    static QByteArray read(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    /// Every file in the folder: nothing temporary may be left behind.
    QStringList files() const
    {
        return QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    }

    QTemporaryDir dir;
    store::Database db;
    std::vector<store::CustomerRow> queue;
};

} // namespace

TEST(ExportFormat, IsChosenByTheExtension)
{
    EXPECT_EQ(io::exportFormatFor(QStringLiteral("/x/calls.xlsx")), io::ExportFormat::Xlsx);
    EXPECT_EQ(io::exportFormatFor(QStringLiteral("C:/x/CALLS.XLSX")), io::ExportFormat::Xlsx);
    EXPECT_EQ(io::exportFormatFor(QStringLiteral("calls.csv")), io::ExportFormat::Csv);
    EXPECT_EQ(io::exportFormatFor(QStringLiteral("calls")), io::ExportFormat::Csv);
    EXPECT_EQ(io::exportFormatFor(QStringLiteral("calls.xlsx.csv")), io::ExportFormat::Csv);
}

TEST(CsvTableWriter, Utf8CellsNumbersAndDatesAreSpelledAsBefore)
{
    const auto csv = [](const auto &cells) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        io::CsvTableWriter w(&buffer);
        cells(w);
        w.endRow();
        EXPECT_TRUE(w.finish());
        return buffer.data().toStdString();
    };
    // Spreadsheet rules apply to UTF-8 cells as to text cells: quotes, formula guard, digits
    // kept as text. Invalid bytes become U+FFFD (EF BF BD) as through QString::fromUtf8().
    const QByteArray texts[] = {"王伟", "=1+2", "0731", "+86 138 0013 8000", "a,b", "say \"hi\"", "x\xff"};
    const std::string expected =
        "\xEF\xBB\xBF王伟,'=1+2,\t0731,\t+86 138 0013 8000,\"a,b\",\"say \"\"hi\"\"\","
        "x\xEF\xBF\xBD\r\n";
    EXPECT_EQ(csv([&](io::TableWriter &w) {
                  for (const QByteArray &t : texts)
                      w.utf8Text(t);
              }),
              expected);
    EXPECT_EQ(csv([&](io::TableWriter &w) {
                  for (const QByteArray &t : texts)
                      w.text(QString::fromUtf8(t));
              }),
              expected);
    // Numbers as QByteArray::number() spells them (19 digits kept as text by a tab, as before);
    // dates as Qt::ISODate, four-digit years only.
    EXPECT_EQ(csv([](io::TableWriter &w) {
                  w.integer(0);
                  w.integer(-42);
                  w.integer(std::numeric_limits<qint64>::min());
                  w.integer(std::numeric_limits<qint64>::max());
              }),
              "\xEF\xBB\xBF"
              "0,-42,-9223372036854775808,\t9223372036854775807\r\n");
    EXPECT_EQ(csv([](io::TableWriter &w) {
                  w.date(QDate(2026, 6, 30));
                  w.date(QDate(1, 1, 9));
                  w.date(QDate(9999, 12, 31));
                  w.date(QDate());
                  w.date(QDate(-44, 3, 15));
                  w.date(QDate(12345, 1, 1));
              }),
              "\xEF\xBB\xBF"
              "2026-06-30,0001-01-09,9999-12-31,," +
                  QDate(-44, 3, 15).toString(Qt::ISODate).toStdString() + "," +
                  QDate(12345, 1, 1).toString(Qt::ISODate).toStdString() + "\r\n");
}

TEST(CsvTableWriter, EveryDaySpellsItsDateAsQtDoes)
{
    // The date cells work out year, month and day themselves: every day of three centuries,
    // around 1 January of year 1, and the last days of 9999 as Qt::ISODate spells them.
    std::vector<QDate> days;
    for (QDate d(1900, 1, 1); d <= QDate(2200, 12, 31); d = d.addDays(1))
        days.push_back(d);
    for (int i = -400; i < 800; ++i)
        days.push_back(QDate(1, 1, 1).addDays(i));
    for (int i = -800; i < 3; ++i)
        days.push_back(QDate(9999, 12, 31).addDays(i));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    io::CsvTableWriter w(&buffer, csv::WriterOptions{});
    for (const QDate d : days) {
        w.date(d);
        w.integer(1); // a date Qt cannot spell is an empty cell: not a row of one empty cell
        w.endRow();
    }
    ASSERT_TRUE(w.finish());
    const QList<QByteArray> lines = buffer.data().split('\n');
    ASSERT_EQ(lines.size(), qsizetype(days.size()) + 1);
    int wrong = 0;
    for (std::size_t i = 0; i < days.size() && wrong < 5; ++i) {
        const QByteArray expected = days[i].toString(Qt::ISODate).toLatin1() + ",1";
        if (lines[qsizetype(i)] != expected) {
            ++wrong;
            ADD_FAILURE() << lines[qsizetype(i)].toStdString() << " instead of " << expected.toStdString();
        }
    }
    EXPECT_EQ(wrong, 0);
}

TEST_F(Export, CallListCsvIsForSpreadsheets)
{
    auto n = io::exportCallList(path(QStringLiteral("calls.csv")), queue, kAsOf);
    ASSERT_TRUE(n) << n.error().message.toStdString();
    EXPECT_EQ(*n, 6);
    const QByteArray bytes = read(path(QStringLiteral("calls.csv")));
    EXPECT_TRUE(bytes.startsWith("\xEF\xBB\xBFrank,customer_id,name,"));
    EXPECT_EQ(bytes.count("\r\n"), 7);
    EXPECT_EQ(bytes.count("\n"), 7);
    EXPECT_TRUE(bytes.contains(",\t13912345678,")) << bytes.toStdString();
    EXPECT_TRUE(bytes.contains(",\t+86 139 1234 5678,")) << bytes.toStdString();
    EXPECT_TRUE(bytes.contains(",\t073188888888,")) << bytes.toStdString();
    EXPECT_TRUE(bytes.contains(",\t110101199003074514,")) << bytes.toStdString();
    EXPECT_TRUE(bytes.contains(",0731-88888888,")) << bytes.toStdString();
    EXPECT_TRUE(bytes.contains(",\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"点我\"\")\","))
        << bytes.toStdString();
    EXPECT_TRUE(bytes.contains(",'-2+3,")) << bytes.toStdString();
    EXPECT_EQ(files(), QStringList{QStringLiteral("calls.csv")});
}

TEST_F(Export, CallListXlsxIsAWorkbookWithTheCsvColumns)
{
    const QString file = path(QStringLiteral("calls.xlsx"));
    auto n = io::exportCallList(file, queue, kAsOf);
    ASSERT_TRUE(n) << n.error().message.toStdString();
    EXPECT_EQ(*n, 6);
    EXPECT_TRUE(read(file).startsWith("PK\x03\x04"));
    EXPECT_EQ(files(), QStringList{QStringLiteral("calls.xlsx")});
    if (!haveTool("unzip"))
        GTEST_SKIP() << "unzip is not installed: the workbook's cells are not checked";
    const auto cells = worksheetCells(file);
    QStringList headers;
    for (char c = 'A'; c <= 'R'; ++c)
        headers.append(cells.count(QString(QLatin1Char(c)) + u'1')
                           ? cells.at(QString(QLatin1Char(c)) + u'1').value
                           : QString());
    EXPECT_EQ(headers, io::callListColumns());
    EXPECT_TRUE(unzipMember(file, QStringLiteral("xl/workbook.xml")).contains("Call list 2026-06-30"));
}

TEST_F(Export, XlsxKeepsPhonesAsTextDatesAsDatesAndRunsNoFormula)
{
    if (!haveTool("unzip"))
        GTEST_SKIP() << "unzip is not installed";
    const QString file = path(QStringLiteral("calls.xlsx"));
    ASSERT_TRUE(io::exportCallList(file, queue, kAsOf));
    const auto cells = worksheetCells(file);
    const QString phone = columnOf(cells, QStringLiteral("phone"));
    const QString name = columnOf(cells, QStringLiteral("name"));
    const QString due = columnOf(cells, QStringLiteral("due_date"));
    const QString rank = columnOf(cells, QStringLiteral("rank"));
    ASSERT_FALSE(phone.isEmpty());
    QStringList phones;
    for (int row = 2; row <= 7; ++row) {
        const Cell &c = cells.at(phone + QString::number(row));
        EXPECT_TRUE(c.isText()) << c.type.toStdString();
        phones.append(c.value);
        EXPECT_EQ(cells.at(rank + QString::number(row)).type, QStringLiteral("n"));
        const Cell &d = cells.at(due + QString::number(row));
        EXPECT_EQ(d.type, QStringLiteral("n"));
        EXPECT_EQ(d.value, QStringLiteral("45658")) << "2025-01-01 as a spreadsheet date";
    }
    phones.sort();
    EXPECT_EQ(phones, (QStringList{QStringLiteral("+86 139 1234 5678"), QStringLiteral("+8613912345678"),
                                   QStringLiteral("0731-88888888"), QStringLiteral("073188888888"),
                                   QStringLiteral("110101199003074514"), QStringLiteral("13912345678")}));
    bool hyperlinkAsText = false;
    for (const auto &[ref, c] : cells) {
        EXPECT_FALSE(c.formula) << ref.toStdString();
        if (ref.startsWith(name) && c.value.startsWith(u"=HYPERLINK"))
            hyperlinkAsText = c.isText();
    }
    EXPECT_TRUE(hyperlinkAsText);
    EXPECT_TRUE(unzipMember(file, QStringLiteral("xl/styles.xml")).contains("yyyy-mm-dd"));
    const QByteArray sheet = unzipMember(file, QStringLiteral("xl/worksheets/sheet1.xml"));
    EXPECT_TRUE(sheet.contains("state=\"frozen\"")) << "the header row is frozen";
    EXPECT_TRUE(sheet.contains("<cols>")) << "columns have widths";
    EXPECT_TRUE(sheet.contains("<autoFilter ref=\"A1:R7\"/>")) << sheet.toStdString();
}

TEST_F(Export, CustomerListFollowsTheFilterAndTheOrder)
{
    const QString file = path(QStringLiteral("customers.csv"));
    store::CustomerFilter filter;
    filter.owner = QStringLiteral("李娜");
    auto n = io::exportCustomers(file, db, filter, store::CustomerSort::Name, /*descending=*/true);
    ASSERT_TRUE(n) << n.error().message.toStdString();
    EXPECT_EQ(*n, 3);
    const QByteArray bytes = read(file);
    EXPECT_TRUE(bytes.startsWith("\xEF\xBB\xBF"
                                 "name,company,phone,email,city,owner,value_tier,segment,lifecycle,loyalty,"
                                 "grade,last_contact,next_due,spend\r\n"))
        << bytes.toStdString();
    const QList<QByteArray> lines = bytes.split('\n');
    ASSERT_EQ(lines.size(), 5); // the header, three customers, and nothing after the last CRLF
    // By name, descending (code point order): 王 > 李 > '-'.
    EXPECT_TRUE(lines[1].startsWith("王伟,\"星辰科技, 北京\",\t13912345678,")) << lines[1].toStdString();
    EXPECT_TRUE(lines[1].endsWith(",128400.50\r")) << lines[1].toStdString();
    EXPECT_TRUE(lines[2].startsWith("李娜,,\t+86 139 1234 5678,")) << lines[2].toStdString();
    EXPECT_TRUE(lines[3].startsWith("'-2+3,,\t+8613912345678,")) << lines[3].toStdString();
}

TEST_F(Export, CustomerListSearchAndTier)
{
    store::CustomerFilter filter;
    filter.search = QStringLiteral("赵");
    const QString file = path(QStringLiteral("search.csv"));
    auto n = io::exportCustomers(file, db, filter);
    ASSERT_TRUE(n);
    EXPECT_EQ(*n, 1);
    EXPECT_TRUE(read(file).contains("赵磊,,\t110101199003074514,"));
    filter = {};
    filter.tier = ValueTier::A;
    n = io::exportCustomers(path(QStringLiteral("a.csv")), db, filter);
    ASSERT_TRUE(n);
    EXPECT_EQ(*n, 1); // the only buyer
}

TEST_F(Export, CustomerListReportsItsProgressAndStopsWhenToldLeavingNoFile)
{
    std::vector<std::pair<qint64, qint64>> reports;
    const QString file = path(QStringLiteral("customers.csv"));
    auto n = io::exportCustomers(file, db, {}, store::CustomerSort::Name, false,
                                 [&](qint64 written, qint64 total) {
                                     reports.emplace_back(written, total);
                                     return true;
                                 });
    ASSERT_TRUE(n) << n.error().message.toStdString();
    EXPECT_EQ(*n, 6);
    // Once before the first row, once after the page (the six fit in one).
    EXPECT_EQ(reports, (std::vector<std::pair<qint64, qint64>>{{0, 6}, {6, 6}}));

    // Told to stop before the first row (Cancel): an empty error, and no file, old or new.
    ASSERT_TRUE(QFile::remove(file));
    for (const QString &name : {QStringLiteral("stopped.csv"), QStringLiteral("stopped.xlsx")}) {
        n = io::exportCustomers(path(name), db, {}, store::CustomerSort::Name, false,
                                [](qint64, qint64) { return false; });
        ASSERT_FALSE(n);
        EXPECT_TRUE(n.error().message.isEmpty()) << n.error().message.toStdString();
    }
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files).isEmpty())
        << QDir(dir.path()).entryList(QDir::Files).join(u' ').toStdString();
}

TEST_F(Export, CustomerListXlsxHasMoneyAsANumber)
{
    const QString file = path(QStringLiteral("customers.xlsx"));
    auto n = io::exportCustomers(file, db, {});
    ASSERT_TRUE(n) << n.error().message.toStdString();
    EXPECT_EQ(*n, 6);
    if (!haveTool("unzip"))
        GTEST_SKIP() << "unzip is not installed";
    const auto cells = worksheetCells(file);
    const QString spend = columnOf(cells, QStringLiteral("spend"));
    const QString name = columnOf(cells, QStringLiteral("name"));
    ASSERT_EQ(spend, QStringLiteral("N"));
    bool found = false;
    for (int row = 2; row <= 7; ++row) {
        const Cell &c = cells.at(spend + QString::number(row));
        EXPECT_EQ(c.type, QStringLiteral("n"));
        if (cells.at(name + QString::number(row)).value == u"王伟") {
            EXPECT_EQ(c.value.toDouble(), 128400.5);
            found = true;
        }
    }
    EXPECT_TRUE(found);
    EXPECT_TRUE(unzipMember(file, QStringLiteral("xl/styles.xml")).contains("#,##0.00"));
}

TEST_F(Export, AnUnwritablePathFailsWithAMessageAndWritesNothing)
{
    // A folder that is a file: fails for root too.
    QFile blocker(path(QStringLiteral("not-a-folder")));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    for (const QString &name :
         {QStringLiteral("not-a-folder/calls.csv"), QStringLiteral("not-a-folder/calls.xlsx")}) {
        auto n = io::exportCallList(path(name), queue, kAsOf);
        ASSERT_FALSE(n) << name.toStdString();
        EXPECT_TRUE(n.error().message.contains(QStringLiteral("calls."))) << n.error().message.toStdString();
    }
    EXPECT_EQ(files(), QStringList{QStringLiteral("not-a-folder")});
}

TEST_F(Export, AFailureHalfwayKeepsTheOldFileAndLeavesNoTemporaryFile)
{
    for (const QString &name : {QStringLiteral("old.csv"), QStringLiteral("old.xlsx")}) {
        QFile old(path(name));
        ASSERT_TRUE(old.open(QIODevice::WriteOnly));
        old.write("yesterday's list");
        old.close();
        auto n =
            io::writeTableFile(path(name), QStringLiteral("x"), [](io::TableWriter &w) -> Result<qint64> {
                const io::TableColumn columns[] = {{QStringLiteral("a"), io::ColumnKind::Text}};
                w.begin(columns);
                w.text(u"half");
                w.endRow();
                return fail(QStringLiteral("the database went away"));
            });
        ASSERT_FALSE(n);
        EXPECT_EQ(n.error().message, QStringLiteral("the database went away"));
        EXPECT_EQ(read(path(name)), QByteArray("yesterday's list")) << name.toStdString();
    }
    EXPECT_EQ(files(), (QStringList{QStringLiteral("old.csv"), QStringLiteral("old.xlsx")}));
}

TEST_F(Export, ASuccessReplacesTheOldFile)
{
    QFile old(path(QStringLiteral("calls.xlsx")));
    ASSERT_TRUE(old.open(QIODevice::WriteOnly));
    old.write("old");
    old.close();
    ASSERT_TRUE(io::exportCallList(path(QStringLiteral("calls.xlsx")), queue, kAsOf));
    EXPECT_TRUE(read(path(QStringLiteral("calls.xlsx"))).startsWith("PK"));
    EXPECT_EQ(files(), QStringList{QStringLiteral("calls.xlsx")});
}

TEST_F(Export, XlsxCutsTextAtExcelsLimitAndKeepsControlCharacters)
{
    const QString file = path(QStringLiteral("long.xlsx"));
    io::XlsxTableWriter w(file, QStringLiteral("A/B:C*D?E[F]G\\H and a name far longer than thirty-one"));
    const io::TableColumn columns[] = {{QStringLiteral("note"), io::ColumnKind::Text}};
    w.begin(columns);
    w.text(QString(40000, u'客'));
    w.endRow();
    w.text(QStringLiteral("bell\x07 and tab\t"));
    w.endRow();
    ASSERT_TRUE(w.finish()) << "a sheet name with forbidden characters and a cell over 32,767 characters";
    if (!haveTool("unzip"))
        GTEST_SKIP() << "unzip is not installed";
    const auto cells = worksheetCells(file);
    EXPECT_EQ(cells.at(QStringLiteral("A2")).value.size(), 32767);
    // Forbidden characters replaced, cut to Excel's 31 characters.
    EXPECT_TRUE(unzipMember(file, QStringLiteral("xl/workbook.xml"))
                    .contains("<sheet name=\"A_B_C_D_E_F_G_H and a name far \""));
    EXPECT_TRUE(cells.at(QStringLiteral("A3")).value.startsWith(u"bell"));
}

TEST_F(Export, LibreOfficeShowsEveryPhoneDigitForDigitAndRunsNoFormula)
{
    if (!haveTool("soffice") || !haveTool("unzip"))
        GTEST_SKIP() << "LibreOffice (soffice) or unzip is not installed";
    const QString csv = path(QStringLiteral("calls.csv"));
    ASSERT_TRUE(io::exportCallList(csv, queue, kAsOf));
    // As a user opens it: comma, quote, UTF-8 (76), from line 1, standard cell types, "detect
    // special numbers" on.
    QTemporaryDir profile;
    QProcess soffice;
    soffice.setWorkingDirectory(dir.path());
    soffice.start(QStringLiteral("soffice"),
                  {QStringLiteral("-env:UserInstallation=file://") + profile.path(),
                   QStringLiteral("--headless"), QStringLiteral("--infilter=CSV:44,34,76,1,,0,false,true"),
                   QStringLiteral("--convert-to"), QStringLiteral("xlsx"), QStringLiteral("--outdir"),
                   path(QStringLiteral("lo")), csv});
    ASSERT_TRUE(soffice.waitForFinished(180'000)) << "soffice did not finish";
    const QString converted = path(QStringLiteral("lo/calls.xlsx"));
    ASSERT_TRUE(QFile::exists(converted)) << soffice.readAllStandardError().toStdString();
    const auto cells = worksheetCells(converted);
    const QString phone = columnOf(cells, QStringLiteral("phone"));
    const QString name = columnOf(cells, QStringLiteral("name"));
    ASSERT_FALSE(phone.isEmpty());
    QStringList phones;
    QStringList names;
    for (int row = 2; row <= 7; ++row) {
        const Cell &p = cells.at(phone + QString::number(row));
        EXPECT_TRUE(p.isText()) << "row " << row << ": " << p.value.toStdString();
        phones.append(p.value.trimmed()); // the leading tab is there, and shows as nothing
        names.append(cells.at(name + QString::number(row)).value);
    }
    for (const auto &[ref, c] : cells)
        EXPECT_FALSE(c.formula) << ref.toStdString() << " became a formula";
    phones.sort();
    EXPECT_EQ(phones, (QStringList{QStringLiteral("+86 139 1234 5678"), QStringLiteral("+8613912345678"),
                                   QStringLiteral("0731-88888888"), QStringLiteral("073188888888"),
                                   QStringLiteral("110101199003074514"), QStringLiteral("13912345678")}));
    EXPECT_TRUE(names.contains(QStringLiteral("王伟")));
    EXPECT_TRUE(names.contains(QStringLiteral("'-2+3")));
}
