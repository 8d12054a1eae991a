#pragma once

#include "engine/trainingconfig.h"

#include <QDialog>

#include <memory>

class HyperparameterPanel;

namespace Ui {
class RunSetupDialog;
}

// "Add run" in the comparison window: a name and every setting, starting from a given config.
// The frame is the form ui/runsetupdialog.ui; the settings panel goes in its scroll area.
class RunSetupDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RunSetupDialog(const ganvas::TrainingConfig &base, QWidget *parent = nullptr);
    ~RunSetupDialog() override;

    ganvas::TrainingConfig config() const;
    QString name() const;
    HyperparameterPanel *panel() const { return m_panel; }

    void accept() override;

private:
    std::unique_ptr<Ui::RunSetupDialog> m_ui;
    HyperparameterPanel *m_panel;
};
