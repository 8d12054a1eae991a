#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

// The language of the user interface: the system's (LANG, LC_MESSAGES, LANGUAGE) unless
// View → Language chose English or Simplified Chinese, which is remembered (QSettings
// "language": "system", "en" or "zh_CN"). The translators are installed once, at start-up,
// before any window exists; a new choice takes effect when GANvas starts again.
namespace language {

enum class Choice { System, English, Chinese };

Choice chosen();
void choose(Choice choice);

// The language the interface speaks with the choice as it is now: Chinese for a system whose
// locale is any Chinese one, English otherwise.
QLocale interfaceLocale();
// The language installTranslators() actually installed ("en" before it ran).
QString installedName();
bool chineseInUse();

// GANvas's own catalogue (ganvas_en for the English plurals, ganvas_zh_CN) and Qt's qtbase
// catalogue of that language, so that Qt's own dialogs and buttons speak it too. Returns false,
// after a warning on the log, when a catalogue could not be loaded (English is used then).
bool installTranslators(QCoreApplication &app);

// Where the installed .qm files are looked for first: <prefix>/share/ganvas/translations next to
// the binary's bin/ folder; the copies compiled into the program (":/i18n") come after.
QString installedTranslationsDir();

// A text of a file that holds it in several languages ("text", "text[zh_CN]", like a desktop
// entry): the key with the language in use appended, when that is there.
QString localizedKey(const QString &key);

// Two sentences one after the other: a space between them in English, none in Chinese.
QString sentences(const QString &first, const QString &second);
// The items of a list in running text: "a, b, c" in English, "a、b、c" in Chinese.
QString listOf(const QStringList &items);

} // namespace language
