// What a connect attempt's result means for the form: the message, and which field it is about.
import type { ConnectResult, ErrorCode, SettingsInput } from '@/utils/protocol';
import { strings } from '@/utils/strings';
import { ALL_FIELDS, type FieldName } from './fields';

export type ConnectStatus =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'connected'; inboxName?: string }
  | { kind: 'failed'; error: ErrorCode; message: string; origin?: string; field?: FieldName };

/** A connect that failed before the server could answer (the background did not answer, say) has a code too. */
export type ConnectOutcome = ConnectResult | { ok: false; error: ErrorCode; origin?: string; field?: string };

export function statusOf(result: ConnectOutcome, input: SettingsInput): ConnectStatus {
  if (result.ok) return { kind: 'connected', inboxName: result.inboxName };
  return {
    kind: 'failed',
    error: result.error,
    message: strings.error(result.error, result.origin),
    origin: result.origin,
    field: ALL_FIELDS.find((spec) => spec.name === result.field)?.name ?? fieldFor(result.error, input),
  };
}

function fieldFor(error: ErrorCode, input: SettingsInput): FieldName | undefined {
  switch (error) {
    case 'invalid_url':
    case 'unreachable':
    case 'not_hoory':
      return 'installationUrl';
    case 'unknown_inbox':
      return 'inboxIdentifier';
    case 'identity_rejected':
      return 'identifierHash';
    case 'identity_required':
      return input.identifier ? 'identifierHash' : 'identifier';
    default:
      return undefined;
  }
}
