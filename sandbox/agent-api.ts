// The agent side, /sandbox/api/*: what a support agent (or a test) does. JSON in and out; faults never apply.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CableServer } from './cable';
import type { Domain } from './domain';
import type { Faults } from './faults';
import { HttpError, internalError, invalid, isObject, notFound, readBody, sendJson } from './http';
import * as S from './serialize';
import type { Conversation, ConversationStatus } from './state';
import { MAX_CONTENT } from './validate';

export interface AgentApiDeps {
  domain: Domain;
  faults: Faults;
  cable: CableServer;
}

export async function handleAgentApi(deps: AgentApiDeps, req: IncomingMessage, res: ServerResponse, url: URL) {
  res.setHeader('Access-Control-Allow-Origin', '*');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '',
    });
    return res.end();
  }
  try {
    const body = await readBody(req, { jsonOnly: true });
    sendJson(res, 200, route(deps, req.method ?? 'GET', url.pathname.replace(/\/+$/, ''), body.params));
  } catch (e) {
    const err = e instanceof HttpError ? e : internalError();
    if (!(e instanceof HttpError)) console.error('[sandbox] agent API crash:', e);
    sendJson(res, err.status, err.body);
  }
}

function route({ domain, faults, cable }: AgentApiDeps, method: string, path: string, p: Record<string, unknown>): unknown {
  const st = domain.store;
  const sub = path.slice('/sandbox/api'.length);
  if (sub === '/conversations' && method === 'GET')
    return [...st.conversations.values()].map((c) => agentConversation(domain, c));
  if (sub === '/faults') {
    if (method === 'GET') return faults.state;
    if (method === 'DELETE') return faults.clear(), faults.state;
    if (method === 'POST') return faults.apply(p);
  }
  if (sub === '/presence' && method === 'GET') return { online: st.agent.online };
  if (sub === '/presence' && method === 'POST') {
    if (typeof p.online !== 'boolean') throw invalid('online must be true or false', ['online']);
    st.agent.online = p.online;
    cable.broadcast(cable.subscribedTokens(), 'presence.update', domain.presencePayload());
    return { online: st.agent.online };
  }
  if (sub === '/reset' && method === 'POST') {
    st.reset();
    faults.clear();
    return { ok: true };
  }
  const m = /^\/conversations\/(\d+)\/(messages|typing|status)$/.exec(sub);
  if (!m || method !== 'POST') throw notFound();
  const conv = st.conversations.get(Number(m[1]));
  if (!conv) throw notFound();
  if (m[2] === 'messages') {
    const content = typeof p.content === 'string' ? p.content : null;
    const contentType = typeof p.content_type === 'string' ? p.content_type : 'text';
    if (!content && contentType === 'text') throw invalid("Content can't be blank", ['content']);
    if (content && content.length > MAX_CONTENT) throw invalid(`Content is too long (maximum is ${MAX_CONTENT} characters)`, ['content']);
    const contentAttributes = isObject(p.content_attributes) ? p.content_attributes : {};
    const msg = domain.agentReply(conv, { content, contentType, contentAttributes, private: p.private === true });
    return S.pushMessage(st, msg);
  }
  if (m[2] === 'typing') {
    if (p.status !== 'on' && p.status !== 'off') throw invalid('status must be "on" or "off"', ['status']);
    domain.agentTyping(conv, p.status === 'on');
    return { ok: true };
  }
  const status = p.status as ConversationStatus;
  if (!['open', 'resolved', 'pending'].includes(status)) throw invalid('status must be open, resolved or pending', ['status']);
  domain.agentStatus(conv, status);
  return agentConversation(domain, conv);
}

/** A conversation as the agent sees it: every message (private and activity too), contact and custom attributes. */
function agentConversation(domain: Domain, c: Conversation) {
  const st = domain.store;
  const ci = st.contactInbox(c.contactInboxId);
  const typing = c.contactTypingSince !== null && Date.now() - c.contactTypingSince < 30_000;
  return {
    id: c.id, uuid: c.uuid, inbox_id: c.inboxId, inbox_identifier: st.inbox(c.inboxId).identifier, status: c.status,
    custom_attributes: c.customAttributes, contact: S.contactRecord(st.contact(c.contactId)), source_id: ci.sourceId,
    hmac_verified: ci.hmacVerified, contact_last_seen_at: c.contactLastSeenAt, agent_last_seen_at: c.agentLastSeenAt,
    last_activity_at: c.lastActivityAt, created_at: c.createdAt, contact_typing: typing,
    messages: st.allMessages(c.id).map((msg) => S.pushMessage(st, msg)),
  };
}
