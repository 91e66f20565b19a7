// Export… in Customers and in Today's calls, driven through the real buttons of the main window:
// the file dialog is answered by ui::setNextExportFile, messages by MessageBox::setNextAnswer.

#include "backgroundread.h"
#include "csv/csvreader.h"
#include "io/calllist.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "models/customertablemodel.h"
#include "uitestsupport.h"
#include "views/customersview.h"
#include "views/exportfile.h"
#include "views/queueview.h"

#include <QAction>
#include <QBuffer>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPrinter>
#include <QProgressDialog>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>
#include <ostream>

using namespace tierdesk;
using tierdesk::test::BigDatabase;
using tierdesk::test::UiFixture;

static void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}

namespace {

class ExportViews : public UiFixture {
protected:
    void SetUp() override
    {
        UiFixture::SetUp();
        QSettings().clear();
        ASSERT_TRUE(out.isValid());
        window = std::make_unique<ui::MainWindow>(session.get());
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        session->opened();
    }
    void TearDown() override
    {
        ui::setNextExportFile({});
        ui::MessageBox::setNextAnswer(QMessageBox::NoButton);
        window.reset();
        UiFixture::TearDown();
    }

    template<typename T>
    T *child(const char *name) const
    {
        auto *w = window->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(w, nullptr) << name;
        return w;
    }

    QString path(const QString &name) const { return out.filePath(name); }

    static QByteArray read(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static std::vector<QStringList> parseCsv(const QByteArray &bytes)
    {
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        csv::Reader reader(&buffer);
        std::vector<QStringList> rows;
        while (reader.next() == csv::Reader::Status::Record)
            rows.push_back(reader.texts());
        return rows;
    }

    /// A printer that writes a PDF into the test's folder.
    std::shared_ptr<QPrinter> pdfPrinter(const QString &file) const
    {
        auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
        printer->setOutputFormat(QPrinter::PdfFormat);
        printer->setOutputFileName(path(file));
        return printer;
    }

    QStringList files() const
    {
        return QDir(out.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    }

    /// Chooses `file` in the (skipped) dialog and clicks the button.
    void exportWith(const char *button, const QString &file)
    {
        ui::setNextExportFile(file);
        auto *b = child<QPushButton>(button);
        ASSERT_TRUE(b->isEnabled()) << button;
        QTest::mouseClick(b, Qt::LeftButton);
    }

    /// On a big database: Export… with `button` to `stem`.xlsx, Cancel while the worker is held
    /// back, then Export… to `stem`.csv. The cancelled one leaves no file, message or signal;
    /// the next one runs to its end.
    template<typename View>
    void cancelThenExportAgain(View *view, const char *button, const QString &stem)
    {
        QSignalSpy finished(view, &View::exportFinished);
        {
            test::WorkerGate gate;
            exportWith(button, path(stem + QStringLiteral(".xlsx")));
            ASSERT_TRUE(view->isExporting());
            auto *progress = window->findChild<QProgressDialog *>(QStringLiteral("exportProgress"));
            ASSERT_NE(progress, nullptr);
            auto *cancel = progress->findChild<QPushButton *>();
            ASSERT_NE(cancel, nullptr);
            QTest::mouseClick(cancel, Qt::LeftButton);
            EXPECT_FALSE(view->isExporting());
            EXPECT_TRUE(child<QPushButton>(button)->isEnabled());
        }
        // The worker, let go, finds its export cancelled: no file, no message, no signal.
        ui::readerPool()->waitForDone();
        QTest::qWait(50);
        EXPECT_TRUE(files().isEmpty()) << files().join(u' ').toStdString();
        EXPECT_EQ(finished.size(), 0);
        QTRY_COMPARE(window->findChild<QProgressDialog *>(QStringLiteral("exportProgress")), nullptr);
        exportWith(button, path(stem + QStringLiteral(".csv")));
        QTRY_VERIFY(!view->isExporting());
        EXPECT_EQ(finished.size(), 1);
        EXPECT_EQ(files(), QStringList{stem + QStringLiteral(".csv")});
    }

    QTemporaryDir out;
    std::unique_ptr<ui::MainWindow> window;
};

} // namespace

TEST_F(ExportViews, CustomersExportWritesTheFilteredListInTheTablesOrder)
{
    window->showPlace(ui::MainWindow::Place::Customers);
    auto *owner = child<QComboBox>("ownerFilter");
    owner->setCurrentIndex(owner->findText(QStringLiteral("李娜")));
    auto *table = child<QTableView>("customerTable");
    ASSERT_EQ(table->model()->rowCount(), 3);
    table->sortByColumn(ui::CustomerTableModel::Phone, Qt::DescendingOrder);
    QStringList shown;
    for (int r = 0; r < 3; ++r)
        shown.append(table->model()->index(r, ui::CustomerTableModel::Name).data().toString());

    const QString file = path(QStringLiteral("客户.csv"));
    exportWith("exportCustomersButton", file);
    const QByteArray bytes = read(file);
    ASSERT_TRUE(bytes.startsWith("\xEF\xBB\xBF"
                                 "name,company,phone,"))
        << bytes.left(60).toStdString();
    const auto rows = parseCsv(bytes);
    ASSERT_EQ(rows.size(), 4u);
    QStringList exported;
    for (std::size_t r = 1; r < rows.size(); ++r)
        exported.append(rows[r].value(0));
    EXPECT_EQ(exported, shown);
    // Phones survive spreadsheets: digits-only and '+' numbers as text, the landline as it is.
    QStringList phones;
    for (std::size_t r = 1; r < rows.size(); ++r)
        phones.append(rows[r].value(2));
    phones.sort();
    EXPECT_EQ(phones, (QStringList{QStringLiteral("\t+86 138 0013 8000"), QStringLiteral("\t13700007777"),
                                   QStringLiteral("021-6123 4567")}));
}

TEST_F(ExportViews, CustomersExportToXlsxMakesAWorkbook)
{
    window->showPlace(ui::MainWindow::Place::Customers);
    const QString file = path(QStringLiteral("customers.xlsx"));
    exportWith("exportCustomersButton", file);
    EXPECT_TRUE(read(file).startsWith("PK\x03\x04"));
    EXPECT_EQ(files(), QStringList{QStringLiteral("customers.xlsx")});
}

TEST_F(ExportViews, CustomersExportIsOffWhenNothingMatches)
{
    window->showPlace(ui::MainWindow::Place::Customers);
    auto *button = child<QPushButton>("exportCustomersButton");
    EXPECT_TRUE(button->isEnabled());
    auto *search = child<QLineEdit>("searchEdit");
    QTest::keyClicks(search, QStringLiteral("nobody-here"));
    QTRY_COMPARE(child<QTableView>("customerTable")->model()->rowCount(), 0);
    EXPECT_FALSE(button->isEnabled());
    search->clear();
    QTRY_VERIFY(button->isEnabled());
}

TEST_F(ExportViews, CustomersExportFailureIsShownAndWritesNothing)
{
    window->showPlace(ui::MainWindow::Place::Customers);
    QFile blocker(path(QStringLiteral("blocker")));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    for (const QString &name :
         {QStringLiteral("blocker/customers.xlsx"), QStringLiteral("blocker/customers.csv")}) {
        ui::MessageBox::setNextAnswer(QMessageBox::Ok);
        exportWith("exportCustomersButton", path(name));
        EXPECT_TRUE(ui::MessageBox::lastText().contains(QStringLiteral("customers.")))
            << ui::MessageBox::lastText().toStdString();
    }
    EXPECT_EQ(files(), QStringList{QStringLiteral("blocker")});
}

TEST_F(ExportViews, CallListExportWritesCsvInQueueOrder)
{
    window->showPlace(ui::MainWindow::Place::Calls);
    const QString file = path(QStringLiteral("calls.csv"));
    exportWith("exportQueueButton", file);
    const QByteArray bytes = read(file);
    EXPECT_TRUE(bytes.startsWith("\xEF\xBB\xBF"
                                 "rank,customer_id,name,"));
    EXPECT_EQ(bytes.count("\n"), bytes.count("\r\n"));
    const auto rows = parseCsv(bytes);
    ASSERT_EQ(rows.size(), 5u); // the header and the four due customers
    auto *table = child<QTableView>("queueTable");
    for (int r = 0; r < 4; ++r) {
        EXPECT_EQ(rows[std::size_t(r) + 1].value(2),
                  table->model()->index(r, ui::CustomerTableModel::Name).data().toString());
    }
}

TEST_F(ExportViews, CallListExportToXlsxFromTheFileMenu)
{
    ui::setNextExportFile(path(QStringLiteral("calls.xlsx")));
    auto *action = window->findChild<QAction *>(QStringLiteral("exportCallListAction"));
    ASSERT_NE(action, nullptr);
    action->trigger();
    QTRY_VERIFY(QFile::exists(path(QStringLiteral("calls.xlsx"))));
    EXPECT_TRUE(read(path(QStringLiteral("calls.xlsx"))).startsWith("PK\x03\x04"));
    EXPECT_EQ(files(), QStringList{QStringLiteral("calls.xlsx")});
}

TEST_F(ExportViews, CallListExportFailureIsShownAndWritesNothing)
{
    window->showPlace(ui::MainWindow::Place::Calls);
    ui::MessageBox::setNextAnswer(QMessageBox::Ok);
    exportWith("exportQueueButton", path(QStringLiteral("no/such/folder/calls.xlsx")));
    EXPECT_TRUE(ui::MessageBox::lastText().contains(QStringLiteral("calls.xlsx")))
        << ui::MessageBox::lastText().toStdString();
    EXPECT_TRUE(files().isEmpty()) << files().join(u' ').toStdString();
}

TEST_F(ExportViews, CallListPrintsToPdf)
{
    // Print… goes through the same rows as Export… (every due customer, not a page of them).
    const QString html = window->queueView()->callListHtml();
    for (const char *name : {"王伟", "张秀英", "Anna Schmidt"})
        EXPECT_TRUE(html.contains(QString::fromUtf8(name))) << name;
    // Printed by a worker: Print… waits, disabled, until the pages are drawn.
    ui::QueueView *queue = window->queueView();
    auto *printButton = queue->findChild<QPushButton *>(QStringLiteral("printQueueButton"));
    ASSERT_TRUE(printButton);
    ASSERT_TRUE(printButton->isEnabled());
    const auto printer = pdfPrinter(QStringLiteral("calls.pdf"));
    QSignalSpy finished(queue, &ui::QueueView::printFinished);
    queue->printInBackground(printer);
    EXPECT_TRUE(queue->isPrinting());
    EXPECT_FALSE(printButton->isEnabled());
    ASSERT_TRUE(finished.count() == 1 || finished.wait(30000));
    EXPECT_TRUE(finished.at(0).at(0).toBool());
    EXPECT_FALSE(queue->isPrinting());
    EXPECT_TRUE(printButton->isEnabled());
    EXPECT_TRUE(read(path(QStringLiteral("calls.pdf"))).startsWith("%PDF"));
}

TEST_F(ExportViews, ADatabaseInMemoryIsPrintedFromTheWindowsConnection)
{
    // A worker's own connection to ":memory:" would be another, empty database.
    ASSERT_TRUE(session->open(QStringLiteral(":memory:")));
    ui::QueueView *queue = window->queueView();
    const auto printer = pdfPrinter(QStringLiteral("empty.pdf"));
    QSignalSpy finished(queue, &ui::QueueView::printFinished);
    ui::MessageBox::setNextAnswer(QMessageBox::Ok);
    queue->printInBackground(printer);
    ASSERT_TRUE(finished.count() == 1 || finished.wait(30000));
    EXPECT_TRUE(finished.at(0).at(0).toBool()) << ui::MessageBox::lastText().toStdString();
    EXPECT_TRUE(read(path(QStringLiteral("empty.pdf"))).startsWith("%PDF"));
}

TEST_F(ExportViews, APrinterErrorIsReportedAndPrintCanBeTriedAgain)
{
    ui::QueueView *queue = window->queueView();
    const auto printer = pdfPrinter(QStringLiteral("no/such/folder/calls.pdf"));
    QSignalSpy finished(queue, &ui::QueueView::printFinished);
    ui::MessageBox::setNextAnswer(QMessageBox::Ok);
    queue->printInBackground(printer);
    ASSERT_TRUE(finished.count() == 1 || finished.wait(30000));
    EXPECT_FALSE(finished.at(0).at(0).toBool());
    EXPECT_TRUE(ui::MessageBox::lastText().contains(QStringLiteral("printer reported an error")))
        << ui::MessageBox::lastText().toStdString();
    EXPECT_FALSE(queue->isPrinting());
    EXPECT_TRUE(queue->findChild<QPushButton *>(QStringLiteral("printQueueButton"))->isEnabled());
    EXPECT_TRUE(files().isEmpty()) << files().join(u' ').toStdString();
}

TEST_F(ExportViews, PrintingStopsAtThePrintLimitAndSaysSo)
{
    // A team's backlog at a million customers is hundreds of thousands of rows: Print… puts the
    // first ones on paper and says that Export… has them all.
    ui::QueueView *queue = window->queueView();
    const QString all = queue->callListHtml();
    const int due = int(all.count(QStringLiteral("<tr>"))) - 1; // less the header row
    ASSERT_GE(due, 3);
    EXPECT_FALSE(all.contains(QStringLiteral("Only the first")));

    ui::QueueView::setPrintLimit(2);
    const auto restore = qScopeGuard([] { ui::QueueView::setPrintLimit(500); });
    const QString two = queue->callListHtml();
    EXPECT_EQ(two.count(QStringLiteral("<tr>")), 3);
    EXPECT_TRUE(two.contains(
        QStringLiteral("Only the first 2 customers due are printed. Export the call list for all of them.")))
        << two.toStdString();
    // The same first rows as the whole list's.
    qsizetype third = -1; // the third customer's row, after the header's and two others
    for (int i = 0; i < 4; ++i)
        third = all.indexOf(QStringLiteral("<tr>"), third + 1);
    EXPECT_EQ(two.left(two.indexOf(QStringLiteral("</table>"))).toStdString(), all.left(third).toStdString());

    ui::QueueView::setPrintLimit(due);
    EXPECT_EQ(queue->callListHtml(), all); // exactly as many as due: nothing left out
}

namespace {

/// What Export… of Today's calls wrote before it streamed: the table's rows, through writeCallList.
QByteArray rowsShown(ui::QueueView *view, QDate today)
{
    auto rows = view->model()->allRows();
    EXPECT_TRUE(rows);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    EXPECT_TRUE(io::writeCallList(&buffer, rows ? *rows : std::vector<store::CustomerRow>(), today));
    return buffer.data();
}

} // namespace

TEST_F(ExportViews, CallListExportOfOneOwnerWritesTheRowsShown)
{
    window->showPlace(ui::MainWindow::Place::Calls);
    auto *owner = child<QComboBox>("queueOwnerFilter");
    owner->setCurrentIndex(owner->findData(QStringLiteral("李娜")));
    auto *table = child<QTableView>("queueTable");
    QTRY_VERIFY(!window->queueView()->isLoading());
    ASSERT_EQ(table->model()->rowCount(), 2); // 王伟 and 张秀英; 李强's follow-up is in July
    const QString file = path(QStringLiteral("calls.csv"));
    exportWith("exportQueueButton", file);
    const QByteArray bytes = read(file);
    EXPECT_EQ(bytes.toStdString(), rowsShown(window->queueView(), session->today()).toStdString());
    const auto rows = parseCsv(bytes);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1].value(6), QStringLiteral("李娜"));
    EXPECT_EQ(rows[2].value(6), QStringLiteral("李娜"));
}

TEST_F(ExportViews, OnABigDatabaseTheCallListIsWrittenByAWorkerWhileTheWindowAnswers)
{
    const BigDatabase big;
    window->showPlace(ui::MainWindow::Place::Calls);
    auto *view = window->queueView();
    QTRY_VERIFY(!view->isLoading());
    const QByteArray expected = rowsShown(view, session->today());
    ASSERT_EQ(parseCsv(expected).size(), 5u); // the header and the four due customers

    QSignalSpy finished(view, &ui::QueueView::exportFinished);
    const QString file = path(QStringLiteral("calls.csv"));
    {
        test::WorkerGate gate;
        exportWith("exportQueueButton", file);
        // Clicked and back: the worker has not started, a dialog says what is going on.
        EXPECT_TRUE(view->isExporting());
        auto *progress = window->findChild<QProgressDialog *>(QStringLiteral("exportProgress"));
        ASSERT_NE(progress, nullptr);
        EXPECT_TRUE(progress->isVisible());
        EXPECT_TRUE(files().isEmpty());
        // The window goes on: another place, and back.
        window->showPlace(ui::MainWindow::Place::Customers);
        window->showPlace(ui::MainWindow::Place::Calls);
        // A second Export… while the first runs starts nothing.
        EXPECT_FALSE(view->exportToFile(path(QStringLiteral("other.csv"))));
    }
    QTRY_VERIFY(!view->isExporting());
    ASSERT_EQ(finished.size(), 1);
    EXPECT_EQ(finished[0][0].toString(), file);
    EXPECT_EQ(finished[0][1].toString(), QString());
    EXPECT_EQ(read(file).toStdString(), expected.toStdString());
    EXPECT_EQ(files(), QStringList{QStringLiteral("calls.csv")});
    QTRY_COMPARE(window->findChild<QProgressDialog *>(QStringLiteral("exportProgress")), nullptr);
}

TEST_F(ExportViews, OnABigDatabaseCancelStopsTheExportAndLeavesNoFile)
{
    const BigDatabase big;
    window->showPlace(ui::MainWindow::Place::Calls);
    QTRY_VERIFY(!window->queueView()->isLoading());
    cancelThenExportAgain(window->queueView(), "exportQueueButton", QStringLiteral("calls"));
}

TEST_F(ExportViews, OnABigDatabaseTheCustomersAreWrittenByAWorkerWhileTheWindowAnswers)
{
    window->showPlace(ui::MainWindow::Place::Customers);
    auto *view = window->customersView();
    auto *owner = child<QComboBox>("ownerFilter");
    owner->setCurrentIndex(owner->findText(QStringLiteral("李娜")));
    child<QTableView>("customerTable")->sortByColumn(ui::CustomerTableModel::Phone, Qt::DescendingOrder);
    // What the window writes itself on a small database.
    const QString small = path(QStringLiteral("small.csv"));
    exportWith("exportCustomersButton", small);
    const QByteArray expected = read(small);
    ASSERT_EQ(parseCsv(expected).size(), 4u); // the header and 李娜's three customers

    const BigDatabase big;
    view->reload();
    QTRY_VERIFY(!view->model()->isLoading());
    QSignalSpy finished(view, &ui::CustomersView::exportFinished);
    const QString file = path(QStringLiteral("客户.csv"));
    {
        test::WorkerGate gate;
        exportWith("exportCustomersButton", file);
        // Clicked and back: the worker has not started, a dialog says what is going on.
        EXPECT_TRUE(view->isExporting());
        auto *progress = window->findChild<QProgressDialog *>(QStringLiteral("exportProgress"));
        ASSERT_NE(progress, nullptr);
        EXPECT_TRUE(progress->isVisible());
        EXPECT_FALSE(child<QPushButton>("exportCustomersButton")->isEnabled());
        EXPECT_FALSE(QFile::exists(file));
        // The window goes on: another place, and back; a second Export… starts nothing.
        window->showPlace(ui::MainWindow::Place::Calls);
        window->showPlace(ui::MainWindow::Place::Customers);
        EXPECT_FALSE(view->exportToFile(path(QStringLiteral("other.csv"))));
    }
    QTRY_VERIFY(!view->isExporting());
    ASSERT_EQ(finished.size(), 1);
    EXPECT_EQ(finished[0][0].toString(), file);
    EXPECT_EQ(finished[0][1].toString(), QString());
    EXPECT_EQ(read(file).toStdString(), expected.toStdString());
    EXPECT_EQ(files(), (QStringList{QStringLiteral("small.csv"), QStringLiteral("客户.csv")}));
    EXPECT_TRUE(child<QPushButton>("exportCustomersButton")->isEnabled());
    QTRY_COMPARE(window->findChild<QProgressDialog *>(QStringLiteral("exportProgress")), nullptr);
}

TEST_F(ExportViews, OnABigDatabaseCancelStopsTheCustomersExportAndLeavesNoFile)
{
    const BigDatabase big;
    window->showPlace(ui::MainWindow::Place::Customers);
    window->customersView()->reload();
    QTRY_VERIFY(!window->customersView()->model()->isLoading());
    cancelThenExportAgain(window->customersView(), "exportCustomersButton", QStringLiteral("customers"));
}

TEST_F(ExportViews, ClosingTheWindowDuringACallListExportStopsItAndLeavesNoFile)
{
    const BigDatabase big;
    window->showPlace(ui::MainWindow::Place::Calls);
    QTRY_VERIFY(!window->queueView()->isLoading());
    {
        test::WorkerGate gate;
        exportWith("exportQueueButton", path(QStringLiteral("calls.csv")));
        ASSERT_TRUE(window->queueView()->isExporting());
        window.reset();
    }
    // The worker, let go, finds its read stopped: no file.
    ui::readerPool()->waitForDone();
    EXPECT_TRUE(files().isEmpty()) << files().join(u' ').toStdString();
}

TEST_F(ExportViews, ClosingTheWindowDuringACustomersExportStopsItAndLeavesNoFile)
{
    const BigDatabase big;
    window->showPlace(ui::MainWindow::Place::Customers);
    window->customersView()->reload();
    QTRY_VERIFY(!window->customersView()->model()->isLoading());
    {
        test::WorkerGate gate;
        exportWith("exportCustomersButton", path(QStringLiteral("customers.csv")));
        ASSERT_TRUE(window->customersView()->isExporting());
        window.reset();
    }
    // The worker, let go, finds its read stopped: no file.
    ui::readerPool()->waitForDone();
    EXPECT_TRUE(files().isEmpty()) << files().join(u' ').toStdString();
}
