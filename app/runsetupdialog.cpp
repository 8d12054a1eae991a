#include "runsetupdialog.h"

#include "hyperparameterpanel.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QFormLayout>
#include <QLineEdit>
#include <QScrollArea>
#include <QVBoxLayout>

RunSetupDialog::RunSetupDialog(const ganvas::TrainingConfig &base, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Add a run"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName("runName");
    m_name->setPlaceholderText(tr("named after its dataset and loss"));
    form->addRow(tr("Name"), m_name);
    layout->addLayout(form);
    m_panel = new HyperparameterPanel(this);
    m_panel->setConfig(base);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_panel);
    scroll->setWidgetResizable(true);
    layout->addWidget(scroll, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add and start"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RunSetupDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RunSetupDialog::reject);
    layout->addWidget(buttons);
    resize(460, 640);
}

ganvas::TrainingConfig RunSetupDialog::config() const
{
    return m_panel->config();
}

QString RunSetupDialog::name() const
{
    return m_name->text().trimmed();
}

void RunSetupDialog::accept()
{
    // Bad settings stay in the dialog, marked, instead of failing later in a worker.
    if (!m_panel->validate().isEmpty())
        return;
    QDialog::accept();
}
