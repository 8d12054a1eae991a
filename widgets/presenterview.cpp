#include "presenterview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {

const QColor kBackground(0x10, 0x10, 0x10);
const QColor kText(0xf2, 0xf2, 0xf2);
const QColor kDim(0xb8, 0xb8, 0xb8); // still 9:1 against the background

} // namespace

PresenterView::PresenterView(QWidget *parent) : QWidget(parent)
{
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, kBackground);
    pal.setColor(QPalette::WindowText, kText);
    setPalette(pal);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    m_figuresBox = new QWidget;
    m_figuresRow = new QHBoxLayout(m_figuresBox);
    m_figuresRow->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_figuresBox);
    layout->addStretch(1); // the grid is painted here
    m_buttonsBox = new QWidget;
    auto *buttons = new QHBoxLayout(m_buttonsBox);
    buttons->setContentsMargins(0, 0, 0, 0);
    m_startPause = new QPushButton(tr("Start"));
    m_step = new QPushButton(tr("Step"));
    m_settings = new QPushButton(tr("Settings"));
    m_settings->setCheckable(true);
    m_leave = new QPushButton(tr("Leave presenter (Esc)"));
    m_startPause->setToolTip(tr("Start the training, pause it, or go on"));
    m_step->setToolTip(tr("Train one batch and show the grid after it"));
    m_settings->setToolTip(tr("Show or hide the settings beside the grid"));
    m_leave->setToolTip(tr("Back to the normal window (Esc or F11)"));
    buttons->addStretch(1);
    for (QPushButton *b : {m_startPause, m_step, m_settings, m_leave}) {
        b->setFocusPolicy(Qt::NoFocus); // the keys stay with the window: Esc, F10, Ctrl+P
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    layout->addWidget(m_buttonsBox);
    connect(m_startPause, &QPushButton::clicked, this, &PresenterView::startPauseClicked);
    connect(m_step, &QPushButton::clicked, this, &PresenterView::stepClicked);
    connect(m_settings, &QPushButton::toggled, this, &PresenterView::settingsToggled);
    connect(m_leave, &QPushButton::clicked, this, &PresenterView::leaveRequested);
    applySizes();
}

void PresenterView::setFigures(const QList<QPair<QString, QString>> &figures)
{
    while (m_values.size() < figures.size()) {
        auto *cell = new QWidget;
        auto *v = new QVBoxLayout(cell);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(0);
        auto *name = new QLabel, *value = new QLabel;
        for (QLabel *l : {name, value}) {
            l->setAlignment(Qt::AlignHCenter);
            // No minimum width from the text: the view may narrow (the settings beside it) and
            // applySizes() then makes the text smaller rather than the window wider than the screen.
            l->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
            v->addWidget(l);
        }
        m_figuresRow->addWidget(cell, 1);
        m_names.append(name);
        m_values.append(value);
    }
    for (int i = 0; i < m_values.size(); ++i) {
        const bool used = i < figures.size();
        m_names[i]->parentWidget()->setVisible(used);
        if (used) {
            m_names[i]->setText(figures[i].first);
            m_values[i]->setText(figures[i].second);
        }
    }
    applySizes();
}

void PresenterView::setGrid(const QImage &grid, const QString &caption)
{
    m_grid = grid;
    m_caption = caption;
    update();
}

void PresenterView::setTrainingState(const QString &startPauseText, bool canStep)
{
    m_startPause->setText(startPauseText);
    m_step->setEnabled(canStep);
}

void PresenterView::setSettingsShown(bool shown)
{
    const QSignalBlocker block(m_settings);
    m_settings->setChecked(shown);
}

void PresenterView::applySizes()
{
    // 24 px at 800 lines and below, then growing with the screen (27 px at 1080); smaller where
    // the figures or the buttons would not fit side by side (the settings beside the view).
    m_textPx = std::max(24, height() / 40);
    while (m_textPx > 12 && widthNeeded(m_textPx) > width() - 24)
        --m_textPx;
    // Each figure as wide as its text needs, so a long name (FD's) is not cut while short ones have room.
    for (int i = 0; i < m_values.size(); ++i)
        m_figuresRow->setStretch(i, figureWidth(i, m_textPx));
    const auto css = [](int px, const QColor &c) {
        return QStringLiteral("color: %1; font-size: %2px;").arg(c.name()).arg(px);
    };
    for (QLabel *l : std::as_const(m_names))
        l->setStyleSheet(css(m_textPx, kDim));
    for (QLabel *l : std::as_const(m_values))
        l->setStyleSheet(css(m_textPx * 8 / 5, kText) + QStringLiteral(" font-weight: bold;"));
    const QString button = QStringLiteral(
                               "QPushButton { font-size: %1px; color: #f2f2f2; background: #2a2a2a; border: 2px solid "
                               "#8a8a8a; border-radius: 6px; padding: %2px %3px; }"
                               "QPushButton:checked { background: #3d5a80; border-color: #f2f2f2; }"
                               "QPushButton:disabled { color: #8a8a8a; border-color: #4a4a4a; }")
                               .arg(m_textPx)
                               .arg(m_textPx / 3)
                               .arg(m_textPx);
    for (QPushButton *b : {m_startPause, m_step, m_settings, m_leave})
        b->setStyleSheet(button);
    update();
}

int PresenterView::figureWidth(int i, int px) const
{
    QFont nameFont = font(), valueFont = font();
    nameFont.setPixelSize(px);
    valueFont.setPixelSize(px * 8 / 5);
    valueFont.setBold(true);
    return std::max(QFontMetrics(nameFont).horizontalAdvance(m_names[i]->text()),
                    QFontMetrics(valueFont).horizontalAdvance(m_values[i]->text())) + px; // a gap between
}

int PresenterView::widthNeeded(int px) const
{
    QFont nameFont = font();
    nameFont.setPixelSize(px);
    const QFontMetrics names(nameFont);
    int figures = 0;
    for (int i = 0; i < m_values.size(); ++i)
        if (!m_names[i]->parentWidget()->isHidden())
            figures += figureWidth(i, px);
    int buttons = 0;
    for (const QPushButton *b : {m_startPause, m_step, m_settings, m_leave})
        if (!b->isHidden())
            buttons += names.horizontalAdvance(b->text()) + 2 * px + 16; // padding, border, spacing
    return std::max(figures, buttons);
}

void PresenterView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    applySizes();
}

QRect PresenterView::gridArea() const
{
    const int top = m_figuresBox->geometry().bottom() + 12;
    const int bottom = m_buttonsBox->geometry().top() - 12 - (m_textPx + 12); // room for the caption
    return QRect(12, top, width() - 24, std::max(0, bottom - top));
}

int PresenterView::scale() const
{
    if (m_grid.isNull())
        return 0;
    const QRect area = gridArea();
    // Whole multiples keep every pixel square; a grid larger than the room is shown smaller.
    const int s = std::min(area.width() / m_grid.width(), area.height() / m_grid.height());
    return std::max(1, s);
}

QRect PresenterView::gridRect() const
{
    if (m_grid.isNull())
        return {};
    const QRect area = gridArea();
    const QSize size = m_grid.size() * scale();
    return QRect(area.x() + (area.width() - size.width()) / 2, area.y() + (area.height() - size.height()) / 2,
                 size.width(), size.height());
}

int PresenterView::smallestTextPixels() const
{
    return m_textPx;
}

void PresenterView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), kBackground);
    QFont f = font();
    f.setPixelSize(m_textPx);
    p.setFont(f);
    p.setPen(kText);
    if (m_grid.isNull()) {
        p.drawText(gridArea(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("The generator's samples appear here after the first epoch (or press Step)"));
        return;
    }
    const QRect target = gridRect();
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(target, m_grid);
    p.setPen(kDim);
    p.drawText(QRect(0, target.bottom() + 8, width(), m_textPx + 12), Qt::AlignHCenter | Qt::AlignTop, m_caption);
}
