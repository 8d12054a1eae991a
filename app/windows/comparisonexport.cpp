#include "windows/comparisonexport.h"

#include "comparisonview.h"
#include "support/imageconversion.h"
#include "media/gifwriter.h"

#include <QImage>
#include <QObject>

#include <algorithm>
#include <vector>

bool writeComparisonGif(const ComparisonView &view, const QString &path, int fps, QString *error)
{
    const QList<int> epochs = view.epochsAvailable();
    if (epochs.isEmpty()) {
        if (error)
            *error = QObject::tr("No epoch has a frame yet.");
        return false;
    }
    std::vector<ganvas::Image8> frames;
    for (int epoch : epochs) {
        frames.push_back(toImage8Rgb(view.composeFrame(epoch)));
    }
    try {
        ganvas::GifOptions options;
        options.fps = fps;
        ganvas::writeGif(path.toStdString(), frames, options);
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}
