#pragma once

#include "engine/trainingconfig.h"

#include <QHash>
#include <QWidget>

#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;

namespace ganvas {
struct ConfigField;
}

// An editor for every TrainingConfig field, built from the engine's table (configFields():
// groups, labels, tooltips, ranges, choices, which may change mid-run). Invalid values are
// marked in place; the window shows the reasons in its message bar. While a run trains, only
// the fields the Trainer can change mid-run stay editable.
class HyperparameterPanel : public QWidget
{
    Q_OBJECT

public:
    explicit HyperparameterPanel(QWidget *parent = nullptr);
    ~HyperparameterPanel() override;

    ganvas::TrainingConfig config() const;
    void setConfig(const ganvas::TrainingConfig &config);
    // Checks the settings, marks the bad fields and focuses the first; returns the reasons, one
    // a line, each named by the field's label ("" if valid).
    QString validate();
    // Whether the field is marked as not accepted (fields are checked as they are edited).
    bool hasProblem(const QString &jsonName) const;
    // Locks the fields that cannot change during a run.
    void setRunning(bool running);
    // A lesson's teacher controls: these fields (JSON names) hidden, those shown but locked.
    void setLessonControls(const QStringList &hidden, const QStringList &locked);
    QStringList hiddenFields() const { return m_hidden; }
    QStringList lockedFields() const { return m_locked; }
    // The field's editor, by its JSON name (for tests and focus).
    QWidget *field(const QString &jsonName) const { return m_fields.value(jsonName); }
    // The preset chooser above the fields: it shows the preset the settings follow, or Custom.
    QComboBox *presetBox() const { return m_preset; }
    // Sets the fields a preset sets (engine/presets.h), leaving data and machine as they are.
    void applyPreset(const QString &name);
    // The preset the current settings follow exactly, "" for custom settings.
    QString currentPreset() const;
    // The rarely changed fields (ConfigField::advanced) are shown only when this is on; a
    // refused one is shown when Start names it.
    void setAdvancedShown(bool shown);
    bool isAdvancedShown() const;
    // Whether the field's row is on screen (not folded away with the advanced ones).
    bool isFieldShown(const QString &jsonName) const;
    // The device list names the CUDA devices found (engine's cudaDeviceNames(), given at
    // construction): one entry cuda:N per device, or "cuda" marked as finding none.
    void setCudaDevices(const std::vector<std::string> &names);

Q_SIGNALS:
    // A field that may change mid-run was edited while running.
    void liveSettingsChanged();
    // Any field's value changed (typed, chosen, or set by a preset or a file).
    void edited();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addField(const ganvas::ConfigField &f, QFormLayout *form);
    // Marks every field a problem names (tint and tooltip) and returns the messages.
    QStringList markProblems();
    QWidget *firstProblemField() const;
    void setProblem(const QString &jsonName, const QString &message);
    // Enables the fields that apply to the chosen loss, data and decay (the reason in the
    // tooltip of the others) and that may change now; marks problems.
    void refreshFields();
    QWidget *createPresetRow();
    // Shows which preset the fields follow now.
    void showMatchingPreset();
    void refreshAdvanced();
    void alignLabels();

    QHash<QString, QWidget *> m_fields; // by JSON name
    QHash<QString, bool> m_live;
    QHash<QString, QLabel *> m_labels;
    QString m_firstProblem;
    QComboBox *m_preset = nullptr;
    QLabel *m_presetNote = nullptr;
    QCheckBox *m_showAdvanced = nullptr;
    QHash<QString, QFormLayout *> m_forms;   // the group's form of each field
    QHash<QString, QGroupBox *> m_groups;    // and its group box
    QStringList m_advanced;                  // JSON names of the advanced fields
    bool m_running = false;
    QStringList m_hidden, m_locked; // by the lesson on
};
