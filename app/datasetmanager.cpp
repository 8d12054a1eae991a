#include "datasetmanager.h"

#include "data/datasetfetch.h"
#include "data/datasetpreview.h"
#include "engine/trainingconfig.h"
#include "imageconversion.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

enum Column { ColName, ColTitle, ColStatus, ColImages, ColSize, ColCount };

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1);
}

} // namespace

DatasetManager::DatasetManager(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Datasets"));
    auto *layout = new QVBoxLayout(this);

    auto *form = new QFormLayout;
    auto *dirRow = new QHBoxLayout;
    m_dataDir = new QLineEdit(QString::fromStdString(ganvas::defaultDataDir()), this);
    m_dataDir->setObjectName("dataDir");
    m_dataDir->setToolTip(tr("Where fetched datasets are stored (GANVAS_DATA_DIR or the XDG data folder)."));
    auto *browse = new QPushButton(tr("Browse…"), this);
    dirRow->addWidget(m_dataDir, 1);
    dirRow->addWidget(browse);
    form->addRow(tr("Data folder"), dirRow);
    m_mirror = new QLineEdit(QString::fromStdString(ganvas::mirrorFromEnvironment()), this);
    m_mirror->setObjectName("mirror");
    m_mirror->setPlaceholderText(tr("the usual public mirrors"));
    m_mirror->setToolTip(tr("Fetch every file from URL/<dataset>/<file> instead (GANVAS_DATASET_MIRROR)."));
    form->addRow(tr("Mirror"), m_mirror);
    layout->addLayout(form);

    m_table = new QTableWidget(0, ColCount, this);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Dataset"), tr("Status"), tr("Images"), tr("Size")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ColStatus, QHeaderView::Stretch);
    layout->addWidget(m_table);

    auto *buttons = new QHBoxLayout;
    m_fetch = new QPushButton(tr("Fetch"), this);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_verify = new QPushButton(tr("Verify"), this);
    m_preview = new QPushButton(tr("Preview"), this);
    m_use = new QPushButton(tr("Use for training"), this);
    for (auto *b : {m_fetch, m_cancelButton, m_verify, m_preview, m_use})
        buttons->addWidget(b);
    buttons->addStretch(1);
    m_folder = new QPushButton(tr("Preview image folder…"), this);
    m_size = new QComboBox(this);
    m_size->setObjectName("imageSize");
    for (int side : {28, 32, 64})
        m_size->addItem(QStringLiteral("%1×%1").arg(side), side);
    m_size->setCurrentIndex(1);
    m_size->setToolTip(tr("Image folders are resized to 28, 32 or 64 pixels square."));
    m_channels = new QComboBox(this);
    m_channels->addItem(tr("auto colour"), 0);
    m_channels->addItem(tr("grey"), 1);
    m_channels->addItem(tr("colour"), 3);
    buttons->addWidget(m_folder);
    buttons->addWidget(m_size);
    buttons->addWidget(m_channels);
    layout->addLayout(buttons);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_progress->setFormat(QString());
    layout->addWidget(m_progress);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    auto *previewRow = new QHBoxLayout;
    m_previewLabel = new QLabel(this);
    m_previewLabel->setMinimumSize(260, 260);
    m_previewLabel->setAlignment(Qt::AlignCenter);
    m_previewLabel->setStyleSheet("background: #202020;");
    m_previewInfo = new QLabel(tr("Select a dataset and press Preview to see real samples."), this);
    m_previewInfo->setWordWrap(true);
    m_previewInfo->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    previewRow->addWidget(m_previewLabel);
    previewRow->addWidget(m_previewInfo, 1);
    layout->addLayout(previewRow);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Data folder"), m_dataDir->text());
        if (!dir.isEmpty())
            setDataDir(dir);
    });
    connect(m_dataDir, &QLineEdit::editingFinished, this, &DatasetManager::refresh);
    connect(m_fetch, &QPushButton::clicked, this, [this] { fetch(selectedName()); });
    connect(m_cancelButton, &QPushButton::clicked, this, &DatasetManager::cancelFetch);
    connect(m_verify, &QPushButton::clicked, this, [this] {
        const QString name = selectedName();
        const QString problems = verify(name);
        setMessage(problems.isEmpty() ? tr("%1: every file checks out.").arg(name) : problems, !problems.isEmpty());
    });
    connect(m_preview, &QPushButton::clicked, this, [this] { preview(selectedName()); });
    connect(m_folder, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("A folder of PNG or JPEG images"));
        if (!dir.isEmpty())
            preview(dir, m_size->currentData().toInt(), m_channels->currentData().toInt());
    });
    connect(m_use, &QPushButton::clicked, this, [this] {
        const QString chosen = m_previewSource.isEmpty() ? selectedName() : m_previewSource;
        if (!chosen.isEmpty())
            Q_EMIT datasetChosen(chosen);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] { setBusy(m_fetching); });
    refresh();
    if (m_table->rowCount() > 0)
        m_table->selectRow(0);
    setBusy(false);
    resize(760, 620);
}

DatasetManager::~DatasetManager()
{
    m_cancel = true;
    if (m_worker.joinable())
        m_worker.join();
}

void DatasetManager::setDataDir(const QString &dir)
{
    m_dataDir->setText(dir);
    refresh();
}

QString DatasetManager::dataDir() const
{
    return m_dataDir->text().trimmed();
}

void DatasetManager::setMirror(const QString &url)
{
    m_mirror->setText(url);
}

QString DatasetManager::message() const
{
    return m_message->text();
}

QString DatasetManager::previewInfo() const
{
    return m_previewInfo->text();
}

QString DatasetManager::selectedName() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return m_table->item(rows.first().row(), ColName)->text();
}

QString DatasetManager::statusOf(const QString &name) const
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, ColName)->text() == name)
            return m_table->item(row, ColStatus)->text();
    return {};
}

void DatasetManager::refresh()
{
    const auto &known = ganvas::knownDatasets();
    m_table->setRowCount(int(known.size()));
    const QLocale locale;
    for (int row = 0; row < int(known.size()); ++row) {
        const auto &spec = known[size_t(row)];
        const auto status = ganvas::datasetStatus(spec, dataDir().toStdString());
        QString text = tr("not here: Fetch downloads it");
        if (status.available)
            text = (status.fetched ? tr("fetched to %1") : tr("installed at %1")).arg(QString::fromStdString(status.folder));
        const QStringList cells = {QString::fromStdString(spec.name), QString::fromStdString(spec.title), text,
                                   locale.toString(qlonglong(spec.images)),
                                   QStringLiteral("%1×%2×%3").arg(spec.width).arg(spec.height).arg(spec.channels)};
        for (int c = 0; c < ColCount; ++c) {
            auto *item = m_table->item(row, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(row, c, item);
            }
            item->setText(cells[c]);
        }
    }
}

void DatasetManager::setBusy(bool busy)
{
    const bool selected = !selectedName().isEmpty();
    m_fetch->setEnabled(!busy && selected);
    m_cancelButton->setEnabled(busy);
    m_verify->setEnabled(!busy && selected);
    m_preview->setEnabled(!busy && selected);
    m_dataDir->setEnabled(!busy);
    m_mirror->setEnabled(!busy);
}

void DatasetManager::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? "color: #b00020;" : QString());
}

bool DatasetManager::fetch(const QString &name)
{
    const ganvas::DatasetSpec *spec = ganvas::findDatasetSpec(name.toStdString());
    if (m_fetching || !spec) {
        if (!spec)
            setMessage(tr("Unknown dataset '%1'.").arg(name), true);
        return false;
    }
    if (m_worker.joinable())
        m_worker.join();
    m_cancel = false;
    m_fetching = true;
    setBusy(true);
    m_progress->setValue(0);
    setMessage(tr("Fetching %1…").arg(QString::fromStdString(spec->title)), false);
    ganvas::FetchOptions options;
    options.dataDir = dataDir().toStdString();
    options.mirror = m_mirror->text().trimmed().toStdString();
    options.cancel = &m_cancel;
    options.force = true; // the button means it: fetch even over an existing copy
    options.progress = [this](const ganvas::FetchProgress &p) {
        QMetaObject::invokeMethod(this, [this, p] {
            onProgress(QString::fromStdString(p.phase), QString::fromStdString(p.file), p.fileIndex, p.fileCount,
                       p.bytes, p.total);
        }, Qt::QueuedConnection);
    };
    const ganvas::DatasetSpec copy = *spec;
    m_worker = std::thread([this, copy, options] {
        bool ok = false;
        QString message;
        try {
            const std::string folder = ganvas::fetchDataset(copy, options);
            ok = true;
            message = tr("%1 is ready in %2.").arg(QString::fromStdString(copy.title), QString::fromStdString(folder));
        } catch (const ganvas::FetchCancelled &) {
            message = tr("Cancelled: nothing was installed (the partial download is kept to resume).");
        } catch (const std::exception &e) {
            message = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(this, [this, ok, message] { onFetchDone(ok, message); }, Qt::QueuedConnection);
    });
    return true;
}

void DatasetManager::onProgress(const QString &phase, const QString &file, int index, int count, qint64 bytes,
                                qint64 total)
{
    // Each file is an equal slice of the bar; within a file, its bytes.
    const double within = total > 0 ? double(bytes) / double(total) : 0.0;
    const double overall = count > 0 ? (index + within) / count : within;
    m_progress->setValue(int(1000 * std::min(1.0, overall)));
    QString text = QStringLiteral("%1 %2 (%3/%4)").arg(phase, file).arg(index + 1).arg(count);
    if (phase == QLatin1String("download"))
        text += total > 0 ? QStringLiteral(": %1 of %2 MB").arg(megabytes(bytes), megabytes(total))
                          : QStringLiteral(": %1 MB").arg(megabytes(bytes));
    m_progress->setFormat(text);
}

void DatasetManager::onFetchDone(bool ok, const QString &message)
{
    if (m_worker.joinable())
        m_worker.join();
    m_fetching = false;
    setBusy(false);
    m_progress->setValue(ok ? 1000 : 0);
    m_progress->setFormat(ok ? tr("done") : QString());
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
        for (int row = 0; row < m_table->rowCount(); ++row)
            if (m_table->item(row, ColName)->text() == nameOrPath)
                m_table->selectRow(row);
        const int factor = std::max(1, 256 / std::max(1, m_previewImage.width()));
        m_previewLabel->setPixmap(QPixmap::fromImage(m_previewImage.scaled(
            m_previewImage.size() * factor, Qt::KeepAspectRatio, Qt::FastTransformation)));
        QString info = tr("<b>%1</b><br>%2 images · %3×%4 · %5<br>from %6")
                           .arg(nameOrPath.toHtmlEscaped())
                           .arg(QLocale().toString(qlonglong(p.count)))
                           .arg(p.width)
                           .arg(p.height)
                           .arg(p.channels == 3 ? tr("colour") : tr("grey"))
                           .arg(QString::fromStdString(p.source).toHtmlEscaped());
        if (p.skipped > 0)
            info += tr("<br>%n unreadable file(s) skipped", nullptr, int(p.skipped));
        for (const auto &note : p.notes)
            info += "<br><small>" + QString::fromStdString(note).toHtmlEscaped() + "</small>";
        m_previewInfo->setText(info);
        setMessage({}, false);
        return true;
    } catch (const std::exception &e) {
        m_previewImage = {};
        m_previewSource.clear();
        m_previewLabel->clear();
        m_previewInfo->clear();
        setMessage(QString::fromUtf8(e.what()), true);
        return false;
    }
}
