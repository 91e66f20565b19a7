#pragma once

#include "classify/settings.h"

#include <QDialog>

#include <array>
#include <functional>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace tierdesk::ui {

class Session;

/// The user's own preferences (name, language; kept in QSettings on this PC) and the team's
/// classification settings (thresholds, cadence, suggested actions, tag rules; kept in the
/// database). Nothing is written until OK, and OK writes only settings that validate.
class SettingsDialog final : public QDialog {
    Q_OBJECT

public:
    explicit SettingsDialog(Session *session, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    /// Validates, saves, and offers to reclassify when the classification settings changed.
    /// Stays open (and says why) when the settings are invalid or cannot be saved.
    void accept() override;

signals:
    /// The user changed the classification settings and asked to reclassify now.
    void reclassifyRequested();

private:
    using IntField = std::function<int &(classify::Settings &)>;
    struct IntBinding {
        QSpinBox *spin;
        IntField field;
    };
    struct RatioBinding {
        QDoubleSpinBox *spin;
        IntField field; ///< millionths
    };

    QWidget *createUserPage();
    QWidget *createThresholdsPage();
    QWidget *createCadencePage();
    QWidget *createSegmentsPage();
    QWidget *createTagRulesPage();

    QSpinBox *addDaysRow(QFormLayout *form, const QString &label, const QString &key, int min, int max,
                         IntField field, const QString &toolTip);
    QDoubleSpinBox *addPercentRow(QFormLayout *form, const QString &label, const QString &key, int maxPercent,
                                  IntField field, const QString &toolTip);

    void load(const classify::Settings &settings);
    classify::Settings collect() const;
    QList<classify::TagRuleDef> tagRules() const;
    void addTagRuleRow(const classify::TagRuleDef &rule);
    void addTagRule();
    void removeTagRule();
    void validateTagRules();
    void restoreDefaults();
    void focusSettingNamedIn(const QString &detail);

    Session *m_session;
    classify::Settings m_base; ///< what the pages do not edit (the segment map) comes from here

    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_userNameEdit = nullptr;
    QComboBox *m_languageCombo = nullptr;
    std::vector<IntBinding> m_intBindings;
    std::vector<RatioBinding> m_ratioBindings;
    std::vector<QLineEdit *> m_segmentActionEdits;
    QTableWidget *m_tagRulesTable = nullptr;
    QPushButton *m_removeTagRuleButton = nullptr;
    QLabel *m_tagRuleError = nullptr;
    QDialogButtonBox *m_buttons = nullptr;

    /// The text being typed in a tag rule cell, so that the rule is checked before it is committed.
    struct PendingEdit {
        int row = -1;
        int column = -1;
        QString text;
    };
    PendingEdit m_pending;
    /// Per tag rule row: the error of its name and of its condition (empty when valid).
    std::vector<std::array<QString, 2>> m_ruleErrors;
    bool m_updatingRules = false;
};

} // namespace tierdesk::ui
