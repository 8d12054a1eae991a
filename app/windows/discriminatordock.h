#pragma once

#include <QDockWidget>
#include <QPointer>

class DiscriminatorPanel;
class TrainerWorker;

// View → D's view: the DiscriminatorPanel in a dock of the main window. The run sends D's views
// only while the dock is shown, so a hidden panel costs the training nothing.
class DiscriminatorDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit DiscriminatorDock(QWidget *parent = nullptr);

    DiscriminatorPanel *panel() const { return m_panel; }
    // The run whose views to show (each new run); the panel starts empty.
    void attach(TrainerWorker *worker);

private:
    DiscriminatorPanel *m_panel;
    QPointer<TrainerWorker> m_worker;
};
