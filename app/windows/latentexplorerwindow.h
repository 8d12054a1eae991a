#pragma once

#include "engine/latentspace.h"

#include <QMainWindow>

#include <memory>

class MessageBar;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QTimer;
class SampleGridView;
class SamplePicker;
class ScoredImageStrip;

// The latent explorer: a generator from a checkpoint, and its noise space to walk through. Pick
// two samples (A and B) and see the walk between their z, linear or spherical, in N frames; move
// A along five random or principal directions with sliders; let a random walk run; export the
// walk as a GIF or a PNG strip. Grey and colour models alike.
class LatentExplorerWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit LatentExplorerWindow(QWidget *parent = nullptr);
    ~LatentExplorerWindow() override;

    // Loads G from the checkpoint; false (and the reason in the message bar) when it cannot.
    bool open(const QString &checkpoint);
    bool isOpen() const { return m_space != nullptr; }
    void choose(int a, int b);
    // The walk from A to B as the settings say; it becomes the walk shown and exported.
    void walkAToB();
    void setRandomWalk(bool running);
    void setSlider(int direction, double amount);
    bool exportGif(const QString &path, QString *error = nullptr);
    bool exportStrip(const QString &path, QString *error = nullptr);
    int walkFrames() const { return int(m_walk.size()); }
    QImage current() const { return m_current; }
    MessageBar *messages() const { return m_messages; }

protected:
    void hideEvent(QHideEvent *event) override;

private:
    void newSamples();
    void refreshDirections();
    void showCurrent();
    void showWalk();
    void walkStep();

    std::unique_ptr<ganvas::LatentSpace> m_space;
    std::vector<ganvas::Latent> m_candidates, m_directions, m_walk;
    ganvas::Latent m_randomZ;
    quint64 m_seed = 1;
    int m_a = 0, m_b = 1;
    QImage m_current;
    MessageBar *m_messages;
    QLabel *m_source;
    SamplePicker *m_picker;
    SampleGridView *m_preview;
    ScoredImageStrip *m_strip;
    QComboBox *m_how, *m_directionKind;
    QSpinBox *m_frames;
    QList<QSlider *> m_sliders;
    QPushButton *m_walkButton, *m_randomButton, *m_gifButton, *m_pngButton, *m_newButton;
    QTimer *m_timer;
};
