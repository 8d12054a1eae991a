#include "support/divergencenotice.h"

#include "support/language.h"
#include "support/messagebar.h"

#include <algorithm>

QString DivergenceNotice::sentence(const ganvas::DivergenceEvent &e)
{
    const QString loss = QString::fromStdString(e.loss);
    if (e.valueText == "nan")
        return tr("The %1 loss stopped being a number at step %2 (epoch %3).").arg(loss).arg(e.step).arg(e.epoch);
    if (e.valueText == "inf" || e.valueText == "-inf")
        return tr("The %1 loss became infinite at step %2 (epoch %3).").arg(loss).arg(e.step).arg(e.epoch);
    return tr("The %1 loss exploded to %2 at step %3 (epoch %4).")
        .arg(loss, QString::fromStdString(e.valueText))
        .arg(e.step)
        .arg(e.epoch);
}

void DivergenceNotice::show(MessageBar *bar, const ganvas::DivergenceEvent &e, const std::function<void()> &rollBack)
{
    using A = ganvas::DivergenceAction;
    const QString what = sentence(e);
    switch (e.action) {
    case A::Paused: {
        const int healthy = std::max(0, e.epoch - 1);
        bar->showError(language::sentences(
            what, tr("Training is paused. Rolling back restores the last healthy state and halves "
                     "both learning rates; too high a learning rate is the usual cause.")));
        bar->addAction(healthy > 0 ? tr("Roll back to epoch %1 with learning rates halved").arg(healthy)
                                   : tr("Start again with learning rates halved"),
                       rollBack);
        bar->addAction(tr("Keep paused"), [] {});
        break;
    }
    case A::RolledBack:
        bar->showInfo(language::sentences(what, tr("Rolled back to epoch %1; the learning rates are now %2 (G) and %3 (D).")
                                                     .arg(e.toEpoch)
                                                     .arg(QString::fromStdString(ganvas::plainRate(e.lrG)),
                                                          QString::fromStdString(ganvas::plainRate(e.lrD)))));
        break;
    case A::Stopped:
        bar->showError(language::sentences(what, tr("Training stopped. Lower the learning rates and start again.")));
        break;
    }
}
