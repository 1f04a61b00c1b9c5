// Hand-offs to a panel (the context menu's page and quote, a notification's conversation): kept in the
// handoff mailbox, since the panel they open may not exist yet, and announced to the panels already open.
import { handoffMailbox, type Handoff } from '../protocol/mailboxes';
import type { Panels } from './panels';

export function createHandoffs(panels: Panels) {
  return {
    async leave(handoff: Handoff) {
      await handoffMailbox.setValue(handoff);
      for (const [sink] of panels.sinks()) sink.post({ type: 'handoff' });
    },
    /** The first panel to ask takes it; the others get nothing. */
    async take(): Promise<Handoff | null> {
      const handoff = await handoffMailbox.getValue();
      if (handoff) await handoffMailbox.setValue(null);
      return handoff;
    },
  };
}

export type Handoffs = ReturnType<typeof createHandoffs>;
