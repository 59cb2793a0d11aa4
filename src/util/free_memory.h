// Handing memory a build no longer uses back to the system.
#pragma once

namespace plangen {

/// Returns the free pages the allocator holds to the system (glibc's malloc_trim: every arena,
/// not only the calling thread's). A thread that freed a large view keeps its pages in its own
/// arena, where another thread cannot reuse them; without this, a stage that runs after a
/// large one on another thread adds its memory to the pages left behind. Costs a few
/// milliseconds; a no-op where the C library has no such call.
void ReturnFreeMemory();

}  // namespace plangen
