#pragma once

// ThreadSanitizer annotations for hand-offs that Qt orders but TSan cannot see: Debian's Qt is
// not built with -fsanitize=thread, so the ordering its event queue gives (post on one thread,
// deliver on another) is invisible and the receiving thread's first use of the object looks like
// a race. release() on the handing thread, acquire() on the receiving one, same address.
// No-ops unless built with -fsanitize=thread (docs/testing.md, "ThreadSanitizer").

#if defined(__SANITIZE_THREAD__)
#define FEEDWATCH_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define FEEDWATCH_TSAN 1
#endif
#endif

#ifdef FEEDWATCH_TSAN
#include <sanitizer/tsan_interface.h>
#endif

namespace Tsan {
inline void release([[maybe_unused]] const void *address)
{
#ifdef FEEDWATCH_TSAN
    __tsan_release(const_cast<void *>(address));
#endif
}

inline void acquire([[maybe_unused]] const void *address)
{
#ifdef FEEDWATCH_TSAN
    __tsan_acquire(const_cast<void *>(address));
#endif
}
} // namespace Tsan
