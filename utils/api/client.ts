// The Client API (../shared/client-api.md): one method per endpoint, every answer parsed at the edge.
import * as z from 'zod/mini';
import type { FileRef } from '../files/file-store';
import { CodedError } from '../protocol/errors';
import { answerOf, fetchUpload, type FormPart, type Upload, type UploadAnswer } from '../upload/form-parts';
import { describeIssues } from './describe-issues';
import { errorFromAnswer } from './answer-error';
import { ApiError, kindForStatus } from './errors';
import {
  contactSessionSchema,
  conversationListSchema,
  csatSurveySchema,
  conversationSchema,
  inboxSchema,
  messageListSchema,
  messageSchema,
  type ContactSession,
  type CsatSurvey,
  type Conversation,
  type Inbox,
  type Message,
} from './schemas';

export interface ClientApiOptions {
  installationUrl: string;
  inboxIdentifier: string;
  fetch?: typeof fetch;
  /** How a message with files goes up (platform.ts picks one that reports progress); fetch without. */
  upload?: Upload;
  timeoutMs?: number;
}

export interface Identity {
  identifier?: string;
  identifierHash?: string;
}

export interface ContactFields extends Identity {
  name?: string;
  email?: string;
}

const EMPTY = Symbol('empty');
const UPLOAD_TIMEOUT_MS = 120_000;

/** The contract's multipart message: `content`, `echo_id` and `attachments[]` (the files by store id). */
function messageParts(content: string, echoId: string, files: Pick<FileRef, 'id' | 'name'>[]): FormPart[] {
  return [
    ...(content ? [{ name: 'content', value: content }] : []),
    { name: 'echo_id', value: echoId },
    ...files.map((file) => ({ name: 'attachments[]', fileId: file.id, fileName: file.name })),
  ];
}
// A conversation list leaves out one it cannot read; a message page stays strict on ids (fewer than 20
// messages means the history starts there), with times of neighbours for an unreadable one.
const conversationsSchema = conversationListSchema;
const messagesSchema = messageListSchema;

export function normalizeInstallationUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export function createClientApi(options: ClientApiOptions) {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const upload = options.upload ?? fetchUpload(doFetch);
  const installation = normalizeInstallationUrl(options.installationUrl);
  const base = `${installation}/public/api/v1/inboxes/${encodeURIComponent(
    options.inboxIdentifier.trim(),
  )}`;

  async function request<T>(
    method: string,
    path: string,
    schema: z.ZodMiniType<T> | typeof EMPTY,
    body?: unknown,
    onProgress?: (sent: number, total: number) => void,
  ): Promise<T> {
    let answer: UploadAnswer;
    // Files go as multipart parts through the uploader, with time to upload up to 40 MB.
    const form = Array.isArray(body);
    const signal = AbortSignal.timeout(options.timeoutMs ?? (form ? UPLOAD_TIMEOUT_MS : 15_000));
    try {
      answer = form
        ? await upload(base + path, body, { signal, onProgress })
        : await answerOf(
            await doFetch(base + path, {
              method,
              headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
              body: body === undefined ? undefined : JSON.stringify(body),
              signal,
            }),
          );
    } catch (error) {
      // Ours, before any request (a file gone from the store): not a network failure.
      if (error instanceof CodedError) throw error;
      throw new ApiError('unreachable', `Could not reach the server (${(error as Error).message})`);
    }
    const { status, body: raw } = answer;
    if (status < 200 || status > 299) throw errorFromAnswer(answer);
    // toggle_typing and update_last_seen answer 200 with an empty body labelled JSON: do not parse it.
    if (schema === EMPTY) return undefined as T;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new ApiError('bad_response', `The server answered ${method} ${path} with something that is not JSON`, status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ApiError(
        'bad_response',
        `Unexpected answer to ${method} ${path}: ${describeIssues(parsed.error)}`,
        status,
      );
    }
    return parsed.data;
  }

  const contact = (sourceId: string) => `/contacts/${encodeURIComponent(sourceId)}`;
  const conversation = (sourceId: string, id: number) => `${contact(sourceId)}/conversations/${id}`;
  const identityQuery = (identity?: Identity) => {
    if (!identity?.identifier) return '';
    const query = new URLSearchParams({ identifier: identity.identifier });
    if (identity.identifierHash) query.set('identifier_hash', identity.identifierHash);
    return `?${query}`;
  };

  return {
    getInbox: (): Promise<Inbox> => request('GET', '', inboxSchema),
    createContact: (fields: ContactFields): Promise<ContactSession> =>
      request('POST', '/contacts', contactSessionSchema, contactBody(fields)),
    getContact: (sourceId: string, identity?: Identity): Promise<ContactSession> =>
      request('GET', contact(sourceId) + identityQuery(identity), contactSessionSchema),
    updateContact: (sourceId: string, fields: ContactFields): Promise<void> =>
      // The PATCH answer is a contact *record* without source_id/pubsub_token: never store it as the session.
      request('PATCH', contact(sourceId), EMPTY, contactBody(fields)),
    listConversations: (sourceId: string): Promise<Conversation[]> =>
      request('GET', `${contact(sourceId)}/conversations`, conversationsSchema),
    createConversation: (sourceId: string, customAttributes?: Record<string, string>): Promise<Conversation> =>
      request('POST', `${contact(sourceId)}/conversations`, conversationSchema, customAttributes ? { custom_attributes: customAttributes } : {}),
    getConversation: (sourceId: string, id: number): Promise<Conversation> =>
      request('GET', conversation(sourceId, id), conversationSchema),
    resolveConversation: (sourceId: string, id: number): Promise<Conversation> =>
      request('POST', `${conversation(sourceId, id)}/toggle_status`, conversationSchema),
    toggleTyping: (sourceId: string, id: number, on: boolean): Promise<void> =>
      request('POST', `${conversation(sourceId, id)}/toggle_typing`, EMPTY, { typing_status: on ? 'on' : 'off' }),
    updateLastSeen: (sourceId: string, id: number): Promise<void> =>
      request('POST', `${conversation(sourceId, id)}/update_last_seen`, EMPTY),
    listMessages: (sourceId: string, id: number, before?: number): Promise<Message[]> =>
      request('GET', `${conversation(sourceId, id)}/messages${before ? `?before=${before}` : ''}`, messagesSchema),
    createMessage: (
      sourceId: string,
      id: number,
      content: string,
      echoId: string,
      files: Pick<FileRef, 'id' | 'name'>[] = [],
      onProgress?: (sent: number, total: number) => void,
    ): Promise<Message> =>
      request('POST', `${conversation(sourceId, id)}/messages`, messageSchema, files.length ? messageParts(content, echoId, files) : { content, echo_id: echoId }, onProgress),
    /** The CSAT survey of a conversation (by uuid): how the inbox asks for the rating (emoji or stars). */
    getCsatSurvey: async (uuid: string): Promise<CsatSurvey> => {
      const response = await doFetch(`${installation}/public/api/v1/csat_survey/${encodeURIComponent(uuid)}`, {
        headers: { Accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      }).catch((error: Error) => {
        throw new ApiError('unreachable', `Could not reach the server (${error.message})`);
      });
      const parsed = csatSurveySchema.safeParse(await response.json().catch(() => null));
      if (!response.ok || !parsed.success) throw new ApiError(kindForStatus(response.status), `CSAT survey: HTTP ${response.status}`, response.status);
      return parsed.data;
    },
    submitMessage: (sourceId: string, id: number, messageId: number, submittedValues: unknown): Promise<Message> =>
      request('PATCH', `${conversation(sourceId, id)}/messages/${messageId}`, messageSchema, { submitted_values: submittedValues }),
  };
}

export type ClientApi = ReturnType<typeof createClientApi>;

function contactBody(fields: ContactFields) {
  const body: Record<string, string> = {};
  if (fields.name) body.name = fields.name;
  if (fields.email) body.email = fields.email;
  if (fields.identifier) body.identifier = fields.identifier;
  if (fields.identifierHash) body.identifier_hash = fields.identifierHash;
  return body;
}
