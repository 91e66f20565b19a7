#include "welcomedialog.h"

#include "io/classifyjob.h"
#include "io/demodata.h"
#include "messagebox.h"
#include "model/apppaths.h"
#include "store/database.h"

#include <QApplication>
#include <QCommandLinkButton>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tierdesk::ui {

WelcomeDialog::WelcomeDialog(QDate today, QWidget *parent)
    : QDialog(parent)
    , m_today(today)
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("welcomeDialog"));
    setWindowTitle(tr("Welcome to TierDesk"));
    auto *title =
        new QLabel(tr("<h2>Welcome to TierDesk</h2>"
                      "<p>Keep your customers on your own computer, log every call in seconds, and let "
                      "TierDesk tell you who to call next.</p>"),
                   this);
    title->setWordWrap(true);
    m_demo = new QCommandLinkButton(
        tr("Try it with demo data"),
        tr("A sample team with 5,000 customers, three years of orders and calls."), this);
    m_demo->setObjectName(QStringLiteral("demoDatabaseButton"));
    m_new = new QCommandLinkButton(tr("Start a new, empty database"),
                                   tr("Your customers stay in one file on this computer."), this);
    m_new->setObjectName(QStringLiteral("newDatabaseButton"));
    m_open = new QCommandLinkButton(tr("Open an existing database…"),
                                    tr("A TierDesk file from you or your team."), this);
    m_open->setObjectName(QStringLiteral("openDatabaseButton"));
    m_status->setObjectName(QStringLiteral("welcomeStatus"));
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addSpacing(8);
    layout->addWidget(m_demo);
    layout->addWidget(m_new);
    layout->addWidget(m_open);
    layout->addWidget(m_status);
    layout->addStretch();
    setMinimumWidth(520);

    connect(m_demo, &QPushButton::clicked, this, &WelcomeDialog::chooseDemo);
    connect(m_new, &QPushButton::clicked, this, &WelcomeDialog::chooseNew);
    connect(m_open, &QPushButton::clicked, this, &WelcomeDialog::chooseOpen);
}

Result<void> WelcomeDialog::createDemoDatabase(const QString &path, int customers, QDate today)
{
    store::Database db;
    if (auto ok = db.open(path); !ok)
        return ok;
    io::DemoOptions options;
    options.customers = customers;
    options.today = today;
    if (auto made = io::createDemo(db, options); !made)
        return std::unexpected(made.error());
    if (auto classified = io::classifyAndStore(db, today); !classified)
        return std::unexpected(classified.error());
    return {};
}

void WelcomeDialog::chooseDemo()
{
    const QString path = QDir(AppPaths::dataDir()).filePath(QStringLiteral("demo.sqlite"));
    if (QFileInfo::exists(path)) {
        // A demo made earlier: open it rather than refusing.
        m_path = path;
        accept();
        return;
    }
    for (QPushButton *b : {m_demo, m_new, m_open})
        b->setEnabled(false);
    m_status->setText(tr("Creating the demo database…"));
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        QApplication::restoreOverrideCursor();
        const QString error = watcher->result();
        watcher->deleteLater();
        for (QPushButton *b : {m_demo, m_new, m_open})
            b->setEnabled(true);
        if (!error.isEmpty()) {
            m_status->clear();
            QFile::remove(path);
            MessageBox::critical(this, tr("Demo not created"), error);
            return;
        }
        m_path = path;
        accept();
    });
    const QDate today = m_today;
    watcher->setFuture(QtConcurrent::run([path, today]() -> QString {
        auto ok = createDemoDatabase(path, 5000, today);
        return ok ? QString() : ok.error().message;
    }));
}

void WelcomeDialog::chooseNew()
{
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(tr("customers.tierdesk"));
    const QString path = QFileDialog::getSaveFileName(this, tr("New database"), suggested,
                                                      tr("TierDesk databases (*.tierdesk *.sqlite)"));
    if (path.isEmpty())
        return;
    m_path = path;
    accept();
}

void WelcomeDialog::chooseOpen()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open database"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("TierDesk databases (*.tierdesk *.sqlite);;All files (*)"));
    if (path.isEmpty())
        return;
    m_path = path;
    accept();
}

} // namespace tierdesk::ui
