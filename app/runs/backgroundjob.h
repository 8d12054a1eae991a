#pragma once

#include "runs/logging.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <type_traits>
#include <utility>
#include <variant>

class QThreadPool;

// The way app/ runs one-off work off the GUI thread (the 2-D lab alone keeps a thread of its
// own, runs/toylab.h): training runs, GIF exports, dataset fetches
// and previews all go through runInBackground(). The work runs on one shared thread pool; its
// result or its error comes back on the context object's thread, and not at all once the
// context is destroyed. An exception thrown by the work becomes the outcome's error and is
// logged (category ganvas.jobs): nothing fails silently.

// The pool every background job runs on (roomy: a training run holds its thread for long).
QThreadPool &backgroundPool();

template <typename T>
struct JobOutcome
{
    T value{};
    QString error; // empty when the work returned normally

    bool ok() const { return error.isEmpty(); }
};

namespace detail {

template <typename Work>
using JobValue = std::conditional_t<std::is_void_v<std::invoke_result_t<Work &>>, std::monostate,
                                    std::invoke_result_t<Work &>>;

template <typename Work>
JobOutcome<JobValue<Work>> runCaught(Work &work, const char *what)
{
    JobOutcome<JobValue<Work>> out;
    try {
        if constexpr (std::is_void_v<std::invoke_result_t<Work &>>)
            work();
        else
            out.value = work();
    } catch (const std::exception &e) {
        out.error = QString::fromUtf8(e.what());
    }
    if (!out.ok())
        qCWarning(lcJobs).noquote() << what << "failed:" << out.error;
    return out;
}

} // namespace detail

// Runs `work()` in the background; then `done(JobOutcome)` on `context`'s thread. The returned
// future lets an owner wait for the work (waitForFinished) before it goes away.
template <typename Work, typename Done>
QFuture<JobOutcome<detail::JobValue<Work>>> runInBackground(QObject *context, const char *what, Work work, Done done)
{
    using Outcome = JobOutcome<detail::JobValue<Work>>;
    QFuture<Outcome> future = QtConcurrent::run(&backgroundPool(), [work = std::move(work), what]() mutable {
        return detail::runCaught(work, what);
    });
    auto *watcher = new QFutureWatcher<Outcome>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)]() mutable {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(future);
    return future;
}
