// Issue 19, "nothing let in, nothing let out": every request the extension's pages and its worker make in a
// whole session (Save on the options page, the panel, chatting, an agent's image shown, a file sent, a draft,
// the worker stopped and started again) is recorded over CDP, and each goes to the configured installation's origin, or
// stays in the browser (blob:, data:, this extension's own files). The contact's source_id and pubsub_token
// never appear in a URL, a body or a socket frame sent anywhere else.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, until, waitForText } from './harness';
import { imagesLoaded } from './sandbox-agent';
import { destination, recordNetwork, type Seen } from './chaos-network';
import { fileInput, panelRows, typeAndSend } from './chaos-kit';

let h: Harness;
let recorder: Awaited<ReturnType<typeof recordNetwork>>;
let panel: Page;
let session: { sourceId: string; pubsubToken: string };

beforeAll(async () => {
  h = await Harness.start();
  recorder = await recordNetwork(h.browser); // before the options page, the panel and every worker life
});
afterAll(async () => {
  await recorder?.stop();
  await h?.close();
});

describe('network boundary', () => {
  it('a whole session: configure, chat, an image from the agent, a draft, a worker stop and restart', async () => {
    await (await h.configure()).close();
    panel = await h.open('sidepanel');
    await panel.locator('::-p-aria([name="New conversation"][role="button"])').click();
    await typeAndSend(panel, 'C0001 where is my parcel?');
    const id = (await until(() => h.agent.conversations(), (cs) => cs.length === 1))[0]!.id;
    await panel.waitForSelector('[data-connection="online"]', { timeout: 15_000 });
    await h.agent.send(id, { content: 'A0001 here it is', sample: 'image' });
    await panel.waitForSelector('.attachment--image img', { timeout: 10_000 });
    await imagesLoaded(panel, '.attachment--image img');
    await h.agent.typing(id, true);
    await waitForText(panel, /is typing/);
    await panel.locator('::-p-aria([name="Message"][role="textbox"])').fill('a draft I keep for later');

    // The worker stops (the recorder lets go of it first, or it would never stop) and a reply wakes the next one.
    await recorder.releaseWorkers();
    await h.stopWorker();
    await h.agent.reply(id, 'A0002 after the worker stopped');
    await waitForText(panel, 'A0002 after the worker stopped', 20_000);
    await panel.locator('::-p-aria([name="Message"][role="textbox"])').fill('');
    await typeAndSend(panel, 'C0002 thanks');
    await until(() => panelRows(panel), (rows) => rows.some((r) => r.tag === 'C0002' && r.key.startsWith('m')));
    const picker = await fileInput(panel); // a file of the customer's, when the composer takes files
    if (picker) {
      await picker.uploadFile(`${process.cwd()}/public/icon/48.png`);
      await panel.waitForSelector('.file-chip', { timeout: 5_000 });
      await typeAndSend(panel, 'C0003 a picture of it');
      await until(async () => (await h.agent.messages(id)).some((m) => m.content === 'C0003 a picture of it' && (m.attachments?.length ?? 0) > 0), Boolean);
    }
    await panel.reload(); // a fresh panel page: its first requests are recorded too
    await panel.waitForSelector(`[data-conversation-id="${id}"], .composer__input`, { timeout: 15_000 });
    session = (await h.inWorker<{ session: typeof session }>('chrome.storage.local.get("session")')).session;
    expect(session.sourceId).toBeTruthy();
    expect(session.pubsubToken).toBeTruthy();
    expect(recorder.workerLives()).toBeGreaterThanOrEqual(2); // the stopped worker and the next one
  });

  it('every request went to the installation, or stayed in the browser', () => {
    const installation = new URL(h.sandbox.url).origin;
    const allowed = new Set([installation, `chrome-extension://${h.extensionId}`, 'data:', `blob:chrome-extension://${h.extensionId}`]);
    const seen = recorder.seen.filter((s) => !s.url.startsWith('about:'));
    const byDestination = new Map<string, number>();
    for (const s of seen) byDestination.set(destination(s.url), (byDestination.get(destination(s.url)) ?? 0) + 1);
    const byTarget = new Map<string, number>();
    for (const s of seen) byTarget.set(s.target.split(' ')[0]!, (byTarget.get(s.target.split(' ')[0]!) ?? 0) + 1);
    console.log(`network boundary: ${seen.length} requests, sockets and frames recorded (${[...byTarget].map(([k, n]) => `${k} ${n}`).join(', ')}), ` +
      `by destination: ${[...byDestination].map(([k, n]) => `${k} ${n}`).join(', ')}; worker lives ${recorder.workerLives()}`);
    if (process.env.BOUNDARY_DUMP) console.log(seen.map((s) => `${s.target.slice(0, 20)} ${s.kind} ${s.method ?? ""} ${s.url.slice(0, 110)} ${(s.body ?? "").slice(0, 80)}`).join("\n"));
    expect(seen.filter((s) => !allowed.has(destination(s.url))).map((s) => `${s.target}: ${s.kind} ${s.url}`)).toEqual([]);
    // The recorder saw what it should: REST and the image from the installation, the cable (twice: two worker lives).
    const to = (kind: Seen['kind'], path: RegExp) => seen.filter((s) => s.kind === kind && destination(s.url) === installation && path.test(new URL(s.url).pathname));
    expect(to('http', /^\/public\/api\/v1\/inboxes\/demo-inbox\//).length).toBeGreaterThan(3);
    expect(to('http', /^\/rails\/active_storage\//).length).toBeGreaterThan(0);
    expect(to('websocket', /^\/cable$/).length).toBeGreaterThanOrEqual(2);
    expect(seen.some((s) => s.target.startsWith('service_worker') && s.kind === 'http')).toBe(true);
    expect(seen.some((s) => s.target.startsWith('page') && s.kind === 'http' && destination(s.url) === installation)).toBe(true);
  });

  it('the source_id and the pubsub_token go to the installation only', () => {
    const installation = new URL(h.sandbox.url).origin;
    const secrets = [session.sourceId, session.pubsubToken];
    const carrying = (s: Seen) => secrets.some((secret) => s.url.includes(secret) || (s.body ?? '').includes(secret) || decodeURIComponent(s.url).includes(secret));
    const leaks = recorder.seen.filter((s) => destination(s.url) !== installation && carrying(s));
    expect(leaks.map((s) => `${s.target}: ${s.kind} ${s.url} ${s.body ?? ''}`)).toEqual([]);
    // ... and they do go there: the source_id in the Client API's paths, the token in the cable's subscribe frame.
    expect(recorder.seen.some((s) => destination(s.url) === installation && s.url.includes(session.sourceId))).toBe(true);
    expect(recorder.seen.some((s) => s.kind === 'frame' && (s.body ?? '').includes(session.pubsubToken))).toBe(true);
  });
});
