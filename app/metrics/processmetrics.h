#pragma once

class Exposition;

// The standard process_* metrics every Prometheus client library exposes on Linux, read from
// /proc/self like client_golang's process collector: CPU, memory, file descriptors, start time.
namespace ProcessMetrics {
void render(Exposition &out);
} // namespace ProcessMetrics
