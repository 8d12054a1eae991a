#include "panels/runview.h"

#include "framescrubber.h"
#include "lossplot.h"
#include "runs/storedrun.h"
#include "samplegridview.h"
#include "scoretexts.h"
#include "support/imageconversion.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QLocale>
#include <QSplitter>
#include <QVBoxLayout>

RunView::RunView(QWidget *parent)
    : QWidget(parent), m_plot(new LossPlot), m_grid(new SampleGridView), m_scrubber(new FrameScrubber),
      m_scoreLine(new QLabel)
{
    auto *split = new QSplitter(Qt::Horizontal);
    auto *plotColumn = new QWidget;
    auto *plotLayout = new QVBoxLayout(plotColumn);
    plotLayout->setContentsMargins(0, 0, 0, 0);
    plotLayout->addWidget(m_plot, 1);
    m_scoreLine->setObjectName("scoreLine");
    m_scoreLine->setWordWrap(true);
    m_scoreLine->setTextFormat(Qt::RichText);
    m_scoreLine->setToolTip(ScoreTexts::all());
    m_scoreLine->hide();
    connect(m_scoreLine, &QLabel::linkActivated, this, [this] {
        QMessageBox::information(this, tr("What the scores mean"), ScoreTexts::all());
    });
    plotLayout->addWidget(m_scoreLine);
    split->addWidget(plotColumn);
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
    m_scoreLine->clear();
    m_scorePending = false;
    m_scoreLine->hide();
    m_plot->clear();
    m_grid->setGrid({}, 0);
    m_scrubber->clear();
}

void RunView::showStored(const StoredRun &run)
{
    clear();
    m_plot->setProbabilityOutputs(run.config.loss == "bce");
    const auto &rows = run.metrics;
    for (size_t i = 0; i < rows.size(); ++i) {
        const auto &r = rows[i];
        m_plot->addPoint(double(r.step), r.dLoss, r.gLoss, r.dReal, r.dFake);
        if (i + 1 < rows.size() && rows[i + 1].epoch != r.epoch)
            m_plot->markEpoch(double(r.step));
    }
    for (auto it = run.frames.cbegin(); it != run.frames.cend(); ++it)
        m_scrubber->addFrame(it.key(), toQImage(it.value()));
    for (const auto &score : run.scores)
        addScore(score);
    for (const auto &event : run.events)
        if (event.kind == "rollback")
            m_plot->markEvent(double(event.step), tr("rollback"));
}

void RunView::addScore(const ganvas::QualityScore &s)
{
    m_scorePending = false;
    m_plot->addScore(double(s.step), s.epoch, s.fd, s.kid, s.precision, s.recall);
    m_scoreLine->setText(tr("Epoch %1: %2 &nbsp;<a href=\"#explain\">What is this?</a>")
                             .arg(s.epoch)
                             .arg(ScoreTexts::summary(s.fd, s.kid, s.precision, s.recall).toHtmlEscaped()));
    m_scoreLine->setToolTip(tr("Measured with %1").arg(QString::fromStdString(s.featureNet)) + "\n\n" +
                            ScoreTexts::all());
    m_scoreLine->show();
}

void RunView::showScoreStatus(const ganvas::ScoreStatus &st)
{
    using Kind = ganvas::ScoreStatus::Kind;
    if (m_plot->scoreCount() > 0 && st.kind != Kind::Unavailable)
        return; // the latest score says more
    QString text;
    switch (st.kind) {
    case Kind::Preparing:
        text = tr("Preparing the quality score…");
        break;
    case Kind::TrainingNetwork:
        text = tr("Preparing the quality score: training a classifier on the dataset, pass %1 of %2 (only the "
                  "first time)").arg(st.epoch).arg(st.epochs);
        break;
    case Kind::NetworkReady:
        text = tr("The quality score's classifier is ready (test accuracy %1 %); the first score comes after "
                  "this epoch.").arg(100 * st.accuracy, 0, 'f', 1);
        break;
    case Kind::Unavailable:
        text = tr("No quality score for this run: %1").arg(QString::fromStdString(st.reason));
        break;
    }
    m_scoreLine->setText(text.toHtmlEscaped());
    m_scoreLine->show();
    m_scorePending = st.kind != Kind::Unavailable;
}

void RunView::runEnded()
{
    if (m_scorePending && m_plot->scoreCount() == 0)
        m_scoreLine->hide(); // no score is coming any more: "Preparing…" would stay there, stale
    m_scorePending = false;
}

void RunView::markRollback(qint64 step, int toEpoch)
{
    m_plot->markEvent(double(step), tr("rollback to epoch %1").arg(toEpoch));
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

void RunView::showStepGrid(int epoch, qint64 step, const QImage &grid)
{
    m_grid->setStepGrid(grid, epoch, step);
}

void RunView::showPreview(const ganvas::DatasetPreview &p)
{
    m_grid->setRealSamples(toQImage(p.grid), tr("Real samples · %1 images · %2×%3 %4")
                                                 .arg(QLocale().toString(qlonglong(p.count)))
                                                 .arg(p.width)
                                                 .arg(p.height)
                                                 .arg(p.channels == 3 ? tr("colour") : tr("grey")));
}
