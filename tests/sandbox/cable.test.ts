// /cable with the real @rails/actioncable client, and the ActionCable protocol with a raw ws client.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Sandbox } from '../../sandbox/server';
import { agent, contactWithConversation, expectComponent, RawCable, sleep, withSandbox } from './helpers';

// @rails/actioncable ships no types; load its UMD build untyped.
const ActionCable = createRequire(import.meta.url)('@rails/actioncable') as any; // eslint-disable-line @typescript-eslint/no-explicit-any

// In Node: the WebSocket comes from `ws`; ConnectionMonitor registers a visibilitychange listener on the global.
ActionCable.adapters.WebSocket = WebSocket;
ActionCable.adapters.logger = { log() {} };
const g = globalThis as unknown as Record<string, unknown>;
g.addEventListener ??= () => {};
g.removeEventListener ??= () => {};

let sb: Sandbox;
beforeAll(async () => (sb = await withSandbox()));
afterAll(() => sb.close());

const session = () => contactWithConversation(sb);

function consumerFor(token: string) {
  const consumer = ActionCable.createConsumer(sb.url.replace(/^http/, 'ws') + '/cable');
  const received: any[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  const status = { connected: false, rejected: false };
  consumer.subscriptions.create(
    { channel: 'RoomChannel', pubsub_token: token },
    {
      connected: () => (status.connected = true),
      rejected: () => (status.rejected = true),
      received: (data: unknown) => received.push(data),
    },
  );
  return { consumer, received, status };
}

async function until(cond: () => boolean, timeoutMs = 4000) {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await sleep(10);
  }
}

describe('@rails/actioncable client', () => {
  it('subscribes with a pubsub_token and receives an agent reply', async () => {
    const { s, conv } = await session();
    const { consumer, received, status } = consumerFor(s.pubsub_token);
    try {
      await until(() => status.connected);
      await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { content: 'Hello from the agent' });
      await until(() => received.some((r) => r.event === 'message.created'));
      const ev = received.find((r) => r.event === 'message.created');
      expect(ev.data).toMatchObject({ content: 'Hello from the agent', message_type: 1, conversation_id: conv.id, sender_type: 'User', private: false, account_id: 1 });
      expect(ev.data.performer).toMatchObject({ type: 'user', name: 'Alex from Support' });
      expectComponent('public_message', ev.data);
    } finally {
      consumer.disconnect();
    }
  });

  it('a wrong token gets reject_subscription', async () => {
    const { consumer, status } = consumerFor('not-a-real-token');
    try {
      await until(() => status.rejected);
      expect(status.connected).toBe(false);
    } finally {
      consumer.disconnect();
    }
  });

  it('with silent_unknown_token a wrong token gets no answer at all', async () => {
    await agent(sb, 'POST', '/faults', { silent_unknown_token: true });
    const { consumer, status } = consumerFor('still-not-real');
    try {
      await sleep(1500); // the SubscriptionGuarantor resends subscribe meanwhile
      expect(status).toEqual({ connected: false, rejected: false });
    } finally {
      consumer.disconnect();
      await agent(sb, 'DELETE', '/faults');
    }
  });
});

describe('ActionCable protocol', () => {
  it('negotiates actioncable-v1-json, welcomes, and works without a subprotocol too', async () => {
    const cable = new RawCable(sb);
    await cable.opened;
    expect(cable.ws.protocol).toBe('actioncable-v1-json');
    expect(await cable.waitFor((f) => f.type === 'welcome')).toEqual({ type: 'welcome' });
    cable.close();
    const bare = new RawCable(sb, []);
    await bare.opened;
    expect(bare.ws.protocol).toBe('');
    await bare.waitFor((f) => f.type === 'welcome');
    bare.close();
  });

  it('pings every 3 s with unix seconds', async () => {
    const cable = new RawCable(sb);
    const ping = await cable.waitFor((f) => f.type === 'ping', 3500);
    const first = Date.now();
    expect(Math.abs(ping.message - Date.now() / 1000)).toBeLessThan(5);
    await cable.waitFor((f) => f.type === 'ping' && f !== ping, 3500);
    expect(Date.now() - first).toBeGreaterThan(2500);
    cable.close();
  });

  it('confirm echoes the exact identifier; presence on subscribe and update_presence; unsubscribe stops events', async () => {
    const { s, conv } = await session();
    const cable = new RawCable(sb);
    // Unusual spacing: the identifier must come back byte for byte.
    const identifier = `{"channel": "RoomChannel",  "pubsub_token": "${s.pubsub_token}"}`;
    cable.send({ command: 'subscribe', identifier });
    expect(await cable.waitFor((f) => f.type === 'confirm_subscription')).toEqual({ identifier, type: 'confirm_subscription' });
    expect(await cable.waitForEvent('presence.update')).toEqual({ account_id: 1, users: { '1': 'online' } });
    cable.frames.length = 0;
    cable.send({ command: 'message', identifier, data: JSON.stringify({ action: 'update_presence' }) });
    await cable.waitForEvent('presence.update');
    await agent(sb, 'POST', '/presence', { online: false });
    expect(await cable.waitForEvent('presence.update', (d) => Object.keys(d.users).length === 0)).toEqual({ account_id: 1, users: {} });
    await agent(sb, 'POST', '/presence', { online: true });
    cable.send({ command: 'unsubscribe', identifier });
    await sleep(50);
    cable.frames.length = 0;
    await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { content: 'after unsubscribe' });
    await sleep(150);
    expect(cable.events()).toEqual([]);
    cable.close();
  });
});
