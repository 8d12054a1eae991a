#pragma once

// Running a program (ganvas-cli) from a test: its exit code and what it printed.
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ganvas::test {

struct ProgramResult
{
    int code = -1; // the exit code; -1 crashed, -2 timed out (and was killed)
    QString out;
    QString err;
};

inline ProgramResult runProgram(const QString &program, const QStringList &args,
                                const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                                int timeoutMs = 240000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-2, "timeout", {}};
    }
    ProgramResult r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace ganvas::test
