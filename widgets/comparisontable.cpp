#include "comparisontable.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QPainter>
#include <QPixmap>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// The value of name in entries; a null string when the run has no such entry.
QString valueOf(const ComparisonTable::Entries &entries, const QString &name)
{
    for (const auto &entry : entries)
        if (entry.first == name)
            return entry.second;
    return QString();
}

void appendNames(const ComparisonTable::Entries &entries, QStringList &names)
{
    for (const auto &entry : entries)
        if (!names.contains(entry.first))
            names.append(entry.first);
}

QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(colour);
    return QIcon(pixmap);
}

// What a missing value shows, so that "absent" reads differently from an empty value.
const QString kMissing = QStringLiteral("–");

} // namespace

ComparisonTable::ComparisonTable(QWidget *parent)
    : QWidget(parent), m_table(new QTableWidget(this)), m_showAll(new QCheckBox(tr("Show all settings"), this))
{
    m_table->setObjectName("comparisonTable");
    m_showAll->setObjectName("showAllSettings");
    m_showAll->setToolTip(tr("Also list the settings that are the same in every run"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_showAll);
    layout->addWidget(m_table, 1);

    connect(m_showAll, &QCheckBox::toggled, this, [this] { rebuild(); });
    rebuild();
}

void ComparisonTable::addRun(const QString &title, const QColor &colour)
{
    m_runs.append({title, colour, {}, {}});
    rebuild();
}

void ComparisonTable::removeRun(int run)
{
    if (run < 0 || run >= m_runs.size())
        return;
    m_runs.remove(run);
    rebuild();
}

void ComparisonTable::setRunTitle(int run, const QString &title)
{
    if (run < 0 || run >= m_runs.size())
        return;
    m_runs[run].title = title;
    rebuild();
}

void ComparisonTable::setSettings(int run, const Entries &settings)
{
    if (run < 0 || run >= m_runs.size())
        return;
    m_runs[run].settings = settings;
    rebuild();
}

void ComparisonTable::setFigures(int run, const Entries &figures)
{
    if (run < 0 || run >= m_runs.size())
        return;
    m_runs[run].figures = figures;
    rebuild();
}

bool ComparisonTable::showsAllSettings() const
{
    return m_showAll->isChecked();
}

void ComparisonTable::setShowAllSettings(bool all)
{
    m_showAll->setChecked(all);
}

int ComparisonTable::rowOf(const QString &name) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *header = m_table->verticalHeaderItem(row);
        if (header && header->text() == name)
            return row;
    }
    return -1;
}

QImage ComparisonTable::render(int width) const
{
    QFont font;
    font.setPixelSize(13);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    const int rowHeight = metrics.height() + 8;
    const int pad = 8;

    int nameWidth = metrics.horizontalAdvance(tr("Setting"));
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (const QTableWidgetItem *header = m_table->verticalHeaderItem(row))
            nameWidth = std::max(nameWidth, metrics.horizontalAdvance(header->text()));
    nameWidth = std::min(nameWidth + 2 * pad, width / 3);
    const int columns = std::max<int>(1, m_runs.size());
    const int columnWidth = std::max(40, (width - nameWidth) / columns);

    QImage image(width, rowHeight * (m_table->rowCount() + 1) + 1, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setFont(bold);
    const auto cell = [&](int row, int column) {
        const int x = column < 0 ? 0 : nameWidth + column * columnWidth;
        return QRect(x, row * rowHeight, column < 0 ? nameWidth : columnWidth, rowHeight);
    };
    // Header: a swatch and the title of each run, in its colour.
    p.fillRect(QRect(0, 0, width, rowHeight), QColor(235, 235, 235));
    for (int c = 0; c < m_runs.size(); ++c) {
        const QRect r = cell(0, c).adjusted(pad, 0, -pad, 0);
        p.fillRect(QRect(r.x(), r.center().y() - 5, 10, 10), m_runs[c].colour);
        p.setPen(m_runs[c].colour.darker(120));
        p.drawText(r.adjusted(16, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                   metrics.elidedText(m_runs[c].title, Qt::ElideRight, r.width() - 16));
    }
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const int y = row + 1;
        const QTableWidgetItem *header = m_table->verticalHeaderItem(row);
        if (m_table->columnSpan(row, 0) > 1 || !header || header->text().isEmpty()) {
            // A section row: its text across the whole width.
            p.fillRect(QRect(0, y * rowHeight, width, rowHeight), QColor(245, 245, 245));
            p.setPen(QColor(60, 60, 60));
            p.setFont(bold);
            const QTableWidgetItem *item = m_table->item(row, 0);
            p.drawText(QRect(pad, y * rowHeight, width - 2 * pad, rowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                       item ? item->text() : QString());
            continue;
        }
        p.setPen(Qt::black);
        p.setFont(font);
        const QRect nameRect = cell(y, -1).adjusted(pad, 0, -pad, 0);
        p.drawText(nameRect, Qt::AlignVCenter | Qt::AlignLeft,
                   QFontMetrics(font).elidedText(header->text(), Qt::ElideRight, nameRect.width()));
        for (int c = 0; c < m_table->columnCount(); ++c) {
            const QTableWidgetItem *item = m_table->item(row, c);
            const QRect r = cell(y, c).adjusted(pad, 0, -pad, 0);
            p.drawText(r, Qt::AlignVCenter | Qt::AlignLeft,
                       QFontMetrics(font).elidedText(item ? item->text() : QString(), Qt::ElideRight, r.width()));
        }
    }
    p.setPen(QColor(210, 210, 210));
    for (int row = 0; row <= m_table->rowCount() + 1; ++row)
        p.drawLine(0, row * rowHeight, width, row * rowHeight);
    return image;
}

void ComparisonTable::rebuild()
{
    // With one run nothing can differ; every setting is worth showing.
    const bool single = m_runs.size() <= 1;
    m_showAll->setEnabled(!single);

    m_table->clear();
    m_table->clearSpans();
    m_table->setRowCount(0);
    m_table->setColumnCount(m_runs.size());
    for (int c = 0; c < m_runs.size(); ++c) {
        auto *header = new QTableWidgetItem(swatch(m_runs[c].colour), m_runs[c].title);
        header->setForeground(m_runs[c].colour.darker(120));
        header->setToolTip(m_runs[c].title);
        // Left-aligned so that a long title is elided at its end instead of clipped at both.
        header->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        // Not bold: the header elides by the view's font and would clip a bold title instead.
        m_table->setHorizontalHeaderItem(c, header);
    }
    if (m_runs.isEmpty())
        return;

    QVector<const Entries *> settings, figures;
    for (const Run &run : std::as_const(m_runs)) {
        settings.append(&run.settings);
        figures.append(&run.figures);
    }
    const QStringList settingNames = settingRows();
    if (showsAllSettings() || single)
        addSectionRow(tr("Settings"));
    else if (settingNames.isEmpty())
        addSectionRow(tr("Settings: all the same"));
    else
        addSectionRow(tr("Settings that differ"));
    for (const QString &name : settingNames)
        addValueRow(name, settings);

    addSectionRow(tr("Latest figures"));
    for (const QString &name : figureRows())
        addValueRow(name, figures);
}

QStringList ComparisonTable::settingRows() const
{
    QStringList names;
    for (const Run &run : m_runs)
        appendNames(run.settings, names);
    if (showsAllSettings() || m_runs.size() <= 1)
        return names;
    QStringList differing;
    for (const QString &name : std::as_const(names)) {
        // A setting one run lacks counts as different: its value is unknown there.
        const QString first = valueOf(m_runs.first().settings, name);
        const bool same = std::all_of(m_runs.cbegin(), m_runs.cend(), [&](const Run &run) {
            const QString value = valueOf(run.settings, name);
            return !value.isNull() && !first.isNull() && value.trimmed() == first.trimmed();
        });
        if (!same)
            differing.append(name);
    }
    return differing;
}

QStringList ComparisonTable::figureRows() const
{
    QStringList names;
    for (const Run &run : m_runs)
        appendNames(run.figures, names);
    return names;
}

void ComparisonTable::addSectionRow(const QString &text)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setVerticalHeaderItem(row, new QTableWidgetItem(QString()));
    auto *item = new QTableWidgetItem(text);
    QFont font = item->font();
    font.setBold(true);
    item->setFont(font);
    item->setFlags(Qt::ItemIsEnabled);
    item->setBackground(palette().alternateBase());
    m_table->setItem(row, 0, item);
    if (m_table->columnCount() > 1)
        m_table->setSpan(row, 0, 1, m_table->columnCount());
}

void ComparisonTable::addValueRow(const QString &name, const QVector<const Entries *> &columns)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setVerticalHeaderItem(row, new QTableWidgetItem(name));
    for (int c = 0; c < columns.size(); ++c) {
        const QString value = valueOf(*columns[c], name);
        auto *item = new QTableWidgetItem(value.isNull() ? kMissing : value);
        item->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(row, c, item);
    }
}
