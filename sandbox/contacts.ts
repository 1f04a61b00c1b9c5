// Contacts: sessions (contact_inboxes), identification and merging, after Chatwoot's
// ContactInboxWithContactBuilder, ContactIdentifyAction and ContactMergeAction. Contacts never get events.
import { generatedName, secureToken, uuid } from './ids';
import type { Contact, ContactInbox, Inbox, Store } from './state';

export interface ContactFields {
  identifier?: string;
  name?: string;
  email?: string;
  phone_number?: string;
  custom_attributes?: Record<string, unknown>;
}

const lower = (s: string | null | undefined) => s?.toLowerCase();

/** POST /contacts: reuse a contact by identifier, email, then phone (without updating it); always a new session. */
export function createSession(st: Store, inbox: Inbox, p: ContactFields): ContactInbox {
  let contact =
    (p.identifier ? st.findContact((c) => c.identifier === p.identifier) : undefined) ??
    (p.email ? st.findContact((c) => lower(c.email) === lower(p.email)) : undefined) ??
    (p.phone_number ? st.findContact((c) => c.phoneNumber === p.phone_number) : undefined);
  const now = new Date();
  if (!contact) {
    contact = {
      id: st.nextId('contact'), name: p.name || generatedName(), email: p.email?.toLowerCase() || null, phoneNumber: p.phone_number || null,
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

/**
 * PATCH /contacts/{source_id} (ContactIdentifyAction, `identifier` already dropped): a contact holding that
 * email absorbs this one; then one holding that phone does too, unless it has another email than the one
 * given, in which case the phone is not set at all. Then the non-blank fields are set and custom attributes
 * deep-merged. `retainName` keeps the surviving contact's name (the widget's email collection).
 */
export function identifyContact(st: Store, contactId: number, p: ContactFields, retainName = false): Contact {
  let contact = st.contact(contactId);
  const fields: (keyof ContactFields)[] = ['name', 'email', 'phone_number'];
  const drop = (f: keyof ContactFields) => fields.splice(fields.indexOf(f), 1);
  const byEmail = p.email ? st.findContact((c) => lower(c.email) === lower(p.email)) : undefined;
  if (byEmail) {
    contact = mergeContacts(st, byEmail, contact);
    if (retainName) drop('name');
  }
  const byPhone = p.phone_number ? st.findContact((c) => c.phoneNumber === p.phone_number) : undefined;
  if (byPhone) {
    if (p.email && byPhone.email && byPhone.email !== p.email) drop('phone_number');
    else {
      contact = mergeContacts(st, byPhone, contact);
      if (retainName && fields.includes('name')) drop('name');
    }
  }
  if (fields.includes('name') && p.name) contact.name = p.name;
  if (fields.includes('email') && p.email) contact.email = p.email.toLowerCase(); // Chatwoot stores emails downcased
  if (fields.includes('phone_number') && p.phone_number) contact.phoneNumber = p.phone_number;
  if (p.custom_attributes) contact.customAttributes = deepMerge(contact.customAttributes, p.custom_attributes);
  contact.updatedAt = new Date();
  return contact;
}

/** ContactMergeAction: the mergee's sessions, conversations and messages move to the base contact, which keeps
 *  its own attributes and takes the mergee's where it has none; the mergee is deleted. */
function mergeContacts(st: Store, base: Contact, mergee: Contact): Contact {
  if (base.id === mergee.id) return base;
  for (const x of st.contactInboxes.values()) if (x.contactId === mergee.id) x.contactId = base.id;
  for (const conv of st.conversations.values()) if (conv.contactId === mergee.id) conv.contactId = base.id;
  for (const m of st.messages.values()) if (m.sender?.type === 'contact' && m.sender.id === mergee.id) m.sender = { type: 'contact', id: base.id };
  base.identifier ||= mergee.identifier;
  base.name ||= mergee.name;
  base.email ||= mergee.email;
  base.phoneNumber ||= mergee.phoneNumber;
  base.customAttributes = deepMerge(mergee.customAttributes, base.customAttributes);
  base.additionalAttributes = deepMerge(mergee.additionalAttributes, base.additionalAttributes);
  st.contacts.delete(mergee.id);
  return base;
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
