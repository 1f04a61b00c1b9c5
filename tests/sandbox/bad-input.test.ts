// Bad input gets the contract's status and JSON error, never a crash; the server keeps serving.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/server';
import { client, NOT_FOUND, RawCable, sleep, withSandbox } from './helpers';

let sb: Sandbox;
beforeAll(async () => (sb = await withSandbox()));
afterAll(() => sb.close());

describe('bad HTTP input', () => {
  it('malformed JSON body is 400', async () => {
    const c = client(sb);
    for (const body of ['{', '{"content": "x",}', 'nope', '{"a":1}}']) {
      const r = await c.call('POST', '/contacts', body);
      expect(r.status).toBe(400);
      expect(r.json).toEqual({ status: 400, error: 'Bad Request' });
    }
    expect((await c.call('GET', '')).status).toBe(200);
  });

  it('a body over 40 MB is 413 (declared or streamed), and the server keeps serving', async () => {
    const c = client(sb);
    const s = await c.contact();
    const conv = await c.conversation(s.source_id);
    const path = `/contacts/${s.source_id}/conversations/${conv.id}/messages`;
    const big = Buffer.alloc(40 * 1024 * 1024 + 1, 0x61);
    const form = new FormData();
    form.append('attachments[]', new Blob([big], { type: 'application/octet-stream' }), 'big.bin');
    const r = await c.call('POST', path, form);
    expect(r.status).toBe(413);
    expect(r.json).toEqual({ status: 413, error: 'Payload Too Large' });
    const json = await c.call('POST', path, JSON.stringify({ content: big.toString() }));
    expect(json.status).toBe(413);
    // Streamed without a Content-Length.
    const stream = new ReadableStream({
      start(ctrl) {
        for (let i = 0; i < 41; i++) ctrl.enqueue(new Uint8Array(1024 * 1024).fill(0x61));
        ctrl.close();
      },
    });
    const chunked = await fetch(`${c.base}${path}`, { method: 'POST', body: stream, headers: { 'Content-Type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toEqual({ status: 413, error: 'Payload Too Large' });
    expect((await c.call('POST', path, { content: 'still here' })).status).toBe(200);
  });

  it('unknown routes and methods under the inbox are 404 JSON', async () => {
    const c = client(sb);
    const s = await c.contact();
    const conv = await c.conversation(s.source_id);
    for (const [m, p] of [
      ['DELETE', `/contacts/${s.source_id}`], ['GET', '/contacts'], ['POST', `/contacts/${s.source_id}/conversations/${conv.id}/nonsense`],
      ['DELETE', `/contacts/${s.source_id}/conversations/${conv.id}/messages/1`], ['GET', '/whatever/else'],
    ] as const) {
      const r = await c.call(m, p);
      expect(r.status, `${m} ${p}`).toBe(404);
      expect(r.json).toEqual(NOT_FOUND);
    }
    const outside = await fetch(`${sb.url}/public/api/v2/foo`);
    expect(outside.status).toBe(404);
  });

  it('form-encoded and non-object JSON bodies work; attachments as strings and bad submitted_values are 500', async () => {
    const c = client(sb);
    const form = await fetch(`${c.base}/contacts`, { method: 'POST', body: new URLSearchParams({ name: 'Form Fan', 'custom_attributes[plan]': 'pro' }) });
    expect(form.status).toBe(200);
    expect((await form.json()).name).toBe('Form Fan');
    const arr = await c.call('POST', '/contacts', '[1,2,3]');
    expect(arr.status).toBe(200);
    const s = await c.contact();
    const conv = await c.conversation(s.source_id);
    const path = `/contacts/${s.source_id}/conversations/${conv.id}/messages`;
    const withStrings = await c.call('POST', path, { content: 'x', attachments: ['not-a-file'] });
    expect(withStrings.status).toBe(500);
    expect(withStrings.json).toEqual({ status: 500, error: 'Internal Server Error' });
    const bare = new FormData();
    bare.append('attachments', new Blob(['x'], { type: 'text/plain' }), 'a.txt');
    expect((await c.call('POST', path, bare)).status).toBe(500);
    const ok = await c.call('POST', path, { content: 'fine' });
    const bad = await c.call('PATCH', `${path}/${ok.json.id}`, { submitted_values: 'nope' });
    expect(bad.status).toBe(500);
    expect(bad.json).toEqual({ status: 500, error: 'Internal Server Error' });
    const badMultipart = await fetch(`${c.base}${path}`, { method: 'POST', headers: { 'Content-Type': 'multipart/form-data' }, body: 'garbage' });
    expect(badMultipart.status).toBe(400);
  });

  it('a raw malformed HTTP request does not crash the server', async () => {
    await new Promise<void>((resolve) => {
      const sock = net.connect(sb.port, '127.0.0.1', () => sock.write('THIS IS NOT HTTP\r\n\r\n'));
      sock.on('error', () => resolve());
      sock.on('close', () => resolve());
      sock.resume();
    });
    expect((await client(sb).call('GET', '')).status).toBe(200);
  });
});

describe('garbage on /cable', () => {
  it('ignores garbage frames and keeps the socket and server working', async () => {
    const c = client(sb);
    const s = await c.contact();
    const cable = new RawCable(sb);
    await cable.opened;
    const garbage = [
      'not json', '', '[]', 'null', '42', '"str"', '{}', '{"command":"subscribe"}', '{"command":"subscribe","identifier":"{broken"}',
      '{"command":"subscribe","identifier":"[1]"}', '{"command":"subscribe","identifier":{"channel":"RoomChannel"}}',
      '{"command":"message","identifier":"{}","data":"{\\"action\\":\\"update_presence\\"}"}', '{"command":"launch_rockets","identifier":"{}"}',
      JSON.stringify({ command: 'message', identifier: JSON.stringify({ channel: 'RoomChannel', pubsub_token: s.pubsub_token }), data: '{oops' }),
    ];
    for (const g of garbage) cable.send(g);
    cable.ws.send(Buffer.from([0xff, 0x00, 0x13]), { binary: true });
    await sleep(100);
    expect((await cable.subscribe(s.pubsub_token)).type).toBe('confirm_subscription');
    const identifier = JSON.stringify({ channel: 'RoomChannel', pubsub_token: s.pubsub_token });
    cable.send({ command: 'message', identifier, data: { action: 'update_presence' } }); // data must be a string: ignored
    cable.send({ command: 'message', identifier, data: '{"action":"dance"}' });
    await sleep(100);
    expect((await client(sb).call('GET', '')).status).toBe(200);
    cable.close();
  });

  it('survives an oversized frame, a non-WebSocket upgrade and a broken handshake', async () => {
    const cable = new RawCable(sb);
    await cable.opened;
    cable.send('x'.repeat(2 * 1024 * 1024));
    await cable.closed;
    await new Promise<void>((resolve) => {
      const sock = net.connect(sb.port, '127.0.0.1', () =>
        sock.write('GET /cable HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 99\r\n\r\n'),
      );
      sock.on('close', () => resolve());
      sock.on('error', () => resolve());
      sock.resume();
    });
    const other = new RawCable(sb);
    other.ws.on('error', () => {});
    const next = new RawCable(sb);
    await next.waitFor((f) => f.type === 'welcome');
    next.close();
    other.close();
    expect((await client(sb).call('GET', '')).status).toBe(200);
  });

  it('an upgrade on another path is refused', async () => {
    const { WebSocket } = await import('ws');
    const ws = new WebSocket(sb.url.replace(/^http/, 'ws') + '/not-cable');
    const err = await new Promise<Error>((resolve) => ws.on('error', resolve));
    expect(err.message).toMatch(/404/);
  });
});
