// Token and name generators shaped like Chatwoot's (base58 secure tokens, Haikunator names).
import { randomBytes, randomUUID } from 'node:crypto';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** A 24-character base58 token, like Rails' `has_secure_token`. */
export function secureToken(length = 24): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += BASE58[b % 58];
  return out;
}

export const uuid = (): string => randomUUID();

const ADJECTIVES = ['misty', 'quiet', 'bold', 'silent', 'autumn', 'crimson', 'lively', 'frosty', 'sparkling', 'wandering'];
const NOUNS = ['forest', 'river', 'meadow', 'breeze', 'mountain', 'sun', 'shadow', 'field', 'wave', 'dream'];

/** A generated contact name (`adjective-noun-NNN`), as Chatwoot gives a contact created without a name. */
export function generatedName(): string {
  const pick = (list: string[]) => list[Math.floor(Math.random() * list.length)];
  return `${pick(ADJECTIVES)}-${pick(NOUNS)}-${Math.floor(100 + Math.random() * 900)}`;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
