// A thread's rows: each message with what goes with it (a day separator before it, the "New messages" line,
// whether it starts or ends a group). Computed for the whole thread, whatever part of it is rendered, so a
// separator or a group is the same wherever the reader is.
import { dayKey } from '@/utils/format';
import type { ThreadMessage } from '@/utils/protocol';

export interface ThreadRow {
  key: string;
  message: ThreadMessage;
  /** A day separator goes before this message. */
  newDay: boolean;
  /** The "New messages" line goes before this message. */
  unread: boolean;
  /** A group is a run of messages from one sender, close in time: name and avatar on its first message… */
  startsGroup: boolean;
  /** …time (and delivery) on its last. */
  endsGroup: boolean;
}

const GROUP_GAP_S = 5 * 60;

// A day key needs a Date; the same timestamps come back on every update of a long thread.
const days = new Map<number, string>();
function dayOf(seconds: number): string {
  let key = days.get(seconds);
  if (key === undefined) {
    if (days.size > 20_000) days.clear();
    key = dayKey(seconds);
    days.set(seconds, key);
  }
  return key;
}

export function threadRows(messages: readonly ThreadMessage[], firstUnreadKey?: string): ThreadRow[] {
  const rows: ThreadRow[] = new Array<ThreadRow>(messages.length);
  let previous: ThreadMessage | undefined;
  let previousDay = '';
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    const day = dayOf(m.createdAt);
    const newDay = !previous || day !== previousDay;
    const unread = m.key === firstUnreadKey;
    const startsGroup =
      !previous ||
      unread ||
      newDay ||
      previous.from !== m.from ||
      previous.sender?.name !== m.sender?.name ||
      m.createdAt - previous.createdAt > GROUP_GAP_S;
    if (i > 0 && startsGroup) rows[i - 1]!.endsGroup = true;
    rows[i] = { key: m.key, message: m, newDay, unread, startsGroup, endsGroup: i === messages.length - 1 };
    previous = m;
    previousDay = day;
  }
  return rows;
}
