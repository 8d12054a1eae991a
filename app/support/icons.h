#pragma once

#include <QIcon>

// The icons of the toolbar actions: the desktop theme's icon where the theme has one, else our
// own SVG (resources/icons, compiled in), so that every action has an icon on every desktop.
enum class ActionIcon { Start, Pause, Step, Stop, Save, Preview, Add, Remove, Open, Export, Animation };

QIcon actionIcon(ActionIcon which);

// The bundled SVG alone, without the theme (for tests and for places that must look the same
// everywhere).
QIcon bundledIcon(ActionIcon which);
