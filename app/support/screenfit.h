#pragma once

#include <QSize>

class QWidget;

// Sizes a new top-level window to `wanted`, but never larger than 1280x720 nor than the screen it
// opens on (less room for a title bar and panels), so that every control is on screen even on a
// 1280x800 projector.
void fitToScreen(QWidget *window, QSize wanted = QSize(1280, 720));
