// The main window's Start decision (continue a run or start a new one), its settings files and
// the settings it keeps between sessions;
// the rest of MainWindow is in mainwindow.cpp.
#include "windows/mainwindow.h"

#include "checkpoint/rundirectory.h"
#include "engine/checkpointpreview.h"
#include "engine/configfields.h"
#include "panels/hyperparameterpanel.h"
#include "runs/logging.h"
#include "support/language.h"
#include "support/messagebar.h"
#include "windows/trainingactions.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>

namespace {

// The labels of the settings a run cannot change (its checkpoint fixes them) that differ.
QStringList fixedSettingsChanged(const ganvas::TrainingConfig &run, const ganvas::TrainingConfig &panel)
{
    QStringList labels;
    for (const auto &f : ganvas::configFields())
        if (f.change == ganvas::FieldChange::Never && f.get(run) != f.get(panel))
            labels << QCoreApplication::translate("TrainingConfig", f.label);
    return labels;
}

} // namespace

void MainWindow::start()
{
    const QString problems = m_panel->validate();
    if (!problems.isEmpty()) {
        m_messages->showError(problems);
        m_settingsProblems = problems; // followed as the fields change (followSettingsProblems)
        return;
    }
    if (!m_openedRun.isEmpty()) {
        const auto checkpoints = ganvas::RunDirectory::listCheckpoints(m_openedRun.toStdString());
        if (!checkpoints.empty()) {
            try {
                const std::string path = checkpoints.back().path;
                const ganvas::TrainingConfig stored = ganvas::checkpointSettings(path);
                const ganvas::TrainingConfig panel = m_panel->config();
                const StartChoice choice =
                    askHowToStart(fixedSettingsChanged(stored, panel), checkpoints.back().epochsDone, panel.epochs);
                if (choice == StartChoice::Cancel)
                    return;
                if (choice == StartChoice::Continue) {
                    // What the checkpoint fixes stays; everything else is the panel's, so that
                    // the panel shows what trains.
                    ganvas::TrainingConfig config = stored;
                    for (const auto &f : ganvas::configFields())
                        if (f.change != ganvas::FieldChange::Never)
                            f.copy(panel, config);
                    launch(config, m_openedRun, QString::fromStdString(path));
                    return;
                }
            } catch (const std::exception &e) {
                m_messages->showError(tr("Cannot continue the run: %1").arg(QString::fromUtf8(e.what())));
                return;
            }
        }
    }
    startNewRun();
}

MainWindow::StartChoice MainWindow::askHowToStart(const QStringList &fixedChanged, int epochsDone, int epochs)
{
    const bool canContinue = fixedChanged.isEmpty() && epochsDone < epochs;
    if (m_nextStartChoice) {
        const StartChoice choice = *std::exchange(m_nextStartChoice, std::nullopt);
        return choice == StartChoice::Continue && !canContinue ? StartChoice::NewRun : choice;
    }
    QMessageBox box(this);
    box.setWindowTitle(tr("Start"));
    box.setIcon(QMessageBox::Question);
    QPushButton *continueRun = nullptr;
    if (canContinue) {
        box.setText(tr("Continue this run from epoch %1 to epoch %2, or start a new run with the current "
                       "settings?").arg(epochsDone).arg(epochs));
        continueRun = box.addButton(tr("&Continue this run"), QMessageBox::AcceptRole);
        continueRun->setObjectName("continueRun");
    } else if (!fixedChanged.isEmpty()) {
        box.setText(tr("These settings differ from the run's, which cannot change once it has started: %1. "
                       "Start a new run with the current settings?").arg(language::listOf(fixedChanged)));
    } else {
        box.setText(tr("This run has finished (epochs trained: %n). Start a new run with the current settings? "
                       "(To train it longer, raise Epochs first.)", nullptr, epochsDone));
    }
    QPushButton *newRun = box.addButton(tr("Start a &new run"), QMessageBox::AcceptRole);
    newRun->setObjectName("newRun");
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(canContinue ? continueRun : newRun);
    box.exec();
    if (box.clickedButton() == continueRun && continueRun)
        return StartChoice::Continue;
    if (box.clickedButton() == newRun)
        return StartChoice::NewRun;
    return StartChoice::Cancel;
}

bool MainWindow::openSettings(const QString &file)
{
    if (isTraining()) {
        m_messages->showError(tr("Stop the run before opening other settings."));
        return false;
    }
    try {
        ganvas::TrainingConfig config = m_panel->config(); // fields the file does not name stay
        config.mergeFile(file.toStdString());
        m_panel->setConfig(config);
        m_messages->showInfo(tr("Settings from %1").arg(QFileInfo(file).fileName()));
        return true;
    } catch (const std::exception &e) {
        m_messages->showError(tr("Cannot read the settings: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
}

bool MainWindow::saveSettings(const QString &file)
{
    QFile out(file);
    const QByteArray json = QByteArray::fromStdString(m_panel->config().toJson());
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(json) != json.size()) {
        m_messages->showError(tr("Could not write %1: %2").arg(file, out.errorString()));
        return false;
    }
    statusBar()->showMessage(tr("Settings saved to %1").arg(file), 5000);
    return true;
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value("window/geometry").toByteArray());
    restoreState(settings.value("window/state").toByteArray());
    const QString last = settings.value("lastConfig").toString();
    if (last.isEmpty())
        return;
    try {
        m_panel->setConfig(ganvas::TrainingConfig::fromJson(last.toStdString(), "saved settings"));
    } catch (const std::exception &e) {
        // Settings from another version: the defaults stay, and the log says why.
        qCWarning(lcUi).noquote() << "saved settings not used:" << e.what();
    }
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    settings.setValue("lastConfig", QString::fromStdString(m_panel->config().toJson()));
}

QAction *MainWindow::startAction() const { return m_actions->start(); }
QAction *MainWindow::pauseAction() const { return m_actions->pause(); }
QAction *MainWindow::stepAction() const { return m_actions->step(); }
QAction *MainWindow::stopAction() const { return m_actions->stop(); }
QAction *MainWindow::saveAction() const { return m_actions->save(); }
QAction *MainWindow::previewAction() const { return m_actions->preview(); }

void MainWindow::followSettingsProblems()
{
    if (m_settingsProblems.isEmpty())
        return;
    if (m_messages->text().isEmpty()) { // closed (another message clears m_settingsProblems when shown)
        m_settingsProblems.clear();
        return;
    }
    const QString now = m_panel->validate();
    if (now.isEmpty()) {
        m_settingsProblems.clear();
        m_messages->clear(); // every field is right again: no stale error above the plot
    } else if (now != m_settingsProblems) {
        m_settingsProblems = now;
        m_messages->showError(now);
    }
}
