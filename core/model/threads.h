#pragma once

namespace tierdesk {

/// Puts the calling thread below the program's other threads: 10 more on its nice value (Linux
/// keeps one per thread, and a thread it starts inherits it; elsewhere nothing). Once per
/// thread: calling it again changes nothing.
void lowerThisThread();

} // namespace tierdesk
