// What the panel knows of the background's state (configured, inbox, presence, connection) and the last
// error a request met, as a code: the UI alone turns it into words.
import { computed, signal } from '@preact/signals';
import type { ErrorCode, PanelStatus } from '../protocol';
import { errorCodeOf } from '../protocol/errors';
import { readonly } from './readonly';

export function createConnectionModel() {
  const status = signal<PanelStatus | null>(null);
  const error = signal<ErrorCode | null>(null);
  return {
    status: readonly(status),
    /** null until the background first answers. */
    configured: computed(() => status.value?.configured ?? null),
    error: readonly(error),
    apply: (next: PanelStatus) => void (status.value = next),
    fail: (e: unknown) => void (error.value = errorCodeOf(e)),
    dismissError: () => void (error.value = null),
  };
}

