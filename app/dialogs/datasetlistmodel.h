#pragma once

#include <QAbstractTableModel>
#include <QStringList>

// The datasets GANvas knows (MNIST, Fashion-MNIST, CIFAR-10), one row each: name, title,
// whether and where it is here, images, image size, download size. refresh() looks again in a data folder and
// updates the rows whose status changed.
class DatasetListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Title, Status, Images, Size, Download, ColumnCount };

    explicit DatasetListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Looks for every dataset in `dataDir` (and the standard folders) again.
    void refresh(const QString &dataDir);
    QString nameAt(int row) const;
    // -1 when there is no such dataset.
    int rowOf(const QString &name) const;
    QString statusOf(int row) const { return row >= 0 && row < m_status.size() ? m_status[row] : QString(); }
    // Whether the dataset of the row is here to verify, preview and train on.
    bool isAvailable(int row) const { return row >= 0 && row < m_available.size() && m_available[row]; }
    // What a fetch downloads, in bytes (the files' published sizes).
    static qint64 downloadBytes(int row);

private:
    QStringList m_status; // the Status column, row by row
    QList<bool> m_available;
};
