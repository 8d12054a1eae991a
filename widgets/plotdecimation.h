#pragma once

#include <qcustomplot.h>

#include <QVector>

// Thins keys[first, last) / values to at most a few points per bucket, so that a replot stays
// cheap however long a run grows. Ranges of up to 2 * buckets points pass through unchanged.
// minMax: each bucket keeps its lowest and highest value in the order they occur (spikes stay
// visible); otherwise the bucket's mean. Non-finite values are left out.
void decimateCurve(const QVector<double> &keys, const QVector<double> &values, int first, int last, int buckets,
                   bool minMax, QVector<QCPGraphData> &out);
