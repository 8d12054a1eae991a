// ganvas: the desktop application. Reads the command line, makes the one RunManager of the
// process and opens the window asked for: the main window, the comparison, or the datasets.
#include "dialogs/datasetmanager.h"
#include "engine/cpuruntime.h"
#include "engine/presets.h"
#include "engine/trainingconfig.h"
#include "runs/logging.h"
#include "runs/runmanager.h"
#include "windows/comparisonwindow.h"
#include "windows/mainwindow.h"
#include "windows/scorechart.h"
#include "runs/stepthroughsession.h"
#include "windows/stepthroughwindow.h"
#include "windows/latentexplorerwindow.h"
#include "windows/lessonsmenu.h"
#include <QFileInfo>
#include "windows/toylabwindow.h"
#include "checkpoint/rundirectory.h"
#include "support/language.h"
#include "support/messagebar.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include <cstring>
#include <memory>
#include <optional>

namespace {

struct Options
{
    // The help texts in the language of the interface (the translators are installed first).
    Q_DECLARE_TR_FUNCTIONS(Options)

public:

    QCommandLineOption start{"start", tr("Start training at once with the settings shown.")};
    QCommandLineOption dataset{"dataset", tr("Dataset name or folder (with --compare: one run each, repeatable)."), "name"};
    QCommandLineOption compare{"compare", tr("Open the comparison window: RUN_DIRs are added from disk, each --dataset "
                                          "adds a new run (--start starts them all).")};
    QCommandLineOption exportGif{"export-gif", tr("With --compare: write the comparison of the RUN_DIRs as a GIF (one "
                                               "frame per epoch) and quit."), "file"};
    QCommandLineOption exportPng{"export-png", tr("With --compare: write the comparison of the RUN_DIRs as a PNG and quit."),
                                 "file"};
    QCommandLineOption datasets{"datasets", tr("Open the dataset manager.")};
    QCommandLineOption lab{"lab", tr("Open the 2-D lab: a small GAN learning points in the plane (with --start it "
                                  "trains at once).")};
    QCommandLineOption stepThrough{"step-through", tr("Open the step-through of one training step: of a checkpoint "
                                                   "given as the argument, else of the settings of --preset, "
                                                   "--config, --dataset, --limit.")};
    QCommandLineOption latent{"latent", tr("Open the latent explorer on the generator of this checkpoint (or the newest "
                                        "checkpoint of this run directory)."), "checkpoint"};
    QCommandLineOption lesson{"lesson", tr("Start a lesson: a shipped one by name (what-d-and-g-do, d-too-strong, "
                                        "mode-collapse, tricks-that-help, grey-against-colour) or a lesson file."),
                              "name|file"};
    QCommandLineOption shape{"shape", tr("With --lab: the points to learn: ring, grid, moons, spiral or drawn."), "name",
                             "ring"};
    QCommandLineOption plotScores{"plot-scores", tr("Write the FD score per epoch of the RUN_DIRs (their quality.csv) "
                                                 "as one chart to this PNG and quit."), "file"};
    QCommandLineOption preview{"preview", tr("With --datasets: show real samples of this dataset."), "name"};
    QCommandLineOption config{"config", tr("Settings from a JSON config file (as config.json holds)."), "file"};
    QCommandLineOption preset{"preset", tr("Start from a named recipe of settings (mlp, dcgan, lsgan, hinge, wgan-gp, "
                                        "seed); --config's fields go over it."), "name"};
    QCommandLineOption epochs{"epochs", tr("Epochs to train."), "n"};
    QCommandLineOption limit{"limit", tr("Use only the first K images."), "k"};
    QCommandLineOption screenshot{"screenshot", tr("After the given epoch (default 1), save a picture of the window to "
                                                "FILE, stop the run and quit (for demos, docs and the smoke test)."), "file"};
    QCommandLineOption shotEpoch{"screenshot-epoch", tr("Epoch after which --screenshot is taken."), "n", "1"};
};

// The picture of a window, then quit (for docs and the smoke test).
void saveScreenshot(QWidget *window, const QString &file)
{
    if (window->grab().save(file))
        qCInfo(lcUi).noquote() << "screenshot" << file;
    else
        qCCritical(lcUi).noquote() << "could not write" << file;
}

// The settings of --config, --epochs and --limit over the defaults; nullopt (after saying
// why) when the config file cannot be read.
std::optional<ganvas::TrainingConfig> startingConfig(const QCommandLineParser &cli, const Options &o)
{
    ganvas::TrainingConfig config;
    try {
        if (cli.isSet(o.preset))
            ganvas::applyPreset(cli.value(o.preset).toStdString(), config);
        if (cli.isSet(o.config))
            config.mergeFile(cli.value(o.config).toStdString());
    } catch (const std::exception &e) {
        qCCritical(lcUi).noquote() << "error:" << e.what();
        return std::nullopt;
    }
    if (cli.isSet(o.epochs))
        config.epochs = cli.value(o.epochs).toInt();
    if (cli.isSet(o.limit))
        config.limit = cli.value(o.limit).toLongLong();
    return config;
}

// --export-gif / --export-png: the comparison of runs on disk, written headless; no training.
int exportComparison(ComparisonWindow &window, const QCommandLineParser &cli, const Options &o)
{
    int code = 0;
    QString error;
    if (cli.isSet(o.exportPng) && !window.exportPng(cli.value(o.exportPng), &error)) {
        qCCritical(lcUi).noquote() << "error:" << error;
        code = 2;
    }
    if (cli.isSet(o.exportGif) && !window.exportGif(cli.value(o.exportGif), 4, &error)) {
        qCCritical(lcUi).noquote() << "error:" << error;
        code = 2;
    }
    window.close();
    return code;
}

// --screenshot with --compare: the picture once every run has reached the epoch (or ended).
void screenshotComparisonAt(ComparisonWindow *window, const QString &file, int after, bool starting)
{
    auto taken = std::make_shared<bool>(false);
    auto check = [window, file, after, taken] {
        if (*taken)
            return;
        for (int i = 0; i < window->runs()->count(); ++i) {
            const auto state = window->runs()->state(i);
            const bool live = state == ComparisonWindow::RunState::Training || state == ComparisonWindow::RunState::Paused;
            if (live && window->runs()->epochsDone(i) < after)
                return;
        }
        *taken = true;
        window->showEpoch(after); // every run's grid at the same epoch
        QTimer::singleShot(600, window, [window, file] {
            saveScreenshot(window, file);
            window->close();
            QApplication::quit();
        });
    };
    QObject::connect(window, &ComparisonWindow::runEpoch, window, check);
    QObject::connect(window, &ComparisonWindow::runStateChanged, window, check);
    if (!starting)
        QTimer::singleShot(800, window, check);
}

// --compare: the comparison window alone, with runs from disk and new runs from --dataset.
int runComparison(QApplication &app, const QCommandLineParser &cli, const Options &o, RunManager &runs,
                  const ganvas::TrainingConfig &base)
{
    ComparisonWindow window(&runs);
    window.setTemplateConfig(base);
    for (const QString &dir : cli.positionalArguments())
        if (window.addRunFromDisk(dir) < 0)
            qCWarning(lcUi).noquote() << window.lastError();
    for (const QString &dataset : cli.values(o.dataset)) {
        ganvas::TrainingConfig config = base;
        config.dataset = dataset.toStdString();
        if (window.addRun(config) < 0) {
            qCCritical(lcUi).noquote() << window.lastError();
            return 2;
        }
    }
    if (cli.isSet(o.exportGif) || cli.isSet(o.exportPng))
        return exportComparison(window, cli, o);
    if (cli.isSet(o.screenshot))
        screenshotComparisonAt(&window, cli.value(o.screenshot), cli.value(o.shotEpoch).toInt(), cli.isSet(o.start));
    if (cli.isSet(o.start))
        QTimer::singleShot(0, &window, [&window] { window.runs()->startAll(); });
    window.show();
    return app.exec();
}

// --datasets: the dataset manager alone.
int runDatasets(QApplication &app, const QCommandLineParser &cli, const Options &o)
{
    DatasetManager manager;
    if (cli.isSet(o.preview))
        manager.preview(cli.value(o.preview));
    if (cli.isSet(o.screenshot))
        QTimer::singleShot(500, &manager, [&manager, file = cli.value(o.screenshot)] {
            saveScreenshot(&manager, file);
            QApplication::quit();
        });
    // Esc or Close ends the program: the manager is its only window.
    QObject::connect(&manager, &QDialog::finished, &app, &QApplication::quit);
    manager.show();
    return app.exec();
}

// --step-through: the step-through window alone; with --screenshot, a picture at phase 3.
int runStepThrough(QApplication &app, const QCommandLineParser &cli, const Options &o,
                   const ganvas::TrainingConfig &config)
{
    StepThroughWindow window;
    auto c = config;
    if (cli.isSet(o.dataset))
        c.dataset = cli.value(o.dataset).toStdString();
    window.open(c, cli.positionalArguments().value(0));
    if (cli.isSet(o.screenshot))
        QObject::connect(window.session(), &StepThroughSession::ready, &window, [&window, file = cli.value(o.screenshot)] {
            window.session()->next();
            window.session()->next();
            QTimer::singleShot(500, &window, [&window, file] {
                saveScreenshot(&window, file);
                QApplication::quit();
            });
        });
    window.show();
    return app.exec();
}

// --latent: the latent explorer alone.
int runLatent(QApplication &app, const QCommandLineParser &cli, const Options &o)
{
    LatentExplorerWindow window;
    QString checkpoint = cli.value(o.latent);
    try {
        checkpoint = QString::fromStdString(ganvas::RunDirectory::resolveCheckpoint(checkpoint.toStdString()));
    } catch (const std::exception &e) {
        qCCritical(lcUi).noquote() << "error:" << e.what();
        return 2;
    }
    if (!window.open(checkpoint)) {
        qCCritical(lcUi).noquote() << "error:" << window.messages()->text();
        return 2;
    }
    if (cli.isSet(o.screenshot))
        QTimer::singleShot(800, &window, [&window, file = cli.value(o.screenshot)] {
            saveScreenshot(&window, file);
            QApplication::quit();
        });
    window.show();
    return app.exec();
}

// --lab: the 2-D lab alone.
int runLab(QApplication &app, const QCommandLineParser &cli, const Options &o)
{
    ToyLabWindow lab;
    lab.setShape(cli.value(o.shape));
    if (cli.isSet(o.start))
        QTimer::singleShot(0, &lab, [&lab] { lab.setRunning(true); });
    if (cli.isSet(o.screenshot))
        QTimer::singleShot(3000, &lab, [&lab, file = cli.value(o.screenshot)] {
            saveScreenshot(&lab, file);
            QApplication::quit();
        });
    lab.show();
    return app.exec();
}

// --lesson: a shipped lesson by its file's name, or a lesson file.
bool startLesson(MainWindow &window, const QString &nameOrFile)
{
    try {
        for (const Lesson &l : Lesson::shipped())
            if (QFileInfo(l.source).baseName() == nameOrFile)
                return window.lessons()->start(l);
        return window.lessons()->start(Lesson::fromFile(nameOrFile));
    } catch (const std::exception &e) {
        qCCritical(lcUi).noquote() << "error:" << e.what();
        return false;
    }
}

// --screenshot in the main window: the picture after that epoch, then close (which stops the
// run with a checkpoint). A run that ends before that epoch quits without a picture (the
// caller sees no file); one that ends at it waits for the picture.
void screenshotMainAt(MainWindow *window, const QString &file, int after)
{
    window->setAskBeforeClosing(false);
    auto taken = std::make_shared<bool>(false);
    QObject::connect(window, &MainWindow::epochShown, window, [window, file, after, taken](int epoch) {
        if (epoch < after || *taken)
            return;
        *taken = true;
        // Let the plot's queued replot and the grid repaint land first.
        QTimer::singleShot(300, window, [window, file] {
            saveScreenshot(window, file);
            window->close();
        });
    });
    QObject::connect(window, &MainWindow::runFinished, window, [window, taken] {
        if (!*taken)
            window->close();
    });
}

int runMainWindow(QApplication &app, const QCommandLineParser &cli, const Options &o, RunManager &runs,
                  const ganvas::TrainingConfig &config)
{
    MainWindow window(&runs);
    if (cli.isSet(o.config) || cli.isSet(o.preset))
        window.setConfig(config);
    if (!cli.positionalArguments().isEmpty())
        window.openRun(cli.positionalArguments().first());
    if (cli.isSet(o.dataset))
        window.setDataset(cli.value(o.dataset));
    if (cli.isSet(o.epochs))
        window.setEpochs(config.epochs);
    if (cli.isSet(o.limit))
        window.setLimit(config.limit);
    window.show();
    if (cli.isSet(o.lesson) && !startLesson(window, cli.value(o.lesson)))
        return 2;
    if (cli.isSet(o.screenshot))
        screenshotMainAt(&window, cli.value(o.screenshot), cli.value(o.shotEpoch).toInt());
    if (cli.isSet(o.start)) {
        // `ganvas RUN_DIR --start`: continue that run, without asking.
        if (!cli.positionalArguments().isEmpty())
            window.answerNextStart(MainWindow::StartChoice::Continue);
        QTimer::singleShot(0, &window, [&window] { window.startAction()->trigger(); });
    }
    return app.exec();
}

// The options and their help, for both the GUI and the help-only start below.
void describe(QCommandLineParser &cli, const Options &o)
{
    cli.setApplicationDescription(QCoreApplication::translate("Options", "GANvas: train generative adversarial networks and watch them learn."));
    cli.addHelpOption();
    cli.addVersionOption();
    cli.addOptions({o.config, o.preset, o.start, o.dataset, o.epochs, o.limit, o.screenshot, o.shotEpoch, o.compare,
                    o.exportGif, o.exportPng, o.datasets, o.lab, o.shape, o.stepThrough, o.latent, o.lesson, o.preview, o.plotScores});
    cli.addPositionalArgument("run_dir", QCoreApplication::translate("Options", "A run directory to open (written by ganvas or ganvas-cli)."),
                             "[RUN_DIR...]");
}

// --help and --version need no display: answer them before a QApplication looks for one.
bool onlyAsksForHelp(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        for (const char *flag : {"-h", "--help", "--help-all", "-v", "--version"})
            if (std::strcmp(argv[i], flag) == 0)
                return true;
    return false;
}

void nameApplication()
{
    QCoreApplication::setApplicationName("ganvas");
    QCoreApplication::setOrganizationName("GANvas");
    QCoreApplication::setApplicationVersion(GANVAS_VERSION);
}

} // namespace

int main(int argc, char **argv)
{
    if (onlyAsksForHelp(argc, argv)) {
        QCoreApplication app(argc, argv);
        nameApplication();
        language::installTranslators(app);
        const Options o;
        QCommandLineParser cli;
        describe(cli, o);
        cli.process(app); // prints and exits
        return 0;
    }
    ganvas::ensureFastBlas(argc, argv);
    QApplication app(argc, argv);
    nameApplication();
    language::installTranslators(app); // before any window or text exists
    const Options o;
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/ganvas.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("ganvas")); // ganvas.desktop: the dock's icon
    QCommandLineParser cli;
    describe(cli, o);
    cli.process(app);

    const auto config = startingConfig(cli, o);
    if (!config)
        return 2;
    if (cli.isSet(o.plotScores)) {
        QString error;
        if (writeScoreChart(cli.positionalArguments(), cli.value(o.plotScores), &error))
            return 0;
        qCCritical(lcUi).noquote() << "error:" << error;
        return 1;
    }
    RunManager runs; // every run of the process; stops them all (with checkpoints) last
    if (cli.isSet(o.compare))
        return runComparison(app, cli, o, runs, *config);
    if (cli.isSet(o.datasets))
        return runDatasets(app, cli, o);
    if (cli.isSet(o.lab))
        return runLab(app, cli, o);
    if (cli.isSet(o.latent))
        return runLatent(app, cli, o);
    if (cli.isSet(o.stepThrough))
        return runStepThrough(app, cli, o, *config);
    return runMainWindow(app, cli, o, runs, *config);
}
