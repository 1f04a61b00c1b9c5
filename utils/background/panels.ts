// The panels attached to the background (one side panel per window, or a panel page in a tab), each with
// the thread it shows. A thread on screen in any panel is read as it arrives and gets no notification.
import { signal } from '@preact/signals-core';
import type { BackgroundEvent } from '../protocol';

export interface EventSink {
  post(event: BackgroundEvent): void;
  /** The panel's id (from its port's name): its 'thread.older' requests name it. */
  id?: string;
}

export function createPanels() {
  const shown = new Map<EventSink, number | null>();
  /** Bumped whenever a panel comes, goes or shows another thread: the publisher reacts to it. */
  const changes = signal(0);
  /** The distinct threads on screen. */
  const visible = signal<ReadonlySet<number>>(new Set());

  const update = () => {
    const now = new Set([...shown.values()].filter((id): id is number => id !== null));
    const before = visible.peek();
    if (now.size !== before.size || [...now].some((id) => !before.has(id))) visible.value = now;
    changes.value++;
  };

  return {
    changes,
    visible,
    /** `onView` runs before the thread counts as visible (so its unread line is placed before it is read). */
    attach(sink: EventSink, onView: (conversationId: number, fresh: boolean) => void) {
      shown.set(sink, null);
      update();
      return {
        detach() {
          shown.delete(sink);
          update();
        },
        /** `fresh`: the reader opened it now, rather than the panel coming back into view. */
        setView(conversationId: number | null, fresh = false) {
          if (!shown.has(sink)) return;
          if (conversationId !== null) onView(conversationId, fresh);
          shown.set(sink, conversationId);
          update();
        },
      };
    },
    isVisible: (conversationId: number) => visible.peek().has(conversationId),
    sinks: () => [...shown] as const,
    /** The attached panel with this id, if any. */
    sinkOf: (id: string | undefined) => (id ? [...shown.keys()].find((sink) => sink.id === id) : undefined),
  };
}

export type Panels = ReturnType<typeof createPanels>;
