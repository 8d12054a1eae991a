#pragma once

#include "engine/trainingconfig.h"
#include "media/image8.h"

#include <QObject>
#include <QString>
#include <QVector>

#include <memory>

namespace ganvas {
class StepThrough;
}

// What the step-through window shows of the phase it is at (plain types: no torch above runs/).
struct StepThroughView
{
    int phase = 1;            // 1 real batch, 2 fakes, 3 D's verdict, 4 D's update, 5 G's update
    int index = 0, count = 5; // position among the phases this batch walks (4 with one half only)
    bool onlyD = false, onlyG = false;
    int shown = 0, batchSize = 0;
    bool probability = true; // D's verdicts are probabilities (bce)
    ganvas::Image8 real, fake, fakeAfterG;
    QVector<double> realScores, fakeScores, realScoresAfterD, fakeScoresAfterD, fakeScoresAfterG;
    double dLoss = 0, dLossAfter = 0, gLoss = 0, gLossAfter = 0;
    qint64 batches = 0; // batches walked through to the end so far
};

// A step-through of the settings given (fresh networks) or of a checkpoint: the engine's
// StepThrough, built in the background (the dataset is loaded there), then driven on the GUI
// thread — a phase is one batch's worth of maths, quick enough to wait for.
class StepThroughSession : public QObject
{
    Q_OBJECT

public:
    explicit StepThroughSession(QObject *parent = nullptr);
    ~StepThroughSession() override;

    // Loads the data and builds G and D (a checkpoint brings its own settings); ready() or
    // failed() follows.
    void open(const ganvas::TrainingConfig &config, const QString &checkpoint = {});
    bool isReady() const { return m_step != nullptr; }
    bool isOpening() const { return m_opening; }

    bool next();
    bool back();
    // A new batch at phase 1: both halves, or only D's or only G's update.
    void newBatch(bool onlyD = false, bool onlyG = false);
    StepThroughView view() const;
    qint64 dSteps() const;
    qint64 gSteps() const;

Q_SIGNALS:
    void ready();
    void failed(const QString &message);
    void changed();

private:
    std::shared_ptr<ganvas::StepThrough> m_step;
    bool m_opening = false;
    qint64 m_batches = 0;
    bool m_batchCounted = false;
    int m_generation = 0;
};
