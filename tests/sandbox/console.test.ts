// The agent console page, run in happy-dom against a live sandbox: what a person playing the agent sees (the
// customer's attachments inline, rich messages, answers) and what its controls send.
// Scripts are evaluated from disk: happy-dom fetches script files synchronously, which would block on a server
// living in this same process.
import { readFileSync } from 'node:fs';
import { Browser, type BrowserPage } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/server';
import { agent, client, sleep, withSandbox } from './helpers';

let sb: Sandbox;
let browser: Browser;
let page: BrowserPage;
let convId: number;
let sourceId: string;

const doc = () => page.mainFrame.document;
const q = <T = HTMLElement>(sel: string) => doc().querySelector(sel) as T;
/** Sets a control's value and fires `change`, as a person picking a value does. */
function change(sel: string, value: string) {
  const control = q<HTMLInputElement>(sel);
  control.value = value;
  control.dispatchEvent(new page.mainFrame.window.Event('change') as unknown as Event);
}
const lastMessage = async () => (await agent(sb, 'GET', `/conversations/${convId}`)).json.messages.at(-1);

async function until<T>(fn: () => T | Promise<T>, ok: (v: T) => boolean, timeout = 4000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await sleep(50);
  }
}

beforeAll(async () => {
  sb = await withSandbox();
  const c = client(sb);
  const s = await c.contact({ name: 'Console Customer' });
  sourceId = s.source_id;
  convId = (await c.conversation(s.source_id)).id;
  const form = new FormData();
  form.append('content', 'Here is my screenshot');
  form.append('attachments[]', new Blob([readFileSync(new URL('../../sandbox/console/avatar.svg', import.meta.url))], { type: 'image/png' }), 'screen.png');
  form.append('attachments[]', new Blob(['log line'], { type: 'text/plain' }), 'app.log');
  await c.call('POST', `/contacts/${s.source_id}/conversations/${convId}/messages`, form);
  browser = new Browser({
    settings: {
      enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true, disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true,
    },
  });
  page = browser.newPage();
  await page.goto(`${sb.url}/sandbox/`);
  for (const f of ['console.js', 'render.js', 'rich.js', 'compose.js', 'faults.js'])
    page.evaluate(readFileSync(new URL(`../../sandbox/console/${f}`, import.meta.url), 'utf8'));
  await until(() => doc().querySelectorAll('#conversations li').length, (n) => n > 0);
  q('#conversations li').click();
});
afterAll(async () => {
  await browser?.close();
  await sb?.close();
});

describe('agent console', () => {
  it('shows the customer\'s image inline and other files as links', async () => {
    const img = await until(() => q<HTMLImageElement>('#messages img'), Boolean);
    expect(img.getAttribute('src')).toMatch(/\/rails\/active_storage\/representations\/redirect\/.+\/screen\.png$/);
    expect(img.getAttribute('alt')).toBe('screen.png');
    const links = [...doc().querySelectorAll('#messages a')].map((a) => a.textContent ?? '');
    expect(links.some((t) => t.includes('app.log'))).toBe(true);
    expect(q('#messages').textContent).toContain('Here is my screenshot');
  });

  it('sends text with its newlines as the chosen sender, with a sample attached', async () => {
    q<HTMLTextAreaElement>('#reply').value = '**Hello**\n\n- one\n- two';
    q<HTMLSelectElement>('#sender').value = 'captain';
    change('#sample', 'pdf');
    expect(q('#chosen').textContent).toContain('sample pdf');
    q('#send').click();
    const m = await until(lastMessage, (x) => x.content === '**Hello**\n\n- one\n- two');
    expect(m).toMatchObject({ sender: { type: 'captain_assistant' }, attachments: [{ file_name: 'sample.pdf' }] });
    q<HTMLSelectElement>('#sender').value = 'agent';
  });

  it('the rich message editor sends cards built from its lines', async () => {
    change('#rich-kind', 'cards');
    expect(q('#rich-form').hidden).toBe(false);
    q<HTMLTextAreaElement>('#rich-items').value = 'Shoe | Light | https://example.com/s.png | View | https://example.com/s | Buy | postback:BUY';
    q('#rich-send').click();
    const m = await until(lastMessage, (x) => x.content_type === 'cards');
    expect(m.content_attributes.items).toEqual([{
      title: 'Shoe', description: 'Light', media_url: 'https://example.com/s.png',
      actions: [{ type: 'link', text: 'View', uri: 'https://example.com/s' }, { type: 'postback', text: 'Buy', payload: 'BUY' }],
    }]);
    await until(() => q('#messages').textContent ?? '', (t) => t.includes('🔗 View'));
  });

  it('form, options and a star survey as the automatic template; the customer\'s answer is shown with its count', async () => {
    for (const k of ['form', 'input_select']) {
      change('#rich-kind', k);
      q('#rich-send').click();
      await until(lastMessage, (x) => x.content_type === k);
    }
    const all = (await agent(sb, 'GET', `/conversations/${convId}/messages`)).json;
    const form = all.find((x: { content_type: string }) => x.content_type === 'form');
    expect(form.content_attributes.items[1]).toMatchObject({ name: 'topic', type: 'select', options: [{ label: 'Billing', value: 'billing' }, { label: 'Technical', value: 'technical' }, { label: 'Other', value: 'other' }] });
    change('#rich-kind', 'input_csat');
    q<HTMLSelectElement>('#csat-display').value = 'star';
    q<HTMLInputElement>('#csat-template').checked = true;
    q('#rich-send').click();
    const csat = await until(lastMessage, (x) => x.content_type === 'input_csat');
    expect(csat).toMatchObject({ message_type: 3, content_attributes: { display_type: 'star' } });
    expect(csat).not.toHaveProperty('sender');
    const c = client(sb);
    const path = `/contacts/${sourceId}/conversations/${convId}/messages/${csat.id}`;
    await c.call('PATCH', path, { submitted_values: { csat_survey_response: { rating: 4, feedback_message: 'Nice' } } });
    await c.call('PATCH', path, { submitted_values: { csat_survey_response: { rating: 4, feedback_message: 'Nice' } } });
    const text = await until(() => q('#messages').textContent ?? '', (t) => t.includes('answered 2 times'));
    expect(text).toContain('Customer answered: ★ 4/5 “Nice” · answered 2 times');
    expect(text).toContain('Automatic (template)');
  });

  it('the config panel switches the PATCH contact shape and refused types', async () => {
    q('#faults-toggle').click();
    change('#cfg-shape', 'session');
    change('#cfg-types', 'application/x-msdownload, video/*');
    const config = await until(async () => (await agent(sb, 'GET', '/config')).json, (x) => x.rejected_attachment_types.length === 2);
    expect(config).toMatchObject({ contact_update_shape: 'session', rejected_attachment_types: ['application/x-msdownload', 'video/*'] });
    q('#cfg-reset').click();
    await until(async () => (await agent(sb, 'GET', '/config')).json.contact_update_shape, (x) => x === 'full');
  });
});
