// One frame must not end the live link for good (issue 19). Found by the frame fuzzer
// (tests/unit/fuzz/cable.test.ts): @rails/actioncable obeys `{"type":"disconnect","reconnect":false}` by
// stopping its monitor, and utils/cable/room-cable.ts's watchdog only watches an open socket, so nothing
// ever reconnects. Chatwoot never sends it to a contact, but a proxy or a hostile server can.
// room-cable.ts's watchdog now opens the socket again when the library has given up.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sockets, subscribedRoom } from '../fuzz/fake-socket';

afterEach(() => void vi.useRealTimers());

describe('the live link after a disconnect frame', () => {
  it('reopens after reconnect: true (the library does)', async () => {
    vi.useFakeTimers();
    const { room, socket } = subscribedRoom();
    const opened = sockets.length;
    socket.receive(JSON.stringify({ type: 'disconnect', reason: 'server_restart', reconnect: true }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets.length).toBeGreaterThan(opened);
    room.close();
  });

  it('reopens after reconnect: false too, within a minute', async () => {
    vi.useFakeTimers();
    const { room, socket } = subscribedRoom();
    const opened = sockets.length;
    socket.receive(JSON.stringify({ type: 'disconnect', reason: 'remote', reconnect: false }));
    await vi.advanceTimersByTimeAsync(60_000);
    room.close();
    expect(sockets.length).toBeGreaterThan(opened);
  });
});
