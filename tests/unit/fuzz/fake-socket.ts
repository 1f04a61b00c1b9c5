// A WebSocket stand-in for driving the real @rails/actioncable client frame by frame, synchronously, with
// no server: open it, feed it any text, see what it sent. It has only what the library and
// utils/cable/room-cable.ts use.
import { vi } from 'vitest';
import { connectRoom, type RoomCableHandlers } from '@/utils/cable/room-cable';

export const sockets: FakeSocket[] = [];

export class FakeSocket extends EventTarget {
  // The library reads the states from the constructor (`for (state in WebSocket)`).
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;

  readyState = 0;
  readonly protocol = 'actioncable-v1-json';
  readonly sent: string[] = [];
  onopen: ((event: Event) => void) | null = null;
  onclose: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  #onmessage: ((event: MessageEvent) => void) | null = null;

  constructor(readonly url: string | URL, readonly protocols?: string | string[]) {
    super();
    sockets.push(this);
  }

  // An accessor, as on the real WebSocket: room-cable wraps it in a subclass accessor of its own.
  get onmessage() {
    return this.#onmessage;
  }
  set onmessage(handler: ((event: MessageEvent) => void) | null) {
    this.#onmessage = handler;
  }

  send(data: string) {
    this.sent.push(data);
  }

  close() {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.fire(new Event('close'), this.onclose);
  }

  open() {
    this.readyState = 1;
    this.fire(new Event('open'), this.onopen);
  }

  /** A text frame from the server, as the browser would deliver it. */
  receive(data: string) {
    this.fire(new MessageEvent('message', { data }), this.#onmessage);
  }

  private fire<E extends Event>(event: E, handler: ((event: E) => void) | null) {
    this.dispatchEvent(event);
    handler?.call(this, event);
  }
}

export const IDENTIFIER = JSON.stringify({ channel: 'RoomChannel', pubsub_token: 'tok' });

export function recordingHandlers() {
  return {
    onConnected: vi.fn(), onDisconnected: vi.fn(), onEvent: vi.fn(), onMalformed: vi.fn(), onRejected: vi.fn(),
  } satisfies RoomCableHandlers;
}

/** A room subscribed over a fake socket: welcomed and confirmed, ready for frames. */
export function subscribedRoom() {
  const handlers = recordingHandlers();
  // The fake implements the part of WebSocket that the library touches, not the whole DOM interface.
  const WebSocket = FakeSocket as unknown as typeof globalThis.WebSocket;
  const room = connectRoom({ installationUrl: 'https://chat.example.com', pubsubToken: 'tok', WebSocket }, handlers);
  const socket = sockets[sockets.length - 1]!;
  socket.open();
  socket.receive(JSON.stringify({ type: 'welcome' }));
  socket.receive(JSON.stringify({ identifier: IDENTIFIER, type: 'confirm_subscription' }));
  return { room, socket, handlers };
}
