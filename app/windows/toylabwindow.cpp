#include "windows/toylabwindow.h"

#include "numberfield.h"
#include "panels/lessonbar.h"
#include "support/icons.h"
#include "support/messagebar.h"
#include "support/screenfit.h"
#include "support/shortcuts.h"
#include "toyplaneview.h"
#include "windows/toylabstepthrough.h"
#include "windows/helpmenu.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QToolBar>
#include <QVBoxLayout>

#include <cmath>

namespace {

QString number(double v)
{
    return std::isfinite(v) ? QString::number(v, 'f', 3) : QStringLiteral("–");
}

} // namespace

ToyLabWindow::ToyLabWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("GANvas — 2-D lab"));
    m_lab = new ToyLab(this);
    m_plane = new ToyPlaneView;
    m_messages = new MessageBar;
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_messages);
    m_lessonBar = new LessonBar;
    leftLayout->addWidget(m_lessonBar);
    leftLayout->addWidget(m_plane, 1);
    auto *central = new QWidget;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(left, 1);
    auto *scroll = new QScrollArea;
    scroll->setWidget(buildPanel());
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(scroll->widget()->sizeHint().width() + 20);
    layout->addWidget(scroll);
    setCentralWidget(central);
    buildActions();
    new HelpMenu(menuBar()->addMenu(tr("&Help")), this, QT_TRANSLATE_NOOP("HelpSection", "The 2-D lab"));

    connect(m_lab, &ToyLab::snapshotReady, this, &ToyLabWindow::showSnapshot);
    connect(m_lab, &ToyLab::failed, m_messages, &MessageBar::showError);
    connect(m_lab, &ToyLab::runningChanged, this, &ToyLabWindow::refreshControls);
    m_rateClock.start();
    fitToScreen(this, QSize(1180, 760));
    startOver();
}

ToyLabWindow::~ToyLabWindow() = default;

void ToyLabWindow::hideEvent(QHideEvent *event)
{
    if (!isMinimized())
        m_lab->setRunning(false);
    QMainWindow::hideEvent(event);
}

QWidget *ToyLabWindow::buildPanel()
{
    auto *panel = new QWidget;
    auto *v = new QVBoxLayout(panel);
    v->setContentsMargins(0, 0, 0, 0);

    auto *data = new QGroupBox(tr("Data"));
    auto *dataLayout = new QVBoxLayout(data);
    m_shape = new QComboBox;
    m_shape->addItem(tr("A ring of 8 Gaussians"), QStringLiteral("ring"));
    m_shape->addItem(tr("A 5 × 5 grid of Gaussians"), QStringLiteral("grid"));
    m_shape->addItem(tr("Two moons"), QStringLiteral("moons"));
    m_shape->addItem(tr("A spiral"), QStringLiteral("spiral"));
    m_shape->addItem(tr("Your own drawing"), QStringLiteral("drawn"));
    m_shape->setToolTip(tr("The real points G learns to imitate. Another shape starts over."));
    dataLayout->addWidget(m_shape);
    m_drawHint = new QLabel(tr("Hold the left mouse button and draw on the plane, then press Done drawing "
                               "or Start."));
    m_drawHint->setWordWrap(true);
    dataLayout->addWidget(m_drawHint);
    auto *drawRow = new QHBoxLayout;
    m_draw = new QPushButton(tr("&Draw"));
    m_draw->setCheckable(true);
    m_clearDrawing = new QPushButton(tr("C&lear drawing"));
    drawRow->addWidget(m_draw);
    drawRow->addWidget(m_clearDrawing);
    dataLayout->addLayout(drawRow);
    v->addWidget(data);

    auto *training = new QGroupBox(tr("Training"));
    auto *form = new QFormLayout(training);
    m_loss = new QComboBox;
    m_loss->addItem(tr("Non-saturating (bce)"), QStringLiteral("bce"));
    m_loss->addItem(tr("Least squares (lsgan)"), QStringLiteral("lsgan"));
    m_loss->addItem(tr("Hinge"), QStringLiteral("hinge"));
    m_loss->addItem(tr("Wasserstein (wgan-gp)"), QStringLiteral("wgan-gp"));
    m_loss->setToolTip(tr("What D and G are trained to minimise. Another loss starts over."));
    form->addRow(tr("L&oss"), m_loss);
    m_lrG = new NumberField;
    m_lrD = new NumberField;
    for (NumberField *f : {m_lrG, m_lrD}) {
        f->setRange(1e-7, 1.0);
        f->setValue(1e-3);
        f->setToolTip(tr("How far each step moves the weights; applies from the next step."));
    }
    form->addRow(tr("Learning rate &G"), m_lrG);
    form->addRow(tr("Learning rate D"), m_lrD);
    auto *buttons = new QGridLayout;
    m_run = new QPushButton(tr("Start"));
    m_stepButton = new QPushButton(tr("Step"));
    m_stepD = new QPushButton(tr("Train D only"));
    m_stepG = new QPushButton(tr("Train G only"));
    m_reset = new QPushButton(tr("Start over"));
    buttons->addWidget(m_run, 0, 0);
    buttons->addWidget(m_stepButton, 0, 1);
    buttons->addWidget(m_stepD, 1, 0);
    buttons->addWidget(m_stepG, 1, 1);
    m_stepThroughButton = new QPushButton(tr("Step thro&ugh"));
    m_stepThroughButton->setToolTip(tr("One step in five phases, each shown and explained"));
    buttons->addWidget(m_stepThroughButton, 2, 0);
    buttons->addWidget(m_reset, 2, 1);
    form->addRow(buttons);
    v->addWidget(training);
    m_stepThrough = new ToyLabStepThrough(m_lab, m_plane);
    v->addWidget(m_stepThrough);
    connect(m_stepThroughButton, &QPushButton::clicked, m_stepThrough, &ToyLabStepThrough::begin);

    auto *layers = new QGroupBox(tr("Show"));
    auto *layersLayout = new QVBoxLayout(layers);
    const struct { ToyPlaneView::Layer layer; QString text; QString tip; } rows[] = {
        {ToyPlaneView::RealPoints, tr("Real points (green)"), tr("A sample of the shape G should imitate")},
        {ToyPlaneView::FakePoints, tr("Fake points (purple)"), tr("What G makes from 512 fixed noise vectors")},
        {ToyPlaneView::DecisionMap, tr("D's verdict (background)"),
         tr("Green where D says \"real\", purple where it says \"fake\", white where it cannot tell")},
        {ToyPlaneView::Gradients, tr("Where G moves the fakes (arrows)"),
         tr("The direction G's next update pushes each of 96 fakes: towards what D calls real")},
        {ToyPlaneView::Manifold, tr("G's manifold (orange grid)"),
         tr("Where G sends a regular grid of noise: how G folds the plane of z onto the data")},
    };
    for (const auto &r : rows) {
        auto *box = new QCheckBox(r.text);
        box->setToolTip(r.tip);
        box->setChecked(m_plane->isLayerVisible(r.layer));
        connect(box, &QCheckBox::toggled, this, [this, layer = r.layer](bool on) { m_plane->setLayerVisible(layer, on); });
        layersLayout->addWidget(box);
        m_layers.append(box);
    }
    v->addWidget(layers);
    // While stepping through, the phase chooses the layers: the checkboxes step aside.
    connect(m_stepThrough, &ToyLabStepThrough::started, layers, &QWidget::hide);
    connect(m_stepThrough, &ToyLabStepThrough::ended, layers, &QWidget::show);

    auto *now = new QGroupBox(tr("Now"));
    auto *nowLayout = new QVBoxLayout(now);
    m_coverage = new QLabel;
    QFont big = m_coverage->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_coverage->setFont(big);
    m_coverage->setToolTip(tr("A mode is covered when enough fakes lie within three standard deviations of "
                              "its centre. Fewer than all: mode collapse."));
    m_figures = new QLabel;
    m_speed = new QLabel;
    for (QLabel *l : {m_coverage, m_figures, m_speed}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        nowLayout->addWidget(l);
    }
    v->addWidget(now);
    v->addStretch(1);

    connect(m_shape, &QComboBox::currentIndexChanged, this, [this] {
        m_draw->setChecked(settings().shape == QLatin1String("drawn") && m_plane->drawnPoints().isEmpty());
        m_plane->setDrawing(m_draw->isChecked());
        startOver();
    });
    connect(m_loss, &QComboBox::currentIndexChanged, this, &ToyLabWindow::startOver);
    connect(m_lrG, &QDoubleSpinBox::valueChanged, this, &ToyLabWindow::applyLearningRates);
    connect(m_lrD, &QDoubleSpinBox::valueChanged, this, &ToyLabWindow::applyLearningRates);
    connect(m_draw, &QPushButton::toggled, this, [this](bool on) {
        m_plane->setDrawing(on);
        if (on) {
            m_lab->setRunning(false);
        } else if (settings().shape == QLatin1String("drawn")) {
            startOver(); // train on what was drawn
        }
        refreshControls();
    });
    connect(m_clearDrawing, &QPushButton::clicked, this, [this] {
        m_plane->setDrawnPoints({});
        if (settings().shape == QLatin1String("drawn")) {
            m_draw->setChecked(true);
            startOver();
        }
    });
    connect(m_plane, &ToyPlaneView::drawnChanged, this, &ToyLabWindow::refreshControls);
    connect(m_run, &QPushButton::clicked, this, [this] { setRunning(!m_lab->isRunning()); });
    connect(m_stepButton, &QPushButton::clicked, m_lab, &ToyLab::step);
    connect(m_stepD, &QPushButton::clicked, m_lab, &ToyLab::stepD);
    connect(m_stepG, &QPushButton::clicked, m_lab, &ToyLab::stepG);
    connect(m_reset, &QPushButton::clicked, this, &ToyLabWindow::startOver);
    return panel;
}

void ToyLabWindow::buildActions()
{
    auto *bar = addToolBar(tr("Lab"));
    bar->setObjectName("labToolbar");
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QMenu *menu = menuBar()->addMenu(tr("&Lab"));
    auto add = [&](const QString &text, const QKeySequence &key, const QString &what, bool onBar, ActionIcon icon) {
        auto *a = new QAction(text, this);
        if (onBar)
            a->setIcon(actionIcon(icon));
        a->setShortcut(key);
        setActionToolTip(a, what);
        menu->addAction(a);
        if (onBar)
            bar->addAction(a);
        return a;
    };
    m_startAction = add(tr("&Start"), QKeySequence(Qt::CTRL | Qt::Key_Return), tr("Train until paused"), true,
                        ActionIcon::Start);
    m_pauseAction = add(tr("&Pause"), QKeySequence(Qt::CTRL | Qt::Key_P), tr("Stop training, keep everything"), true,
                        ActionIcon::Pause);
    m_stepAction = add(tr("S&tep"), QKeySequence(Qt::Key_F10), tr("Train one batch: D's step, then G's"), true,
                       ActionIcon::Step);
    m_stepDAction = add(tr("Train &D only"), QKeySequence(Qt::SHIFT | Qt::Key_F10),
                        tr("One step of D alone: G stays as it is"), false, ActionIcon::Step);
    m_stepGAction = add(tr("Train &G only"), QKeySequence(Qt::CTRL | Qt::Key_F10),
                        tr("One step of G alone: D stays as it is"), false, ActionIcon::Step);
    menu->addSeparator();
    m_resetAction = add(tr("Start &over"), QKeySequence(Qt::CTRL | Qt::Key_R),
                        tr("New G and D with the settings shown"), false, ActionIcon::Start);
    menu->addSeparator();
    menu->addAction(tr("&Close window"), this, &QWidget::close)->setShortcuts(closeShortcuts());
    menu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows)->setShortcuts(quitShortcuts());
    connect(m_startAction, &QAction::triggered, this, [this] { setRunning(true); });
    connect(m_pauseAction, &QAction::triggered, this, [this] { setRunning(false); });
    connect(m_stepAction, &QAction::triggered, m_lab, &ToyLab::step);
    connect(m_stepDAction, &QAction::triggered, m_lab, &ToyLab::stepD);
    connect(m_stepGAction, &QAction::triggered, m_lab, &ToyLab::stepG);
    connect(m_resetAction, &QAction::triggered, this, &ToyLabWindow::startOver);
}

ToyLabSettings ToyLabWindow::settings() const
{
    ToyLabSettings s;
    s.shape = m_shape->currentData().toString();
    s.loss = m_loss->currentData().toString();
    s.lrG = m_lrG->value();
    s.lrD = m_lrD->value();
    s.drawn = m_plane->drawnPoints();
    return s;
}

void ToyLabWindow::setShape(const QString &shape)
{
    const int i = m_shape->findData(shape);
    if (i >= 0)
        m_shape->setCurrentIndex(i);
}

void ToyLabWindow::applyLesson(const QString &shape, const QString &loss, double lrG, double lrD)
{
    const QSignalBlocker a(m_shape), b(m_loss), c(m_lrG), d(m_lrD);
    if (const int i = m_shape->findData(shape); i >= 0)
        m_shape->setCurrentIndex(i);
    if (const int i = m_loss->findData(loss); i >= 0)
        m_loss->setCurrentIndex(i);
    m_lrG->setValue(lrG);
    m_lrD->setValue(lrD);
    startOver();
}

void ToyLabWindow::setRunning(bool running)
{
    if (running)
        m_stepThrough->end();
    if (running && m_draw->isChecked())
        m_draw->setChecked(false); // train on what was drawn
    m_lab->setRunning(running);
}

void ToyLabWindow::startOver()
{
    if (m_stepThrough)
        m_stepThrough->end();
    m_hasSnapshot = false;
    m_plane->clear();
    const ToyLabSettings s = settings();
    if (s.shape == QLatin1String("drawn") && s.drawn.isEmpty()) {
        // Nothing to learn yet: say what to do instead of an error.
        m_lab->clear();
        m_coverage->setText(tr("Draw some points first"));
        m_figures->clear();
        m_speed->clear();
        refreshControls();
        return;
    }
    m_messages->clear();
    m_lab->reset(s);
    refreshControls();
}

void ToyLabWindow::applyLearningRates()
{
    if (m_lrG->value() > 0 && m_lrD->value() > 0)
        m_lab->setLearningRates(m_lrG->value(), m_lrD->value());
}

QString ToyLabWindow::coverageText() const
{
    return m_coverage->text();
}

void ToyLabWindow::showSnapshot(const ToySnapshot &s)
{
    m_last = s;
    m_hasSnapshot = true;
    m_plane->setExtent(s.extent);
    m_plane->setPoints(s.real, s.fake);
    m_plane->setDecisionMap(s.map, s.mapSide, s.probability);
    m_plane->setGradients(s.arrowFrom, s.arrowBy);
    m_plane->setManifold(s.manifold, s.manifoldSide);
    if (s.modes > 0)
        m_coverage->setText(tr("%1 of %2 modes covered").arg(s.covered).arg(s.modes));
    else
        m_coverage->setText(tr("Step %L1").arg(s.steps));
    const QString verdict = s.probability ? tr("D(x) %1   D(G(z)) %2") : tr("D's score: real %1, fake %2");
    if (s.steps == 0)
        m_figures->setText(tr("Step 0: nothing trained yet. Press Start, or Step for one batch."));
    else
        m_figures->setText((s.modes > 0 ? tr("Step %L1").arg(s.steps) + QLatin1Char('\n') : QString()) +
                           tr("D loss %1   G loss %2").arg(number(s.dLoss), number(s.gLoss)) + QLatin1Char('\n') +
                           verdict.arg(number(s.dReal), number(s.dFake)));
    const qint64 ms = m_rateClock.elapsed();
    if (ms > 1000) {
        m_redrawsPerSecond = double(m_plane->paintCount() - m_paintsAtRate) * 1000.0 / double(ms);
        m_paintsAtRate = m_plane->paintCount();
        m_rateClock.restart();
    }
    m_speed->setText(m_lab->isRunning() ? tr("%L1 steps a second, %L2 pictures a second")
                                              .arg(s.stepsPerSecond, 0, 'f', 0)
                                              .arg(m_redrawsPerSecond, 0, 'f', 0)
                                        : tr("Paused"));
    Q_EMIT snapshotShown(s.steps);
}

void ToyLabWindow::refreshControls()
{
    const bool running = m_lab->isRunning();
    const bool drawnShape = settings().shape == QLatin1String("drawn");
    const bool canTrain = !(drawnShape && m_plane->drawnPoints().isEmpty());
    m_run->setText(running ? tr("Pause") : tr("Start"));
    m_run->setEnabled(canTrain);
    m_startAction->setEnabled(canTrain && !running);
    m_pauseAction->setEnabled(running);
    for (QWidget *w : std::initializer_list<QWidget *>{m_stepButton, m_stepD, m_stepG})
        w->setEnabled(canTrain && !running);
    for (QAction *a : {m_stepAction, m_stepDAction, m_stepGAction})
        a->setEnabled(canTrain && !running);
    m_stepThroughButton->setEnabled(canTrain && !running);
    m_draw->setText(m_draw->isChecked() ? tr("&Done drawing") : tr("&Draw"));
    m_drawHint->setVisible(drawnShape);
    m_draw->setVisible(drawnShape);
    m_clearDrawing->setVisible(drawnShape);
    m_clearDrawing->setEnabled(!m_plane->drawnPoints().isEmpty());
    if (drawnShape && m_draw->isChecked())
        m_coverage->setText(m_plane->drawnPoints().isEmpty()      ? tr("Draw some points first")
                            : m_plane->drawnPoints().size() == 1 ? tr("1 point drawn")
                                                                 : tr("%L1 points drawn").arg(m_plane->drawnPoints().size()));
    if (!running)
        m_speed->setText(tr("Paused"));
}
