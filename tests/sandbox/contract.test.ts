// Contract tests, part 1: the inbox, contacts, HMAC identity and CORS, bodies validated against
// client_swagger.json (with the overlay), statuses and error bodies against client-api.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/server';
import { client, expectComponent, expectSchema, identifierHash, NOT_FOUND, SERVER_ERROR, withSandbox } from './helpers';

let sb: Sandbox;
beforeAll(async () => (sb = await withSandbox()));
afterAll(() => sb.close());

const C = '/contacts';
const ONE = '/contacts/{contact_identifier}';
const CONVS = `${ONE}/conversations`;

describe('inbox', () => {
  it('GET the base answers the inbox', async () => {
    const r = await client(sb).call('GET', '');
    expect(r.status).toBe(200);
    expectComponent('public_inbox', r.json);
    expect(r.json).toMatchObject({ identifier: 'demo-inbox', identity_validation_enabled: false, timezone: 'UTC' });
    expect(r.json.working_hours).toHaveLength(7);
    const h = await client(sb, 'demo-hmac-inbox').call('GET', '');
    expect(h.json.identity_validation_enabled).toBe(true);
  });

  it('an unknown inbox is 404 on every route', async () => {
    const c = client(sb, 'no-such-inbox');
    for (const [m, p] of [['GET', ''], ['POST', C], ['GET', `${C}/x`], ['GET', `${C}/x/conversations`]] as const) {
      const r = await c.call(m, p, m === 'POST' ? {} : undefined);
      expect(r.status).toBe(404);
      expect(r.json).toEqual(NOT_FOUND);
      expect(r.headers.get('access-control-allow-origin')).toBe('*');
    }
  });
});

describe('contacts', () => {
  it('POST creates a session; a nameless contact gets a generated name', async () => {
    const r = await client(sb).call('POST', C, { name: 'Alice', email: 'alice@example.com', phone_number: '+14155550100' });
    expect(r.status).toBe(200);
    expectSchema('POST', C, r.json);
    expect(Object.keys(r.json).sort()).toEqual(['email', 'id', 'name', 'phone_number', 'pubsub_token', 'source_id']);
    expect(r.json).toMatchObject({ name: 'Alice', email: 'alice@example.com', phone_number: '+14155550100' });
    expect(r.json.pubsub_token).toMatch(/^[1-9A-HJ-NP-Za-km-z]{24}$/);
    const anon = await client(sb).call('POST', C, {});
    expectSchema('POST', C, anon.json);
    expect(anon.json.name).toMatch(/^[a-z]+-[a-z]+-\d{3}$/);
    expect(anon.json).toMatchObject({ email: null, phone_number: null });
  });

  it('POST always makes a new source_id and reuses a contact with the same identifier', async () => {
    const a = await client(sb).call('POST', C, { identifier: 'same-person', name: 'P' });
    const b = await client(sb).call('POST', C, { identifier: 'same-person', name: 'Other name' });
    expect(b.json.id).toBe(a.json.id);
    expect(b.json.name).toBe('P');
    expect(b.json.source_id).not.toBe(a.json.source_id);
    expect(b.json.pubsub_token).not.toBe(a.json.pubsub_token);
  });

  it('GET shows the session; unknown source is 404', async () => {
    const c = client(sb);
    const s = await c.contact({ name: 'Bob' });
    const r = await c.call('GET', `${C}/${s.source_id}`);
    expect(r.status).toBe(200);
    expectSchema('GET', ONE, r.json);
    expect(r.json).toEqual({ ...s });
    const missing = await c.call('GET', `${C}/nope`);
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual(NOT_FOUND);
  });

  it('PATCH answers the contact record (no source_id/pubsub_token), deep-merges custom_attributes', async () => {
    const c = client(sb);
    const s = await c.contact({ name: 'Carol', custom_attributes: { plan: { tier: 'free', seats: 1 } } });
    const r = await c.call('PATCH', `${C}/${s.source_id}`, { name: 'Carol D', email: 'carol@example.com', custom_attributes: { plan: { tier: 'pro' } } });
    expect(r.status).toBe(200);
    expectSchema('PATCH', ONE, r.json);
    expect(r.json).not.toHaveProperty('source_id');
    expect(r.json).not.toHaveProperty('pubsub_token');
    expect(r.json).toMatchObject({ id: s.id, name: 'Carol D', email: 'carol@example.com', contact_type: 'lead', custom_attributes: { plan: { tier: 'pro', seats: 1 } } });
    expect(typeof r.json.created_at).toBe('string');
    const put = await c.call('PUT', `${C}/${s.source_id}`, { name: '' }); // blank values are ignored
    expect(put.json.name).toBe('Carol D');
    expect((await c.call('PATCH', `${C}/missing`, { name: 'x' })).status).toBe(404);
  });

  it('422 validations: email, phone E.164, name over 255, custom attribute over 1,500', async () => {
    const c = client(sb);
    const cases: [Record<string, unknown>, unknown][] = [
      [{ email: 'not-an-email' }, { message: 'Email Invalid email', attributes: ['email'] }],
      [{ phone_number: '0123' }, { message: 'Phone number should be in e164 format', attributes: ['phone_number'] }],
      [{ name: 'x'.repeat(256) }, { message: 'Name is too long (maximum is 255 characters)', attributes: ['name'] }],
      [{ custom_attributes: { note: 'y'.repeat(1501) } }, { message: 'Custom attributes note length should be < 1500', attributes: ['custom_attributes'] }],
    ];
    for (const [body, error] of cases) {
      const r = await c.call('POST', C, body);
      expect(r.status).toBe(422);
      expect(r.json).toEqual(error);
    }
    const both = await c.call('POST', C, { email: 'bad', phone_number: '12' });
    expect(both.json).toEqual({ message: 'Email Invalid email, Phone number should be in e164 format', attributes: ['email', 'phone_number'] });
    const s = await c.contact();
    const patch = await c.call('PATCH', `${C}/${s.source_id}`, { email: 'bad@' });
    expect(patch.status).toBe(422);
    expect(patch.json).toEqual({ message: 'Email Invalid email', attributes: ['email'] });
  });
});

describe('HMAC identity', () => {
  it('matches the test vector of client-api.md', () => {
    expect(identifierHash('Wfk3Q6mNp8LrT2xVbZ4cH9dS', 'user-42')).toBe('dba89845aeda781c90b3eacb68c50c21b05b8ebe9c0e066d88168bc0e3258ec2');
  });

  it('the enforcing inbox answers 500 without, or with a wrong, hash; accepts a right one', async () => {
    const c = client(sb, 'demo-hmac-inbox');
    const hash = identifierHash('demo-hmac-token', 'user-1');
    for (const body of [{}, { identifier: 'user-1' }, { identifier: 'user-1', identifier_hash: 'bad' }, { identifier: 'user-1', identifier_hash: hash.toUpperCase() }]) {
      const r = await c.call('POST', C, body);
      expect(r.status).toBe(500);
      expect(r.json).toEqual(SERVER_ERROR);
    }
    const ok = await c.call('POST', C, { identifier: 'user-1', identifier_hash: hash, name: 'Verified' });
    expect(ok.status).toBe(200);
    expectSchema('POST', C, ok.json);
    const q = `identifier=user-1&identifier_hash=${hash}`;
    expect((await c.call('GET', `${C}/${ok.json.source_id}`)).status).toBe(500);
    expect((await c.call('GET', `${C}/${ok.json.source_id}?identifier=user-1&identifier_hash=00`)).json).toEqual(SERVER_ERROR);
    const shown = await c.call('GET', `${C}/${ok.json.source_id}?${q}`);
    expect(shown.status).toBe(200);
    expect((await c.call('PATCH', `${C}/${ok.json.source_id}`, { name: 'N' })).status).toBe(500);
    const patched = await c.call('PATCH', `${C}/${ok.json.source_id}`, { name: 'N', identifier: 'user-1', identifier_hash: hash });
    expect(patched.status).toBe(200);
    expect(patched.json.identifier).toBe('user-1');
    // Conversation and message routes never check HMAC: the source_id is the credential.
    expect((await c.call('GET', `${C}/${ok.json.source_id}/conversations`)).status).toBe(200);
  });

  it('an open inbox checks a hash only when one is sent', async () => {
    const c = client(sb);
    expect((await c.call('POST', C, { identifier: 'u', identifier_hash: 'wrong' })).status).toBe(500);
    const s = await c.contact({ identifier: 'u2' });
    expect((await c.call('GET', `${C}/${s.source_id}?identifier=u2&identifier_hash=nope`)).status).toBe(500);
  });

  it('a verified session lists all of the person\'s conversations; an unverified one only its own', async () => {
    const c = client(sb, 'demo-hmac-inbox');
    const hash = identifierHash('demo-hmac-token', 'person-7');
    const id = { identifier: 'person-7', identifier_hash: hash };
    const s1 = await c.contact(id);
    const s2 = await c.contact(id);
    expect(s2.id).toBe(s1.id);
    const c1 = await c.conversation(s1.source_id);
    const c2 = await c.conversation(s2.source_id);
    const own = await c.call('GET', `${C}/${s2.source_id}/conversations`);
    expect(own.json.map((x: { id: number }) => x.id)).toEqual([c2.id]);
    expect((await c.call('GET', `${C}/${s2.source_id}/conversations/${c1.id}`)).status).toBe(404);
    await c.call('GET', `${C}/${s2.source_id}?identifier=person-7&identifier_hash=${hash}`); // verifies s2
    const all = await c.call('GET', `${C}/${s2.source_id}/conversations`);
    expectSchema('GET', CONVS, all.json);
    expect(all.json.map((x: { id: number }) => x.id).sort()).toEqual([c1.id, c2.id].sort());
    expect((await c.call('GET', `${C}/${s2.source_id}/conversations/${c1.id}`)).status).toBe(200);
  });
});

describe('CORS', () => {
  it('answers preflight with the allowed methods and requested headers', async () => {
    const res = await fetch(`${client(sb).base}/contacts`, {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'content-type,x-trace' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, PATCH, DELETE, OPTIONS');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type,x-trace');
  });

  it('sends Access-Control-Allow-Origin on successes and errors', async () => {
    const c = client(sb);
    expect((await c.call('GET', '')).headers.get('access-control-allow-origin')).toBe('*');
    expect((await c.call('GET', '/contacts/nope')).headers.get('access-control-allow-origin')).toBe('*');
    expect((await c.call('POST', '/contacts', '{broken')).headers.get('access-control-allow-origin')).toBe('*');
  });
});
