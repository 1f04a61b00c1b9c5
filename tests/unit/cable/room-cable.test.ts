// The cable client against a scripted ActionCable server on 127.0.0.1 (real sockets, real library).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { cableUrl, connectRoom, type RoomCableHandlers } from '@/utils/cable/room-cable';

interface Script {
  answer: 'confirm' | 'reject' | 'silent';
  pings: boolean;
}

async function cableServer(script: Script) {
  const sockets = new Set<import('ws').WebSocket>();
  const subscribes: string[] = [];
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'actioncable-v1-json' });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.send(JSON.stringify({ type: 'welcome' }));
    const ping = setInterval(() => script.pings && socket.send(JSON.stringify({ type: 'ping', message: Date.now() })), 300);
    socket.on('close', () => (clearInterval(ping), sockets.delete(socket)));
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw));
      if (frame.command !== 'subscribe') return;
      subscribes.push(frame.identifier);
      if (script.answer === 'confirm') socket.send(JSON.stringify({ identifier: frame.identifier, type: 'confirm_subscription' }));
      if (script.answer === 'reject') socket.send(JSON.stringify({ identifier: frame.identifier, type: 'reject_subscription' }));
    });
  });
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    subscribes,
    broadcast(frame: unknown) {
      for (const s of sockets) s.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
    },
    close: () => new Promise((r) => (sockets.forEach((s) => s.terminate()), server.close(r))),
  };
}

function handlers() {
  return {
    onConnected: vi.fn(), onDisconnected: vi.fn(), onEvent: vi.fn(), onMalformed: vi.fn(), onRejected: vi.fn(),
  } satisfies RoomCableHandlers;
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const identifier = (token: string) => JSON.stringify({ channel: 'RoomChannel', pubsub_token: token });

describe('room cable', () => {
  it('turns an http(s) installation into an absolute ws(s) /cable URL', () => {
    expect(cableUrl('https://chat.example.com/')).toBe('wss://chat.example.com/cable');
    expect(cableUrl('http://127.0.0.1:3000')).toBe('ws://127.0.0.1:3000/cable');
  });

  it('subscribes with the pubsub token, parses events, ignores unknown ones and survives garbage', async () => {
    const server = await cableServer({ answer: 'confirm', pings: true });
    const h = handlers();
    const room = connectRoom({ installationUrl: server.url, pubsubToken: 'tok', WebSocket: WebSocket as never }, h);
    cleanups.push(() => room.close(), server.close);
    await vi.waitFor(() => expect(h.onConnected).toHaveBeenCalledTimes(1));
    expect(server.subscribes[0]).toBe(identifier('tok'));
    server.broadcast('this is not json');
    server.broadcast({ identifier: identifier('tok'), message: { event: 'contact.merged', data: {} } });
    server.broadcast({ identifier: identifier('tok'), message: { event: 'message.created', data: { id: 'bad' } } });
    server.broadcast({
      identifier: identifier('tok'),
      message: { event: 'message.created', data: { id: 1, content: 'Hi', message_type: 1, content_type: 'text', content_attributes: {}, created_at: 1, conversation_id: 2, echo_id: null, account_id: 1 } },
    });
    server.broadcast({
      identifier: identifier('tok'),
      message: { event: 'conversation.typing_on', data: { conversation: { id: 2 }, user: { id: 7, name: 'Dana Agent', available_name: 'Dana', type: 'user' }, is_private: false } },
    });
    await vi.waitFor(() => expect(h.onEvent).toHaveBeenCalledTimes(2));
    expect(h.onEvent.mock.calls[0]![0]).toMatchObject({ kind: 'message', created: true, message: { id: 1, content: 'Hi' } });
    expect(h.onEvent.mock.calls[1]![0]).toEqual({ kind: 'typing', on: true, conversationId: 2, agentName: 'Dana' });
    expect(h.onMalformed).toHaveBeenCalledTimes(1);
  });

  it('treats a link without pings as dead, reconnects, resubscribes and reports connected again (time to resync)', async () => {
    const script: Script = { answer: 'confirm', pings: true };
    const server = await cableServer(script);
    const h = handlers();
    const room = connectRoom({ installationUrl: server.url, pubsubToken: 'tok', WebSocket: WebSocket as never, staleAfterSeconds: 2 }, h);
    cleanups.push(() => room.close(), server.close);
    await vi.waitFor(() => expect(h.onConnected).toHaveBeenCalledTimes(1));
    script.pings = false;
    const stopped = Date.now();
    await vi.waitFor(() => expect(h.onConnected).toHaveBeenCalledTimes(2), { timeout: 15_000, interval: 100 });
    // Dead 2 s after the last frame, checked every second, reopened after the library's 0.5 s delay.
    expect(Date.now() - stopped).toBeLessThan(4_000);
    expect(server.subscribes.length).toBeGreaterThanOrEqual(2);
    expect(h.onDisconnected).toHaveBeenCalled();
  }, 20_000);

  it('reports reject_subscription, and silence after the confirm timeout (Chatwoot 4.x)', async () => {
    const rejecting = await cableServer({ answer: 'reject', pings: true });
    const h1 = handlers();
    const r1 = connectRoom({ installationUrl: rejecting.url, pubsubToken: 'bad', WebSocket: WebSocket as never }, h1);
    cleanups.push(() => r1.close(), rejecting.close);
    await vi.waitFor(() => expect(h1.onRejected).toHaveBeenCalledWith('rejected'));
    expect(h1.onConnected).not.toHaveBeenCalled();

    const silent = await cableServer({ answer: 'silent', pings: true });
    const h2 = handlers();
    const r2 = connectRoom({ installationUrl: silent.url, pubsubToken: 'bad', WebSocket: WebSocket as never, confirmTimeoutMs: 500 }, h2);
    cleanups.push(() => r2.close(), silent.close);
    await vi.waitFor(() => expect(h2.onRejected).toHaveBeenCalledWith('timeout'), { timeout: 3_000 });
  });
});
