#pragma once

#include "engine/trainingconfig.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// A lesson (after TensorFlow Playground's teacher controls): which window it opens, the settings
// it starts from, which settings fields it hides or locks, and a short text per step shown
// beside the view. Stored as JSON:
//   {"title": "...", "opens": "main" | "step-through" | "lab" | "compare",
//    "preset": "mlp", "settings": {"lr_d": 0.002, ...},
//    "hidden": ["model", ...], "locked": ["lr_g", ...],
//    "lab": {"shape": "ring", "loss": "bce", "lr_g": 0.001, "lr_d": 0.001},
//    "compare": ["fashion-mnist", "cifar10"],
//    "steps": ["First ...", "Then ..."]}
struct Lesson
{
    Q_DECLARE_TR_FUNCTIONS(Lesson)

public:
    enum class Opens { Main, StepThrough, Lab, Compare };

    QString title;
    Opens opens = Opens::Main;
    ganvas::TrainingConfig config; // the preset with the settings over it
    QStringList hidden, locked;    // settings fields by JSON name
    QString labShape = QStringLiteral("ring"), labLoss = QStringLiteral("bce");
    double labLrG = 1e-3, labLrD = 1e-3;
    QStringList compare; // one run per dataset
    QStringList steps;
    QString source; // the file (or resource) it came from

    // Throws std::invalid_argument naming `source` and the key or field that is wrong.
    static Lesson fromJson(const QByteArray &json, const QString &source);
    static Lesson fromFile(const QString &path);
    QJsonObject toJson() const;
    // Writes the JSON (whole or not at all); throws std::runtime_error naming the file.
    void save(const QString &path) const;

    // The lessons GANvas ships (resources/lessons, compiled in), in teaching order.
    static QList<Lesson> shipped();
};
