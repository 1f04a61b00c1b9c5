// User settings, owned by one storage item with a version for future migrations (@wxt-dev/storage).
import { storage } from '#imports';

export interface Settings {
  installationUrl: string;
  inboxIdentifier: string;
  name: string;
  email: string;
  identifier: string;
  identifierHash: string;
  notifications: boolean;
}

export const EMPTY_SETTINGS: Settings = {
  installationUrl: '',
  inboxIdentifier: '',
  name: '',
  email: '',
  identifier: '',
  identifierHash: '',
  notifications: false,
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: EMPTY_SETTINGS,
  version: 1,
});

export const isConfigured = (s: Settings) => Boolean(s.installationUrl && s.inboxIdentifier);
