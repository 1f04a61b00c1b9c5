// The toolbar badge: the number of unread agent replies across all conversations.
import { plural, t } from './i18n/messages';
import { formatNumber } from './i18n/locale';

export function badgeText(unread: number): string {
  if (unread <= 0) return '';
  return unread > 99 ? '99+' : String(unread);
}

export function badgeTitle(unread: number): string {
  return unread > 0 ? `${t('appName')}: ${plural('unreadReplies', unread, formatNumber(unread))}` : t('appName');
}
