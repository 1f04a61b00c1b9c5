// Contract tests, part 2: conversations and messages, success and error paths, bodies validated against
// client_swagger.json (with the overlay), statuses and error bodies against client-api.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/server';
import { agent, client, expectSchema, NOT_FOUND, withSandbox } from './helpers';

let sb: Sandbox;
beforeAll(async () => (sb = await withSandbox()));
afterAll(() => sb.close());

const C = '/contacts';
const CONVS = '/contacts/{contact_identifier}/conversations';
const CONV = `${CONVS}/{conversation_id}`;
const MSGS = `${CONV}/messages`;

describe('conversations', () => {
  it('create (with custom_attributes), index, show', async () => {
    const c = client(sb);
    const s = await c.contact({ name: 'Dan' });
    const created = await c.call('POST', `${C}/${s.source_id}/conversations`, { custom_attributes: { page_url: 'https://shop.example/cart', page_title: 'Cart' } });
    expect(created.status).toBe(200);
    expectSchema('POST', CONVS, created.json);
    expect(created.json).toMatchObject({ status: 'open', messages: [], inbox_id: 1, contact_last_seen_at: 0, agent_last_seen_at: 0, contact: { id: s.id, name: 'Dan' } });
    expect(created.json).not.toHaveProperty('custom_attributes');
    const list = await c.call('GET', `${C}/${s.source_id}/conversations`);
    expect(list.status).toBe(200);
    expectSchema('GET', CONVS, list.json);
    expect(list.json).toHaveLength(1);
    const shown = await c.call('GET', `${C}/${s.source_id}/conversations/${created.json.id}`);
    expectSchema('GET', CONV, shown.json);
    expect(shown.json.uuid).toBe(created.json.uuid);
    const agentView = (await agent(sb, 'GET', '/conversations')).json.find((x: { id: number }) => x.id === created.json.id);
    expect(agentView.custom_attributes).toEqual({ page_url: 'https://shop.example/cart', page_title: 'Cart' });
    const empty = await c.call('GET', `${C}/${(await c.contact()).source_id}/conversations`);
    expect(empty.json).toEqual([]);
  });

  it('unknown conversation or contact is 404; over-long custom attribute is 422', async () => {
    const c = client(sb);
    const s = await c.contact();
    for (const [m, p] of [
      ['GET', `${C}/${s.source_id}/conversations/99999`], ['POST', `${C}/${s.source_id}/conversations/99999/toggle_status`],
      ['POST', `${C}/${s.source_id}/conversations/99999/toggle_typing`], ['POST', `${C}/${s.source_id}/conversations/99999/update_last_seen`],
      ['GET', `${C}/${s.source_id}/conversations/99999/messages`], ['POST', `${C}/${s.source_id}/conversations/99999/messages`],
      ['POST', `${C}/nobody/conversations`], ['GET', `${C}/nobody/conversations`],
    ] as const) {
      const r = await c.call(m, p, m === 'POST' ? { content: 'x' } : undefined);
      expect(r.status, `${m} ${p}`).toBe(404);
      expect(r.json).toEqual(NOT_FOUND);
    }
    const other = await c.contact();
    const conv = await c.conversation(other.source_id);
    expect((await c.call('GET', `${C}/${s.source_id}/conversations/${conv.id}`)).status).toBe(404);
    const long = await c.call('POST', `${C}/${s.source_id}/conversations`, { custom_attributes: { page_title: 'x'.repeat(1501) } });
    expect(long.status).toBe(422);
    expect(long.json).toEqual({ message: 'Custom attributes page_title length should be < 1500', attributes: ['custom_attributes'] });
  });

  it('toggle_status resolves (only); toggle_typing and update_last_seen answer 200 with an empty JSON body', async () => {
    const c = client(sb);
    const s = await c.contact();
    const conv = await c.conversation(s.source_id);
    const base = `${C}/${s.source_id}/conversations/${conv.id}`;
    const resolved = await c.call('POST', `${base}/toggle_status`);
    expect(resolved.status).toBe(200);
    expectSchema('POST', `${CONV}/toggle_status`, resolved.json);
    expect(resolved.json.status).toBe('resolved');
    expect((await c.call('POST', `${base}/toggle_status`)).json.status).toBe('resolved');
    for (const path of [`${base}/toggle_typing`, `${base}/update_last_seen`]) {
      const r = await c.call('POST', path, path.endsWith('typing') ? { typing_status: 'on' } : undefined);
      expect(r.status).toBe(200);
      expect(r.text).toBe('');
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    }
    const after = await c.call('GET', base);
    expect(after.json.contact_last_seen_at).toBeGreaterThan(Date.now() / 1000 - 5);
  });
});

describe('messages', () => {
  it('create (JSON) answers a type-0 message without echo_id; a customer message reopens a resolved conversation', async () => {
    const c = client(sb);
    const s = await c.contact({ name: 'Eve' });
    const conv = await c.conversation(s.source_id);
    const base = `${C}/${s.source_id}/conversations/${conv.id}`;
    await c.call('POST', `${base}/toggle_status`);
    const r = await c.call('POST', `${base}/messages`, { content: 'Hi <b>&</b>', echo_id: 'echo-1' });
    expect(r.status).toBe(200);
    expectSchema('POST', MSGS, r.json);
    expect(r.json).toMatchObject({ content: 'Hi <b>&</b>', message_type: 0, content_type: 'text', content_attributes: {}, conversation_id: conv.id, sender: { type: 'contact', id: s.id } });
    expect(r.json).not.toHaveProperty('echo_id');
    expect(r.json).not.toHaveProperty('attachments');
    expect(Number.isInteger(r.json.created_at)).toBe(true);
    expect((await c.call('GET', base)).json.status).toBe('open');
  });

  it('create (multipart) stores attachments, served at data_url and thumb_url', async () => {
    const c = client(sb);
    const s = await c.contact();
    const conv = await c.conversation(s.source_id);
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const form = new FormData();
    form.append('content', 'two files');
    form.append('echo_id', 'e-2');
    form.append('attachments[]', new Blob([png], { type: 'image/png' }), 'dot.png');
    form.append('attachments[]', new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: 'image/svg+xml' }), 'pic.svg');
    const r = await c.call('POST', `${C}/${s.source_id}/conversations/${conv.id}/messages`, form);
    expect(r.status).toBe(200);
    expectSchema('POST', MSGS, r.json);
    const [img, svg] = r.json.attachments;
    expect(img).toMatchObject({ file_type: 'image', message_id: r.json.id, account_id: 1, file_size: png.length });
    expect(svg).toMatchObject({ file_type: 'file', thumb_url: '' });
    for (const url of [img.data_url, img.thumb_url]) {
      expect(url.startsWith(sb.url + '/')).toBe(true);
      const got = await fetch(url);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await got.arrayBuffer())).toEqual(png);
    }
    const only = new FormData();
    only.append('attachments[]', new Blob(['hello'], { type: 'text/plain' }), 'a.txt');
    const noText = await c.call('POST', `${C}/${s.source_id}/conversations/${conv.id}/messages`, only);
    expect(noText.status).toBe(200);
    expect(noText.json.content).toBeNull();
    expectSchema('POST', MSGS, noText.json);
    expect((await fetch(sb.url + '/rails/active_storage/blobs/redirect/nope/x.png')).status).toBe(404);
  });

  it('index pages 20 at a time, oldest first, with before', async () => {
    const c = client(sb);
    const s = await c.contact();
    const conv = await c.conversation(s.source_id);
    const path = `${C}/${s.source_id}/conversations/${conv.id}/messages`;
    for (let i = 1; i <= 45; i++) await c.call('POST', path, { content: `m${i}` });
    const latest = await c.call('GET', path);
    expect(latest.status).toBe(200);
    expectSchema('GET', MSGS, latest.json);
    expect(latest.json.map((m: { content: string }) => m.content)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i + 26}`));
    const older = await c.call('GET', `${path}?before=${latest.json[0].id}`);
    expect(older.json.map((m: { content: string }) => m.content)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i + 6}`));
    const oldest = await c.call('GET', `${path}?before=${older.json[0].id}`);
    expect(oldest.json).toHaveLength(5);
    expect((await c.call('GET', `${path}?before=abc`)).json).toEqual([]);
    const whole = await c.call('GET', `${C}/${s.source_id}/conversations/${conv.id}`);
    expect(whole.json.messages).toHaveLength(45);
  });

  it('private notes are not listed; agent replies carry a user sender', async () => {
    const c = client(sb);
    const s = await c.contact();
    const conv = await c.conversation(s.source_id);
    await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { content: 'internal', private: true });
    await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { content: 'Hello from support' });
    const list = await c.call('GET', `${C}/${s.source_id}/conversations/${conv.id}/messages`);
    expectSchema('GET', MSGS, list.json);
    expect(list.json).toHaveLength(1);
    expect(list.json[0]).toMatchObject({ message_type: 1, sender: { type: 'user', name: 'Alex from Support', available_name: 'Alex', availability_status: 'online' } });
    const avatar = await fetch(list.json[0].sender.avatar_url);
    expect(avatar.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('update sets submitted_values (input_select and CSAT); unknown message is 404', async () => {
    const c = client(sb);
    const s = await c.contact();
    const conv = await c.conversation(s.source_id);
    const items = [{ title: 'Billing', value: 'billing' }, { title: 'Other', value: 'other' }];
    const select = (await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { content: 'Pick', content_type: 'input_select', content_attributes: { items } })).json;
    const csat = (await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { content: 'Rate us', content_type: 'input_csat' })).json;
    const path = `${C}/${s.source_id}/conversations/${conv.id}/messages`;
    const r = await c.call('PATCH', `${path}/${select.id}`, { submitted_values: [items[0]] });
    expect(r.status).toBe(200);
    expectSchema('PATCH', `${MSGS}/{message_id}`, r.json);
    expect(r.json.content_attributes).toEqual({ items, submitted_values: [items[0]] });
    const rated = await c.call('PUT', `${path}/${csat.id}`, { submitted_values: { csat_survey_response: { rating: 5, feedback_message: 'Thanks' } } });
    expectSchema('PATCH', `${MSGS}/{message_id}`, rated.json);
    expect(rated.json).toMatchObject({ content_type: 'input_csat', message_type: 1, content_attributes: { submitted_values: { csat_survey_response: { rating: 5 } } } });
    const missing = await c.call('PATCH', `${path}/999999`, { submitted_values: [] });
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual(NOT_FOUND);
  });

  it('422: no content and no attachment; content over 150,000 characters', async () => {
    const c = client(sb);
    const s = await c.contact();
    const conv = await c.conversation(s.source_id);
    const path = `${C}/${s.source_id}/conversations/${conv.id}/messages`;
    for (const body of [{}, { content: '' }, { echo_id: 'x' }]) {
      const r = await c.call('POST', path, body);
      expect(r.status).toBe(422);
      expect(r.json).toEqual({ message: "Content can't be blank", attributes: ['content'] });
    }
    const long = await c.call('POST', path, { content: 'x'.repeat(150_001) });
    expect(long.status).toBe(422);
    expect(long.json).toEqual({ message: 'Content is too long (maximum is 150000 characters)', attributes: ['content'] });
    expect((await c.call('POST', path, { content: 'x'.repeat(150_000) })).status).toBe(200);
  });
});
