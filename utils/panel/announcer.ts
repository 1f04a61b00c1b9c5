// What a screen reader hears when an agent's (or a bot's) message arrives in the thread on screen: its
// sender and text, once, through a polite live region of the panel. Derived from the thread model: the
// messages shown when a thread opens, older ones loaded above and the customer's own are never announced.
import { effect, signal, type ReadonlySignal } from '@preact/signals';
import type { ThreadMessage, ThreadView } from '../protocol';
import { strings } from '../strings';
import { readonly } from './readonly';

const MAX_CHARS = 300;

export interface Announcement {
  text: string;
  /** Changes with every announcement, so the same words said twice are heard twice. */
  seq: number;
}

function words(message: ThreadMessage): string {
  const name = message.sender?.name || (message.from === 'bot' ? strings.botFallback : strings.agentFallbackName);
  const text = message.content.trim() || (message.attachments.length > 0 ? strings.attachment : '');
  if (!text) return '';
  return strings.announceMessage(name, text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text);
}

export function createAnnouncer(thread: ReadonlySignal<ThreadView | null>) {
  const announcement = signal<Announcement>({ text: '', seq: 0 });
  let shown: number | null = null;
  let seen = new Set<string>();
  /** Messages with a larger id are new; smaller ones are history loaded above. */
  let newestId = 0;

  const stop = effect(() => {
    const view = thread.value;
    // Back to the list, or another thread loading: what is there when a thread shows is not news.
    if (!view) return void (shown = null);
    const newest = Math.max(0, ...view.messages.map((m) => m.id ?? 0));
    if (view.conversationId !== shown) {
      shown = view.conversationId;
      seen = new Set(view.messages.map((m) => m.key));
      newestId = newest;
      return;
    }
    const arrived = view.messages.filter((m) => !seen.has(m.key));
    for (const m of arrived) seen.add(m.key);
    const text = arrived
      .filter((m) => m.from !== 'me' && m.id !== undefined && m.id > newestId)
      .map(words)
      .filter(Boolean)
      .join(' ');
    newestId = Math.max(newestId, newest);
    if (text) announcement.value = { text, seq: announcement.peek().seq + 1 };
  });

  return { announcement: readonly(announcement), stop };
}
