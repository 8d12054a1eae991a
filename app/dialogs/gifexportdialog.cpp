#include "dialogs/gifexportdialog.h"

#include "media/gifwriter.h"
#include "media/pngio.h"
#include "support/imageconversion.h"
#include "support/messagebar.h"
#include "ui_gifexportdialog.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QUrl>
#include <QFileDialog>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>

namespace {

// The epoch number drawn in the top-left corner of a frame (before enlarging, so it stays
// crisp), on a dark box so it reads on any image.
ganvas::Image8 withEpochLabel(const ganvas::Image8 &frame, int epoch)
{
    QImage image = toQImage(frame).convertToFormat(QImage::Format_RGB888);
    QPainter p(&image);
    QFont font = p.font();
    font.setPixelSize(std::max(8, frame.height / 12));
    p.setFont(font);
    const QString text = QString::number(epoch);
    const QRect box = QFontMetrics(font).boundingRect(text).adjusted(-2, -1, 2, 1);
    p.fillRect(QRect(QPoint(0, 0), box.size()), QColor(0, 0, 0, 200));
    p.setPen(QColor(255, 220, 0));
    p.drawText(QRect(QPoint(0, 0), box.size()), Qt::AlignCenter, text);
    p.end();
    return toImage8Rgb(image);
}

} // namespace

GifExportDialog::GifExportDialog(const QString &runDir, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::GifExportDialog>()), m_runDir(runDir)
{
    m_ui->setupUi(this);
    static const QRegularExpression name("^epoch-(\\d{4,})\\.png$");
    for (const QString &f : QDir(runDir + "/frames").entryList({"epoch-*.png"}, QDir::Files, QDir::Name)) {
        const auto m = name.match(f);
        if (m.hasMatch())
            m_epochs << m.captured(1).toInt();
    }
    const int first = m_epochs.isEmpty() ? 0 : m_epochs.first(), last = m_epochs.isEmpty() ? 0 : m_epochs.last();
    m_ui->from->setRange(first, last);
    m_ui->from->setValue(first);
    m_ui->to->setRange(first, last);
    m_ui->to->setValue(last);
    m_ui->status->setText(tr("Frames in this run: %n", nullptr, int(m_epochs.size())));
    // Big enough for a slide (at least 480 pixels a side), with the epoch on every frame.
    m_ui->labels->setChecked(true);
    m_preview = new QLabel(this);
    m_preview->setObjectName("preview");
    m_preview->setAlignment(Qt::AlignCenter);
    m_ui->layout->insertWidget(1, m_preview);
    if (!m_epochs.isEmpty()) {
        try {
            // Read once; the preview and the size follow the checkbox and the scale from it.
            const auto frame =
                ganvas::readPng(QString("%1/frames/epoch-%2.png").arg(runDir).arg(last, 4, 10, QChar('0')).toStdString());
            const auto showSize = [this, w = frame.width, h = frame.height](int scale) {
                m_ui->status->setText(tr("Frames in this run: %n · each %1 × %2 pixels", nullptr, int(m_epochs.size()))
                                          .arg(w * scale)
                                          .arg(h * scale));
            };
            const auto showPreview = [this, frame, last](bool labelled) {
                const QImage image = toQImage(labelled ? withEpochLabel(frame, last) : frame);
                m_preview->setPixmap(QPixmap::fromImage(image.scaled(image.size() * 2)));
            };
            connect(m_ui->scale, qOverload<int>(&QSpinBox::valueChanged), this, showSize);
            connect(m_ui->labels, &QCheckBox::toggled, this, showPreview);
            m_ui->scale->setValue(std::max(2, (480 + frame.width - 1) / std::max(1, frame.width)));
            showSize(m_ui->scale->value());
            showPreview(m_ui->labels->isChecked());
            m_preview->setToolTip(tr("The last frame, epoch %1").arg(last));
        } catch (const std::exception &) {
            m_preview->setText(tr("(the last frame cannot be read)"));
        }
    }

    auto *exportButton = m_ui->buttons->addButton(tr("Export…"), QDialogButtonBox::AcceptRole);
    exportButton->setEnabled(!m_epochs.isEmpty());
    connect(exportButton, &QPushButton::clicked, this, &GifExportDialog::chooseFileAndExport);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_exporting)
            cancel();
        else
            reject();
    });
}

GifExportDialog::~GifExportDialog()
{
    m_cancel = true;
    m_job.waitForFinished();
}

void GifExportDialog::setRange(int firstEpoch, int lastEpoch)
{
    m_ui->from->setValue(firstEpoch);
    m_ui->to->setValue(lastEpoch);
}

int GifExportDialog::scale() const { return m_ui->scale->value(); }
bool GifExportDialog::epochLabels() const { return m_ui->labels->isChecked(); }

void GifExportDialog::setFramesPerSecond(int fps) { m_ui->fps->setValue(fps); }
void GifExportDialog::setScale(int scale) { m_ui->scale->setValue(scale); }
void GifExportDialog::setLoop(bool loop) { m_ui->loop->setChecked(loop); }
void GifExportDialog::setEpochLabels(bool on) { m_ui->labels->setChecked(on); }

void GifExportDialog::chooseFileAndExport()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export GIF"), m_runDir + "/run.gif", tr("GIF (*.gif)"));
    if (!file.isEmpty())
        exportTo(file);
}

void GifExportDialog::exportTo(const QString &file)
{
    if (m_exporting)
        return;
    QStringList paths;
    QVector<int> epochs;
    for (int e : std::as_const(m_epochs))
        if (e >= m_ui->from->value() && e <= m_ui->to->value()) {
            paths << QString("%1/frames/epoch-%2.png").arg(m_runDir).arg(e, 4, 10, QChar('0'));
            epochs << e;
        }
    ganvas::GifOptions options;
    options.fps = m_ui->fps->value();
    options.scale = m_ui->scale->value();
    options.loop = m_ui->loop->isChecked();
    const bool labels = m_ui->labels->isChecked();
    m_cancel = false;
    m_exporting = true;
    m_ui->progress->setRange(0, 2 * int(paths.size()));
    m_ui->progress->setValue(0);
    m_ui->status->setText(tr("Writing %1…").arg(file));
    m_ui->messages->clear();
    auto report = [this](int value) {
        QMetaObject::invokeMethod(this, [this, value] { m_ui->progress->setValue(value); });
    };
    const QString none = tr("no frames in the chosen epochs");
    const int n = int(paths.size());
    m_job = runInBackground(this, "GIF export", [=, this] {
        if (paths.isEmpty())
            throw ganvas::MediaError(none.toStdString());
        std::vector<ganvas::Image8> frames;
        for (int i = 0; i < n && !m_cancel; ++i) {
            auto frame = ganvas::readPng(paths[i].toStdString());
            frames.push_back(labels ? withEpochLabel(frame, epochs[i]) : frame);
            report(i + 1);
        }
        return !m_cancel && ganvas::writeGif(file.toStdString(), frames, options, [&](int done, int) {
                   report(n + done);
                   return !m_cancel.load();
               });
    }, [this, file, n](const JobOutcome<bool> &outcome) { onDone(outcome, file, n); });
}

void GifExportDialog::onDone(const JobOutcome<bool> &outcome, const QString &file, int frames)
{
    m_exporting = false;
    const bool written = outcome.ok() && outcome.value;
    const QString message = !outcome.ok() ? outcome.error
                            : written     ? tr("Wrote %1 (frames: %n)", nullptr, frames).arg(file)
                                          : tr("Cancelled: nothing written");
    if (outcome.ok()) {
        m_ui->status->setText(message);
        if (written) {
            // Done: the way out says Close, and the file is one click away.
            m_written = file;
            m_ui->buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
            if (!m_showFile) {
                m_showFile = m_ui->buttons->addButton(tr("Show file"), QDialogButtonBox::ActionRole);
                m_showFile->setObjectName("showFile");
                connect(m_showFile, &QPushButton::clicked, this, [this] {
                    QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_written).absolutePath()));
                });
            }
        }
    } else {
        m_ui->status->clear();
        m_ui->progress->setValue(0);
        m_ui->messages->showError(message);
    }
    Q_EMIT finished(written, message);
}
