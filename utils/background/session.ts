// The one owner of the active session: the settings, the stored contact, and a Client API client already
// bound to its source_id. A session is there (bound) or absent; nothing else checks for null pieces or
// passes a source_id around. Load at start, adopt after Save, renew the token, lose it to a new contact.
import { signal } from '@preact/signals-core';
import { createClientApi, type ClientApi, type Identity } from '../api/client';
import { settingsMailbox } from '../protocol/mailboxes';
import { CodedError } from '../protocol/errors';
import { isConfigured, type Settings } from '../settings';
import { connect, sessionKey, type ConnectDeps } from './connect';
import { applyManagedSettings } from './managed-settings';
import { sessionItem, type StoredSession } from './storage';

type Bound<F> = F extends (sourceId: string, ...rest: infer A) => infer R ? (...rest: A) => R : never;
/** The Client API calls of one contact: no source_id to pass. */
export type BoundApi = { [K in Exclude<keyof ClientApi, 'getInbox' | 'createContact' | 'getCsatSurvey'>]: Bound<ClientApi[K]> } & {
  getCsatSurvey: ClientApi['getCsatSurvey'];
};

export interface BoundSession {
  readonly stored: StoredSession;
  readonly settings: Settings;
  readonly api: BoundApi;
  readonly identity: Identity | undefined;
}

function bindApi(api: ClientApi, sourceId: string): BoundApi {
  return {
    getContact: (identity) => api.getContact(sourceId, identity),
    updateContact: (fields) => api.updateContact(sourceId, fields),
    listConversations: () => api.listConversations(sourceId),
    createConversation: (attributes) => api.createConversation(sourceId, attributes),
    getConversation: (id) => api.getConversation(sourceId, id),
    resolveConversation: (id) => api.resolveConversation(sourceId, id),
    toggleTyping: (id, on) => api.toggleTyping(sourceId, id, on),
    updateLastSeen: (id) => api.updateLastSeen(sourceId, id),
    listMessages: (id, before) => api.listMessages(sourceId, id, before),
    createMessage: (id, content, echoId, files, onProgress) => api.createMessage(sourceId, id, content, echoId, files, onProgress),
    submitMessage: (id, messageId, values) => api.submitMessage(sourceId, id, messageId, values),
    getCsatSurvey: api.getCsatSurvey,
  };
}

export function createSession(deps: ConnectDeps) {
  const current = signal<BoundSession | null>(null);
  const settings = signal<Settings>(settingsMailbox.fallback);

  function bind(next: Settings, stored: StoredSession): BoundSession {
    const api = bindApi(createClientApi({ ...next, fetch: deps.fetch, upload: deps.upload }), stored.sourceId);
    const identity = stored.identifier ? { identifier: stored.identifier, identifierHash: stored.identifierHash } : undefined;
    return { stored, settings: next, api, identity };
  }

  async function load() {
    const [storedSettings, stored] = await Promise.all([settingsMailbox.getValue(), sessionItem.getValue()]);
    settings.value = storedSettings;
    const valid = stored && isConfigured(storedSettings) && stored.key === sessionKey(storedSettings);
    current.value = valid ? bind(storedSettings, stored) : null;
    // A browser policy's settings win over the stored ones; with no session for them yet, connect with them.
    await applyManagedSettings({ settings: storedSettings, stored: valid ? stored : null, deps, show: (s) => (settings.value = s), adopt });
  }

  /** Another session takes over (Save, or a renewal). True when it is another contact or inbox. */
  async function adopt(nextSettings: Settings, stored: StoredSession): Promise<boolean> {
    const before = current.peek()?.stored;
    await Promise.all([settingsMailbox.setValue(nextSettings), sessionItem.setValue(stored)]);
    settings.value = nextSettings;
    current.value = bind(nextSettings, stored);
    return before?.key !== stored.key || before.sourceId !== stored.sourceId;
  }

  return {
    current,
    settings,
    load,
    adopt,
    /** The session in use, or a `not_configured` error for the request that needs one. */
    require(): BoundSession {
      const session = current.peek();
      if (!session) throw new CodedError('not_configured');
      return session;
    },
    /** The same contact has a new pubsub_token (the cable refused the old one). */
    async renewToken(pubsubToken: string) {
      const session = current.peek();
      if (!session) return;
      const stored = { ...session.stored, pubsubToken };
      await sessionItem.setValue(stored);
      current.value = { ...session, stored };
    },
    /** The contact is gone on the server: create a new one with the same settings. False if that failed. */
    async renew(): Promise<boolean> {
      const outcome = await connect(settings.peek(), null, deps);
      if (outcome.ok) await adopt(settings.peek(), outcome.session);
      return outcome.ok;
    },
    async setNotifications(on: boolean) {
      const next = { ...settings.peek(), notifications: on };
      await settingsMailbox.setValue(next);
      settings.value = next;
    },
    /** A stopped service keeps nothing (tests build a second one on the same storage). */
    drop: () => void (current.value = null),
  };
}

export type Session = ReturnType<typeof createSession>;
