// The toolbar badge: the number of unread agent replies across all conversations.
import { strings } from './strings';

export function badgeText(unread: number): string {
  if (unread <= 0) return '';
  return unread > 99 ? '99+' : String(unread);
}

export function badgeTitle(unread: number): string {
  return unread > 0 ? `${strings.appName}: ${strings.unreadReplies(unread)}` : strings.appName;
}
