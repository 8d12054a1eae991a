// `ganvas-cli train --nproc N`: this very command again as N processes on this machine, joined
// through c10d (the environment torchrun would give them), and supervised: when one fails the
// others are given a moment to end on their own, then stopped.
#include "cli/commands.h"
#include "distributed/processgroup.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace ganvas {

namespace {

std::vector<std::string> g_commandLine;
std::vector<pid_t> g_children; // written before the handlers are installed

// Ctrl-C reaches the launcher alone (the processes have a process group of their own): it passes
// it on once to each, which then stop together with a checkpoint; a second one kills, as for one
// process.
void forwardSignal(int sig)
{
    for (pid_t pid : g_children)
        if (pid > 0)
            kill(pid, sig);
}

// A port nobody listens on now, for rank 0's store (the same way torchrun's standalone mode picks one).
int freePort()
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        throw std::runtime_error(std::string("--nproc: no socket for a free port: ") + std::strerror(errno));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) != 0) {
        close(fd);
        throw std::runtime_error(std::string("--nproc: could not find a free port on 127.0.0.1: ") + std::strerror(errno));
    }
    close(fd);
    return ntohs(addr.sin_port);
}

// The command line less --nproc and its value.
std::vector<std::string> childArguments()
{
    std::vector<std::string> out;
    for (size_t i = 0; i < g_commandLine.size(); ++i) {
        const std::string &a = g_commandLine[i];
        if (a == "--nproc") {
            ++i;
            continue;
        }
        if (a.rfind("--nproc=", 0) == 0)
            continue;
        out.push_back(a);
    }
    return out;
}

std::string howItEnded(int status)
{
    if (WIFSIGNALED(status))
        return std::string("was killed by signal ") + std::to_string(WTERMSIG(status)) + " (" +
               strsignal(WTERMSIG(status)) + ")";
    return "ended with exit code " + std::to_string(WEXITSTATUS(status));
}

} // namespace

std::string processPrefix()
{
    try {
        const ProcessPlace place = processPlaceFromEnvironment();
        return place.several() ? "rank " + std::to_string(place.rank) + ": " : std::string();
    } catch (const std::exception &) {
        return {}; // the environment itself is what the error is about
    }
}

void setCommandLine(int argc, char **argv)
{
    g_commandLine.assign(argv, argv + argc);
}

int launchLocalProcesses(int nproc)
{
    const int port = freePort();
    const auto args = childArguments();
    const pid_t launcher = getpid();
    std::fflush(stdout);
    std::fflush(stderr);
    g_children.assign(nproc, 0);
    for (int rank = 0; rank < nproc; ++rank) {
        const pid_t pid = fork();
        if (pid < 0)
            throw std::runtime_error(std::string("--nproc: could not start process ") + std::to_string(rank) + ": " +
                                     std::strerror(errno));
        if (pid == 0) {
            setpgid(0, 0);
            prctl(PR_SET_PDEATHSIG, SIGTERM); // a launcher that dies takes its processes along
            if (getppid() != launcher)
                _exit(kExitFailure);
            setenv("RANK", std::to_string(rank).c_str(), 1);
            setenv("LOCAL_RANK", std::to_string(rank).c_str(), 1);
            setenv("WORLD_SIZE", std::to_string(nproc).c_str(), 1);
            setenv("LOCAL_WORLD_SIZE", std::to_string(nproc).c_str(), 1);
            setenv("MASTER_ADDR", "127.0.0.1", 1);
            setenv("MASTER_PORT", std::to_string(port).c_str(), 1);
            std::vector<char *> argv;
            for (const auto &a : args)
                argv.push_back(const_cast<char *>(a.c_str()));
            argv.push_back(nullptr);
            execv("/proc/self/exe", argv.data());
            std::fprintf(stderr, "error: --nproc: could not start rank %d: %s\n", rank, std::strerror(errno));
            _exit(kExitFailure);
        }
        g_children[rank] = pid;
    }
    struct sigaction forward{};
    forward.sa_handler = forwardSignal;
    sigemptyset(&forward.sa_mask);
    forward.sa_flags = SA_RESTART;
    sigaction(SIGINT, &forward, nullptr);
    sigaction(SIGTERM, &forward, nullptr);

    // When one ends badly the others normally notice at their next exchange and end too; those
    // that do not are stopped (SIGTERM after a grace, SIGKILL after another).
    using Clock = std::chrono::steady_clock;
    constexpr auto kGrace = std::chrono::seconds(20);
    constexpr auto kKillAfter = std::chrono::seconds(10);
    int running = nproc, exitCode = kExitOk;
    bool terminated = false;
    Clock::time_point failedAt{};
    while (running > 0) {
        int status = 0;
        const pid_t pid = waitpid(-1, &status, WNOHANG);
        if (pid > 0) {
            int rank = 0;
            while (rank < nproc && g_children[rank] != pid)
                ++rank;
            if (rank == nproc)
                continue;
            g_children[rank] = 0;
            --running;
            const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
            if (!ok && exitCode == kExitOk) {
                exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : kExitFailure;
                failedAt = Clock::now();
                if (running > 0)
                    std::fprintf(stderr, "error: rank %d of %d %s; the other processes of this run end too\n", rank,
                                 nproc, howItEnded(status).c_str());
            }
            continue;
        }
        if (pid < 0 && errno != EINTR)
            break;
        if (exitCode != kExitOk) {
            const auto waited = Clock::now() - failedAt;
            if (!terminated && waited > kGrace) {
                forwardSignal(SIGTERM);
                terminated = true;
            } else if (waited > kGrace + kKillAfter) {
                forwardSignal(SIGKILL);
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return exitCode;
}

} // namespace ganvas
