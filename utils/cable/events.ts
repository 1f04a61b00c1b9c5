// Cable event payloads (../shared/client-api.md, "/cable"): parsed here, at the edge, with the bounds of
// the REST schemas (../api/schemas.ts). Whatever a frame holds, parseCableEvent returns: an event, an
// ignored event (null), or a malformed one (an error string, and the caller resyncs over REST).
import * as z from 'zod/mini';
import { cutWithEllipsis, isRecord } from '../api/bounds';
import { describeIssues } from '../api/describe-issues';
import { LIMITS } from '../api/limits';
import { conversationSchema, messageSchema, senderSchema, type Conversation, type Message } from '../api/schemas';

const cableEnvelopeSchema = z.looseObject({ event: z.string(), data: z.optional(z.unknown()) });

const typingSchema = z.looseObject({
  conversation: z.looseObject({ id: z.int() }),
  // Who types is cosmetic: an unreadable user still shows "typing", without a name.
  user: z.catch(z.nullish(senderSchema), null),
  is_private: z.optional(z.unknown()),
});

export type CableEvent =
  | { kind: 'message'; created: boolean; message: Message }
  | { kind: 'conversation'; conversation: Conversation }
  | { kind: 'typing'; on: boolean; conversationId: number; agentName: string; avatarUrl?: string }
  | { kind: 'presence'; online: boolean };

export type ParsedCableEvent = { ok: true; event: CableEvent } | { ok: false; error: string } | { ok: true; event: null };

/** Prefix of the error when a bound itself failed: a bug of ours, never the server's. */
export const PARSER_FAILURE = 'cable parser failed';

/** Turns a RoomChannel payload into a CableEvent; unknown events give `event: null` (ignored by design). */
export function parseCableEvent(payload: unknown): ParsedCableEvent {
  try {
    return parseEnvelope(payload);
  } catch (error) {
    // The schemas do not throw; should a future bound ever do, the event becomes a resync, not a dead link.
    return { ok: false, error: `${PARSER_FAILURE}: ${cutWithEllipsis(String(error), 200)}` };
  }
}

function parseEnvelope(payload: unknown): ParsedCableEvent {
  const envelope = cableEnvelopeSchema.safeParse(payload);
  if (!envelope.success) return { ok: false, error: 'cable payload without an event name' };
  const { event, data } = envelope.data;
  const fail = (error: z.core.$ZodError) => ({
    ok: false as const,
    error: `${cutWithEllipsis(event, LIMITS.token)}: ${describeIssues(error)}`,
  });
  switch (event) {
    case 'message.created':
    case 'message.updated': {
      const parsed = messageSchema.safeParse(data);
      if (!parsed.success) return fail(parsed.error);
      return { ok: true, event: { kind: 'message', created: event === 'message.created', message: parsed.data } };
    }
    case 'conversation.created':
    case 'conversation.status_changed':
    case 'conversation.updated': {
      const parsed = conversationSchema.safeParse(data);
      if (!parsed.success) return fail(parsed.error);
      return { ok: true, event: { kind: 'conversation', conversation: parsed.data } };
    }
    case 'conversation.typing_on':
    case 'conversation.typing_off': {
      const parsed = typingSchema.safeParse(data);
      if (!parsed.success) return fail(parsed.error);
      // Private-note typing is for agents only (a contact's own typing is never echoed). Anything but a
      // clear "not private" counts as private: a typing dot is not worth showing an agent's private note.
      const isPrivate = parsed.data.is_private;
      if (isPrivate !== undefined && isPrivate !== null && isPrivate !== false) return { ok: true, event: null };
      const user = parsed.data.user;
      const avatarUrl = user?.avatar_url || user?.thumbnail;
      return {
        ok: true,
        event: {
          kind: 'typing',
          on: event === 'conversation.typing_on',
          conversationId: parsed.data.conversation.id,
          agentName: user?.available_name || user?.name || '',
          ...(avatarUrl ? { avatarUrl } : {}),
        },
      };
    }
    case 'presence.update': {
      // Cosmetic ("agents online"): an unreadable list means nobody is known to be online.
      const users = isRecord(data) && isRecord(data.users) ? data.users : {};
      return { ok: true, event: { kind: 'presence', online: Object.values(users).some((s) => s === 'online') } };
    }
    default:
      return { ok: true, event: null };
  }
}
