// What happens when a customer or the agent acts: state changes plus the cable events they cause.
import { newAttachment } from './attachments';
import { identifyContact } from './contacts';
import type { UploadedFile } from './http';
import { nowSeconds, uuid } from './ids';
import * as S from './serialize';
import { EMAIL } from './validate';
import { ACCOUNT_ID, type ContactInbox, type Conversation, type ConversationStatus, type Message, type SenderRef, Store } from './state';

export type Publish = (tokens: string[], event: string, data: Record<string, unknown>) => void;

export interface NewMessage {
  content: string | null;
  contentType?: string;
  contentAttributes?: Record<string, unknown>;
  private?: boolean;
  echoId?: string;
  files?: UploadedFile[];
}

/** Who sends an agent-side message: the agent, a bot, a Captain assistant, or nobody (a template, type 3). */
export type AgentSide = 'agent' | 'bot' | 'captain' | 'none';

export class Domain {
  /** Set by the cable server; events go nowhere until then. */
  publish: Publish = () => {};

  constructor(readonly store: Store) {}

  private emit(conv: Conversation, event: string, data: Record<string, unknown>) {
    this.publish(this.store.tokensFor(conv), event, { ...data, account_id: ACCOUNT_ID });
  }

  private emitConversation(conv: Conversation, event: string) {
    this.emit(conv, event, S.pushConversation(this.store, conv));
  }

  createConversation(ci: ContactInbox, customAttributes: Record<string, unknown>): Conversation {
    const now = Date.now();
    const conv: Conversation = {
      id: this.store.nextId('conversation'), uuid: uuid(), inboxId: ci.inboxId, contactId: ci.contactId, contactInboxId: ci.id,
      status: 'open', customAttributes, assigneeId: null, contactLastSeenAt: 0, agentLastSeenAt: 0,
      createdAt: Math.floor(now / 1000), updatedAt: now / 1000, lastActivityAt: Math.floor(now / 1000),
      firstReplyCreatedAt: null, contactTypingSince: null,
    };
    this.store.conversations.set(conv.id, conv);
    this.emitConversation(conv, 'conversation.created');
    return conv;
  }

  private newMessage(conv: Conversation, type: Message['messageType'], sender: SenderRef, n: NewMessage): Message {
    const id = this.store.nextId('message');
    const m: Message = {
      id, conversationId: conv.id, content: n.content, messageType: type, contentType: n.contentType ?? 'text',
      contentAttributes: n.contentAttributes ?? {}, createdAt: nowSeconds(), updatedAt: new Date(), private: n.private ?? false,
      status: 'sent', sender, patchCount: 0, submissions: [],
      attachments: (n.files ?? []).map((f) => newAttachment(this.store.nextId('attachment'), id, f)),
    };
    this.store.addMessage(m);
    conv.lastActivityAt = m.createdAt;
    conv.updatedAt = Date.now() / 1000;
    return m;
  }

  private setStatus(conv: Conversation, status: ConversationStatus, performer?: boolean) {
    if (conv.status === status) return;
    conv.status = status;
    conv.updatedAt = Date.now() / 1000;
    if (status === 'resolved') {
      const who = performer ? this.store.agent.name : this.store.contact(conv.contactId).name;
      this.newMessage(conv, 2, null, { content: `Conversation was resolved by ${who}` });
    }
    this.emitConversation(conv, 'conversation.status_changed');
    this.emitConversation(conv, 'conversation.updated');
  }

  customerMessage(conv: Conversation, n: NewMessage): Message {
    const m = this.newMessage(conv, 0, { type: 'contact', id: conv.contactId }, n);
    this.store.contact(conv.contactId).lastActivityAt = new Date();
    this.emit(conv, 'message.created', S.pushMessage(this.store, m, n.echoId !== undefined ? { echo_id: n.echoId } : {}));
    if (conv.status === 'resolved' || conv.status === 'snoozed') this.setStatus(conv, 'open');
    return m;
  }

  resolveByContact(conv: Conversation) {
    this.setStatus(conv, 'resolved');
  }

  contactTyping(conv: Conversation, on: boolean) {
    // Agents only: a contact never receives its own typing events.
    conv.contactTypingSince = on ? Date.now() : null;
  }

  /** update_last_seen: agent/template messages become `read` (one message.updated each), then conversation.read. */
  contactSeen(conv: Conversation) {
    conv.contactLastSeenAt = nowSeconds();
    for (const m of this.store.chatMessages(conv.id)) {
      if (m.messageType === 0 || m.status === 'read' || m.status === 'failed') continue;
      const before = m.updatedAt.toISOString();
      const old = m.status;
      m.status = 'read';
      m.updatedAt = new Date();
      this.emit(conv, 'message.updated', S.pushMessage(this.store, m, { previous_changes: { status: [old, 'read'], updated_at: [before, m.updatedAt.toISOString()] } }));
    }
    this.emitConversation(conv, 'conversation.read');
  }

  /** PATCH …/messages/{id} (or the CSAT survey page): stores submitted_values and records the submission. */
  submitValues(conv: Conversation, m: Message, values: unknown, via: 'PATCH' | 'PUT' | 'csat_survey', emailUpdatesContact = false) {
    const previous = m.contentAttributes;
    m.contentAttributes = { ...previous, submitted_values: values };
    const email = m.contentType === 'input_email' && Array.isArray(values) ? emailOf(values) : undefined;
    if (email && emailUpdatesContact) {
      // Chatwoot's widget API: submitted_email on the message, the contact identified by that email.
      m.contentAttributes.submitted_email = email;
      identifyContact(this.store, conv.contactId, { email }, true);
    }
    m.updatedAt = new Date();
    m.submissions.push({ at: Date.now(), via, submitted_values: values });
    this.emit(conv, 'message.updated', S.pushMessage(this.store, m, { previous_changes: { content_attributes: [previous, m.contentAttributes] } }));
  }

  /** A message from the agent side: the agent (who is then assigned), a bot, Captain, or a template. */
  agentReply(conv: Conversation, n: NewMessage, side: AgentSide = 'agent'): Message {
    const senders: Record<AgentSide, SenderRef> = {
      agent: { type: 'user', id: this.store.agent.id }, bot: { type: 'agent_bot', id: this.store.bot.id },
      captain: { type: 'captain_assistant', id: this.store.captain.id }, none: null,
    };
    const m = this.newMessage(conv, side === 'none' ? 3 : 1, senders[side], n);
    if (side === 'agent') {
      conv.assigneeId = this.store.agent.id;
      conv.agentLastSeenAt = m.createdAt;
      conv.firstReplyCreatedAt ??= new Date();
    }
    const extra = side === 'agent' ? { performer: S.agentSender(this.store) } : {};
    if (!m.private) this.emit(conv, 'message.created', S.pushMessage(this.store, m, extra));
    return m;
  }

  agentTyping(conv: Conversation, on: boolean) {
    const user = S.agentSender(this.store);
    this.emit(conv, on ? 'conversation.typing_on' : 'conversation.typing_off', {
      conversation: S.pushConversation(this.store, conv), user, is_private: false, performer: user,
    });
  }

  agentStatus(conv: Conversation, status: ConversationStatus) {
    this.setStatus(conv, status, true);
  }

  presencePayload() {
    const a = this.store.agent;
    return { account_id: ACCOUNT_ID, users: a.online ? { [String(a.id)]: 'online' } : {} };
  }
}

/** The email of an input_email answer: `[{ name: 'email', value }]` (or the first item with a value). */
function emailOf(values: unknown[]): string | undefined {
  const items = values.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
  const item = items.find((v) => v.name === 'email') ?? items[0];
  return typeof item?.value === 'string' && EMAIL.test(item.value) && item.value.length <= 255 ? item.value : undefined;
}
