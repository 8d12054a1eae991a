#include "panels/hyperparameterpanel.h"

#include "runs/configtexts.h"

#include "engine/configfields.h"
#include "engine/cpuruntime.h"
#include "numberfield.h"

#include <QCoreApplication>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QPalette>
#include <QStyle>
#include <QCheckBox>
#include <climits>
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

// A choice as a student reads it; the value itself is what config.json holds.
QString choiceText(const ConfigField &f, const std::string &choice)
{
    if (std::string(f.name) == "image_channels") {
        if (choice == "0")
            return QCoreApplication::translate("HyperparameterPanel", "Automatic");
        if (choice == "1")
            return QCoreApplication::translate("HyperparameterPanel", "Grey");
        if (choice == "3")
            return QCoreApplication::translate("HyperparameterPanel", "Colour");
    }
    // Choices that are words, not names (bce, mlp, fp32 stay as they are): shown as the CLI
    // spells them in English, in the reader's language otherwise. The item's data stays the value.
    static const char *const words[] = {
        QT_TRANSLATE_NOOP("ConfigChoice", "auto"),        QT_TRANSLATE_NOOP("ConfigChoice", "none"),
        QT_TRANSLATE_NOOP("ConfigChoice", "linear"),      QT_TRANSLATE_NOOP("ConfigChoice", "exponential"),
        QT_TRANSLATE_NOOP("ConfigChoice", "rollback"),    QT_TRANSLATE_NOOP("ConfigChoice", "stop"),
        QT_TRANSLATE_NOOP("ConfigChoice", "pause")};
    for (const char *word : words)
        if (choice == word)
            return QCoreApplication::translate("ConfigChoice", word);
    return QString::fromStdString(choice);
}

// The value a list holds: its item's data, or the typed text of an editable one.
QString comboValue(const QComboBox *box)
{
    const int i = box->findText(box->currentText());
    if (i >= 0 && box->itemData(i).isValid())
        return box->itemData(i).toString();
    return box->currentText().trimmed();
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

bool isNamedDataset(const std::string &dataset)
{
    return dataset == "mnist" || dataset == "fashion-mnist" || dataset == "cifar10";
}

} // namespace

HyperparameterPanel::HyperparameterPanel(QWidget *parent) : QWidget(parent)
{
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    QString group;
    QFormLayout *form = nullptr;
    QGroupBox *box = nullptr;
    for (const auto &f : ganvas::configFields()) {
        if (group != f.group) {
            group = f.group;
            box = new QGroupBox(translated(f.group));
            form = new QFormLayout(box);
            column->addWidget(box);
        }
        addField(f, form);
        const QString name = QString::fromLatin1(f.name);
        m_forms.insert(name, form);
        m_groups.insert(name, box);
        if (f.advanced)
            m_advanced << name;
    }
    column->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(createPresetRow()); // above the scrolled fields: always in sight
    outer->addWidget(scroll);
    setCudaDevices(ganvas::cudaDeviceNames());
    setConfig(TrainingConfig());
    alignLabels();
}

void HyperparameterPanel::alignLabels()
{
    // One label column for every group, so that the fields line up down the whole panel.
    int widest = 0;
    for (QLabel *label : std::as_const(m_labels))
        widest = std::max(widest, label->sizeHint().width());
    for (QLabel *label : std::as_const(m_labels))
        label->setMinimumWidth(widest);
}

void HyperparameterPanel::setAdvancedShown(bool shown)
{
    m_showAdvanced->setChecked(shown); // refreshAdvanced() on toggled
}

bool HyperparameterPanel::isAdvancedShown() const
{
    return m_showAdvanced->isChecked();
}

bool HyperparameterPanel::isFieldShown(const QString &jsonName) const
{
    return m_fields.contains(jsonName) && (isAdvancedShown() || !m_advanced.contains(jsonName));
}

void HyperparameterPanel::refreshAdvanced()
{
    const bool shown = isAdvancedShown();
    QHash<QGroupBox *, bool> anyShown;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const bool visible = (shown || !m_advanced.contains(it.key())) && !m_hidden.contains(it.key());
        m_forms.value(it.key())->setRowVisible(it.value(), visible);
        anyShown[m_groups.value(it.key())] |= visible;
    }
    for (auto it = anyShown.cbegin(); it != anyShown.cend(); ++it)
        it.key()->setVisible(it.value());
    // Folded away, changed values still count: say how many there are.
    int changed = 0;
    const TrainingConfig c = config();
    for (const auto &f : ganvas::configFields())
        if (f.advanced && f.get(c) != f.defaultValue())
            ++changed;
    m_showAdvanced->setText(changed > 0 && !shown
                                ? tr("Show &advanced settings (%n changed)", nullptr, changed)
                                : tr("Show &advanced settings"));
}

HyperparameterPanel::~HyperparameterPanel() = default;

void HyperparameterPanel::addField(const ConfigField &f, QFormLayout *form)
{
    QWidget *w = nullptr;
    const bool live = f.live();
    auto changed = [this, live] {
        showMatchingPreset();
        refreshFields();
        if (m_showAdvanced)
            refreshAdvanced();
        if (m_running && live)
            Q_EMIT liveSettingsChanged();
        Q_EMIT edited();
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
            c->addItem(choiceText(f, choice), QString::fromStdString(choice));
        c->setEditable(f.editableChoice);
        c->setFocusPolicy(Qt::StrongFocus);
        c->installEventFilter(this); // the wheel only with focus
        connect(c, &QComboBox::currentTextChanged, this, changed);
        w = c;
        break;
    }
    case FieldKind::Int: {
        auto *s = new IntegerField;
        s->setRange(int(lowest(f, 1)), int(highest(f, 1, 2e9)));
        if (f.special && *f.special == s->minimum())
            s->setSpecialValueText(translated(f.specialMeaning));
        connect(s, &QSpinBox::valueChanged, this, changed);
        w = s;
        break;
    }
    case FieldKind::Real: {
        // Any number may be typed (1e-7 too); the engine's range check says what is wrong.
        auto *s = new NumberField;
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
    label->setBuddy(w);
    form->addRow(label, w);
    m_fields.insert(name, w);
    m_labels.insert(name, label);
    m_live.insert(name, live);
}

void HyperparameterPanel::setCudaDevices(const std::vector<std::string> &names)
{
    auto *box = qobject_cast<QComboBox *>(m_fields.value(QStringLiteral("device")));
    if (!box)
        return;
    const QSignalBlocker quiet(box);
    const QString value = comboValue(box);
    for (int i = box->count() - 1; i >= 0; --i)
        if (box->itemData(i).toString().startsWith(QLatin1String("cuda:")))
            box->removeItem(i);
    const int cuda = box->findData(QStringLiteral("cuda"));
    if (cuda >= 0)
        box->setItemText(cuda, names.empty() ? tr("cuda (no CUDA device found)") : tr("cuda (the first GPU)"));
    for (size_t i = 0; i < names.size(); ++i)
        box->addItem(tr("cuda:%1 — %2").arg(i).arg(QString::fromStdString(names[i])), QStringLiteral("cuda:%1").arg(i));
    const int again = box->findData(value);
    if (again >= 0)
        box->setCurrentIndex(again);
    else
        box->setCurrentText(value);
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
            v = comboValue(b).toStdString();
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
        else if (auto *b = qobject_cast<QComboBox *>(w)) {
            const int i = b->findData(shown(v));
            if (i >= 0)
                b->setCurrentIndex(i);
            else
                b->setCurrentText(shown(v)); // an editable choice beyond the list (cuda:1)
        } else if (auto *s = qobject_cast<QSpinBox *>(w)) {
            // A file's value outside the range is shown as it is (and refused by Start with its
            // reason), not clamped: the range reaches out to it, and back once it is in range.
            const int value = int(std::clamp<int64_t>(std::get<int64_t>(v), INT_MIN, INT_MAX));
            s->setRange(std::min(int(lowest(f, 1)), value), std::max(int(highest(f, 1, 2e9)), value));
            s->setSpecialValueText(f.special && *f.special == s->minimum() ? translated(f.specialMeaning) : QString());
            s->setValue(value);
        }
        else if (auto *d = qobject_cast<QDoubleSpinBox *>(w))
            d->setValue(std::get<double>(v));
    }
    showMatchingPreset();
    refreshFields();
    refreshAdvanced();
    Q_EMIT edited();
}

QString HyperparameterPanel::validate()
{
    const QStringList reasons = markProblems();
    if (QWidget *first = firstProblemField()) {
        if (!isFieldShown(m_firstProblem))
            setAdvancedShown(true); // a refused field the user cannot see would be no help
        first->setFocus(Qt::OtherFocusReason);
    }
    return reasons.join('\n');
}

QStringList HyperparameterPanel::markProblems()
{
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        setProblem(it.key(), {});
    m_firstProblem.clear();
    QStringList reasons;
    // In the panel's order, so that the first message is about the topmost field.
    const auto problems = config().validate();
    for (const auto &f : ganvas::configFields())
        for (const auto &problem : problems) {
            if (problem.field != f.name)
                continue;
            // Named as the panel shows it: "Learning rate G: must be > 0 and < 1 (got 0)".
            const QString why = ConfigTexts::problem(problem);
            reasons << tr("%1: %2").arg(translated(f.label), why);
            std::vector<std::string> names = problem.others;
            names.push_back(problem.field);
            for (const auto &name : names)
                setProblem(QString::fromStdString(name), why);
            if (m_firstProblem.isEmpty())
                m_firstProblem = QString::fromStdString(problem.field);
        }
    return reasons;
}

QWidget *HyperparameterPanel::firstProblemField() const
{
    return m_fields.value(m_firstProblem);
}

bool HyperparameterPanel::hasProblem(const QString &jsonName) const
{
    QWidget *w = m_fields.value(jsonName);
    return w && w->property("problem").toBool();
}

void HyperparameterPanel::setProblem(const QString &name, const QString &message)
{
    QWidget *w = m_fields.value(name);
    if (!w)
        return;
    const bool bad = !message.isEmpty();
    if (w->property("problem").toBool() == bad && !bad)
        return;
    w->setProperty("problem", bad);
    w->setProperty("problemText", message);
    // A tinted background, not a border: a border style sheet breaks a spin box's arrows.
    QPalette palette = w->style()->standardPalette();
    if (bad)
        palette.setColor(QPalette::Base, QColor(0xfd, 0xe3, 0xe3));
    w->setPalette(bad ? palette : QPalette());
    const QString help = w->toolTip().section("\n", 0, 0);
    w->setToolTip(bad ? help + "\n" + tr("Not accepted: %1").arg(message) : help);
}

void HyperparameterPanel::refreshFields()
{
    markProblems();
    const TrainingConfig c = config();
    for (const auto &f : ganvas::configFields()) {
        const QString name = QString::fromLatin1(f.name);
        QWidget *w = m_fields.value(name);
        QString why;
        if (!f.appliesToLoss(c.loss))
            why = tr("Used only with these losses: %1.").arg(QString::fromStdString(joined(f.losses)));
        else if (f.imageFoldersOnly && isNamedDataset(c.dataset))
            why = tr("Used only for a folder of pictures, not for %1.").arg(QString::fromStdString(c.dataset));
        else if (name == QLatin1String("lr_decay_gamma") && c.lrDecay != "exponential")
            why = tr("Used only with exponential LR decay.");
        // A field refused with this loss stays editable, so the user can set it back.
        if (w->property("problem").toBool())
            why.clear();
        const bool locked = m_locked.contains(name);
        const bool editable = (!m_running || m_live.value(name)) && !locked;
        w->setEnabled(why.isEmpty() && editable);
        if (QLabel *label = m_labels.value(name))
            label->setEnabled(why.isEmpty());
        const QString help = translated(f.help);
        QString tip = help;
        if (!why.isEmpty())
            tip += "\n" + why;
        else if (locked)
            tip += "\n" + tr("Locked by the lesson.");
        else if (!editable)
            tip += "\n" + tr("Locked while training.");
        if (w->property("problem").toBool())
            tip += "\n" + tr("Not accepted: %1").arg(w->property("problemText").toString());
        w->setToolTip(tip);
    }
}

bool HyperparameterPanel::eventFilter(QObject *watched, QEvent *event)
{
    // A list that the mouse wheel would change while the form scrolls past it.
    if (event->type() == QEvent::Wheel) {
        if (auto *w = qobject_cast<QWidget *>(watched); w && !w->hasFocus()) {
            event->ignore();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void HyperparameterPanel::setLessonControls(const QStringList &hidden, const QStringList &locked)
{
    m_hidden = hidden;
    m_locked = locked;
    refreshAdvanced();
    refreshFields();
}

void HyperparameterPanel::setRunning(bool running)
{
    m_running = running;
    m_preset->setEnabled(!running); // a preset sets fields fixed for the run
    refreshFields();
}
