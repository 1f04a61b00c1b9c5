// HMAC identity check: lowercase hex HMAC-SHA256(key = inbox hmac token, data = identifier).
import { createHmac, timingSafeEqual } from 'node:crypto';

export function identifierHash(hmacToken: string, identifier: string): string {
  return createHmac('sha256', hmacToken).update(identifier).digest('hex');
}

/** Exact string match, as Chatwoot compares (uppercase hex fails). */
export function validIdentifierHash(hmacToken: string, identifier: string, hash: unknown): boolean {
  if (typeof hash !== 'string') return false;
  const expected = Buffer.from(identifierHash(hmacToken, identifier));
  const given = Buffer.from(hash);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
