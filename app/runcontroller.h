#pragma once

#include <QObject>
#include <QThread>

class TrainerWorker;

// Owns the worker thread of one run. The destructor stops the run (which writes a
// checkpoint), quits the thread and waits for it.
class RunController : public QObject
{
    Q_OBJECT

public:
    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    TrainerWorker *worker() const { return m_worker; }
    bool isRunning() const;
    void start(const QString &configJson, const QString &runDir, const QString &checkpoint = {});
    void stopAndWait();

private:
    QThread m_thread;
    TrainerWorker *m_worker;
};
