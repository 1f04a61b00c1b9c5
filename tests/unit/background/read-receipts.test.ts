import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { unreadOf } from '@/utils/background/chat-state';
import { createPanels } from '@/utils/background/panels';
import { READ_RECEIPT_AFTER_MS, READ_RECEIPT_EVERY_MS, startReadReceipts } from '@/utils/background/read-receipts';
import { createStore } from '@/utils/background/store';
import { conv, msg, panel, session } from './fixtures';

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ now: new Date(2026, 2, 10, 15, 0) });
});
afterEach(() => vi.useRealTimers());

const LAST_SEEN = (id: number) => `POST /public/api/v1/inboxes/inbox/contacts/src-1/conversations/${id}/update_last_seen`;

/** Conversations 1 and 2, each with one unread reply, seen before on the server; one panel on the list. */
async function setup({ bound = true } = {}) {
  const { session: s, calls, fetch } = await session({ bound });
  const store = createStore();
  store.applyConversation(conv({ id: 1, contact_last_seen_at: 900, messages: [msg(1)] }), true);
  store.applyConversation(conv({ id: 2, contact_last_seen_at: 900, messages: [msg(2, { conversation_id: 2 })] }), true);
  const panels = createPanels();
  const receipts = startReadReceipts(store, s, panels);
  const sent = (id: number) => calls.filter((c) => c === LAST_SEEN(id)).length;
  return { store, panels, receipts, sent, calls, fetch, one: panel(panels) };
}

/** A reply of conversation 1 (unless told), written now: newer than any mark of read so far. */
const reply = (id: number, over: Parameters<typeof msg>[1] = {}) => msg(id, { created_at: Math.floor(Date.now() / 1000), ...over });

/** Lets the fetches started so far be made. */
const settle = () => vi.advanceTimersByTimeAsync(0);
/** Half a second on: the server is told a thread on screen was read. */
const told = () => vi.advanceTimersByTimeAsync(READ_RECEIPT_AFTER_MS);

describe('read receipts', () => {
  it('a thread opened with unread replies is marked read at once, and the server told half a second later', async () => {
    const { store, one, sent, receipts } = await setup();
    expect(unreadOf(store.held(1)!)).toBe(1);
    one.show(1);
    expect(unreadOf(store.held(1)!)).toBe(0); // in the same turn: the badge drops at once
    await vi.advanceTimersByTimeAsync(READ_RECEIPT_AFTER_MS - 1);
    expect(sent(1)).toBe(0); // not while the thread is being shown: the server answers with a storm of updates
    await vi.advanceTimersByTimeAsync(1);
    expect(sent(1)).toBe(1);
    expect(sent(2)).toBe(0);
    expect(unreadOf(store.held(2)!)).toBe(1); // not on screen: still unread
    receipts.stop();
  });

  it('replies arriving on screen are read at once; the server hears at most once per interval, and once after the burst', async () => {
    const { store, one, sent, receipts } = await setup();
    one.show(1);
    await told();
    expect(sent(1)).toBe(1);
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(400);
      store.applyMessage(reply(10 + i));
      expect(unreadOf(store.held(1)!)).toBe(0);
    }
    await settle();
    expect(sent(1)).toBe(1); // 2 s into the burst: still within the interval
    await vi.advanceTimersByTimeAsync(READ_RECEIPT_EVERY_MS - 2_000);
    expect(sent(1)).toBe(2); // the trailing one, for the burst
    await vi.advanceTimersByTimeAsync(10 * READ_RECEIPT_EVERY_MS);
    expect(sent(1)).toBe(2); // nothing more to say

    store.applyMessage(reply(20)); // a reply after a quiet spell, to a thread on screen for a while: told at once
    await settle();
    expect(sent(1)).toBe(3);
    receipts.stop();
  });

  it('a thread opened again waits the half second again; only a thread already on screen is told at once', async () => {
    const { store, one, sent, receipts } = await setup();
    one.show(1);
    await told();
    one.show(null);
    await vi.advanceTimersByTimeAsync(2 * READ_RECEIPT_EVERY_MS);
    store.applyMessage(reply(60)); // while away: unread
    one.show(1);
    await settle();
    expect(sent(1)).toBe(1);
    await told();
    expect(sent(1)).toBe(2);
    receipts.stop();
  });

  it('throttles each conversation on its own', async () => {
    const { store, panels, one, sent, receipts } = await setup();
    const two = panel(panels);
    one.show(1);
    two.show(2);
    await told();
    expect([sent(1), sent(2)]).toEqual([1, 1]);
    store.applyMessage(reply(30, { conversation_id: 2 }));
    await settle();
    expect([sent(1), sent(2)]).toEqual([1, 1]);
    await vi.advanceTimersByTimeAsync(READ_RECEIPT_EVERY_MS);
    expect([sent(1), sent(2)]).toEqual([1, 2]);
    receipts.stop();
  });

  it('a thread read already says nothing; one never looked at on the server says so once', async () => {
    const { store, one, sent, receipts } = await setup();
    store.applyConversation(conv({ id: 3, contact_last_seen_at: 5_000, messages: [msg(3, { conversation_id: 3 })] }), true);
    store.applyConversation(conv({ id: 4, contact_last_seen_at: 0, messages: [] }), true);
    one.show(3);
    await settle();
    expect(sent(3)).toBe(0);
    one.show(4);
    await told();
    expect(sent(4)).toBe(1); // the agent sees the customer opened it
    one.show(null);
    one.show(4);
    await vi.advanceTimersByTimeAsync(2 * READ_RECEIPT_EVERY_MS);
    expect(sent(4)).toBe(1);
    receipts.stop();
  });

  it('a thread no panel shows is left unread', async () => {
    const { store, one, sent, receipts } = await setup();
    one.show(1);
    one.show(null);
    store.applyMessage(reply(40));
    await vi.advanceTimersByTimeAsync(2 * READ_RECEIPT_EVERY_MS);
    expect(unreadOf(store.held(1)!)).toBe(1);
    expect(sent(1)).toBe(1); // only for what was on screen
    receipts.stop();
  });

  it('without a session, a thread on screen is still read here, and nothing is sent', async () => {
    const { store, one, calls, receipts } = await setup({ bound: false });
    one.show(1);
    expect(unreadOf(store.held(1)!)).toBe(0);
    await settle();
    expect(calls).toEqual([]);
    receipts.stop();
  });

  it('a failed update_last_seen is only a warning', async () => {
    const { store, one, fetch, receipts } = await setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    one.show(1);
    await told();
    expect(fetch).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledWith('update_last_seen failed', expect.anything());
    expect(unreadOf(store.held(1)!)).toBe(0);
    warn.mockRestore();
    receipts.stop();
  });

  it('stopped, it marks nothing and cancels the trailing receipt', async () => {
    const { store, one, sent, receipts } = await setup();
    one.show(1);
    await told();
    store.applyMessage(reply(50)); // a trailing receipt is now due
    receipts.stop();
    await vi.advanceTimersByTimeAsync(2 * READ_RECEIPT_EVERY_MS);
    expect(sent(1)).toBe(1);
    store.applyMessage(reply(51));
    expect(unreadOf(store.held(1)!)).toBe(1);
  });
});
