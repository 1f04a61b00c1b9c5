// JSON shapes: REST (Client API) and cable push payloads, per chatwoot-contract.md §2 and §7.6.
import { ACCOUNT_ID, type Attachment, type Contact, type Conversation, type Message, type Store } from './state';

type Json = Record<string, unknown>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Contact session (create/show). */
export function contactSession(store: Store, ciId: number): Json {
  const ci = store.contactInbox(ciId);
  const c = store.contact(ci.contactId);
  return { id: c.id, source_id: ci.sourceId, pubsub_token: ci.pubsubToken, name: c.name, email: c.email, phone_number: c.phoneNumber };
}

/** Contact record (PATCH answer, `conversation.contact`): columns, no source_id or pubsub_token. */
export function contactRecord(c: Contact): Json {
  const city = c.additionalAttributes.city, country = c.additionalAttributes.country;
  return {
    id: c.id, name: c.name, email: c.email, phone_number: c.phoneNumber, account_id: ACCOUNT_ID,
    created_at: iso(c.createdAt), updated_at: iso(c.updatedAt),
    additional_attributes: c.additionalAttributes, identifier: c.identifier, custom_attributes: c.customAttributes,
    last_activity_at: iso(c.lastActivityAt), contact_type: c.email || c.phoneNumber ? 'lead' : 'visitor',
    middle_name: '', last_name: '', location: typeof city === 'string' ? city : null,
    country_code: typeof country === 'string' ? country : null, blocked: false, company_id: null,
  };
}

function contactSender(c: Contact): Json {
  return {
    additional_attributes: c.additionalAttributes, custom_attributes: c.customAttributes, email: c.email, id: c.id,
    identifier: c.identifier, name: c.name, phone_number: c.phoneNumber, thumbnail: '', blocked: false, type: 'contact',
  };
}

export function agentSender(store: Store): Json {
  const a = store.agent;
  const avatar = `${store.baseUrl}/sandbox/avatar.svg`;
  return {
    id: a.id, name: a.name, available_name: a.availableName, avatar_url: avatar, type: 'user',
    availability_status: a.online ? 'online' : 'offline', thumbnail: avatar,
  };
}

/** agent_bot.rb#push_event_data */
function botSender(store: Store): Json {
  return { id: store.bot.id, name: store.bot.name, avatar_url: `${store.baseUrl}/sandbox/bot.svg`, type: 'agent_bot' };
}

/** captain/assistant.rb#push_event_data (enterprise) */
function captainSender(store: Store): Json {
  const c = store.captain;
  return {
    id: c.id, name: c.name, avatar_url: `${store.baseUrl}/sandbox/captain.svg`, description: c.description,
    created_at: iso(c.createdAt), type: 'captain_assistant',
  };
}

export function attachment(store: Store, a: Attachment): Json {
  const name = encodeURIComponent(a.filename);
  const out: Json = {
    id: a.id, message_id: a.messageId, file_type: a.fileType, account_id: ACCOUNT_ID, extension: null,
    data_url: `${store.baseUrl}/rails/active_storage/blobs/redirect/${a.key}/${name}`,
    thumb_url: a.fileType === 'image' ? `${store.baseUrl}/rails/active_storage/representations/redirect/${a.key}/${name}` : '',
    file_size: a.data.length, width: a.width, height: a.height,
  };
  if (a.fileType === 'audio') out.transcribed_text = '';
  return out;
}

const SENDER_TYPES = { contact: 'Contact', user: 'User', agent_bot: 'AgentBot', captain_assistant: 'Captain::Assistant' } as const;

function sender(store: Store, m: Message): Json | undefined {
  switch (m.sender?.type) {
    case 'contact':
      return contactSender(store.contact(m.sender.id));
    case 'user':
      return agentSender(store);
    case 'agent_bot':
      return botSender(store);
    case 'captain_assistant':
      return captainSender(store);
  }
  return undefined;
}

/** Message as the REST Client API answers it. */
export function restMessage(store: Store, m: Message): Json {
  const out: Json = {
    id: m.id, content: m.content, message_type: m.messageType, content_type: m.contentType,
    content_attributes: m.contentAttributes, created_at: m.createdAt, conversation_id: m.conversationId,
  };
  if (m.attachments.length) out.attachments = m.attachments.map((a) => attachment(store, a));
  const s = sender(store, m);
  if (s) out.sender = s;
  return out;
}

/** The agent's unread count: incoming messages after agent_last_seen_at (at most 10). */
function agentUnread(store: Store, conv: Conversation): number {
  const n = store.allMessages(conv.id).filter((m) => m.messageType === 0 && m.createdAt > conv.agentLastSeenAt).length;
  return Math.min(n, 10);
}

/** Message push payload (`message.created` / `message.updated`), without account_id/performer. */
export function pushMessage(store: Store, m: Message, extra: Json = {}): Json {
  const conv = store.conversations.get(m.conversationId)!;
  const out: Json = {
    id: m.id, content: m.content, account_id: ACCOUNT_ID, inbox_id: conv.inboxId, conversation_id: m.conversationId,
    message_type: m.messageType, created_at: m.createdAt, updated_at: m.updatedAt.toISOString(), private: m.private,
    status: m.status, source_id: null, content_type: m.contentType, content_attributes: m.contentAttributes,
    sender_type: m.sender ? SENDER_TYPES[m.sender.type] : null, sender_id: m.sender?.id ?? null,
    external_source_ids: {}, additional_attributes: {}, processed_message_content: m.content, sentiment: {},
    conversation: {
      assignee_id: conv.assigneeId, unread_count: agentUnread(store, conv), last_activity_at: conv.lastActivityAt,
      contact_inbox: { source_id: store.contactInbox(conv.contactInboxId).sourceId },
    },
    ...extra,
  };
  if (m.attachments.length) out.attachments = m.attachments.map((a) => attachment(store, a));
  const s = sender(store, m);
  if (s) out.sender = s;
  return out;
}

/** Conversation as the REST Client API answers it: the whole chat history, the contact record. */
export function restConversation(store: Store, conv: Conversation): Json {
  return {
    id: conv.id, uuid: conv.uuid, inbox_id: conv.inboxId, contact_last_seen_at: conv.contactLastSeenAt,
    status: conv.status, agent_last_seen_at: conv.agentLastSeenAt,
    messages: store.chatMessages(conv.id).map((m) => restMessage(store, m)),
    contact: contactRecord(store.contact(conv.contactId)),
  };
}

/** Conversation push payload (event_data_presenter) plus account_id. */
export function pushConversation(store: Store, conv: Conversation): Json {
  const ci = store.contactInbox(conv.contactInboxId);
  const last = store.chatMessages(conv.id).at(-1);
  return {
    additional_attributes: {}, can_reply: true, channel: 'Channel::Api',
    contact_inbox: {
      id: ci.id, contact_id: ci.contactId, inbox_id: ci.inboxId, source_id: ci.sourceId,
      created_at: iso(ci.createdAt), updated_at: iso(ci.updatedAt), hmac_verified: ci.hmacVerified, pubsub_token: ci.pubsubToken,
    },
    id: conv.id, inbox_id: conv.inboxId, messages: last ? [pushMessage(store, last)] : [], labels: [],
    meta: {
      sender: contactSender(store.contact(conv.contactId)), assignee: conv.assigneeId ? agentSender(store) : null,
      assignee_type: conv.assigneeId ? 'User' : null, team: null, hmac_verified: ci.hmacVerified,
    },
    status: conv.status, custom_attributes: conv.customAttributes, snoozed_until: null,
    unread_count: agentUnread(store, conv), first_reply_created_at: iso(conv.firstReplyCreatedAt), priority: null,
    waiting_since: 0, agent_last_seen_at: conv.agentLastSeenAt, contact_last_seen_at: conv.contactLastSeenAt,
    last_activity_at: conv.lastActivityAt, timestamp: conv.lastActivityAt, created_at: conv.createdAt,
    updated_at: conv.updatedAt, account_id: ACCOUNT_ID,
  };
}

export function inbox(store: Store, inboxId: number): Json {
  const i = store.inbox(inboxId);
  const working_hours = [0, 1, 2, 3, 4, 5, 6].map((day) => {
    const weekend = day === 0 || day === 6;
    return {
      day_of_week: day, closed_all_day: weekend, open_hour: weekend ? null : 9, open_minutes: weekend ? null : 0,
      close_hour: weekend ? null : 17, close_minutes: weekend ? null : 0, open_all_day: false,
    };
  });
  return {
    identifier: i.identifier, identity_validation_enabled: i.hmacMandatory, name: i.name, timezone: 'UTC',
    working_hours, working_hours_enabled: false, csat_survey_enabled: false, greeting_enabled: false,
  };
}
