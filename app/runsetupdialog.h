#pragma once

#include "engine/trainingconfig.h"

#include <QDialog>

class HyperparameterPanel;
class QLineEdit;

// "Add run" in the comparison window: a name and every setting, starting from a given config.
class RunSetupDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RunSetupDialog(const ganvas::TrainingConfig &base, QWidget *parent = nullptr);

    ganvas::TrainingConfig config() const;
    QString name() const;
    HyperparameterPanel *panel() const { return m_panel; }

    void accept() override;

private:
    QLineEdit *m_name;
    HyperparameterPanel *m_panel;
};
