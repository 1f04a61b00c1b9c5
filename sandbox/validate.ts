// 422 validations, with Chatwoot's messages (`{ message: full messages joined by ", ", attributes }`).
import { invalid, isObject } from './http';

export const EMAIL = /^[^@\s]+@[^@\s]+$/; // Devise.email_regexp
const E164 = /^\+[1-9]\d{1,14}$/;
export const MAX_CONTENT = 150_000;
const MAX_ATTRIBUTE_CHARS = 1500;

type Problem = [attribute: string, message: string];

export function contactProblems(fields: { name?: unknown; email?: unknown; phone_number?: unknown; identifier?: unknown }): Problem[] {
  const problems: Problem[] = [];
  const tooLong = (v: unknown) => typeof v === 'string' && v.length > 255;
  if (tooLong(fields.name)) problems.push(['name', 'Name is too long (maximum is 255 characters)']);
  if (typeof fields.email === 'string' && fields.email !== '') {
    if (!EMAIL.test(fields.email)) problems.push(['email', 'Email Invalid email']);
    else if (tooLong(fields.email)) problems.push(['email', 'Email is too long (maximum is 255 characters)']);
  }
  if (typeof fields.phone_number === 'string' && fields.phone_number !== '' && !E164.test(fields.phone_number))
    problems.push(['phone_number', 'Phone number should be in e164 format']);
  if (tooLong(fields.identifier)) problems.push(['identifier', 'Identifier is too long (maximum is 255 characters)']);
  return problems;
}

/** Custom attribute values: strings up to 1,500 characters, integers up to 9,999,999,999. */
export function customAttributeProblems(attrs: unknown): Problem[] {
  if (!isObject(attrs)) return [];
  const problems: Problem[] = [];
  for (const [k, v] of Object.entries(attrs)) {
    if ((typeof v === 'string' && v.length > MAX_ATTRIBUTE_CHARS) || (typeof v === 'number' && Math.abs(v) > 9_999_999_999))
      problems.push(['custom_attributes', `Custom attributes ${k} length should be < ${MAX_ATTRIBUTE_CHARS}`]);
  }
  return problems;
}

/** Throws the 422 for any problems found. */
export function assertValid(problems: Problem[]): void {
  if (problems.length === 0) return;
  const attributes = [...new Set(problems.map(([a]) => a))];
  throw invalid(problems.map(([, m]) => m).join(', '), attributes);
}
