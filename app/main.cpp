// ganvas: the desktop application.
#include "engine/cpuruntime.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>
#include <memory>

int main(int argc, char **argv)
{
    ganvas::ensureFastBlas(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName("ganvas");
    QApplication::setOrganizationName("GANvas");
    QApplication::setApplicationVersion(GANVAS_VERSION);

    QCommandLineParser cli;
    cli.setApplicationDescription("GANvas: train generative adversarial networks and watch them learn.");
    cli.addHelpOption();
    cli.addVersionOption();
    const QCommandLineOption start("start", "Start training at once with the settings shown.");
    const QCommandLineOption dataset("dataset", "Dataset name or folder.", "name");
    const QCommandLineOption epochs("epochs", "Epochs to train.", "n");
    const QCommandLineOption limit("limit", "Use only the first K images.", "k");
    const QCommandLineOption screenshot("screenshot",
                                        "After the given epoch (default 1), save a picture of the window to FILE, "
                                        "stop the run and quit (for demos, docs and the smoke test).",
                                        "file");
    const QCommandLineOption shotEpoch("screenshot-epoch", "Epoch after which --screenshot is taken.", "n", "1");
    cli.addOptions({start, dataset, epochs, limit, screenshot, shotEpoch});
    cli.addPositionalArgument("run_dir", "A run directory to open (written by ganvas or ganvas-cli).", "[RUN_DIR]");
    cli.process(app);

    MainWindow window;
    if (!cli.positionalArguments().isEmpty())
        window.openRun(cli.positionalArguments().first());
    if (cli.isSet(dataset))
        window.setDataset(cli.value(dataset));
    if (cli.isSet(epochs))
        window.setEpochs(cli.value(epochs).toInt());
    if (cli.isSet(limit))
        window.setLimit(cli.value(limit).toLongLong());
    window.show();
    if (cli.isSet(screenshot)) {
        const QString file = cli.value(screenshot);
        window.setAskBeforeClosing(false);
        const int after = cli.value(shotEpoch).toInt();
        auto shotTaken = std::make_shared<bool>(false);
        QObject::connect(&window, &MainWindow::epochShown, &window, [&window, file, after, shotTaken](int epoch) {
            if (epoch < after || *shotTaken)
                return;
            *shotTaken = true;
            // Let the plot's queued replot and the grid repaint land first.
            QTimer::singleShot(300, &window, [&window, file] {
                const bool saved = window.grab().save(file);
                std::fprintf(stderr, saved ? "screenshot %s\n" : "could not write %s\n", qPrintable(file));
                window.close();
            });
        });
        // A run that ends before that epoch quits without a picture (the caller sees no file);
        // one that ends at it waits for the picture, which closes the window itself.
        QObject::connect(&window, &MainWindow::runFinished, &app, [&window, shotTaken] {
            if (!*shotTaken)
                window.close();
        });
    }
    if (cli.isSet(start))
        QTimer::singleShot(0, &window, [&window] { window.startTraining(); });
    return app.exec();
}
