#include "gifexportdialog.h"

#include "imageconversion.h"

#include "media/gifwriter.h"
#include "media/pngio.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

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

GifExportDialog::GifExportDialog(const QString &runDir, QWidget *parent) : QDialog(parent), m_runDir(runDir)
{
    setWindowTitle(tr("Export GIF"));
    static const QRegularExpression name("^epoch-(\\d{4,})\\.png$");
    for (const QString &f : QDir(runDir + "/frames").entryList({"epoch-*.png"}, QDir::Files, QDir::Name)) {
        const auto m = name.match(f);
        if (m.hasMatch())
            m_epochs << m.captured(1).toInt();
    }
    const int first = m_epochs.isEmpty() ? 0 : m_epochs.first(), last = m_epochs.isEmpty() ? 0 : m_epochs.last();
    auto spin = [](int lo, int hi, int value, const QString &tip) {
        auto *s = new QSpinBox;
        s->setRange(lo, hi);
        s->setValue(value);
        s->setToolTip(tip);
        return s;
    };
    m_from = spin(first, last, first, tr("First epoch in the GIF"));
    m_to = spin(first, last, last, tr("Last epoch in the GIF"));
    m_fps = spin(1, 50, 5, tr("Frames per second"));
    m_scale = spin(1, 16, 2, tr("Enlargement, nearest neighbour"));
    m_loop = new QCheckBox(tr("Loop forever"));
    m_loop->setChecked(true);
    m_labels = new QCheckBox(tr("Epoch number on each frame"));
    m_progress = new QProgressBar;
    m_status = new QLabel(tr("%n frame(s) in this run", nullptr, int(m_epochs.size())));
    auto *form = new QFormLayout;
    form->addRow(tr("From epoch"), m_from);
    form->addRow(tr("To epoch"), m_to);
    form->addRow(tr("Frames per second"), m_fps);
    form->addRow(tr("Scale"), m_scale);
    form->addRow(m_loop);
    form->addRow(m_labels);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    auto *exportButton = m_buttons->addButton(tr("Export…"), QDialogButtonBox::AcceptRole);
    exportButton->setEnabled(!m_epochs.isEmpty());
    connect(exportButton, &QPushButton::clicked, this, &GifExportDialog::chooseFileAndExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_worker.joinable())
            cancel();
        else
            reject();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
}

GifExportDialog::~GifExportDialog()
{
    m_cancel = true;
    if (m_worker.joinable())
        m_worker.join();
}

void GifExportDialog::setRange(int firstEpoch, int lastEpoch)
{
    m_from->setValue(firstEpoch);
    m_to->setValue(lastEpoch);
}

void GifExportDialog::setFramesPerSecond(int fps)
{
    m_fps->setValue(fps);
}

void GifExportDialog::setScale(int scale)
{
    m_scale->setValue(scale);
}

void GifExportDialog::setLoop(bool loop)
{
    m_loop->setChecked(loop);
}

void GifExportDialog::setEpochLabels(bool on)
{
    m_labels->setChecked(on);
}

void GifExportDialog::chooseFileAndExport()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export GIF"), m_runDir + "/run.gif", tr("GIF (*.gif)"));
    if (!file.isEmpty())
        exportTo(file);
}

void GifExportDialog::exportTo(const QString &file)
{
    if (m_worker.joinable())
        return;
    QStringList paths;
    QVector<int> epochs;
    for (int e : std::as_const(m_epochs))
        if (e >= m_from->value() && e <= m_to->value()) {
            paths << QString("%1/frames/epoch-%2.png").arg(m_runDir).arg(e, 4, 10, QChar('0'));
            epochs << e;
        }
    ganvas::GifOptions options;
    options.fps = m_fps->value();
    options.scale = m_scale->value();
    options.loop = m_loop->isChecked();
    const bool labels = m_labels->isChecked();
    m_cancel = false;
    m_progress->setRange(0, 2 * int(paths.size()));
    m_progress->setValue(0);
    m_status->setText(tr("Writing %1…").arg(file));
    auto report = [this](int value) {
        QMetaObject::invokeMethod(this, [this, value] { m_progress->setValue(value); });
    };
    m_worker = std::thread([=, this] {
        bool written = false;
        QString message;
        try {
            if (paths.isEmpty())
                throw ganvas::MediaError(tr("no frames in the chosen epochs").toStdString());
            std::vector<ganvas::Image8> frames;
            for (int i = 0; i < paths.size() && !m_cancel; ++i) {
                auto frame = ganvas::readPng(paths[i].toStdString());
                frames.push_back(labels ? withEpochLabel(frame, epochs[i]) : frame);
                report(i + 1);
            }
            const int n = int(paths.size());
            written = !m_cancel && ganvas::writeGif(file.toStdString(), frames, options, [&](int done, int) {
                          report(n + done);
                          return !m_cancel.load();
                      });
            message = written ? tr("Wrote %1 (%2 frames)").arg(file).arg(n) : tr("Cancelled: nothing written");
        } catch (const std::exception &e) {
            message = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(this, [this, written, message] { onDone(written, message); });
    });
}

void GifExportDialog::onDone(bool written, const QString &message)
{
    if (m_worker.joinable())
        m_worker.join();
    m_status->setText(message);
    Q_EMIT finished(written, message);
}
