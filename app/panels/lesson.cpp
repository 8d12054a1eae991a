#include "panels/lesson.h"

#include "support/language.h"

#include "engine/configfields.h"
#include "engine/presets.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <stdexcept>

namespace {

[[noreturn]] void fail(const QString &source, const QString &what)
{
    throw std::invalid_argument((source + QStringLiteral(": ") + what).toStdString());
}

QStringList strings(const QJsonObject &o, const QString &key, const QString &source)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return {};
    if (!v.isArray())
        fail(source, Lesson::tr("\"%1\" must be a list of texts").arg(key));
    QStringList out;
    for (const QJsonValue &e : v.toArray()) {
        if (!e.isString())
            fail(source, Lesson::tr("\"%1\" must be a list of texts").arg(key));
        out << e.toString();
    }
    return out;
}

bool isField(const QString &name)
{
    for (const auto &f : ganvas::configFields())
        if (name == QLatin1String(f.name))
            return true;
    return false;
}

const char *openNames[] = {"main", "step-through", "lab", "compare"};

} // namespace

Lesson Lesson::fromJson(const QByteArray &json, const QString &source)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        fail(source, tr("not valid JSON at character %1: %2").arg(error.offset).arg(error.errorString()));
    if (!doc.isObject())
        fail(source, tr("a lesson is a JSON object"));
    const QJsonObject o = doc.object();
    Lesson l;
    l.source = source;
    l.title = o.value("title").toString();
    if (l.title.isEmpty())
        fail(source, tr("\"title\" is missing"));
    const QString opens = o.value("opens").toString(QStringLiteral("main"));
    bool known = false;
    for (int i = 0; i < 4; ++i)
        if (opens == QLatin1String(openNames[i]))
            l.opens = Opens(i), known = true;
    if (!known)
        fail(source, tr("\"opens\" must be main, step-through, lab or compare (got \"%1\")").arg(opens));
    try {
        if (o.contains("preset"))
            ganvas::applyPreset(o.value("preset").toString().toStdString(), l.config);
        if (o.contains("settings")) {
            if (!o.value("settings").isObject())
                fail(source, tr("\"settings\" must be an object of settings"));
            l.config.merge(QJsonDocument(o.value("settings").toObject()).toJson().toStdString(),
                               source.toStdString() + " (settings)");
        }
    } catch (const std::invalid_argument &) {
        throw;
    } catch (const std::exception &e) {
        fail(source, QString::fromUtf8(e.what()));
    }
    l.hidden = strings(o, QStringLiteral("hidden"), source);
    l.locked = strings(o, QStringLiteral("locked"), source);
    for (const QString &name : l.hidden + l.locked)
        if (!isField(name))
            fail(source, tr("\"%1\" is not a settings field").arg(name));
    const QJsonObject lab = o.value("lab").toObject();
    l.labShape = lab.value("shape").toString(l.labShape);
    l.labLoss = lab.value("loss").toString(l.labLoss);
    l.labLrG = lab.value("lr_g").toDouble(l.labLrG);
    l.labLrD = lab.value("lr_d").toDouble(l.labLrD);
    l.compare = strings(o, QStringLiteral("compare"), source);
    if (l.opens == Opens::Compare && l.compare.size() < 2)
        fail(source, tr("a comparison lesson needs at least two datasets in \"compare\""));
    l.steps = strings(o, QStringLiteral("steps"), source);
    if (l.steps.isEmpty())
        fail(source, tr("\"steps\" is missing: a lesson needs at least one text"));
    // The texts in the language of the interface ("title[zh_CN]", "steps[zh_CN]") where the
    // lesson has them; the plain ones otherwise.
    const QString titleKey = language::localizedKey(QStringLiteral("title"));
    const QString stepsKey = language::localizedKey(QStringLiteral("steps"));
    if (titleKey != QLatin1String("title") && o.value(titleKey).isString())
        l.title = o.value(titleKey).toString();
    if (stepsKey != QLatin1String("steps") && o.contains(stepsKey)) {
        const QStringList translated = strings(o, stepsKey, source);
        if (translated.size() != l.steps.size())
            fail(source, tr("\"%1\" has %2 texts, \"steps\" %3: each step needs its translation")
                             .arg(stepsKey)
                             .arg(translated.size())
                             .arg(l.steps.size()));
        l.steps = translated;
    }
    return l;
}

Lesson Lesson::fromFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        fail(path, tr("cannot be read: %1").arg(f.errorString()));
    return fromJson(f.readAll(), path);
}

QJsonObject Lesson::toJson() const
{
    QJsonObject o;
    o["title"] = title;
    o["opens"] = QLatin1String(openNames[int(opens)]);
    o["settings"] = QJsonDocument::fromJson(QByteArray::fromStdString(config.toJson())).object();
    o["hidden"] = QJsonArray::fromStringList(hidden);
    o["locked"] = QJsonArray::fromStringList(locked);
    if (opens == Opens::Lab)
        o["lab"] = QJsonObject{{"shape", labShape}, {"loss", labLoss}, {"lr_g", labLrG}, {"lr_d", labLrD}};
    if (!compare.isEmpty())
        o["compare"] = QJsonArray::fromStringList(compare);
    o["steps"] = QJsonArray::fromStringList(steps);
    return o;
}

void Lesson::save(const QString &path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(toJson()).toJson()) < 0 || !f.commit())
        throw std::runtime_error((path + QStringLiteral(": ") + tr("cannot be written: %1").arg(f.errorString()))
                                     .toStdString());
}

QList<Lesson> Lesson::shipped()
{
    QList<Lesson> out;
    for (const char *name : {"what-d-and-g-do", "d-too-strong", "mode-collapse", "tricks-that-help", "grey-against-colour"})
        out << fromFile(QStringLiteral(":/lessons/%1.json").arg(QLatin1String(name)));
    return out;
}
