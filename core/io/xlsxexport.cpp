#include "xlsxexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryFile>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <filesystem>
#include <system_error>
#include <xlsxwriter.h>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace tierdesk::io {

namespace {

/// Excel's limits: rows per worksheet, characters per cell and per worksheet name.
constexpr quint32 MaxRows = LXW_ROW_MAX;
constexpr qsizetype MaxCellChars = 32767;
constexpr qsizetype MaxSheetNameChars = LXW_SHEETNAME_MAX;
/// Column widths in characters: wide enough for a date, never wider than a short paragraph.
constexpr double MinWidth = 6;
constexpr double MaxWidth = 60;

/// Roughly how many characters of Excel's default font a text needs: East Asian wide
/// characters take two.
double displayWidth(QStringView text)
{
    double width = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (QChar::isLowSurrogate(u))
            continue;
        const bool wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) ||
                          (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0xF900 && u <= 0xFAFF) ||
                          (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60) ||
                          (u >= 0xFFE0 && u <= 0xFFE6) || QChar::isHighSurrogate(u);
        width += wide ? 2 : 1;
    }
    return width;
}

/// A worksheet name Excel accepts: at most 31 characters, none of []:*?/\, not empty.
QByteArray sheetName(const QString &name)
{
    QString out;
    for (const QChar c : name) {
        if (QStringView(u"[]:*?/\\").contains(c))
            out.append(u'_');
        else
            out.append(c);
    }
    while (out.startsWith(u'\''))
        out.remove(0, 1);
    while (out.endsWith(u'\''))
        out.chop(1);
    if (out.size() > MaxSheetNameChars) {
        out.truncate(MaxSheetNameChars);
        if (out.back().isHighSurrogate())
            out.chop(1);
    }
    if (out.isEmpty())
        out = QStringLiteral("Sheet1");
    return out.toUtf8();
}

/// Characters of a whole number, the sign included.
double digits(qint64 value)
{
    double n = value < 0 ? 2 : 1;
    for (value /= 10; value != 0; value /= 10)
        ++n;
    return n;
}

QString lxwMessage(int error)
{
    return QString::fromUtf8(lxw_strerror(lxw_error(error)));
}

} // namespace

struct XlsxTableWriter::Workbook {
    lxw_workbook *book = nullptr;
    lxw_worksheet *sheet = nullptr;
    lxw_format *header = nullptr;
    lxw_format *text = nullptr;
    lxw_format *money = nullptr;
    lxw_format *date = nullptr;

    ~Workbook()
    {
        // workbook_close() is the only way to free a workbook; it also writes the (temporary) file,
        // which the owner then removes.
        if (book)
            workbook_close(book);
    }
};

namespace {
std::atomic<std::time_t> s_creationTime{0};
} // namespace

void XlsxTableWriter::setCreationTime(std::time_t t)
{
    s_creationTime = t;
}

XlsxTableWriter::XlsxTableWriter(const QString &path, const QString &sheetName)
    : m_path(path)
{
    const QFileInfo target(path);
    // A temporary file beside the target, so that the final rename stays on one file system.
    QTemporaryFile temp(target.absoluteDir().filePath(QStringLiteral(".%1.XXXXXX").arg(target.fileName())));
    temp.setAutoRemove(false);
    if (!temp.open()) {
        setError(QCoreApplication::translate("tierdesk::io::Export", "Could not write %1: %2")
                     .arg(QDir::toNativeSeparators(path), temp.errorString()),
                 path + QStringLiteral(": ") + temp.errorString());
        return;
    }
    m_tempPath = temp.fileName();
    temp.close();
    // Temporary files are private (0600); the export gets the mode of the file it replaces, or
    // the usual one of a new document.
    QFile::setPermissions(m_tempPath, target.exists()
                                          ? QFile::permissions(path)
                                          : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser |
                                                QFile::WriteUser | QFile::ReadGroup | QFile::ReadOther);

    m_book = std::make_unique<Workbook>();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE; // rows go to disk as they are written
    options.use_zip64 = LXW_TRUE;       // a million rows can pass 4 GiB of XML
    const QByteArray tempName = QFile::encodeName(m_tempPath);
    m_book->book = workbook_new_opt(tempName.constData(), &options);
    if (!m_book->book) {
        setError(QCoreApplication::translate("tierdesk::io::Export", "Could not create the workbook %1.")
                     .arg(QDir::toNativeSeparators(path)),
                 QStringLiteral("workbook_new_opt failed for ") + m_tempPath);
        return;
    }
    if (const std::time_t created = s_creationTime) {
        lxw_doc_properties properties{};
        properties.created = created;
        check(workbook_set_properties(m_book->book, &properties));
    }
    const QByteArray name = io::sheetName(sheetName);
    m_book->sheet = workbook_add_worksheet(m_book->book, name.constData());
    m_book->header = workbook_add_format(m_book->book);
    m_book->text = workbook_add_format(m_book->book);
    m_book->money = workbook_add_format(m_book->book);
    m_book->date = workbook_add_format(m_book->book);
    if (!m_book->sheet || !m_book->header || !m_book->text || !m_book->money || !m_book->date) {
        setError(QCoreApplication::translate("tierdesk::io::Export", "Could not create the workbook %1.")
                     .arg(QDir::toNativeSeparators(path)),
                 QStringLiteral("workbook_add_worksheet or workbook_add_format failed"));
        return;
    }
    format_set_bold(m_book->header);
    format_set_bg_color(m_book->header, 0xDDEBF7);
    format_set_bottom(m_book->header, LXW_BORDER_THIN);
    // "@": a cell the user edits later stays text too (a phone keeps its leading zero).
    format_set_num_format(m_book->text, "@");
    format_set_num_format(m_book->money, "#,##0.00");
    format_set_num_format(m_book->date, "yyyy-mm-dd");
}

XlsxTableWriter::~XlsxTableWriter()
{
    m_book.reset();
    if (!m_finished && !m_tempPath.isEmpty())
        QFile::remove(m_tempPath);
}

void XlsxTableWriter::check(int lxwError)
{
    if (lxwError == LXW_NO_ERROR || !ok())
        return;
    if (lxwError == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE) {
        setError(QCoreApplication::translate("tierdesk::io::Export",
                                             "An Excel worksheet holds at most %1 rows. Export to CSV "
                                             "instead, or narrow the list.")
                     .arg(QLocale().toString(qint64(MaxRows - 1))),
                 lxwMessage(lxwError));
        return;
    }
    setError(QCoreApplication::translate("tierdesk::io::Export", "Could not write %1: %2")
                 .arg(QDir::toNativeSeparators(m_path), lxwMessage(lxwError)),
             m_tempPath + QStringLiteral(": ") + lxwMessage(lxwError));
}

void XlsxTableWriter::setError(const QString &message, const QString &detail)
{
    if (ok())
        m_error = Error{message, detail};
}

void XlsxTableWriter::fit(double width)
{
    if (m_column < m_widths.size())
        m_widths[m_column] = std::max(m_widths[m_column], width);
}

void XlsxTableWriter::nextCell()
{
    ++m_column;
}

void XlsxTableWriter::begin(std::span<const TableColumn> columns)
{
    m_widths.assign(columns.size(), MinWidth);
    for (const TableColumn &column : columns) {
        if (ok()) {
            const QByteArray utf8 = column.name.toUtf8();
            check(worksheet_write_string(m_book->sheet, 0, m_column, utf8.constData(), m_book->header));
        }
        // A bold header with the filter's drop-down button needs a little more room.
        fit(displayWidth(column.name) + 3);
        nextCell();
    }
    endRow();
}

void XlsxTableWriter::text(QStringView value)
{
    if (ok() && !value.isEmpty()) {
        QStringView cell = value;
        if (cell.size() > MaxCellChars) {
            cell = cell.first(MaxCellChars);
            if (cell.back().isHighSurrogate())
                cell.chop(1);
        }
        const QByteArray utf8 = cell.toUtf8();
        check(worksheet_write_string(m_book->sheet, m_row, m_column, utf8.constData(), m_book->text));
        fit(displayWidth(cell));
    }
    nextCell();
}

void XlsxTableWriter::integer(qint64 value)
{
    if (ok())
        check(worksheet_write_number(m_book->sheet, m_row, m_column, double(value), nullptr));
    fit(digits(value));
    nextCell();
}

void XlsxTableWriter::money(Cents value)
{
    if (ok())
        check(worksheet_write_number(m_book->sheet, m_row, m_column, double(value) / 100.0, m_book->money));
    const double units = digits(value / 100);
    fit(units + (units - 1) / 3 + 3); // grouping commas and two decimals
    nextCell();
}

void XlsxTableWriter::date(QDate value)
{
    if (ok() && value.isValid()) {
        lxw_datetime when{};
        when.year = value.year();
        when.month = value.month();
        when.day = value.day();
        check(worksheet_write_datetime(m_book->sheet, m_row, m_column, &when, m_book->date));
    }
    fit(10); // YYYY-MM-DD
    nextCell();
}

void XlsxTableWriter::empty()
{
    nextCell();
}

void XlsxTableWriter::endRow()
{
    ++m_row;
    m_column = 0;
}

Result<void> XlsxTableWriter::finish()
{
    if (m_finished)
        return {};
    if (ok() && m_book && m_book->sheet) {
        for (std::size_t c = 0; c < m_widths.size(); ++c)
            check(worksheet_set_column(m_book->sheet, lxw_col_t(c), lxw_col_t(c),
                                       std::min(m_widths[c] + 1, MaxWidth), nullptr));
        worksheet_freeze_panes(m_book->sheet, 1, 0);
        if (!m_widths.empty())
            check(worksheet_autofilter(m_book->sheet, 0, 0, std::max<quint32>(m_row, 1) - 1,
                                       lxw_col_t(m_widths.size() - 1)));
    }
    if (m_book && m_book->book) {
        lxw_workbook *book = std::exchange(m_book->book, nullptr);
        if (ok())
            check(workbook_close(book));
        else
            workbook_close(book);
    }
    if (!ok()) {
        if (!m_tempPath.isEmpty())
            QFile::remove(m_tempPath);
        m_tempPath.clear();
        return std::unexpected(m_error);
    }
#ifdef Q_OS_UNIX
    // On disk before it takes the place of the old file.
    const QByteArray tempName = QFile::encodeName(m_tempPath);
    if (const int fd = ::open(tempName.constData(), O_RDONLY | O_CLOEXEC); fd >= 0) {
        const bool synced = ::fsync(fd) == 0;
        ::close(fd);
        if (!synced) {
            setError(QCoreApplication::translate("tierdesk::io::Export", "Could not write %1: %2")
                         .arg(QDir::toNativeSeparators(m_path), qt_error_string(errno)),
                     m_tempPath + QStringLiteral(": fsync: ") + qt_error_string(errno));
        }
    }
#endif
    std::error_code renamed;
    if (ok())
        std::filesystem::rename(QFile::encodeName(m_tempPath).toStdString(),
                                QFile::encodeName(m_path).toStdString(), renamed);
    if (renamed) {
        setError(QCoreApplication::translate("tierdesk::io::Export", "Could not write %1: %2")
                     .arg(QDir::toNativeSeparators(m_path), QString::fromStdString(renamed.message())),
                 m_tempPath + QStringLiteral(" → ") + m_path + QStringLiteral(": ") +
                     QString::fromStdString(renamed.message()));
    }
    if (!ok()) {
        QFile::remove(m_tempPath);
        m_tempPath.clear();
        return std::unexpected(m_error);
    }
    m_finished = true;
    return {};
}

} // namespace tierdesk::io
