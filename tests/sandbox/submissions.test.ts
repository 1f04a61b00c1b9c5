// Answers to interactive messages: what arrives through PATCH …/messages/{id} (JSON or form-encoded), what the
// agent API then shows (patch_count, submissions), input_email and the contact, and the CSAT survey page API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/server';
import { agent, client, expectSchema, NOT_FOUND, RawCable, SERVER_ERROR, withSandbox } from './helpers';

let sb: Sandbox;
beforeAll(async () => (sb = await withSandbox()));
afterAll(() => sb.close());

const MSG = '/contacts/{contact_identifier}/conversations/{conversation_id}/messages/{message_id}';

async function setup() {
  const c = client(sb);
  const s = await c.contact({ name: 'Answering' });
  const conv = await c.conversation(s.source_id);
  const path = `/contacts/${s.source_id}/conversations/${conv.id}/messages`;
  const send = async (body: Record<string, unknown>) => (await agent(sb, 'POST', `/conversations/${conv.id}/messages`, body)).json;
  const view = async (id: number) => (await agent(sb, 'GET', `/conversations/${conv.id}/messages`)).json.find((m: { id: number }) => m.id === id);
  return { c, s, conv, path, send, view };
}

describe('submitted_values', () => {
  it('a form answer is stored, pushed, and shown to the agent with one PATCH counted; a second submit adds one more', async () => {
    const { c, s, path, send, view } = await setup();
    const form = await send({ content: 'Contact us', content_type: 'form', content_attributes: { items: [{ name: 'email', label: 'Email', type: 'email' }, { name: 'msg', label: 'Message', type: 'text_area' }] } });
    expect((await view(form.id))).toMatchObject({ patch_count: 0, submissions: [] });
    const cable = new RawCable(sb);
    await cable.subscribe(s.pubsub_token);
    const values = [{ name: 'email', value: 'ann@example.com' }, { name: 'msg', value: 'Hello\nthere' }];
    const r = await c.call('PATCH', `${path}/${form.id}`, { submitted_values: values });
    expect(r.status).toBe(200);
    expectSchema('PATCH', MSG, r.json);
    expect(r.json.content_attributes.submitted_values).toEqual(values);
    const updated = await cable.waitForEvent('message.updated', (d) => d.id === form.id);
    expect(updated.previous_changes.content_attributes[1].submitted_values).toEqual(values);
    const seen = await view(form.id);
    expect(seen.patch_count).toBe(1);
    expect(seen.submissions).toEqual([{ at: expect.any(Number), via: 'PATCH', submitted_values: values }]);
    await c.call('PUT', `${path}/${form.id}`, { submitted_values: values });
    expect((await view(form.id))).toMatchObject({ patch_count: 2, submissions: [{ via: 'PATCH' }, { via: 'PUT' }] });
    cable.close();
  });

  it('form-encoded submitted_values[][title]=… arrive as an array of objects (Rails), numbers stay strings', async () => {
    const { c, path, send, view } = await setup();
    const items = [{ title: 'Billing', value: 'billing' }, { title: 'Other', value: 'other' }];
    const sel = await send({ content: 'Pick', content_type: 'input_select', content_attributes: { items } });
    const body = new URLSearchParams([['submitted_values[][title]', 'Billing'], ['submitted_values[][value]', 'billing']]);
    const r = await fetch(`${c.base}${path}/${sel.id}`, { method: 'PATCH', body });
    expect(r.status).toBe(200);
    expect((await r.json()).content_attributes.submitted_values).toEqual([items[0]]);
    const csat = await send({ content: 'Rate', content_type: 'input_csat' });
    const rated = new URLSearchParams({ 'submitted_values[csat_survey_response][rating]': '4' });
    await fetch(`${c.base}${path}/${csat.id}`, { method: 'PATCH', body: rated });
    expect((await view(csat.id)).content_attributes.submitted_values).toEqual({ csat_survey_response: { rating: '4' } });
  });

  it('keeps only the permitted keys (name, title, value, csat_survey_response: rating, feedback_message)', async () => {
    const { c, path, send } = await setup();
    const sel = await send({ content: 'Pick', content_type: 'input_select', content_attributes: { items: [{ title: 'A', value: 'a' }] } });
    const r = await c.call('PATCH', `${path}/${sel.id}`, { submitted_values: [{ title: 'A', value: 'a', extra: 1, nested: { x: 1 } }, 'loose'] });
    expect(r.json.content_attributes.submitted_values).toEqual([{ title: 'A', value: 'a' }]);
  });

  it('failures are counted but not stored: 500 for a non-array value, 404 for an unknown message', async () => {
    const { c, path, send, view } = await setup();
    const sel = await send({ content: 'Pick', content_type: 'input_select', content_attributes: { items: [{ title: 'A', value: 'a' }] } });
    const bad = await c.call('PATCH', `${path}/${sel.id}`, { submitted_values: 'A' });
    expect(bad.status).toBe(500);
    expect(bad.json).toEqual(SERVER_ERROR);
    expect((await view(sel.id))).toMatchObject({ patch_count: 1, submissions: [] });
    expect((await c.call('PATCH', `${path}/99999`, { submitted_values: [] })).json).toEqual(NOT_FOUND);
  });
});

describe('input_email', () => {
  it('by default only stores submitted_values, as Chatwoot\'s Client API does', async () => {
    const { c, conv, path, send } = await setup();
    const ask = await send({ content: 'Your email?', content_type: 'input_email' });
    const r = await c.call('PATCH', `${path}/${ask.id}`, { submitted_values: [{ name: 'email', value: 'kim@example.com' }] });
    expect(r.json.content_attributes).toEqual({ submitted_values: [{ name: 'email', value: 'kim@example.com' }] });
    expect((await agent(sb, 'GET', `/conversations/${conv.id}`)).json.contact.email).toBeNull();
  });

  it('with input_email_updates_contact, the contact gets the email (and merges into its owner), as the widget API does', async () => {
    expect((await agent(sb, 'POST', '/config', { input_email_updates_contact: true })).json.input_email_updates_contact).toBe(true);
    const { c, conv, path, send } = await setup();
    const ask = await send({ content: 'Your email?', content_type: 'input_email' });
    const r = await c.call('PATCH', `${path}/${ask.id}`, { submitted_values: [{ name: 'email', value: 'Lee@Example.com' }] });
    expect(r.json.content_attributes).toMatchObject({ submitted_email: 'Lee@Example.com' });
    let seen = (await agent(sb, 'GET', `/conversations/${conv.id}`)).json;
    expect(seen.contact).toMatchObject({ email: 'lee@example.com', name: 'Answering' });
    // Another person's email: this contact merges into that one, which keeps its name.
    const owner = await c.contact({ name: 'Owner', email: 'owner@example.com' });
    const other = await setup();
    const ask2 = await other.send({ content: 'Email?', content_type: 'input_email' });
    await other.c.call('PATCH', `${other.path}/${ask2.id}`, { submitted_values: [{ name: 'email', value: 'owner@example.com' }] });
    seen = (await agent(sb, 'GET', `/conversations/${other.conv.id}`)).json;
    expect(seen.contact).toMatchObject({ id: owner.id, name: 'Owner' });
    // An invalid address is stored as an answer but identifies nobody.
    const ask3 = await send({ content: 'Email?', content_type: 'input_email' });
    const bad = await c.call('PATCH', `${path}/${ask3.id}`, { submitted_values: [{ name: 'email', value: 'nope' }] });
    expect(bad.json.content_attributes).toEqual({ submitted_values: [{ name: 'email', value: 'nope' }] });
    await agent(sb, 'DELETE', '/config');
    expect((await agent(sb, 'GET', '/config')).json.input_email_updates_contact).toBe(false);
  });
});

describe('CSAT survey page API: /public/api/v1/csat_survey/{conversation_uuid}', () => {
  const survey = (uuid: string, init?: RequestInit) => fetch(`${sb.url}/public/api/v1/csat_survey/${uuid}`, init);

  it('answers Chatwoot\'s shape, csat_survey_response null until rated, then the response record', async () => {
    const { c, conv, path, send } = await setup();
    const uuid = (await c.call('GET', path.replace('/messages', ''))).json.uuid;
    expect((await survey(uuid)).status).toBe(404); // no CSAT message yet
    const csat = await send({ content: 'How did we do?', content_type: 'input_csat', content_attributes: { display_type: 'star' }, sender: 'none' });
    const first = await survey(uuid);
    expect(first.status).toBe(200);
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    const body = await first.json();
    expect(Object.keys(body).sort()).toEqual(['content', 'conversation_id', 'created_at', 'csat_survey_response', 'display_type', 'id', 'inbox_avatar_url', 'inbox_name', 'locale']);
    expect(body).toMatchObject({ id: csat.id, csat_survey_response: null, display_type: 'star', content: 'How did we do?', inbox_name: 'Demo Inbox', locale: 'en', conversation_id: conv.id });
    expect(body.created_at).toBe(new Date(csat.created_at * 1000).toISOString());
    await c.call('PATCH', `${path}/${csat.id}`, { submitted_values: { csat_survey_response: { rating: 5, feedback_message: 'Great' } } });
    const rated = await (await survey(uuid)).json();
    expect(rated.csat_survey_response).toMatchObject({ rating: 5, feedback_message: 'Great', message_id: csat.id, conversation_id: conv.id, account_id: 1 });
    expect(Object.keys(rated.csat_survey_response).sort()).toEqual(['account_id', 'assigned_agent_id', 'contact_id', 'conversation_id', 'created_at', 'feedback_message', 'id', 'message_id', 'rating', 'updated_at']);
  });

  it('PATCH from the survey page rates it (counted as a submission); unknown uuid 404; emoji by default', async () => {
    const { c, conv, path, send, view } = await setup();
    const uuid = (await c.call('GET', path.replace('/messages', ''))).json.uuid;
    const csat = await send({ content: 'Rate', content_type: 'input_csat' });
    const r = await survey(uuid, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ message: { submitted_values: { csat_survey_response: { rating: 3, feedback_message: 'ok' } } } }) });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ display_type: 'emoji', csat_survey_response: { rating: 3, feedback_message: 'ok' }, conversation_id: conv.id });
    expect(await view(csat.id)).toMatchObject({ patch_count: 1, submissions: [{ via: 'csat_survey' }] });
    const missing = await survey('00000000-0000-0000-0000-000000000000');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(NOT_FOUND);
    expect((await survey(uuid, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(500);
  });

  it('422 after 14 days, on both the survey page and the messages PATCH', async () => {
    const { c, path, send } = await setup();
    const uuid = (await c.call('GET', path.replace('/messages', ''))).json.uuid;
    const csat = await send({ content: 'Rate', content_type: 'input_csat' });
    sb.state.messages.get(csat.id)!.createdAt -= 15 * 86400;
    const body = JSON.stringify({ message: { submitted_values: { csat_survey_response: { rating: 3 } } } });
    const r = await survey(uuid, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body });
    expect(r.status).toBe(422);
    expect(await r.json()).toEqual({ error: 'You cannot update the CSAT survey after 14 days' });
    const p = await c.call('PATCH', `${path}/${csat.id}`, { submitted_values: { csat_survey_response: { rating: 3 } } });
    expect(p.status).toBe(422);
  });
});
