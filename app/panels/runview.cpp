#include "panels/runview.h"

#include "framescrubber.h"
#include "lossplot.h"
#include "runs/storedrun.h"
#include "samplegridview.h"
#include "support/imageconversion.h"

#include <QHBoxLayout>
#include <QLocale>
#include <QSplitter>
#include <QVBoxLayout>

RunView::RunView(QWidget *parent)
    : QWidget(parent), m_plot(new LossPlot), m_grid(new SampleGridView), m_scrubber(new FrameScrubber)
{
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_plot);
    auto *gridColumn = new QWidget;
    auto *gridLayout = new QVBoxLayout(gridColumn);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->addWidget(m_grid, 1);
    gridLayout->addWidget(m_scrubber);
    connect(m_scrubber, &FrameScrubber::currentFrameChanged, this,
            [this](int epoch, const QImage &grid) { m_grid->setGrid(grid, epoch); });
    split->addWidget(gridColumn);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({520, 420}); // room for the grid at 3x on a 1280-wide window
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

void RunView::clear()
{
    m_plot->clear();
    m_grid->setGrid({}, 0);
    m_scrubber->clear();
}

void RunView::showStored(const StoredRun &run)
{
    clear();
    const auto &rows = run.metrics;
    for (size_t i = 0; i < rows.size(); ++i) {
        const auto &r = rows[i];
        m_plot->addPoint(double(r.step), r.dLoss, r.gLoss, r.dReal, r.dFake);
        if (i + 1 < rows.size() && rows[i + 1].epoch != r.epoch)
            m_plot->markEpoch(double(r.step));
    }
    for (auto it = run.frames.cbegin(); it != run.frames.cend(); ++it)
        m_scrubber->addFrame(it.key(), toQImage(it.value()));
}

void RunView::addStats(const ganvas::StepStats &s)
{
    m_plot->addPoint(double(s.step), s.dLoss, s.gLoss, s.dReal, s.dFake);
}

void RunView::addEpoch(int epoch, qint64 step, const QImage &grid)
{
    m_scrubber->addFrame(epoch, grid); // shows it when the scrubber is at the latest frame
    if (m_scrubber->currentEpoch() != epoch && !m_scrubber->isPlaying())
        m_grid->setGrid(grid, epoch);
    m_plot->markEpoch(double(step));
}

void RunView::showPreview(const ganvas::DatasetPreview &p)
{
    m_grid->setRealSamples(toQImage(p.grid), tr("Real samples · %1 images · %2×%3 %4")
                                                 .arg(QLocale().toString(qlonglong(p.count)))
                                                 .arg(p.width)
                                                 .arg(p.height)
                                                 .arg(p.channels == 3 ? tr("colour") : tr("grey")));
}
