// Zod schemas for everything the server sends: the edge where untrusted JSON becomes typed data.
// Servers differ by version, so objects accept unknown keys and "may be absent" fields are optional.
// zod/mini keeps the background small (the classic API is ~3x the size).
import * as z from 'zod/mini';

const id = z.int();
const text = z.nullish(z.string());

export const senderSchema = z.looseObject({
  id: z.optional(id),
  name: text,
  available_name: text,
  avatar_url: text,
  thumbnail: text,
  type: z.optional(z.string()),
  availability_status: text,
});
export type Sender = z.infer<typeof senderSchema>;

export const attachmentSchema = z.looseObject({
  id,
  file_type: z.string(),
  data_url: z.string(),
  thumb_url: z.nullish(z.string()),
  extension: text,
  file_size: z.nullish(z.number()),
  width: z.nullish(z.number()),
  height: z.nullish(z.number()),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const messageSchema = z.looseObject({
  id,
  content: text,
  message_type: z.int(),
  content_type: z._default(z.string(), 'text'),
  content_attributes: z._default(z.nullable(z.record(z.string(), z.unknown())), {}),
  created_at: z.number(),
  conversation_id: id,
  attachments: z.optional(z.array(attachmentSchema)),
  sender: z.nullish(senderSchema),
  // Only on cable payloads.
  echo_id: z.nullish(z.union([z.string(), z.number()])),
  status: text,
  private: z.optional(z.boolean()),
});
export type Message = z.infer<typeof messageSchema>;

export const conversationStatusSchema = z.string(); // open | resolved | pending | snoozed, or newer values
export const conversationSchema = z.looseObject({
  id,
  uuid: z.optional(z.string()),
  inbox_id: z.optional(id),
  status: conversationStatusSchema,
  contact_last_seen_at: z.nullish(z.number()),
  agent_last_seen_at: z.nullish(z.number()),
  messages: z._default(z.array(messageSchema), []),
  // Only on cable payloads.
  custom_attributes: z.nullish(z.record(z.string(), z.unknown())),
  timestamp: z.nullish(z.number()),
  last_activity_at: z.nullish(z.number()),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const contactSessionSchema = z.looseObject({
  id,
  source_id: z.string().check(z.minLength(1)),
  pubsub_token: z.string().check(z.minLength(1)),
  name: text,
  email: text,
});
export type ContactSession = z.infer<typeof contactSessionSchema>;

export const inboxSchema = z.looseObject({
  identifier: z.optional(z.string()),
  name: text,
  identity_validation_enabled: z.optional(z.boolean()),
  working_hours_enabled: z.optional(z.boolean()),
  csat_survey_enabled: z.optional(z.boolean()),
});
export type Inbox = z.infer<typeof inboxSchema>;

export const validationErrorSchema = z.looseObject({
  message: z.string(),
  attributes: z.optional(z.array(z.string())),
});
