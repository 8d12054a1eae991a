#pragma once

#include <QCoreApplication>
#include <QString>

namespace ganvas {
struct ConfigField;
struct ConfigProblem;
} // namespace ganvas

// The settings' rules and problems in the language of the interface. The engine words them in
// English for logs and the command line (ConfigField::ruleText, ConfigProblem::message); these
// say the same from the same data, through tr().
class ConfigTexts
{
    Q_DECLARE_TR_FUNCTIONS(ConfigTexts)

public:
    // A field's label, help, group… from the engine's table (context "TrainingConfig").
    static QString field(const char *text);
    // "must be > 0 and < 1" for the field.
    static QString rule(const ganvas::ConfigField &f);
    // "must be > 0 and < 1 (got -1)": the problem without the field's name.
    static QString problem(const ganvas::ConfigProblem &p);
    // "Learning rate G: must be > 0 and < 1 (got -1)".
    static QString problemWithLabel(const ganvas::ConfigProblem &p);

private:
    static QString listed(const QStringList &items);
};
