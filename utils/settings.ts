// User settings: their shape and defaults. The background owns the stored copy (protocol/mailboxes.ts).

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

export const isConfigured = (s: Settings) => Boolean(s.installationUrl && s.inboxIdentifier);
