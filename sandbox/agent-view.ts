// What the agent API shows: conversations with every message (private and activity too) in cable push format,
// plus what tests need to check: each message's PATCH count and stored submissions, each attachment's
// file name, content type and sha256.
import * as S from './serialize';
import type { Conversation, Message, Store } from './state';

type Json = Record<string, unknown>;

export function agentMessage(st: Store, m: Message): Json {
  const out: Json = { ...S.pushMessage(st, m), patch_count: m.patchCount, submissions: m.submissions };
  if (m.attachments.length)
    out.attachments = m.attachments.map((a) => ({ ...S.attachment(st, a), file_name: a.filename, content_type: a.mimeType, sha256: a.sha256 }));
  return out;
}

export function agentConversation(st: Store, c: Conversation): Json {
  const ci = st.contactInbox(c.contactInboxId);
  const typing = c.contactTypingSince !== null && Date.now() - c.contactTypingSince < 30_000;
  return {
    id: c.id, uuid: c.uuid, inbox_id: c.inboxId, inbox_identifier: st.inbox(c.inboxId).identifier, status: c.status,
    custom_attributes: c.customAttributes, contact: S.contactRecord(st.contact(c.contactId)), source_id: ci.sourceId,
    hmac_verified: ci.hmacVerified, contact_last_seen_at: c.contactLastSeenAt, agent_last_seen_at: c.agentLastSeenAt,
    last_activity_at: c.lastActivityAt, created_at: c.createdAt, contact_typing: typing,
    messages: st.allMessages(c.id).map((msg) => agentMessage(st, msg)),
  };
}
