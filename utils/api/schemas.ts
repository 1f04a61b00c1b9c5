// Zod schemas for everything the server sends: the edge where untrusted JSON becomes typed data.
// Servers differ by version, so objects accept unknown keys and "may be absent" fields are optional.
// Every value is bounded here (./limits.ts): no single answer or event can break the worker, the cache or
// the panel; a bad cosmetic field gets a harmless value and never costs the message (./fields.ts).
// zod/mini keeps the background small (the classic API is ~3x the size).
import * as z from 'zod/mini';
import { isRecord } from './bounds';
import {
  boundedObject, contentField, cut, nullableObjectField, objectField, softBoolean, softInt, softNumber, softText, softUrl, tolerantList,
} from './fields';
import { LIMITS } from './limits';
import { createdAtField, eventTimeField, fillTimes, nowSeconds, seenAtField, toUnixSeconds } from './time';

/** What identifies a record: a safe integer, or the record is not usable. */
const id = z.int();

export const senderSchema = boundedObject({
  id: softInt,
  name: softText(),
  available_name: softText(),
  avatar_url: softUrl,
  thumbnail: softUrl,
  type: softText(LIMITS.token),
  availability_status: softText(LIMITS.token),
});
export type Sender = z.infer<typeof senderSchema>;

const attachmentSchema = boundedObject({
  id: softInt,
  file_type: z.catch(cut(LIMITS.token), 'file'),
  // Without a usable URL there is nothing to show: the attachment (not its message) is left out.
  data_url: z.string().check(z.maxLength(LIMITS.url)),
  thumb_url: softUrl,
  extension: softText(LIMITS.token),
  file_size: softNumber,
  width: softNumber,
  height: softNumber,
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** A message as sent, before a missing or absurd created_at is given a fallback time. */
const rawMessageSchema = boundedObject(
  {
    id,
    content: contentField,
    message_type: z.int(),
    content_type: z.catch(z._default(cut(LIMITS.token), 'text'), 'text'),
    content_attributes: objectField,
    created_at: createdAtField,
    conversation_id: id,
    attachments: z.optional(z.catch(tolerantList(attachmentSchema, 100), () => [])),
    sender: z.catch(z.nullish(senderSchema), null),
    // Only on cable payloads.
    echo_id: z.catch(z.nullish(z.union([cut(LIMITS.name), z.number()])), null),
    status: softText(LIMITS.token),
    // Chatwoot never sends private messages to a contact; anything but a clear "true" is not private.
    private: z.optional(z.pipe(z.unknown(), z.transform((value) => value === true || value === 'true'))),
  },
  ['content_attributes'],
);
type RawMessage = z.infer<typeof rawMessageSchema>;
export type Message = RawMessage & { created_at: number };

/** A lone message (POST answer, cable event) without a sane time: the conversation's last activity that
 *  a cable payload carries, else the time it was received. */
function lone(message: RawMessage): Message {
  const conversation = message.conversation;
  const fallback = (isRecord(conversation) ? toUnixSeconds(conversation.last_activity_at) : undefined) ?? nowSeconds();
  return fillTimes([message], fallback)[0]!;
}

export const messageSchema = z.pipe(rawMessageSchema, z.transform(lone));

/** A page of messages, oldest first: a message without a sane time takes its neighbour's. */
export const messageListSchema = z.pipe(
  z.array(rawMessageSchema),
  z.transform((messages): Message[] => fillTimes(messages, nowSeconds())),
);

const conversationStatusSchema = cut(LIMITS.token); // open | resolved | pending | snoozed, or newer values
const rawConversationSchema = boundedObject(
  {
    id,
    uuid: softText(LIMITS.token),
    inbox_id: softInt,
    // Shown, never acted on: a conversation without a readable status is taken as open.
    status: z.catch(conversationStatusSchema, 'open'),
    contact_last_seen_at: seenAtField,
    agent_last_seen_at: seenAtField,
    messages: z._default(z.catch(tolerantList(rawMessageSchema), () => []), () => []),
    // Only on cable payloads.
    custom_attributes: nullableObjectField,
    timestamp: eventTimeField,
    last_activity_at: eventTimeField,
  },
  ['custom_attributes'],
);

type RawConversation = z.infer<typeof rawConversationSchema>;
export type Conversation = RawConversation & { messages: Message[] };

/** Messages of a history without a sane time take their neighbour's, else the conversation's time. */
export const conversationSchema = z.pipe(
  rawConversationSchema,
  z.transform((conversation): Conversation => ({
    ...conversation,
    messages: fillTimes(conversation.messages, conversation.last_activity_at ?? conversation.timestamp ?? nowSeconds()),
  })),
);

/** The contact's conversations: one that cannot be read is left out, the others still load. */
export const conversationListSchema = tolerantList(conversationSchema);

/** source_id and pubsub_token are the customer's credentials: never cut, never empty. */
const credential = z.string().check(z.minLength(1), z.maxLength(LIMITS.credential));

export const contactSessionSchema = boundedObject({
  id,
  source_id: credential,
  pubsub_token: credential,
  name: softText(),
  email: softText(),
});
export type ContactSession = z.infer<typeof contactSessionSchema>;

export const inboxSchema = boundedObject({
  identifier: z.catch(z.optional(cut(LIMITS.name)), undefined),
  name: softText(),
  identity_validation_enabled: softBoolean,
  working_hours_enabled: softBoolean,
  csat_survey_enabled: softBoolean,
});
export type Inbox = z.infer<typeof inboxSchema>;

export const validationErrorSchema = boundedObject({
  message: cut(LIMITS.errorMessage),
  attributes: z.catch(z.optional(z.array(cut(LIMITS.token))), undefined),
});

/** GET /public/api/v1/csat_survey/{uuid}: only how the rating is asked matters to us. */
export const csatSurveySchema = boundedObject({
  display_type: z.catch(z.optional(z.enum(['emoji', 'star'])), undefined),
});
export type CsatSurvey = z.infer<typeof csatSurveySchema>;
