#include "aboutdialog.h"

#include "appicon.h"
#include "cli/appinfo.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Feedwatch"));

    auto *icon = new QLabel;
    icon->setPixmap(AppIcon::icon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto *name = new QLabel(u"Feedwatch"_s);
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.6);
    nameFont.setBold(true);
    name->setFont(nameFont);

    auto *version = new QLabel(tr("Version %1").arg(AppInfo::version()));
    version->setObjectName(u"version"_s);
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Build and run-time Qt differ when the system Qt is updated under an installed package.
    auto *qt =
        new QLabel(tr("Built with Qt %1, running on Qt %2")
                       .arg(QString::fromLatin1(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    qt->setObjectName(u"qtVersion"_s);
    qt->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *description = new QLabel(tr("A dashboard for live backend feeds over WebSockets."));
    description->setWordWrap(true);
    auto *license = new QLabel(tr("Copyright © The Feedwatch developers.\n"
                                  "Released under the MIT License."));
    license->setObjectName(u"license"_s);

    auto *text = new QVBoxLayout;
    text->addWidget(name);
    text->addWidget(version);
    text->addWidget(qt);
    text->addSpacing(8);
    text->addWidget(description);
    text->addSpacing(8);
    text->addWidget(license);
    text->addStretch();

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(12);
    top->addLayout(text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    connect(aboutQt, &QPushButton::clicked, this, [] { QApplication::aboutQt(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);
}
