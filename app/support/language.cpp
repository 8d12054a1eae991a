#include "support/language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QSettings>
#include <QTranslator>

namespace language {

namespace {

Q_LOGGING_CATEGORY(lcLanguage, "ganvas.language")

const char *const settingKey = "language";
QString g_installed = QStringLiteral("en");

// The catalogue `name` (ganvas_zh_CN) from the first folder that has it.
bool loadFrom(QTranslator &translator, const QString &name, const QStringList &folders)
{
    for (const QString &folder : folders)
        if (translator.load(name, folder))
            return true;
    return false;
}

} // namespace

Choice chosen()
{
    const QString v = QSettings().value(settingKey).toString();
    if (v == QLatin1String("en"))
        return Choice::English;
    if (v == QLatin1String("zh_CN"))
        return Choice::Chinese;
    return Choice::System;
}

void choose(Choice choice)
{
    QSettings settings;
    switch (choice) {
    case Choice::English:
        settings.setValue(settingKey, QStringLiteral("en"));
        break;
    case Choice::Chinese:
        settings.setValue(settingKey, QStringLiteral("zh_CN"));
        break;
    case Choice::System:
        settings.setValue(settingKey, QStringLiteral("system"));
        break;
    }
}

QLocale interfaceLocale()
{
    switch (chosen()) {
    case Choice::English:
        return QLocale(QLocale::English, QLocale::UnitedStates);
    case Choice::Chinese:
        return QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China);
    case Choice::System:
        break;
    }
    // Simplified Chinese is the one translation; a Chinese reader of any region reads it more
    // easily than English.
    for (const QString &name : QLocale::system().uiLanguages())
        if (name.startsWith(QLatin1String("zh")))
            return QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China);
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

QString installedName()
{
    return g_installed;
}

bool chineseInUse()
{
    return g_installed == QLatin1String("zh_CN");
}

QString installedTranslationsDir()
{
    return QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/ganvas/translations"));
}

bool installTranslators(QCoreApplication &app)
{
    const QLocale locale = interfaceLocale();
    const bool chinese = locale.language() == QLocale::Chinese;
    const QString name = chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
    QLocale::setDefault(locale);
    bool ok = true;
    auto *own = new QTranslator(&app);
    if (loadFrom(*own, QStringLiteral("ganvas_") + name, {installedTranslationsDir(), QStringLiteral(":/i18n")})) {
        app.installTranslator(own);
        g_installed = name;
    } else {
        qCWarning(lcLanguage).noquote() << "no translation ganvas_" + name + ".qm found in"
                                        << installedTranslationsDir() << "nor compiled in";
        ok = false;
    }
    if (chinese) {
        auto *qt = new QTranslator(&app);
        const QString qtFolder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (qt->load(QStringLiteral("qtbase_zh_CN"), qtFolder)) {
            app.installTranslator(qt);
        } else {
            qCWarning(lcLanguage).noquote() << "Qt's own Chinese catalogue qtbase_zh_CN.qm is not in" << qtFolder
                                            << "(Debian: qt6-translations-l10n); Qt's buttons stay English";
            ok = false;
        }
    }
    return ok;
}

QString localizedKey(const QString &key)
{
    return g_installed == QLatin1String("en") ? key : key + QLatin1Char('[') + g_installed + QLatin1Char(']');
}

QString sentences(const QString &first, const QString &second)
{
    if (first.isEmpty())
        return second;
    if (second.isEmpty())
        return first;
    //: Two sentences one after the other; in Chinese without a space between them.
    return QCoreApplication::translate("language", "%1 %2").arg(first, second);
}

QString listOf(const QStringList &items)
{
    //: What separates the items of a list in running text (Chinese: 、).
    return items.join(QCoreApplication::translate("language", ", "));
}

} // namespace language
