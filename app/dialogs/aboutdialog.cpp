#include "dialogs/aboutdialog.h"

#include "ui_aboutdialog.h"

#include <QCoreApplication>

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent), m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);
    m_ui->version->setText(tr("Version %1").arg(QCoreApplication::applicationVersion()));
    m_ui->libraries->setText(tr("Built with Qt %1, libtorch and QCustomPlot.").arg(QLatin1String(qVersion())));
}

AboutDialog::~AboutDialog() = default;
