#include "support/icons.h"

#include <QString>

namespace {

struct IconNames {
    const char *theme; // freedesktop icon naming specification
    const char *file;  // resources/icons/<file>.svg
};

IconNames namesOf(ActionIcon which)
{
    switch (which) {
    case ActionIcon::Start: return {"media-playback-start", "start"};
    case ActionIcon::Pause: return {"media-playback-pause", "pause"};
    case ActionIcon::Step: return {"media-skip-forward", "step"};
    case ActionIcon::Stop: return {"media-playback-stop", "stop"};
    case ActionIcon::Save: return {"document-save", "save"};
    case ActionIcon::Preview: return {"image-x-generic", "preview"};
    case ActionIcon::Add: return {"list-add", "add"};
    case ActionIcon::Remove: return {"list-remove", "remove"};
    case ActionIcon::Open: return {"document-open", "open"};
    case ActionIcon::Export: return {"document-export", "export"};
    case ActionIcon::Animation: return {"video-x-generic", "animation"};
    }
    return {"", ""};
}

} // namespace

QIcon bundledIcon(ActionIcon which)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(namesOf(which).file)));
}

QIcon actionIcon(ActionIcon which)
{
    return QIcon::fromTheme(QLatin1String(namesOf(which).theme), bundledIcon(which));
}
