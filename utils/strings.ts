// Every user-visible string of the panel and the options page, in one place so it can be translated later.
// Plurals and interpolations are functions; keep sentences whole (no concatenation in components).
import type { ConnectionState, ErrorCode } from './protocol';

/** Every error code in words the user can act on; `origin` is the server host access is asked for. */
const errorWords: Record<ErrorCode, (origin?: string) => string> = {
  invalid_url: () => 'Enter a full URL such as https://support.example.com',
  unreachable: () => 'Can’t reach the server. Check the address and your connection.',
  not_hoory: () => 'This doesn’t look like a Hoory server. Check the installation URL.',
  unknown_inbox: () =>
    'No inbox with this identifier. Copy it from the API channel inbox → Settings → Configuration.',
  identity_rejected: () => 'The identity was rejected: check the identifier hash',
  identity_required: () => 'This inbox requires a verified identity: fill Identifier and Identifier hash',
  permission_needed: (origin) =>
    `The extension needs your permission to talk to ${origin ?? 'this server'}. It only connects to the server you enter here.`,
  permission_refused: (origin) =>
    `Access to ${origin ?? 'the server'} was refused, so the extension can’t connect. Allow it to continue.`,
  invalid: () => 'The server did not accept this. Check what you entered.',
  bad_request: () => 'The server did not understand the request.',
  not_found: () => 'The server no longer has this.',
  too_large: () => 'This is too large for the server.',
  rate_limited: () => 'Too many requests: try again in a minute.',
  server: () => 'The server answered with an error. Try again in a moment.',
  bad_response: () => 'The server sent an answer the extension can’t read.',
  reconnecting: () => 'Connection lost, reconnecting…',
  live_silent: () => 'Live updates are not answering; checking for new messages now and then.',
  live_refused: () => 'The server refused live updates; checking for new messages now and then.',
  not_configured: () => 'The extension is not set up yet: open its settings.',
  invalid_request: () => 'Something went wrong inside the extension. Try again.',
  no_background: () => 'The extension is restarting. Try again in a moment.',
  internal: () => 'Something went wrong inside the extension. Try again.',
};

const connectionLabels: Record<ConnectionState, string> = {
  unconfigured: 'Not set up',
  connecting: 'Connecting…',
  online: 'Online',
  offline: 'Offline',
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
    'To chat, enter your support server’s address and inbox identifier in the settings: your support team can give you both.',
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
  newReply: 'New reply',
  error: (code: ErrorCode, origin?: string) => errorWords[code](origin),
  menuAskPage: 'Ask support about this page',
  menuAskSelection: 'Ask support about this selection',

  // Options
  optionsTitle: 'Hoory Sidebar settings',
  welcomeTitle: 'Welcome to Hoory Sidebar',
  welcomeBody:
    'Chat with your company’s support team from any page. To start, enter the two things your support team gave you: the installation URL and the inbox identifier, then press Save.',
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
  allowAccess: (origin: string) => `Allow access to ${origin}`,
  notificationsSection: 'Notifications',
  notifications: 'Desktop notifications for new replies',
  notificationsRefused: 'Notifications were not allowed.',
};
