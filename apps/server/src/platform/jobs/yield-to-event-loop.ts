/**
 * Let the event loop run pending I/O (requests, timers) before going on. A loop of embedded-database
 * work needs it: PGlite runs a query on this thread and its promise settles without a trip through the
 * event loop, so awaiting query after query is one unbroken chain of microtasks that no request, not
 * even a 404, can interrupt. setImmediate runs after the poll phase, so the I/O waiting now goes first.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
