#include "runs/configtexts.h"

#include "engine/configfields.h"
#include "engine/trainingconfig.h"

namespace {

QString number(double v)
{
    return QString::fromStdString(ganvas::showFieldNumber(v));
}

QString lowerFirst(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

} // namespace

QString ConfigTexts::field(const char *text)
{
    return QCoreApplication::translate("TrainingConfig", text);
}

QString ConfigTexts::listed(const QStringList &items)
{
    if (items.size() < 2)
        return items.value(0);
    const QString head = items.mid(0, items.size() - 1).join(tr(", ", "between the items of a list"));
    return tr("%1 or %2", "the last two items of a list of choices").arg(head, items.last());
}

QString ConfigTexts::rule(const ganvas::ConfigField &f)
{
    if (*f.rule)
        return field(f.rule);
    QString r;
    if (f.kind == ganvas::FieldKind::Choice) {
        QStringList items;
        for (const std::string &c : f.choices)
            items << QString::fromStdString(c);
        r = tr("must be %1", "a choice").arg(listed(items));
    } else if (f.kind == ganvas::FieldKind::Text) {
        return {};
    } else {
        const QString lo = number(f.min), hi = number(f.max);
        if (f.special) {
            const QString special = QString::number(*f.special), meaning = lowerFirst(field(f.specialMeaning));
            r = f.hasMax ? tr("must be %1 (%2) or %3 to %4").arg(special, meaning, lo, hi)
                         : tr("must be %1 (%2) or at least %3").arg(special, meaning, lo);
        } else if (!f.hasMax) {
            r = f.minOpen ? tr("must be > %1").arg(lo) : tr("must be >= %1").arg(lo);
        } else if (f.minOpen && f.maxOpen) {
            r = tr("must be > %1 and < %2").arg(lo, hi);
        } else if (f.minOpen) {
            r = tr("must be in (%1, %2]").arg(lo, hi);
        } else if (f.maxOpen) {
            r = tr("must be in [%1, %2)").arg(lo, hi);
        } else {
            r = tr("must be %1 to %2").arg(lo, hi);
        }
    }
    if (*f.rangeNote)
        r = tr("%1 (%2)", "a rule and its note").arg(r, field(f.rangeNote));
    return r;
}

QString ConfigTexts::problem(const ganvas::ConfigProblem &p)
{
    const QString got = QString::fromStdString(p.got);
    switch (p.kind) {
    case ganvas::ConfigProblem::Kind::OnlyWithLosses: {
        QStringList losses;
        for (const std::string &l : p.losses)
            losses << QString::fromStdString(l);
        return tr("only apply to the %1 losses (loss is %2)").arg(listed(losses), got);
    }
    case ganvas::ConfigProblem::Kind::BatchOverLimit:
        return tr("is larger than the %1 images that limit leaves (got %2)").arg(QString::number(p.limit), got);
    case ganvas::ConfigProblem::Kind::Field:
        break;
    }
    const ganvas::ConfigField *f = ganvas::findConfigField(p.field);
    if (!f)
        return QString::fromStdString(p.message);
    return tr("%1 (got %2)", "a rule and the value that breaks it").arg(rule(*f), got);
}

QString ConfigTexts::problemWithLabel(const ganvas::ConfigProblem &p)
{
    const ganvas::ConfigField *f = ganvas::findConfigField(p.field);
    QString labels = f ? field(f->label) : QString::fromStdString(p.field);
    for (const std::string &other : p.others)
        if (const ganvas::ConfigField *o = ganvas::findConfigField(other))
            labels = tr("%1 and %2", "two settings a problem is about").arg(labels, field(o->label));
    return tr("%1: %2", "a setting's label and what is wrong with it").arg(labels, problem(p));
}
