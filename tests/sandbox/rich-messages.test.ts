// Rich messages from the agent API: Markdown text, cards, form, article, input_email, input_select,
// input_csat (emoji/star), and the bot, Captain and template senders; as REST and cable deliver them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/server';
import { agent, client, expectSchema, RawCable, withSandbox } from './helpers';

let sb: Sandbox;
beforeAll(async () => (sb = await withSandbox()));
afterAll(() => sb.close());

const MSGS = '/contacts/{contact_identifier}/conversations/{conversation_id}/messages';

async function setup() {
  const c = client(sb);
  const s = await c.contact({ name: 'Rich' });
  const conv = await c.conversation(s.source_id);
  const list = async () => (await c.call('GET', `/contacts/${s.source_id}/conversations/${conv.id}/messages`)).json;
  return { c, s, conv, list, send: (body: Record<string, unknown>) => agent(sb, 'POST', `/conversations/${conv.id}/messages`, body) };
}

const CARDS = [
  {
    media_url: 'https://example.com/shoe.png', title: 'Running shoe', description: 'Light and fast',
    actions: [{ type: 'link', text: 'View', uri: 'https://example.com/shoe' }, { type: 'postback', text: 'Buy', payload: 'BUY_SHOE' }],
  },
];
const FORM = [
  { name: 'email', label: 'Email', type: 'email', placeholder: 'you@example.com', required: true },
  { name: 'topic', label: 'Topic', type: 'select', options: [{ label: 'Billing', value: 'billing' }, { label: 'Other', value: 'other' }] },
  { name: 'details', label: 'Details', type: 'text_area', placeholder: 'Tell us more' },
];
const ARTICLES = [{ title: 'Reset your password', description: 'Step by step', link: 'https://help.example.com/reset' }];

describe('rich messages', () => {
  it('Markdown text keeps its newlines and characters exactly', async () => {
    const { send, list } = await setup();
    const content = '**Order #42**\n\n- item one\n- item _two_\n\n```\ncode <b>\n```\n[docs](https://example.com)';
    const r = await send({ content });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ content, content_type: 'text', message_type: 1, sender: { type: 'user' } });
    const [m] = await list();
    expect(m.content).toBe(content);
    expectSchema('GET', MSGS, await list());
  });

  it('cards, form, article, input_email, input_select and input_csat arrive as sent, over REST and /cable', async () => {
    const { s, send, list } = await setup();
    const cable = new RawCable(sb);
    await cable.subscribe(s.pubsub_token);
    const sent = [
      { content: 'Our picks', content_type: 'cards', content_attributes: { items: CARDS } },
      { content: 'Tell us about it', content_type: 'form', content_attributes: { items: FORM } },
      { content: 'These may help', content_type: 'article', content_attributes: { items: ARTICLES } },
      { content: 'Get notified by email', content_type: 'input_email' },
      { content: 'Pick one', content_type: 'input_select', content_attributes: { items: [{ title: 'Yes', value: 'yes' }] } },
      { content: 'Rate us', content_type: 'input_csat', content_attributes: { display_type: 'star' } },
      { content: 'Rate us again', content_type: 'input_csat' },
    ];
    for (const body of sent) expect((await send(body)).status).toBe(200);
    const rest = await list();
    expectSchema('GET', MSGS, rest);
    expect(rest.map((m: { content_type: string }) => m.content_type)).toEqual(['cards', 'form', 'article', 'input_email', 'input_select', 'input_csat', 'input_csat']);
    expect(rest[0].content_attributes).toEqual({ items: CARDS });
    expect(rest[1].content_attributes).toEqual({ items: FORM });
    expect(rest[2].content_attributes).toEqual({ items: ARTICLES });
    expect(rest[3].content_attributes).toEqual({});
    expect(rest[5].content_attributes).toEqual({ display_type: 'star' });
    expect(rest[6].content_attributes).toEqual({ display_type: 'emoji' }); // Chatwoot always sets one
    const pushed = await cable.waitForEvent('message.created', (d) => d.content_type === 'cards');
    expect(pushed.content_attributes).toEqual({ items: CARDS });
    cable.close();
  });

  it('bot and Captain senders have Chatwoot\'s shapes; no performer, no assignment', async () => {
    const { s, conv, send, list } = await setup();
    const cable = new RawCable(sb);
    await cable.subscribe(s.pubsub_token);
    const bot = await send({ content: 'I am a bot', sender: 'bot' });
    expect(bot.json).toMatchObject({ message_type: 1, sender_type: 'AgentBot', sender: { type: 'agent_bot', name: 'Sandbox Bot' } });
    expect(Object.keys(bot.json.sender).sort()).toEqual(['avatar_url', 'id', 'name', 'type']);
    const captain = await send({ content: 'Captain here', sender: 'captain', content_type: 'article', content_attributes: { items: ARTICLES } });
    expect(captain.json).toMatchObject({ message_type: 1, sender_type: 'Captain::Assistant', sender: { type: 'captain_assistant', name: 'Captain' } });
    expect(Object.keys(captain.json.sender).sort()).toEqual(['avatar_url', 'created_at', 'description', 'id', 'name', 'type']);
    expect(captain.json.sender.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    const [rb, rc] = await list();
    expect(rb.sender).toEqual(bot.json.sender);
    expect(rc.sender).toEqual(captain.json.sender);
    for (const url of [rb.sender.avatar_url, rc.sender.avatar_url]) expect((await fetch(url)).headers.get('content-type')).toBe('image/svg+xml');
    const event = await cable.waitForEvent('message.created', (d) => d.content === 'I am a bot');
    expect(event).not.toHaveProperty('performer');
    expect(event.sender.type).toBe('agent_bot');
    const view = (await agent(sb, 'GET', `/conversations/${conv.id}`)).json;
    expect(view.messages.length).toBe(2);
    const agentReply = await send({ content: 'A human now' });
    expect(agentReply.json.conversation.assignee_id).toBe(1);
    expect(bot.json.conversation.assignee_id).toBeNull();
    cable.close();
  });

  it('sender "none" makes a template (message_type 3, no sender), like Chatwoot\'s automatic CSAT', async () => {
    const { send, list } = await setup();
    const r = await send({ content: 'Please rate the conversation', content_type: 'input_csat', sender: 'none' });
    expect(r.json).toMatchObject({ message_type: 3, sender_type: null, content_attributes: { display_type: 'emoji' } });
    expect(r.json).not.toHaveProperty('sender');
    const [m] = await list();
    expect(m).not.toHaveProperty('sender');
    expect(m.message_type).toBe(3);
  });

  it('422 for what Chatwoot\'s ContentAttributeValidator refuses, and for bad sender, type or display_type', async () => {
    const { send } = await setup();
    const cases: [Record<string, unknown>, string][] = [
      [{ content_type: 'cards', content_attributes: { items: [] } }, 'Content attributes At least one item is required.'],
      [{ content_type: 'cards', content_attributes: { items: [{ title: 'No actions' }] } }, 'Content attributes contains items missing actions'],
      [{ content_type: 'cards', content_attributes: { items: [{ title: 'x', actions: [{ type: 'link', href: 'u' }] }] } }, 'Content attributes contains invalid keys for actions:  ["href"]'],
      [{ content_type: 'article', content_attributes: { items: [{ title: 'x', url: 'u' }] } }, 'Content attributes contains invalid keys for items : ["url"]'],
      [{ content_type: 'form', content_attributes: { items: ['text'] } }, 'Content attributes Items should be a hash.'],
      [{ content_type: 'input_select' }, 'Content attributes At least one item is required.'],
    ];
    for (const [body, message] of cases) {
      const r = await send({ content: 'x', ...body });
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.json).toEqual({ message, attributes: ['content_attributes'] });
    }
    for (const body of [
      { content: 'x', sender: 'robot' }, { content: 'x', content_type: 'html' },
      { content: 'x', content_type: 'input_csat', content_attributes: { display_type: 'thumbs' } },
      { content: 'x', content_attributes: '{not json' }, { content: '' },
    ]) {
      const r = await send(body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(r.json).sort()).toEqual(['attributes', 'message']);
    }
  });
});
