// Work that can wait: the thread's chunk, and the rows around the viewport after a jump.

/** Runs `work` when the page is idle (soon, where idle callbacks do not exist); answers how to cancel it. */
export function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(work, 50);
    return () => clearTimeout(timer);
  }
  const idle = requestIdleCallback(work, { timeout: 1_000 });
  return () => cancelIdleCallback(idle);
}
