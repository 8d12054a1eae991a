#pragma once

// The fixture shared by the download tests (tst_download, tst_downloadfailures): a real HTTP
// server on 127.0.0.1 serving a two-file IDX dataset "tiny", a fresh data folder per test, and
// the files' bytes and digests. A test class derives from QObject and DownloadFixture, and
// calls setUpData() from initTestCase() and setUp() from init().
#include "data/datasetfetch.h"
#include "gziptesthelpers.h"
#include "httptestserver.h"

#include <QtTest>

#include <QCryptographicHash>
#include <QTemporaryDir>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <system_error>

namespace ganvas::test {

constexpr int kImages = 200;

inline std::string be32(uint32_t v)
{
    return {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
}

// Pseudo-random pixels, so that gzip cannot shrink the file to nothing.
inline std::string idxImages(int count, uint32_t seed = 1)
{
    std::string bytes = be32(0x803) + be32(uint32_t(count)) + be32(28) + be32(28);
    for (int i = 0; i < count * 28 * 28; ++i) {
        seed = seed * 1103515245u + 12345u;
        bytes += char(seed >> 16);
    }
    return bytes;
}

inline std::string idxLabels(int count)
{
    std::string bytes = be32(0x801) + be32(uint32_t(count));
    for (int i = 0; i < count; ++i)
        bytes += char(i % 10);
    return bytes;
}

inline std::string hex(const std::string &bytes, QCryptographicHash::Algorithm algorithm)
{
    return QCryptographicHash::hash(QByteArray::fromStdString(bytes), algorithm).toHex().toStdString();
}

inline std::string readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

inline void writeFile(const std::filesystem::path &path, const std::string &bytes)
{
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

inline bool hasStaging(const std::filesystem::path &dataDir)
{
    std::error_code ec;
    for (const auto &e : std::filesystem::directory_iterator(dataDir, ec))
        if (e.path().filename().string().rfind(".staging-", 0) == 0)
            return true;
    return false;
}

class DownloadFixture
{
protected:
    void setUpData()
    {
        m_images = idxImages(kImages);
        m_labels = idxLabels(kImages);
        m_imagesGz = gzip(m_images);
        m_labelsGz = gzip(m_labels);
        QVERIFY(m_imagesGz.size() > 100000);
    }

    void setUp()
    {
        m_server = std::make_unique<HttpTestServer>();
        m_server->serveBytes("/tiny/train-images-idx3-ubyte.gz", m_imagesGz);
        m_server->serveBytes("/tiny/train-labels-idx1-ubyte.gz", m_labelsGz);
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_dataDir = std::filesystem::path(m_dir->path().toStdString()) / "data";
    }

    // "tiny" served at /tiny/<file>, with digests of the real bytes.
    DatasetSpec tinySpec() const
    {
        DatasetSpec spec{"tiny", "Tiny", "idx", kImages, 1, 28, 28, {}};
        const auto add = [&](const std::string &name, const std::string &raw, const std::string &gz) {
            DatasetFileSpec f;
            f.name = name;
            f.md5 = hex(gz, QCryptographicHash::Md5);
            f.contentSha256 = hex(raw, QCryptographicHash::Sha256);
            f.urls = {m_server->url() + "/tiny/" + name};
            spec.files.push_back(f);
        };
        add("train-images-idx3-ubyte.gz", m_images, m_imagesGz);
        add("train-labels-idx1-ubyte.gz", m_labels, m_labelsGz);
        return spec;
    }

    FetchOptions options() const
    {
        FetchOptions o;
        o.dataDir = m_dataDir.string();
        o.connectTimeoutS = 5;
        o.lowSpeedTimeoutS = 10;
        return o;
    }

    void expectNothingInstalled()
    {
        QVERIFY2(!std::filesystem::exists(m_dataDir / "tiny"), "a half-fetched dataset was installed");
        QVERIFY2(!hasStaging(m_dataDir), "the staging folder was left behind");
    }

    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::filesystem::path m_dataDir;
    std::string m_images, m_labels, m_imagesGz, m_labelsGz;
};

} // namespace ganvas::test
