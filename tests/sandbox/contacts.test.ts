// Contacts as Chatwoot's request specs and ContactIdentifyAction have them: merging by email and phone (and
// when not to), verified sessions across inboxes, and the PATCH answer's shape by version (config switch).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/server';
import { agent, client, expectSchema, identifierHash, withSandbox } from './helpers';

let sb: Sandbox;
beforeAll(async () => (sb = await withSandbox()));
afterAll(() => sb.close());

const ONE = '/contacts/{contact_identifier}';
const contactOf = async (convId: number) => (await agent(sb, 'GET', `/conversations/${convId}`)).json.contact;

describe('PATCH /contacts/{source_id}: identify and merge', () => {
  it('a new email with the phone of a contact that has another email: no merge, email set, phone dropped', async () => {
    const c = client(sb);
    const a = await c.contact({ name: 'A', email: 'a@example.com', phone_number: '+15550000001' });
    const b = await c.contact({ name: 'B' });
    const r = await c.call('PATCH', `/contacts/${b.source_id}`, { email: 'b@example.com', phone_number: '+15550000001' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: b.id, email: 'b@example.com', phone_number: null });
    expect((await c.call('GET', `/contacts/${a.source_id}`)).json).toMatchObject({ id: a.id, email: 'a@example.com', phone_number: '+15550000001' });
  });

  it('an email held by another contact merges this one into it: same session, the survivor\'s id, blanks filled', async () => {
    const c = client(sb);
    const owner = await c.contact({ name: 'Owner', email: 'owner2@example.com', custom_attributes: { plan: 'pro' } });
    const anon = await c.contact({ phone_number: '+15550000002', custom_attributes: { plan: 'free', seen: true } });
    const conv = await c.conversation(anon.source_id);
    const r = await c.call('PATCH', `/contacts/${anon.source_id}`, { email: 'OWNER2@example.com' });
    expect(r.json).toMatchObject({ id: owner.id, name: 'Owner', email: 'owner2@example.com', phone_number: '+15550000002', custom_attributes: { plan: 'pro', seen: true } });
    expect(await contactOf(conv.id)).toMatchObject({ id: owner.id });
    expect((await c.call('GET', `/contacts/${anon.source_id}`)).json).toMatchObject({ id: owner.id, source_id: anon.source_id, pubsub_token: anon.pubsub_token });
  });

  it('a phone held by a contact without an email merges; with the same email it merges too', async () => {
    const c = client(sb);
    const phoneOnly = await c.contact({ name: 'Phone', phone_number: '+15550000003' });
    const x = await c.contact({ name: 'X' });
    const r = await c.call('PATCH', `/contacts/${x.source_id}`, { email: 'x@example.com', phone_number: '+15550000003' });
    expect(r.json).toMatchObject({ id: phoneOnly.id, name: 'Phone', email: 'x@example.com', phone_number: '+15550000003' });
    const both = await c.contact({ name: 'Both', email: 'both@example.com', phone_number: '+15550000004' });
    const y = await c.contact({ name: 'Y' });
    const r2 = await c.call('PATCH', `/contacts/${y.source_id}`, { email: 'both@example.com', phone_number: '+15550000004', name: 'Y2' });
    expect(r2.json).toMatchObject({ id: both.id, name: 'Y2', email: 'both@example.com' });
  });
});

describe('verified sessions', () => {
  it('list and open the person\'s conversations in every inbox; an unverified session only its own', async () => {
    const open = client(sb);
    const hmac = client(sb, 'demo-hmac-inbox');
    const id = { identifier: 'everywhere-1', identifier_hash: identifierHash('demo-hmac-token', 'everywhere-1') };
    const inOpen = await open.contact({ identifier: id.identifier }); // the open inbox checks a hash only when sent
    const inHmac = await hmac.contact(id);
    expect(inHmac.id).toBe(inOpen.id);
    const c1 = await open.conversation(inOpen.source_id);
    const c2 = await hmac.conversation(inHmac.source_id);
    const before = await hmac.call('GET', `/contacts/${inHmac.source_id}/conversations`);
    expect(before.json.map((x: { id: number }) => x.id)).toEqual([c2.id]); // not verified yet: its own only
    await hmac.call('GET', `/contacts/${inHmac.source_id}?identifier=everywhere-1&identifier_hash=${id.identifier_hash}`);
    const all = await hmac.call('GET', `/contacts/${inHmac.source_id}/conversations`);
    expect(all.status).toBe(200);
    expect(all.json.map((x: { id: number; inbox_id: number }) => [x.id, x.inbox_id]).sort()).toEqual([[c1.id, 1], [c2.id, 2]].sort());
    expect((await hmac.call('GET', `/contacts/${inHmac.source_id}/conversations/${c1.id}`)).status).toBe(200);
    const own = await open.call('GET', `/contacts/${inOpen.source_id}/conversations`);
    expect(own.json.map((x: { id: number }) => x.id)).toEqual([c1.id]);
  });
});

describe('contact_update_shape', () => {
  it('"session" answers PATCH with the session shape; "full" (default) with the record; reset restores it', async () => {
    const c = client(sb);
    const s = await c.contact({ name: 'Shape' });
    expect((await agent(sb, 'GET', '/config')).json).toEqual({ contact_update_shape: 'full', input_email_updates_contact: false, rejected_attachment_types: [] });
    expect((await agent(sb, 'POST', '/config', { contact_update_shape: 'session' })).json.contact_update_shape).toBe('session');
    const r = await c.call('PATCH', `/contacts/${s.source_id}`, { name: 'Shaped', email: 'shape@example.com' });
    expect(r.json).toEqual({ id: s.id, name: 'Shaped', email: 'shape@example.com', phone_number: null, source_id: s.source_id, pubsub_token: s.pubsub_token });
    expectSchema('PATCH', ONE, r.json);
    expect((await agent(sb, 'POST', '/config', { contact_update_shape: 'partial' })).status).toBe(422);
    expect((await agent(sb, 'POST', '/config', { input_email_updates_contact: 'yes' })).status).toBe(422);
    await agent(sb, 'DELETE', '/faults'); // faults do not touch the config
    expect((await agent(sb, 'GET', '/config')).json.contact_update_shape).toBe('session');
    await agent(sb, 'POST', '/reset');
    expect((await agent(sb, 'GET', '/config')).json.contact_update_shape).toBe('full');
  });

  it('the startup option sets the default that reset returns to', async () => {
    const other = await withSandbox({ config: { contact_update_shape: 'session' } });
    try {
      const c = client(other);
      const s = await c.contact({ name: 'Boot' });
      const r = await c.call('PATCH', `/contacts/${s.source_id}`, { name: 'Booted' });
      expect(Object.keys(r.json).sort()).toEqual(['email', 'id', 'name', 'phone_number', 'pubsub_token', 'source_id']);
      await agent(other, 'POST', '/config', { contact_update_shape: 'full' });
      await agent(other, 'POST', '/reset');
      expect((await agent(other, 'GET', '/config')).json.contact_update_shape).toBe('session');
    } finally {
      await other.close();
    }
  });
});
