import type { SettingsInput } from '@/utils/protocol';
import { EMPTY_SETTINGS, type Settings } from '@/utils/settings';
import { strings } from '@/utils/strings';

export type FieldName = keyof SettingsInput;

export interface FieldSpec {
  name: FieldName;
  label: string;
  help?: string;
  optional?: boolean;
  type: 'text' | 'url' | 'email';
  autoComplete: string;
}

export const serverFields: FieldSpec[] = [
  { name: 'installationUrl', label: strings.installationUrl, help: strings.installationUrlHelp, type: 'url', autoComplete: 'url' },
  { name: 'inboxIdentifier', label: strings.inboxIdentifier, help: strings.inboxIdentifierHelp, type: 'text', autoComplete: 'off' },
];

export const identityFields: FieldSpec[] = [
  { name: 'name', label: strings.name, optional: true, type: 'text', autoComplete: 'name' },
  { name: 'email', label: strings.email, optional: true, type: 'email', autoComplete: 'email' },
  { name: 'identifier', label: strings.identifier, optional: true, type: 'text', autoComplete: 'off' },
  { name: 'identifierHash', label: strings.identifierHash, help: strings.identifierHashHelp, optional: true, type: 'text', autoComplete: 'off' },
];

export const ALL_FIELDS = [...serverFields, ...identityFields];

export function toInput(settings: Settings): SettingsInput {
  const input = {} as SettingsInput;
  for (const { name } of ALL_FIELDS) input[name] = settings[name] ?? '';
  return input;
}

export const emptyInput = (): SettingsInput => toInput(EMPTY_SETTINGS);

export function trimInput(input: SettingsInput): SettingsInput {
  const out = emptyInput();
  for (const { name } of ALL_FIELDS) out[name] = input[name].trim();
  return out;
}
