import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createThreadModel, patchView } from '@/utils/panel/thread-model';
import type { OlderRows, ThreadPatch, ThreadView } from '@/utils/protocol';
import { CodedError } from '@/utils/protocol/errors';
import { deferred, fakeConnector, message, olderRows, pendingMessage, thread, type Handlers } from '../components/fake-connector';

afterEach(() => vi.useRealTimers());

const patch = (over: Partial<ThreadPatch> = {}): ThreadPatch => ({ conversationId: 5, status: 'open', hasOlder: false, upsert: [], remove: [], ...over });

describe('patchView', () => {
  const one = message({ id: 1, content: 'one', createdAt: 100 });
  const two = message({ id: 2, content: 'two', createdAt: 200 });
  const mine = pendingMessage('e1', { content: 'sending', createdAt: 50 });
  const view = thread(5, [one, two, mine]);

  it('keeps the objects of the rows it does not change, so only changed rows render again', () => {
    const edited = { ...two, content: 'two, edited' };
    const next = patchView(view, patch({ upsert: [edited] }));
    expect(next.messages).toEqual([one, edited, mine]);
    expect(next.messages[0]).toBe(one);
    expect(next.messages[1]).toBe(edited);
    expect(next.messages[2]).toBe(mine);
    expect(next).not.toBe(view);
    expect(view.messages[1]).toBe(two); // the old view is left as it was
  });

  it('adds and removes rows: stored messages in time order, then those still in the outbox', () => {
    const sent = message({ id: 3, from: 'me', sender: null, content: 'sending', createdAt: 250 });
    const older = message({ id: 0, content: 'zero', createdAt: 10 });
    const next = patchView(view, patch({ upsert: [sent, older], remove: ['ee1'] }));
    expect(next.messages.map((m) => m.key)).toEqual(['m0', 'm1', 'm2', 'm3']);
    const again = patchView(next, patch({ upsert: [pendingMessage('e2', { createdAt: 1 })] }));
    expect(again.messages.map((m) => m.key)).toEqual(['m0', 'm1', 'm2', 'm3', 'ee2']);
  });

  it('orders same-second messages by id, and ignores removals of rows it does not have', () => {
    const a = message({ id: 7, createdAt: 300 });
    const b = message({ id: 6, createdAt: 300 });
    const next = patchView(view, patch({ upsert: [a, b], remove: ['m99'] }));
    expect(next.messages.map((m) => m.key)).toEqual(['m1', 'm2', 'm6', 'm7', 'ee1']);
  });

  it('takes the header facts from the patch: status, older history, the "New messages" line', () => {
    const marked = patchView({ ...view, firstUnreadKey: 'm2' }, patch({ status: 'resolved', hasOlder: true, firstUnreadKey: 'm1' }));
    expect(marked).toMatchObject({ conversationId: 5, status: 'resolved', hasOlder: true, firstUnreadKey: 'm1' });
    const unmarked = patchView({ ...view, firstUnreadKey: 'm2' }, patch());
    expect(unmarked).not.toHaveProperty('firstUnreadKey');
  });
});

function model(handlers: Handlers = {}, shownId: number | null = 5) {
  const fake = fakeConnector(handlers);
  const shown = signal<number | null>(shownId);
  const fail = vi.fn();
  return { fake, shown, fail, thread: createThreadModel(fake.connector, shown, fail) };
}

describe('thread model', () => {
  it('opens a thread: asks for its view and shows it', async () => {
    const view = thread(5, [message({ content: 'hi' })]);
    const { fake, thread: m } = model({ 'thread.open': () => view });
    await m.open(5);
    expect(fake.sent('thread.open')).toEqual([{ type: 'thread.open', conversationId: 5, panel: 'panel-under-test' }]);
    expect(m.current.value).toBe(view);
  });

  it('the whole view of the thread it holds, again, keeps the objects of the rows that did not change', async () => {
    const one = message({ id: 1, content: 'one' });
    const two = message({ id: 2, content: 'two', createdAt: 1_700_000_100 });
    const { thread: m } = model({ 'thread.open': () => thread(5, [one, two]) });
    await m.open(5);
    m.accept(thread(5, [{ ...one }, { ...two, content: 'two, edited' }, message({ id: 3, createdAt: 1_700_000_200 })]));
    const rows = m.current.value!.messages;
    expect(rows[0]).toBe(one); // the same row: nothing renders again
    expect(rows[1]!.content).toBe('two, edited');
    expect(rows.map((r) => r.key)).toEqual(['m1', 'm2', 'm3']);
    m.accept(thread(6, [{ ...one }])); // another thread: not shown here
    expect(m.current.value!.messages).toBe(rows);
  });

  it('reopening the shown thread keeps it painted until the fresh view comes', async () => {
    const answer = deferred<ThreadView>();
    const { thread: m } = model({ 'thread.open': () => answer.promise });
    const held = thread(5, [message()]);
    m.accept(held);
    const reopening = m.open(5);
    expect(m.current.value).toBe(held);
    const fresh = thread(5, []);
    answer.resolve(fresh);
    await reopening;
    expect(m.current.value).toEqual(fresh);
    expect(m.current.value!.messages).toEqual([]);
  });

  it('opening another thread drops the held view at once: no thread is shown under another’s header', async () => {
    const answer = deferred<ThreadView>();
    const { shown, thread: m } = model({ 'thread.open': () => answer.promise });
    m.accept(thread(5, [message()]));
    const opening = m.open(6);
    shown.value = 5; // even back on 5 before 6 answers, the dropped view is gone
    expect(m.current.value).toBeNull();
    answer.resolve(thread(6, []));
    await opening;
  });

  it('a view that comes back after the user moved on is not shown', async () => {
    const answer = deferred<ThreadView>();
    const { shown, thread: m } = model({ 'thread.open': () => answer.promise });
    const opening = m.open(5);
    shown.value = 6;
    answer.resolve(thread(5, [message()]));
    await opening;
    expect(m.current.value).toBeNull();
    m.accept(thread(7, []));
    expect(m.current.value).toBeNull();
  });

  it('a failed open is reported as an error', async () => {
    const { fail, thread: m } = model({ 'thread.open': () => Promise.reject(new CodedError('not_found')) });
    await m.open(5);
    expect(fail).toHaveBeenCalledWith(expect.objectContaining({ code: 'not_found' }));
    expect(m.current.value).toBeNull();
  });

  it('applies patches to the shown thread only', () => {
    const { thread: m } = model();
    m.patch(patch({ upsert: [message({ id: 1 })] }));
    expect(m.current.value).toBeNull(); // nothing held yet: nothing to patch
    const first = message({ id: 1, createdAt: 1 });
    m.accept(thread(5, [first]));
    m.patch(patch({ conversationId: 6, upsert: [message({ id: 9 })] }));
    expect(m.current.value!.messages.map((r) => r.key)).toEqual(['m1']);
    m.patch(patch({ upsert: [message({ id: 2, createdAt: 2 })] }));
    expect(m.current.value!.messages.map((r) => r.key)).toEqual(['m1', 'm2']);
    expect(m.current.value!.messages[0]).toBe(first);
  });

  it('loads older messages once at a time, showing that it does', async () => {
    const answer = deferred<OlderRows>();
    const { fake, thread: m } = model({ 'thread.older': () => answer.promise });
    m.accept(thread(5, [message({ id: 10 })], { hasOlder: true }));
    const loading = m.loadOlder();
    expect(m.loadingOlder.value).toBe(true);
    await m.loadOlder(); // already loading: no second request
    expect(fake.sent('thread.older')).toEqual([{ type: 'thread.older', conversationId: 5, panel: 'panel-under-test', before: 'm10' }]);
    answer.resolve(olderRows(5, [message({ id: 9, createdAt: 0 })], { hasOlder: false }));
    await loading;
    expect(m.loadingOlder.value).toBe(false);
    expect(m.current.value!.messages.map((r) => r.key)).toEqual(['m9', 'm10']);
    await m.loadOlder(); // nothing older
    expect(fake.sent('thread.older')).toHaveLength(1);
  });

  it('a failed "load older" ends the loading state and reports the error', async () => {
    const { fail, thread: m } = model({ 'thread.older': () => Promise.reject(new CodedError('unreachable')) });
    m.accept(thread(5, [message()], { hasOlder: true }));
    await m.loadOlder();
    expect(m.loadingOlder.value).toBe(false);
    expect(fail).toHaveBeenCalledWith(expect.objectContaining({ code: 'unreachable' }));
  });

  it('retries, submits and resolves through the background, for the shown thread', async () => {
    const { fake, shown, fail, thread: m } = model();
    m.retry('e1');
    await m.submit(40, [{ title: 'Bug', value: 'bug' }]);
    await m.resolve();
    expect(fake.sent('message.retry')).toEqual([{ type: 'message.retry', echoId: 'e1' }]);
    expect(fake.sent('message.submit')).toEqual([{ type: 'message.submit', conversationId: 5, messageId: 40, values: [{ title: 'Bug', value: 'bug' }] }]);
    expect(fake.sent('conversation.resolve')).toEqual([{ type: 'conversation.resolve', conversationId: 5 }]);
    shown.value = null;
    await m.submit(41, []);
    await m.resolve();
    expect(fake.sent('message.submit')).toHaveLength(1);
    expect(fake.sent('conversation.resolve')).toHaveLength(1);
    expect(fail).not.toHaveBeenCalled();
  });

  it('reports what the background refuses', async () => {
    const refuse = () => Promise.reject(new CodedError('server'));
    const { fail, thread: m } = model({ 'message.retry': refuse, 'message.submit': refuse, 'conversation.resolve': refuse });
    m.retry('e1');
    // An answer that fails also tells its component, so the customer can answer again.
    await expect(m.submit(40, {})).rejects.toMatchObject({ code: 'server' });
    await m.resolve();
    await vi.waitFor(() => expect(fail).toHaveBeenCalledTimes(3));
  });

  it('shows the agent typing in the shown thread only, and forgets it after 30 s without news', () => {
    vi.useFakeTimers();
    const { shown, thread: m } = model();
    m.setTyping(6, { name: 'Sam' });
    expect(m.agentTyping.value).toBeNull();
    m.setTyping(5, { name: 'Alex' });
    expect(m.agentTyping.value).toEqual({ name: 'Alex' });
    shown.value = 6;
    expect(m.agentTyping.value).toBeNull();
    shown.value = 5;
    vi.advanceTimersByTime(20_000);
    m.setTyping(5, { name: 'Alex' }); // still typing: the 30 s start again
    vi.advanceTimersByTime(20_000);
    expect(m.agentTyping.value).toEqual({ name: 'Alex' });
    vi.advanceTimersByTime(10_000);
    expect(m.agentTyping.value).toBeNull();
    m.setTyping(5, { name: 'Alex' });
    m.setTyping(5, null);
    expect(m.agentTyping.value).toBeNull();
  });
});

describe('patchView on a long thread', () => {
  const long = thread(5, Array.from({ length: 1_000 }, (_, i) => message({ id: i + 100, createdAt: 1_000 + i })));

  it('"load older" goes in front, in order, and every row already held keeps its object', () => {
    const page = [message({ id: 99, createdAt: 999 }), message({ id: 98, createdAt: 998 })];
    const next = patchView(long, olderRows(5, page, { hasOlder: true }));
    expect(next.messages.slice(0, 3).map((m) => m.key)).toEqual(['m98', 'm99', 'm100']);
    expect(next.messages).toHaveLength(1_002);
    expect(next.messages[2]).toBe(long.messages[0]);
    expect(next.hasOlder).toBe(true);
  });

  it('a new message goes at the end; an edit is replaced where it is; a row both removed and upserted stays', () => {
    const newest = message({ id: 5_000, createdAt: 9_999 });
    expect(patchView(long, patch({ upsert: [newest] })).messages.at(-1)).toBe(newest);
    const edited = { ...long.messages[500]!, content: 'edited' };
    const next = patchView(long, patch({ upsert: [edited], remove: [edited.key] }));
    expect(next.messages[500]).toBe(edited);
    expect(next.messages).toHaveLength(1_000);
    expect(next.messages[499]).toBe(long.messages[499]);
  });

  it('the same older rows again (the background’s patch after its answer) change nothing but those rows', () => {
    const page = [message({ id: 99, createdAt: 999 })];
    const once = patchView(long, olderRows(5, page));
    const twice = patchView(once, patch({ upsert: [{ ...page[0]! }] }));
    expect(twice.messages.map((m) => m.key)).toEqual(once.messages.map((m) => m.key));
  });
});

describe('a row sent again unchanged', () => {
  it('keeps its object, so it does not render again; a changed one is replaced', () => {
    const one = message({ id: 1, content: 'one', createdAt: 100 });
    const view = thread(5, [one]);
    expect(patchView(view, patch({ upsert: [{ ...one }] })).messages[0]).toBe(one);
    const edited = { ...one, content: 'edited' };
    expect(patchView(view, patch({ upsert: [edited] })).messages[0]).toBe(edited);
  });
});

describe('paging back', () => {
  it('asks for the next older page only once the list has drawn this one (two frames later)', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    const frame = () => frames.splice(0).forEach((callback) => callback(0));
    try {
      const answer = deferred<OlderRows>();
      const { fake, thread: m } = model({ 'thread.older': () => answer.promise });
      m.accept(thread(5, [message({ id: 10 })], { hasOlder: true }));
      const loading = m.loadOlder();
      answer.resolve(olderRows(5, [message({ id: 9, createdAt: 0 })], { hasOlder: true }));
      await new Promise((r) => setTimeout(r, 0));
      expect(m.current.value!.messages.map((r) => r.key)).toEqual(['m9', 'm10']); // the page is there…
      expect(m.loadingOlder.value).toBe(true); // …and the next is not asked for before it is drawn
      await m.loadOlder();
      expect(fake.sent('thread.older')).toHaveLength(1);
      frame();
      frame();
      await loading;
      expect(m.loadingOlder.value).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
