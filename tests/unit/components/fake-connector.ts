// A Connector for component tests: requests are a vi.fn answered by per-type handlers, and `emit` pushes
// background events into the model as the real port would.
import { act } from '@testing-library/preact';
import { vi } from 'vitest';
import type { Connector } from '@/utils/connector';
import type {
  BackgroundEvent,
  ConversationSummary,
  PageRequest,
  RequestOf,
  RequestType,
  ResponseMap,
  Snapshot,
  ThreadMessage,
  ThreadView,
} from '@/utils/protocol';

export type Handlers = { [T in RequestType]?: (request: RequestOf<T>) => ResponseMap[T] | Promise<ResponseMap[T]> };

export function fakeConnector(handlers: Handlers = {}) {
  let listener: ((event: BackgroundEvent) => void) | undefined;
  const request = vi.fn(async (req: PageRequest): Promise<unknown> => {
    const handler = handlers[req.type] as ((r: PageRequest) => unknown) | undefined;
    if (handler) return handler(req);
    if (req.type === 'snapshot.get') return snapshot();
    if (req.type === 'message.send') return { conversationId: req.conversationId, echoId: `echo-${request.mock.calls.length}` };
    return null;
  });
  const setView = vi.fn((_conversationId: number | null) => {});
  const connector: Connector = {
    request: request as unknown as Connector['request'],
    setView,
    subscribe(onEvent, onConnect) {
      listener = onEvent;
      onConnect?.();
      return () => (listener = undefined);
    },
  };
  return {
    connector,
    request,
    /** The views this panel reported, in order. */
    setView,
    /** The requests of one type, in order. */
    sent: <T extends RequestType>(type: T) =>
      request.mock.calls.map(([r]) => r).filter((r): r is RequestOf<T> => r.type === type),
    emit: (event: BackgroundEvent) => act(() => listener?.(event)),
  };
}

export function snapshot(conversations: ConversationSummary[] = [], extra: Partial<Snapshot> = {}): Snapshot {
  return { configured: true, connection: 'online', conversations, unsent: [], ...extra };
}

export function summary(id: number, extra: Partial<ConversationSummary> = {}): ConversationSummary {
  return { id, status: 'open', lastMessage: null, lastActivityAt: 1_700_000_000, unread: 0, ...extra };
}

let seq = 0;
export function message(extra: Partial<ThreadMessage> = {}): ThreadMessage {
  const id = extra.id ?? ++seq + 1000;
  return {
    key: `m${id}`,
    id,
    content: 'Hello',
    contentType: 'text',
    contentAttributes: {},
    attachments: [],
    createdAt: 1_700_000_000,
    from: 'agent',
    sender: { name: 'Alex Kim' },
    delivery: 'sent',
    ...extra,
  };
}

export function thread(conversationId: number, messages: ThreadMessage[], extra: Partial<ThreadView> = {}): ThreadView {
  return { conversationId, status: 'open', messages, hasOlder: false, ...extra };
}

/** A promise with its resolve exposed, to look at the UI while a request is pending. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Unix seconds for a local date and time. */
export const at = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).getTime() / 1000;
