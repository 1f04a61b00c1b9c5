// Client API messages routes: …/conversations/{id}/messages (index, create) and …/messages/{id} (update).
import type { Config } from './config';
import type { Domain } from './domain';
import { HttpError, internalError, invalid, isObject, notFound, type RequestBody } from './http';
import * as S from './serialize';
import type { ContactInbox, Conversation } from './state';
import { MAX_CONTENT } from './validate';

export interface MessagesCtx {
  method: string;
  query: URLSearchParams;
  body: RequestBody;
  params: Record<string, unknown>;
}

/** rest: ['contacts', source, 'conversations', id, 'messages', message_id?] */
export function messagesRoute(domain: Domain, config: Config, ci: ContactInbox, rest: string[], ctx: MessagesCtx): unknown {
  const st = domain.store;
  // Messages routes look the conversation up among all the contact's conversations (every session).
  const conv: Conversation | undefined = [...st.conversations.values()].find((c) => c.contactId === ci.contactId && String(c.id) === rest[3]);
  if (!conv) throw notFound();
  const m = ctx.method;
  if (rest.length === 5 && m === 'GET') {
    const all = st.chatMessages(conv.id);
    const before = ctx.query.get('before');
    const cut = before === null ? all : all.filter((x) => x.id < (Number.parseInt(before, 10) || 0));
    return cut.slice(-20).map((x) => S.restMessage(st, x));
  }
  if (rest.length === 5 && m === 'POST') return create(domain, config, conv, ctx);
  if (rest.length === 6 && (m === 'PATCH' || m === 'PUT')) {
    const msg = st.messages.get(Number(rest[5]));
    if (!msg || msg.conversationId !== conv.id || msg.private || msg.messageType === 2 || String(msg.id) !== rest[5]) throw notFound();
    msg.patchCount += 1;
    const values = ctx.params.submitted_values;
    if (!Array.isArray(values) && !isObject(values)) throw internalError();
    if (msg.contentType === 'input_csat' && msg.createdAt < Date.now() / 1000 - 14 * 86400)
      throw new HttpError(422, { error: 'You cannot update the CSAT survey after 14 days' });
    domain.submitValues(conv, msg, permitSubmitted(values), m, config.state.input_email_updates_contact);
    return S.restMessage(st, msg);
  }
  throw notFound();
}

function create(domain: Domain, config: Config, conv: Conversation, ctx: MessagesCtx) {
  const st = domain.store;
  // Attachments sent as JSON strings, or one file part named `attachments` without `[]`, crash Chatwoot: 500.
  if (ctx.body.params.attachments !== undefined) throw internalError();
  const content = ctx.params.content === undefined || ctx.params.content === null ? null : String(ctx.params.content);
  const files = ctx.body.files;
  if ((content === null || content === '') && files.length === 0) throw invalid("Content can't be blank", ['content']);
  if (content !== null && content.length > MAX_CONTENT) throw invalid(`Content is too long (maximum is ${MAX_CONTENT} characters)`, ['content']);
  // A website inbox's allow-list (attachment.rb#acceptable_file), switched on per type by the config.
  if (files.some((f) => config.rejects(f.mimeType))) throw invalid('Attachments file type not supported', ['attachments.file']);
  const minuteAgo = Math.floor(Date.now() / 1000) - 60;
  if (st.allMessages(conv.id).filter((x) => x.createdAt > minuteAgo).length >= 200) throw invalid('Too many messages', ['base']);
  const echo = ctx.params.echo_id;
  const echoId = echo === undefined || echo === null ? undefined : String(echo);
  return S.restMessage(st, domain.customerMessage(conv, { content, echoId, files }));
}

const SCALAR = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null;

/** Strong parameters: `submitted_values: [:name, :title, :value, { csat_survey_response: [:feedback_message, :rating] }]`. */
export function permitSubmitted(values: unknown): unknown {
  const one = (item: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const k of ['name', 'title', 'value']) if (k in item && SCALAR(item[k])) out[k] = item[k];
    const csat = item.csat_survey_response;
    if (isObject(csat)) {
      const c: Record<string, unknown> = {};
      for (const k of ['feedback_message', 'rating']) if (k in csat && SCALAR(csat[k])) c[k] = csat[k];
      out.csat_survey_response = c;
    }
    return out;
  };
  return Array.isArray(values) ? values.filter(isObject).map(one) : one(values as Record<string, unknown>);
}
