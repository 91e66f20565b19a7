#include "messagebox.h"

#include <optional>

namespace tierdesk::ui::MessageBox {
namespace {

std::optional<QMessageBox::StandardButton> s_nextAnswer;
QString s_lastText;

QMessageBox::StandardButton show(QMessageBox::Icon icon, QWidget *parent, const QString &title,
                                 const QString &text, QMessageBox::StandardButtons buttons)
{
    if (s_nextAnswer) {
        const auto answer = *s_nextAnswer;
        s_nextAnswer.reset();
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
    if (button == QMessageBox::NoButton)
        s_nextAnswer.reset();
    else
        s_nextAnswer = button;
}

QString lastText()
{
    return s_lastText;
}

} // namespace tierdesk::ui::MessageBox
