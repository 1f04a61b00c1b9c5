// Answers requests from the extension's own pages, and only theirs: each request is validated against its
// schema and dispatched through the handler map, whose types hold the replies to the protocol. Errors
// come back as `{ ok: false, error: { code } }`, never as a throw and never as exception text.
import { describeIssues } from '../api/describe-issues';
import type { Reply } from '../protocol';
import { toAppError } from '../protocol/errors';
import { requests, type RequestHandlers, type RequestType } from '../protocol/requests';

export interface SenderInfo {
  id?: string;
  url?: string;
}

export function isOwnPage(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && Boolean(sender.url?.startsWith(extensionOrigin));
}

const isRequestType = (type: unknown): type is RequestType => typeof type === 'string' && Object.hasOwn(requests, type);

export async function handleRequest(handlers: RequestHandlers, raw: unknown, ready?: Promise<unknown>): Promise<Reply<RequestType>> {
  const type = (raw as { type?: unknown } | null)?.type;
  if (!isRequestType(type)) return { ok: false, error: { code: 'invalid_request' } };
  const request = requests[type].safeParse(raw);
  if (!request.success) {
    console.warn(`Invalid ${type} request`, describeIssues(request.error));
    return { ok: false, error: { code: 'invalid_request' } };
  }
  try {
    await ready;
    // The map is keyed by type and the request parsed by that type's schema: they match.
    const handler = handlers[type] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler({ ...request.data, type }) } as Reply<RequestType>;
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}
