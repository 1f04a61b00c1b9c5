// What happens when a customer or the agent acts: state changes plus the cable events they cause.
import { fileTypeFor } from './attachments';
import type { UploadedFile } from './http';
import { generatedName, nowSeconds, secureToken, uuid } from './ids';
import * as S from './serialize';
import { ACCOUNT_ID, type ContactInbox, type Conversation, type ConversationStatus, type Inbox, type Message, type SenderRef, Store } from './state';

export type Publish = (tokens: string[], event: string, data: Record<string, unknown>) => void;

export interface NewMessage {
  content: string | null;
  contentType?: string;
  contentAttributes?: Record<string, unknown>;
  private?: boolean;
  echoId?: string;
  files?: UploadedFile[];
}

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

  /** POST /contacts: reuse a contact by identifier, email, then phone; always a new session. */
  createSession(inbox: Inbox, p: { identifier?: string; name?: string; email?: string; phone_number?: string; custom_attributes?: Record<string, unknown> }): ContactInbox {
    const st = this.store;
    const lower = (s: string | null) => s?.toLowerCase();
    let contact =
      (p.identifier ? st.findContact((c) => c.identifier === p.identifier) : undefined) ??
      (p.email ? st.findContact((c) => lower(c.email) === p.email!.toLowerCase()) : undefined) ??
      (p.phone_number ? st.findContact((c) => c.phoneNumber === p.phone_number) : undefined);
    const now = new Date();
    if (!contact) {
      contact = {
        id: st.nextId('contact'), name: p.name || generatedName(), email: p.email || null, phoneNumber: p.phone_number || null,
        identifier: p.identifier || null, customAttributes: p.custom_attributes ?? {}, additionalAttributes: {},
        createdAt: now, updatedAt: now, lastActivityAt: null,
      };
      st.contacts.set(contact.id, contact);
    }
    const ci: ContactInbox = {
      id: st.nextId('contactInbox'), contactId: contact.id, inboxId: inbox.id, sourceId: uuid(), pubsubToken: secureToken(),
      hmacVerified: false, createdAt: now, updatedAt: now,
    };
    st.contactInboxes.set(ci.id, ci);
    return ci;
  }

  /** PATCH /contacts/{source_id}: merge into a contact holding that email (or phone), then set non-blank fields. */
  updateContact(ci: ContactInbox, p: { name?: string; email?: string; phone_number?: string; custom_attributes?: Record<string, unknown> }) {
    const st = this.store;
    let contact = st.contact(ci.contactId);
    const other =
      (p.email ? st.findContact((c) => c.id !== contact.id && c.email?.toLowerCase() === p.email!.toLowerCase()) : undefined) ??
      (p.phone_number ? st.findContact((c) => c.id !== contact.id && c.phoneNumber === p.phone_number) : undefined);
    if (other) {
      for (const x of st.contactInboxes.values()) if (x.contactId === contact.id) x.contactId = other.id;
      for (const conv of st.conversations.values()) if (conv.contactId === contact.id) conv.contactId = other.id;
      for (const m of st.messages.values()) if (m.sender?.type === 'contact' && m.sender.id === contact.id) m.sender = { type: 'contact', id: other.id };
      st.contacts.delete(contact.id);
      contact = other;
    }
    if (p.name) contact.name = p.name;
    if (p.email) contact.email = p.email;
    if (p.phone_number) contact.phoneNumber = p.phone_number;
    if (p.custom_attributes) contact.customAttributes = deepMerge(contact.customAttributes, p.custom_attributes);
    contact.updatedAt = new Date();
    return contact;
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
      status: 'sent', sender,
      attachments: (n.files ?? []).map((f) => ({
        id: this.store.nextId('attachment'), messageId: id, fileType: fileTypeFor(f.mimeType), mimeType: f.mimeType,
        filename: f.filename, key: secureToken(28), data: f.data,
      })),
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

  submitValues(conv: Conversation, m: Message, values: unknown) {
    const previous = m.contentAttributes;
    m.contentAttributes = { ...previous, submitted_values: values };
    m.updatedAt = new Date();
    this.emit(conv, 'message.updated', S.pushMessage(this.store, m, { previous_changes: { content_attributes: [previous, m.contentAttributes] } }));
  }

  agentReply(conv: Conversation, n: NewMessage): Message {
    const m = this.newMessage(conv, 1, { type: 'user', id: this.store.agent.id }, n);
    conv.assigneeId = this.store.agent.id;
    conv.agentLastSeenAt = m.createdAt;
    conv.firstReplyCreatedAt ??= new Date();
    if (!m.private) this.emit(conv, 'message.created', S.pushMessage(this.store, m, { performer: S.agentSender(this.store) }));
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

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    out[k] = isPlain(cur) && isPlain(v) ? deepMerge(cur, v) : v;
  }
  return out;
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
