// The views the background sends the pages (conversation summaries, threads, status), with their schemas:
// they type the replies, and the tests check the handlers against them (protocol/replies.ts). Requests are
// in protocol/requests.ts, events in protocol/events.ts, storage hand-offs in protocol/mailboxes.ts, error
// codes in protocol/errors.ts.
// Every kind of zod schema used costs the background's bundle: no z.discriminatedUnion (0.5 kB gzip for one
// use) and no z.record (0.3 kB; z.custom with isRecord checks an object as well).
import * as z from 'zod/mini';
import { isRecord } from './api/bounds';
import { ERROR_CODES } from './protocol/errors';

export type { ErrorCode } from './protocol/errors';
export type { BackgroundEvent, PanelMessage, ThreadPatch, TypingAgent } from './protocol/events';
export { panelIdOf } from './protocol/events';
export type { PageRequest, Reply, ReplyOf, RequestOf, RequestType } from './protocol/requests';

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

// ---- Views the background sends ---------------------------------------------------------------------
const connectionStateSchema = z.enum(['unconfigured', 'connecting', 'online', 'offline']);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

const conversationSummarySchema = z.object({
  id: z.int(),
  status: z.string(),
  lastMessage: z.nullable(z.object({ content: z.string(), fromAgent: z.boolean(), createdAt: z.number() })),
  lastActivityAt: z.number(),
  unread: z.int(),
  pageTitle: z.optional(z.string()),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

const threadMessageSchema = z.object({
  /** Stable render key: `m<id>` for stored messages, `e<echoId>` for ones still in the outbox. */
  key: z.string(),
  id: z.optional(z.int()),
  echoId: z.optional(z.string()),
  content: z.string(),
  contentType: z.string(),
  contentAttributes: z.custom<Record<string, unknown>>(isRecord),
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
  /** `waiting`: in the outbox while the network is away; it goes, in order, when it returns. */
  delivery: z.enum(['sending', 'waiting', 'sent', 'read', 'failed']),
  error: z.optional(z.enum(ERROR_CODES)),
  /** Its files are uploading now: the percent sent, or null when the browser cannot tell (indeterminate). */
  progress: z.optional(z.nullable(z.number())),
});
export type ThreadMessage = z.infer<typeof threadMessageSchema>;

/** A thread's header facts, in its whole view and in a page of older rows. */
const threadFacts = {
  conversationId: z.int(),
  status: z.string(),
  hasOlder: z.boolean(),
  /** Where the replies the customer had not seen when opening the thread begin ("New messages"). */
  firstUnreadKey: z.optional(z.string()),
};

export const threadViewSchema = z.object({ ...threadFacts, messages: z.array(threadMessageSchema) });
export type ThreadView = z.infer<typeof threadViewSchema>;

/** Older rows of a thread, prepended ('thread.older'): a page costs the same however long the thread. */
export const olderRowsSchema = z.object({ ...threadFacts, upsert: z.array(threadMessageSchema), remove: z.array(z.string()) });
export type OlderRows = z.infer<typeof olderRowsSchema>;

const panelStatusSchema = z.object({
  configured: z.boolean(),
  inboxName: z.optional(z.string()),
  /** Whether an agent is online, as the server last said (presence.update); absent until it says. */
  agentsOnline: z.optional(z.boolean()),
  connection: connectionStateSchema,
  /** Why the connection is not (fully) live, as a code the panel puts into words. */
  issue: z.optional(z.enum(ERROR_CODES)),
  /** The browser refused to store the chat cache (quota): the chat works, but is not kept offline. */
  storageFull: z.optional(z.boolean()),
});
export type PanelStatus = z.infer<typeof panelStatusSchema>;

export const snapshotSchema = z.object({
  status: panelStatusSchema,
  conversations: z.array(conversationSummarySchema),
  /** Messages of conversations still being created (sending, or failed with Retry). */
  unsent: z.array(threadMessageSchema),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

const connectErrorSchema = z.enum([
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

// A plain union, not z.discriminatedUnion: the same check on `ok` (see the top of the file).
export const connectResultSchema = z.union([
  z.object({ ok: z.literal(true), inboxName: z.optional(z.string()) }),
  z.object({ ok: z.literal(false), error: connectErrorSchema, origin: z.optional(z.string()), field: z.optional(z.string()) }),
]);
export type ConnectResult = z.infer<typeof connectResultSchema>;
