#include "support/shortcuts.h"

namespace {

QList<QKeySequence> withPlatformKeys(QKeySequence first, QKeySequence::StandardKey key)
{
    QList<QKeySequence> keys{first};
    for (const QKeySequence &k : QKeySequence::keyBindings(key))
        if (!keys.contains(k))
            keys << k;
    return keys;
}

} // namespace

QList<QKeySequence> closeShortcuts()
{
    return withPlatformKeys(QKeySequence(Qt::CTRL | Qt::Key_W), QKeySequence::Close);
}

QList<QKeySequence> quitShortcuts()
{
    return withPlatformKeys(QKeySequence(Qt::CTRL | Qt::Key_Q), QKeySequence::Quit);
}
