#include "toylab.h"

#include "toy/toygan.h"

#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

#include <cmath>

namespace {

namespace toy = ganvas::toy;

constexpr int kMapSide = 56;
constexpr int kManifoldSide = 15;
constexpr int kArrows = 96;
constexpr int kRealShown = 512;
constexpr double kExtent = 1.6;
// Training between two snapshots while running: short enough for a smooth picture (about
// 20 snapshots a second when the snapshot itself is quick), long enough to train.
constexpr int kChunkMs = 40;

QVector<QPointF> toPoints(const torch::Tensor &t)
{
    const auto c = t.detach().to(torch::kFloat).contiguous();
    QVector<QPointF> out(c.size(0));
    const float *p = c.data_ptr<float>();
    for (int64_t i = 0; i < c.size(0); ++i)
        out[i] = QPointF(p[2 * i], p[2 * i + 1]);
    return out;
}

} // namespace

// Lives on the lab's thread; every call arrives there queued.
class ToyLabEngine : public QObject
{
public:
    std::function<void(const ToySnapshot &)> publish;
    std::function<void(const QString &)> fail;
    std::function<void()> ranOut; // running stopped on an error
    std::shared_ptr<std::atomic<bool>> inFlight;

    void clear()
    {
        m_running = false;
        m_gan.reset();
    }

    void reset(const ToyLabSettings &s, int generation)
    {
        clear();
        m_generation = generation;
        try {
            toy::ToySettings t;
            t.loss = s.loss.toStdString();
            t.lrG = s.lrG, t.lrD = s.lrD, t.hidden = s.hidden, t.batchSize = s.batchSize, t.seed = s.seed;
            torch::Tensor drawn;
            if (!s.drawn.isEmpty()) {
                drawn = torch::empty({static_cast<int64_t>(s.drawn.size()), 2});
                for (int i = 0; i < s.drawn.size(); ++i) {
                    drawn[i][0] = s.drawn[i].x();
                    drawn[i][1] = s.drawn[i].y();
                }
            }
            m_gan = std::make_unique<toy::ToyGan>(t, toy::parseShape(s.shape.toStdString()), drawn);
            m_real = toPoints(m_gan->realPoints(kRealShown));
        } catch (const std::exception &e) {
            m_gan.reset();
            fail(QString::fromUtf8(e.what()));
            return;
        }
        send(true);
    }

    void setRunning(bool running)
    {
        if (!m_gan)
            running = false;
        m_running = running;
        m_rate.restart();
        m_rateSteps = m_gan ? m_gan->steps() : 0;
        m_stepsPerSecond = 0;
        if (running)
            QTimer::singleShot(0, this, [this] { chunk(); });
        else
            send(true);
    }

    void once(int half)
    {
        if (!m_gan || m_running)
            return;
        guarded([&] { half == 0 ? m_gan->step() : half == 1 ? m_gan->stepD() : m_gan->stepG(); });
        send(true);
    }

    void setLearningRates(double g, double d)
    {
        if (m_gan)
            guarded([&] { m_gan->setLearningRates(g, d); });
    }

private:
    template <typename F> void guarded(F &&f)
    {
        try {
            f();
        } catch (const std::exception &e) {
            m_running = false;
            ranOut();
            fail(QString::fromUtf8(e.what()));
        }
    }

    void chunk()
    {
        if (!m_running || !m_gan)
            return;
        QElapsedTimer t;
        t.start();
        guarded([&] {
            do
                m_gan->step();
            while (t.elapsed() < kChunkMs);
        });
        if (!m_running)
            return;
        if (m_rate.elapsed() > 500) {
            m_stepsPerSecond = double(m_gan->steps() - m_rateSteps) * 1000.0 / double(m_rate.elapsed());
            m_rate.restart();
            m_rateSteps = m_gan->steps();
        }
        send(false);
        QTimer::singleShot(0, this, [this] { chunk(); }); // commands queued meanwhile run first
    }

    // A snapshot, unless the window has not taken the last one yet (forced after a command).
    void send(bool force)
    {
        if (!m_gan || (!force && inFlight->load()))
            return;
        ToySnapshot s;
        s.generation = m_generation;
        try {
            const auto &last = m_gan->lastStep();
            s.steps = m_gan->steps();
            s.dLoss = last.dLoss, s.gLoss = last.gLoss, s.dReal = last.dReal, s.dFake = last.dFake;
            s.probability = m_gan->settings().loss == "bce";
            s.real = m_real;
            const auto fakes = m_gan->fixedFakes();
            s.fake = toPoints(fakes);
            s.extent = kExtent;
            s.mapSide = kMapSide;
            const auto map = m_gan->decisionMap(kMapSide, kExtent).contiguous();
            s.map = QVector<float>(map.data_ptr<float>(), map.data_ptr<float>() + map.numel());
            const auto some = fakes.narrow(0, 0, std::min<int64_t>(kArrows, fakes.size(0)));
            s.arrowFrom = toPoints(some);
            s.arrowBy = toPoints(m_gan->fakeGradients(some));
            s.manifoldSide = kManifoldSide;
            s.manifold = toPoints(m_gan->manifold(kManifoldSide));
            const auto c = m_gan->coverage();
            s.covered = c.covered, s.modes = c.modes;
            s.stepsPerSecond = m_running ? m_stepsPerSecond : 0;
        } catch (const std::exception &e) {
            fail(QString::fromUtf8(e.what()));
            return;
        }
        inFlight->store(true);
        publish(s);
    }

    std::unique_ptr<toy::ToyGan> m_gan;
    QVector<QPointF> m_real;
    bool m_running = false;
    int m_generation = 0;
    QElapsedTimer m_rate;
    qint64 m_rateSteps = 0;
    double m_stepsPerSecond = 0;
};

ToyLab::ToyLab(QObject *parent)
    : QObject(parent), m_thread(new QThread), m_engine(new ToyLabEngine),
      m_inFlight(std::make_shared<std::atomic<bool>>(false))
{
    qRegisterMetaType<ToySnapshot>();
    m_thread->setObjectName(QStringLiteral("2-D lab"));
    m_engine->moveToThread(m_thread);
    m_engine->inFlight = m_inFlight;
    m_engine->publish = [this](const ToySnapshot &s) {
        QMetaObject::invokeMethod(this, [this, s] { receive(s); }, Qt::QueuedConnection);
    };
    m_engine->fail = [this](const QString &message) {
        QMetaObject::invokeMethod(this, [this, message] { Q_EMIT failed(message); }, Qt::QueuedConnection);
    };
    m_engine->ranOut = [this] {
        QMetaObject::invokeMethod(this, [this] {
            if (m_running) {
                m_running = false;
                Q_EMIT runningChanged(false);
            }
        }, Qt::QueuedConnection);
    };
    m_thread->start();
}

ToyLab::~ToyLab()
{
    m_thread->quit();
    m_thread->wait();
    delete m_engine;
    delete m_thread;
}

void ToyLab::receive(const ToySnapshot &snapshot)
{
    m_inFlight->store(false);
    if (snapshot.generation == m_generation)
        Q_EMIT snapshotReady(snapshot);
}

void ToyLab::reset(const ToyLabSettings &settings)
{
    if (m_running) {
        m_running = false;
        Q_EMIT runningChanged(false);
    }
    const int generation = ++m_generation;
    QMetaObject::invokeMethod(m_engine, [e = m_engine, settings, generation] { e->reset(settings, generation); },
                              Qt::QueuedConnection);
}

void ToyLab::clear()
{
    if (m_running) {
        m_running = false;
        Q_EMIT runningChanged(false);
    }
    ++m_generation;
    QMetaObject::invokeMethod(m_engine, [e = m_engine] { e->clear(); }, Qt::QueuedConnection);
}

void ToyLab::setRunning(bool running)
{
    if (running == m_running)
        return;
    m_running = running;
    QMetaObject::invokeMethod(m_engine, [e = m_engine, running] { e->setRunning(running); }, Qt::QueuedConnection);
    Q_EMIT runningChanged(running);
}

void ToyLab::step()
{
    QMetaObject::invokeMethod(m_engine, [e = m_engine] { e->once(0); }, Qt::QueuedConnection);
}

void ToyLab::stepD()
{
    QMetaObject::invokeMethod(m_engine, [e = m_engine] { e->once(1); }, Qt::QueuedConnection);
}

void ToyLab::stepG()
{
    QMetaObject::invokeMethod(m_engine, [e = m_engine] { e->once(2); }, Qt::QueuedConnection);
}

void ToyLab::setLearningRates(double lrG, double lrD)
{
    QMetaObject::invokeMethod(m_engine, [e = m_engine, lrG, lrD] { e->setLearningRates(lrG, lrD); },
                              Qt::QueuedConnection);
}
