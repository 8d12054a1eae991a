#include "checkpoint/rundirectory.h"

#include "checkpoint/atomicfile.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
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

std::string csvRow(const StepStats &s)
{
    char buf[512];
    std::snprintf(buf, sizeof buf, "%d,%" PRId64 ",%.6g,%.6g,%.6g,%.6g,%.1f,%.6g,%.6g,%.6g,%.3f\n", s.epoch,
                  s.step, s.dLoss, s.gLoss, s.dReal, s.dFake, s.imagesPerSec, s.lrG, s.lrD, s.instanceNoise,
                  s.elapsedSec);
    return buf;
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

std::vector<StepStats> RunDirectory::readMetrics(const std::string &path)
{
    std::ifstream in(path);
    if (!in)
        throw FileWriteError(path + ": cannot open");
    std::string line;
    std::getline(in, line);
    if (line.rfind("epoch,step,d_loss,g_loss,d_real,d_fake,images_per_s", 0) != 0)
        throw FileWriteError(path + ": line 1: not a GANvas metrics header");
    std::vector<StepStats> rows;
    int lineNo = 1;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.empty())
            continue;
        StepStats s;
        const int n = std::sscanf(line.c_str(), "%d,%" SCNd64 ",%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf", &s.epoch,
                                  &s.step, &s.dLoss, &s.gLoss, &s.dReal, &s.dFake, &s.imagesPerSec, &s.lrG,
                                  &s.lrD, &s.instanceNoise, &s.elapsedSec);
        if (n < 7)
            throw FileWriteError(path + ": line " + std::to_string(lineNo) + ": malformed row");
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
