// The fault switch: failures injected into Client API requests and /cable (never /sandbox/api).
import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { HttpError, isObject } from './http';

export interface FaultState {
  latency_ms: number;
  fail_next: { count: number; status: number; retry_after?: number } | null;
  malformed_next: number;
  refuse_cable: boolean;
  stop_pings: boolean;
  silent_unknown_token: boolean;
  /** Bytes per second at which a multipart body (a message with files) is read; 0: at full speed. */
  slow_uploads: number;
}

const initial = (): FaultState => ({
  latency_ms: 0, fail_next: null, malformed_next: 0, refuse_cable: false, stop_pings: false, silent_unknown_token: false, slow_uploads: 0,
});

/** What to do with one Client API request before it is handled. */
export type Injected =
  | { kind: 'fail'; status: number; retryAfter?: number }
  | { kind: 'malformed' }
  | null;

export class Faults {
  state: FaultState = initial();
  /** Set by the cable server: closes every current socket. */
  dropCable: () => void = () => {};

  clear(): void {
    this.state = initial();
  }

  /** Applies a POST body; returns the new state. `drop_cable` acts at once and is not kept. */
  apply(body: Record<string, unknown>): FaultState {
    const s = this.state;
    const bad = (field: string) => new HttpError(422, { message: `Invalid ${field}`, attributes: [field] });
    if ('latency_ms' in body) {
      const v = Number(body.latency_ms);
      if (!Number.isFinite(v) || v < 0) throw bad('latency_ms');
      s.latency_ms = v;
    }
    if ('fail_next' in body) {
      const f = body.fail_next;
      if (f === null || f === false) s.fail_next = null;
      else {
        if (!isObject(f)) throw bad('fail_next');
        const count = f.count === undefined ? 1 : Number(f.count);
        const status = Number(f.status);
        if (!Number.isInteger(count) || count < 0 || !Number.isInteger(status) || status < 400 || status > 599) throw bad('fail_next');
        const retry = f.retry_after === undefined || f.retry_after === null ? undefined : Number(f.retry_after);
        if (retry !== undefined && !(retry >= 0)) throw bad('fail_next');
        s.fail_next = count > 0 ? { count, status, ...(retry !== undefined ? { retry_after: retry } : {}) } : null;
      }
    }
    if ('slow_uploads' in body) {
      const v = body.slow_uploads === null || body.slow_uploads === false ? 0 : Number(body.slow_uploads);
      if (!Number.isFinite(v) || v < 0) throw bad('slow_uploads');
      s.slow_uploads = Math.floor(v);
    }
    if ('malformed_next' in body) {
      const m = body.malformed_next;
      s.malformed_next = m === true ? 1 : m === false || m === null ? 0 : Math.max(0, Math.floor(Number(m)) || 0);
    }
    for (const flag of ['refuse_cable', 'stop_pings', 'silent_unknown_token'] as const) if (flag in body) s[flag] = body[flag] === true;
    if (body.drop_cable === true) this.dropCable();
    return s;
  }

  /** Consumes one fail_next or malformed_next, if armed. */
  next(): Injected {
    const f = this.state.fail_next;
    if (f) {
      f.count -= 1;
      if (f.count <= 0) this.state.fail_next = null;
      return { kind: 'fail', status: f.status, retryAfter: f.retry_after };
    }
    if (this.state.malformed_next > 0) {
      this.state.malformed_next -= 1;
      return { kind: 'malformed' };
    }
    return null;
  }

  /** The request to read a body from: with slow_uploads, a multipart one comes through at that rate, so the
   *  client's upload progress can be watched (TCP backpressure slows the sender). */
  slowed(req: IncomingMessage): IncomingMessage {
    const rate = this.state.slow_uploads;
    if (!rate || !req.headers['content-type']?.startsWith('multipart/')) return req;
    const step = Math.max(1, Math.floor(rate / 10));
    const throttle = new Transform({
      highWaterMark: step,
      transform(chunk: Buffer, _encoding, done) {
        let offset = 0;
        const next = () => {
          if (offset >= chunk.length) return done();
          this.push(chunk.subarray(offset, (offset += step)));
          setTimeout(next, 100);
        };
        next();
      },
    });
    // As Node does for a request: a dropped connection is an error only to a reader that listens for one.
    req.on('error', (e) => throttle.destroy(throttle.listenerCount('error') ? e : undefined));
    // What readBody uses of a request: its headers, and a readable stream.
    return Object.assign(req.pipe(throttle), { headers: req.headers }) as unknown as IncomingMessage;
  }

  delay(): Promise<void> {
    const ms = this.state.latency_ms;
    return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
  }
}
