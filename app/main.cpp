// ganvas: the desktop application.
#include "comparisonview.h"
#include "comparisonwindow.h"
#include "datasetmanager.h"
#include "engine/cpuruntime.h"
#include "hyperparameterpanel.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

// --compare: the comparison window alone, with runs from disk and new runs from --dataset.
int runComparison(QApplication &app, const QCommandLineParser &cli, MainWindow &main)
{
    if (cli.isSet("epochs"))
        main.setEpochs(cli.value("epochs").toInt());
    if (cli.isSet("limit"))
        main.setLimit(cli.value("limit").toLongLong());
    ComparisonWindow *window = main.showComparison();
    main.setAskBeforeClosing(false);
    for (const QString &dir : cli.positionalArguments())
        if (window->addRunFromDisk(dir) < 0)
            std::fprintf(stderr, "%s\n", qPrintable(window->lastError()));
    const ganvas::TrainingConfig base = main.panel()->config();
    for (const QString &dataset : cli.values("dataset")) {
        ganvas::TrainingConfig config = base;
        config.dataset = dataset.toStdString();
        if (window->addRun(config) < 0) {
            std::fprintf(stderr, "%s\n", qPrintable(window->lastError()));
            return 2;
        }
    }
    if (cli.isSet("export-gif") || cli.isSet("export-png")) {
        // Headless exports of runs on disk (scripts, docs): no training, no window shown.
        int code = 0;
        QString error;
        if (cli.isSet("export-png") && !window->exportPng(cli.value("export-png"), &error)) {
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
            code = 2;
        }
        if (cli.isSet("export-gif") && !window->exportGif(cli.value("export-gif"), 4, &error)) {
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
            code = 2;
        }
        window->close();
        return code;
    }
    if (cli.isSet("screenshot")) {
        // The picture once every run has reached the epoch (or ended), then quit.
        const QString file = cli.value("screenshot");
        const int after = cli.value("screenshot-epoch").toInt();
        auto taken = std::make_shared<bool>(false);
        auto check = [window, file, after, taken] {
            if (*taken)
                return;
            for (int i = 0; i < window->runCount(); ++i) {
                const auto state = window->runState(i);
                const bool live = state == ComparisonWindow::RunState::Training ||
                                  state == ComparisonWindow::RunState::Paused;
                if (live && window->epochsDone(i) < after)
                    return;
            }
            *taken = true;
            window->view()->setCurrentEpoch(after); // every run's grid at the same epoch
            QTimer::singleShot(600, window, [window, file] {
                const bool saved = window->grab().save(file);
                std::fprintf(stderr, saved ? "screenshot %s\n" : "could not write %s\n", qPrintable(file));
                window->close();
                QApplication::quit();
            });
        };
        QObject::connect(window, &ComparisonWindow::runEpoch, window, check);
        QObject::connect(window, &ComparisonWindow::runStateChanged, window, check);
        if (!cli.isSet("start"))
            QTimer::singleShot(800, window, check);
    }
    if (cli.isSet("start"))
        QTimer::singleShot(0, window, [window] { window->startAll(); });
    return app.exec();
}

} // namespace

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
    const QCommandLineOption dataset("dataset", "Dataset name or folder (with --compare: one run each, repeatable).",
                                     "name");
    const QCommandLineOption compare("compare", "Open the comparison window: RUN_DIRs are added from disk, each "
                                                "--dataset adds a new run (--start starts them all).");
    const QCommandLineOption exportGif("export-gif", "With --compare: write the comparison of the RUN_DIRs as a GIF "
                                                     "(one frame per epoch) and quit.", "file");
    const QCommandLineOption exportPng("export-png", "With --compare: write the comparison of the RUN_DIRs as a PNG "
                                                     "and quit.", "file");
    const QCommandLineOption datasets("datasets", "Open the dataset manager.");
    const QCommandLineOption preview("preview", "With --datasets: show real samples of this dataset.", "name");
    const QCommandLineOption configFile("config", "Settings from a JSON config file (as config.json holds).", "file");
    const QCommandLineOption epochs("epochs", "Epochs to train.", "n");
    const QCommandLineOption limit("limit", "Use only the first K images.", "k");
    const QCommandLineOption screenshot("screenshot",
                                        "After the given epoch (default 1), save a picture of the window to FILE, "
                                        "stop the run and quit (for demos, docs and the smoke test).",
                                        "file");
    const QCommandLineOption shotEpoch("screenshot-epoch", "Epoch after which --screenshot is taken.", "n", "1");
    cli.addOptions({configFile, start, dataset, epochs, limit, screenshot, shotEpoch, compare, exportGif, exportPng, datasets, preview});
    cli.addPositionalArgument("run_dir", "A run directory to open (written by ganvas or ganvas-cli).", "[RUN_DIR...]");
    cli.process(app);

    MainWindow window;
    if (cli.isSet(configFile)) {
        try {
            window.panel()->setConfig(ganvas::TrainingConfig::fromJsonFile(cli.value(configFile).toStdString()));
        } catch (const std::exception &e) {
            std::fprintf(stderr, "error: %s\n", e.what());
            return 2;
        }
    }
    if (cli.isSet(compare))
        return runComparison(app, cli, window);
    if (cli.isSet(datasets)) {
        DatasetManager *manager = window.showDatasets();
        if (cli.isSet(preview))
            manager->preview(cli.value(preview));
        if (cli.isSet(screenshot)) {
            const QString file = cli.value(screenshot);
            QTimer::singleShot(500, manager, [manager, file] {
                const bool saved = manager->grab().save(file);
                std::fprintf(stderr, saved ? "screenshot %s\n" : "could not write %s\n", qPrintable(file));
                QApplication::quit();
            });
        }
        return app.exec();
    }
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
