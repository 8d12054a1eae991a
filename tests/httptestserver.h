#pragma once

// A small real HTTP/1.1 server on 127.0.0.1 for the download tests: serves files or bytes by
// URL path, answers `Range: bytes=N-` with 206, and can misbehave per path (a fixed error
// status, ignoring Range, closing early, sending slowly). One thread per connection,
// Connection: close. It records each request's path and Range header.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace ganvas::test {

class HttpTestServer
{
public:
    struct Fault
    {
        int status = 0;               // answer this status (404, 500, ...) instead of the file
        bool ignoreRange = false;     // always send the whole file with 200
        int64_t truncateAfter = -1;   // announce the full Content-Length, close after this many body bytes
        int64_t bytesPerSecond = 0;   // send slowly (0 = as fast as possible)
    };
    struct Request
    {
        std::string path;
        std::string range; // the Range header's value, "" when none
    };

    HttpTestServer()
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (m_listen < 0)
            throw std::runtime_error("HttpTestServer: socket failed");
        const int one = 1;
        ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0; // an ephemeral port
        socklen_t length = sizeof address;
        if (::bind(m_listen, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
            || ::listen(m_listen, 16) != 0
            || ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
            ::close(m_listen);
            throw std::runtime_error("HttpTestServer: cannot listen on 127.0.0.1");
        }
        m_port = ntohs(address.sin_port);
        m_acceptor = std::thread([this] { acceptLoop(); });
    }

    ~HttpTestServer()
    {
        m_stopping = true;
        ::shutdown(m_listen, SHUT_RDWR); // wakes accept()
        m_acceptor.join();
        ::close(m_listen);
        std::vector<std::thread> workers;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            workers.swap(m_workers);
        }
        for (auto &w : workers)
            w.join();
    }

    HttpTestServer(const HttpTestServer &) = delete;
    HttpTestServer &operator=(const HttpTestServer &) = delete;

    int port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

    void serveFile(const std::string &path, const std::string &file)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_entries[path].file = file;
        m_entries[path].bytes.clear();
    }
    void serveBytes(const std::string &path, std::string bytes)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_entries[path].file.clear();
        m_entries[path].bytes = std::move(bytes);
    }
    void setFault(const std::string &path, const Fault &fault)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_entries[path].fault = fault;
    }
    void clearFault(const std::string &path) { setFault(path, Fault{}); }

    std::vector<Request> requests() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_requests;
    }
    void clearRequests()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_requests.clear();
    }

private:
    struct Entry
    {
        std::string file;  // served from disk when set
        std::string bytes; // otherwise these
        Fault fault;
    };

    void acceptLoop()
    {
        while (!m_stopping) {
            const int client = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0) {
                if (m_stopping || (errno != EINTR && errno != ECONNABORTED))
                    return;
                continue;
            }
            std::lock_guard<std::mutex> lock(m_mutex);
            m_workers.emplace_back([this, client] {
                handle(client);
                ::close(client);
            });
        }
    }

    bool sendAll(int socket, const char *data, size_t size)
    {
        while (size > 0) {
            const ssize_t n = ::send(socket, data, size, MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            data += n;
            size -= size_t(n);
        }
        return true;
    }

    void respond(int socket, int status, const std::string &reason, const std::string &body)
    {
        const std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason
                                 + "\r\nContent-Type: text/plain\r\nContent-Length: "
                                 + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
        sendAll(socket, head.data(), head.size()) && sendAll(socket, body.data(), body.size());
    }

    static std::string reasonOf(int status)
    {
        switch (status) {
        case 404: return "Not Found";
        case 416: return "Range Not Satisfiable";
        case 500: return "Internal Server Error";
        case 503: return "Service Unavailable";
        default: return "Error";
        }
    }

    void handle(int socket)
    {
        timeval timeout {5, 0};
        ::setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        std::string head;
        if (!readHead(socket, head))
            return;
        Request request;
        if (!parseHead(head, request))
            return respond(socket, 400, "Bad Request", "bad request line\n");
        Entry entry;
        if (!record(request, entry))
            return respond(socket, 404, "Not Found", request.path + ": no such file\n");
        if (entry.fault.status)
            return respond(socket, entry.fault.status, reasonOf(entry.fault.status), "fault\n");
        if (!entry.file.empty()) {
            std::ifstream in(entry.file, std::ios::binary);
            entry.bytes.assign(std::istreambuf_iterator<char>(in), {});
        }
        serve(socket, entry, request.range);
    }

    // Up to the blank line that ends the head; false when the client stops first.
    static bool readHead(int socket, std::string &head)
    {
        char buffer[4096];
        while (head.find("\r\n\r\n") == std::string::npos && head.size() < 65536) {
            const ssize_t n = ::recv(socket, buffer, sizeof buffer, 0);
            if (n <= 0)
                return false;
            head.append(buffer, size_t(n));
        }
        return true;
    }

    // The request line's path and the Range header; false when the request line is malformed.
    static bool parseHead(const std::string &head, Request &request)
    {
        const auto firstSpace = head.find(' ');
        const auto secondSpace = head.find(' ', firstSpace + 1);
        if (firstSpace == std::string::npos || secondSpace == std::string::npos)
            return false;
        request.path = head.substr(firstSpace + 1, secondSpace - firstSpace - 1);
        std::string lower = head;
        std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
        if (const auto at = lower.find("\r\nrange:"); at != std::string::npos) {
            const auto end = head.find("\r\n", at + 2);
            request.range = head.substr(at + 8, end - at - 8);
            request.range.erase(0, request.range.find_first_not_of(' '));
        }
        return true;
    }

    // Records the request and copies what is served at its path; false when nothing is.
    bool record(const Request &request, Entry &entry)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_requests.push_back(request);
        const auto it = m_entries.find(request.path);
        if (it == m_entries.end())
            return false;
        entry = it->second;
        return true;
    }

    // The entry's bytes from the start the Range asks for (unless the fault ignores it),
    // truncated or throttled as the fault says.
    void serve(int socket, const Entry &entry, const std::string &range)
    {
        const int64_t size = int64_t(entry.bytes.size());
        int64_t start = 0;
        if (!entry.fault.ignoreRange && range.rfind("bytes=", 0) == 0) {
            start = std::stoll(range.substr(6));
            if (start >= size) {
                const std::string head = "HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */"
                                         + std::to_string(size)
                                         + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                sendAll(socket, head.data(), head.size());
                return;
            }
        }
        std::string head = start > 0 ? "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes "
                                           + std::to_string(start) + "-" + std::to_string(size - 1)
                                           + "/" + std::to_string(size) + "\r\n"
                                     : std::string("HTTP/1.1 200 OK\r\n");
        head += "Content-Type: application/octet-stream\r\nContent-Length: "
                + std::to_string(size - start) + "\r\nConnection: close\r\n\r\n";
        if (!sendAll(socket, head.data(), head.size()))
            return;
        int64_t left = size - start;
        if (entry.fault.truncateAfter >= 0)
            left = std::min(left, entry.fault.truncateAfter);
        const int64_t rate = entry.fault.bytesPerSecond;
        const int64_t chunk = rate > 0 ? std::max<int64_t>(1, rate / 20) : 65536;
        const char *p = entry.bytes.data() + start;
        while (left > 0 && !m_stopping) {
            const int64_t n = std::min(left, chunk);
            if (!sendAll(socket, p, size_t(n)))
                return;
            p += n;
            left -= n;
            if (rate > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        ::shutdown(socket, SHUT_WR);
    }

    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::thread m_acceptor;
    mutable std::mutex m_mutex;
    std::map<std::string, Entry> m_entries;
    std::vector<Request> m_requests;
    std::vector<std::thread> m_workers;
};

} // namespace ganvas::test
