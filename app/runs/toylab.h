#pragma once

#include <QMetaType>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QVector>

#include <atomic>
#include <memory>

class QThread;
class ToyLabEngine;

// The 2-D lab's settings as the window edits them (the engine's ToySettings and Shape).
struct ToyLabSettings
{
    QString shape = QStringLiteral("ring"); // ring, grid, moons, spiral, drawn
    QString loss = QStringLiteral("bce");   // bce, lsgan, hinge, wgan-gp
    double lrG = 1e-3, lrD = 1e-3;
    int hidden = 128;
    int batchSize = 256;
    quint64 seed = 42;
    QVector<QPointF> drawn; // the points the user drew (shape "drawn")
};

// One picture of the lab: everything the plane view draws, computed together after a step.
struct ToySnapshot
{
    int generation = 0; // which reset it belongs to (older ones are dropped)
    qint64 steps = 0;
    double dLoss = 0, gLoss = 0, dReal = 0, dFake = 0;
    bool probability = true;      // D's map is a probability (bce); a raw score otherwise
    QVector<QPointF> real, fake;  // a fixed sample of the shape; G's points for a fixed noise
    double extent = 1.6;          // the plane shown: [-extent, extent] on both axes
    int mapSide = 0;              // D's verdict on a mapSide x mapSide grid, row 0 at the top
    QVector<float> map;
    QVector<QPointF> arrowFrom, arrowBy; // where G's update moves a subset of the fakes
    int manifoldSide = 0;                // G's image of a regular grid of noise, row by row
    QVector<QPointF> manifold;
    int covered = 0, modes = 0;  // modes of the shape the fakes cover (ring and grid)
    double stepsPerSecond = 0;   // while running
};
Q_DECLARE_METATYPE(ToySnapshot)

// The 2-D lab's GAN (the engine's toy::ToyGan) on a thread of its own. Every command is queued
// to that thread; a snapshot comes back after every command and, while running, several times a
// second — a new one only once the window took the last, so a slow screen never falls behind.
class ToyLab : public QObject
{
    Q_OBJECT

public:
    explicit ToyLab(QObject *parent = nullptr);
    ~ToyLab() override;

    // Starts over with these settings (paused); a problem comes back as failed().
    void reset(const ToyLabSettings &settings);
    // No GAN at all (nothing to learn yet); snapshots still on their way are dropped.
    void clear();
    void setRunning(bool running);
    bool isRunning() const { return m_running; }
    // One batch while paused: both halves, only D's, or only G's.
    void step();
    void stepD();
    void stepG();
    // From the next step; the rest of the settings need a reset.
    void setLearningRates(double lrG, double lrD);

Q_SIGNALS:
    void snapshotReady(const ToySnapshot &snapshot);
    void failed(const QString &message);
    void runningChanged(bool running);

private:
    void receive(const ToySnapshot &snapshot);

    QThread *m_thread = nullptr;
    ToyLabEngine *m_engine = nullptr;
    std::shared_ptr<std::atomic<bool>> m_inFlight;
    bool m_running = false;
    int m_generation = 0;
};
