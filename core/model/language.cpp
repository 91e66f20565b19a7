#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace tierdesk {

QString Language::normalized(const QString &name)
{
    return name.startsWith(u"zh", Qt::CaseInsensitive) ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString Language::system()
{
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

bool Language::install(const QString &language)
{
    // Owned by the application object; replaced when the language is installed again.
    static QTranslator *qt = nullptr;
    static QTranslator *app = nullptr;
    for (QTranslator **t : {&qt, &app}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    const QString lang = normalized(language);
    QLocale::setDefault(QLocale(lang));

    qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(lang), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    app = new QTranslator(QCoreApplication::instance());
    const bool loaded = app->load(QStringLiteral(":/i18n/tierdesk_") + lang);
    if (loaded)
        QCoreApplication::installTranslator(app);
    return loaded;
}

} // namespace tierdesk
