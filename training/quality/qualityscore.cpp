#include "quality/qualityscore.h"

#include "data/readlimits.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace ganvas {

namespace {

std::string show(double v)
{
    std::ostringstream s;
    s << std::setprecision(6) << v;
    return s.str();
}

} // namespace

std::string ScoreStatus::text() const
{
    char line[200];
    switch (kind) {
    case Kind::Preparing:
        return "Preparing the quality score (" + what + ")";
    case Kind::TrainingNetwork:
        std::snprintf(line, sizeof line,
                      "Preparing the quality score: training its classifier, epoch %d of %d (once per dataset)", epoch,
                      epochs);
        return line;
    case Kind::NetworkReady:
        std::snprintf(line, sizeof line, "The quality score's classifier is ready (test accuracy %.1f %%)",
                      100 * accuracy);
        return line;
    case Kind::Unavailable:
        return "No quality score for this run: " + reason;
    }
    return {};
}

std::string qualityCsvHeader()
{
    return "epoch,step,fd,kid,precision,recall,samples,feature_net";
}

std::string qualityCsvRow(const QualityScore &s)
{
    std::string net = s.featureNet;
    for (char &c : net)
        if (c == ',' || c == '\n' || c == '\r')
            c = ';'; // one field, whatever the network is called
    return std::to_string(s.epoch) + "," + std::to_string(s.step) + "," + show(s.fd) + "," + show(s.kid) + "," +
           show(s.precision) + "," + show(s.recall) + "," + std::to_string(s.samples) + "," + net;
}

std::vector<QualityScore> readQualityCsv(const std::string &path)
{
    std::vector<QualityScore> rows;
    std::ifstream in(path);
    std::string line;
    std::getline(in, line); // the header
    uint64_t read = line.size();
    // Past the limit the rest is left unread, like a row that cannot be parsed.
    while (read <= limits::kMaxCsvBytes && std::getline(in, line)) {
        read += line.size() + 1;
        std::istringstream fields(line);
        QualityScore s;
        char comma = 0;
        if (!(fields >> s.epoch >> comma >> s.step >> comma >> s.fd >> comma >> s.kid >> comma >> s.precision >>
              comma >> s.recall >> comma >> s.samples >> comma))
            continue;
        if (!std::isfinite(s.fd) || !std::isfinite(s.kid))
            continue;
        std::getline(fields, s.featureNet);
        rows.push_back(s);
    }
    return rows;
}

const QualityScore *bestScore(const std::vector<QualityScore> &scores)
{
    const QualityScore *best = nullptr;
    for (const auto &s : scores)
        if (!best || s.fd < best->fd)
            best = &s;
    return best;
}

} // namespace ganvas
