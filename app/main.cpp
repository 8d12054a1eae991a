// ganvas: the desktop application.
#include "engine/cpuruntime.h"
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char **argv)
{
    ganvas::ensureFastBlas(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName("ganvas");
    QApplication::setOrganizationName("GANvas");
    MainWindow window;
    window.show();
    return app.exec();
}
