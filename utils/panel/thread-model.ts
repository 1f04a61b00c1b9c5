// The thread on screen: its view (patched row by row by the background's events), older messages on
// demand, the agent typing, and the answers to its interactive messages.
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Connector } from '../connector';
import type { OlderRows, ThreadMessage, ThreadPatch, ThreadView, TypingAgent } from '../protocol';
import { readonly } from './readonly';

const AGENT_TYPING_TIMEOUT_MS = 30_000;
/** A page of older messages slower than this shows the loading line; one from the worker's memory, which
 *  lands in a few milliseconds, does not flash it (nor lay the list out twice more for it). */
export const LOADING_LINE_AFTER_MS = 150;

/** Two frames: the list has rendered and laid out what changed (at once where there are no frames). */
const settled = () =>
  new Promise<void>((resolve) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => requestAnimationFrame(() => resolve())) : resolve())); // the widget clears a typing indicator by itself after 30 s

/** Stored messages in time order, then those still in the outbox. */
function order(a: ThreadMessage, b: ThreadMessage): number {
  const pending = Number(a.id === undefined) - Number(b.id === undefined);
  return pending || a.createdAt - b.createdAt || (a.id ?? 0) - (b.id ?? 0);
}

const sameRow = (held: ThreadMessage | undefined, next: ThreadMessage) => held !== undefined && JSON.stringify(held) === JSON.stringify(next);

/**
 * A patch applied to a view: unchanged rows keep their objects, so only changed rows render again. The
 * rows stay sorted, and the sort of a sorted list with a page added before or after it is one pass.
 */
export function patchView(view: ThreadView, patch: ThreadPatch | OlderRows): ThreadView {
  const rows = new Map(view.messages.map((m) => [m.key, m]));
  for (const key of patch.remove) rows.delete(key);
  // A row sent again unchanged (the patch that follows an older page repeats its rows) keeps its object:
  // nothing renders or is measured again.
  for (const message of patch.upsert) if (!sameRow(rows.get(message.key), message)) rows.set(message.key, message);
  const { conversationId, status, hasOlder, firstUnreadKey } = patch;
  return { conversationId, status, hasOlder, ...(firstUnreadKey ? { firstUnreadKey } : {}), messages: [...rows.values()].sort(order) };
}

/** The whole view of the thread held, again (after a reconnect, or its answer and its event): the rows that
 *  did not change keep their objects, so only changed rows render again. */
function keepingRows(held: ThreadView, next: ThreadView): ThreadView {
  const before = new Map(held.messages.map((m) => [m.key, m]));
  return { ...next, messages: next.messages.map((m) => { const old = before.get(m.key); return old && sameRow(old, m) ? old : m; }) };
}

export function createThreadModel(connector: Connector, shown: ReadonlySignal<number | null>, fail: (e: unknown) => void) {
  const view = signal<ThreadView | null>(null);
  const loadingOlder = signal(false);
  const loadingLine = signal(false);
  const typing = signal<{ conversationId: number; agent: TypingAgent } | null>(null);
  let typingClear: ReturnType<typeof setTimeout> | undefined;

  const current = computed(() => (view.value && view.value.conversationId === shown.value ? view.value : null));
  const accept = (next: ThreadView) => {
    if (next.conversationId !== shown.peek()) return;
    const held = view.peek();
    view.value = held?.conversationId === next.conversationId ? keepingRows(held, next) : next;
  };

  return {
    current,
    /** A page is on its way: no other is asked for. */
    loadingOlder: readonly(loadingOlder),
    /** …and has taken more than a moment: the list says it is loading. */
    loadingOlderShown: readonly(loadingLine),
    agentTyping: computed(() => (typing.value && typing.value.conversationId === shown.value ? typing.value.agent : null)),
    accept,
    patch(patch: ThreadPatch) {
      const held = view.peek();
      if (held && held.conversationId === patch.conversationId) view.value = patchView(held, patch);
    },
    setTyping(conversationId: number, agent: TypingAgent | null) {
      clearTimeout(typingClear);
      typing.value = agent ? { conversationId, agent } : null;
      if (agent) typingClear = setTimeout(() => (typing.value = null), AGENT_TYPING_TIMEOUT_MS);
    },
    async open(conversationId: number) {
      if (view.peek()?.conversationId !== conversationId) view.value = null;
      await connector.request({ type: 'thread.open', conversationId, panel: connector.panelId }).then(accept, fail);
    },
    async loadOlder() {
      const held = current.peek();
      if (!held?.hasOlder || loadingOlder.peek()) return;
      loadingOlder.value = true;
      const slow = setTimeout(() => (loadingLine.value = true), LOADING_LINE_AFTER_MS);
      // The line goes in the same turn as the page it waited for comes (one render), not two frames later.
      const lineOff = () => {
        clearTimeout(slow);
        loadingLine.value = false;
      };
      // The rows before the oldest stored one the panel holds come back, and go in front of it.
      const before = held.messages.find((m) => m.id !== undefined)?.key;
      const id = held.conversationId;
      await connector
        .request({ type: 'thread.older', conversationId: id, panel: connector.panelId, ...(before ? { before } : {}) })
        .then(
          (rows) => {
            lineOff();
            const now = view.peek();
            if (now?.conversationId === id) view.value = patchView(now, rows);
          },
          (e: unknown) => {
            lineOff();
            fail(e);
          },
        );
      // The list puts the reader's place back after it draws the page: only then may the next one be asked
      // for (a page from the worker's memory comes at once, and two in a row made the reader's place jump).
      await settled();
      loadingOlder.value = false;
    },
    retry: (echoId: string) => void connector.request({ type: 'message.retry', echoId }).catch(fail),
    async submit(messageId: number, values: unknown) {
      const conversationId = shown.peek();
      if (conversationId === null) return;
      // The banner says why, and the component learns it failed, so the customer can answer again.
      await connector.request({ type: 'message.submit', conversationId, messageId, values }).catch((e: unknown) => {
        fail(e);
        throw e;
      });
    },
    async resolve() {
      const conversationId = shown.peek();
      if (conversationId !== null) await connector.request({ type: 'conversation.resolve', conversationId }).catch(fail);
    },
  };
}

