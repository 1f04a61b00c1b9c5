// Every user-visible string of the panel and the options page, in one place so it can be translated later.
// Plurals and interpolations are functions; keep sentences whole (no concatenation in components).
import type { ConnectError, ConnectionState } from './protocol';

const connectErrors: Record<ConnectError, (detail?: string, origin?: string) => string> = {
  invalid_url: () => 'Enter a full URL such as https://support.example.com',
  unreachable: (detail) =>
    `Can’t reach the server. Check the address and your connection${detail ? ` (${detail})` : ''}.`,
  not_hoory: () => 'This doesn’t look like a Hoory server. Check the installation URL.',
  unknown_inbox: () =>
    'No inbox with this identifier. Copy it from the API channel inbox → Settings → Configuration.',
  identity_rejected: () => 'The identity was rejected: check the identifier hash',
  identity_required: () => 'This inbox requires a verified identity: fill Identifier and Identifier hash',
  permission_needed: (_detail, origin) =>
    `The extension needs your permission to talk to ${origin ?? 'this server'}. It only connects to the server you enter here.`,
  permission_refused: (_detail, origin) =>
    `Access to ${origin ?? 'the server'} was refused, so the extension can’t connect. Allow it to continue.`,
  invalid: (detail) => detail || 'Some settings are not valid.',
  server: (detail) => `The server answered with an error${detail ? `: ${detail}` : '.'}`,
};

const connectionLabels: Record<ConnectionState, string> = {
  unconfigured: 'Not set up',
  connecting: 'Connecting…',
  online: 'Online',
  offline: 'Offline',
  error: 'Error',
};

const statusLabels: Record<string, string> = {
  open: 'Open',
  resolved: 'Resolved',
  pending: 'Pending',
  snoozed: 'Snoozed',
};

export const strings = {
  appName: 'Hoory Sidebar',
  appTitle: 'Support',
  teamOnline: 'The team is online',
  teamAway: 'The team is away: we reply as soon as we can',
  loading: 'Loading…',

  // Not configured
  notConfiguredTitle: 'Connect to your support team',
  notConfiguredBody:
    'This sidebar needs the address of your Hoory server and an inbox identifier before you can chat.',
  openSettings: 'Open settings',

  // Header
  back: 'Back to conversations',
  connection: (state: ConnectionState) => connectionLabels[state],
  resolveConversation: 'Resolve conversation',

  // Error banner
  dismiss: 'Dismiss',

  // Conversation list
  conversations: 'Conversations',
  newConversation: 'New conversation',
  noConversations: 'No conversations yet. Start one and we’ll reply here.',
  status: (status: string) => statusLabels[status] ?? status,
  ownPreview: (text: string) => `You: ${text}`,
  noMessagesYet: 'No messages yet',
  unreadCount: (n: number) => `${n} unread`,
  unreadReplies: (n: number) => (n === 1 ? '1 unread reply' : `${n} unread replies`),
  conversationNumber: (id: number) => `Conversation #${id}`,

  // Relative times (list)
  justNow: 'now',
  minutesAgo: (n: number) => `${n} min`,
  hoursAgo: (n: number) => `${n} h`,
  today: 'Today',
  yesterday: 'Yesterday',

  // Thread
  loadingThread: 'Loading conversation…',
  loadingOlder: 'Loading earlier messages…',
  showOlder: 'Show earlier messages',
  messages: 'Messages',
  agentFallbackName: 'Support',
  botFallback: 'Assistant',
  you: 'You',
  typing: (name: string) => `${name} is typing…`,
  resolvedNotice: 'This conversation was resolved',
  startNewConversation: 'Start a new conversation',
  newIntro: 'Ask us anything — we’ll answer here. You can attach the page you’re on.',

  // Delivery states of own messages
  sending: 'Sending…',
  sent: 'Sent',
  read: 'Read',
  failed: 'Not sent',
  retry: 'Retry',

  // Interactive messages
  chosen: (title: string) => `You chose: ${title}`,
  rate: (n: number) => `Rate ${n} out of 5`,
  ratingGroup: 'Rate this conversation',
  csatThanks: 'Thanks for your feedback!',
  csatRated: (n: number) => `You rated ${n} out of 5`,
  attachment: 'Attachment',
  image: 'Image',

  // Composer
  message: 'Message',
  messagePlaceholder: 'Write a message…',
  send: 'Send',
  messageDeleted: 'This message was deleted',
  newMessages: 'New messages',
  attachPage: 'Attach this page',
  /** Added to a message sent with the page attached, so the agent sees it in Hoory's dashboard. */
  pageLine: (title: string, url: string) => `Page: ${title} — ${url}`,
  cantReadPage: 'Can’t read this page’s address',
  readingPage: 'Reading the page…',

  // Background: connection details, notifications, context menu, request errors
  reconnecting: 'Connection lost, reconnecting…',
  liveNoAnswer: 'Live updates are not answering; checking for new messages now and then.',
  liveRefused: 'The server refused live updates; checking for new messages now and then.',
  newReply: 'New reply',
  notConfigured: 'The extension is not set up yet: open its settings.',
  serverUnreachable: 'Can’t reach the support server. Check your connection.',
  rateLimited: 'Too many requests: try again in a minute.',
  menuAskPage: 'Ask support about this page',
  menuAskSelection: 'Ask support about this selection',

  // Options
  optionsTitle: 'Hoory Sidebar settings',
  optionsIntro: 'Connect the sidebar to your company’s Hoory (Chatwoot-compatible) server.',
  serverSection: 'Server',
  identitySection: 'Your identity',
  identityHelp:
    'Optional. Fill these so the support team knows who you are; some inboxes require a verified identity.',
  installationUrl: 'Installation URL',
  installationUrlHelp: 'The address of your support server, e.g. https://support.example.com',
  inboxIdentifier: 'Inbox identifier',
  inboxIdentifierHelp: 'Find it in the API channel inbox → Settings → Configuration.',
  name: 'Name',
  email: 'Email',
  identifier: 'Identifier',
  identifierHash: 'Identifier hash',
  identifierHashHelp:
    'Made by your company’s backend from the identifier. The extension never holds the HMAC secret.',
  optional: '(optional)',
  required: (label: string) => `${label} is required`,
  save: 'Save',
  checking: 'Checking…',
  connected: 'Connected',
  openChat: 'Open the chat',
  connectedTo: (inbox: string) => `to ${inbox}`,
  connectError: (error: ConnectError, detail?: string, origin?: string) => connectErrors[error](detail, origin),
  allowAccess: (origin: string) => `Allow access to ${origin}`,
  notificationsSection: 'Notifications',
  notifications: 'Desktop notifications for new replies',
  notificationsRefused: 'Notifications were not allowed.',
};
