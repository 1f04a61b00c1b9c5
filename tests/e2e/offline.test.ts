// Issue 19: no network. While the worker has none (CDP network emulation on its target, and the `offline`
// event it then gets), the panel says Offline, still takes messages and shows them waiting; when the network
// returns they go at once, in order, and the server has each exactly once.
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bodyText, Harness, until, waitForText, type AgentConversation } from './harness';
import { orderProblems, panelRows, panelSaysOffline, serverMessages, typeAndSend, workerOffline } from './chaos-kit';

let h: Harness;
let panel: Page;
let id: number;
let outage: Awaited<ReturnType<typeof workerOffline>> | null = null;

beforeAll(async () => {
  h = await Harness.start();
  await (await h.configure()).close();
  panel = await h.open('sidepanel');
  await panel.locator('::-p-aria([name="New conversation"][role="button"])').click();
  await typeAndSend(panel, 'C0001 before the network goes');
  id = (await until(() => h.agent.conversations(), (cs) => cs.length === 1))[0]!.id;
  await panel.waitForSelector('[data-connection="online"]', { timeout: 15_000 });
  await until(() => panelRows(panel), (rows) => rows.length === 1 && rows[0]!.key.startsWith('m'));
});
afterEach(async () => {
  await outage?.online(); // a test that failed offline leaves the next one a network, and an empty outbox
  outage = null;
  await until(() => h.inWorker<unknown[]>('chrome.storage.local.get("outbox").then((s) => s.outbox ?? [])'), (o) => o.length === 0, 15_000);
});
afterAll(() => h?.close());

const delivery = async (tags: string[]) => (await panelRows(panel)).filter((r) => r.tag && tags.includes(r.tag)).map((r) => r.delivery);

describe('offline', () => {
  it('says Offline, takes messages and shows them waiting; when the network is back they go at once, in order, once each', async () => {
    outage = await workerOffline(h);
    await h.agent.faults({ drop_cable: true }); // the network's loss breaks the open socket
    await panelSaysOffline(panel);
    const typed = ['C0002', 'C0003', 'C0004'];
    for (const tag of typed) await typeAndSend(panel, `${tag} typed while offline`);
    await h.agent.reply(id, 'A0001 sent by the agent meanwhile');
    // Each is shown, once, unsent, and the first one tried says "Waiting for the network…"; none failed.
    await waitForText(panel, 'Waiting for the network…');
    expect(await until(async () => orderProblems((await panelRows(panel)).map((r) => r.tag), typed), (p) => p.length === 0).catch((e) => e)).toEqual([]);
    expect((await panelRows(panel)).filter((r) => r.tag && typed.includes(r.tag)).every((r) => r.key.startsWith('e'))).toBe(true);
    expect(await bodyText(panel)).not.toMatch(/Failed/);
    expect((await serverMessages(h, id)).map((m) => m.tag)).toEqual(['C0001', 'A0001']); // nothing got out

    const back = Date.now();
    await outage.online();
    const { fired } = outage;
    outage = null;
    console.log(`offline: ${fired.offline ? 'the offline event fired' : 'no offline event from CDP emulation: dispatched in the worker'}; ` +
      `${fired.online ? 'the online event fired' : 'no online event: dispatched'}`);
    await until(async () => orderProblems((await serverMessages(h, id)).map((m) => m.tag), typed), (p) => p.length === 0, 10_000);
    const sentMs = Date.now() - back;
    console.log(`offline: the 3 waiting messages were on the server ${sentMs} ms after the network came back`);
    expect(sentMs).toBeLessThan(5_000); // at once, not after a backoff
    await panel.waitForSelector('[data-connection="online"]', { timeout: 15_000 });
    await until(() => panelRows(panel), (rows) => rows.every((r) => r.key.startsWith('m')) && rows.length === 5, 10_000);
    expect((await panelRows(panel)).map((r) => r.tag)).toEqual((await serverMessages(h, id)).map((m) => m.tag));
    expect((await serverMessages(h, id)).map((m) => m.tag)).toEqual(['C0001', 'A0001', ...typed]);
  });

  // Was a bug: only the first waiting message said so (the others had never been tried). The outbox now
  // marks every waiting message when the network goes.
  it('every message typed offline says it waits for the network, not only the first', async () => {
    outage = await workerOffline(h);
    await panelSaysOffline(panel);
    const typed = ['C0005', 'C0006'];
    for (const tag of typed) await typeAndSend(panel, `${tag} typed while offline`);
    const says = await until(() => delivery(typed), (d) => d.length === 2 && d.every((x) => x !== ''), 8_000);
    console.log(`offline: the two messages typed offline say ${JSON.stringify(says)}`);
    await until(() => delivery(typed), (d) => d.length === 2 && d.every((x) => x === 'Waiting for the network…'), 8_000);
  });

  // Was a bug: two messages typed in "New conversation" before it existed made two conversations. The second
  // now follows the first (message.send's `follows`) into the one conversation.
  it('a conversation started offline is created once, with its messages in order, when the network returns', async () => {
    outage = await workerOffline(h);
    await panelSaysOffline(panel);
    await panel.locator('::-p-aria([name="Back to conversations"])').click();
    await panel.locator('::-p-aria([name="New conversation"][role="button"])').click();
    await typeAndSend(panel, 'C0101 a new question, offline');
    await waitForText(panel, 'Waiting for the network…');
    await typeAndSend(panel, 'C0102 and a second line');
    expect(await h.agent.conversations()).toHaveLength(1);
    await outage.online();
    outage = null;
    const mine = (cs: AgentConversation[]) => cs.filter((c) => c.messages.some((m) => /^C010[12]/.test(m.content ?? '')));
    const both = await until(() => h.agent.conversations(), (cs) => mine(cs).flatMap((c) => c.messages).length === 2, 10_000);
    console.log(`offline: the two messages of the new conversation went to ${mine(both).length} conversation(s)`);
    expect(mine(both)).toHaveLength(1);
    expect((await serverMessages(h, mine(both)[0]!.id)).map((m) => m.tag)).toEqual(['C0101', 'C0102']);
    await new Promise((r) => setTimeout(r, 1_500)); // a second creation would have happened by now
    expect(await h.agent.conversations()).toHaveLength(2);
  });
});
