#include "panels/discriminatorpanel.h"

#include "scorehistogram.h"
#include "support/imageconversion.h"

#include <QGridLayout>
#include <QLabel>
#include <QPixmap>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace {

// The four extreme images, in the order DiscriminatorPanel shows them.
QStringList extremeNames()
{
    return {DiscriminatorPanel::tr("Real, most real"), DiscriminatorPanel::tr("Real, most fake"),
            DiscriminatorPanel::tr("Fake, most real"), DiscriminatorPanel::tr("Fake, most fake")};
}

double mean(const std::vector<double> &v)
{
    return v.empty() ? 0 : std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
}

} // namespace

void DiscriminatorAdvisor::addView(const ganvas::DiscriminatorView &v)
{
    if (v.realScores.empty() || v.fakeScores.empty())
        return;
    const double lowestReal = *std::min_element(v.realScores.begin(), v.realScores.end());
    const double highestFake = *std::max_element(v.fakeScores.begin(), v.fakeScores.end());
    // Told apart: every real above every fake, or (bce) D sure the fakes are fake (their mean
    // verdict under 0.1, where G's gradient fades) and the reals well above them (0.6 or more);
    // a balanced run keeps both near 0.5.
    const double realMean = mean(v.realScores), fakeMean = mean(v.fakeScores);
    const bool apart = lowestReal > highestFake || (v.probability && fakeMean < 0.1 && realMean - fakeMean >= 0.6);
    m_apart.push_back(apart);
    while (int(m_apart.size()) > kWinningViews)
        m_apart.pop_front();
}

void DiscriminatorAdvisor::addScore(const ganvas::QualityScore &score)
{
    m_recall = score.recall;
    m_bestRecall = std::max(m_bestRecall, score.recall);
    m_scoreEpoch = score.epoch;
}

void DiscriminatorAdvisor::clear()
{
    m_apart.clear();
    m_recall = m_bestRecall = -1;
    m_scoreEpoch = 0;
}

bool DiscriminatorAdvisor::dWins() const
{
    return int(m_apart.size()) == kWinningViews && std::all_of(m_apart.begin(), m_apart.end(), [](bool a) { return a; });
}

bool DiscriminatorAdvisor::varietyLost() const
{
    // Recall fallen to under half its best, once it had reached 5 %: kinds of real image the
    // fakes covered before have no fake near them any more. (A low recall from the start is
    // normal for the fully connected presets in their first epochs: not a collapse.)
    return m_bestRecall >= 0.05 && m_recall >= 0 && m_recall < 0.5 * m_bestRecall;
}

QString DiscriminatorAdvisor::advice() const
{
    QStringList out;
    if (dWins())
        out << tr("D is winning: for a while now it has told every fake from the real images, so its "
                           "verdicts give G little to learn from. Try a lower learning rate for D, label smoothing "
                           "(0.1) or instance noise.");
    if (varietyLost())
        out << tr("G's samples lose variety (recall %1, down from %2): kinds of real image it made before "
                           "have no fake like them now. That is mode collapse. Try a lower learning rate for G, the hinge or wgan-gp "
                           "loss, or go back to an earlier checkpoint.")
                   .arg(m_recall, 0, 'f', 2)
                   .arg(m_bestRecall, 0, 'f', 2);
    return out.join(QStringLiteral("\n\n"));
}

DiscriminatorPanel::DiscriminatorPanel(QWidget *parent) : QWidget(parent)
{
    auto *v = new QVBoxLayout(this);
    m_status = new QLabel(tr("D's verdicts appear while a run trains."));
    m_status->setWordWrap(true);
    v->addWidget(m_status);
    m_histogram = new ScoreHistogram;
    v->addWidget(m_histogram, 1);
    auto *grid = new QGridLayout;
    const QStringList names = extremeNames();
    for (int i = 0; i < 4; ++i) {
        m_images[i] = new QLabel;
        m_images[i]->setAlignment(Qt::AlignCenter);
        m_images[i]->setMinimumSize(64, 64);
        m_captions[i] = new QLabel(names[i]);
        m_captions[i]->setAlignment(Qt::AlignHCenter);
        m_captions[i]->setWordWrap(true);
        grid->addWidget(m_images[i], 0, i);
        grid->addWidget(m_captions[i], 1, i);
    }
    v->addLayout(grid);
    m_advice = new QLabel;
    m_advice->setWordWrap(true);
    m_advice->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; color: #4a3800; border: 1px solid #e0b84c;"
                                           " border-radius: 4px; padding: 6px; }"));
    m_advice->hide();
    v->addWidget(m_advice);
}

void DiscriminatorPanel::showView(const ganvas::DiscriminatorView &view)
{
    m_advisor.addView(view);
    m_status->setText(tr("Epoch %1, step %L2: D's verdict on %3 real images and %4 fakes.")
                          .arg(view.epoch)
                          .arg(view.step)
                          .arg(view.realScores.size())
                          .arg(view.fakeScores.size()));
    m_histogram->setScores(QVector<double>(view.realScores.begin(), view.realScores.end()),
                           QVector<double>(view.fakeScores.begin(), view.fakeScores.end()), view.probability);
    const ganvas::Image8 *images[4] = {&view.mostRealReal, &view.mostFakeReal, &view.mostRealFake, &view.mostFakeFake};
    const double scores[4] = {view.mostRealRealScore, view.mostFakeRealScore, view.mostRealFakeScore,
                              view.mostFakeFakeScore};
    const QStringList names = extremeNames();
    for (int i = 0; i < 4; ++i) {
        const QImage img = toQImage(*images[i]);
        const int scale = img.isNull() ? 1 : std::max(1, 64 / std::max(1, img.width()));
        m_images[i]->setPixmap(QPixmap::fromImage(img.scaled(img.size() * scale, Qt::KeepAspectRatio,
                                                             Qt::FastTransformation)));
        m_captions[i]->setText(QStringLiteral("%1\n%2").arg(names[i]).arg(scores[i], 0, 'f', 2));
    }
    const QString advice = m_advisor.advice();
    m_advice->setText(advice);
    m_advice->setVisible(!advice.isEmpty());
}

void DiscriminatorPanel::showScore(const ganvas::QualityScore &score)
{
    m_advisor.addScore(score);
    const QString advice = m_advisor.advice();
    m_advice->setText(advice);
    m_advice->setVisible(!advice.isEmpty());
}

void DiscriminatorPanel::clear()
{
    m_advisor.clear();
    m_histogram->clear();
    for (int i = 0; i < 4; ++i)
        m_images[i]->clear();
    m_advice->hide();
    m_status->setText(tr("D's verdicts appear while a run trains."));
}

QString DiscriminatorPanel::statusText() const
{
    return m_status->text();
}

QString DiscriminatorPanel::adviceText() const
{
    return m_advice->isVisible() ? m_advice->text() : QString();
}
