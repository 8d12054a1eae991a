#include "dialogs/runsetupdialog.h"

#include "panels/hyperparameterpanel.h"
#include "support/messagebar.h"
#include "ui_runsetupdialog.h"

#include <QPushButton>

RunSetupDialog::RunSetupDialog(const ganvas::TrainingConfig &base, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::RunSetupDialog>())
{
    m_ui->setupUi(this);
    m_panel = new HyperparameterPanel(this);
    m_panel->setConfig(base);
    m_ui->scroll->setWidget(m_panel);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("Add and start"));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &RunSetupDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &RunSetupDialog::reject);
}

RunSetupDialog::~RunSetupDialog() = default;

ganvas::TrainingConfig RunSetupDialog::config() const
{
    return m_panel->config();
}

QString RunSetupDialog::name() const
{
    return m_ui->runName->text().trimmed();
}

void RunSetupDialog::accept()
{
    // Bad settings stay in the dialog, marked, instead of failing later in a run.
    const QString problems = m_panel->validate();
    if (!problems.isEmpty()) {
        m_ui->messages->showError(problems);
        return;
    }
    QDialog::accept();
}
