// What the background answers to each page request. The pages trust their own background (issue 17), so
// these schemas are not run in the extension: they give the replies their types (./requests) and let the
// tests hold the handlers to the protocol.
import * as z from 'zod/mini';
import { connectResultSchema, olderRowsSchema, pageContextSchema, settingsInputSchema, snapshotSchema, threadViewSchema } from '../protocol';
import { ERROR_CODES } from './errors';
import { conversationId, draftsSchema, fileRefSchema } from './requests';

const handoffSchema = z.union([
  z.object({ kind: z.literal('page'), page: pageContextSchema, selection: z.optional(z.string()), at: z.number() }),
  z.object({ kind: z.literal('conversation'), conversationId, at: z.number() }),
  z.object({ kind: z.literal('screenshot'), file: fileRefSchema, page: z.optional(pageContextSchema), at: z.number() }),
  z.object({ kind: z.literal('screenshot.failed'), at: z.number() }),
]);
const none = z.null();

export const replies = {
  connect: connectResultSchema,
  // `managed`: the fields a browser policy sets (read-only on the options page).
  'settings.get': z.object({ ...settingsInputSchema.shape, notifications: z.boolean(), managed: z.optional(z.array(z.string())) }),
  'settings.notifications': none,
  'snapshot.get': snapshotSchema,
  'thread.open': threadViewSchema,
  'thread.older': olderRowsSchema,
  'message.send': z.object({ conversationId: z.nullable(conversationId), echoId: z.string() }),
  'message.retry': none,
  'message.submit': none,
  typing: none,
  'conversation.resolve': none,
  'handoff.take': z.nullable(handoffSchema),
  'screenshot.capture': fileRefSchema,
  'drafts.get': draftsSchema,
  'drafts.save': none,
} as const;

/** A failed request's answer: a code, words only in the page (and the origin a permission is asked for). */
export const appErrorSchema = z.object({ code: z.enum(ERROR_CODES), origin: z.optional(z.string()) });
