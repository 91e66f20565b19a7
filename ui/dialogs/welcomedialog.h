#pragma once

#include "model/error.h"

#include <QDate>
#include <QDialog>

class QLabel;
class QPushButton;

namespace tierdesk::ui {

/// First run, or no database to open: start with demo data, a new empty database, or an
/// existing file. `chosenPath()` is the database to open when the dialog is accepted.
class WelcomeDialog final : public QDialog {
    Q_OBJECT

public:
    explicit WelcomeDialog(QDate today, QWidget *parent = nullptr);

    QString chosenPath() const { return m_path; }

    /// Creates a classified demo database at `path` (which must not hold customers yet).
    static Result<void> createDemoDatabase(const QString &path, int customers, QDate today);

    void chooseDemo();
    void chooseNew();
    void chooseOpen();

private:
    QDate m_today;
    QString m_path;
    QLabel *m_status;
    QPushButton *m_demo;
    QPushButton *m_new;
    QPushButton *m_open;
};

} // namespace tierdesk::ui
