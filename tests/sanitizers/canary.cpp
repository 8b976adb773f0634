// Deliberate bugs in our own code, one per mode, run by the sanitizer passes to prove they still
// catch them with the options, suppressions and tsan-qt.rules in force (tests/CMakeLists.txt).
#include <QCoreApplication>
#include <QThread>

#include <climits>
#include <cstdio>
#include <cstring>
#include <memory>

namespace {
int g_counter = 0; // written by two threads without a lock in "race"

int raceTwoThreads()
{
    auto bump = [] {
        for (int i = 0; i < 100000; ++i)
            ++g_counter;
    };
    std::unique_ptr<QThread> a(QThread::create(bump));
    std::unique_ptr<QThread> b(QThread::create(bump));
    a->start();
    b->start();
    a->wait();
    b->wait();
    return g_counter > 0 ? 0 : 1;
}

int leak()
{
    auto *lost = new QByteArray(4096, 'x');
    std::printf("leaking %lld bytes\n", static_cast<long long>(lost->size()));
    lost = nullptr;
    return 0;
}

int overflow(int index)
{
    std::unique_ptr<char[]> buffer(new char[16]);
    std::memset(buffer.get(), 0, 16);
    return buffer[index]; // index 16: one past the end
}

int signedOverflow(int base)
{
    volatile int step = 1;        // keeps the compiler from folding the check away
    const int next = base + step; // base INT_MAX: undefined
    std::printf("%d\n", next);
    return 0;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const char *mode = argc > 1 ? argv[1] : "";
    if (!std::strcmp(mode, "race"))
        return raceTwoThreads();
    if (!std::strcmp(mode, "leak"))
        return leak();
    if (!std::strcmp(mode, "overflow"))
        return overflow(argc + 14);
    if (!std::strcmp(mode, "ub"))
        return signedOverflow(argc > 1 ? INT_MAX : 0);
    std::fprintf(stderr, "usage: %s race|leak|overflow|ub\n", argv[0]);
    return 2;
}
