// Time and day helpers for the panel. Timestamps from the background are Unix seconds.
// None of them throws, whatever number it is given (NaN, Infinity, 1e20, negative): a time a Date cannot
// hold gives "" (or a day key of its own). The edge bounds times (utils/api/time.ts), but messages cached
// before it may hold any number, and one Intl RangeError would blank the whole panel on every paint.
import { locale } from './i18n/locale';
import { strings } from './strings';

const DAY_MS = 86_400_000;

/** The Date of a Unix time, or null when no valid Date holds it. */
function toDate(seconds: number): Date | null {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return null;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date;
}

// A formatter is costly to make (tens of microseconds) and every message's time asks for one: each kind is
// made once. The key must name everything the formatter is made from.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl formatting that cannot throw (it does on an invalid Date, and could on an exotic locale). */
function intl(date: Date, options: Intl.DateTimeFormatOptions): string {
  try {
    const key = JSON.stringify(options);
    let formatter = formatters.get(key);
    if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(locale(), options)));
    return formatter.format(date);
  } catch {
    return '';
  }
}

/** Local time of day, as the panel's locale writes it (14:05, 2:05 PM, 14時05分…). */
export function formatTime(seconds: number): string {
  const d = toDate(seconds);
  return d ? intl(d, { hour: 'numeric', minute: '2-digit' }) : '';
}

/** A key that is equal for two timestamps on the same local day (all unreadable times share one). */
export function dayKey(seconds: number): string {
  const d = toDate(seconds);
  return d ? `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}` : 'no-date';
}

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** Whole local days between a date and now (0 = today, 1 = yesterday); NaN when now is no valid date. */
function daysAgo(d: Date, now: Date): number {
  return Math.round((startOfDay(now) - startOfDay(d)) / DAY_MS);
}

function formatDate(d: Date, now: Date): string {
  const sameYear = d.getFullYear() === now.getFullYear();
  return intl(d, { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) });
}

/** "Today", "Yesterday" or a date: the label of a day separator. */
export function dayLabel(seconds: number, now = new Date()): string {
  const d = toDate(seconds);
  if (!d) return '';
  const days = daysAgo(d, now);
  if (days === 0) return strings.today;
  if (days === 1) return strings.yesterday;
  if (days > 1 && days < 7) return intl(d, { weekday: 'long' });
  return formatDate(d, now);
}

/** Short relative time for the conversation list: "now", "5 min", "3 h", "Yesterday", a date. */
export function relativeTime(seconds: number, now = new Date()): string {
  const d = toDate(seconds);
  if (!d) return '';
  const diffMs = now.getTime() - d.getTime();
  if (diffMs < 60_000) return strings.justNow;
  if (diffMs < 3_600_000) return strings.minutesAgo(Math.floor(diffMs / 60_000));
  const days = daysAgo(d, now);
  if (days === 0) return strings.hoursAgo(Math.floor(diffMs / 3_600_000));
  if (days === 1) return strings.yesterday;
  return formatDate(d, now);
}

/** Full date and time for a tooltip. */
export function fullDateTime(seconds: number): string {
  const d = toDate(seconds);
  return d ? intl(d, { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

/** Up to two initials for an avatar fallback. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = [...parts[0]][0] ?? '';
  const last = parts.length > 1 ? ([...parts[parts.length - 1]][0] ?? '') : '';
  return (first + last).toUpperCase();
}
