#pragma once

#include <QMessageBox>

#include <initializer_list>

/// Every modal message of the app goes through here, so that widget tests can answer prompts
/// without a nested event loop (`setNextAnswer`) and read what would have been shown.
namespace tierdesk::ui::MessageBox {

QMessageBox::StandardButton critical(QWidget *parent, const QString &title, const QString &text,
                                     QMessageBox::StandardButtons buttons = QMessageBox::Ok);
QMessageBox::StandardButton warning(QWidget *parent, const QString &title, const QString &text,
                                    QMessageBox::StandardButtons buttons = QMessageBox::Ok);
QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                     QMessageBox::StandardButtons buttons = QMessageBox::Yes |
                                                                            QMessageBox::No);
void information(QWidget *parent, const QString &title, const QString &text);

/// Tests: the next message returns `button` at once instead of opening a dialog;
/// `QMessageBox::NoButton` clears an answer that was not used.
void setNextAnswer(QMessageBox::StandardButton button);
/// Tests: the answers to the next messages, in order (a question, then the error it leads to).
void setNextAnswers(std::initializer_list<QMessageBox::StandardButton> buttons);
/// Tests: the text of the last message that was answered automatically.
QString lastText();

} // namespace tierdesk::ui::MessageBox
