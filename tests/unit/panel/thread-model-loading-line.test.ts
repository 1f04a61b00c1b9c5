// The "Loading older messages" line: only for a page that takes more than a moment (issue 17: a page from
// the worker's memory lands in milliseconds, and the line flashed, and laid the list out, twice a page).
import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOADING_LINE_AFTER_MS, createThreadModel } from '@/utils/panel/thread-model';
import type { OlderRows } from '@/utils/protocol';
import { deferred, fakeConnector, message, olderRows, thread, type Handlers } from '../components/fake-connector';

/** Thread 5 on screen with older messages, and "load older" asked for: its answer is the test's to give. */
function loadingOlder() {
  const answer = deferred<OlderRows>();
  const handlers: Handlers = { 'thread.older': () => answer.promise };
  const fail = vi.fn();
  const m = createThreadModel(fakeConnector(handlers).connector, signal<number | null>(5), fail);
  m.accept(thread(5, [message({ id: 10 })], { hasOlder: true }));
  return { answer, m, fail, loading: m.loadOlder() };
}
const page = () => olderRows(5, [message({ id: 9, createdAt: 0 })], { hasOlder: true });

describe('the loading line of older messages', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('does not show for a page that lands at once', async () => {
    const { answer, m, loading } = loadingOlder();
    await vi.advanceTimersByTimeAsync(LOADING_LINE_AFTER_MS - 10);
    answer.resolve(page());
    await vi.advanceTimersByTimeAsync(0);
    expect(m.current.value!.messages.map((r) => r.key)).toEqual(['m9', 'm10']);
    await vi.advanceTimersByTimeAsync(LOADING_LINE_AFTER_MS);
    expect(m.loadingOlderShown.value).toBe(false);
    await loading;
    expect(m.loadingOlderShown.value).toBe(false);
  });

  it('shows for a slow page, and goes with the page it waited for', async () => {
    const { answer, m, loading } = loadingOlder();
    await vi.advanceTimersByTimeAsync(LOADING_LINE_AFTER_MS - 1);
    expect(m.loadingOlderShown.value).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(m.loadingOlderShown.value).toBe(true);
    expect(m.loadingOlder.value).toBe(true);
    answer.resolve(page());
    await vi.advanceTimersByTimeAsync(0);
    expect(m.current.value!.messages.map((r) => r.key)).toEqual(['m9', 'm10']);
    expect(m.loadingOlderShown.value).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    await loading;
  });

  it('goes when the page fails', async () => {
    const { answer, m, fail, loading } = loadingOlder();
    await vi.advanceTimersByTimeAsync(LOADING_LINE_AFTER_MS);
    expect(m.loadingOlderShown.value).toBe(true);
    answer.reject(new Error('down'));
    await vi.advanceTimersByTimeAsync(100);
    await loading;
    expect(m.loadingOlderShown.value).toBe(false);
    expect(fail).toHaveBeenCalled();
  });
});
