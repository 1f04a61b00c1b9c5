// Page → background requests, each with the schema of its request and of its reply: the router validates
// both, and the types of the handlers and of the connector come from this one map.
import * as z from 'zod/mini';
import {
  connectResultSchema,
  pageContextSchema,
  settingsInputSchema,
  olderRowsSchema,
  snapshotSchema,
  threadViewSchema,
} from '../protocol';
import { isRecord } from '../api/bounds';
import { ERROR_CODES } from './errors';

const conversationId = z.int();
const panel = z.optional(z.string().check(z.maxLength(64)));
/** Text per view: an object of strings (z.custom rather than z.record: see ../protocol.ts). */
const draftsSchema = z.custom<Record<string, string>>((v) => isRecord(v) && Object.values(v).every((text) => typeof text === 'string'));
const fileRefSchema = z.object({ id: z.string(), name: z.string(), size: z.number(), type: z.string() });
const handoffSchema = z.union([
  z.object({ kind: z.literal('page'), page: pageContextSchema, selection: z.optional(z.string()), at: z.number() }),
  z.object({ kind: z.literal('conversation'), conversationId, at: z.number() }),
  z.object({ kind: z.literal('screenshot'), file: fileRefSchema, page: z.optional(pageContextSchema), at: z.number() }),
  z.object({ kind: z.literal('screenshot.failed'), at: z.number() }),
]);
const none = z.null();

export const requests = {
  connect: { request: z.object({ settings: settingsInputSchema }), reply: connectResultSchema },
  'settings.get': {
    request: z.object({}),
    // `managed`: the fields a browser policy sets (read-only on the options page).
    reply: z.object({ ...settingsInputSchema.shape, notifications: z.boolean(), managed: z.optional(z.array(z.string())) }),
  },
  'settings.notifications': { request: z.object({ on: z.boolean() }), reply: none },
  'snapshot.get': { request: z.object({}), reply: snapshotSchema },
  /** `panel` (here and in 'thread.older'): the asking panel's id, so that what the answer carries is not sent
   *  to it again over its port. */
  'thread.open': { request: z.object({ conversationId, panel }), reply: threadViewSchema },
  /** The rows older than those the panel holds (`before`, its oldest row's key), a page at a time. */
  'thread.older': {
    request: z.object({ conversationId, before: z.optional(z.string()), panel }),
    reply: olderRowsSchema,
  },
  'message.send': {
    request: z.object({
      conversationId: z.nullable(conversationId),
      // Empty only with files: a file may go without a caption.
      content: z.string(),
      page: z.optional(pageContextSchema),
      attachments: z.optional(z.array(fileRefSchema).check(z.maxLength(10))),
      /** More for a new conversation not created yet: the echo id of its first message (not a second one). */
      follows: z.optional(z.string()),
    }),
    reply: z.object({ conversationId: z.nullable(conversationId), echoId: z.string() }),
  },
  'message.retry': { request: z.object({ echoId: z.string() }), reply: none },
  'message.submit': {
    request: z.object({ conversationId, messageId: z.int(), values: z.unknown() }),
    reply: none,
  },
  typing: { request: z.object({ conversationId, on: z.boolean() }), reply: none },
  'conversation.resolve': { request: z.object({ conversationId }), reply: none },
  /** The panel takes what the context menu or a notification left for a panel; the first to ask gets it. */
  'handoff.take': { request: z.object({}), reply: z.nullable(handoffSchema) },
  /** Unsent text per view, kept by the background so it survives the panel and leaves with the session. */
  /** A screenshot of the page in the active tab (activeTab must be granted), stored as a file to send. */
  'screenshot.capture': { request: z.object({}), reply: fileRefSchema },
  'drafts.get': { request: z.object({}), reply: draftsSchema },
  'drafts.save': { request: z.object({ drafts: draftsSchema }), reply: none },
} as const;

export type RequestType = keyof typeof requests;
/** Fields of a request body (an empty schema infers an index signature, which would swallow `type`). */
type Fields<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
export type RequestOf<T extends RequestType> = { type: T } & Fields<z.output<(typeof requests)[T]['request']>>;
export type ReplyOf<T extends RequestType> = z.output<(typeof requests)[T]['reply']>;
export type PageRequest = { [T in RequestType]: RequestOf<T> }[RequestType];

export const appErrorSchema = z.object({ code: z.enum(ERROR_CODES), origin: z.optional(z.string()) });
export type Reply<T extends RequestType> =
  | { ok: true; value: ReplyOf<T> }
  | { ok: false; error: z.output<typeof appErrorSchema> };

/** What the background does for each request: the map the router dispatches through. */
export type RequestHandlers = { [T in RequestType]: (request: RequestOf<T>) => Promise<ReplyOf<T>> };
