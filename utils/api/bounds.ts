// Pure helpers that cut untrusted values to the limits of ./limits.ts. They never throw and never recurse
// deeper than FREE_FORM.depth, whatever they are given.
import { FREE_FORM } from './limits';

/** What one object's free-form data may still use: shared by all its fields, so many fields cannot add
 *  up to more than one field could. */
export interface Budget {
  nodes: number;
  chars: number;
}

export const freshBudget = (): Budget => ({ nodes: FREE_FORM.nodes, chars: FREE_FORM.chars });

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first `max` UTF-16 units of a string, never ending on half of a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** Like cutText, with "…" at the end when something was cut, so the reader knows. */
export function cutWithEllipsis(text: string, max: number): string {
  return text.length <= max ? text : `${cutText(text, max - 1)}…`;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Defines a key as an own data property: a "__proto__" key from JSON stays a key, never a prototype. */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A copy of a JSON-like value within the budget and FREE_FORM's limits: deeper containers, later entries,
 * long keys and whatever exceeds the budget are cut; strings are shortened; non-finite numbers become null.
 * `undefined` when nothing of it fits (or it is not JSON at all: functions, symbols, bigints).
 */
export function boundValue(value: unknown, budget: Budget, depth = 0): unknown {
  if (budget.nodes <= 0) return undefined;
  if (value === null || typeof value === 'boolean') return spend(budget, value);
  if (typeof value === 'number') return spend(budget, Number.isFinite(value) ? value : null);
  if (typeof value === 'string') return spend(budget, takeChars(value, budget));
  if (typeof value !== 'object' || depth >= FREE_FORM.depth) return undefined;
  budget.nodes -= 1;
  if (!Array.isArray(value)) return boundRecord(value, budget, depth);
  const out: unknown[] = [];
  for (let i = 0; i < value.length && out.length < FREE_FORM.entries && budget.nodes > 0; i++) {
    const item = boundValue(value[i], budget, depth + 1);
    if (item !== undefined) out.push(item);
  }
  return out;
}

/** boundValue for an object whose own container is already counted: its entries sit at depth + 1. */
function boundRecord(value: object, budget: Budget, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let kept = 0;
  for (const key in value) {
    if (kept >= FREE_FORM.entries || budget.nodes <= 0) break;
    if (!Object.hasOwn(value, key) || key.length > FREE_FORM.key || key.length > budget.chars) continue;
    const item = boundValue(Reflect.get(value, key), budget, depth + 1);
    if (item === undefined) continue;
    budget.chars -= key.length;
    setOwn(out, key, item);
    kept += 1;
  }
  return out;
}

function spend<T>(budget: Budget, value: T): T {
  budget.nodes -= 1;
  return value;
}

function takeChars(text: string, budget: Budget): string {
  const kept = cutText(text, Math.max(0, Math.min(FREE_FORM.string, budget.chars)));
  budget.chars -= kept.length;
  return kept;
}
