#include "checkpoint/rundirectory.h"

#include "checkpoint/atomicfile.h"
#include "data/readlimits.h"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace ganvas {

namespace fs = std::filesystem;

namespace {

std::string pad(int64_t v, int width)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%0*" PRId64, width, v);
    return buf;
}

void makeFolder(const std::string &path)
{
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec || !fs::is_directory(path))
        throw FileWriteError(path + ": cannot create the folder: " + (ec ? ec.message() : "not a folder"));
}

// ",<value>", or "," alone for a value that is not finite (g_loss of a window without G step).
std::string field(double v, const char *format)
{
    char buf[64] = ",";
    if (std::isfinite(v))
        std::snprintf(buf + 1, sizeof buf - 1, format, v);
    return buf;
}

std::string csvRow(const StepStats &s)
{
    std::string row = std::to_string(s.epoch) + "," + std::to_string(s.step);
    for (double v : {s.dLoss, s.gLoss, s.dReal, s.dFake})
        row += field(v, "%.6g");
    row += field(s.imagesPerSec, "%.1f");
    for (double v : {s.lrG, s.lrD, s.instanceNoise})
        row += field(v, "%.6g");
    return row + field(s.elapsedSec, "%.3f") + "\n";
}

// The values of one metrics row, an empty field read as NaN; false when a field is not a number.
bool parseRow(const std::string &line, std::vector<double> &values)
{
    values.clear();
    std::istringstream in(line);
    std::string item;
    while (std::getline(in, item, ',')) {
        if (item.empty()) {
            values.push_back(std::nan(""));
            continue;
        }
        char *end = nullptr;
        values.push_back(std::strtod(item.c_str(), &end));
        if (end == item.c_str() || *end != '\0')
            return false;
    }
    if (!line.empty() && line.back() == ',')
        values.push_back(std::nan(""));
    return true;
}

std::string csvQuoted(const std::string &text)
{
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string q = "\"";
    for (char c : text)
        q += c == '"' ? std::string("\"\"") : std::string(1, c == '\n' ? ' ' : c);
    return q + "\"";
}

} // namespace

RunDirectory::RunDirectory(std::string root) : m_root(std::move(root))
{
    while (m_root.size() > 1 && m_root.back() == '/')
        m_root.pop_back();
    makeFolder(m_root);
    makeFolder(m_root + "/frames");
    makeFolder(m_root + "/checkpoints");
}

std::string RunDirectory::framePath(int epoch) const
{
    return m_root + "/frames/epoch-" + pad(epoch, 4) + ".png";
}

std::string RunDirectory::checkpointPath(int epochsDone, int64_t step, bool midEpoch) const
{
    std::string name = "epoch-" + pad(epochsDone, 4);
    if (midEpoch)
        name += "-step-" + pad(step, 8);
    return m_root + "/checkpoints/" + name + ".ckpt";
}

void RunDirectory::writeConfig(const std::string &json) const
{
    writeFileAtomically(configPath(), json + "\n");
}

const char *RunDirectory::metricsHeader()
{
    return "epoch,step,d_loss,g_loss,d_real,d_fake,images_per_s,lr_g,lr_d,instance_noise,elapsed_s";
}

void RunDirectory::rewriteMetrics(const std::vector<StepStats> &rows) const
{
    std::string text = std::string(metricsHeader()) + "\n";
    for (const auto &r : rows)
        text += csvRow(r);
    writeFileAtomically(metricsPath(), text);
}

void RunDirectory::appendMetric(const StepStats &row) const
{
    std::ofstream out(metricsPath(), std::ios::app);
    out << csvRow(row);
    out.flush();
    if (!out)
        throw FileWriteError(metricsPath() + ": cannot append a row");
}

void RunDirectory::appendEvent(int epoch, int64_t step, const std::string &kind, const std::string &detail) const
{
    std::error_code ec;
    const bool fresh = !fs::exists(eventsPath(), ec) || fs::file_size(eventsPath(), ec) == 0;
    const std::string row = (fresh ? std::string(eventsHeader()) + "\n" : std::string()) + std::to_string(epoch) +
                            "," + std::to_string(step) + "," + kind + "," + csvQuoted(detail) + "\n";
    std::ofstream out(eventsPath(), std::ios::app);
    out << row;
    out.flush();
    if (!out)
        throw FileWriteError(eventsPath() + ": cannot append an event");
}

void RunDirectory::rewriteQuality(const std::vector<QualityScore> &rows) const
{
    std::error_code ec;
    if (rows.empty()) {
        fs::remove(qualityPath(), ec); // scores logged after the checkpoint resumed from
        return;
    }
    std::string text = qualityCsvHeader() + "\n";
    for (const auto &r : rows)
        text += qualityCsvRow(r) + "\n";
    writeFileAtomically(qualityPath(), text);
}

void RunDirectory::appendQuality(const QualityScore &row) const
{
    std::error_code ec;
    const bool fresh = !fs::exists(qualityPath(), ec) || fs::file_size(qualityPath(), ec) == 0;
    const std::string text = (fresh ? qualityCsvHeader() + "\n" : std::string()) + qualityCsvRow(row) + "\n";
    std::ofstream out(qualityPath(), std::ios::app);
    out << text;
    out.flush();
    if (!out)
        throw FileWriteError(qualityPath() + ": cannot append a score");
}

std::vector<RunDirectory::Event> RunDirectory::readEvents(const std::string &path)
{
    std::vector<Event> events;
    std::ifstream in(path);
    std::string line;
    std::getline(in, line); // the header
    uint64_t read = line.size();
    // Past the limit the rest is left unread, like a row that cannot be parsed.
    while (read <= limits::kMaxCsvBytes && std::getline(in, line)) {
        read += line.size() + 1;
        Event e;
        std::istringstream fields(line);
        char comma = 0;
        if (!(fields >> e.epoch >> comma >> e.step >> comma) || comma != ',' || !std::getline(fields, e.kind, ','))
            continue;
        std::getline(fields, e.detail);
        // A quoted detail: drop the quotes and undouble the quotes inside.
        if (e.detail.size() >= 2 && e.detail.front() == '"' && e.detail.back() == '"') {
            std::string plain;
            for (size_t i = 1; i + 1 < e.detail.size(); ++i) {
                plain += e.detail[i];
                if (e.detail[i] == '"' && e.detail[i + 1] == '"')
                    ++i;
            }
            e.detail = plain;
        }
        events.push_back(e);
    }
    return events;
}

std::vector<StepStats> RunDirectory::readMetrics(const std::string &path)
{
    std::ifstream in(path);
    if (!in)
        throw FileWriteError(path + ": cannot open");
    if (const std::string big = limits::fileTooLarge(path, limits::kMaxCsvBytes, "metrics"); !big.empty())
        throw FileWriteError(path + ": " + big);
    std::string line;
    std::getline(in, line);
    if (line.rfind("epoch,step,d_loss,g_loss,d_real,d_fake,images_per_s", 0) != 0)
        throw FileWriteError(path + ": line 1: not a GANvas metrics header");
    std::vector<StepStats> rows;
    std::vector<double> v;
    int lineNo = 1;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.empty())
            continue;
        // The epoch and the step must fit their integers (a cast out of range is undefined).
        if (!parseRow(line, v) || v.size() < 7 || !(std::fabs(v[0]) <= 2147483647.0)
            || !(std::fabs(v[1]) <= 9.0e18))
            throw FileWriteError(path + ": line " + std::to_string(lineNo) + ": malformed row");
        v.resize(11, 0.0);
        StepStats s;
        s.epoch = int(v[0]), s.step = int64_t(v[1]), s.dLoss = v[2], s.gLoss = v[3], s.dReal = v[4];
        s.dFake = v[5], s.imagesPerSec = v[6], s.lrG = v[7], s.lrD = v[8], s.instanceNoise = v[9];
        s.elapsedSec = v[10];
        rows.push_back(s);
    }
    return rows;
}

std::vector<RunDirectory::CheckpointEntry> RunDirectory::listCheckpoints(const std::string &root)
{
    static const std::regex name(R"(epoch-(\d{4,})(?:-step-(\d+))?\.ckpt)");
    std::vector<CheckpointEntry> out;
    std::error_code ec;
    for (const auto &e : fs::directory_iterator(root + "/checkpoints", ec)) {
        std::smatch m;
        const std::string file = e.path().filename().string();
        if (!e.is_regular_file() || !std::regex_match(file, m, name))
            continue;
        CheckpointEntry c;
        c.path = e.path().string();
        c.epochsDone = std::stoi(m[1]);
        c.step = m[2].matched ? std::stoll(m[2]) : -1;
        out.push_back(c);
    }
    std::sort(out.begin(), out.end(), [](const CheckpointEntry &a, const CheckpointEntry &b) {
        return a.epochsDone != b.epochsDone ? a.epochsDone < b.epochsDone : a.step < b.step;
    });
    return out;
}

std::string RunDirectory::resolveCheckpoint(const std::string &checkpointOrRunDir)
{
    std::error_code ec;
    if (fs::is_regular_file(checkpointOrRunDir, ec))
        return checkpointOrRunDir;
    if (!fs::is_directory(checkpointOrRunDir, ec))
        throw FileWriteError(checkpointOrRunDir + ": no such checkpoint file or run directory");
    const auto list = listCheckpoints(checkpointOrRunDir);
    if (list.empty())
        throw FileWriteError(checkpointOrRunDir + ": the run directory holds no checkpoints/epoch-NNNN.ckpt");
    return list.back().path;
}

} // namespace ganvas
