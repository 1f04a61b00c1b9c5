// Every user-visible string of the panel, the options page and the background, by name. The words live in
// public/_locales/<language>/messages.json and come through the browser's i18n API (utils/i18n/): each word
// is a getter (read when shown, listed by key at the end), each sentence with a value a function. Keep
// sentences whole (no concatenation in components); plurals go through the language's plural rules.
// A new string: its key in every messages.json (tests/unit/i18n/locales.test.ts says what is missing), then
// its key in the list below, or a function in `sentences` if it takes values.
import { formatNumber } from './i18n/locale';
import { plural, t, withMessages } from './i18n/messages';
import type { ConnectionState, ErrorCode } from './protocol';

const STATUSES = ['open', 'resolved', 'pending', 'snoozed'] as const;
const isStatus = (status: string): status is (typeof STATUSES)[number] => (STATUSES as readonly string[]).includes(status);
const unit = (value: number, name: 'minute' | 'hour') => formatNumber(value, { style: 'unit', unit: name, unitDisplay: 'short' });

/** Every error code in words the user can act on; `origin` is the server host access is asked for. */
function error(code: ErrorCode, origin?: string): string {
  if (code === 'permission_needed' || code === 'permission_refused') {
    return origin ? t(`error_${code}`, origin) : t(`error_${code}_any`);
  }
  return t(`error_${code}`);
}

/** The sentences with values, the plurals, the codes and the one renamed word; the plain words are below. */
const sentences = {
  // Header
  connection: (state: ConnectionState) => t(`connection_${state}`),

  // Conversation list
  status: (status: string) => (isStatus(status) ? t(`status_${status}`) : status),
  ownPreview: (text: string) => t('ownPreview', text),
  unreadCount: (n: number) => plural('unreadCount', n, formatNumber(n)),
  unreadReplies: (n: number) => plural('unreadReplies', n, formatNumber(n)),
  conversationNumber: (id: number) => t('conversationNumber', String(id)),

  // Relative times (list): units in the locale's own abbreviations ("5 min", "5 Min.", "5 د", "5 分")
  minutesAgo: (n: number) => unit(n, 'minute'),
  hoursAgo: (n: number) => unit(n, 'hour'),

  // Thread
  typing: (name: string) => t('typing', name),
  /** "Uploading… 42 %": the percent in the locale's own format. */
  uploadProgress: (percent: number) => t('uploadProgress', formatNumber(percent / 100, { style: 'percent' })),
  /** What the screen reader hears when an agent's message arrives in the open thread. */
  announceMessage: (name: string, text: string) => t('announceMessage', name, text),

  // Interactive messages
  chosen: (title: string) => t('chosen', title),
  rate: (n: number) => t('rate', formatNumber(n)),
  csatRated: (n: number) => t('csatRated', formatNumber(n)),

  // Composer
  /** Added to a message sent with the page attached, so the agent sees it in Hoory's dashboard. */
  pageLine: (title: string, url: string) => t('pageLine', title, url),

  // Files and screenshots (components/panel/files/)
  removeFile: (name: string) => t('removeFile', name),
  redactFile: (name: string) => t('redactFile', name),
  /** Under a file refused for its size; `size` is the limit in words ("40 MB"). */
  fileLimit: (size: string) => t('fileLimit', size),
  get sendScreenshot() { return t('menuScreenshot'); },

  // Background: connection details, notifications, context menu, request errors
  error,

  // Options
  get name() { return t('fieldName'); },
  required: (label: string) => t('required', label),
  connectedTo: (inbox: string) => t('connectedTo', inbox),
  allowAccess: (origin: string) => t('allowAccess', origin),
};

/** Every other string is its message as is, by the same name: a getter each, read when shown. */
export const strings = withMessages(sentences, [
  'appName', 'appTitle', 'teamOnline', 'teamAway', 'loading',
  // Not configured
  'notConfiguredTitle', 'notConfiguredBody', 'openSettings',
  // Header
  'back', 'resolveConversation',
  // Error banner
  'dismiss',
  // Conversation list
  'conversations', 'newConversation', 'noConversations', 'noMessagesYet',
  // Relative times (list): units in the locale's own abbreviations ("5 min", "5 Min.", "5 د", "5 分")
  'justNow', 'today', 'yesterday',
  // Thread
  'loadingThread', 'loadingOlder', 'showOlder', 'messages', 'agentFallbackName', 'botFallback', 'you',
  'resolvedNotice', 'startNewConversation', 'newIntro',
  // Delivery states of own messages
  'sending', 'uploading', 'waitingForNetwork', 'sent', 'read', 'failed', 'retry',
  // Interactive messages
  'ratingGroup', 'csatThanks', 'attachment', 'image',
  // Composer
  'message', 'messagePlaceholder', 'send', 'messageDeleted', 'newMessages', 'attachPage', 'cantReadPage',
  'readingPage',
  // Files and screenshots (components/panel/files/)
  'attachFiles', 'filesToSend', 'dropFiles', 'redactTitle', 'redactHelp', 'redactKeys', 'redactImage',
  'addBox', 'undoBox', 'clearBoxes', 'done', 'cancel',
  // Background: connection details, notifications, context menu, request errors
  'newReply', 'menuAskPage', 'menuAskSelection', 'menuScreenshot', 'storageFull', 'jumpToNewest',
  // Options
  'optionsTitle', 'welcomeTitle', 'welcomeBody', 'optionsIntro', 'serverSection', 'identitySection',
  'identityHelp', 'installationUrl', 'installationUrlHelp', 'inboxIdentifier', 'inboxIdentifierHelp', 'email',
  'identifier', 'identifierHash', 'identifierHashHelp', 'optional', 'save', 'checking', 'connected',
  'openChat', 'notificationsSection', 'notifications', 'notificationsRefused',
  // Beside a field set by a browser policy (storage.managed), and above the form when any is
  'managed', 'managedNotice',
]);
