#include "securefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

QString octal(mode_t mode)
{
    return u"0%1"_s.arg(QString::number(uint(mode & 07777), 8), 3, QChar(u'0'));
}

} // namespace

namespace SecureFile {

QString ensurePrivateDirectory(const QString &dir)
{
    const QString path = QFileInfo(dir).absoluteFilePath();
    const QByteArray native = QFile::encodeName(path);
    struct stat st
    { };
    if (::stat(native.constData(), &st) != 0) {
        if (errno != ENOENT)
            return u"%1: %2"_s.arg(path, systemError());
        const QString parent = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(parent))
            return QCoreApplication::translate("Config", "%1: cannot create the directory")
                .arg(parent);
        if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST)
            return QCoreApplication::translate("Config", "%1: cannot create the directory: %2")
                .arg(path, systemError());
    }
    return checkDirectory(path);
}

QString checkDirectory(const QString &dir)
{
    const QString path = QFileInfo(dir).absoluteFilePath();
    struct stat st
    { };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return u"%1: %2"_s.arg(path, systemError());
    if (!S_ISDIR(st.st_mode))
        return QCoreApplication::translate("Config", "%1: not a directory").arg(path);
    if (st.st_uid != ::geteuid())
        return QCoreApplication::translate("Config", "%1: belongs to another user (uid %2)")
            .arg(path)
            .arg(st.st_uid);
    if (st.st_mode & (S_IWGRP | S_IWOTH))
        return QCoreApplication::translate(
                   "Config", "%1: writable by group or others (mode %2); run chmod go-w %1")
            .arg(path, octal(st.st_mode));
    return {};
}

QString writeAtomically(const QString &path, const QByteArray &data)
{
    const QFileInfo info(path);
    const QByteArray target = QFile::encodeName(info.absoluteFilePath());
    QByteArray temp =
        QFile::encodeName(info.absolutePath() + u"/."_s + info.fileName()) + ".XXXXXX";
    // mkostemp() creates the file with mode 0600 whatever the umask: the secret is never
    // readable by others, not even for the moment a chmod after writing would leave open.
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0)
        return QCoreApplication::translate("Config", "%1: cannot create a temporary file: %2")
            .arg(path, systemError());
    auto fail = [&](const QString &what) {
        const QString error = u"%1: %2: %3"_s.arg(path, what, systemError());
        ::close(fd);
        ::unlink(temp.constData());
        return error;
    };
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + written, size_t(data.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return fail(QCoreApplication::translate("Config", "cannot write"));
        written += n;
    }
    if (::fsync(fd) != 0)
        return fail(QCoreApplication::translate("Config", "cannot flush"));
    if (::close(fd) != 0) {
        const QString error =
            QCoreApplication::translate("Config", "%1: cannot write: %2").arg(path, systemError());
        ::unlink(temp.constData());
        return error;
    }
    if (::rename(temp.constData(), target.constData()) != 0) {
        const QString error = QCoreApplication::translate("Config", "%1: cannot replace: %2")
                                  .arg(path, systemError());
        ::unlink(temp.constData());
        return error;
    }
    return {};
}

QString checkPrivate(const QString &path)
{
    struct stat st
    { };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return u"%1: %2"_s.arg(path, systemError());
    if (!S_ISREG(st.st_mode))
        return QCoreApplication::translate("Config", "%1: not a regular file").arg(path);
    if (st.st_uid != ::geteuid())
        return QCoreApplication::translate("Config", "%1: belongs to another user (uid %2)")
            .arg(path)
            .arg(st.st_uid);
    if (st.st_mode & (S_IRWXG | S_IRWXO))
        return QCoreApplication::translate(
                   "Config", "%1: readable by group or others (mode %2); run chmod 600 %1")
            .arg(path, octal(st.st_mode));
    return {};
}

int permissions(const QString &path)
{
    struct stat st
    { };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

} // namespace SecureFile
