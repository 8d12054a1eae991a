#include "stepthroughsession.h"

#include "data/datasetlocator.h"
#include "engine/stepthrough.h"
#include "engine/trainer.h"
#include "runs/backgroundjob.h"

#include <algorithm>

namespace {

QVector<double> toQVector(const std::vector<double> &v)
{
    return QVector<double>(v.begin(), v.end());
}

} // namespace

StepThroughSession::StepThroughSession(QObject *parent) : QObject(parent) {}

StepThroughSession::~StepThroughSession() = default;

void StepThroughSession::open(const ganvas::TrainingConfig &config, const QString &checkpoint)
{
    m_step.reset();
    m_opening = true;
    m_batches = 0;
    m_batchCounted = false;
    const int generation = ++m_generation;
    runInBackground(
        this, "step-through",
        [config, checkpoint = checkpoint.toStdString()] {
            auto c = checkpoint.empty() ? config : ganvas::Trainer::checkpointConfig(checkpoint);
            c.checkpointEvery = 0;
            c.scoreEvery = 0; // nothing here is scored or written
            const auto data = ganvas::loadDataset(c);
            return std::make_shared<ganvas::StepThrough>(c, data, checkpoint);
        },
        [this, generation](const JobOutcome<std::shared_ptr<ganvas::StepThrough>> &outcome) {
            if (generation != m_generation)
                return; // opened again meanwhile
            m_opening = false;
            if (!outcome.ok()) {
                Q_EMIT failed(outcome.error);
                return;
            }
            m_step = outcome.value;
            Q_EMIT ready();
            Q_EMIT changed();
        });
}

bool StepThroughSession::next()
{
    if (!m_step)
        return false;
    const bool moved = m_step->next();
    if (moved && m_step->atEnd() && !m_batchCounted) {
        ++m_batches; // the last phase reached the first time
        m_batchCounted = true;
    }
    if (moved)
        Q_EMIT changed();
    return moved;
}

bool StepThroughSession::back()
{
    const bool moved = m_step && m_step->back();
    if (moved)
        Q_EMIT changed();
    return moved;
}

void StepThroughSession::newBatch(bool onlyD, bool onlyG)
{
    if (!m_step)
        return;
    m_batchCounted = false;
    m_step->begin(onlyD ? ganvas::StepHalves::OnlyD : onlyG ? ganvas::StepHalves::OnlyG : ganvas::StepHalves::Both);
    Q_EMIT changed();
}

qint64 StepThroughSession::dSteps() const
{
    return m_step ? m_step->dSteps() : 0;
}

qint64 StepThroughSession::gSteps() const
{
    return m_step ? m_step->gSteps() : 0;
}

StepThroughView StepThroughSession::view() const
{
    StepThroughView v;
    if (!m_step)
        return v;
    const auto &s = m_step->state();
    const auto phases = m_step->phases();
    v.phase = int(m_step->phase());
    v.index = int(std::find(phases.begin(), phases.end(), m_step->phase()) - phases.begin());
    v.count = int(phases.size());
    v.onlyD = m_step->halves() == ganvas::StepHalves::OnlyD;
    v.onlyG = m_step->halves() == ganvas::StepHalves::OnlyG;
    v.shown = s.shown;
    v.batchSize = int(s.realScores.empty() ? m_step->trainer().config().batchSize : s.realScores.size());
    v.probability = s.probability;
    v.real = s.real;
    v.fake = s.fake;
    v.fakeAfterG = s.fakeAfterG;
    v.realScores = toQVector(s.realScores);
    v.fakeScores = toQVector(s.fakeScores);
    v.realScoresAfterD = toQVector(s.realScoresAfterD);
    v.fakeScoresAfterD = toQVector(s.fakeScoresAfterD);
    v.fakeScoresAfterG = toQVector(s.fakeScoresAfterG);
    v.dLoss = s.dLoss, v.dLossAfter = s.dLossAfter, v.gLoss = s.gLoss, v.gLossAfter = s.gLossAfter;
    v.batches = m_batches;
    return v;
}
