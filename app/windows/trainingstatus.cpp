#include "windows/trainingstatus.h"

#include "scoretexts.h"

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>

#include <algorithm>
#include <cmath>

namespace {

QString number(double v, int decimals)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("–");
}

QString minutes(qint64 seconds)
{
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QChar('0'));
}

} // namespace

TrainingStatus::TrainingStatus(QStatusBar *bar) : QObject(bar)
{
    m_stateLabel = new QLabel;
    m_stateLabel->setObjectName("stateLabel");
    QFont bold = m_stateLabel->font();
    bold.setBold(true);
    m_stateLabel->setFont(bold);
    m_figuresLabel = new QLabel;
    m_figuresLabel->setObjectName("figuresLabel");
    m_figuresLabel->setToolTip(tr("The latest D loss, G loss, and D's mean output on real images, D(x), and on "
                                  "generated ones, D(G(z))."));
    m_scoreLabel = new QLabel;
    m_scoreLabel->setObjectName("scoreLabel");
    m_scoreLabel->setToolTip(ScoreTexts::fd());
    m_epochLabel = new QLabel;
    m_stepLabel = new QLabel;
    m_speedLabel = new QLabel;
    m_elapsedLabel = new QLabel;
    m_etaLabel = new QLabel;
    m_etaLabel->setObjectName("etaLabel");
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(200);
    for (QLabel *l : {m_stateLabel, m_figuresLabel, m_scoreLabel, m_epochLabel, m_stepLabel, m_speedLabel,
                      m_elapsedLabel, m_etaLabel})
        bar->addWidget(l);
    bar->addPermanentWidget(m_progress);
    reset();
}

QString TrainingStatus::stateText(State state)
{
    switch (state) {
    case State::Idle:
        return tr("Idle");
    case State::Starting:
        return tr("Starting…");
    case State::Training:
        return tr("Training");
    case State::Paused:
        return tr("Paused");
    case State::Stopping:
        return tr("Stopping…");
    case State::Stopped:
        return tr("Stopped");
    case State::Finished:
        return tr("Finished");
    case State::Diverged:
        return tr("Diverged");
    case State::Failed:
        return tr("Failed");
    }
    return {};
}

void TrainingStatus::reset()
{
    m_batchesPerEpoch = m_totalEpochs = 0;
    m_figuresLabel->clear();
    m_scoreLabel->clear();
    m_scoreLabel->hide();
    m_epochLabel->setText(tr("epoch –"));
    m_stepLabel->setText(tr("step –"));
    m_speedLabel->clear();
    m_elapsedLabel->clear();
    m_progress->reset();
    m_progress->setRange(0, 1);
    setState(State::Idle);
}

void TrainingStatus::setState(State state)
{
    m_state = state;
    m_stateLabel->setText(stateText(state));
    // A time left only means something while the run goes on.
    m_etaLabel->setVisible(state == State::Training);
    // Speed only at full pace: single steps while paused would read as nonsense.
    m_speedLabel->setVisible(state == State::Training);
    if (state == State::Finished)
        m_progress->setValue(m_progress->maximum());
}

void TrainingStatus::setRunSize(int batchesPerEpoch, int epochs)
{
    m_batchesPerEpoch = batchesPerEpoch;
    m_totalEpochs = epochs;
    m_progress->setRange(0, std::max(1, batchesPerEpoch * epochs));
}

void TrainingStatus::showStats(const ganvas::StepStats &s)
{
    m_figuresLabel->setText(tr("D %1 · G %2 · D(x) %3 · D(G(z)) %4")
                                .arg(number(s.dLoss, 3), number(s.gLoss, 3), number(s.dReal, 2), number(s.dFake, 2)));
    m_epochLabel->setText(tr("epoch %1/%2").arg(s.epoch).arg(m_totalEpochs));
    m_stepLabel->setText(tr("step %1").arg(s.step));
    const QString speed = QString::number(s.imagesPerSec, 'f', 0);
    const QString precision = QString::fromStdString(s.precision);
    const QString device = QString::fromStdString(s.device);
    const QString processes = tr("%n process(es)", nullptr, s.processes);
    if (s.onGpu)
        m_speedLabel->setText(s.cudaGraph ? tr("%1 img/s · %2, %3, one CUDA graph per step · %4")
                                                .arg(speed, device, precision, processes)
                                          : tr("%1 img/s · %2, %3 · %4").arg(speed, device, precision, processes));
    else
        m_speedLabel->setText(tr("%1 img/s · %2, %3 · threads: %n · %4", nullptr, s.threads)
                                  .arg(speed, device, precision, processes));
    const qint64 total = qint64(m_batchesPerEpoch) * m_totalEpochs;
    const double rate = s.elapsedSec > 0 ? s.step / s.elapsedSec : 0;
    const qint64 eta = rate > 0 ? qint64((total - s.step) / rate) : -1;
    m_elapsedLabel->setText(tr("elapsed %1").arg(minutes(qint64(s.elapsedSec))));
    m_etaLabel->setText(eta >= 0 ? tr("ETA %1").arg(minutes(eta)) : tr("ETA –"));
    m_progress->setValue(int(std::min<qint64>(s.step, total)));
}

void TrainingStatus::showScore(const ganvas::QualityScore &score)
{
    m_scoreLabel->setText(tr("FD %1").arg(QString::number(score.fd, 'g', 4)));
    m_scoreLabel->show();
}
