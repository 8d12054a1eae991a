#include "windows/toylabstepthrough.h"

#include "runs/toylab.h"
#include "toyplaneview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

QStringList ToyLabStepThrough::titles()
{
    return {tr("The real points"), tr("G's fakes"), tr("D's verdict"), tr("D's update"), tr("G's update")};
}

QStringList ToyLabStepThrough::explanations()
{
    return {
        tr("Green: points of the shape G should learn. A step takes a batch of 256 of them."),
        tr("Purple: what G makes of random noise. G never sees a green point: it learns only from D."),
        tr("The background is D's verdict on every spot of the plane: green where it would say \"real\", "
           "purple where \"fake\"."),
        tr("D takes one step: its verdict moves towards green around the real points and purple around the "
           "fakes. G has not changed."),
        tr("G takes one step: every fake moves along its arrow, towards where D says \"real\". Next starts "
           "the next batch."),
    };
}

ToyLabStepThrough::ToyLabStepThrough(ToyLab *lab, ToyPlaneView *plane, QWidget *parent)
    : QGroupBox(tr("Step through"), parent), m_lab(lab), m_plane(plane)
{
    auto *v = new QVBoxLayout(this);
    m_title = new QLabel;
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_text = new QLabel;
    m_text->setWordWrap(true);
    // Room for the longest explanation, so that Next stays under the mouse from phase to phase.
    m_text->setMinimumHeight(m_text->fontMetrics().lineSpacing() * 4);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    v->addWidget(m_title);
    v->addWidget(m_text);
    auto *row = new QHBoxLayout;
    m_back = new QPushButton(tr("← Back"));
    m_next = new QPushButton(tr("Next →"));
    m_end = new QPushButton(tr("Done"));
    m_back->setToolTip(tr("The previous phase; nothing is trained again"));
    m_next->setToolTip(tr("The next phase; D's and G's updates happen at phases 4 and 5"));
    row->addWidget(m_back);
    row->addWidget(m_next);
    row->addWidget(m_end);
    v->addLayout(row);
    connect(m_back, &QPushButton::clicked, this, &ToyLabStepThrough::back);
    connect(m_next, &QPushButton::clicked, this, &ToyLabStepThrough::next);
    connect(m_end, &QPushButton::clicked, this, &ToyLabStepThrough::end);
    hide();
}

void ToyLabStepThrough::begin()
{
    m_lab->setRunning(false);
    if (!isActive())
        m_savedLayers = m_plane->layers();
    m_trained = 3;
    QGroupBox::show();
    show(1);
    Q_EMIT started();
}

void ToyLabStepThrough::end()
{
    if (!isActive())
        return;
    m_phase = 0;
    m_plane->setLayers(m_savedLayers);
    hide();
    Q_EMIT ended();
}

void ToyLabStepThrough::next()
{
    if (m_phase == 5) { // the next batch
        m_trained = 3;
        show(1);
        return;
    }
    const int p = m_phase + 1;
    if (p == 4 && m_trained < 4) {
        m_lab->stepD();
        m_trained = 4;
    } else if (p == 5 && m_trained < 5) {
        m_lab->stepG();
        m_trained = 5;
    }
    show(p);
}

void ToyLabStepThrough::back()
{
    if (m_phase > 1)
        show(m_phase - 1);
}

void ToyLabStepThrough::show(int phase)
{
    m_phase = phase;
    // Each phase adds its layer: real; + fakes; + D's map; the same after D's step; + arrows.
    int layers = ToyPlaneView::RealPoints;
    if (phase >= 2)
        layers |= ToyPlaneView::FakePoints;
    if (phase >= 3)
        layers |= ToyPlaneView::DecisionMap;
    if (phase >= 5)
        layers |= ToyPlaneView::Gradients;
    m_plane->setLayers(layers);
    m_title->setText(tr("Phase %1 of 5: %2").arg(phase).arg(titles()[phase - 1]));
    m_text->setText(explanations()[phase - 1]);
    m_back->setEnabled(phase > 1);
    m_next->setText(phase == 5 ? tr("Next batch →") : tr("Next →"));
}
