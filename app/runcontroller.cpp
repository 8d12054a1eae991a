#include "runcontroller.h"

#include "trainerworker.h"

#include <QMetaObject>

RunController::RunController(QObject *parent) : QObject(parent), m_worker(new TrainerWorker)
{
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName("ganvas-trainer");
    m_thread.start();
}

RunController::~RunController()
{
    stopAndWait();
    m_thread.quit();
    m_thread.wait();
}

bool RunController::isRunning() const
{
    return m_worker->isRunning();
}

void RunController::start(const QString &configJson, const QString &runDir, const QString &checkpoint)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, configJson, runDir, checkpoint] {
        w->train(configJson, runDir, checkpoint);
    });
}

void RunController::stopAndWait()
{
    m_worker->requestStop();
    // The loop notices within one step; block until the queued train() call has returned.
    QMetaObject::invokeMethod(m_worker, [] {}, Qt::BlockingQueuedConnection);
}
