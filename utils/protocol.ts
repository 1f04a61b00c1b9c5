// The one message protocol between extension pages (side panel, options) and the background.
// Requests go page → background with runtime.sendMessage and get one answer; events go background → page
// over a long-lived Port named PANEL_PORT (whose disconnect also tells the panel the worker stopped).
// Both directions are validated with zod: a message that does not parse is dropped with an error.
import * as z from 'zod/mini';

export const PANEL_PORT = 'hoory-panel';

export const pageContextSchema = z.object({ url: z.string(), title: z.string() });
export type PageContext = z.infer<typeof pageContextSchema>;

export const settingsInputSchema = z.object({
  installationUrl: z.string(),
  inboxIdentifier: z.string(),
  name: z._default(z.string(), ''),
  email: z._default(z.string(), ''),
  identifier: z._default(z.string(), ''),
  identifierHash: z._default(z.string(), ''),
});
export type SettingsInput = z.infer<typeof settingsInputSchema>;

// ---- Page → background requests -------------------------------------------------------------------
export const pageRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('connect'), settings: settingsInputSchema }),
  z.object({ type: z.literal('snapshot.get') }),
  z.object({ type: z.literal('thread.open'), conversationId: z.int() }),
  z.object({ type: z.literal('thread.older'), conversationId: z.int() }),
  z.object({
    type: z.literal('message.send'),
    conversationId: z.nullable(z.int()),
    content: z.string().check(z.minLength(1)),
    page: z.optional(pageContextSchema),
  }),
  z.object({ type: z.literal('message.retry'), echoId: z.string() }),
  z.object({ type: z.literal('message.submit'), conversationId: z.int(), messageId: z.int(), values: z.unknown() }),
  z.object({ type: z.literal('typing'), conversationId: z.int(), on: z.boolean() }),
  z.object({ type: z.literal('conversation.resolve'), conversationId: z.int() }),
]);
export type PageRequest = z.infer<typeof pageRequestSchema>;

// ---- Views the background sends ---------------------------------------------------------------------
export const connectionStateSchema = z.enum(['unconfigured', 'connecting', 'online', 'offline', 'error']);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const conversationSummarySchema = z.object({
  id: z.int(),
  status: z.string(),
  lastMessage: z.nullable(z.object({ content: z.string(), fromAgent: z.boolean(), createdAt: z.number() })),
  lastActivityAt: z.number(),
  unread: z.int(),
  pageTitle: z.optional(z.string()),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const threadMessageSchema = z.object({
  /** Stable render key: `m<id>` for stored messages, `e<echoId>` for ones still in the outbox. */
  key: z.string(),
  id: z.optional(z.int()),
  echoId: z.optional(z.string()),
  content: z.string(),
  contentType: z.string(),
  contentAttributes: z.record(z.string(), z.unknown()),
  attachments: z.array(
    z.object({
      fileType: z.string(),
      url: z.string(),
      thumbUrl: z.optional(z.string()),
      // What the server tells about the file (issue 15), each only when known: a card shows name and size,
      // an image reserves its box, a location links to a map, a fallback shows its title.
      fileName: z.optional(z.string()),
      fileSize: z.optional(z.number()),
      width: z.optional(z.number()),
      height: z.optional(z.number()),
      extension: z.optional(z.string()),
      lat: z.optional(z.number()),
      long: z.optional(z.number()),
      fallbackTitle: z.optional(z.string()),
    }),
  ),
  createdAt: z.number(),
  from: z.enum(['me', 'agent', 'bot']),
  sender: z.nullable(z.object({ name: z.string(), avatarUrl: z.optional(z.string()) })),
  /** Who wrote an agent-side message: a person, a bot (agent_bot) or an AI assistant (captain_assistant). */
  senderKind: z.optional(z.enum(['human', 'bot', 'ai'])),
  /** input_csat: the rating scale to show (content_attributes.display_type); emoji when absent. */
  csatDisplayType: z.optional(z.enum(['emoji', 'star'])),
  delivery: z.enum(['sending', 'sent', 'read', 'failed']),
  error: z.optional(z.string()),
});
export type ThreadMessage = z.infer<typeof threadMessageSchema>;

export const threadViewSchema = z.object({
  conversationId: z.int(),
  status: z.string(),
  messages: z.array(threadMessageSchema),
  hasOlder: z.boolean(),
  /** Where the replies the customer had not seen when opening the thread begin ("New messages"). */
  firstUnreadKey: z.optional(z.string()),
});
export type ThreadView = z.infer<typeof threadViewSchema>;

export const snapshotSchema = z.object({
  configured: z.boolean(),
  inboxName: z.optional(z.string()),
  /** Whether an agent is online, as the server last said (presence.update); absent until it says. */
  agentsOnline: z.optional(z.boolean()),
  connection: connectionStateSchema,
  connectionDetail: z.optional(z.string()),
  conversations: z.array(conversationSummarySchema),
  /** Messages of conversations still being created (sending, or failed with Retry). */
  unsent: z._default(z.array(threadMessageSchema), []),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const connectErrorSchema = z.enum([
  'invalid_url',
  'unreachable',
  'not_hoory',
  'unknown_inbox',
  'identity_rejected',
  'identity_required',
  'permission_needed',
  'permission_refused',
  'invalid',
  'server',
]);
export type ConnectError = z.infer<typeof connectErrorSchema>;

export const connectResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), inboxName: z.optional(z.string()) }),
  z.object({ ok: z.literal(false), error: connectErrorSchema, detail: z.optional(z.string()), origin: z.optional(z.string()) }),
]);
export type ConnectResult = z.infer<typeof connectResultSchema>;

/** What each request answers. Errors come back as `{ error }` with a user-presentable message. */
export interface ResponseMap {
  connect: ConnectResult;
  'snapshot.get': Snapshot;
  'thread.open': ThreadView;
  'thread.older': ThreadView;
  'message.send': { conversationId: number | null; echoId: string };
  'message.retry': null;
  'message.submit': null;
  typing: null;
  'conversation.resolve': null;
}
export type RequestType = PageRequest['type'];
export type RequestOf<T extends RequestType> = Extract<PageRequest, { type: T }>;
export type Reply<T extends RequestType> = { ok: true; value: ResponseMap[T] } | { ok: false; error: string };

// ---- Panel → background over the port: what this panel shows ------------------------------------------
/** Which thread this panel has on screen (null: the list or a new draft). Per panel: each window may
 *  have its own side panel. A thread on screen is read, and gets no notification. */
export const panelMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('view'), conversationId: z.nullable(z.int()) }),
]);
export type PanelMessage = z.infer<typeof panelMessageSchema>;

// ---- Background → page events (over the port) -------------------------------------------------------
export const backgroundEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), snapshot: snapshotSchema }),
  z.object({ type: z.literal('thread'), thread: threadViewSchema }),
  z.object({
    type: z.literal('typing'),
    conversationId: z.int(),
    agent: z.nullable(z.object({ name: z.string(), avatarUrl: z.optional(z.string()) })),
  }),
  /** A new conversation the panel asked for now exists: follow it. */
  z.object({ type: z.literal('conversation.started'), echoId: z.string(), conversationId: z.int() }),
]);
export type BackgroundEvent = z.infer<typeof backgroundEventSchema>;
