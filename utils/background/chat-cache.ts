// The chat cache in storage.local: one item per conversation (a new message rewrites its conversation, not
// every one), and an index of them, under a budget well below storage.local's 10 MB quota. Over budget,
// the conversations viewed least recently leave the cache (the server still has them; the next resync
// brings them back to memory). The session and the outbox are other items, never evicted. A write the
// browser refuses (quota) is reported, not silently dropped.
import { browser } from 'wxt/browser';
import { trimForStorage, type ConversationState } from './chat-state';

/** Well under the 10 MB quota, leaving room for the session, the outbox and the drafts. */
const CACHE_BUDGET_BYTES = 4 * 1024 * 1024;
/** Messages kept per conversation: enough to paint a thread at once, small to write. */
const CACHED_MESSAGES = 60;

const INDEX = 'chat:index';
const itemKey = (id: number) => `chat:c${id}`;

interface IndexEntry {
  id: number;
  bytes: number;
  viewedAt: number;
}
interface CacheIndex {
  key: string;
  entries: IndexEntry[];
}

export type SaveOutcome = 'saved' | 'full';

/** The part of storage.local the cache uses (tests give it one with a quota). */
export interface CacheArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export function createChatCache(area: CacheArea = browser.storage.local, budget = CACHE_BUDGET_BYTES, now = Date.now) {
  let index: CacheIndex | null = null;

  async function readIndex(): Promise<CacheIndex | null> {
    const stored = (await area.get(INDEX))[INDEX] as CacheIndex | undefined;
    return stored && typeof stored.key === 'string' && Array.isArray(stored.entries) ? stored : null;
  }

  async function clear() {
    const held = index ?? (await readIndex());
    index = null;
    // The single-item cache of earlier versions ('chat') goes too.
    await area.remove([INDEX, 'chat', ...(held?.entries.map((e) => itemKey(e.id)) ?? [])]);
  }

  return {
    clear,
    /** The cached conversations of this session; another session's cache is dropped. */
    async load(sessionKey: string): Promise<ConversationState[]> {
      const stored = await readIndex();
      if (!stored || stored.key !== sessionKey) {
        index = stored;
        await clear();
        index = { key: sessionKey, entries: [] };
        return [];
      }
      index = stored;
      const items = await area.get(stored.entries.map((e) => itemKey(e.id)));
      return stored.entries.map((e) => items[itemKey(e.id)] as ConversationState | undefined).filter((c) => c !== undefined);
    },
    /** Writes the conversations that changed, drops the removed ones, and evicts over budget. */
    async save(sessionKey: string, changed: ConversationState[], removed: number[], viewed: ReadonlySet<number>): Promise<SaveOutcome> {
      if (index?.key !== sessionKey) index = { key: sessionKey, entries: [] };
      const entries = new Map(index.entries.map((e) => [e.id, e]));
      const writes: Record<string, unknown> = {};
      for (const state of changed) {
        const trimmed = trimForStorage(state, CACHED_MESSAGES);
        const bytes = JSON.stringify(trimmed).length;
        writes[itemKey(state.id)] = trimmed;
        entries.set(state.id, { id: state.id, bytes, viewedAt: entries.get(state.id)?.viewedAt ?? 0 });
      }
      for (const id of viewed) {
        const entry = entries.get(id);
        if (entry) entry.viewedAt = now();
      }
      const drop = new Set(removed);
      for (const id of drop) entries.delete(id);
      // Least recently viewed first; a thread on screen stays.
      const byAge = [...entries.values()].sort((a, b) => a.viewedAt - b.viewedAt || a.id - b.id);
      let total = byAge.reduce((sum, e) => sum + e.bytes, 0);
      for (const entry of byAge) {
        if (total <= budget) break;
        if (viewed.has(entry.id)) continue;
        total -= entry.bytes;
        entries.delete(entry.id);
        drop.add(entry.id);
        delete writes[itemKey(entry.id)];
      }
      index = { key: sessionKey, entries: [...entries.values()] };
      try {
        await area.set({ ...writes, [INDEX]: index });
        if (drop.size) await area.remove([...drop].map(itemKey));
        return 'saved';
      } catch (error) {
        console.error('The chat cache could not be written', error);
        return 'full';
      }
    },
  };
}

export type ChatCache = ReturnType<typeof createChatCache>;
