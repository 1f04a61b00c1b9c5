// Time and day helpers for the panel. Timestamps from the background are Unix seconds.
import { strings } from './strings';

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const toDate = (seconds: number) => new Date(seconds * 1000);

/** Local time as HH:MM. */
export function formatTime(seconds: number): string {
  const d = toDate(seconds);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A key that is equal for two timestamps on the same local day. */
export function dayKey(seconds: number): string {
  const d = toDate(seconds);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** Whole local days between a timestamp and now (0 = today, 1 = yesterday). */
function daysAgo(seconds: number, now: Date): number {
  return Math.round((startOfDay(now) - startOfDay(toDate(seconds))) / DAY_MS);
}

function formatDate(seconds: number, now: Date): string {
  const d = toDate(seconds);
  const sameYear = d.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(d);
}

/** "Today", "Yesterday" or a date: the label of a day separator. */
export function dayLabel(seconds: number, now = new Date()): string {
  const days = daysAgo(seconds, now);
  if (days === 0) return strings.today;
  if (days === 1) return strings.yesterday;
  if (days > 1 && days < 7) return new Intl.DateTimeFormat(undefined, { weekday: 'long' }).format(toDate(seconds));
  return formatDate(seconds, now);
}

/** Short relative time for the conversation list: "now", "5 min", "3 h", "Yesterday", a date. */
export function relativeTime(seconds: number, now = new Date()): string {
  const diffMs = now.getTime() - seconds * 1000;
  if (diffMs < 60_000) return strings.justNow;
  if (diffMs < 3_600_000) return strings.minutesAgo(Math.floor(diffMs / 60_000));
  const days = daysAgo(seconds, now);
  if (days === 0) return strings.hoursAgo(Math.floor(diffMs / 3_600_000));
  if (days === 1) return strings.yesterday;
  return formatDate(seconds, now);
}

/** Full date and time for a tooltip. */
export function fullDateTime(seconds: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(toDate(seconds));
}

/** Up to two initials for an avatar fallback. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = [...parts[0]][0] ?? '';
  const last = parts.length > 1 ? ([...parts[parts.length - 1]][0] ?? '') : '';
  return (first + last).toUpperCase();
}
