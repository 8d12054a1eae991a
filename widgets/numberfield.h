#pragma once

#include <QDoubleSpinBox>
#include <QSpinBox>

// A number editor that keeps what the user types: scientific notation (1e-7), no rounding to
// a few decimals and no clamping to a range — whoever reads it validates and says what is
// wrong. The mouse wheel changes it only while it has the keyboard focus, so that scrolling a
// form over it scrolls the form.
class NumberField : public QDoubleSpinBox
{
    Q_OBJECT

public:
    explicit NumberField(QWidget *parent = nullptr);

    QString textFromValue(double value) const override;
    double valueFromText(const QString &text) const override;
    QValidator::State validate(QString &text, int &pos) const override;
    void fixup(QString &text) const override;

protected:
    void wheelEvent(QWheelEvent *event) override;
};

// The integer counterpart: the wheel only with focus; a special value (the minimum) can read
// as words ("All images").
class IntegerField : public QSpinBox
{
    Q_OBJECT

public:
    explicit IntegerField(QWidget *parent = nullptr);

protected:
    void wheelEvent(QWheelEvent *event) override;
};
