#pragma once

#include <QCoreApplication>
#include <QString>

// What the four quality scores mean, one line each, for every place that shows them (the run
// view, the checkpoint browser, the comparison table).
class ScoreTexts
{
    Q_DECLARE_TR_FUNCTIONS(ScoreTexts)

public:
    static QString fd();
    static QString kid();
    static QString precision();
    static QString recall();
    // The four lines together, for a tooltip or a small dialog.
    static QString all();
    // "FD 19.8 · KID 2.14 · precision 0.72 · recall 0.10"
    static QString summary(double fd, double kid, double precision, double recall);
};
