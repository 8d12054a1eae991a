#pragma once

#include "data/imageset.h"
#include "engine/trainingconfig.h"
#include "media/image8.h"

#include <memory>
#include <string>
#include <vector>

// One training step taken apart for a class: a batch walked through in five phases, each
// computed the first time it is reached and kept, so that Back and Next only change what is
// shown. Over all phases exactly one batch is trained: one D step at phase 4, one G step at
// phase 5 (or only one of them). Torch-free header: the window uses it through app/runs.
namespace ganvas {

class Trainer;

enum class StepPhase { RealBatch = 1, Fakes = 2, Scores = 3, DUpdate = 4, GUpdate = 5 };
enum class StepHalves { Both, OnlyD, OnlyG };

// What the phases found, filled in as they are reached. Images: the first `shown` of the batch,
// in one row; scores: D's verdict on every image of the batch (a probability for bce, D's raw
// score otherwise), the first `shown` belonging to the images in the rows.
struct StepThroughState
{
    int shown = 0;
    bool probability = true;
    Image8 real;                               // phase 1
    Image8 fake;                               // phase 2: G(z)
    std::vector<double> realScores, fakeScores; // phase 3: D before its update
    double dLoss = 0;                          // phase 3: D's loss on them
    std::vector<double> realScoresAfterD, fakeScoresAfterD; // phase 4: the same images after D's step
    double dLossAfter = 0;
    double gLoss = 0;                          // phase 5: G's loss before its step
    Image8 fakeAfterG;                         // phase 5: G(z), the same z, after G's step
    std::vector<double> fakeScoresAfterG;      // how D scores those
    double gLossAfter = 0;
};

class StepThrough
{
public:
    // G and D as a run of `config` builds them on `data`, or restored from `checkpoint` (which
    // must belong to that config and data). Throws what Trainer throws.
    StepThrough(TrainingConfig config, const ImageSet &data, const std::string &checkpoint = {});
    ~StepThrough();

    // A new batch (random real images and noise), at phase 1. `halves` leaves out phase 5
    // (OnlyD) or phase 4 (OnlyG).
    void begin(StepHalves halves = StepHalves::Both, int shown = 8);
    StepPhase phase() const { return m_phase; }
    // Moves one phase on, computing it the first time; false at the last phase of the batch.
    bool next();
    // Moves one phase back (nothing is computed or undone); false at phase 1.
    bool back();
    bool atEnd() const;
    StepHalves halves() const { return m_halves; }
    const StepThroughState &state() const { return m_state; }
    // The phases this batch walks (1-5, without the left-out half).
    std::vector<StepPhase> phases() const;

    // Optimiser steps taken so far (for tests and the window's counter).
    int64_t dSteps() const;
    int64_t gSteps() const;
    Trainer &trainer() { return *m_trainer; }

private:
    void compute(StepPhase phase);

    struct Tensors;
    std::unique_ptr<Trainer> m_trainer;
    std::unique_ptr<Tensors> m_t;
    StepThroughState m_state;
    StepPhase m_phase = StepPhase::RealBatch;
    StepPhase m_reached = StepPhase::RealBatch;
    StepHalves m_halves = StepHalves::Both;
    int64_t m_count = 0;
};

} // namespace ganvas
