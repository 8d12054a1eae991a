#include "panels/hyperparameterpanel.h"

#include "engine/configfields.h"

#include <QCoreApplication>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using ganvas::ConfigField;
using ganvas::FieldKind;
using ganvas::FieldValue;
using ganvas::TrainingConfig;

namespace {

// The engine's source strings, in the GUI's language.
QString translated(const char *text)
{
    return QCoreApplication::translate("TrainingConfig", text);
}

QString shown(const FieldValue &v)
{
    return std::visit(
        [](const auto &x) {
            if constexpr (std::is_same_v<std::decay_t<decltype(x)>, std::string>)
                return QString::fromStdString(x);
            else
                return QString::number(x);
        },
        v);
}

// Editors cannot hold an open end or no end at all: the nearest value they can show instead.
double lowest(const ConfigField &f, double step)
{
    const double lo = f.special ? std::min(f.min, double(*f.special)) : f.min;
    return f.minOpen ? lo + step : lo;
}

double highest(const ConfigField &f, double step, double cap)
{
    if (!f.hasMax)
        return cap;
    return std::min(cap, f.maxOpen ? f.max - step : f.max);
}

} // namespace

HyperparameterPanel::HyperparameterPanel(QWidget *parent) : QWidget(parent)
{
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    QString group;
    QFormLayout *form = nullptr;
    for (const auto &f : ganvas::configFields()) {
        if (group != f.group) {
            group = f.group;
            auto *box = new QGroupBox(translated(f.group));
            form = new QFormLayout(box);
            column->addWidget(box);
        }
        addField(f, form);
    }
    column->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    setConfig(TrainingConfig());
}

HyperparameterPanel::~HyperparameterPanel() = default;

void HyperparameterPanel::addField(const ConfigField &f, QFormLayout *form)
{
    QWidget *w = nullptr;
    const bool live = f.live();
    auto changed = [this, live] {
        if (m_running && live)
            Q_EMIT liveSettingsChanged();
    };
    switch (f.kind) {
    case FieldKind::Text: {
        auto *e = new QLineEdit;
        connect(e, &QLineEdit::textEdited, this, changed);
        w = e;
        break;
    }
    case FieldKind::Choice: {
        auto *c = new QComboBox;
        for (const auto &choice : f.choices)
            c->addItem(QString::fromStdString(choice));
        c->setEditable(f.editableChoice);
        w = c;
        break;
    }
    case FieldKind::Int: {
        auto *s = new QSpinBox;
        s->setRange(int(lowest(f, 1)), int(highest(f, 1, 2e9)));
        connect(s, &QSpinBox::valueChanged, this, changed);
        w = s;
        break;
    }
    case FieldKind::Real: {
        auto *s = new QDoubleSpinBox;
        const double step = std::pow(10.0, -f.decimals);
        s->setDecimals(f.decimals);
        s->setRange(lowest(f, step), highest(f, step, 1e9));
        s->setSingleStep(std::pow(10.0, -std::max(1, f.decimals - 1)));
        connect(s, &QDoubleSpinBox::valueChanged, this, changed);
        w = s;
        break;
    }
    }
    const QString name = QString::fromLatin1(f.name);
    w->setObjectName(name);
    w->setToolTip(translated(f.help));
    auto *label = new QLabel(translated(f.label));
    label->setToolTip(translated(f.help));
    form->addRow(label, w);
    m_fields.insert(name, w);
    m_live.insert(name, live);
}

TrainingConfig HyperparameterPanel::config() const
{
    TrainingConfig c;
    for (const auto &f : ganvas::configFields()) {
        QWidget *w = m_fields.value(QString::fromLatin1(f.name));
        FieldValue v;
        if (auto *e = qobject_cast<QLineEdit *>(w))
            v = e->text().trimmed().toStdString();
        else if (auto *b = qobject_cast<QComboBox *>(w))
            v = b->currentText().trimmed().toStdString();
        else if (auto *s = qobject_cast<QSpinBox *>(w))
            v = int64_t(s->value());
        else if (auto *d = qobject_cast<QDoubleSpinBox *>(w))
            v = d->value();
        f.set(c, v);
    }
    return c;
}

void HyperparameterPanel::setConfig(const TrainingConfig &c)
{
    for (const auto &f : ganvas::configFields()) {
        QWidget *w = m_fields.value(QString::fromLatin1(f.name));
        const FieldValue v = f.get(c);
        const QSignalBlocker quiet(w);
        if (auto *e = qobject_cast<QLineEdit *>(w))
            e->setText(shown(v));
        else if (auto *b = qobject_cast<QComboBox *>(w))
            b->setCurrentText(shown(v));
        else if (auto *s = qobject_cast<QSpinBox *>(w))
            s->setValue(int(std::get<int64_t>(v)));
        else if (auto *d = qobject_cast<QDoubleSpinBox *>(w))
            d->setValue(std::get<double>(v));
    }
}

QString HyperparameterPanel::validate()
{
    for (QWidget *w : std::as_const(m_fields))
        w->setStyleSheet({});
    QStringList reasons;
    for (const auto &problem : config().validate()) {
        reasons << QString::fromStdString(problem.text());
        std::vector<std::string> names = problem.others;
        names.push_back(problem.field);
        for (const auto &name : names)
            if (QWidget *w = m_fields.value(QString::fromStdString(name)))
                w->setStyleSheet("border: 1px solid #b00020;");
    }
    return reasons.join('\n');
}

void HyperparameterPanel::setRunning(bool running)
{
    m_running = running;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        it.value()->setEnabled(!running || m_live.value(it.key()));
        if (running && !m_live.value(it.key()))
            it.value()->setToolTip(it.value()->toolTip().section("\n", 0, 0) + tr("\nLocked while training."));
        else
            it.value()->setToolTip(it.value()->toolTip().section("\n", 0, 0));
    }
}
