// Builders for the background's unit tests: server messages and conversations, a bound session on the
// fake browser's storage with a recording fetch, and panels that collect what they are told.
import { vi } from 'vitest';
import type { Conversation, Message } from '@/utils/api/schemas';
import { sessionKey } from '@/utils/background/connect';
import type { EventSink, Panels } from '@/utils/background/panels';
import { createSession } from '@/utils/background/session';
import type { StoredSession } from '@/utils/background/storage';
import type { BackgroundEvent } from '@/utils/protocol';
import { EMPTY_SETTINGS, type Settings } from '@/utils/settings';

/** An agent's message (message_type 1) of conversation 1, created at 1000 + id. */
export const msg = (id: number, over: Partial<Message> = {}): Message => ({
  id, content: `m${id}`, message_type: 1, content_type: 'text', content_attributes: {}, created_at: 1000 + id, conversation_id: 1, ...over,
});

export const conv = (over: Partial<Conversation> = {}): Conversation => ({
  id: 1, status: 'open', contact_last_seen_at: 0, agent_last_seen_at: 0, messages: [], ...over,
});

export const SETTINGS: Settings = { ...EMPTY_SETTINGS, installationUrl: 'https://chat.example.com', inboxIdentifier: 'inbox', name: 'Pat' };

export const stored = (over: Partial<StoredSession> = {}): StoredSession => ({
  key: sessionKey(SETTINGS), sourceId: 'src-1', pubsubToken: 'pub-1', contactId: 11, inboxName: 'Help desk', ...over,
});

/** A fetch that answers every call with 200 and an empty body, and remembers "METHOD path". */
export function recordingFetch() {
  const calls: string[] = [];
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
    return new Response('', { status: 200 });
  });
  return { fetch, calls };
}

/** A session on the fake browser's storage; `bound` adopts one (as Save does). */
export async function session({ bound = true, settings = SETTINGS } = {}) {
  const { fetch, calls } = recordingFetch();
  const s = createSession({ fetch: fetch as unknown as typeof globalThis.fetch, hasOrigin: async () => true });
  if (bound) await s.adopt(settings, stored());
  return { session: s, fetch, calls };
}

/** A panel attached to `panels`, collecting its events; `show` says which thread it shows. */
export function panel(panels: Panels, onView: (id: number) => void = () => {}, id?: string) {
  const events: BackgroundEvent[] = [];
  const sink: EventSink = { post: (e) => void events.push(e), ...(id ? { id } : {}) };
  const attached = panels.attach(sink, onView);
  return {
    sink,
    events,
    show: (id: number | null) => attached.setView(id),
    detach: attached.detach,
    /** The events of one type, taken out of the list. */
    take<T extends BackgroundEvent['type']>(type?: T): Extract<BackgroundEvent, { type: T }>[] {
      const picked = events.filter((e) => !type || e.type === type);
      events.splice(0, events.length, ...events.filter((e) => !picked.includes(e)));
      return picked as Extract<BackgroundEvent, { type: T }>[];
    },
  };
}
