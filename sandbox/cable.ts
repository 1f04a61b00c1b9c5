// /cable: an ActionCable server (actioncable-v1-json) with RoomChannel for contacts.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Domain } from './domain';
import type { Faults } from './faults';

interface Sub {
  ws: WebSocket;
  identifier: string;
  token: string;
}

interface SocketState {
  /** identifier string → token; `null` marks a silently failed subscribe (Chatwoot 4.x keeps it and ignores repeats). */
  subs: Map<string, string | null>;
}

export class CableServer {
  private wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024, handleProtocols: pickProtocol });
  private sockets = new Map<WebSocket, SocketState>();
  /** pubsub token → subscriptions (one per socket and identifier). */
  private byToken = new Map<string, Set<Sub>>();
  private pinger: NodeJS.Timeout;

  constructor(private domain: Domain, private faults: Faults, pingIntervalMs: number) {
    domain.publish = (tokens, event, data) => this.broadcast(tokens, event, data);
    faults.dropCable = () => this.dropAll();
    this.pinger = setInterval(() => this.ping(), pingIntervalMs);
    this.pinger.unref();
  }

  attach(server: Server): void {
    server.on('upgrade', (req, socket, head) => {
      this.upgrade(req, socket, head).catch(() => socket.destroy());
    });
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    socket.on('error', () => {});
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/cable') return refuse(socket, 404, 'Not Found');
    await this.faults.delay();
    if (this.faults.state.refuse_cable) return refuse(socket, 503, 'Service Unavailable');
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connected(ws));
  }

  private connected(ws: WebSocket) {
    const state: SocketState = { subs: new Map() };
    this.sockets.set(ws, state);
    ws.on('message', (data, isBinary) => {
      try {
        if (!isBinary) this.command(ws, state, data.toString());
      } catch (e) {
        console.error('[sandbox] cable command failed:', e); // garbage never reaches here, but nothing may crash the server
      }
    });
    ws.on('error', () => {});
    ws.on('close', () => this.forget(ws, state));
    send(ws, { type: 'welcome' });
  }

  private command(ws: WebSocket, state: SocketState, text: string) {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      return; // Rails logs and ignores undecodable frames
    }
    if (typeof frame !== 'object' || frame === null) return;
    const { command, identifier, data } = frame as Record<string, unknown>;
    if (typeof identifier !== 'string') return;
    let params: unknown;
    try {
      params = JSON.parse(identifier);
    } catch {
      return;
    }
    if (typeof params !== 'object' || params === null) return;
    const { channel, pubsub_token: token } = params as Record<string, unknown>;
    if (command === 'subscribe') {
      if (state.subs.has(identifier)) return; // already added (or silently failed)
      const session = typeof token === 'string' && channel === 'RoomChannel' ? this.domain.store.sessionByToken(token) : undefined;
      if (!session || typeof token !== 'string') {
        if (this.faults.state.silent_unknown_token) state.subs.set(identifier, null);
        else send(ws, { identifier, type: 'reject_subscription' });
        return;
      }
      state.subs.set(identifier, token);
      let set = this.byToken.get(token);
      if (!set) this.byToken.set(token, (set = new Set()));
      set.add({ ws, identifier, token });
      send(ws, { identifier, type: 'confirm_subscription' });
      this.broadcast([token], 'presence.update', this.domain.presencePayload());
    } else if (command === 'unsubscribe') {
      const t = state.subs.get(identifier);
      state.subs.delete(identifier);
      if (t) this.removeSub(t, ws, identifier);
    } else if (command === 'message') {
      const t = state.subs.get(identifier);
      if (!t || typeof data !== 'string') return;
      let payload: unknown;
      try {
        payload = JSON.parse(data);
      } catch {
        return;
      }
      if (typeof payload === 'object' && payload !== null && (payload as { action?: unknown }).action === 'update_presence')
        this.broadcast([t], 'presence.update', this.domain.presencePayload());
    }
  }

  private removeSub(token: string, ws: WebSocket, identifier: string) {
    const set = this.byToken.get(token);
    if (!set) return;
    for (const s of set) if (s.ws === ws && s.identifier === identifier) set.delete(s);
    if (set.size === 0) this.byToken.delete(token);
  }

  private forget(ws: WebSocket, state: SocketState) {
    for (const [identifier, token] of state.subs) if (token) this.removeSub(token, ws, identifier);
    this.sockets.delete(ws);
  }

  /** Delivers an event to every socket subscribed with one of the tokens (each subscription once). */
  broadcast(tokens: string[], event: string, data: Record<string, unknown>) {
    const message = { event, data };
    for (const token of new Set(tokens)) {
      for (const s of this.byToken.get(token) ?? []) send(s.ws, { identifier: s.identifier, message });
    }
  }

  /** Every token with at least one live subscription, to push presence to everyone. */
  subscribedTokens(): string[] {
    return [...this.byToken.keys()];
  }

  private ping() {
    if (this.faults.state.stop_pings) return;
    const frame = { type: 'ping', message: Math.floor(Date.now() / 1000) };
    for (const ws of this.sockets.keys()) send(ws, frame);
  }

  dropAll() {
    for (const ws of [...this.sockets.keys()]) ws.terminate();
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  close() {
    clearInterval(this.pinger);
    this.dropAll();
    this.wss.close();
  }
}

function send(ws: WebSocket, frame: unknown) {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
}

/** The server offers actioncable-v1-json and actioncable-unsupported; no header at all is fine too. */
function pickProtocol(protocols: Set<string>): string | false {
  if (protocols.has('actioncable-v1-json')) return 'actioncable-v1-json';
  if (protocols.has('actioncable-unsupported')) return 'actioncable-unsupported';
  return false;
}

function refuse(socket: Duplex, status: number, text: string) {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\nConnection: close\r\n\r\n${text}`);
}
