#include "support/screenfit.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

#include <algorithm>

void fitToScreen(QWidget *window, QSize wanted)
{
    wanted = wanted.boundedTo(QSize(1280, 720));
    QScreen *screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    if (screen) {
        const QRect room = screen->availableGeometry();
        // A title bar and a frame take about 40 px a window manager does not count as ours.
        wanted = wanted.boundedTo(QSize(room.width() - 16, room.height() - 48));
    }
    window->resize(wanted.expandedTo(QSize(640, 480)));
}
