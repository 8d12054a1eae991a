#include "comparisonexport.h"

#include "comparisonview.h"
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
        const QImage rgb = view.composeFrame(epoch).convertToFormat(QImage::Format_RGB888);
        ganvas::Image8 im;
        im.width = rgb.width();
        im.height = rgb.height();
        im.channels = 3;
        im.pixels.resize(size_t(im.width) * im.height * 3);
        for (int y = 0; y < im.height; ++y)
            std::copy_n(rgb.constScanLine(y), im.width * 3, im.pixels.data() + size_t(y) * im.width * 3);
        frames.push_back(std::move(im));
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
