// Every user-visible string of the panel, the options page and the background, by name. The words live in
// public/_locales/<language>/messages.json and come through the browser's i18n API (utils/i18n/), so each
// property is a getter and each sentence with a value a function. Keep sentences whole (no concatenation in
// components); plurals go through the language's plural rules.
import { formatNumber } from './i18n/locale';
import { plural, t } from './i18n/messages';
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

export const strings = {
  get appName() { return t('appName'); },
  get appTitle() { return t('appTitle'); },
  get teamOnline() { return t('teamOnline'); },
  get teamAway() { return t('teamAway'); },
  get loading() { return t('loading'); },

  // Not configured
  get notConfiguredTitle() { return t('notConfiguredTitle'); },
  get notConfiguredBody() { return t('notConfiguredBody'); },
  get openSettings() { return t('openSettings'); },

  // Header
  get back() { return t('back'); },
  connection: (state: ConnectionState) => t(`connection_${state}`),
  get resolveConversation() { return t('resolveConversation'); },

  // Error banner
  get dismiss() { return t('dismiss'); },

  // Conversation list
  get conversations() { return t('conversations'); },
  get newConversation() { return t('newConversation'); },
  get noConversations() { return t('noConversations'); },
  status: (status: string) => (isStatus(status) ? t(`status_${status}`) : status),
  ownPreview: (text: string) => t('ownPreview', text),
  get noMessagesYet() { return t('noMessagesYet'); },
  unreadCount: (n: number) => plural('unreadCount', n, formatNumber(n)),
  unreadReplies: (n: number) => plural('unreadReplies', n, formatNumber(n)),
  conversationNumber: (id: number) => t('conversationNumber', String(id)),

  // Relative times (list): units in the locale's own abbreviations ("5 min", "5 Min.", "5 د", "5 分")
  get justNow() { return t('justNow'); },
  minutesAgo: (n: number) => unit(n, 'minute'),
  hoursAgo: (n: number) => unit(n, 'hour'),
  get today() { return t('today'); },
  get yesterday() { return t('yesterday'); },

  // Thread
  get loadingThread() { return t('loadingThread'); },
  get loadingOlder() { return t('loadingOlder'); },
  get showOlder() { return t('showOlder'); },
  get messages() { return t('messages'); },
  get agentFallbackName() { return t('agentFallbackName'); },
  get botFallback() { return t('botFallback'); },
  get you() { return t('you'); },
  typing: (name: string) => t('typing', name),
  get resolvedNotice() { return t('resolvedNotice'); },
  get startNewConversation() { return t('startNewConversation'); },
  get newIntro() { return t('newIntro'); },
  /** What the screen reader hears when an agent's message arrives in the open thread. */
  announceMessage: (name: string, text: string) => t('announceMessage', name, text),

  // Delivery states of own messages
  get sending() { return t('sending'); },
  get waitingForNetwork() { return t('waitingForNetwork'); },
  get sent() { return t('sent'); },
  get read() { return t('read'); },
  get failed() { return t('failed'); },
  get retry() { return t('retry'); },

  // Interactive messages
  chosen: (title: string) => t('chosen', title),
  rate: (n: number) => t('rate', formatNumber(n)),
  get ratingGroup() { return t('ratingGroup'); },
  get csatThanks() { return t('csatThanks'); },
  csatRated: (n: number) => t('csatRated', formatNumber(n)),
  get attachment() { return t('attachment'); },
  get image() { return t('image'); },

  // Composer
  get message() { return t('message'); },
  get messagePlaceholder() { return t('messagePlaceholder'); },
  get send() { return t('send'); },
  get messageDeleted() { return t('messageDeleted'); },
  get newMessages() { return t('newMessages'); },
  get attachPage() { return t('attachPage'); },
  /** Added to a message sent with the page attached, so the agent sees it in Hoory's dashboard. */
  pageLine: (title: string, url: string) => t('pageLine', title, url),
  get cantReadPage() { return t('cantReadPage'); },
  get readingPage() { return t('readingPage'); },

  // Files and screenshots (components/panel/files/)
  get attachFiles() { return t('attachFiles'); },
  get filesToSend() { return t('filesToSend'); },
  removeFile: (name: string) => t('removeFile', name),
  redactFile: (name: string) => t('redactFile', name),
  get dropFiles() { return t('dropFiles'); },
  /** Under a file refused for its size; `size` is the limit in words ("40 MB"). */
  fileLimit: (size: string) => t('fileLimit', size),
  get sendScreenshot() { return t('menuScreenshot'); },
  get redactTitle() { return t('redactTitle'); },
  get redactHelp() { return t('redactHelp'); },
  get redactKeys() { return t('redactKeys'); },
  get redactImage() { return t('redactImage'); },
  get addBox() { return t('addBox'); },
  get undoBox() { return t('undoBox'); },
  get clearBoxes() { return t('clearBoxes'); },
  get done() { return t('done'); },
  get cancel() { return t('cancel'); },

  // Background: connection details, notifications, context menu, request errors
  get newReply() { return t('newReply'); },
  error,
  get menuAskPage() { return t('menuAskPage'); },
  get menuAskSelection() { return t('menuAskSelection'); },
  get menuScreenshot() { return t('menuScreenshot'); },

  // Options
  get optionsTitle() { return t('optionsTitle'); },
  get welcomeTitle() { return t('welcomeTitle'); },
  get welcomeBody() { return t('welcomeBody'); },
  get optionsIntro() { return t('optionsIntro'); },
  get serverSection() { return t('serverSection'); },
  get identitySection() { return t('identitySection'); },
  get identityHelp() { return t('identityHelp'); },
  get installationUrl() { return t('installationUrl'); },
  get installationUrlHelp() { return t('installationUrlHelp'); },
  get inboxIdentifier() { return t('inboxIdentifier'); },
  get inboxIdentifierHelp() { return t('inboxIdentifierHelp'); },
  get name() { return t('fieldName'); },
  get email() { return t('email'); },
  get identifier() { return t('identifier'); },
  get identifierHash() { return t('identifierHash'); },
  get identifierHashHelp() { return t('identifierHashHelp'); },
  get optional() { return t('optional'); },
  required: (label: string) => t('required', label),
  get save() { return t('save'); },
  get checking() { return t('checking'); },
  get connected() { return t('connected'); },
  get openChat() { return t('openChat'); },
  connectedTo: (inbox: string) => t('connectedTo', inbox),
  allowAccess: (origin: string) => t('allowAccess', origin),
  get notificationsSection() { return t('notificationsSection'); },
  get notifications() { return t('notifications'); },
  get notificationsRefused() { return t('notificationsRefused'); },
  /** Beside a field set by a browser policy (storage.managed), and above the form when any is. */
  get managed() { return t('managed'); },
  get managedNotice() { return t('managedNotice'); },
};
