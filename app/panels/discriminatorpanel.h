#pragma once

#include "engine/observer.h"

#include <QCoreApplication>
#include <QString>
#include <QWidget>

#include <deque>

class QLabel;
class ScoreHistogram;

// Reads D's views in a row and says in plain words when something goes wrong: D wins (it tells
// every fake from the real images for a while, so G learns nothing) or G's samples lose variety
// (recall fallen to under half its best). Pure logic, for the panel and its tests.
class DiscriminatorAdvisor
{
    Q_DECLARE_TR_FUNCTIONS(DiscriminatorAdvisor)

public:
    // Views in a row with real and fake apart before "D wins" is said (about two seconds).
    static constexpr int kWinningViews = 4;

    void addView(const ganvas::DiscriminatorView &view);
    void addScore(const ganvas::QualityScore &score);
    void clear();
    bool dWins() const;
    bool varietyLost() const;
    // The sentence to show ("" when all is well).
    QString advice() const;

private:
    std::deque<bool> m_apart; // per view: real and fake told apart
    double m_recall = -1, m_bestRecall = -1;
    int m_scoreEpoch = 0;
};

// D's view while training: histograms of D's verdicts on real images and on fakes, the real
// and the fake it finds most real and most fake, and the advisor's sentence.
class DiscriminatorPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DiscriminatorPanel(QWidget *parent = nullptr);

    void showView(const ganvas::DiscriminatorView &view);
    void showScore(const ganvas::QualityScore &score);
    void clear();
    QString adviceText() const;
    QString statusText() const;
    const DiscriminatorAdvisor &advisor() const { return m_advisor; }

private:
    ScoreHistogram *m_histogram;
    QLabel *m_images[4];
    QLabel *m_captions[4];
    QLabel *m_advice;
    QLabel *m_status;
    DiscriminatorAdvisor m_advisor;
};
