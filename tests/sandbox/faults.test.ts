// The fault switch: acts on the Client API and /cable, never on /sandbox/api.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Sandbox } from '../../sandbox/server';
import { agent, client, RawCable, sleep, withSandbox } from './helpers';

let sb: Sandbox;
beforeAll(async () => (sb = await withSandbox({ pingIntervalMs: 200 })));
afterAll(() => sb.close());
afterEach(async () => {
  expect((await agent(sb, 'DELETE', '/faults')).status).toBe(200);
});

describe('fail_next', () => {
  it('429 text/plain "Retry later" without Retry-After, for the next count requests only', async () => {
    const c = client(sb);
    await agent(sb, 'POST', '/faults', { fail_next: { count: 2, status: 429 } });
    for (let i = 0; i < 2; i++) {
      const r = await c.call('GET', '');
      expect(r.status).toBe(429);
      expect(r.text).toBe('Retry later\n');
      expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(r.headers.get('retry-after')).toBeNull();
      expect(r.headers.get('access-control-allow-origin')).toBe('*');
    }
    expect((await c.call('GET', '')).status).toBe(200);
  });

  it('429 with Retry-After when retry_after is given', async () => {
    await agent(sb, 'POST', '/faults', { fail_next: { count: 1, status: 429, retry_after: 7 } });
    const r = await client(sb).call('POST', '/contacts', {});
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
  });

  it('503 with the JSON error shape; the failed request is not performed', async () => {
    const c = client(sb);
    const s = await c.contact();
    await agent(sb, 'POST', '/faults', { fail_next: { count: 1, status: 503 } });
    const r = await c.call('POST', `/contacts/${s.source_id}/conversations`, {});
    expect(r.status).toBe(503);
    expect(r.json).toEqual({ status: 503, error: 'Service Unavailable' });
    expect((await c.call('GET', `/contacts/${s.source_id}/conversations`)).json).toEqual([]);
    await agent(sb, 'POST', '/faults', { fail_next: { count: 1, status: 500 } });
    expect((await c.call('GET', '')).json).toEqual({ status: 500, error: 'Internal Server Error' });
  });

  it('never applies to /sandbox/api, and GET /sandbox/api/faults shows the state', async () => {
    await agent(sb, 'POST', '/faults', { fail_next: { count: 3, status: 500 }, malformed_next: 2 });
    const state = await agent(sb, 'GET', '/faults');
    expect(state.status).toBe(200);
    expect(state.json).toMatchObject({ fail_next: { count: 3, status: 500 }, malformed_next: 2, refuse_cable: false });
    expect((await agent(sb, 'GET', '/conversations')).status).toBe(200);
    const cleared = await agent(sb, 'DELETE', '/faults');
    expect(cleared.json).toEqual({ latency_ms: 0, fail_next: null, malformed_next: 0, refuse_cable: false, stop_pings: false, silent_unknown_token: false, slow_uploads: 0 });
    expect((await client(sb).call('GET', '')).status).toBe(200);
  });

  it('invalid fault bodies are 422', async () => {
    expect((await agent(sb, 'POST', '/faults', { fail_next: { status: 200 } })).status).toBe(422);
    expect((await agent(sb, 'POST', '/faults', { latency_ms: -1 })).status).toBe(422);
  });
});

describe('malformed_next', () => {
  it('answers 200 with a broken JSON body, for true (one) or a count', async () => {
    const c = client(sb);
    await agent(sb, 'POST', '/faults', { malformed_next: true });
    const r = await c.call('GET', '');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(() => JSON.parse(r.text)).toThrow();
    expect((await c.call('GET', '')).json.identifier).toBe('demo-inbox');
    await agent(sb, 'POST', '/faults', { malformed_next: 2 });
    expect((await c.call('GET', '')).json).toBeUndefined();
    expect((await c.call('GET', '')).json).toBeUndefined();
    expect((await c.call('GET', '')).json).toBeDefined();
  });
});

describe('latency_ms', () => {
  it('delays Client API answers but not the agent API', async () => {
    await agent(sb, 'POST', '/faults', { latency_ms: 400 });
    let t = Date.now();
    await client(sb).call('GET', '');
    expect(Date.now() - t).toBeGreaterThanOrEqual(380);
    t = Date.now();
    await agent(sb, 'GET', '/faults');
    expect(Date.now() - t).toBeLessThan(300);
  });
});

describe('cable faults', () => {
  it('drop_cable closes every current socket at once; new ones still connect', async () => {
    const a = new RawCable(sb);
    const b = new RawCable(sb);
    await Promise.all([a.opened, b.opened]);
    await agent(sb, 'POST', '/faults', { drop_cable: true });
    await Promise.all([a.closed, b.closed]);
    expect((await agent(sb, 'GET', '/faults')).json).not.toHaveProperty('drop_cable');
    const c = new RawCable(sb);
    await c.waitFor((f) => f.type === 'welcome');
    c.close();
  });

  it('refuse_cable rejects new upgrades while on', async () => {
    const open = new RawCable(sb);
    await open.opened;
    await agent(sb, 'POST', '/faults', { refuse_cable: true });
    const ws = new WebSocket(sb.url.replace(/^http/, 'ws') + '/cable', ['actioncable-v1-json']);
    const err = await new Promise<Error>((resolve) => ws.on('error', resolve));
    expect(err.message).toMatch(/503/);
    expect(open.ws.readyState).toBe(WebSocket.OPEN); // existing sockets are untouched
    await agent(sb, 'POST', '/faults', { refuse_cable: false });
    const again = new RawCable(sb);
    await again.waitFor((f) => f.type === 'welcome');
    again.close();
    open.close();
  });

  it('stop_pings stops pings while on', async () => {
    const cable = new RawCable(sb);
    await cable.waitFor((f) => f.type === 'ping', 1000);
    await agent(sb, 'POST', '/faults', { stop_pings: true });
    await sleep(50);
    cable.frames.length = 0;
    await sleep(700);
    expect(cable.frames.filter((f) => f.type === 'ping')).toEqual([]);
    await agent(sb, 'POST', '/faults', { stop_pings: false });
    await cable.waitFor((f) => f.type === 'ping', 1000);
    cable.close();
  });

  it('latency_ms delays the /cable handshake', async () => {
    await agent(sb, 'POST', '/faults', { latency_ms: 300 });
    const t = Date.now();
    const cable = new RawCable(sb);
    await cable.opened;
    expect(Date.now() - t).toBeGreaterThanOrEqual(280);
    cable.close();
  });
});

describe('slow_uploads', () => {
  it('reads a message with files at the given rate, bytes intact; JSON bodies keep their speed', async () => {
    const c = client(sb);
    const s = await c.contact();
    const conv = await c.conversation(s.source_id);
    const path = `/contacts/${s.source_id}/conversations/${conv.id}/messages`;
    expect((await agent(sb, 'POST', '/faults', { slow_uploads: 200_000 })).json).toMatchObject({ slow_uploads: 200_000 });
    const bytes = new Uint8Array(150_000).map((_, i) => i % 251);
    const form = new FormData();
    form.append('echo_id', 'slow-1');
    form.append('attachments[]', new Blob([bytes], { type: 'application/octet-stream' }), 'big.bin');
    const t = Date.now();
    const up = await c.call('POST', path, form);
    // 150 kB at 200 kB/s: three quarters of a second at least (the first tenth goes at once).
    expect(Date.now() - t).toBeGreaterThanOrEqual(600);
    expect(up.status).toBe(200);
    expect(up.json.attachments).toHaveLength(1);
    const stored = await fetch(up.json.attachments[0].data_url).then((r) => r.arrayBuffer());
    expect(Buffer.from(stored).equals(Buffer.from(bytes))).toBe(true);
    const quick = Date.now();
    expect((await c.call('POST', path, { content: 'plain', echo_id: 'quick-1' })).status).toBe(200);
    expect(Date.now() - quick).toBeLessThan(500);
    expect((await agent(sb, 'POST', '/faults', { slow_uploads: -1 })).status).toBe(422);
  });
});
