#pragma once

#include <QGroupBox>

class QLabel;
class QPushButton;
class ToyLab;
class ToyPlaneView;

// The 2-D lab's step-through: one training step in five phases on the plane — the real points,
// then G's fakes, then D's verdict over the plane, then D's update (the verdict changes), then
// G's update (the arrows, and the fakes moving along them) — each explained. The layers shown
// follow the phase; the user's own come back when it ends. D's and G's updates are each taken
// once, the first time their phase is reached: Back only shows.
class ToyLabStepThrough : public QGroupBox
{
    Q_OBJECT

public:
    ToyLabStepThrough(ToyLab *lab, ToyPlaneView *plane, QWidget *parent = nullptr);

    void begin();
    void end();
    bool isActive() const { return m_phase > 0; }
    int phase() const { return m_phase; }
    void next();
    void back();
    static QStringList titles();
    static QStringList explanations();

Q_SIGNALS:
    void started();
    void ended();

private:
    void show(int phase);

    ToyLab *m_lab;
    ToyPlaneView *m_plane;
    int m_phase = 0;   // 1-5, 0 when not stepping through
    int m_trained = 0; // the last update phase taken for this batch (3 none, 4 D, 5 D and G)
    int m_savedLayers = 0;
    QLabel *m_title, *m_text;
    QPushButton *m_back, *m_next, *m_end;
};
