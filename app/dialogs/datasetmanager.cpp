#include "dialogs/datasetmanager.h"

#include "support/shortcuts.h"
#include "data/datasetcatalog.h"
#include "data/datasetfetch.h"
#include "data/datasetpreview.h"
#include "data/datasetverify.h"
#include "dialogs/datasetlistmodel.h"
#include "engine/trainingconfig.h"
#include "support/imageconversion.h"
#include "support/messagebar.h"
#include "ui_datasetmanager.h"

#include <QApplication>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QHeaderView>
#include <QLocale>

namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1);
}

} // namespace

DatasetManager::DatasetManager(QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::DatasetManager>()), m_model(new DatasetListModel(this))
{
    m_ui->setupUi(this);
    // Says what it is for even before a download: an empty bar reads as a text field.
    m_ui->progress->setFormat(tr("No download running"));
    m_ui->dataDir->setText(QString::fromStdString(ganvas::defaultDataDir()));
    m_ui->mirror->setText(QString::fromStdString(ganvas::mirrorFromEnvironment()));
    m_ui->table->setModel(m_model);
    m_ui->table->verticalHeader()->hide();
    m_ui->table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->table->horizontalHeader()->setSectionResizeMode(DatasetListModel::Status, QHeaderView::Stretch);
    for (int side : {28, 32, 64})
        m_ui->imageSize->addItem(QStringLiteral("%1×%1").arg(side), side);
    m_ui->imageSize->setCurrentIndex(1);
    m_ui->imageChannels->addItem(tr("auto colour"), 0);
    m_ui->imageChannels->addItem(tr("grey"), 1);
    m_ui->imageChannels->addItem(tr("colour"), 3);
    connectButtons();
    buildMenu();
    // The message bar keeps its room when empty, so that the preview does not jump.
    QSizePolicy keep = m_ui->messages->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_ui->messages->setSizePolicy(keep);
    refresh();
    m_ui->table->selectRow(0);
    setBusy(false);
}

void DatasetManager::buildMenu()
{
    // A menu as every window has: the buttons' actions with access keys, Close and Quit.
    auto *bar = new QMenuBar(this);
    QMenu *menu = bar->addMenu(tr("&Dataset"));
    m_menuActions[0] = menu->addAction(tr("&Fetch"), m_ui->fetch, &QPushButton::click);
    m_menuActions[1] = menu->addAction(tr("&Verify"), m_ui->verify, &QPushButton::click);
    m_menuActions[2] = menu->addAction(tr("&Preview"), m_ui->preview, &QPushButton::click);
    menu->addAction(tr("Preview image &folder…"), m_ui->folder, &QPushButton::click);
    m_menuActions[3] = menu->addAction(tr("&Use for training"), m_ui->use, &QPushButton::click);
    menu->addSeparator();
    menu->addAction(tr("&Close window"), this, &QWidget::close)->setShortcuts(closeShortcuts());
    menu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows)->setShortcuts(quitShortcuts());
    layout()->setMenuBar(bar);
}

void DatasetManager::connectButtons()
{
    connect(m_ui->browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Data folder"), m_ui->dataDir->text());
        if (!dir.isEmpty())
            setDataDir(dir);
    });
    connect(m_ui->dataDir, &QLineEdit::editingFinished, this, &DatasetManager::refresh);
    connect(m_ui->fetch, &QPushButton::clicked, this, [this] { fetch(selectedName()); });
    connect(m_ui->cancel, &QPushButton::clicked, this, &DatasetManager::cancelFetch);
    connect(m_ui->verify, &QPushButton::clicked, this, [this] {
        const QString name = selectedName();
        const QString problems = verify(name);
        setMessage(problems.isEmpty() ? tr("%1: every file checks out.").arg(name) : problems, !problems.isEmpty());
    });
    connect(m_ui->preview, &QPushButton::clicked, this, [this] { preview(selectedName()); });
    connect(m_ui->folder, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("A folder of PNG or JPEG images"));
        if (!dir.isEmpty())
            preview(dir, m_ui->imageSize->currentData().toInt(), m_ui->imageChannels->currentData().toInt());
    });
    connect(m_ui->use, &QPushButton::clicked, this, [this] {
        const QString chosen = m_previewSource.isEmpty() ? selectedName() : m_previewSource;
        if (!chosen.isEmpty())
            Q_EMIT datasetChosen(chosen);
    });
    connect(m_ui->table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { setBusy(m_fetching); });
}

DatasetManager::~DatasetManager()
{
    m_cancel = true;
    m_job.waitForFinished();
    // QDialog's destructor hides the dialog, which moves the focus (the data folder field then
    // says editingFinished): nothing of ours may run after this body.
    for (QObject *child : findChildren<QObject *>())
        disconnect(child, nullptr, this, nullptr);
}

QTableView *DatasetManager::table() const
{
    return m_ui->table;
}

QProgressBar *DatasetManager::progressBar() const
{
    return m_ui->progress;
}

void DatasetManager::setDataDir(const QString &dir)
{
    m_ui->dataDir->setText(dir);
    refresh();
}

QString DatasetManager::dataDir() const
{
    return m_ui->dataDir->text().trimmed();
}

void DatasetManager::setMirror(const QString &url)
{
    m_ui->mirror->setText(url);
}

QString DatasetManager::message() const
{
    return m_ui->messages->text();
}

QString DatasetManager::previewInfo() const
{
    return m_ui->previewInfo->text();
}

QString DatasetManager::selectedName() const
{
    const auto rows = m_ui->table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->nameAt(rows.first().row());
}

QString DatasetManager::statusOf(const QString &name) const
{
    return m_model->statusOf(m_model->rowOf(name));
}

void DatasetManager::refresh()
{
    m_model->refresh(dataDir());
    setBusy(m_fetching);
}

void DatasetManager::setBusy(bool busy)
{
    const bool selected = !selectedName().isEmpty();
    const bool here = selected && m_model->isAvailable(m_model->rowOf(selectedName()));
    m_ui->fetch->setEnabled(!busy && selected);
    m_ui->cancel->setEnabled(busy);
    // Verify, Preview and Use need the files here: until then they say so instead of failing.
    const QString fetchFirst = tr("Fetch it first: it is not in the data folder yet.");
    m_ui->verify->setEnabled(!busy && here);
    m_ui->verify->setToolTip(here || !selected ? tr("Check every file against its published checksum.") : fetchFirst);
    m_ui->preview->setEnabled(!busy && here);
    m_ui->preview->setToolTip(here || !selected ? tr("Show real images of the dataset.") : fetchFirst);
    const bool usable = here || !m_previewSource.isEmpty();
    m_ui->use->setEnabled(!busy && usable);
    m_ui->use->setToolTip(usable ? tr("Put this dataset into the main window's settings.") : fetchFirst);
    if (m_menuActions[0]) {
        m_menuActions[0]->setEnabled(m_ui->fetch->isEnabled());
        m_menuActions[1]->setEnabled(m_ui->verify->isEnabled());
        m_menuActions[2]->setEnabled(m_ui->preview->isEnabled());
        m_menuActions[3]->setEnabled(m_ui->use->isEnabled());
    }
    m_ui->dataDir->setEnabled(!busy);
    m_ui->mirror->setEnabled(!busy);
}

void DatasetManager::setMessage(const QString &text, bool error)
{
    if (error)
        m_ui->messages->showError(text);
    else
        m_ui->messages->showInfo(text);
}

bool DatasetManager::fetch(const QString &name)
{
    const ganvas::DatasetSpec *spec = ganvas::findDatasetSpec(name.toStdString());
    if (m_fetching || !spec) {
        if (!spec)
            setMessage(tr("Unknown dataset '%1'.").arg(name), true);
        return false;
    }
    m_job.waitForFinished();
    m_cancel = false;
    m_fetching = true;
    setBusy(true);
    m_ui->progress->setValue(0);
    setMessage(tr("Fetching %1…").arg(QString::fromStdString(spec->title)), false);
    ganvas::FetchOptions options;
    options.dataDir = dataDir().toStdString();
    options.mirror = m_ui->mirror->text().trimmed().toStdString();
    options.cancel = &m_cancel;
    options.force = true; // the button means it: fetch even over an existing copy
    options.progress = [this](const ganvas::FetchProgress &p) {
        QMetaObject::invokeMethod(this, [this, p] {
            onProgress(QString::fromStdString(p.phase), QString::fromStdString(p.file), p.fileIndex, p.fileCount,
                       p.bytes, p.total);
        }, Qt::QueuedConnection);
    };
    const ganvas::DatasetSpec copy = *spec;
    const QString cancelled = tr("Cancelled: nothing was installed (the partial download is kept to resume).");
    const QString ready = tr("%1 is ready in %2.");
    m_job = runInBackground(this, "dataset fetch", [copy, options, cancelled, ready] {
        try {
            const std::string folder = ganvas::fetchDataset(copy, options);
            return ready.arg(QString::fromStdString(copy.title), QString::fromStdString(folder));
        } catch (const ganvas::FetchCancelled &) {
            throw std::runtime_error(cancelled.toStdString()); // a cancel ends like an error, with its own words
        }
    }, [this](const JobOutcome<QString> &outcome) { onFetchDone(outcome.ok(), outcome.ok() ? outcome.value : outcome.error); });
    return true;
}

void DatasetManager::onProgress(const QString &phase, const QString &file, int index, int count, qint64 bytes,
                                qint64 total)
{
    // Each file is an equal slice of the bar; within a file, its bytes.
    const double within = total > 0 ? double(bytes) / double(total) : 0.0;
    const double overall = count > 0 ? (index + within) / count : within;
    m_ui->progress->setValue(int(1000 * std::min(1.0, overall)));
    QString text = QStringLiteral("%1 %2 (%3/%4)").arg(phase, file).arg(index + 1).arg(count);
    if (phase == QLatin1String("download"))
        text += total > 0 ? QStringLiteral(": %1 of %2 MB").arg(megabytes(bytes), megabytes(total))
                          : QStringLiteral(": %1 MB").arg(megabytes(bytes));
    m_ui->progress->setFormat(text);
}

void DatasetManager::onFetchDone(bool ok, const QString &message)
{
    m_fetching = false;
    setBusy(false);
    m_ui->progress->setValue(ok ? 1000 : 0);
    m_ui->progress->setFormat(ok ? tr("Download done") : tr("No download running"));
    setMessage(message, !ok);
    refresh();
    Q_EMIT fetchFinished(ok, message);
}

QString DatasetManager::verify(const QString &name)
{
    const ganvas::DatasetSpec *spec = ganvas::findDatasetSpec(name.toStdString());
    if (!spec)
        return tr("Unknown dataset '%1'.").arg(name);
    std::string folder;
    const auto problems = ganvas::verifyDataset(*spec, dataDir().toStdString(), &folder);
    QStringList all;
    for (const auto &p : problems)
        all << QString::fromStdString(p);
    return all.join('\n');
}

bool DatasetManager::preview(const QString &nameOrPath, int imageSize, int imageChannels)
{
    if (nameOrPath.isEmpty())
        return false;
    ganvas::TrainingConfig config;
    config.dataset = nameOrPath.toStdString();
    config.dataDir = dataDir().toStdString();
    config.imageSize = imageSize;
    config.imageChannels = imageChannels;
    try {
        const auto p = ganvas::previewDataset(config);
        m_previewImage = toQImage(p.grid);
        m_previewSource = nameOrPath;
        if (const int row = m_model->rowOf(nameOrPath); row >= 0)
            m_ui->table->selectRow(row);
        const int factor = std::max(1, 256 / std::max(1, m_previewImage.width()));
        m_ui->previewImage->setPixmap(QPixmap::fromImage(m_previewImage.scaled(
            m_previewImage.size() * factor, Qt::KeepAspectRatio, Qt::FastTransformation)));
        QString info = tr("<b>%1</b><br>%2 images · %3×%4 · %5<br>from %6")
                           .arg(nameOrPath.toHtmlEscaped())
                           .arg(QLocale().toString(qlonglong(p.count)))
                           .arg(p.width)
                           .arg(p.height)
                           .arg(p.channels == 3 ? tr("colour") : tr("grey"))
                           .arg(QString::fromStdString(p.source).toHtmlEscaped());
        if (p.skipped > 0)
            info += tr("<br>unreadable files skipped: %n", nullptr, int(p.skipped));
        for (const auto &note : p.notes)
            info += "<br><small>" + QString::fromStdString(note).toHtmlEscaped() + "</small>";
        m_ui->previewInfo->setText(info);
        m_ui->messages->clear();
        setBusy(m_fetching);
        return true;
    } catch (const std::exception &e) {
        m_previewImage = {};
        m_previewSource.clear();
        m_ui->previewImage->clear();
        m_ui->previewInfo->clear();
        setMessage(tr("Cannot preview: %1").arg(QString::fromUtf8(e.what())), true);
        setBusy(m_fetching);
        return false;
    }
}
