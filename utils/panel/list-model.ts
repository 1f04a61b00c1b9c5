// The conversation list: summaries by id, patched by the background's events, shown newest first; and the
// messages of conversations still being created.
import { computed, signal } from '@preact/signals';
import type { ConversationSummary, ThreadMessage } from '../protocol';
import { readonly } from './readonly';

export function createListModel() {
  const byId = signal<ReadonlyMap<number, ConversationSummary>>(new Map());
  const unsent = signal<ThreadMessage[]>([]);
  const sorted = computed(() =>
    [...byId.value.values()].sort((a, b) => b.lastActivityAt - a.lastActivityAt || b.id - a.id),
  );
  return {
    conversations: sorted,
    unsent: readonly(unsent),
    replace(list: ConversationSummary[], messages: ThreadMessage[]) {
      byId.value = new Map(list.map((c) => [c.id, c]));
      unsent.value = messages;
    },
    patch(upsert: ConversationSummary[], remove: number[]) {
      const next = new Map(byId.value);
      for (const id of remove) next.delete(id);
      for (const summary of upsert) next.set(summary.id, summary);
      byId.value = next;
    },
    setUnsent: (messages: ThreadMessage[]) => void (unsent.value = messages),
  };
}

