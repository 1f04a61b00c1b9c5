// The in-memory store: inboxes, contacts, contact_inboxes (sessions), conversations and messages.
// Pure data plus lookups; behaviour that emits events lives in domain.ts.

import type { Agent, ContactInbox, Contact, Conversation, Inbox, Message, Attachment } from './model';

export * from './model';
export const ACCOUNT_ID = 1;

export class Store {
  /** The server's own origin, for absolute attachment and avatar URLs; set once listening. */
  baseUrl = 'http://127.0.0.1:3000';
  inboxes: Inbox[] = [
    { id: 1, identifier: 'demo-inbox', name: 'Demo Inbox', hmacToken: 'demo-inbox-hmac-token-unused', hmacMandatory: false },
    { id: 2, identifier: 'demo-hmac-inbox', name: 'Demo HMAC Inbox', hmacToken: 'demo-hmac-token', hmacMandatory: true },
  ];
  agent: Agent = { id: 1, name: 'Alex from Support', availableName: 'Alex', online: true };
  bot = { id: 1, name: 'Sandbox Bot' };
  captain = { id: 1, name: 'Captain', description: 'Sandbox AI assistant', createdAt: new Date('2026-01-01T00:00:00Z') };
  contacts = new Map<number, Contact>();
  contactInboxes = new Map<number, ContactInbox>();
  conversations = new Map<number, Conversation>();
  messages = new Map<number, Message>();
  private byConversation = new Map<number, Message[]>();
  attachmentsByKey = new Map<string, Attachment>();
  private seq = { contact: 0, contactInbox: 0, conversation: 0, message: 0, attachment: 0 };

  /** Clears every contact, session, conversation and message; keeps the inboxes and the agent. */
  reset(): void {
    this.contacts.clear();
    this.contactInboxes.clear();
    this.conversations.clear();
    this.messages.clear();
    this.byConversation.clear();
    this.attachmentsByKey.clear();
    this.seq = { contact: 0, contactInbox: 0, conversation: 0, message: 0, attachment: 0 };
    this.agent.online = true;
  }

  nextId(kind: keyof Store['seq']): number {
    return ++this.seq[kind];
  }

  inboxByIdentifier(identifier: string): Inbox | undefined {
    return this.inboxes.find((i) => i.identifier === identifier);
  }

  inbox(id: number): Inbox {
    return this.inboxes.find((i) => i.id === id)!;
  }

  contact(id: number): Contact {
    return this.contacts.get(id)!;
  }

  contactInbox(id: number): ContactInbox {
    return this.contactInboxes.get(id)!;
  }

  session(inboxId: number, sourceId: string): ContactInbox | undefined {
    for (const ci of this.contactInboxes.values()) if (ci.inboxId === inboxId && ci.sourceId === sourceId) return ci;
    return undefined;
  }

  sessionByToken(pubsubToken: string): ContactInbox | undefined {
    for (const ci of this.contactInboxes.values()) if (ci.pubsubToken === pubsubToken) return ci;
    return undefined;
  }

  findContact(pred: (c: Contact) => boolean): Contact | undefined {
    for (const c of this.contacts.values()) if (pred(c)) return c;
    return undefined;
  }

  /** Non-private, non-activity messages, oldest first: what a contact may see. */
  chatMessages(conversationId: number): Message[] {
    return this.allMessages(conversationId).filter((m) => !m.private && m.messageType !== 2);
  }

  /** Every message of a conversation, in id order (ids grow with time). */
  allMessages(conversationId: number): Message[] {
    return this.byConversation.get(conversationId) ?? [];
  }

  addMessage(m: Message): void {
    this.messages.set(m.id, m);
    const list = this.byConversation.get(m.conversationId);
    if (list) list.push(m);
    else this.byConversation.set(m.conversationId, [m]);
    for (const a of m.attachments) this.attachmentsByKey.set(a.key, a);
  }

  /** Conversations a session can list and open: its own, or (HMAC-verified) all of the person's, in every inbox. */
  visibleConversations(ci: ContactInbox): Conversation[] {
    return [...this.conversations.values()].filter((c) => (ci.hmacVerified ? c.contactId === ci.contactId : c.contactInboxId === ci.id));
  }

  conversationByUuid(uuid: string): Conversation | undefined {
    for (const c of this.conversations.values()) if (c.uuid === uuid) return c;
    return undefined;
  }

  /** pubsub tokens that receive a conversation's events (action_cable_listener#contact_inbox_tokens). */
  tokensFor(conv: Conversation): string[] {
    const ci = this.contactInbox(conv.contactInboxId);
    if (!ci.hmacVerified) return [ci.pubsubToken];
    return [...this.contactInboxes.values()]
      .filter((x) => x.contactId === ci.contactId && x.hmacVerified)
      .map((x) => x.pubsubToken);
  }
}
