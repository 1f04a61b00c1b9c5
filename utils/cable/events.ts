// Cable event payloads (../shared/client-api.md, "/cable"): parsed here, at the edge.
import * as z from 'zod/mini';
import { describeIssues } from '../api/describe-issues';
import { conversationSchema, messageSchema, senderSchema } from '../api/schemas';

export const cableEnvelopeSchema = z.looseObject({ event: z.string(), data: z.unknown() });

export const typingSchema = z.looseObject({
  conversation: z.looseObject({ id: z.int() }),
  user: z.nullish(senderSchema),
  is_private: z.optional(z.boolean()),
});

export type CableEvent =
  | { kind: 'message'; created: boolean; message: z.infer<typeof messageSchema> }
  | { kind: 'conversation'; conversation: z.infer<typeof conversationSchema> }
  | { kind: 'typing'; on: boolean; conversationId: number; agentName: string; avatarUrl?: string }
  | { kind: 'presence'; online: boolean };

export type ParsedCableEvent = { ok: true; event: CableEvent } | { ok: false; error: string } | { ok: true; event: null };

/** Turns a RoomChannel payload into a CableEvent; unknown events give `event: null` (ignored by design). */
export function parseCableEvent(payload: unknown): ParsedCableEvent {
  const envelope = cableEnvelopeSchema.safeParse(payload);
  if (!envelope.success) return { ok: false, error: 'cable payload without an event name' };
  const { event, data } = envelope.data;
  const fail = (error: z.core.$ZodError) => ({ ok: false as const, error: `${event}: ${describeIssues(error)}` });
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
      // Private-note typing is for agents only; a contact's own typing is never echoed.
      if (parsed.data.is_private) return { ok: true, event: null };
      const user = parsed.data.user;
      return {
        ok: true,
        event: {
          kind: 'typing',
          on: event === 'conversation.typing_on',
          conversationId: parsed.data.conversation.id,
          agentName: user?.available_name || user?.name || '',
          avatarUrl: user?.avatar_url || user?.thumbnail || undefined,
        },
      };
    }
    case 'presence.update': {
      const parsed = z.looseObject({ users: z.record(z.string(), z.string()) }).safeParse(data);
      if (!parsed.success) return fail(parsed.error);
      return { ok: true, event: { kind: 'presence', online: Object.values(parsed.data.users).some((s) => s === 'online') } };
    }
    default:
      return { ok: true, event: null };
  }
}
