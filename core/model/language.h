#pragma once

#include <QString>

namespace tierdesk {

/// The languages TierDesk speaks: Simplified Chinese ("zh_CN") and English ("en").
class Language final {
public:
    /// "zh_CN" for any Chinese name ("zh", "zh_CN", "zh_TW" …), else "en".
    static QString normalized(const QString &name);
    /// The system's language, normalized: Chinese systems get Chinese, all others English.
    static QString system();
    /// Installs Qt's own translations (dialog buttons, context menus) and TierDesk's for
    /// `language` into the application, replacing any installed before, and makes it the default
    /// locale. The TierDesk translations are the .qm files embedded at :/i18n by the
    /// tierdesk_translations library, which the executable must link. Returns false when
    /// TierDesk's own file could not be loaded (the source texts are shown then).
    static bool install(const QString &language);
};

} // namespace tierdesk
