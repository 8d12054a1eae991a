#pragma once

#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QTimer>

namespace {

// The tests that train in a real window need the installed Fashion-MNIST.
inline bool haveFashionMnist()
{
    return QFile::exists(QStringLiteral("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"));
}

// New runs go to `runsDir`, and the window's saved settings to an empty test location, away
// from the user's own.
inline void isolateWindowState(const QString &runsDir)
{
    qputenv("GANVAS_RUNS_DIR", runsDir.toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

// Answers the question Start asks about a stopped or finished run: the button with this
// object name ("continueRun", "newRun"), or Cancel for "".
inline void answerStart(const QString &button, QString *text)
{
    QTimer::singleShot(200, [button, text] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            *text = box->text();
            if (button.isEmpty())
                box->button(QMessageBox::Cancel)->click();
            else if (auto *b = box->findChild<QPushButton *>(button))
                b->click();
        }
    });
}

} // namespace
