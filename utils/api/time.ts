// Timestamps from the server, bounded to a sane range. Chatwoot sends Unix seconds (integers, and a float
// for a conversation's updated_at) and ISO strings for a few fields (contract §1, "Timestamps"); the
// OpenAPI file even types created_at as a string. A time outside the range is no time at all: before
// this, `created_at: 1e20` made the panel throw "Invalid time value" on every paint of a cached message.
import * as z from 'zod/mini';

/** 2000-01-01T00:00:00Z: nothing in a chat is older. */
export const EARLIEST_SECONDS = 946_684_800;
/** A year ahead of now, for servers whose clock runs fast; later is nonsense. */
const AHEAD_SECONDS = 366 * 86_400;

export const nowSeconds = () => Math.floor(Date.now() / 1000);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DECIMAL = /^\d{1,16}(?:\.\d{1,9})?$/;

/**
 * Unix seconds in [2000-01-01, now + 1 year], or undefined. Accepts numbers, numeric strings and ISO dates.
 * A number in milliseconds (some proxies and forks convert) is read as such: the two ranges cannot overlap,
 * seconds stop at ~1.8e9 and milliseconds start at ~9.5e11.
 */
export function toUnixSeconds(value: unknown, nowMs = Date.now()): number | undefined {
  let seconds: number;
  if (typeof value === 'number') seconds = value;
  else if (typeof value === 'string' && value.length <= 40 && DECIMAL.test(value)) seconds = Number(value);
  else if (typeof value === 'string' && value.length <= 40 && ISO_DATE.test(value)) seconds = Date.parse(value) / 1000;
  else return undefined;
  if (!Number.isFinite(seconds)) return undefined;
  const latest = nowMs / 1000 + AHEAD_SECONDS;
  if (seconds >= EARLIEST_SECONDS && seconds <= latest) return seconds;
  const fromMs = seconds / 1000;
  if (fromMs >= EARLIEST_SECONDS && fromMs <= latest) return fromMs;
  return undefined;
}

/** A message's created_at: undefined when absurd, for the caller to fill with a fallback time. */
export const createdAtField = z.optional(z.pipe(z.unknown(), z.transform((value) => toUnixSeconds(value))));

/** last_activity_at, timestamp: null when absurd, so the held time stays. */
export const eventTimeField = z.optional(
  z.pipe(z.unknown(), z.transform((value) => (value === undefined ? undefined : (toUnixSeconds(value) ?? null)))),
);

/** contact_last_seen_at, agent_last_seen_at: 0 means "never" (kept); absurd is null, so the held time stays.
 *  Not "now": that would mark every message read, or every reply delivered, when nothing was. */
export const seenAtField = z.optional(
  z.pipe(
    z.unknown(),
    z.transform((value) => (value === undefined ? undefined : value === 0 ? 0 : (toUnixSeconds(value) ?? null))),
  ),
);

/** Fills each message's missing time from its neighbour in an oldest-first list (so the order holds and
 *  is the same at every resync), or from `fallback` when no message in the list has a time. */
export function fillTimes<T extends { created_at?: number | undefined }>(
  items: readonly T[],
  fallback: number,
): (T & { created_at: number })[] {
  let previous = items.find((item) => item.created_at !== undefined)?.created_at ?? fallback;
  return items.map((item) => {
    previous = item.created_at ?? previous;
    return { ...item, created_at: previous };
  });
}
