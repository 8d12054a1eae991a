#include "windows/trainingstatus.h"

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>

#include <algorithm>

TrainingStatus::TrainingStatus(QStatusBar *bar) : QObject(bar)
{
    m_epochLabel = new QLabel(tr("epoch –"));
    m_stepLabel = new QLabel(tr("step –"));
    m_speedLabel = new QLabel(tr("– img/s"));
    m_elapsedLabel = new QLabel(tr("elapsed –"));
    m_etaLabel = new QLabel(tr("ETA –"));
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(240);
    for (QWidget *w : {static_cast<QWidget *>(m_epochLabel), static_cast<QWidget *>(m_stepLabel),
                       static_cast<QWidget *>(m_speedLabel), static_cast<QWidget *>(m_elapsedLabel),
                       static_cast<QWidget *>(m_etaLabel)})
        bar->addWidget(w);
    bar->addPermanentWidget(m_progress);
}

void TrainingStatus::setRunSize(int batchesPerEpoch, int epochs)
{
    m_batchesPerEpoch = batchesPerEpoch;
    m_totalEpochs = epochs;
    m_progress->setRange(0, batchesPerEpoch * epochs);
}

void TrainingStatus::showStats(const ganvas::StepStats &s)
{
    m_epochLabel->setText(tr("epoch %1/%2").arg(s.epoch).arg(m_totalEpochs));
    m_stepLabel->setText(tr("step %1").arg(s.step));
    const QString speed = QString::number(s.imagesPerSec, 'f', 0);
    if (s.onGpu)
        m_speedLabel->setText(s.cudaGraph ? tr("%1 img/s · GPU, one CUDA graph per step").arg(speed)
                                          : tr("%1 img/s · GPU").arg(speed));
    else
        m_speedLabel->setText(tr("%1 img/s · %n thread(s)", nullptr, s.threads).arg(speed));
    const qint64 total = qint64(m_batchesPerEpoch) * m_totalEpochs;
    const double rate = s.elapsedSec > 0 ? s.step / s.elapsedSec : 0;
    const qint64 eta = rate > 0 ? qint64((total - s.step) / rate) : -1;
    const qint64 elapsed = qint64(s.elapsedSec);
    m_elapsedLabel->setText(tr("elapsed %1:%2").arg(elapsed / 60).arg(elapsed % 60, 2, 10, QChar('0')));
    m_etaLabel->setText(eta >= 0 ? tr("ETA %1:%2").arg(eta / 60).arg(eta % 60, 2, 10, QChar('0')) : tr("ETA –"));
    m_progress->setValue(int(std::min<qint64>(s.step, total)));
}
