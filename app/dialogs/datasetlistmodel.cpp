#include "dialogs/datasetlistmodel.h"

#include "data/datasetcatalog.h"
#include "data/datasetverify.h"

#include <QLocale>

DatasetListModel::DatasetListModel(QObject *parent) : QAbstractTableModel(parent)
{
    for (size_t i = 0; i < ganvas::knownDatasets().size(); ++i)
        m_status << QString(), m_available << false;
}

qint64 DatasetListModel::downloadBytes(int row)
{
    const auto &known = ganvas::knownDatasets();
    if (row < 0 || row >= int(known.size()))
        return 0;
    qint64 bytes = 0;
    for (const auto &file : known[size_t(row)].files)
        bytes += file.size;
    return bytes;
}

int DatasetListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_status.size());
}

int DatasetListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void DatasetListModel::refresh(const QString &dataDir)
{
    const auto &known = ganvas::knownDatasets();
    for (int row = 0; row < int(known.size()); ++row) {
        const auto status = ganvas::datasetStatus(known[size_t(row)], dataDir.toStdString());
        QString text = tr("not here: Fetch downloads it");
        if (status.available)
            text = (status.fetched ? tr("fetched to %1") : tr("installed at %1")).arg(QString::fromStdString(status.folder));
        m_available[row] = status.available;
        if (text == m_status[row])
            continue;
        m_status[row] = text;
        Q_EMIT dataChanged(index(row, Status), index(row, Status));
    }
}

QString DatasetListModel::nameAt(int row) const
{
    const auto &known = ganvas::knownDatasets();
    return row >= 0 && row < int(known.size()) ? QString::fromStdString(known[size_t(row)].name) : QString();
}

int DatasetListModel::rowOf(const QString &name) const
{
    for (int row = 0; row < rowCount(); ++row)
        if (nameAt(row) == name)
            return row;
    return -1;
}

QVariant DatasetListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || role != Qt::DisplayRole || index.row() >= rowCount())
        return {};
    const auto &spec = ganvas::knownDatasets()[size_t(index.row())];
    switch (index.column()) {
    case Name: return QString::fromStdString(spec.name);
    case Title: return QString::fromStdString(spec.title);
    case Status: return m_status[index.row()];
    case Images: return QLocale().toString(qlonglong(spec.images));
    case Size: return QStringLiteral("%1×%2×%3").arg(spec.width).arg(spec.height).arg(spec.channels);
    case Download: return tr("%1 MB").arg(QLocale().toString(double(downloadBytes(index.row())) / 1e6, 'f', 1));
    }
    return {};
}

QVariant DatasetListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QStringList titles = {tr("Name"), tr("Dataset"), tr("Status"), tr("Images"), tr("Image size"),
                                tr("Download")};
    return orientation == Qt::Horizontal && role == Qt::DisplayRole ? QVariant(titles.value(section)) : QVariant();
}
