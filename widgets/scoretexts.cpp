#include "scoretexts.h"

QString ScoreTexts::fd()
{
    return tr("FD (Fréchet distance): how far the samples are from real images, in the features of a "
              "network that knows the dataset; lower is better.");
}

QString ScoreTexts::kid()
{
    return tr("KID (kernel distance): the same question answered another way, steadier with few samples; "
              "lower is better.");
}

QString ScoreTexts::precision()
{
    return tr("Precision: the share of samples that look like some real image; higher is better.");
}

QString ScoreTexts::recall()
{
    return tr("Recall: the share of the real images' variety the samples cover; low recall means mode "
              "collapse.");
}

QString ScoreTexts::all()
{
    return fd() + "\n" + kid() + "\n" + precision() + "\n" + recall();
}

QString ScoreTexts::summary(double fd, double kid, double precision, double recall)
{
    return tr("FD %1 · KID %2 · precision %3 · recall %4")
        .arg(QString::number(fd, 'g', 4), QString::number(kid, 'g', 3), QString::number(precision, 'f', 2),
             QString::number(recall, 'f', 2));
}
