#pragma once

#include <QString>

#include <functional>

class ComparisonView;
class QObject;

// The comparison as an animated GIF: one frame per epoch that any run has reached, the grids
// side by side as the view composes them, written by the engine's giflib writer (temporary
// file + rename). False with *error set when there is no frame or the file cannot be written.
bool writeComparisonGif(const ComparisonView &view, const QString &path, int fps, QString *error = nullptr);

// The same as a background job: the frames are composed here (the view draws them), the
// encoding and writing happen off the GUI thread, and `done(error)` runs on `context`'s thread
// after it ("" when the file was written).
void writeComparisonGifInBackground(const ComparisonView &view, const QString &path, int fps, QObject *context,
                                    std::function<void(const QString &error)> done);
