// /cable events with a raw ws client: every event a contact receives, who receives it, and subscription edges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/server';
import { agent, client, contactWithConversation, expectComponent, identifierFor, RawCable, sleep, withSandbox } from './helpers';

let sb: Sandbox;
beforeAll(async () => (sb = await withSandbox()));
afterAll(() => sb.close());

const session = () => contactWithConversation(sb);

describe('ActionCable events', () => {
  it('delivers every event a contact receives, with the contract\'s shapes', async () => {
    const c = client(sb);
    const s = await c.contact({ name: 'Events' });
    const cable = new RawCable(sb);
    expect((await cable.subscribe(s.pubsub_token)).type).toBe('confirm_subscription');
    const conv = await c.conversation(s.source_id, { page_url: 'https://example.com/x' });
    const created = await cable.waitForEvent('conversation.created');
    expect(created).toMatchObject({ id: conv.id, status: 'open', messages: [], custom_attributes: { page_url: 'https://example.com/x' }, channel: 'Channel::Api', account_id: 1,
      meta: { sender: { type: 'contact', id: s.id }, assignee: null, hmac_verified: false }, contact_inbox: { source_id: s.source_id, pubsub_token: s.pubsub_token } });
    expect(typeof created.updated_at).toBe('number');
    const base = `/contacts/${s.source_id}/conversations/${conv.id}`;

    // Own message comes back with echo_id.
    const posted = await c.call('POST', `${base}/messages`, { content: 'mine', echo_id: 'echo-42' });
    const own = await cable.waitForEvent('message.created', (d) => d.id === posted.json.id);
    expect(own).toMatchObject({ echo_id: 'echo-42', message_type: 0, status: 'sent', private: false, sender_type: 'Contact', inbox_id: 1,
      conversation: { contact_inbox: { source_id: s.source_id } } });
    expect(own.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expectComponent('public_message', own);

    // Typing from the agent.
    await agent(sb, 'POST', `/conversations/${conv.id}/typing`, { status: 'on' });
    const on = await cable.waitForEvent('conversation.typing_on');
    expect(on).toMatchObject({ is_private: false, user: { type: 'user', available_name: 'Alex' }, conversation: { id: conv.id }, account_id: 1 });
    await agent(sb, 'POST', `/conversations/${conv.id}/typing`, { status: 'off' });
    await cable.waitForEvent('conversation.typing_off');

    // Agent reply, then update_last_seen marks it read and sends conversation.read.
    const reply = (await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { content: 'reply' })).json;
    await cable.waitForEvent('message.created', (d) => d.id === reply.id);
    expect((await c.call('POST', `${base}/update_last_seen`)).status).toBe(200);
    const read = await cable.waitForEvent('message.updated', (d) => d.id === reply.id);
    expect(read).toMatchObject({ status: 'read', previous_changes: { status: ['sent', 'read'] } });
    expect((await cable.waitForEvent('conversation.read')).id).toBe(conv.id);

    // Interactive message answered.
    const sel = (await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { content: 'Pick', content_type: 'input_select', content_attributes: { items: [{ title: 'A', value: 'a' }] } })).json;
    await c.call('PATCH', `${base}/messages/${sel.id}`, { submitted_values: [{ title: 'A', value: 'a' }] });
    const answered = await cable.waitForEvent('message.updated', (d) => d.id === sel.id);
    expect(answered.content_attributes.submitted_values).toEqual([{ title: 'A', value: 'a' }]);

    // Resolve by the contact, reopen by a new message, agent status changes.
    await c.call('POST', `${base}/toggle_status`);
    expect((await cable.waitForEvent('conversation.status_changed', (d) => d.status === 'resolved')).id).toBe(conv.id);
    await cable.waitForEvent('conversation.updated', (d) => d.status === 'resolved');
    await c.call('POST', `${base}/messages`, { content: 'again' });
    await cable.waitForEvent('conversation.status_changed', (d) => d.status === 'open');
    await agent(sb, 'POST', `/conversations/${conv.id}/status`, { status: 'pending' });
    const pending = await cable.waitForEvent('conversation.updated', (d) => d.status === 'pending');
    expect(pending.messages).toHaveLength(1);
    expect(pending.meta.assignee).toMatchObject({ type: 'user' });

    // Private notes and the contact's own typing never reach the contact.
    await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { content: 'secret', private: true });
    await c.call('POST', `${base}/toggle_typing`, { typing_status: 'on' });
    await sleep(100);
    expect(cable.events('message.created').some((e) => e.data.content === 'secret')).toBe(false);
    expect(cable.events('conversation.typing_on')).toHaveLength(1);
    cable.close();
  });

  it('delivers to every socket subscribed with the token, and to all verified sessions of a verified person', async () => {
    const c = client(sb, 'demo-hmac-inbox');
    const { identifierHash } = await import('./helpers');
    const id = { identifier: 'multi', identifier_hash: identifierHash('demo-hmac-token', 'multi') };
    const a = await c.contact(id);
    const b = await c.contact(id);
    const q = `?identifier=multi&identifier_hash=${id.identifier_hash}`;
    await c.call('GET', `/contacts/${a.source_id}${q}`);
    await c.call('GET', `/contacts/${b.source_id}${q}`);
    const conv = await c.conversation(a.source_id);
    const sockets = [new RawCable(sb), new RawCable(sb), new RawCable(sb)];
    await sockets[0].subscribe(a.pubsub_token);
    await sockets[1].subscribe(a.pubsub_token);
    await sockets[2].subscribe(b.pubsub_token);
    await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { content: 'to all' });
    for (const s of sockets) {
      await s.waitForEvent('message.created', (d) => d.content === 'to all');
      expect(s.events('message.created')).toHaveLength(1);
      s.close();
    }
  });

  it('rejects a subscribe for another channel, ignores a repeat subscribe, and a rejected one can retry', async () => {
    const { s } = await session();
    const cable = new RawCable(sb);
    const other = JSON.stringify({ channel: 'NotificationChannel', pubsub_token: s.pubsub_token });
    cable.send({ command: 'subscribe', identifier: other });
    await cable.waitFor((f) => f.identifier === other && f.type === 'reject_subscription');
    const unknown = identifierFor('no-such-token');
    cable.send({ command: 'subscribe', identifier: unknown });
    await cable.waitFor((f) => f.identifier === unknown && f.type === 'reject_subscription');
    cable.send({ command: 'subscribe', identifier: unknown }); // a rejected identifier may be tried again
    await cable.waitFor((f) => f.identifier === unknown && f.type === 'reject_subscription' && cable.frames.filter((x) => x.identifier === unknown).length === 2);
    await cable.subscribe(s.pubsub_token);
    cable.send({ command: 'subscribe', identifier: identifierFor(s.pubsub_token) });
    await sleep(100);
    expect(cable.frames.filter((f) => f.type === 'confirm_subscription')).toHaveLength(1);
    cable.close();
  });

  it('with silent_unknown_token, later subscribes with the same identifier are ignored on that socket', async () => {
    await agent(sb, 'POST', '/faults', { silent_unknown_token: true });
    const cable = new RawCable(sb);
    await cable.opened;
    const identifier = identifierFor('unknown-token');
    cable.send({ command: 'subscribe', identifier });
    cable.send({ command: 'subscribe', identifier });
    await agent(sb, 'POST', '/faults', { silent_unknown_token: false });
    cable.send({ command: 'subscribe', identifier });
    await sleep(200);
    expect(cable.frames.filter((f) => f.identifier)).toEqual([]);
    cable.close();
  });

  it('a plain GET /cable is 404 Page not found', async () => {
    const res = await fetch(`${sb.url}/cable`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('Page not found');
  });
});
