#include "messagebox.h"

#include <deque>

namespace tierdesk::ui::MessageBox {
namespace {

std::deque<QMessageBox::StandardButton> s_nextAnswers;
QString s_lastText;

QMessageBox::StandardButton show(QMessageBox::Icon icon, QWidget *parent, const QString &title,
                                 const QString &text, QMessageBox::StandardButtons buttons)
{
    if (!s_nextAnswers.empty()) {
        const auto answer = s_nextAnswers.front();
        s_nextAnswers.pop_front();
        s_lastText = text;
        return answer;
    }
    QMessageBox box(icon, title, text, buttons, parent);
    return QMessageBox::StandardButton(box.exec());
}

} // namespace

QMessageBox::StandardButton critical(QWidget *parent, const QString &title, const QString &text,
                                     QMessageBox::StandardButtons buttons)
{
    return show(QMessageBox::Critical, parent, title, text, buttons);
}

QMessageBox::StandardButton warning(QWidget *parent, const QString &title, const QString &text,
                                    QMessageBox::StandardButtons buttons)
{
    return show(QMessageBox::Warning, parent, title, text, buttons);
}

QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                     QMessageBox::StandardButtons buttons)
{
    return show(QMessageBox::Question, parent, title, text, buttons);
}

void information(QWidget *parent, const QString &title, const QString &text)
{
    show(QMessageBox::Information, parent, title, text, QMessageBox::Ok);
}

void setNextAnswer(QMessageBox::StandardButton button)
{
    s_nextAnswers.clear();
    if (button != QMessageBox::NoButton)
        s_nextAnswers.push_back(button);
}

void setNextAnswers(std::initializer_list<QMessageBox::StandardButton> buttons)
{
    s_nextAnswers.assign(buttons);
}

QString lastText()
{
    return s_lastText;
}

} // namespace tierdesk::ui::MessageBox
