#pragma once

#include <QString>

class ComparisonView;

// The comparison as an animated GIF: one frame per epoch that any run has reached, the grids
// side by side as the view composes them, written by the engine's giflib writer (temporary
// file + rename). False with *error set when there is no frame or the file cannot be written.
bool writeComparisonGif(const ComparisonView &view, const QString &path, int fps, QString *error = nullptr);
