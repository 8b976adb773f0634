// libFuzzer target: ConfigLoader::fromJson on any JSON object a user's config file can hold.
// The bytes go through QJsonDocument like `feedwatch --config FILE` does.
#include "config/config.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (!doc.isObject())
        return 0;
    const ConfigResult result = ConfigLoader::fromJson(doc.object());
    if (result.ok()) {
        // A config that loads must describe usable feeds.
        for (const FeedSpec &feed : result.config.feeds) {
            if (feed.id.isEmpty() || !feed.url.isValid())
                __builtin_trap();
            (void)feed.settings.validate();
        }
    }
    return 0;
}
