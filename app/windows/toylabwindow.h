#pragma once

#include "runs/toylab.h"

#include <QElapsedTimer>
#include <QMainWindow>

class LessonBar;
class MessageBar;
class NumberField;
class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class ToyPlaneView;
class ToyLabStepThrough;

// The 2-D lab (after GAN Lab): a small GAN learning a cloud of points in the plane, drawn layer
// by layer — real points, fakes, D's verdict as a heatmap, where G's next update moves the
// fakes, G's manifold — with how many of the shape's modes the fakes cover. Start, Pause, Step,
// one half of a step (D only, G only), live learning rates; a shape of one's own drawn with
// the mouse.
class ToyLabWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit ToyLabWindow(QWidget *parent = nullptr);
    ~ToyLabWindow() override;

    ToyPlaneView *plane() const { return m_plane; }
    ToyLab *lab() const { return m_lab; }
    const ToySnapshot &lastSnapshot() const { return m_last; }
    bool hasSnapshot() const { return m_hasSnapshot; } // false again after Start over until the new one is shown
    ToyLabSettings settings() const;
    // Chooses a shape by its engine name (ring, grid, moons, spiral, drawn) and starts over.
    void setShape(const QString &shape);
    void setRunning(bool running);
    MessageBar *messages() const { return m_messages; }
    LessonBar *lessonBar() const { return m_lessonBar; }
    ToyLabStepThrough *stepThrough() const { return m_stepThrough; }
    // A lesson's start: this shape and loss, these rates, from the beginning.
    void applyLesson(const QString &shape, const QString &loss, double lrG, double lrD);
    // The coverage line as shown ("6 of 8 modes covered").
    QString coverageText() const;
    double redrawsPerSecond() const { return m_redrawsPerSecond; }

Q_SIGNALS:
    void snapshotShown(qint64 steps);

protected:
    // A closed (or hidden) lab pauses: it must not train on, unseen, taking the cores.
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *buildPanel();
    void buildActions();
    void startOver();
    void showSnapshot(const ToySnapshot &s);
    void refreshControls();
    void applyLearningRates();

    ToyLab *m_lab;
    ToyPlaneView *m_plane;
    MessageBar *m_messages;
    LessonBar *m_lessonBar;
    ToyLabStepThrough *m_stepThrough = nullptr;
    QPushButton *m_stepThroughButton = nullptr;
    QComboBox *m_shape, *m_loss;
    NumberField *m_lrG, *m_lrD;
    QPushButton *m_draw, *m_clearDrawing, *m_run, *m_stepButton, *m_stepD, *m_stepG, *m_reset;
    QLabel *m_drawHint, *m_coverage, *m_figures, *m_speed;
    QAction *m_startAction, *m_pauseAction, *m_stepAction, *m_stepDAction, *m_stepGAction, *m_resetAction;
    QList<QCheckBox *> m_layers;
    ToySnapshot m_last;
    bool m_hasSnapshot = false;
    qint64 m_paintsAtRate = 0;
    QElapsedTimer m_rateClock;
    double m_redrawsPerSecond = 0;
};
