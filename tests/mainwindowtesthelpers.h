#pragma once

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QString>
#include <QTimer>

namespace {

// Answers the question Start asks about a stopped or finished run: the button with this
// object name ("continueRun", "newRun"), or Cancel for "".
inline void answerStart(const QString &button, QString *text)
{
    QTimer::singleShot(200, [button, text] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            *text = box->text();
            if (button.isEmpty())
                box->button(QMessageBox::Cancel)->click();
            else if (auto *b = box->findChild<QPushButton *>(button))
                b->click();
        }
    });
}

} // namespace
