#pragma once

#include <QDialog>

class QTextBrowser;

// The user guide and "What is a GAN?" inside the program (docs/USER_GUIDE.md and
// docs/WHAT_IS_A_GAN.md, compiled in), one window for both, opened at a section.
class HelpBrowser : public QDialog
{
    Q_OBJECT

public:
    enum class Page { Guide, WhatIsAGan };

    // The one help window of the program, created on first use.
    static HelpBrowser *instance();
    // Shows `page` scrolled to the heading called `section` ("" = the top): the English heading,
    // translated in context "HelpSection" when the Chinese guide is shown.
    void showPage(Page page, const char *section = "");

    Page page() const { return m_page; }
    // The text of the heading the view starts at (for tests).
    QString currentSection() const { return m_section; }
    QTextBrowser *browser() const { return m_browser; }

private:
    HelpBrowser();
    void scrollToHeading(const QString &heading);

    QTextBrowser *m_browser;
    Page m_page = Page::Guide;
    QString m_section;
};
