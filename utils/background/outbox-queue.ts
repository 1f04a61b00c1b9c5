// The one queue every customer message goes through. Items are persisted before any request, so a worker
// stop, a 5xx or a 429 delays a message but never loses or doubles it:
// - each message carries an echo_id, and the cable echo of that id completes the item;
// - an attempt that may have reached the server (no answer, an unreadable answer, or a worker stopped
//   mid-request) is checked against the server before it is made again: the conversation's newest messages
//   for a message, the contact's conversations for a new conversation.
import { ApiError } from '../api/errors';
import type { Message } from '../api/schemas';
import { CodedError, errorCodeOf } from '../protocol/errors';
import { backoffMs, findLanded, inFlightMs, MAX_ATTEMPTS, type OutboxHooks, type OutboxItem, type OutboxTransport } from './outbox-item';

export type { OutboxItem, OutboxTransport } from './outbox-item';
export { backoffMs, MAX_ATTEMPTS } from './outbox-item';

export function createOutbox(initial: OutboxItem[], transport: () => OutboxTransport | null, hooks: OutboxHooks, now = Date.now) {
  let items = initial.map((item) => ({ ...item }));
  let draining: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let offline = false;

  // Progress is of this attempt only: a restarted worker must not show a stale one.
  const save = () => hooks.save(items.map(({ progress: _, ...i }) => i));
  const remove = (echoId: string) => (items = items.filter((i) => i.echoId !== echoId));

  /** The customer's message with this text, posted since the uncertain attempt began, if any. */
  async function landed(item: OutboxItem, api: OutboxTransport): Promise<Message | undefined> {
    return findLanded(item, await api.latestMessages(item.conversationId!));
  }

  async function complete(item: OutboxItem, message: Message) {
    // Gone already: its cable echo delivered it, or the session it belonged to was replaced.
    if (!items.includes(item)) return;
    remove(item.echoId);
    await save();
    await hooks.sent(item, message);
  }

  async function sendOne(item: OutboxItem, api: OutboxTransport) {
    item.state = 'sending';
    item.sendingSince = now();
    if (item.conversationId === null && !item.createUncertain) item.createdAfter = api.newestConversationId();
    await save();
    hooks.changed();
    try {
      if (item.conversationId !== null && item.uncertainSince !== undefined) {
        const found = await landed(item, api);
        if (found) {
          await complete(item, found);
          hooks.changed();
          return;
        }
        delete item.uncertainSince;
      }
      if (item.conversationId === null) {
        const lost = item.createUncertain ? await api.orphanConversation(item.createdAfter ?? 0) : undefined;
        const conversation = lost ?? (await api.createConversation(item.customAttributes));
        delete item.createUncertain;
        item.conversationId = conversation.id;
        // The conversation's further files go to it, not to conversations of their own.
        for (const other of items) if (other.follows === item.echoId) other.conversationId = conversation.id;
        // Persist the id before posting, so a stop here does not create a second conversation.
        await save();
        await hooks.conversationCreated(item, conversation);
        // Shown in its conversation now (the panel follows there), not only once its POST is answered.
        hooks.changed();
      }
      const message = await api.createMessage(item.conversationId, item.content, item.echoId, item.attachments);
      await complete(item, message);
    } catch (error) {
      delete item.progress;
      item.attempts += 1;
      // No answer, or one we cannot read: the request may have been carried out all the same.
      // (A coded error is ours, raised before any request: a file gone from the store, say.)
      const uncertain = error instanceof ApiError ? error.kind === 'unreachable' || error.kind === 'bad_response' : !(error instanceof CodedError);
      if (uncertain && item.conversationId !== null) item.uncertainSince ??= item.sendingSince;
      if (uncertain && item.conversationId === null) item.createUncertain = true;
      const retryable = uncertain || (error instanceof ApiError && error.retryable);
      if (retryable && item.attempts < MAX_ATTEMPTS) {
        item.state = 'queued';
        item.nextAttemptAt = now() + backoffMs(item.attempts, error);
      } else {
        item.state = 'failed';
      }
      item.error = errorCodeOf(error);
      await save();
    }
    hooks.changed();
  }

  async function drainLoop() {
    for (;;) {
      const api = transport();
      if (!api) return;
      // Strict order: a message waits for the ones typed before it.
      const head = items.find((i) => i.state !== 'failed');
      if (!head) return;
      if (head.state === 'sending') {
        // Left over from a stopped worker: only recover() may decide whether to send it again.
        clearTimeout(timer);
        timer = setTimeout(() => void recover(), 5_000);
        return;
      }
      const wait = head.nextAttemptAt - now();
      if (wait > 0) {
        clearTimeout(timer);
        timer = setTimeout(drain, wait);
        return;
      }
      await sendOne(head, api);
    }
  }

  function drain(): Promise<void> {
    draining ??= drainLoop().finally(() => (draining = null));
    return draining;
  }

  return {
    items: () => items as readonly OutboxItem[],
    /** Forget every item: they belong to a session that is no longer ours. */
    async clear() {
      clearTimeout(timer);
      items = [];
      await save();
      hooks.changed();
    },
    /** Replace the held items with those read from storage (at start-up). */
    load(stored: OutboxItem[]) {
      items = stored.map((item) => ({ ...item }));
    },
    drain,
    /** The network is back: what waits for it goes now, in order, not after its backoff. */
    wake() {
      offline = false;
      for (const item of items) if (item.state === 'queued') item.nextAttemptAt = 0;
      clearTimeout(timer);
      return drain();
    },
    /** The network went: every message waiting says it waits for it, not only the one that was tried. */
    async goneOffline() {
      offline = true;
      for (const item of items) if (item.state === 'queued') item.error = 'no_network';
      await save();
      hooks.changed();
    },
    async enqueue(item: Omit<OutboxItem, 'state' | 'attempts' | 'nextAttemptAt' | 'createdAt'>) {
      items.push({ ...item, state: 'queued', attempts: 0, nextAttemptAt: 0, createdAt: now(), ...(offline ? { error: 'no_network' as const } : {}) });
      await save();
      hooks.changed();
      void drain();
    },
    async retry(echoId: string) {
      const item = items.find((i) => i.echoId === echoId);
      if (!item || item.state !== 'failed') return;
      Object.assign(item, { state: 'queued', attempts: 0, nextAttemptAt: 0, error: undefined });
      await save();
      hooks.changed();
      void drain();
    },
    /** The cable echoed our message: it is on the server, whatever became of the POST. */
    async echoed(echoId: string): Promise<OutboxItem | null> {
      const item = items.find((i) => i.echoId === echoId);
      if (!item) return null;
      remove(echoId);
      await save();
      hooks.changed();
      return item;
    },
    recover,
    /** How much of an item's upload is sent: shown, not saved (a change per step, throttled by the caller). */
    progress(echoId: string, percent: number) {
      const item = items.find((i) => i.echoId === echoId);
      if (item?.state === 'sending') (item.progress = percent), hooks.changed();
    },
    /** The server's conversations (a resync): an uncertain item found there has landed, and is done. */
    async reconcile(conversations: readonly { id: number; messages: readonly Message[] }[]) {
      for (const item of [...items]) {
        if (item.uncertainSince === undefined || item.state === 'sending' || item.conversationId === null) continue;
        const found = findLanded(item, conversations.find((c) => c.id === item.conversationId)?.messages ?? []);
        if (found) await complete(item, found);
      }
      hooks.changed();
    },
  };

  /** After a worker restart: an item left "sending" may or may not have reached the server. */
  async function recover() {
    for (const item of items.filter((i) => i.state === 'sending')) {
      item.state = 'queued';
      if (item.conversationId !== null) item.uncertainSince ??= item.sendingSince ?? item.createdAt;
      else if (item.createdAfter !== undefined) item.createUncertain = true;
      // The stopped request may still be on its way through the server (an upload takes a while): look
      // for it only once it would have landed; its cable echo or the resync completes it sooner.
      if (item.conversationId !== null) item.nextAttemptAt = Math.max(item.nextAttemptAt, (item.sendingSince ?? item.createdAt) + inFlightMs(item));
    }
    await save();
    hooks.changed();
    void drain();
  }
}
