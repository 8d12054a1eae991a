#pragma once

#include "engine/trainingconfig.h"

#include <QHash>
#include <vector>
#include <QWidget>

class QLabel;

// Every TrainingConfig field, grouped (data, model, loss, optimisers, tricks, run), each with
// a one-sentence tooltip. Invalid values are marked in place with the reason shown below.
// While a run trains, only the fields the Trainer can change mid-run stay editable.
class HyperparameterPanel : public QWidget
{
    Q_OBJECT

public:
    explicit HyperparameterPanel(QWidget *parent = nullptr);
    ~HyperparameterPanel() override;

    ganvas::TrainingConfig config() const;
    void setConfig(const ganvas::TrainingConfig &config);
    // Checks the settings, marks the bad fields, shows the reasons; returns them ("" if valid).
    QString validate();
    void showError(const QString &message);
    QString errorText() const;
    // Locks the fields that cannot change during a run.
    void setRunning(bool running);
    // The field's editor, by its JSON name (for tests and focus).
    QWidget *field(const QString &jsonName) const { return m_fields.value(jsonName); }

Q_SIGNALS:
    // A field that may change mid-run was edited while running.
    void liveSettingsChanged();

private:
    struct Field;
    void addField(const Field &f, class QFormLayout *form);

    std::vector<Field> m_table;
    QHash<QString, QWidget *> m_fields;
    QHash<QString, bool> m_live;
    QLabel *m_error;
    bool m_running = false;
};
