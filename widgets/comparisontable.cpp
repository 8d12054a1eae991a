#include "comparisontable.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QPainter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

ComparisonTable::ComparisonTable(QWidget *parent)
    : QWidget(parent),
      m_model(new ComparisonTableModel(this)),
      m_table(new QTableView(this)),
      m_showAll(new QCheckBox(tr("Show all settings"), this))
{
    m_table->setObjectName("comparisonTable");
    m_showAll->setObjectName("showAllSettings");
    m_showAll->setToolTip(tr("Also list the settings that are the same in every run"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_showAll);
    layout->addWidget(m_table, 1);

    connect(m_showAll, &QCheckBox::toggled, m_model, &ComparisonTableModel::setShowAllSettings);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved,
                              &QAbstractItemModel::columnsInserted, &QAbstractItemModel::columnsRemoved})
        connect(m_model, signal, this, &ComparisonTable::updateSpans);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &ComparisonTable::updateSpans);
    m_showAll->setEnabled(false);
}

void ComparisonTable::addRun(const QString &title, const QColor &colour)
{
    m_model->addRun(title, colour);
    // With one run nothing can differ; every setting is shown anyway.
    m_showAll->setEnabled(m_model->columnCount() > 1);
}

void ComparisonTable::removeRun(int run)
{
    m_model->removeRun(run);
    m_showAll->setEnabled(m_model->columnCount() > 1);
}

void ComparisonTable::setRunTitle(int run, const QString &title)
{
    m_model->setRunTitle(run, title);
}

void ComparisonTable::setSettings(int run, const Entries &settings)
{
    m_model->setSettings(run, settings);
}

void ComparisonTable::setFigures(int run, const Entries &figures)
{
    m_model->setFigures(run, figures);
}

bool ComparisonTable::showsAllSettings() const
{
    return m_showAll->isChecked();
}

void ComparisonTable::setShowAllSettings(bool all)
{
    m_showAll->setChecked(all);
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

    const int rows = m_model->rowCount();
    const int runs = m_model->columnCount();
    const auto rowName = [this](int row) { return m_model->headerData(row, Qt::Vertical).toString(); };
    const auto text = [this](int row, int column) { return m_model->index(row, column).data().toString(); };
    int nameWidth = metrics.horizontalAdvance(tr("Setting"));
    for (int row = 0; row < rows; ++row)
        nameWidth = std::max(nameWidth, metrics.horizontalAdvance(rowName(row)));
    nameWidth = std::min(nameWidth + 2 * pad, width / 3);
    const int columns = std::max(1, runs);
    const int columnWidth = std::max(40, (width - nameWidth) / columns);

    QImage image(width, rowHeight * (rows + 1) + 1, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setFont(bold);
    const auto cell = [&](int row, int column) {
        const int x = column < 0 ? 0 : nameWidth + column * columnWidth;
        return QRect(x, row * rowHeight, column < 0 ? nameWidth : columnWidth, rowHeight);
    };
    // Header: a swatch and the title of each run, in its colour.
    p.fillRect(QRect(0, 0, width, rowHeight), QColor(235, 235, 235));
    for (int c = 0; c < runs; ++c) {
        const QRect r = cell(0, c).adjusted(pad, 0, -pad, 0);
        const QColor colour = m_model->runColour(c);
        p.fillRect(QRect(r.x(), r.center().y() - 5, 10, 10), colour);
        p.setPen(colour.darker(120));
        p.drawText(r.adjusted(16, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                   metrics.elidedText(m_model->runTitle(c), Qt::ElideRight, r.width() - 16));
    }
    for (int row = 0; row < rows; ++row) {
        const int y = row + 1;
        if (m_model->isHeading(row) || rowName(row).isEmpty()) {
            // A section row: its text across the whole width.
            p.fillRect(QRect(0, y * rowHeight, width, rowHeight), QColor(245, 245, 245));
            p.setPen(QColor(60, 60, 60));
            p.setFont(bold);
            p.drawText(QRect(pad, y * rowHeight, width - 2 * pad, rowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                       text(row, 0));
            continue;
        }
        p.setPen(Qt::black);
        p.setFont(font);
        const QRect nameRect = cell(y, -1).adjusted(pad, 0, -pad, 0);
        p.drawText(nameRect, Qt::AlignVCenter | Qt::AlignLeft,
                   QFontMetrics(font).elidedText(rowName(row), Qt::ElideRight, nameRect.width()));
        for (int c = 0; c < runs; ++c) {
            const QRect r = cell(y, c).adjusted(pad, 0, -pad, 0);
            p.drawText(r, Qt::AlignVCenter | Qt::AlignLeft,
                       QFontMetrics(font).elidedText(text(row, c), Qt::ElideRight, r.width()));
        }
    }
    p.setPen(QColor(210, 210, 210));
    for (int row = 0; row <= rows + 1; ++row)
        p.drawLine(0, row * rowHeight, width, row * rowHeight);
    return image;
}

void ComparisonTable::updateSpans()
{
    m_table->clearSpans();
    const int columns = m_model->columnCount();
    if (columns < 2)
        return;
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->isHeading(row))
            m_table->setSpan(row, 0, 1, columns);
}
