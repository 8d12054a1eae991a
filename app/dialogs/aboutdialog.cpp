#include "dialogs/aboutdialog.h"

#include "engine/cpuruntime.h"
#include "ui_aboutdialog.h"

#include <QCoreApplication>
#include <QIcon>
#include <QLabel>

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent), m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);
    auto *logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/ganvas.svg")).pixmap(64, 64));
    m_ui->layout->insertWidget(0, logo, 0, Qt::AlignHCenter);
    m_ui->version->setText(tr("Version %1").arg(QStringLiteral(GANVAS_VERSION)));
    const int gpus = ganvas::cudaDevices();
    const QString device = gpus < 0    ? tr("the CPU (%n cores; this libtorch has no CUDA)", nullptr, ganvas::availableCores())
                           : gpus == 0 ? tr("the CPU (%n cores; no CUDA GPU found)", nullptr, ganvas::availableCores())
                                       : tr("a CUDA GPU (GPUs found: %n) or the CPU", nullptr, gpus);
    // A bug report's first lines: what this was built with and what it runs on.
    m_ui->libraries->setText(tr("Built with Qt %1, libtorch %2 and QCustomPlot.<br>Trains on %3.<br>Matrix maths (BLAS): %4.")
                                 .arg(QLatin1String(qVersion()), QString::fromStdString(ganvas::libtorchVersion()),
                                      device, QString::fromStdString(ganvas::blasDescription()).toHtmlEscaped()));
    m_ui->licence->setText(tr("Free software under the GNU General Public License, version 3 or later "
                              "(the LICENSE file). It comes with no warranty."));
}

AboutDialog::~AboutDialog() = default;
