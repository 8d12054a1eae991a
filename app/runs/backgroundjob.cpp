#include "runs/backgroundjob.h"

#include <QThreadPool>

QThreadPool &backgroundPool()
{
    // Four comparison runs, the main window's run, an export and a fetch at once, with room.
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(16);
        return p;
    }();
    return *pool;
}
