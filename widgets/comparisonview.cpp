#include "comparisonview.h"

#include "comparisoncomposer.h"
#include "comparisonepochbar.h"
#include "comparisongridview.h"
#include "comparisonplot.h"
#include "comparisontable.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QImageWriter>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// Colour-blind-friendly and the same order everywhere (plot, table, grids, exports).
const QColor kPalette[ComparisonView::kMaxRuns] = {
    QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c), QColor(0xff, 0x7f, 0x0e)};

// Grids as small as MNIST's would be postage stamps in an export; larger ones stay as they are.
constexpr int kMinGridSide = 64;
constexpr int kMaxGridSide = 512;

} // namespace

ComparisonView::ComparisonView(QWidget *parent)
    : QWidget(parent),
      m_gridLayout(new QHBoxLayout),
      m_emptyLabel(new QLabel(tr("Add two to four runs to compare them side by side."), this)),
      m_epochBar(new ComparisonEpochBar(this)),
      m_showReal(new QCheckBox(tr("Show real samples"), this)),
      m_plot(new ComparisonPlot(this)),
      m_table(new ComparisonTable(this))
{
    m_showReal->setObjectName("showRealSamples");
    m_showReal->setChecked(true);
    m_showReal->setToolTip(tr("Show a grid of real training images beside each run's samples"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);

    m_gridLayout->addWidget(m_emptyLabel);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_epochBar, 1);
    controls->addWidget(m_showReal);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(m_gridLayout, 1);
    topLayout->addLayout(controls);
    // The grids are the point of the view: room for them at twice their pixel size.
    top->setMinimumHeight(280);

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_plot);
    bottom->addWidget(m_table);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    // The table needs room for a label and four runs' values side by side.
    bottom->setSizes({560, 440});

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_epochBar, &ComparisonEpochBar::epochRequested, this, &ComparisonView::setCurrentEpoch);
    connect(m_epochBar, &ComparisonEpochBar::playingChanged, this, &ComparisonView::playingChanged);
    connect(m_showReal, &QCheckBox::toggled, this, [this] { updateRealShown(); });
}

int ComparisonView::addRun(const QString &title)
{
    if (m_runs.size() >= kMaxRuns)
        return -1;
    Run run;
    run.title = title;
    run.colour = nextColour();
    run.view = new ComparisonGridView(this);
    run.view->setObjectName(QStringLiteral("grid%1").arg(m_runs.size()));
    run.view->setTitle(title);
    run.view->setColour(run.colour);
    m_emptyLabel->hide();
    m_gridLayout->addWidget(run.view, 1);
    m_plot->addRun(title, run.colour);
    m_table->addRun(title, run.colour);
    m_runs.append(run);
    updateRealShown();
    updateGrids();
    return m_runs.size() - 1;
}

void ComparisonView::setRunTitle(int run, const QString &title)
{
    if (!isValid(run))
        return;
    m_runs[run].title = title;
    m_runs[run].view->setTitle(title);
    m_plot->setRunTitle(run, title);
    m_table->setRunTitle(run, title);
}

void ComparisonView::setRunStatus(int run, const QString &status)
{
    if (!isValid(run))
        return;
    m_runs[run].status = status;
    m_runs[run].view->setStatus(status);
}

void ComparisonView::removeRun(int run)
{
    if (!isValid(run))
        return;
    delete m_runs[run].view;
    m_runs.remove(run);
    m_plot->removeRun(run);
    m_table->removeRun(run);
    m_emptyLabel->setVisible(m_runs.isEmpty());
    const int last = maxEpoch();
    if (last == 0) {
        m_epoch = 0;
        m_plot->setMarkerEpoch(0);
    } else if (m_epoch > last) {
        setCurrentEpoch(last);
    }
    updateRealShown();
    updateGrids();
    updateEpochBar();
}

void ComparisonView::setFrame(int run, int epoch, const QImage &grid)
{
    if (!isValid(run) || epoch < 1 || grid.isNull())
        return;
    // Follow the latest epoch if that is where the slider was (or nothing was shown yet); a
    // lagging run's older frame must not pull the view back.
    const bool follow = !isPlaying() && m_epoch >= maxEpoch();
    m_runs[run].frames.insert(epoch, grid);
    updateEpochBar();
    if (m_epoch == 0 || (follow && maxEpoch() > m_epoch))
        setCurrentEpoch(maxEpoch());
    else
        updateGrids();
}

void ComparisonView::setRealSamples(int run, const QImage &grid)
{
    if (!isValid(run))
        return;
    m_runs[run].real = grid;
    m_runs[run].view->setRealSamples(grid);
    updateRealShown();
}

bool ComparisonView::showsRealSamples() const
{
    return m_showReal->isChecked();
}

void ComparisonView::setShowRealSamples(bool show)
{
    m_showReal->setChecked(show);
}

void ComparisonView::addLosses(int run, const QVector<double> &epochX, const QVector<double> &dLoss,
                               const QVector<double> &gLoss)
{
    if (isValid(run))
        m_plot->addLosses(run, epochX, dLoss, gLoss);
}

void ComparisonView::clearLosses(int run)
{
    if (isValid(run))
        m_plot->clearLosses(run);
}

void ComparisonView::addScore(int run, int epoch, double fd)
{
    if (isValid(run))
        m_plot->addScore(run, epoch, fd);
}

void ComparisonView::setSettings(int run, const Entries &settings)
{
    if (isValid(run))
        m_table->setSettings(run, settings);
}

void ComparisonView::setFigures(int run, const Entries &figures)
{
    if (isValid(run))
        m_table->setFigures(run, figures);
}

QList<int> ComparisonView::epochsAvailable() const
{
    QList<int> epochs;
    for (const Run &run : m_runs)
        epochs.append(run.frames.keys());
    std::sort(epochs.begin(), epochs.end());
    epochs.erase(std::unique(epochs.begin(), epochs.end()), epochs.end());
    return epochs;
}

int ComparisonView::maxEpoch() const
{
    int last = 0;
    for (const Run &run : m_runs)
        if (!run.frames.isEmpty())
            last = std::max(last, run.frames.lastKey());
    return last;
}

void ComparisonView::setCurrentEpoch(int epoch)
{
    const QList<int> epochs = epochsAvailable();
    if (epochs.isEmpty())
        return;
    epoch = std::clamp(epoch, epochs.first(), epochs.last());
    if (epoch == m_epoch) {
        // The slider may still disagree, e.g. after a clamp; keep it honest.
        m_epochBar->setCurrentEpoch(m_epoch);
        return;
    }
    m_epoch = epoch;
    updateGrids();
    m_epochBar->setCurrentEpoch(m_epoch);
    m_plot->setMarkerEpoch(m_epoch);
    Q_EMIT epochChanged(m_epoch);
}

bool ComparisonView::isPlaying() const
{
    return m_epochBar->isPlaying();
}

void ComparisonView::setPlaying(bool playing)
{
    m_epochBar->setPlaying(playing);
}

void ComparisonView::setFramesPerSecond(int fps)
{
    m_epochBar->setFramesPerSecond(fps);
}

QImage ComparisonView::composeFrame(int epoch, int gridSide) const
{
    QVector<ComparisonComposer::Cell> cells;
    for (const Run &run : m_runs) {
        ComparisonComposer::Cell cell;
        cell.title = run.title;
        cell.colour = run.colour;
        bool exact = false;
        cell.image = frameAt(run, epoch, &exact, &cell.note);
        cell.dimmed = !exact;
        cells.append(cell);
    }
    return ComparisonComposer::compose(cells, gridSide > 0 ? gridSide : defaultGridSide(),
                                       tr("epoch %1").arg(epoch));
}

QImage ComparisonView::renderSnapshot() const
{
    const int side = defaultGridSide();
    const QImage grids = composeFrame(m_epoch > 0 ? m_epoch : maxEpoch(), side);
    QImage real;
    if (anyRealSamples()) {
        QVector<ComparisonComposer::Cell> cells;
        for (const Run &run : m_runs)
            cells.append({tr("%1 (real)").arg(run.title), run.colour, run.real, false, QString(),
                          tr("No real samples")});
        // The same side as the generated grids, so that each real grid sits under its run's.
        real = ComparisonComposer::compose(cells, side, tr("real training samples"));
    }
    const int inner = std::max({grids.width(), real.width(), 960});
    // The plot and the table render through their own code paths, independent of on-screen size.
    const QImage plot = m_plot->render(inner, 360).toImage();
    const QImage table = m_table->render(inner);
    return ComparisonComposer::stack({grids, real, plot, table}, 16);
}

bool ComparisonView::exportPng(const QString &path, QString *error) const
{
    QImageWriter writer(path, "png");
    if (writer.write(renderSnapshot()))
        return true;
    if (error)
        *error = tr("Could not write %1: %2").arg(path, writer.errorString());
    return false;
}

QImage ComparisonView::displayedFrame(int run) const
{
    return isValid(run) ? m_runs[run].view->grid() : QImage();
}

QString ComparisonView::frameNote(int run) const
{
    return isValid(run) ? m_runs[run].view->note() : QString();
}

ComparisonGridView *ComparisonView::gridView(int run) const
{
    return isValid(run) ? m_runs[run].view : nullptr;
}

QCustomPlot *ComparisonView::plot() const
{
    return m_plot->customPlot();
}

QTableView *ComparisonView::table() const
{
    return m_table->table();
}

QColor ComparisonView::nextColour() const
{
    for (const QColor &colour : kPalette) {
        const bool used = std::any_of(m_runs.cbegin(), m_runs.cend(), [&](const Run &r) { return r.colour == colour; });
        if (!used)
            return colour;
    }
    return kPalette[0];
}

QImage ComparisonView::frameAt(const Run &run, int epoch, bool *exact, QString *note) const
{
    *exact = false;
    note->clear();
    auto it = run.frames.upperBound(epoch);
    if (it == run.frames.cbegin()) {
        // Nothing yet at or before epoch: a placeholder, no note needed.
        return QImage();
    }
    --it;
    *exact = it.key() == epoch;
    if (!*exact)
        *note = tr("epoch %1 not reached").arg(epoch);
    return it.value();
}

int ComparisonView::defaultGridSide() const
{
    int largest = 0;
    for (const Run &run : m_runs) {
        for (const QImage &frame : run.frames)
            largest = std::max({largest, frame.width(), frame.height()});
        largest = std::max({largest, run.real.width(), run.real.height()});
    }
    if (largest == 0)
        return 2 * kMinGridSide;
    return std::clamp(2 * largest, kMinGridSide, kMaxGridSide);
}

bool ComparisonView::anyRealSamples() const
{
    return std::any_of(m_runs.cbegin(), m_runs.cend(), [](const Run &r) { return !r.real.isNull(); });
}

void ComparisonView::updateGrids()
{
    for (const Run &run : std::as_const(m_runs)) {
        bool exact = false;
        QString note;
        const QImage frame = frameAt(run, m_epoch, &exact, &note);
        run.view->setGrid(frame, !exact, note);
    }
}

void ComparisonView::updateEpochBar()
{
    m_epochBar->setEpochs(epochsAvailable(), m_epoch);
}

void ComparisonView::updateRealShown()
{
    const bool anyReal = anyRealSamples();
    m_showReal->setEnabled(anyReal);
    // All columns alike, so that every generated grid keeps the same on-screen size.
    for (const Run &run : std::as_const(m_runs))
        run.view->setRealShown(anyReal && m_showReal->isChecked());
}
