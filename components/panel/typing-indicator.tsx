import type { TypingAgent as Agent } from '@/utils/protocol';
import { strings } from '@/utils/strings';
import './typing-indicator.css';

/** Always rendered, so the live region exists before its text changes (screen readers need that); the
 *  sentence is said once when an agent starts typing, not again while the same agent goes on. */
export function TypingIndicator({ agent }: { agent: Agent | null }) {
  return (
    <div class="typing" aria-live="polite" aria-atomic="true">
      {agent && (
        <>
          <span class="typing__dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {strings.typing(agent.name)}
        </>
      )}
    </div>
  );
}
