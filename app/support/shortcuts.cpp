#include "support/shortcuts.h"

#include <QAction>
#include <QCoreApplication>

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

void setActionToolTip(QAction *action, const QString &what)
{
    const QString key = action->shortcut().toString(QKeySequence::NativeText);
    action->setToolTip(key.isEmpty() ? what : QCoreApplication::translate("ActionToolTip", "%1 (%2)").arg(what, key));
}
