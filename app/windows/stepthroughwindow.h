#pragma once

#include "engine/trainingconfig.h"

#include <QMainWindow>

class LessonBar;
class MessageBar;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QTimer;
class ScoreHistogram;
class ScoredImageStrip;
class StepThroughSession;

// Training → Step through one batch: one training step in five phases, each shown and explained
// — the real batch; noise z and G's fakes; D's verdict on each image and as histograms; D's
// update (the same images scored again); G's update (new fakes from the same z, and D's verdict
// on them). Next and Back move one phase; Play walks on by itself at the speed chosen; a batch can
// update both networks, or only D or only G.
class StepThroughWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit StepThroughWindow(QWidget *parent = nullptr);

    // Fresh networks from these settings, or the state of `checkpoint`.
    void open(const ganvas::TrainingConfig &config, const QString &checkpoint = {});
    StepThroughSession *session() const { return m_session; }
    MessageBar *messages() const { return m_messages; }
    LessonBar *lessonBar() const { return m_lessonBar; }
    QPushButton *nextButton() const { return m_next; }
    QPushButton *backButton() const { return m_back; }
    QPushButton *playButton() const { return m_play; }
    QLabel *explanation() const { return m_explanation; }
    QString phaseTitle() const;
    // The five explanations, in order (the user guide prints the same text).
    static QStringList explanations();
    static QStringList titles();

Q_SIGNALS:
    void shown(int phase);

protected:
    void hideEvent(QHideEvent *event) override;

private:
    void refresh();
    void advance();
    void setPlaying(bool playing);

    StepThroughSession *m_session;
    MessageBar *m_messages;
    LessonBar *m_lessonBar;
    QLabel *m_title, *m_source, *m_explanation, *m_figures, *m_counter;
    QList<QLabel *> m_chips;
    QLabel *m_realCaption, *m_fakeCaption, *m_afterCaption;
    ScoredImageStrip *m_real, *m_fake, *m_after;
    ScoreHistogram *m_histogram;
    QPushButton *m_back, *m_next, *m_play, *m_newBatch;
    QComboBox *m_halves;
    QSlider *m_speed;
    QTimer *m_timer;
};
