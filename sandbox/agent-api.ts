// The agent side, /sandbox/api/*: what a support agent (or a test) does. JSON in and out (messages may also be
// multipart uploads); faults never apply here.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readAgentMessage } from './agent-messages';
import { agentConversation, agentMessage } from './agent-view';
import type { CableServer } from './cable';
import type { Config } from './config';
import type { Domain } from './domain';
import type { Faults } from './faults';
import { HttpError, internalError, invalid, notFound, readBody, sendJson, type RequestBody } from './http';
import type { ConversationStatus } from './state';

export interface AgentApiDeps {
  domain: Domain;
  faults: Faults;
  config: Config;
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
    const path = url.pathname.replace(/\/+$/, '');
    const uploads = /^\/sandbox\/api\/conversations\/\d+\/messages$/.test(path);
    const type = (req.headers['content-type'] ?? '').toLowerCase();
    // Only message creation takes multipart; every other body is JSON (a form body is read as JSON: 400).
    const body = await readBody(req, uploads && type.startsWith('multipart/form-data') ? { anyFileField: true } : { jsonOnly: true });
    sendJson(res, 200, route(deps, req.method ?? 'GET', path, body));
  } catch (e) {
    const err = e instanceof HttpError ? e : internalError();
    if (!(e instanceof HttpError)) console.error('[sandbox] agent API crash:', e);
    sendJson(res, err.status, err.body);
  }
}

function route({ domain, faults, config, cable }: AgentApiDeps, method: string, path: string, body: RequestBody): unknown {
  const st = domain.store;
  const p = body.params;
  const sub = path.slice('/sandbox/api'.length);
  if (sub === '/conversations' && method === 'GET') return [...st.conversations.values()].map((c) => agentConversation(st, c));
  if (sub === '/faults') {
    if (method === 'GET') return faults.state;
    if (method === 'DELETE') return faults.clear(), faults.state;
    if (method === 'POST') return faults.apply(p);
  }
  if (sub === '/config') {
    if (method === 'GET') return config.state;
    if (method === 'DELETE') return config.reset(), config.state;
    if (method === 'POST') return config.apply(p);
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
    config.reset();
    return { ok: true };
  }
  const m = /^\/conversations\/(\d+)(?:\/(messages|typing|status))?$/.exec(sub);
  const conv = m ? st.conversations.get(Number(m[1])) : undefined;
  if (!m || !conv) throw notFound();
  if (method === 'GET' && !m[2]) return agentConversation(st, conv);
  if (method === 'GET' && m[2] === 'messages') return st.allMessages(conv.id).map((x) => agentMessage(st, x));
  if (method !== 'POST' || !m[2]) throw notFound();
  if (m[2] === 'messages') {
    const { message, side } = readAgentMessage(p, body.files);
    return agentMessage(st, domain.agentReply(conv, message, side));
  }
  if (m[2] === 'typing') {
    if (p.status !== 'on' && p.status !== 'off') throw invalid('status must be "on" or "off"', ['status']);
    domain.agentTyping(conv, p.status === 'on');
    return { ok: true };
  }
  const status = p.status as ConversationStatus;
  if (!['open', 'resolved', 'pending'].includes(status)) throw invalid('status must be open, resolved or pending', ['status']);
  domain.agentStatus(conv, status);
  return agentConversation(st, conv);
}
