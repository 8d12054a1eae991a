#include "panels/hyperparameterpanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>
#include <functional>

using ganvas::TrainingConfig;

namespace {

enum class Kind { Text, Choice, Int, Real };

} // namespace

struct HyperparameterPanel::Field
{
    const char *group;
    const char *json;
    const char *label;
    const char *tip;
    Kind kind;
    QStringList choices;
    double min = 0, max = 0;
    int decimals = 0;
    bool live = false;
    std::function<QVariant(const TrainingConfig &)> get;
    std::function<void(TrainingConfig &, const QVariant &)> set;
};

namespace {

// Accessors for one member of TrainingConfig, as QVariant.
template <typename T>
auto getter(T TrainingConfig::*m)
{
    return [m](const TrainingConfig &c) -> QVariant {
        if constexpr (std::is_same_v<T, std::string>)
            return QString::fromStdString(c.*m);
        else
            return QVariant::fromValue(static_cast<std::conditional_t<std::is_floating_point_v<T>, double, qlonglong>>(c.*m));
    };
}

template <typename T>
auto setter(T TrainingConfig::*m)
{
    return [m](TrainingConfig &c, const QVariant &v) {
        if constexpr (std::is_same_v<T, std::string>)
            c.*m = v.toString().toStdString();
        else if constexpr (std::is_floating_point_v<T>)
            c.*m = static_cast<T>(v.toDouble());
        else
            c.*m = static_cast<T>(v.toLongLong());
    };
}

#define GANVAS_FIELD(member) getter(&TrainingConfig::member), setter(&TrainingConfig::member)

} // namespace

HyperparameterPanel::HyperparameterPanel(QWidget *parent) : QWidget(parent)
{
    using F = Field;
    const std::vector<F> fields = {
        {"Data", "dataset", "Dataset", "fashion-mnist, mnist, cifar10, or a folder holding IDX files, CIFAR-10 batches or "
         "PNG/JPEG images (searched recursively).",
         Kind::Text, {}, 0, 0, 0, false, GANVAS_FIELD(dataset)},
        {"Data", "data_dir", "Data folder", "Where named datasets are looked for first (empty: the standard folders).",
         Kind::Text, {}, 0, 0, 0, false, GANVAS_FIELD(dataDir)},
        {"Data", "limit", "Limit", "Train on only the first K images (-1: all of them).", Kind::Int, {}, -1, 1e9, 0,
         false, GANVAS_FIELD(limit)},
        {"Data", "image_size", "Image size",
         "Image folders only: pictures are centre-cropped to a square and resized to this side.", Kind::Choice,
         {"28", "32", "64"}, 0, 0, 0, false, GANVAS_FIELD(imageSize)},
        {"Data", "image_channels", "Image channels",
         "Image folders only: 1 grey, 3 colour, 0 grey only if every picture is grey.", Kind::Choice,
         {"0", "1", "3"}, 0, 0, 0, false, GANVAS_FIELD(imageChannels)},
        {"Model", "model", "Model", "mlp is the seed's fully connected pair; dcgan is convolutional.", Kind::Choice,
         {"mlp", "dcgan"}, 0, 0, 0, false, GANVAS_FIELD(model)},
        {"Model", "latent_size", "Latent size", "Length of the noise vector the generator turns into an image.",
         Kind::Int, {}, 1, 4096, 0, false, GANVAS_FIELD(latentSize)},
        {"Loss", "loss", "Loss", "The adversarial objective; D always outputs logits.", Kind::Choice,
         {"bce", "lsgan", "hinge", "wgan-gp"}, 0, 0, 0, false, GANVAS_FIELD(loss)},
        {"Loss", "gp_weight", "GP weight", "Weight of WGAN-GP's gradient penalty (used with wgan-gp only).", Kind::Real,
         {}, 0, 10000, 2, false, GANVAS_FIELD(gpWeight)},
        {"Optimisers", "lr_g", "Learning rate G", "Adam step size of the generator; takes effect at the next step.",
         Kind::Real, {}, 0, 1, 6, true, GANVAS_FIELD(lrG)},
        {"Optimisers", "lr_d", "Learning rate D", "Adam step size of the discriminator; takes effect at the next step.",
         Kind::Real, {}, 0, 1, 6, true, GANVAS_FIELD(lrD)},
        {"Optimisers", "beta1_g", "Beta1 G", "Adam's momentum of the generator (0.5 is common for GANs).", Kind::Real,
         {}, 0, 0.9999, 4, false, GANVAS_FIELD(beta1G)},
        {"Optimisers", "beta2_g", "Beta2 G", "Adam's second-moment decay of the generator.", Kind::Real, {}, 0, 0.9999,
         4, false, GANVAS_FIELD(beta2G)},
        {"Optimisers", "beta1_d", "Beta1 D", "Adam's momentum of the discriminator.", Kind::Real, {}, 0, 0.9999, 4,
         false, GANVAS_FIELD(beta1D)},
        {"Optimisers", "beta2_d", "Beta2 D", "Adam's second-moment decay of the discriminator.", Kind::Real, {}, 0,
         0.9999, 4, false, GANVAS_FIELD(beta2D)},
        {"Optimisers", "lr_decay", "LR decay", "none, linear (to zero at the last epoch) or exponential per epoch.",
         Kind::Choice, {"none", "linear", "exponential"}, 0, 0, 0, false, GANVAS_FIELD(lrDecay)},
        {"Optimisers", "lr_decay_gamma", "Decay factor", "Per-epoch factor of exponential decay.", Kind::Real, {}, 0, 1,
         3, false, GANVAS_FIELD(lrDecayGamma)},
        {"Tricks", "d_steps_per_g", "D steps per G", "Discriminator updates per generator update (5 is usual for WGAN).",
         Kind::Int, {}, 1, 100, 0, false, GANVAS_FIELD(dStepsPerG)},
        {"Tricks", "label_smoothing", "Label smoothing", "Real targets become 1 minus this (one-sided; bce and lsgan).",
         Kind::Real, {}, 0, 0.49, 2, true, GANVAS_FIELD(labelSmoothing)},
        {"Tricks", "label_flip_prob", "Label flipping", "Chance that a sample's real/fake label is swapped for D.",
         Kind::Real, {}, 0, 0.49, 2, true, GANVAS_FIELD(labelFlipProb)},
        {"Tricks", "instance_noise", "Instance noise", "Std dev of Gaussian noise added to every image D sees.",
         Kind::Real, {}, 0, 2, 3, true, GANVAS_FIELD(instanceNoise)},
        {"Tricks", "instance_noise_anneal_epochs", "Noise anneal epochs",
         "The noise falls linearly to zero over this many epochs (0: constant).", Kind::Int, {}, 0, 100000, 0, true,
         GANVAS_FIELD(instanceNoiseAnnealEpochs)},
        {"Run", "epochs", "Epochs", "Passes over the dataset.", Kind::Int, {}, 1, 100000, 0, false,
         GANVAS_FIELD(epochs)},
        {"Run", "batch_size", "Batch size", "Images per step (the last partial batch of an epoch is dropped).",
         Kind::Int, {}, 1, 65536, 0, false, GANVAS_FIELD(batchSize)},
        {"Run", "seed", "Seed", "Fixes weights, shuffling and noise: the same seed gives the same run.", Kind::Int, {},
         0, 2e9, 0, false, GANVAS_FIELD(seed)},
        {"Run", "device", "Device", "cpu, or cuda with a CUDA build of libtorch.", Kind::Choice, {"cpu", "cuda"}, 0, 0,
         0, false, GANVAS_FIELD(device)},
        {"Run", "threads", "Threads", "CPU threads for the maths (0: all cores).", Kind::Int, {}, 0, 1024, 0, false,
         GANVAS_FIELD(threads)},
        {"Run", "checkpoint_every", "Checkpoint every", "Write a checkpoint every N epochs (0: only at the end).",
         Kind::Int, {}, 0, 100000, 0, false, GANVAS_FIELD(checkpointEvery)},
        {"Run", "log_every", "Log every", "Steps per plotted point and metrics.csv row.", Kind::Int, {}, 1, 100000, 0,
         false, GANVAS_FIELD(logEvery)},
    };
    m_table = fields;

    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    QString group;
    QFormLayout *form = nullptr;
    for (const auto &f : m_table) {
        if (group != f.group) {
            group = f.group;
            auto *box = new QGroupBox(tr(f.group));
            form = new QFormLayout(box);
            column->addWidget(box);
        }
        addField(f, form);
    }
    m_error = new QLabel;
    m_error->setObjectName("settingsError");
    m_error->setWordWrap(true);
    m_error->setStyleSheet("color: #b00020;");
    column->addWidget(m_error);
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

void HyperparameterPanel::addField(const Field &f, QFormLayout *form)
{
    QWidget *w = nullptr;
    const bool live = f.live;
    auto changed = [this, live] {
        if (m_running && live)
            Q_EMIT liveSettingsChanged();
    };
    switch (f.kind) {
    case Kind::Text: {
        auto *e = new QLineEdit;
        connect(e, &QLineEdit::textEdited, this, changed);
        w = e;
        break;
    }
    case Kind::Choice: {
        auto *c = new QComboBox;
        c->addItems(f.choices);
        c->setEditable(f.json == QLatin1String("device")); // cuda:1 and the like
        w = c;
        break;
    }
    case Kind::Int: {
        auto *s = new QSpinBox;
        s->setRange(int(f.min), int(std::min(f.max, 2e9)));
        connect(s, &QSpinBox::valueChanged, this, changed);
        w = s;
        break;
    }
    case Kind::Real: {
        auto *s = new QDoubleSpinBox;
        s->setDecimals(f.decimals);
        s->setRange(f.min, f.max);
        s->setSingleStep(std::pow(10.0, -std::max(1, f.decimals - 1)));
        connect(s, &QDoubleSpinBox::valueChanged, this, changed);
        w = s;
        break;
    }
    }
    w->setObjectName(f.json);
    w->setToolTip(tr(f.tip));
    auto *label = new QLabel(tr(f.label));
    label->setToolTip(tr(f.tip));
    form->addRow(label, w);
    m_fields.insert(f.json, w);
    m_live.insert(f.json, f.live);
}

TrainingConfig HyperparameterPanel::config() const
{
    TrainingConfig c;
    for (const auto &f : m_table) {
        QWidget *w = m_fields.value(f.json);
        QVariant v;
        if (auto *e = qobject_cast<QLineEdit *>(w))
            v = e->text().trimmed();
        else if (auto *b = qobject_cast<QComboBox *>(w))
            v = b->currentText();
        else if (auto *s = qobject_cast<QSpinBox *>(w))
            v = qlonglong(s->value());
        else if (auto *d = qobject_cast<QDoubleSpinBox *>(w))
            v = d->value();
        f.set(c, v);
    }
    return c;
}

void HyperparameterPanel::setConfig(const TrainingConfig &c)
{
    for (const auto &f : m_table) {
        QWidget *w = m_fields.value(f.json);
        const QVariant v = f.get(c);
        const QSignalBlocker quiet(w);
        if (auto *e = qobject_cast<QLineEdit *>(w))
            e->setText(v.toString());
        else if (auto *b = qobject_cast<QComboBox *>(w))
            b->setCurrentText(v.toString());
        else if (auto *s = qobject_cast<QSpinBox *>(w))
            s->setValue(int(v.toLongLong()));
        else if (auto *d = qobject_cast<QDoubleSpinBox *>(w))
            d->setValue(v.toDouble());
    }
}

QString HyperparameterPanel::validate()
{
    for (QWidget *w : std::as_const(m_fields))
        w->setStyleSheet({});
    QStringList reasons;
    for (const auto &e : config().validate()) {
        const QString message = QString::fromStdString(e);
        reasons << message;
        // "lr_g: must be > 0" or "label_smoothing/label_flip_prob: ..." name the fields.
        for (const QString &name : message.section(':', 0, 0).split('/'))
            if (QWidget *w = m_fields.value(name.trimmed()))
                w->setStyleSheet("border: 1px solid #b00020;");
    }
    const QString text = reasons.join('\n');
    m_error->setText(text);
    return text;
}

void HyperparameterPanel::showError(const QString &message)
{
    m_error->setText(message);
}

QString HyperparameterPanel::errorText() const
{
    return m_error->text();
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
