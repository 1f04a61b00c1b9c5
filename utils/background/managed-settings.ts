// Company-wide deployment: settings an administrator sets through browser policy (`storage.managed`; Chrome
// reads public/managed_schema.json, Firefox its policies.json). Managed values win over what the user typed,
// the options page shows them locked, and the background connects with them at start, with no visit to the
// options page. No policy (Firefox without one, the test fake) reads as none, never as an error.
import { browser } from 'wxt/browser';
import type { SettingsInput } from '../protocol';
import { isConfigured, type Settings } from '../settings';
import { connect, parseInstallationUrl, type ConnectDeps } from './connect';
import type { StoredSession } from './storage';

export const MANAGED_FIELDS = ['installationUrl', 'inboxIdentifier', 'name', 'email', 'identifier', 'identifierHash'] as const;
export type ManagedField = (typeof MANAGED_FIELDS)[number] & keyof SettingsInput;
export type ManagedSettings = Partial<Record<ManagedField, string>>;

/** The policy's values: non-empty strings only, trimmed, the URL normalized as Save normalizes it. */
export async function readManaged(): Promise<ManagedSettings> {
  let raw: Record<string, unknown>;
  try {
    raw = (await browser.storage.managed.get(null)) ?? {};
  } catch (error) {
    // Firefox with no policy for this add-on: "Managed storage manifest not found".
    console.debug('No managed settings', error);
    return {};
  }
  const managed: ManagedSettings = {};
  for (const field of MANAGED_FIELDS) {
    const value = raw[field];
    if (typeof value !== 'string' || !value.trim()) continue;
    managed[field] = field === 'installationUrl' ? (parseInstallationUrl(value) ?? value.trim()) : value.trim();
  }
  return managed;
}

/** The names of the fields the policy sets: the options page shows them read-only. */
export async function managedFields(): Promise<ManagedField[]> {
  const managed = await readManaged();
  return MANAGED_FIELDS.filter((field) => managed[field] !== undefined);
}

/** What the user typed, with the policy's values over it: managed values always win. */
export async function withManaged<T extends SettingsInput>(input: T): Promise<T> {
  return { ...input, ...(await readManaged()) };
}

export interface ManagedStart {
  /** The stored settings, and the stored session when it belongs to them. */
  settings: Settings;
  stored: StoredSession | null;
  deps: ConnectDeps;
  /** Use these settings from now on (in memory: stored only once a connection with them succeeds). */
  show(settings: Settings): void;
  /** A session made with them takes over, as after Save. */
  adopt(settings: Settings, stored: StoredSession): Promise<unknown>;
}

/**
 * At start: the policy's values over the stored settings. When there is no session yet, or the policy
 * changed what the session was made with, connect with them as Save would. Resolves once the settings are
 * in use; `connecting` is the connection attempt (it runs on, so a slow server does not hold the start).
 */
export async function applyManagedSettings(start: ManagedStart): Promise<{ connecting: Promise<void> | null }> {
  const managed = await readManaged();
  const fields = MANAGED_FIELDS.filter((field) => managed[field] !== undefined);
  if (fields.length === 0) return { connecting: null };
  const merged: Settings = { ...start.settings, ...managed };
  const changed = fields.some((field) => start.settings[field] !== managed[field]);
  start.show(merged);
  if (!isConfigured(merged) || (start.stored && !changed)) return { connecting: null };
  const connecting = connect(merged, start.stored, start.deps).then(
    async (outcome) => {
      if (outcome.ok) await start.adopt({ ...merged, ...outcome.settings }, outcome.session);
      // Tried again at the next start of the background (Chrome restarts an idle worker often).
      else console.warn('Managed settings: could not connect', outcome.error);
    },
    (error) => console.warn('Managed settings: could not connect', error),
  );
  return { connecting };
}
