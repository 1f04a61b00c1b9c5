// "Save" on the options page: check the server, then create or restore the contact session.
// Each failure maps to one ConnectError the user can act on.
import { ApiError } from '../api/errors';
import { createClientApi, normalizeInstallationUrl, type ClientApi } from '../api/client';
import type { ContactSession } from '../api/schemas';
import type { ConnectResult, SettingsInput } from '../protocol';
import type { StoredSession } from './storage';
import type { Upload } from '../upload/form-parts';

export interface ConnectDeps {
  fetch?: typeof fetch;
  /** How messages with files go up (platform.uploader()); the client's fetch when absent. */
  upload?: Upload;
  hasOrigin(origin: string): Promise<boolean>;
}

export type ConnectOutcome =
  | { ok: true; session: StoredSession; inboxName?: string; settings: SettingsInput }
  | Extract<ConnectResult, { ok: false }>;

export const sessionKey = (s: Pick<SettingsInput, 'installationUrl' | 'inboxIdentifier'>) =>
  `${normalizeInstallationUrl(s.installationUrl)}|${s.inboxIdentifier.trim()}`;

export function parseInstallationUrl(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return normalizeInstallationUrl(url.origin + url.pathname);
  } catch {
    return null;
  }
}

export async function connect(input: SettingsInput, previous: StoredSession | null, deps: ConnectDeps): Promise<ConnectOutcome> {
  const installationUrl = parseInstallationUrl(input.installationUrl);
  if (!installationUrl) return { ok: false, error: 'invalid_url' };
  const settings = { ...input, installationUrl, inboxIdentifier: input.inboxIdentifier.trim() };
  if (!settings.inboxIdentifier) return { ok: false, error: 'unknown_inbox' };
  const api = createClientApi({ ...settings, fetch: deps.fetch });
  const origin = new URL(installationUrl).origin;

  let inboxName: string | undefined;
  let identityMandatory = false;
  try {
    const inbox = await api.getInbox();
    inboxName = inbox.name ?? undefined;
    identityMandatory = inbox.identity_validation_enabled === true;
  } catch (error) {
    return serverError(error, origin, deps);
  }

  const identity = settings.identifier
    ? { identifier: settings.identifier, identifierHash: settings.identifierHash || undefined }
    : undefined;
  if (identityMandatory && !(identity?.identifier && identity.identifierHash)) return { ok: false, error: 'identity_required' };

  const key = sessionKey(settings);
  try {
    const contact = await restoreOrCreate(api, settings, identity, previous?.key === key ? previous : null);
    return {
      ok: true,
      inboxName,
      settings,
      session: {
        key,
        sourceId: contact.source_id,
        pubsubToken: contact.pubsub_token,
        contactId: contact.id,
        identifier: identity?.identifier,
        identifierHash: identity?.identifierHash,
        inboxName,
      },
    };
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'server' && identity) return { ok: false, error: 'identity_rejected' };
    if (error instanceof ApiError && error.kind === 'invalid') return invalid(error);
    return serverError(error, origin, deps);
  }
}

async function restoreOrCreate(
  api: ClientApi,
  settings: SettingsInput,
  identity: { identifier: string; identifierHash?: string } | undefined,
  previous: StoredSession | null,
): Promise<ContactSession> {
  const fields = { name: settings.name || undefined, email: settings.email || undefined, ...identity };
  let contact: ContactSession | null = null;
  // The same person on the same inbox keeps their session, unless they now claim another identity.
  if (previous && (previous.identifier ?? '') === (identity?.identifier ?? '')) {
    contact = await api.getContact(previous.sourceId, identity).catch((error) => {
      if (error instanceof ApiError && error.kind === 'not_found') return null;
      throw error;
    });
    if (contact && (settings.name || settings.email)) await api.updateContact(contact.source_id, fields);
  }
  if (!contact) {
    contact = await api.createContact(fields);
    // A valid hash verifies the session on GET, not on create: a verified session sees all their conversations.
    if (identity?.identifierHash) contact = await api.getContact(contact.source_id, identity);
  }
  return contact;
}

async function serverError(error: unknown, origin: string, deps: ConnectDeps): Promise<ConnectOutcome> {
  console.warn('Connect failed', error); // the words the user sees come from the code alone
  if (!(error instanceof ApiError)) return { ok: false, error: 'server' };
  switch (error.kind) {
    case 'unreachable': {
      // Reachable but unreadable means the server sends no CORS headers: host access would fix that.
      const reachable = await (deps.fetch ?? fetch)(origin, { mode: 'no-cors' }).then(
        () => true,
        () => false,
      );
      if (reachable && !(await deps.hasOrigin(origin).catch(() => false))) {
        return { ok: false, error: 'permission_needed', origin };
      }
      return { ok: false, error: 'unreachable' };
    }
    case 'not_found':
      return error.jsonBody ? { ok: false, error: 'unknown_inbox' } : { ok: false, error: 'not_hoory' };
    case 'bad_response':
    case 'bad_request':
      return { ok: false, error: 'not_hoory' };
    case 'invalid':
      return invalid(error);
    default:
      return { ok: false, error: 'server' };
  }
}

/** The server refused a field: which one, so the form can point at it (the words are the UI's). */
function invalid(error: ApiError): ConnectOutcome {
  const field = error.fields.map((f) => f.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase())).find((f) => IDENTITY_FIELDS.includes(f));
  return { ok: false, error: 'invalid', ...(field ? { field } : {}) };
}

const IDENTITY_FIELDS = ['name', 'email', 'identifier', 'identifierHash'];
