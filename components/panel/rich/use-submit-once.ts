// One answer per interactive message. The guard lives in the component, not the model: the first press
// marks the message busy synchronously, so a double click (or a second button) sends nothing more; after
// the answer went out the message stays answered here until the server's copy says so too. If sending
// throws, the message opens again so the customer can retry.
import { useSignal } from '@preact/signals';

export type SubmitState = 'idle' | 'busy' | 'sent';

export function useSubmitOnce<T>(send: ((value: T) => Promise<void> | void) | undefined) {
  const state = useSignal<SubmitState>('idle');
  const sent = useSignal<T | undefined>(undefined);
  const run = async (value: T) => {
    if (!send || state.peek() !== 'idle') return;
    state.value = 'busy';
    sent.value = value;
    try {
      await send(value);
      state.value = 'sent';
    } catch {
      state.value = 'idle';
      sent.value = undefined;
    }
  };
  return { state, sent, run, enabled: send !== undefined };
}
