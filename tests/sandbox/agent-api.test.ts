// The agent side (/sandbox/api) and the console page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/server';
import { agent, client, NOT_FOUND, RawCable, withSandbox } from './helpers';

let sb: Sandbox;
beforeAll(async () => (sb = await withSandbox()));
afterAll(() => sb.close());

describe('agent API', () => {
  it('lists every conversation of every inbox with contact, custom_attributes, all messages and inbox_identifier', async () => {
    const open = client(sb);
    const s = await open.contact({ name: 'Listed' });
    const conv = await open.conversation(s.source_id, { page_url: 'https://a.example', page_title: 'A' });
    await open.call('POST', `/contacts/${s.source_id}/conversations/${conv.id}/messages`, { content: 'hi' });
    await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { content: 'note', private: true });
    const list = await agent(sb, 'GET', '/conversations');
    expect(list.status).toBe(200);
    const mine = list.json.find((c: { id: number }) => c.id === conv.id);
    expect(mine).toMatchObject({ inbox_identifier: 'demo-inbox', status: 'open', custom_attributes: { page_url: 'https://a.example', page_title: 'A' }, contact: { name: 'Listed' } });
    expect(mine.messages.map((m: { content: string; private: boolean }) => [m.content, m.private])).toEqual([['hi', false], ['note', true]]);
  });

  it('reply: 404 for an unknown conversation, 422 for bad input; CSAT and input_select replies', async () => {
    expect((await agent(sb, 'POST', '/conversations/9999/messages', { content: 'x' })).json).toEqual(NOT_FOUND);
    const c = client(sb);
    const s = await c.contact();
    const conv = await c.conversation(s.source_id);
    expect((await agent(sb, 'POST', `/conversations/${conv.id}/messages`, {})).status).toBe(422);
    const csat = await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { content: 'Rate us', content_type: 'input_csat' });
    expect(csat.json).toMatchObject({ content_type: 'input_csat', message_type: 1, sender: { type: 'user' } });
    const items = [{ title: 'Yes', value: 'y' }];
    const sel = await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { content: 'Ok?', content_type: 'input_select', content_attributes: { items } });
    expect(sel.json.content_attributes).toEqual({ items });
    const bad = await fetch(`${sb.url}/sandbox/api/conversations/${conv.id}/messages`, { method: 'POST', body: '{nope' });
    expect(bad.status).toBe(400);
  });

  it('typing and status validate their input; status answers the conversation', async () => {
    const c = client(sb);
    const s = await c.contact();
    const conv = await c.conversation(s.source_id);
    expect((await agent(sb, 'POST', `/conversations/${conv.id}/typing`, { status: 'maybe' })).status).toBe(422);
    expect((await agent(sb, 'POST', `/conversations/${conv.id}/status`, { status: 'snoozed' })).status).toBe(422);
    expect((await agent(sb, 'POST', '/conversations/9999/status', { status: 'open' })).status).toBe(404);
    const resolved = await agent(sb, 'POST', `/conversations/${conv.id}/status`, { status: 'resolved' });
    expect(resolved.json.status).toBe('resolved');
    expect((await c.call('GET', `/contacts/${s.source_id}/conversations/${conv.id}`)).json.status).toBe('resolved');
    expect(resolved.json.messages.at(-1)).toMatchObject({ message_type: 2, content: 'Conversation was resolved by Alex from Support' });
  });

  it('presence changes availability_status and pushes presence.update', async () => {
    const c = client(sb);
    const s = await c.contact();
    const cable = new RawCable(sb);
    await cable.subscribe(s.pubsub_token);
    expect((await agent(sb, 'POST', '/presence', { online: 'yes' })).status).toBe(422);
    expect((await agent(sb, 'POST', '/presence', { online: false })).json).toEqual({ online: false });
    await cable.waitForEvent('presence.update', (d) => Object.keys(d.users).length === 0);
    const conv = await c.conversation(s.source_id);
    const reply = await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { content: 'away' });
    expect(reply.json.sender.availability_status).toBe('offline');
    await agent(sb, 'POST', '/presence', { online: true });
    expect((await agent(sb, 'GET', '/presence')).json).toEqual({ online: true });
    cable.close();
  });

  it('reset clears contacts, conversations and faults but keeps the inboxes', async () => {
    const c = client(sb);
    const s = await c.contact();
    await c.conversation(s.source_id);
    await agent(sb, 'POST', '/faults', { stop_pings: true });
    expect((await agent(sb, 'POST', '/reset')).status).toBe(200);
    expect((await agent(sb, 'GET', '/conversations')).json).toEqual([]);
    expect((await agent(sb, 'GET', '/faults')).json.stop_pings).toBe(false);
    expect((await c.call('GET', `/contacts/${s.source_id}`)).status).toBe(404);
    expect((await c.call('GET', '')).status).toBe(200);
    expect((await client(sb, 'demo-hmac-inbox').call('GET', '')).status).toBe(200);
    expect((await agent(sb, 'GET', '/nothing')).status).toBe(404);
  });
});

describe('agent console', () => {
  it('serves the page, its scripts, the avatars and the sample files', async () => {
    const page = await fetch(`${sb.url}/sandbox/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('console.js');
    const files = [
      ['/sandbox/console.js', 'text/javascript'], ['/sandbox/render.js', 'text/javascript'], ['/sandbox/rich.js', 'text/javascript'],
      ['/sandbox/compose.js', 'text/javascript'], ['/sandbox/faults.js', 'text/javascript'], ['/sandbox/console.css', 'text/css'],
      ['/sandbox/avatar.svg', 'image/svg+xml'], ['/sandbox/bot.svg', 'image/svg+xml'], ['/sandbox/captain.svg', 'image/svg+xml'],
      ['/sandbox/samples/image', 'image/png'], ['/sandbox/samples/pdf', 'application/pdf'], ['/sandbox/samples/audio', 'audio/wav'],
      ['/sandbox/samples/video', 'video/webm'],
    ];
    for (const [path, type] of files) {
      const r = await fetch(sb.url + path);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(new RegExp('^' + type.replace('+', '\\+')));
    }
    const redirect = await fetch(`${sb.url}/sandbox`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect((await fetch(`${sb.url}/sandbox/samples/spreadsheet`)).status).toBe(404);
  });
});
