// Page → background requests: the schema of each request, which the router validates, and (from
// ./replies) the type of its reply; the types of the handlers and of the connector come from these maps.
import * as z from 'zod/mini';
import { pageContextSchema, settingsInputSchema } from '../protocol';
import { isRecord } from '../api/bounds';
import type { appErrorSchema, replies } from './replies';

export const conversationId = z.int();
const panel = z.optional(z.string().check(z.maxLength(64)));
/** Text per view: an object of strings (z.custom rather than z.record: see ../protocol.ts). */
export const draftsSchema = z.custom<Record<string, string>>((v) => isRecord(v) && Object.values(v).every((text) => typeof text === 'string'));
export const fileRefSchema = z.object({ id: z.string(), name: z.string(), size: z.number(), type: z.string() });

/** What each request carries; the router validates it, since any page of the extension can send anything. */
export const requests = {
  connect: z.object({ settings: settingsInputSchema }),
  'settings.get': z.object({}),
  'settings.notifications': z.object({ on: z.boolean() }),
  'snapshot.get': z.object({}),
  /** `panel` (here and in 'thread.older'): the asking panel's id, so that what the answer carries is not sent
   *  to it again over its port. */
  'thread.open': z.object({ conversationId, panel }),
  /** The rows older than those the panel holds (`before`, its oldest row's key), a page at a time. */
  'thread.older': z.object({ conversationId, before: z.optional(z.string()), panel }),
  'message.send': z.object({
    conversationId: z.nullable(conversationId),
    // Empty only with files: a file may go without a caption.
    content: z.string(),
    page: z.optional(pageContextSchema),
    attachments: z.optional(z.array(fileRefSchema).check(z.maxLength(10))),
    /** More for a new conversation not created yet: the echo id of its first message (not a second one). */
    follows: z.optional(z.string()),
  }),
  'message.retry': z.object({ echoId: z.string() }),
  'message.submit': z.object({ conversationId, messageId: z.int(), values: z.unknown() }),
  typing: z.object({ conversationId, on: z.boolean() }),
  'conversation.resolve': z.object({ conversationId }),
  /** The panel takes what the context menu or a notification left for a panel; the first to ask gets it. */
  'handoff.take': z.object({}),
  /** A screenshot of the page in the active tab (activeTab must be granted), stored as a file to send. */
  'screenshot.capture': z.object({}),
  /** Unsent text per view, kept by the background so it survives the panel and leaves with the session. */
  'drafts.get': z.object({}),
  'drafts.save': z.object({ drafts: draftsSchema }),
} as const;

export type RequestType = keyof typeof requests;
/** Fields of a request body (an empty schema infers an index signature, which would swallow `type`). */
type Fields<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
export type RequestOf<T extends RequestType> = { type: T } & Fields<z.output<(typeof requests)[T]>>;
export type ReplyOf<T extends RequestType> = z.output<(typeof replies)[T]>;
export type PageRequest = { [T in RequestType]: RequestOf<T> }[RequestType];

export type Reply<T extends RequestType> =
  | { ok: true; value: ReplyOf<T> }
  | { ok: false; error: z.output<typeof appErrorSchema> };

/** What the background does for each request: the map the router dispatches through. */
export type RequestHandlers = { [T in RequestType]: (request: RequestOf<T>) => Promise<ReplyOf<T>> };
