// Answers requests from the extension's own pages, and only theirs: each request is validated with zod
// and dispatched to the chat service. Errors come back as `{ ok: false, error }`, never as a throw.
import { describeIssues } from '../api/describe-issues';
import { pageRequestSchema, type PageRequest, type Reply, type RequestType } from '../protocol';
import type { ChatService } from './chat-service';

export interface SenderInfo {
  id?: string;
  url?: string;
}

export function isOwnPage(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && Boolean(sender.url?.startsWith(extensionOrigin));
}

export async function handleRequest(service: ChatService, raw: unknown): Promise<Reply<RequestType>> {
  const parsed = pageRequestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `Invalid request: ${describeIssues(parsed.error)}` };
  try {
    return { ok: true, value: (await dispatch(service, parsed.data)) as never };
  } catch (error) {
    return { ok: false, error: (error as Error).message || String(error) };
  }
}

async function dispatch(service: ChatService, request: PageRequest): Promise<unknown> {
  switch (request.type) {
    case 'connect':
      return service.connect(request.settings);
    case 'snapshot.get':
      return service.snapshot();
    case 'thread.open':
      return service.openThread(request.conversationId);
    case 'thread.older':
      return service.loadOlder(request.conversationId);
    case 'message.send':
      return service.send(request.conversationId, request.content, request.page);
    case 'message.retry':
      await service.retry(request.echoId);
      return null;
    case 'message.submit':
      await service.submit(request.conversationId, request.messageId, request.values);
      return null;
    case 'typing':
      await service.typing(request.conversationId, request.on);
      return null;
    case 'conversation.resolve':
      await service.resolve(request.conversationId);
      return null;
  }
}
