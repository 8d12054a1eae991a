#include "panels/checkpointbrowser.h"

#include "checkpoint/rundirectory.h"
#include "runs/logging.h"
#include "scoretexts.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

CheckpointBrowser::CheckpointBrowser(QWidget *parent) : QWidget(parent), m_list(new QTreeWidget)
{
    m_list->setColumnCount(7);
    m_list->setHeaderLabels({tr("Epoch"), tr("Step"), tr("Written"), tr("D / G loss"), tr("FD"), tr("Recall"), tr("")});
    m_list->headerItem()->setToolTip(4, ScoreTexts::fd() + "\n" + tr("★ marks the best checkpoint (lowest FD)."));
    m_list->headerItem()->setToolTip(5, ScoreTexts::recall());
    m_list->setRootIsDecorated(false);
    m_list->setIconSize(QSize(48, 48));
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *resume = new QPushButton(tr("Resume from here"));
    auto *sample = new QPushButton(tr("Sample"));
    auto *remove = new QPushButton(tr("Delete…"));
    auto *show = new QPushButton(tr("Show in folder"));
    resume->setToolTip(tr("Continue training from this checkpoint"));
    sample->setToolTip(tr("Draw a new 4x4 grid from this checkpoint's generator with fresh noise"));
    connect(resume, &QPushButton::clicked, this, [this] {
        if (!selectedCheckpoint().isEmpty())
            Q_EMIT resumeRequested(selectedCheckpoint());
    });
    connect(sample, &QPushButton::clicked, this, [this] {
        if (!selectedCheckpoint().isEmpty())
            Q_EMIT sampleRequested(selectedCheckpoint());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (!selectedCheckpoint().isEmpty())
            deleteCheckpoint(selectedCheckpoint());
    });
    connect(show, &QPushButton::clicked, this, [this] {
        if (!m_runDir.isEmpty())
            QDesktopServices::openUrl(QUrl::fromLocalFile(m_runDir + "/checkpoints"));
    });
    auto *buttons = new QHBoxLayout;
    for (auto *b : {resume, sample, remove, show})
        buttons->addWidget(b);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_empty = new QLabel(tr("No checkpoint yet. A run writes one every “Checkpoint every” epochs (an advanced "
                            "setting), when it ends or is stopped, and when you press Save checkpoint."));
    m_empty->setObjectName("noCheckpoints");
    m_empty->setWordWrap(true);
    m_empty->setMargin(6);
    layout->addWidget(m_empty);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
}

void CheckpointBrowser::setRunDirectory(const QString &runDir)
{
    m_runDir = runDir;
    refresh();
}

void CheckpointBrowser::refresh()
{
    m_list->clear();
    m_empty->show();
    if (m_runDir.isEmpty())
        return;
    // A run without metrics yet still lists its checkpoints; unreadable metrics are logged.
    std::vector<ganvas::StepStats> metrics;
    const std::string csv = m_runDir.toStdString() + "/metrics.csv";
    if (QFileInfo::exists(QString::fromStdString(csv))) {
        try {
            metrics = ganvas::RunDirectory::readMetrics(csv);
        } catch (const std::exception &e) {
            qCWarning(lcUi).noquote() << "checkpoint list without losses:" << e.what();
        }
    }
    // The score of each checkpoint's epoch (quality.csv), and the best of them.
    const auto scores = ganvas::readQualityCsv(m_runDir.toStdString() + "/quality.csv");
    const auto entries = ganvas::RunDirectory::listCheckpoints(m_runDir.toStdString());
    const ganvas::QualityScore *best = nullptr;
    for (const auto &e : entries)
        for (const auto &s : scores)
            if (e.step < 0 && s.epoch == e.epochsDone && (!best || s.fd < best->fd))
                best = &s;
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        const QString path = QString::fromStdString(it->path);
        // The losses of the last row logged at or before the checkpoint's step.
        const ganvas::StepStats *row = nullptr;
        for (const auto &m : metrics)
            if (it->step < 0 ? m.epoch <= it->epochsDone : m.step <= it->step)
                row = &m;
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, QString::number(it->epochsDone));
        item->setText(1, row ? QString::number(it->step < 0 ? row->step : it->step) : QString());
        // Short: the time for today's checkpoints, the day for older ones; the whole in the tooltip.
        const QDateTime written = QFileInfo(path).lastModified();
        const QLocale locale;
        const bool today = written.date() == QDate::currentDate();
        item->setText(2, locale.toString(written, today ? locale.timeFormat(QLocale::ShortFormat)
                                                        : locale.dateFormat(QLocale::ShortFormat)));
        item->setToolTip(2, locale.toString(written, QLocale::LongFormat));
        item->setText(3, row ? QString("%1 / %2").arg(row->dLoss, 0, 'f', 3).arg(row->gLoss, 0, 'f', 3) : QString());
        item->setData(0, Qt::UserRole, path);
        item->setToolTip(0, path);
        const ganvas::QualityScore *score = nullptr;
        for (const auto &s : scores)
            if (it->step < 0 && s.epoch == it->epochsDone)
                score = &s;
        if (score) {
            const bool isBest = score == best;
            item->setText(4, isBest ? tr("%1 ★").arg(score->fd, 0, 'g', 3) : QString::number(score->fd, 'g', 3));
            item->setText(5, QString::number(score->recall, 'f', 2));
            const QString detail = ScoreTexts::summary(score->fd, score->kid, score->precision, score->recall) +
                                   "\n" + tr("Measured with %1").arg(QString::fromStdString(score->featureNet)) +
                                   "\n\n" + ScoreTexts::all();
            item->setToolTip(4, detail);
            item->setToolTip(5, detail);
            item->setData(4, Qt::UserRole, isBest);
            if (isBest) {
                QFont bold = item->font(4);
                bold.setBold(true);
                item->setFont(4, bold);
            }
        }
        const QString frame = QString("%1/frames/epoch-%2.png").arg(m_runDir).arg(it->epochsDone, 4, 10, QChar('0'));
        const QPixmap thumb(frame);
        if (!thumb.isNull())
            item->setIcon(6, QIcon(thumb.scaled(48, 48, Qt::KeepAspectRatio, Qt::FastTransformation)));
    }
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    m_empty->setVisible(m_list->topLevelItemCount() == 0);
}

int CheckpointBrowser::count() const
{
    return m_list->topLevelItemCount();
}

QString CheckpointBrowser::checkpointAt(int row) const
{
    auto *item = m_list->topLevelItem(row);
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

QString CheckpointBrowser::selectedCheckpoint() const
{
    auto *item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

void CheckpointBrowser::select(int row)
{
    if (auto *item = m_list->topLevelItem(row))
        m_list->setCurrentItem(item);
}

bool CheckpointBrowser::deleteCheckpoint(const QString &path, bool confirm)
{
    if (confirm &&
        QMessageBox::question(this, tr("Delete checkpoint"),
                              tr("Delete %1? It cannot be undone.").arg(QFileInfo(path).fileName())) != QMessageBox::Yes)
        return false;
    QFile file(path);
    const bool gone = file.remove();
    refresh();
    if (!gone)
        Q_EMIT problem(tr("Could not delete %1: %2").arg(path, file.errorString()));
    return gone;
}

int CheckpointBrowser::bestRow() const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->data(4, Qt::UserRole).toBool())
            return i;
    return -1;
}

QString CheckpointBrowser::scoreText(int row) const
{
    auto *item = m_list->topLevelItem(row);
    return item ? item->text(4) : QString();
}
