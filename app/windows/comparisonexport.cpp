#include "windows/comparisonexport.h"

#include "comparisonview.h"
#include "media/gifwriter.h"
#include "runs/backgroundjob.h"
#include "support/imageconversion.h"

#include <QImage>
#include <QObject>

#include <vector>

namespace {

// One frame per epoch any run has reached; throws when there is none.
std::vector<ganvas::Image8> comparisonFrames(const ComparisonView &view)
{
    const QList<int> epochs = view.epochsAvailable();
    if (epochs.isEmpty())
        throw ganvas::MediaError(QObject::tr("No epoch has a frame yet.").toStdString());
    std::vector<ganvas::Image8> frames;
    for (int epoch : epochs)
        frames.push_back(toImage8Rgb(view.composeFrame(epoch)));
    return frames;
}

void writeFrames(const std::vector<ganvas::Image8> &frames, const QString &path, int fps)
{
    ganvas::GifOptions options;
    options.fps = fps;
    ganvas::writeGif(path.toStdString(), frames, options);
}

} // namespace

bool writeComparisonGif(const ComparisonView &view, const QString &path, int fps, QString *error)
{
    try {
        writeFrames(comparisonFrames(view), path, fps);
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
}

void writeComparisonGifInBackground(const ComparisonView &view, const QString &path, int fps, QObject *context,
                                    std::function<void(const QString &error)> done)
{
    std::vector<ganvas::Image8> frames;
    try {
        frames = comparisonFrames(view);
    } catch (const std::exception &e) {
        done(QString::fromUtf8(e.what()));
        return;
    }
    runInBackground(context, "comparison GIF export", [frames = std::move(frames), path, fps] {
        writeFrames(frames, path, fps);
    }, [done = std::move(done)](const auto &outcome) { done(outcome.error); });
}
