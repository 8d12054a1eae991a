#include "windows/stepthroughwindow.h"

#include "panels/lessonbar.h"
#include "runs/stepthroughsession.h"
#include "scoredimagestrip.h"
#include "scorehistogram.h"
#include "support/imageconversion.h"
#include "support/messagebar.h"
#include "support/screenfit.h"
#include "support/shortcuts.h"
#include "windows/helpmenu.h"

#include <QApplication>
#include <QComboBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace {

QString num(double v)
{
    return std::isfinite(v) ? QString::number(v, 'f', 3) : QStringLiteral("–");
}

QLabel *caption(const QString &text)
{
    auto *l = new QLabel(text);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}

} // namespace

QStringList StepThroughWindow::titles()
{
    return {tr("A batch of real images"), tr("Noise z and the fakes G makes"), tr("D's verdict"),
            tr("D's update"), tr("G's update")};
}

QStringList StepThroughWindow::explanations()
{
    return {
        tr("Training never looks at the whole dataset at once: each step takes a batch, here real images picked "
           "at random. The first eight are shown. From them D learns what real looks like."),
        tr("For every image of the batch G gets a vector of random numbers, the noise z, and turns it into an "
           "image. G has never seen a real image: everything it knows comes from D's verdicts. These fakes are "
           "what D compares with the real batch."),
        tr("D scores every image, real and fake: with the bce loss, near 1 means \"real\" and near 0 \"fake\". "
           "Under each image is its score; the histograms show the whole batch, real in green and fakes in purple. "
           "D's loss is low when the green scores are high and the purple ones low."),
        tr("D's weights take one small step downhill on its loss. The same images, scored again, move apart: "
           "real ones up, fakes down (dashed in the histogram), and D's loss falls. G has not changed yet."),
        tr("Now G's weights take one step so that D would call its fakes real. The same noise z makes new images, "
           "and D, unchanged this time, scores them higher. That was one training step; a run repeats it "
           "thousands of times."),
    };
}

StepThroughWindow::StepThroughWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("GANvas — one training step, phase by phase"));
    m_session = new StepThroughSession(this);
    m_messages = new MessageBar;
    auto *central = new QWidget;
    auto *v = new QVBoxLayout(central);
    v->addWidget(m_messages);
    m_lessonBar = new LessonBar;
    v->addWidget(m_lessonBar);

    m_title = new QLabel;
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
    v->addWidget(m_title);
    auto *chips = new QHBoxLayout;
    const QStringList names = titles();
    for (int i = 0; i < names.size(); ++i) {
        auto *chip = new QLabel(QStringLiteral("%1  %2").arg(i + 1).arg(names[i]));
        chip->setMargin(4);
        chips->addWidget(chip);
        m_chips.append(chip);
    }
    chips->addStretch(1);
    v->addLayout(chips);
    m_source = new QLabel;
    m_source->setWordWrap(true);
    v->addWidget(m_source);

    auto *body = new QHBoxLayout;
    auto *images = new QVBoxLayout;
    m_realCaption = caption(tr("Real images, with D's verdict"));
    m_fakeCaption = caption(tr("Fakes G(z), with D's verdict"));
    m_afterCaption = caption(tr("After G's update: new fakes from the same z"));
    m_real = new ScoredImageStrip;
    m_fake = new ScoredImageStrip;
    m_after = new ScoredImageStrip;
    for (auto [c, s] : {std::pair{m_realCaption, m_real}, std::pair{m_fakeCaption, m_fake}, std::pair{m_afterCaption, m_after}}) {
        images->addWidget(c);
        images->addWidget(s, 1);
    }
    body->addLayout(images, 3);
    auto *side = new QVBoxLayout;
    m_explanation = new QLabel;
    m_explanation->setWordWrap(true);
    QFont readable = m_explanation->font();
    readable.setPointSizeF(readable.pointSizeF() * 1.15);
    m_explanation->setFont(readable);
    m_explanation->setMinimumWidth(360);
    m_explanation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    side->addWidget(m_explanation);
    m_figures = new QLabel;
    m_figures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    side->addWidget(m_figures);
    m_histogram = new ScoreHistogram;
    side->addWidget(m_histogram, 1);
    body->addLayout(side, 2);
    v->addLayout(body, 1);

    auto *controls = new QHBoxLayout;
    m_back = new QPushButton(tr("← &Back"));
    m_next = new QPushButton(tr("&Next →"));
    m_play = new QPushButton(tr("&Play"));
    m_play->setCheckable(true);
    m_back->setShortcut(QKeySequence(Qt::Key_Left));
    m_next->setShortcut(QKeySequence(Qt::Key_Right));
    m_back->setToolTip(tr("The previous phase (Left arrow); nothing is trained again"));
    m_next->setToolTip(tr("The next phase (Right arrow); after the last, a new batch"));
    m_play->setToolTip(tr("Walk through the phases by itself, batch after batch"));
    m_speed = new QSlider(Qt::Horizontal);
    m_speed->setRange(1, 10);
    m_speed->setValue(3);
    m_speed->setMaximumWidth(160);
    m_speed->setToolTip(tr("Slow motion on the left, faster on the right"));
    m_halves = new QComboBox;
    m_halves->addItem(tr("Update D and G"));
    m_halves->addItem(tr("Update only D"));
    m_halves->addItem(tr("Update only G"));
    m_halves->setToolTip(tr("Which network this batch trains; the other stays exactly as it is"));
    m_newBatch = new QPushButton(tr("Ne&w batch"));
    m_newBatch->setToolTip(tr("Start again at phase 1 with another batch (the networks keep what they learnt)"));
    m_counter = new QLabel;
    controls->addWidget(m_back);
    controls->addWidget(m_next);
    controls->addSpacing(12);
    controls->addWidget(m_play);
    controls->addWidget(new QLabel(tr("Speed")));
    controls->addWidget(m_speed);
    controls->addSpacing(12);
    controls->addWidget(m_halves);
    controls->addWidget(m_newBatch);
    controls->addStretch(1);
    controls->addWidget(m_counter);
    v->addLayout(controls);
    setCentralWidget(central);

    QMenu *menu = menuBar()->addMenu(tr("&Step"));
    menu->addAction(tr("&Close window"), this, &QWidget::close)->setShortcuts(closeShortcuts());
    menu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows)->setShortcuts(quitShortcuts());
    new HelpMenu(menuBar()->addMenu(tr("&Help")), this, QT_TRANSLATE_NOOP("HelpSection", "One step, phase by phase"));

    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &StepThroughWindow::advance);
    connect(m_next, &QPushButton::clicked, this, &StepThroughWindow::advance);
    connect(m_back, &QPushButton::clicked, m_session, &StepThroughSession::back);
    connect(m_play, &QPushButton::toggled, this, &StepThroughWindow::setPlaying);
    connect(m_speed, &QSlider::valueChanged, this, [this] { setPlaying(m_play->isChecked()); });
    connect(m_newBatch, &QPushButton::clicked, this, [this] {
        m_session->newBatch(m_halves->currentIndex() == 1, m_halves->currentIndex() == 2);
    });
    connect(m_halves, &QComboBox::currentIndexChanged, this, [this](int i) { m_session->newBatch(i == 1, i == 2); });
    connect(m_session, &StepThroughSession::changed, this, &StepThroughWindow::refresh);
    connect(m_session, &StepThroughSession::failed, this, [this](const QString &message) {
        m_messages->showError(tr("The step-through could not start: %1").arg(message));
        refresh();
    });
    fitToScreen(this, QSize(1240, 720));
    refresh();
}

void StepThroughWindow::open(const ganvas::TrainingConfig &config, const QString &checkpoint)
{
    m_messages->clear();
    m_source->setText(checkpoint.isEmpty()
                          ? tr("Fresh networks with the settings of the main window (%1 on %2, batch %3).")
                                .arg(QString::fromStdString(config.model), QString::fromStdString(config.dataset))
                                .arg(config.batchSize)
                          : tr("G and D as checkpoint %1 holds them.").arg(QFileInfo(checkpoint).fileName()));
    m_session->open(config, checkpoint);
    refresh();
}

QString StepThroughWindow::phaseTitle() const
{
    return m_title->text();
}

void StepThroughWindow::setPlaying(bool playing)
{
    // Speed 1: a phase every 4 s (time to read); 10: five a second.
    const int ms = int(std::lround(4000.0 * std::pow(0.05, (m_speed->value() - 1) / 9.0)));
    if (playing)
        m_timer->start(ms);
    else
        m_timer->stop();
    const QSignalBlocker block(m_play);
    m_play->setChecked(playing);
    m_play->setText(playing ? tr("&Pause") : tr("&Play"));
}

void StepThroughWindow::advance()
{
    if (!m_session->isReady())
        return;
    if (!m_session->next()) // the last phase: on to a new batch
        m_session->newBatch(m_halves->currentIndex() == 1, m_halves->currentIndex() == 2);
}

void StepThroughWindow::hideEvent(QHideEvent *event)
{
    setPlaying(false);
    QMainWindow::hideEvent(event);
}

void StepThroughWindow::refresh()
{
    const bool ready = m_session->isReady();
    const StepThroughView s = m_session->view();
    m_back->setEnabled(ready && s.index > 0);
    m_next->setEnabled(ready);
    m_next->setText(ready && s.index + 1 == s.count ? tr("&Next batch →") : tr("&Next →"));
    m_next->setShortcut(QKeySequence(Qt::Key_Right));
    m_play->setEnabled(ready);
    m_newBatch->setEnabled(ready);
    m_halves->setEnabled(ready);
    if (!ready) {
        m_title->setText(m_session->isOpening() ? tr("Loading the data and building G and D…") : tr("Nothing open"));
        m_explanation->clear();
        return;
    }
    const int p = s.phase; // 1-5
    m_title->setText(tr("Phase %1 of %2: %3").arg(s.index + 1).arg(s.count).arg(titles()[p - 1]));
    m_explanation->setText(explanations()[p - 1] +
                           (s.onlyD ? tr("\n\nThis batch updates only D: G stays as it is.")
                            : s.onlyG ? tr("\n\nThis batch updates only G: D stays as it is.")
                                      : QString()));
    for (int i = 0; i < m_chips.size(); ++i) {
        const bool skipped = (i == 3 && s.onlyG) || (i == 4 && s.onlyD);
        const bool current = i == p - 1;
        m_chips[i]->setStyleSheet(current ? QStringLiteral("background: palette(highlight); color: palette(highlighted-text);"
                                                           " border-radius: 4px; font-weight: bold;")
                                  : skipped ? QStringLiteral("color: palette(mid);")
                                            : QString());
    }

    m_real->setImages(toQImage(s.real), s.shown);
    m_fake->setVisible(p >= 2);
    m_fakeCaption->setVisible(p >= 2);
    if (p >= 2)
        m_fake->setImages(toQImage(s.fake), s.shown);
    const bool scored = p >= 3, dUpdated = p >= 4 && !s.onlyG;
    if (scored) {
        m_real->setScores(s.realScores, dUpdated ? s.realScoresAfterD : QVector<double>(), s.probability);
        m_fake->setScores(s.fakeScores, dUpdated ? s.fakeScoresAfterD : QVector<double>(), s.probability);
        if (p == 5) { // D as it is now, and its verdict on G's new fakes dashed
            m_histogram->setScores(dUpdated ? s.realScoresAfterD : s.realScores,
                                   dUpdated ? s.fakeScoresAfterD : s.fakeScores, s.probability);
            m_histogram->setScoresAfter({}, s.fakeScoresAfterG);
        } else {
            m_histogram->setScores(s.realScores, s.fakeScores, s.probability);
            if (dUpdated)
                m_histogram->setScoresAfter(s.realScoresAfterD, s.fakeScoresAfterD);
        }
    } else {
        m_histogram->clear();
    }
    const bool gUpdated = p == 5;
    m_after->setVisible(gUpdated);
    m_afterCaption->setVisible(gUpdated);
    if (gUpdated) {
        m_after->setImages(toQImage(s.fakeAfterG), s.shown);
        m_after->setScores(s.fakeScoresAfterG, {}, s.probability);
    }
    QStringList figures;
    figures << tr("Batch of %1 images, %2 shown").arg(s.batchSize).arg(s.shown);
    if (scored)
        figures << (dUpdated ? tr("D loss %1 → %2 after D's update").arg(num(s.dLoss), num(s.dLossAfter))
                             : tr("D loss %1").arg(num(s.dLoss)));
    if (gUpdated)
        figures << tr("G loss %1 → %2 after G's update").arg(num(s.gLoss), num(s.gLossAfter));
    m_figures->setText(figures.join(QLatin1Char('\n')));
    m_counter->setText(tr("Batches trained here: %1").arg(s.batches));
    Q_EMIT shown(p);
}
