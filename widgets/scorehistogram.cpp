#include "scorehistogram.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace {

const QColor kReal(0x1b, 0x9e, 0x4b);
const QColor kFake(0x8e, 0x3b, 0xb5);
constexpr int kBins = 20;

} // namespace

ScoreHistogram::ScoreHistogram(QWidget *parent) : QWidget(parent) {}

void ScoreHistogram::setScores(const QVector<double> &real, const QVector<double> &fake, bool probability)
{
    m_real = real;
    m_fake = fake;
    m_probability = probability;
    m_realAfter.clear();
    m_fakeAfter.clear();
    update();
}

void ScoreHistogram::setScoresAfter(const QVector<double> &real, const QVector<double> &fake)
{
    m_realAfter = real;
    m_fakeAfter = fake;
    update();
}

void ScoreHistogram::clear()
{
    m_real.clear(), m_fake.clear(), m_realAfter.clear(), m_fakeAfter.clear();
    update();
}

QVector<int> ScoreHistogram::histogram(const QVector<double> &values, double low, double high, int bins)
{
    QVector<int> counts(bins, 0);
    if (bins <= 0 || !(high > low))
        return counts;
    for (double v : values) {
        if (!std::isfinite(v))
            continue;
        const int b = std::clamp(int((v - low) / (high - low) * bins), 0, bins - 1);
        ++counts[b];
    }
    return counts;
}

void ScoreHistogram::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const int text = fontMetrics().height();
    const QRect plot = rect().adjusted(8, text + 6, -8, -(text + 8));
    p.setPen(palette().text().color());
    if (m_real.isEmpty() && m_fake.isEmpty()) {
        p.drawText(rect(), Qt::AlignCenter, tr("D's verdicts appear at phase 3"));
        return;
    }
    double low = 1e300, high = -1e300;
    for (const auto *set : {&m_real, &m_fake, &m_realAfter, &m_fakeAfter})
        for (double v : *set)
            if (std::isfinite(v))
                low = std::min(low, v), high = std::max(high, v);
    if (!(high > low))
        low -= 0.05, high += 0.05;
    // Probabilities spread over much of [0, 1] are drawn on all of it; an undecided D (every
    // verdict near 0.5, as with fresh networks) is drawn zoomed in, so that its steps show.
    const bool whole = m_probability && high - low > 0.3;
    if (whole)
        low = 0, high = 1;
    else {
        const double pad = (high - low) * 0.05;
        low -= pad, high += pad;
    }
    const auto real = histogram(m_real, low, high, kBins), fake = histogram(m_fake, low, high, kBins);
    const auto realAfter = histogram(m_realAfter, low, high, kBins), fakeAfter = histogram(m_fakeAfter, low, high, kBins);
    int most = 1;
    for (const auto *h : {&real, &fake, &realAfter, &fakeAfter})
        for (int c : *h)
            most = std::max(most, c);
    const double bw = plot.width() / double(kBins);
    auto bars = [&](const QVector<int> &h, const QColor &c, bool outline) {
        for (int i = 0; i < kBins; ++i) {
            if (h[i] == 0)
                continue;
            const double barH = plot.height() * h[i] / double(most);
            const QRectF r(plot.left() + i * bw + 1, plot.bottom() - barH, bw - 2, barH);
            if (outline) {
                p.setPen(QPen(c.darker(130), 2, Qt::DashLine));
                p.setBrush(Qt::NoBrush);
            } else {
                p.setPen(Qt::NoPen);
                p.setBrush(QColor(c.red(), c.green(), c.blue(), 140));
            }
            p.drawRect(r);
        }
    };
    bars(real, kReal, false);
    bars(fake, kFake, false);
    bars(realAfter, kReal, true);
    bars(fakeAfter, kFake, true);
    p.setPen(palette().text().color());
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    const QString lowText = whole ? tr("0: says fake") : QString::number(low, 'f', 3);
    const QString highText = whole ? tr("1: says real") : QString::number(high, 'f', 3);
    p.drawText(QRect(plot.left(), plot.bottom() + 4, plot.width(), text), Qt::AlignLeft, lowText);
    p.drawText(QRect(plot.left(), plot.bottom() + 4, plot.width(), text), Qt::AlignRight, highText);
    if (whole)
        p.drawText(QRect(plot.left(), plot.bottom() + 4, plot.width(), text), Qt::AlignHCenter, QStringLiteral("0.5"));
    else if (m_probability)
        p.drawText(QRect(plot.left(), plot.bottom() + 4, plot.width(), text), Qt::AlignHCenter,
                   tr("zoomed in: D cannot tell yet"));
    QString legend = tr("green: real images   purple: fakes");
    if (!m_realAfter.isEmpty() || !m_fakeAfter.isEmpty())
        legend += tr("   dashed: after the update");
    p.drawText(QRect(plot.left(), 2, plot.width(), text), Qt::AlignLeft, legend);
}
