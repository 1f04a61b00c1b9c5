// Benchmark: 200 contacts, each subscribed on /cable, each receiving 50 agent messages.
// `npm run bench:sandbox [-- --contacts 200 --messages 50 --concurrency 32]`. Not a test.
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { startSandbox } from './server';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '200' },
    messages: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '32' },
  },
});
const CONTACTS = Number(values.contacts);
const MESSAGES = Number(values.messages);
const CONCURRENCY = Number(values.concurrency);

const sb = await startSandbox({ port: 0 });
const api = `${sb.url}/public/api/v1/inboxes/demo-inbox`;

async function post(url: string, body: unknown) {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

interface Client {
  conversationId: number;
  ws: WebSocket;
  /** message id → times received */
  seen: Map<number, number>;
  received: number;
}

const setupStart = performance.now();
const clients: Client[] = [];
let totalReceived = 0;
let lastArrival = 0;
let resolveAll: () => void = () => {};
const allArrived = new Promise<void>((r) => (resolveAll = r));
const expected = CONTACTS * MESSAGES;

await Promise.all(
  Array.from({ length: CONTACTS }, async (_, i) => {
    const session = await post(`${api}/contacts`, { name: `Bench ${i}` });
    const conv = await post(`${api}/contacts/${session.source_id}/conversations`, {});
    const ws = new WebSocket(sb.url.replace(/^http/, 'ws') + '/cable', ['actioncable-v1-json']);
    const client: Client = { conversationId: conv.id as number, ws, seen: new Map(), received: 0 };
    const identifier = JSON.stringify({ channel: 'RoomChannel', pubsub_token: session.pubsub_token });
    await new Promise<void>((resolve, reject) => {
      ws.on('error', reject);
      ws.on('message', (raw) => {
        const frame = JSON.parse(raw.toString());
        if (frame.type === 'welcome') ws.send(JSON.stringify({ command: 'subscribe', identifier }));
        else if (frame.type === 'confirm_subscription') resolve();
        else if (frame.type === 'reject_subscription') reject(new Error('rejected'));
        else if (frame.message?.event === 'message.created' && frame.message.data.message_type === 1) {
          const id = frame.message.data.id as number;
          if (frame.message.data.conversation_id !== client.conversationId) throw new Error('event for another conversation');
          client.seen.set(id, (client.seen.get(id) ?? 0) + 1);
          client.received++;
          lastArrival = performance.now();
          if (++totalReceived === expected) resolveAll();
        }
      });
    });
    clients.push(client);
  }),
);
const setupMs = performance.now() - setupStart;

// Post every agent message through the agent API, CONCURRENCY requests in flight.
const jobs: [Client, number][] = [];
for (let n = 0; n < MESSAGES; n++) for (const c of clients) jobs.push([c, n]);
const sentIds = new Map<Client, number[]>(clients.map((c) => [c, []]));
const sendStart = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < jobs.length) {
      const [c, n] = jobs[next++];
      const msg = await post(`${sb.url}/sandbox/api/conversations/${c.conversationId}/messages`, { content: `agent message ${n}` });
      sentIds.get(c)!.push(msg.id as number);
    }
  }),
);
const sendMs = performance.now() - sendStart;
await Promise.race([allArrived, new Promise((r) => setTimeout(r, 10_000))]);
await new Promise((r) => setTimeout(r, 300)); // let any duplicate arrive
const deliverMs = lastArrival - sendStart;

let missing = 0;
let duplicates = 0;
let stray = 0;
for (const c of clients) {
  const ids = sentIds.get(c)!;
  for (const id of ids) {
    const times = c.seen.get(id) ?? 0;
    if (times === 0) missing++;
    if (times > 1) duplicates += times - 1;
  }
  for (const id of c.seen.keys()) if (!ids.includes(id)) stray++;
}
const exactlyOnce = missing === 0 && duplicates === 0 && stray === 0 && totalReceived === expected;

console.log(`contacts: ${CONTACTS} (each with a cable subscription), agent messages per contact: ${MESSAGES}, total: ${expected}`);
console.log(`setup (contacts + conversations + subscriptions): ${setupMs.toFixed(0)} ms`);
console.log(`agent API: ${expected} POSTs in ${sendMs.toFixed(0)} ms = ${((expected / sendMs) * 1000).toFixed(0)} requests/s (concurrency ${CONCURRENCY})`);
console.log(`cable: ${totalReceived} message.created received in ${deliverMs.toFixed(0)} ms = ${((totalReceived / deliverMs) * 1000).toFixed(0)} messages/s`);
console.log(`every message arrived exactly once: ${exactlyOnce ? 'yes' : 'NO'} (missing ${missing}, duplicates ${duplicates}, stray ${stray})`);

for (const c of clients) c.ws.terminate();
await sb.close();
process.exit(exactlyOnce ? 0 : 1);
