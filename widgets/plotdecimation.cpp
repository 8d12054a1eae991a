#include "plotdecimation.h"

#include <algorithm>
#include <cmath>

void decimateCurve(const QVector<double> &keys, const QVector<double> &values, int first, int last, int buckets,
                   bool minMax, QVector<QCPGraphData> &out)
{
    out.clear();
    const int n = last - first;
    if (n <= 0)
        return;
    if (n <= 2 * buckets) {
        out.reserve(n);
        for (int i = first; i < last; ++i)
            if (std::isfinite(values[i]))
                out.append(QCPGraphData(keys[i], values[i]));
        return;
    }
    out.reserve(minMax ? 2 * buckets : buckets);
    for (int b = 0; b < buckets; ++b) {
        const int begin = first + int(qint64(n) * b / buckets);
        const int end = first + int(qint64(n) * (b + 1) / buckets);
        if (minMax) {
            int lo = -1, hi = -1;
            for (int i = begin; i < end; ++i) {
                if (!std::isfinite(values[i]))
                    continue;
                if (lo < 0 || values[i] < values[lo])
                    lo = i;
                if (hi < 0 || values[i] > values[hi])
                    hi = i;
            }
            if (lo < 0)
                continue;
            const int a = std::min(lo, hi), c = std::max(lo, hi);
            out.append(QCPGraphData(keys[a], values[a]));
            if (c != a)
                out.append(QCPGraphData(keys[c], values[c]));
        } else {
            double sumKey = 0, sumValue = 0;
            int count = 0;
            for (int i = begin; i < end; ++i) {
                if (!std::isfinite(values[i]))
                    continue;
                sumKey += keys[i];
                sumValue += values[i];
                ++count;
            }
            if (count > 0)
                out.append(QCPGraphData(sumKey / count, sumValue / count));
        }
    }
}
