// The comparison's table of settings that differ and each run's latest figures: a model in a
// view, updated by row and cell.
#include "comparisontable.h"
#include "comparisontablemodel.h"
#include "comparisonview.h"

#include <QtTest>

#include <QCheckBox>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>

namespace {

// Through the view's model, as a person sees it: the row whose header reads name.
int rowOf(QTableView *table, const QString &name)
{
    const QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->headerData(row, Qt::Vertical).toString() == name)
            return row;
    return -1;
}

QString cellText(QTableView *table, int row, int column)
{
    return table->model()->index(row, column).data().toString();
}

QString columnTitle(QTableView *table, int column)
{
    return table->model()->headerData(column, Qt::Horizontal).toString();
}

} // namespace

class TestComparisonTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableShowsDifferingSettingsAndFigures();
    void tableModelHasRowsAndColumns();
    void tableModelUpdatesCellsWithoutReset();
};

void TestComparisonTable::tableShowsDifferingSettingsAndFigures()
{
    ComparisonView view;
    QCOMPARE(view.addRun("mnist"), 0);
    view.setSettings(0, {{"dataset", "mnist"}, {"lr_g", "1e-4"}, {"seed", "42"}});
    QTableView *table = view.table();
    // One run: every setting is shown.
    QVERIFY(rowOf(table, "seed") >= 0);

    QCOMPARE(view.addRun("cifar"), 1);
    view.setSettings(1, {{"dataset", "cifar10"}, {"lr_g", "2e-4"}, {"seed", "42"}, {"loss", "hinge"}});
    const ComparisonView::Entries figures = {{"d_loss", "0.61"}, {"g_loss", "1.9"}, {"D(x)", "0.7"},
                                             {"D(G(z))", "0.3"}, {"images/s", "5200"}, {"epochs done", "3"}};
    view.setFigures(0, figures);
    view.setFigures(1, {{"d_loss", "0.55"}, {"epochs done", "2"}});

    QCOMPARE(table->model()->columnCount(), 2);
    QCOMPARE(columnTitle(table, 0), QString("mnist"));
    QCOMPARE(columnTitle(table, 1), QString("cifar"));
    QVERIFY(!table->model()->headerData(1, Qt::Horizontal, Qt::DecorationRole).value<QIcon>().isNull());
    const int lr = rowOf(table, "lr_g");
    QVERIFY(lr >= 0);
    QCOMPARE(cellText(table, lr, 0), QString("1e-4"));
    QCOMPARE(cellText(table, lr, 1), QString("2e-4"));
    QVERIFY(rowOf(table, "dataset") >= 0);
    QCOMPARE(rowOf(table, "seed"), -1);
    // Set in one run only: different, with a dash where it is missing.
    const int loss = rowOf(table, "loss");
    QVERIFY(loss >= 0);
    QCOMPARE(cellText(table, loss, 0), QString("–"));

    // Figures come after the settings, all of them.
    for (const auto &figure : figures)
        QVERIFY2(rowOf(table, figure.first) > lr, qPrintable(figure.first));
    const int done = rowOf(table, "epochs done");
    QCOMPARE(cellText(table, done, 0), QString("3"));
    QCOMPARE(cellText(table, done, 1), QString("2"));
    QCOMPARE(cellText(table, rowOf(table, "images/s"), 1), QString("–"));

    auto *showAll = view.findChild<QCheckBox *>("showAllSettings");
    QVERIFY(showAll);
    showAll->click();
    const int seed = rowOf(table, "seed");
    QVERIFY(seed >= 0);
    QCOMPARE(cellText(table, seed, 1), QString("42"));
    showAll->click();
    QCOMPARE(rowOf(table, "seed"), -1);
}

void TestComparisonTable::tableModelHasRowsAndColumns()
{
    ComparisonTableModel model;
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
    model.addRun("a", Qt::red);
    // One run: both headings, no entries yet.
    QCOMPARE(model.columnCount(), 1);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.isHeading(0) && model.isHeading(1));
    QCOMPARE(model.index(0, 0).data().toString(), QString("Settings"));
    QCOMPARE(model.index(1, 0).data().toString(), QString("Latest figures"));
    model.setSettings(0, {{"lr", "1"}, {"seed", "7"}});
    model.setFigures(0, {{"d_loss", "0.5"}});
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.rowOf("seed"), 2);
    QCOMPARE(model.rowOf("d_loss"), 4);
    QCOMPARE(model.headerData(2, Qt::Vertical).toString(), QString("seed"));
    QVERIFY(model.headerData(0, Qt::Vertical).toString().isEmpty());
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QString("a"));
    QCOMPARE(model.index(4, 0).data().toString(), QString("0.5"));

    // A second run: only the differing setting stays, and every figure gets a column.
    model.addRun("b", Qt::blue);
    model.setSettings(1, {{"lr", "2"}, {"seed", "7"}});
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), QString("Settings that differ"));
    QCOMPARE(model.rowOf("lr"), 1);
    QCOMPARE(model.rowOf("seed"), -1);
    QCOMPARE(model.index(model.rowOf("d_loss"), 1).data().toString(), QString("–"));
    model.setShowAllSettings(true);
    QCOMPARE(model.rowOf("seed"), 2);
    model.removeRun(0);
    QCOMPARE(model.columnCount(), 1);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QString("b"));
    QCOMPARE(model.rowOf("d_loss"), -1);
}

void TestComparisonTable::tableModelUpdatesCellsWithoutReset()
{
    ComparisonTable table;
    ComparisonTableModel *model = table.model();
    QCOMPARE(table.table()->model(), model);
    table.addRun("a", Qt::red);
    table.addRun("b", Qt::blue);
    table.setSettings(0, {{"lr", "1"}});
    table.setSettings(1, {{"lr", "2"}});
    table.setFigures(0, {{"d_loss", "0.5"}, {"g_loss", "1.5"}});
    table.setFigures(1, {{"d_loss", "0.4"}});
    const int dLoss = model->rowOf("d_loss");
    const int gLoss = model->rowOf("g_loss");
    QVERIFY(dLoss > 0 && gLoss > dLoss);
    // Headings span both columns in the view.
    QCOMPARE(table.table()->columnSpan(0, 0), 2);

    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy layout(model, &QAbstractItemModel::layoutChanged);
    // New figures for run 0: only the cell whose value changed.
    table.setFigures(0, {{"d_loss", "0.45"}, {"g_loss", "1.5"}});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(layout.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 1);
    const QModelIndex topLeft = changed.at(0).at(0).value<QModelIndex>();
    const QModelIndex bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft, model->index(dLoss, 0));
    QCOMPARE(bottomRight, model->index(dLoss, 0));
    QCOMPARE(model->index(dLoss, 0).data().toString(), QString("0.45"));

    // A figure new to every run is one inserted row, at the end.
    changed.clear();
    table.setFigures(1, {{"d_loss", "0.4"}, {"images/s", "900"}});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), model->rowCount() - 1);
    QCOMPARE(model->rowOf("images/s"), model->rowCount() - 1);
    QCOMPARE(model->index(model->rowOf("images/s"), 1).data().toString(), QString("900"));

    // Settings made equal: the row goes, the heading says so, nothing is reset.
    changed.clear();
    table.setSettings(1, {{"lr", "1"}});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model->rowOf("lr"), -1);
    QCOMPARE(model->index(0, 0).data().toString(), QString("Settings: all the same"));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
    // The rows moved up; the spans followed them.
    const int figures = model->rowOf("d_loss") - 1;
    QVERIFY(model->isHeading(figures));
    QCOMPARE(table.table()->columnSpan(figures, 0), 2);
    QCOMPARE(table.table()->columnSpan(model->rowOf("d_loss"), 0), 1);

    table.setRunTitle(1, "b2");
    QCOMPARE(model->headerData(1, Qt::Horizontal).toString(), QString("b2"));
    QCOMPARE(reset.count(), 0);
}

QTEST_MAIN(TestComparisonTable)
#include "tst_comparisontable.moc"
