#include "numberfield.h"

#include <QLocale>
#include <QWheelEvent>

#include <cmath>
#include <limits>

namespace {

constexpr double kWidest = 1e15;

// The number in `text`, in the user's locale or the C one (1e-7 and 0.5 work everywhere).
bool parse(const QString &text, double *value)
{
    const QString t = text.trimmed();
    bool ok = false;
    double v = QLocale().toDouble(t, &ok);
    if (!ok)
        v = QLocale::c().toDouble(t, &ok);
    if (ok && std::isfinite(v)) {
        *value = v;
        return true;
    }
    return false;
}

// Text on its way to a number: "", "-", "1e", "1e-", "0.".
bool isPrefix(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t == "-" || t == "+" || t == "." || t == ",")
        return true;
    double v = 0;
    for (const QString &tail : {QStringLiteral("0"), QStringLiteral("1")})
        if (parse(t + tail, &v))
            return true;
    return false;
}

} // namespace

NumberField::NumberField(QWidget *parent) : QDoubleSpinBox(parent)
{
    setDecimals(15); // the value keeps every digit typed; textFromValue shows it briefly
    setRange(-kWidest, kWidest);
    setFocusPolicy(Qt::StrongFocus);
    setKeyboardTracking(true);
    setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
}

QString NumberField::textFromValue(double value) const
{
    if (value == 0)
        return QStringLiteral("0"); // never "-0"
    return QLocale().toString(value, 'g', 10);
}

double NumberField::valueFromText(const QString &text) const
{
    double v = 0;
    return parse(text, &v) ? v : value();
}

QValidator::State NumberField::validate(QString &text, int &) const
{
    double v = 0;
    if (parse(text, &v))
        return QValidator::Acceptable;
    return isPrefix(text) ? QValidator::Intermediate : QValidator::Invalid;
}

void NumberField::fixup(QString &text) const
{
    text = textFromValue(value());
}

void NumberField::wheelEvent(QWheelEvent *event)
{
    if (hasFocus())
        QDoubleSpinBox::wheelEvent(event);
    else
        event->ignore(); // the scroll area behind scrolls
}

IntegerField::IntegerField(QWidget *parent) : QSpinBox(parent)
{
    setFocusPolicy(Qt::StrongFocus);
}

void IntegerField::wheelEvent(QWheelEvent *event)
{
    if (hasFocus())
        QSpinBox::wheelEvent(event);
    else
        event->ignore();
}
