#include "windows/helpbrowser.h"

#include "support/language.h"
#include "support/screenfit.h"
#include "support/shortcuts.h"

#include <QAction>
#include <QApplication>

#include <QDialogButtonBox>
#include <QFile>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace {

QString pageText(HelpBrowser::Page page)
{
    // USER_GUIDE.zh_CN.md when the interface speaks Chinese.
    const QString suffix = language::chineseInUse() ? QStringLiteral(".zh_CN.md") : QStringLiteral(".md");
    QFile file((page == HelpBrowser::Page::Guide ? QStringLiteral(":/help/USER_GUIDE")
                                                 : QStringLiteral(":/help/WHAT_IS_A_GAN")) + suffix);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // The screenshots are for readers of docs/; inside the program the window itself is there.
    static const QRegularExpression picture(QStringLiteral("^!\\[[^\\]]*\\]\\([^)]*\\)\\s*$"),
                                            QRegularExpression::MultilineOption);
    return QString::fromUtf8(file.readAll()).remove(picture);
}

} // namespace

HelpBrowser *HelpBrowser::instance()
{
    static QPointer<HelpBrowser> window;
    if (!window)
        window = new HelpBrowser;
    return window;
}

HelpBrowser::HelpBrowser() : m_browser(new QTextBrowser(this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    m_browser->setObjectName("helpText");
    m_browser->setOpenExternalLinks(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto *guide = buttons->addButton(tr("User &Guide"), QDialogButtonBox::ActionRole);
    auto *gan = buttons->addButton(tr("&What is a GAN?"), QDialogButtonBox::ActionRole);
    connect(guide, &QPushButton::clicked, this, [this] { showPage(Page::Guide); });
    connect(gan, &QPushButton::clicked, this, [this] { showPage(Page::WhatIsAGan); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    // As in every window: Ctrl+W closes it, Ctrl+Q quits (Esc closes it too, as a dialog).
    auto *closeAction = new QAction(tr("&Close window"), this);
    closeAction->setShortcuts(closeShortcuts());
    connect(closeAction, &QAction::triggered, this, &QDialog::close);
    auto *quitAction = new QAction(tr("&Quit"), this);
    quitAction->setShortcuts(quitShortcuts());
    connect(quitAction, &QAction::triggered, qApp, &QApplication::closeAllWindows);
    addActions({closeAction, quitAction});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    fitToScreen(this, QSize(820, 680));
}

void HelpBrowser::showPage(Page page, const char *englishSection)
{
    const QString section = *englishSection ? QCoreApplication::translate("HelpSection", englishSection) : QString();
    m_page = page;
    m_browser->setMarkdown(pageText(page));
    setWindowTitle(page == Page::Guide ? tr("GANvas user guide") : tr("What is a GAN?"));
    show();
    raise();
    activateWindow();
    // After the layout: only then does the scroll bar know the page's length.
    m_section = section;
    QTimer::singleShot(0, this, [this, section] { scrollToHeading(section); });
}

void HelpBrowser::scrollToHeading(const QString &heading)
{
    m_section.clear();
    m_browser->verticalScrollBar()->setValue(0);
    if (heading.isEmpty())
        return;
    for (QTextBlock block = m_browser->document()->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() > 0 && block.text() == heading) {
            QTextCursor cursor(block);
            m_browser->setTextCursor(cursor);
            // The heading at the top of the view, not merely somewhere in it.
            m_browser->verticalScrollBar()->setValue(m_browser->verticalScrollBar()->maximum());
            m_browser->ensureCursorVisible();
            m_section = heading;
            return;
        }
    }
}
