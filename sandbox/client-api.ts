// The Client API under /public/api/v1/inboxes/{inbox_identifier}: routes, lookups, HMAC, errors.
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { messagesRoute } from './client-messages';
import type { Config } from './config';
import { createSession, identifyContact } from './contacts';
import { csatSurveyRoute } from './csat';
import type { Domain } from './domain';
import type { Faults } from './faults';
import { validIdentifierHash } from './hmac';
import { HttpError, internalError, isObject, notFound, readBody, sendJson, sendText, type RequestBody } from './http';
import * as S from './serialize';
import type { ContactInbox, Inbox } from './state';
import { assertValid, contactProblems, customAttributeProblems } from './validate';

export const CLIENT_API_PREFIX = '/public/api/';
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';

interface Ctx {
  method: string;
  query: URLSearchParams;
  body: RequestBody;
  /** Body params over query params, as Rails merges them. */
  params: Record<string, unknown>;
}

type Answer = { status: 200; body: unknown } | { status: 200; empty: true };
const ok = (body: unknown): Answer => ({ status: 200, body });
const empty: Answer = { status: 200, empty: true };

export interface ClientApiDeps {
  domain: Domain;
  faults: Faults;
  config: Config;
}

export async function handleClientApi({ domain, faults, config }: ClientApiDeps, req: IncomingMessage, res: ServerResponse, url: URL) {
  // CORS as rack-cors answers /public/api/*: on every answer, errors included.
  res.setHeader('Access-Control-Allow-Origin', '*');
  if (req.method === 'OPTIONS') {
    res.writeHead(200, {
      'Access-Control-Allow-Methods': ALLOWED_METHODS,
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '',
      'Access-Control-Max-Age': '7200', 'Content-Length': 0,
    });
    return res.end();
  }
  await faults.delay();
  const injected = faults.next();
  if (injected?.kind === 'fail') {
    if (injected.status === 429)
      return sendText(res, 429, 'Retry later\n', injected.retryAfter !== undefined ? { 'Retry-After': String(injected.retryAfter) } : {});
    return sendJson(res, injected.status, { status: injected.status, error: STATUS_CODES[injected.status] ?? 'Error' });
  }
  if (injected?.kind === 'malformed') {
    const text = '{"status":"ok","data":[{"id":1,"content":"trunc';
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
    return res.end(text);
  }
  try {
    const body = await readBody(faults.slowed(req));
    const params = { ...Object.fromEntries(url.searchParams), ...body.params };
    const answer = route(domain, config, { method: req.method ?? 'GET', query: url.searchParams, body, params }, url.pathname);
    if ('empty' in answer) {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': 0 });
      res.end();
    } else sendJson(res, answer.status, answer.body);
  } catch (e) {
    const err = e instanceof HttpError ? e : internalError();
    if (!(e instanceof HttpError)) console.error('[sandbox] client API crash:', e);
    sendJson(res, err.status, err.body);
  }
}

function route(domain: Domain, config: Config, ctx: Ctx, pathname: string): Answer {
  const parts = pathname.replace(/\/+$/, '').split('/').slice(1).map(decodeURIComponent);
  // ['public','api','v1','inboxes', inbox, 'contacts', source, 'conversations', conv, action|'messages', msg]
  if (parts[2] === 'v1' && parts[3] === 'csat_survey' && parts.length === 5) return ok(csatSurveyRoute(domain, ctx.method, parts[4], ctx.params));
  if (parts[2] !== 'v1' || parts[3] !== 'inboxes' || !parts[4]) throw notFound();
  const st = domain.store;
  const inbox = st.inboxByIdentifier(parts[4]);
  if (!inbox) throw notFound();
  const m = ctx.method;
  const rest = parts.slice(5);
  const is = (...segments: (string | null)[]) => rest.length === segments.length && segments.every((s, i) => s === null || s === rest[i]);

  if (is() && m === 'GET') return ok(S.inbox(st, inbox.id));
  if (is('contacts') && m === 'POST') return createContact(domain, inbox, ctx);
  if (rest[0] !== 'contacts' || !rest[1]) throw notFound();
  const ci = st.session(inbox.id, rest[1]);
  if (!ci) throw notFound();
  if (is('contacts', null) && m === 'GET') {
    checkHmac(inbox, ctx, ci);
    return ok(S.contactSession(st, ci.id));
  }
  if (is('contacts', null) && (m === 'PATCH' || m === 'PUT')) return updateContact(domain, config, inbox, ci, ctx);
  if (is('contacts', null, 'conversations') && m === 'GET')
    return ok(st.visibleConversations(ci).map((c) => S.restConversation(st, c)));
  if (is('contacts', null, 'conversations') && m === 'POST') {
    const attrs = isObject(ctx.params.custom_attributes) ? ctx.params.custom_attributes : {};
    assertValid(customAttributeProblems(attrs));
    return ok(S.restConversation(st, domain.createConversation(ci, attrs)));
  }
  if (rest[2] !== 'conversations' || !rest[3]) throw notFound();
  if (rest[4] === 'messages') return ok(messagesRoute(domain, config, ci, rest, ctx));
  const conv = st.visibleConversations(ci).find((c) => String(c.id) === rest[3]);
  if (!conv) throw notFound();
  if (is('contacts', null, 'conversations', null) && m === 'GET') return ok(S.restConversation(st, conv));
  if (m !== 'POST' || rest.length !== 5) throw notFound();
  switch (rest[4]) {
    case 'toggle_status':
      domain.resolveByContact(conv);
      return ok(S.restConversation(st, conv));
    case 'toggle_typing': {
      const status = ctx.params.typing_status;
      if (status === 'on' || status === 'off') domain.contactTyping(conv, status === 'on');
      return empty;
    }
    case 'update_last_seen':
      domain.contactSeen(conv);
      return empty;
  }
  throw notFound();
}

/** Checks identifier_hash when one is sent or the inbox makes it mandatory; a failure is Chatwoot's opaque 500. */
function checkHmac(inbox: Inbox, ctx: Ctx, ci?: ContactInbox): void {
  const hash = ctx.params.identifier_hash;
  if (!inbox.hmacMandatory && (hash === undefined || hash === null || hash === '')) return;
  const identifier = typeof ctx.params.identifier === 'string' ? ctx.params.identifier : '';
  if (!validIdentifierHash(inbox.hmacToken, identifier, hash)) throw internalError();
  if (ci) ci.hmacVerified = true; // never on create: the session does not exist yet
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function createContact(domain: Domain, inbox: Inbox, ctx: Ctx): Answer {
  checkHmac(inbox, ctx);
  const p = ctx.params;
  const existing = str(p.source_id) ? domain.store.session(inbox.id, str(p.source_id)!) : undefined;
  if (existing) return ok(S.contactSession(domain.store, existing.id));
  const fields = { identifier: str(p.identifier), name: str(p.name), email: str(p.email), phone_number: str(p.phone_number) };
  const custom = isObject(p.custom_attributes) ? p.custom_attributes : undefined;
  assertValid([...contactProblems(fields), ...customAttributeProblems(custom)]);
  const ci = createSession(domain.store, inbox, { ...fields, custom_attributes: custom });
  return ok(S.contactSession(domain.store, ci.id));
}

/** The record (Chatwoot 4.9) or, with contact_update_shape "session", the session shape (Chatwoot 2026-07). */
function updateContact(domain: Domain, config: Config, inbox: Inbox, ci: ContactInbox, ctx: Ctx): Answer {
  checkHmac(inbox, ctx, ci);
  const p = ctx.params;
  const fields = { name: str(p.name), email: str(p.email), phone_number: str(p.phone_number) };
  const custom = isObject(p.custom_attributes) ? p.custom_attributes : undefined;
  assertValid([...contactProblems(fields), ...customAttributeProblems(custom)]);
  const contact = identifyContact(domain.store, ci.contactId, { ...fields, custom_attributes: custom });
  return ok(config.state.contact_update_shape === 'session' ? S.contactSession(domain.store, ci.id) : S.contactRecord(contact));
}
