#include "windows/latentexplorerwindow.h"

#include "media/gifwriter.h"
#include "media/pngio.h"
#include "samplegridview.h"
#include "samplepicker.h"
#include "scoredimagestrip.h"
#include "support/imageconversion.h"
#include "support/messagebar.h"
#include "support/screenfit.h"
#include "support/shortcuts.h"
#include "windows/helpmenu.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace {

constexpr int kCandidates = 16;
constexpr int kDirections = 5;
constexpr int kMaxWalk = 120; // frames kept of a random walk
constexpr double kSliderRange = 3.0;

} // namespace

LatentExplorerWindow::LatentExplorerWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("GANvas — latent explorer"));
    m_messages = new MessageBar;
    auto *central = new QWidget;
    auto *v = new QVBoxLayout(central);
    v->addWidget(m_messages);
    m_source = new QLabel(tr("Open a checkpoint to explore its generator."));
    m_source->setWordWrap(true);
    v->addWidget(m_source);

    auto *top = new QHBoxLayout;
    auto *pick = new QGroupBox(tr("Pick two samples"));
    auto *pickLayout = new QVBoxLayout(pick);
    auto *hint = new QLabel(tr("Click a sample for A, right-click (or Shift+click) one for B."));
    hint->setWordWrap(true);
    pickLayout->addWidget(hint);
    m_picker = new SamplePicker;
    pickLayout->addWidget(m_picker, 1);
    m_newButton = new QPushButton(tr("&New samples"));
    pickLayout->addWidget(m_newButton);
    top->addWidget(pick, 2);

    auto *now = new QGroupBox(tr("A, moved along the directions"));
    auto *nowLayout = new QVBoxLayout(now);
    m_preview = new SampleGridView;
    nowLayout->addWidget(m_preview, 1);
    top->addWidget(now, 2);

    auto *controls = new QVBoxLayout;
    auto *walk = new QGroupBox(tr("Walk from A to B"));
    auto *walkForm = new QFormLayout(walk);
    m_how = new QComboBox;
    m_how->addItem(tr("Spherical (keeps z's length)"));
    m_how->addItem(tr("Linear (straight through)"));
    m_how->setToolTip(tr("Random z lie near a sphere; a straight line between two passes closer to the middle, "
                         "where images are often greyer"));
    walkForm->addRow(tr("&Path"), m_how);
    m_frames = new QSpinBox;
    m_frames->setRange(2, 64);
    m_frames->setValue(10);
    walkForm->addRow(tr("&Frames"), m_frames);
    m_walkButton = new QPushButton(tr("&Walk A → B"));
    walkForm->addRow(m_walkButton);
    controls->addWidget(walk);

    auto *dirs = new QGroupBox(tr("Directions"));
    auto *dirForm = new QFormLayout(dirs);
    m_directionKind = new QComboBox;
    m_directionKind->addItem(tr("Principal: where images change most"));
    m_directionKind->addItem(tr("Random"));
    dirForm->addRow(tr("K&ind"), m_directionKind);
    for (int i = 0; i < kDirections; ++i) {
        auto *s = new QSlider(Qt::Horizontal);
        s->setRange(-100, 100);
        s->setValue(0);
        s->setToolTip(tr("Move A along this direction (±3)"));
        connect(s, &QSlider::valueChanged, this, &LatentExplorerWindow::showCurrent);
        dirForm->addRow(tr("Direction %1").arg(i + 1), s);
        m_sliders.append(s);
    }
    auto *reset = new QPushButton(tr("&Reset sliders"));
    dirForm->addRow(reset);
    controls->addWidget(dirs);
    m_randomButton = new QPushButton(tr("Random w&alk"));
    m_randomButton->setCheckable(true);
    m_randomButton->setToolTip(tr("Let z wander at random from A; the frames become the walk to export"));
    controls->addWidget(m_randomButton);
    controls->addStretch(1);
    top->addLayout(controls, 2);
    v->addLayout(top, 3);

    auto *walkBox = new QGroupBox(tr("The walk"));
    auto *walkLayout = new QVBoxLayout(walkBox);
    m_strip = new ScoredImageStrip;
    walkLayout->addWidget(m_strip, 1);
    auto *exports = new QHBoxLayout;
    m_gifButton = new QPushButton(tr("Export as &GIF…"));
    m_pngButton = new QPushButton(tr("Export as PNG &strip…"));
    exports->addStretch(1);
    exports->addWidget(m_gifButton);
    exports->addWidget(m_pngButton);
    walkLayout->addLayout(exports);
    v->addWidget(walkBox, 1);
    setCentralWidget(central);

    QMenu *menu = menuBar()->addMenu(tr("&Explorer"));
    menu->addAction(tr("&Open checkpoint…"), QKeySequence::Open, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Open a checkpoint"), QDir::homePath(),
                                                          tr("Checkpoints (*.ckpt)"));
        if (!file.isEmpty())
            open(file);
    });
    menu->addSeparator();
    menu->addAction(tr("&Close window"), this, &QWidget::close)->setShortcuts(closeShortcuts());
    menu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows)->setShortcuts(quitShortcuts());
    new HelpMenu(menuBar()->addMenu(tr("&Help")), this, QT_TRANSLATE_NOOP("HelpSection", "The latent explorer"));

    m_timer = new QTimer(this);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &LatentExplorerWindow::walkStep);
    connect(m_picker, &SamplePicker::chosen, this, &LatentExplorerWindow::choose);
    connect(m_newButton, &QPushButton::clicked, this, &LatentExplorerWindow::newSamples);
    connect(m_walkButton, &QPushButton::clicked, this, &LatentExplorerWindow::walkAToB);
    connect(m_directionKind, &QComboBox::currentIndexChanged, this, &LatentExplorerWindow::refreshDirections);
    connect(reset, &QPushButton::clicked, this, [this] {
        for (QSlider *s : std::as_const(m_sliders)) {
            const QSignalBlocker block(s);
            s->setValue(0);
        }
        showCurrent();
    });
    connect(m_randomButton, &QPushButton::toggled, this, &LatentExplorerWindow::setRandomWalk);
    connect(m_gifButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export the walk as a GIF"),
                                                          QDir::home().filePath("walk.gif"), tr("GIF (*.gif)"));
        QString error;
        if (!file.isEmpty() && !exportGif(file, &error))
            m_messages->showError(error);
    });
    connect(m_pngButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export the walk as a PNG strip"),
                                                          QDir::home().filePath("walk.png"), tr("PNG (*.png)"));
        QString error;
        if (!file.isEmpty() && !exportStrip(file, &error))
            m_messages->showError(error);
    });
    for (QWidget *w : std::initializer_list<QWidget *>{m_newButton, m_walkButton, m_randomButton, m_gifButton, m_pngButton})
        w->setEnabled(false);
    fitToScreen(this, QSize(1240, 720));
}

LatentExplorerWindow::~LatentExplorerWindow() = default;

bool LatentExplorerWindow::open(const QString &checkpoint)
{
    setRandomWalk(false);
    try {
        auto space = std::make_unique<ganvas::LatentSpace>(checkpoint.toStdString());
        m_space = std::move(space);
    } catch (const std::exception &e) {
        m_messages->showError(tr("Cannot explore %1: %2").arg(checkpoint, QString::fromUtf8(e.what())));
        return false;
    }
    m_messages->clear();
    const QString file = QFileInfo(checkpoint).fileName();
    const int epochs = m_space->epochsDone();
    QString source;
    if (m_space->channels() == 1)
        source = tr("The generator of %1 after %n epoch(s); z has %2 numbers; grey images.", nullptr, epochs);
    else
        source = tr("The generator of %1 after %n epoch(s); z has %2 numbers; colour images.", nullptr, epochs);
    m_source->setText(source.arg(file).arg(m_space->latentSize()));
    for (QWidget *w : std::initializer_list<QWidget *>{m_newButton, m_walkButton, m_randomButton, m_gifButton, m_pngButton})
        w->setEnabled(true);
    m_walk.clear();
    newSamples();
    refreshDirections();
    walkAToB();
    return true;
}

void LatentExplorerWindow::newSamples()
{
    if (!m_space)
        return;
    m_candidates.clear();
    for (int i = 0; i < kCandidates; ++i)
        m_candidates.push_back(m_space->randomLatent(m_seed++));
    QVector<QImage> tiles;
    for (const auto &img : m_space->render(m_candidates))
        tiles.append(toQImage(img));
    m_picker->setImages(tiles, 4);
    choose(0, 1);
}

void LatentExplorerWindow::choose(int a, int b)
{
    if (a < 0 || b < 0 || a >= int(m_candidates.size()) || b >= int(m_candidates.size()))
        return;
    m_a = a;
    m_b = b;
    m_picker->setChosen(a, b);
    m_randomZ.clear();
    showCurrent();
}

void LatentExplorerWindow::refreshDirections()
{
    if (!m_space)
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    m_directions = m_directionKind->currentIndex() == 0 ? m_space->principalDirections(kDirections)
                                                        : m_space->randomDirections(kDirections, m_seed++);
    QApplication::restoreOverrideCursor();
    showCurrent();
}

void LatentExplorerWindow::setSlider(int direction, double amount)
{
    if (direction >= 0 && direction < m_sliders.size())
        m_sliders[direction]->setValue(int(std::lround(amount / kSliderRange * 100)));
}

void LatentExplorerWindow::showCurrent()
{
    if (!m_space || m_candidates.empty())
        return;
    std::vector<double> amounts;
    for (QSlider *s : std::as_const(m_sliders))
        amounts.push_back(s->value() / 100.0 * kSliderRange);
    const auto &base = m_randomZ.empty() ? m_candidates[size_t(m_a)] : m_randomZ;
    const auto z = ganvas::LatentSpace::move(base, m_directions, amounts);
    m_current = toQImage(m_space->render({z})[0]);
    m_preview->setRealSamples(m_current, m_randomZ.empty() ? tr("A") : tr("Random walk from A"));
}

void LatentExplorerWindow::walkAToB()
{
    if (!m_space)
        return;
    setRandomWalk(false);
    const auto how = m_how->currentIndex() == 0 ? ganvas::Interpolation::Spherical : ganvas::Interpolation::Linear;
    m_walk = ganvas::LatentSpace::interpolate(m_candidates[size_t(m_a)], m_candidates[size_t(m_b)], m_frames->value(), how);
    showWalk();
}

void LatentExplorerWindow::showWalk()
{
    if (!m_space || m_walk.empty())
        return;
    // At most 16 frames on screen, evenly picked; the exports have all of them.
    std::vector<ganvas::Latent> shown;
    const size_t n = std::min<size_t>(16, m_walk.size());
    for (size_t i = 0; i < n; ++i)
        shown.push_back(m_walk[n == 1 ? 0 : i * (m_walk.size() - 1) / (n - 1)]);
    m_strip->setImages(toQImage(ganvas::LatentSpace::strip(m_space->render(shown))), int(n));
}

void LatentExplorerWindow::setRandomWalk(bool running)
{
    {
        const QSignalBlocker block(m_randomButton);
        m_randomButton->setChecked(running);
    }
    if (running && m_space) {
        m_walk.clear();
        m_randomZ = m_candidates[size_t(m_a)];
        m_walk.push_back(m_randomZ);
        m_timer->start();
    } else {
        m_timer->stop();
    }
}

void LatentExplorerWindow::walkStep()
{
    if (!m_space || m_randomZ.empty())
        return;
    m_randomZ = m_space->randomWalk(m_randomZ, 2, 0.08, m_seed++).back();
    m_walk.push_back(m_randomZ);
    if (int(m_walk.size()) > kMaxWalk)
        m_walk.erase(m_walk.begin());
    showCurrent();
    if (m_walk.size() % 5 == 0)
        showWalk();
}

bool LatentExplorerWindow::exportGif(const QString &path, QString *error)
{
    try {
        if (!m_space || m_walk.empty())
            throw std::runtime_error(tr("there is no walk to export yet").toStdString());
        ganvas::writeGif(path.toStdString(), m_space->render(m_walk), ganvas::GifOptions{10, 4, true});
        m_messages->showInfo(tr("Wrote %1 (%2 frames)").arg(path).arg(m_walk.size()));
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = tr("Cannot write the GIF %1: %2").arg(path, QString::fromUtf8(e.what()));
        return false;
    }
}

bool LatentExplorerWindow::exportStrip(const QString &path, QString *error)
{
    try {
        if (!m_space || m_walk.empty())
            throw std::runtime_error(tr("there is no walk to export yet").toStdString());
        ganvas::writePng(path.toStdString(), ganvas::LatentSpace::strip(m_space->render(m_walk)));
        m_messages->showInfo(tr("Wrote %1 (%2 frames side by side)").arg(path).arg(m_walk.size()));
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = tr("Cannot write the PNG %1: %2").arg(path, QString::fromUtf8(e.what()));
        return false;
    }
}

void LatentExplorerWindow::hideEvent(QHideEvent *event)
{
    setRandomWalk(false);
    QMainWindow::hideEvent(event);
}
