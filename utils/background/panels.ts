// The panels attached to the background (one side panel per window, or a panel page in a tab), each with
// the thread it shows. A thread on screen in any panel is read as it arrives and gets no notification.
import type { BackgroundEvent } from '../protocol';

export interface EventSink {
  post(event: BackgroundEvent): void;
}

export function createPanels() {
  const shown = new Map<EventSink, number | null>();
  return {
    attach(sink: EventSink, onView: (conversationId: number | null) => void) {
      shown.set(sink, null);
      return {
        detach: () => void shown.delete(sink),
        setView(conversationId: number | null) {
          if (!shown.has(sink)) return;
          shown.set(sink, conversationId);
          onView(conversationId);
        },
      };
    },
    isVisible: (conversationId: number) => [...shown.values()].includes(conversationId),
    /** The distinct threads on screen. */
    visible: () => new Set([...shown.values()].filter((id): id is number => id !== null)),
    broadcast(event: BackgroundEvent) {
      for (const sink of shown.keys()) sink.post(event);
    },
    /** Each panel that shows a thread, with it. */
    eachThread(post: (sink: EventSink, conversationId: number) => void) {
      for (const [sink, id] of shown) if (id !== null) post(sink, id);
    },
  };
}
