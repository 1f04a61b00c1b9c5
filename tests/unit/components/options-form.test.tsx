import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsForm } from '@/components/options/options-form';
import { createNotificationsModel } from '@/utils/options/notifications-model';
import type { ConnectError, ConnectResult, ReplyOf } from '@/utils/protocol';
import { CodedError } from '@/utils/protocol/errors';
import { deferred, fakeConnector, snapshot, type FakeOptions, type Handlers } from './fake-connector';

afterEach(cleanup);

const input = (label: RegExp | string) => screen.getByLabelText(label) as HTMLInputElement;

function fill(values: Partial<Record<string, string>>) {
  for (const [label, value] of Object.entries(values)) fireEvent.input(input(label), { target: { value } });
}

const SETTINGS: ReplyOf<'settings.get'> = {
  installationUrl: '', inboxIdentifier: '', name: '', email: '', identifier: '', identifierHash: '', notifications: false,
};
const notConfigured = () => snapshot([], { status: { configured: false, connection: 'unconfigured' } });

/** The form on a fake connector; Save answers with `connect`. Not set up yet unless told otherwise. */
function renderForm(connect: () => ConnectResult | Promise<ConnectResult> = () => ({ ok: true }), handlers: Handlers = {}, options: FakeOptions = {}) {
  const fake = fakeConnector({ connect, 'snapshot.get': notConfigured, ...handlers }, options);
  render(<OptionsForm connector={fake.connector} />);
  return fake;
}

const MESSAGES: [ConnectError, RegExp][] = [
  ['invalid_url', /^Enter a full URL such as https:\/\/support\.example\.com$/],
  ['unreachable', /^Can’t reach the server/],
  ['not_hoory', /^This doesn’t look like a Hoory server/],
  ['unknown_inbox', /^No inbox with this identifier/],
  ['identity_rejected', /^The identity was rejected: check the identifier hash$/],
  ['identity_required', /^This inbox requires a verified identity: fill Identifier and Identifier hash$/],
  ['permission_needed', /permission to talk to https:\/\/support\.example\.com/],
  ['permission_refused', /Access to https:\/\/support\.example\.com was refused/],
  ['invalid', /^The server did not accept this\. Check what you entered\.$/],
  ['server', /^The server answered with an error\. Try again in a moment\.$/],
];

describe('options form', () => {
  it('has every field with its label, the optional ones marked, and help tied to the field', () => {
    renderForm();
    for (const label of ['Installation URL', 'Inbox identifier']) expect(input(label).required).toBe(true);
    for (const label of ['Name', 'Email', 'Identifier', 'Identifier hash']) {
      const field = input(new RegExp(`^${label} \\(optional\\)$`));
      expect(field.required).toBe(false);
    }
    const hash = input(/^Identifier hash/);
    const help = document.getElementById(hash.getAttribute('aria-describedby')!.split(' ')[0]!)!;
    expect(help.textContent).toMatch(/never holds the HMAC secret/);
    expect(screen.getByText(/API channel inbox → Settings → Configuration/)).toBeTruthy();
  });

  it('loads the current settings from the background', async () => {
    const fake = renderForm(undefined, {
      'settings.get': () => ({ ...SETTINGS, installationUrl: 'https://s.example.com', inboxIdentifier: 'abc', name: 'Ann' }),
    });
    await waitFor(() => expect(input('Installation URL').value).toBe('https://s.example.com'));
    expect(input('Inbox identifier').value).toBe('abc');
    expect(input(/^Name/).value).toBe('Ann');
    expect(fake.sent('settings.get').length).toBeGreaterThan(0);
  });

  it('never overwrites what the user typed while the settings were loading', async () => {
    const stored = deferred<ReplyOf<'settings.get'>>();
    renderForm(undefined, { 'settings.get': () => stored.promise });
    fill({ 'Installation URL': 'https://typed.example.com' });
    stored.resolve({ ...SETTINGS, installationUrl: 'https://stored.example.com', inboxIdentifier: 'abc' });
    await new Promise((r) => setTimeout(r, 10));
    expect(input('Installation URL').value).toBe('https://typed.example.com');
  });

  it('welcomes a user who has not set it up yet', async () => {
    renderForm();
    expect(await screen.findByRole('heading', { name: 'Welcome to Hoory Sidebar' })).toBeTruthy();
    expect(screen.getByText(/enter the two things your support team gave you/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('says "Connected" on opening when the extension already is, and offers to open the chat', async () => {
    const fake = renderForm(undefined, { 'snapshot.get': () => snapshot([], { status: { inboxName: 'Help desk' } }) });
    const status = await screen.findByRole('status');
    await waitFor(() => expect(status.textContent).toBe('Connected to Help desk'));
    expect(screen.queryByRole('heading', { name: 'Welcome to Hoory Sidebar' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open the chat' }));
    expect(fake.connector.openPanel).toHaveBeenCalledOnce();
  });

  it('says nothing on opening when the background does not answer', async () => {
    renderForm(undefined, { 'snapshot.get': () => Promise.reject(new CodedError('no_background')) });
    await new Promise((r) => setTimeout(r, 10));
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('Save sends trimmed settings, shows "Checking…" then "Connected"', async () => {
    const pending = deferred<ConnectResult>();
    const fake = renderForm(() => pending.promise);
    fill({ 'Installation URL': ' https://support.example.com ', 'Inbox identifier': 'inb0x', 'Email (optional)': 'a@b.c' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(fake.sent('connect')).toEqual([
      {
        type: 'connect',
        settings: {
          installationUrl: 'https://support.example.com',
          inboxIdentifier: 'inb0x',
          name: '',
          email: 'a@b.c',
          identifier: '',
          identifierHash: '',
        },
      },
    ]);
    expect(screen.getByRole('status').textContent).toBe('Checking…');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    pending.resolve({ ok: true, inboxName: 'Help desk' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Connected'));
    expect(screen.getByText('Connected')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Connected to Help desk');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for the required fields before connecting and focuses the first missing one', async () => {
    const fake = renderForm();
    fill({ 'Inbox identifier': 'inb0x' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(fake.sent('connect')).toHaveLength(0);
    expect(screen.getByText('Installation URL is required')).toBeTruthy();
    expect(input('Installation URL').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(input('Installation URL')));
    // Typing in it clears its message.
    fill({ 'Installation URL': 'h' });
    expect(screen.queryByText('Installation URL is required')).toBeNull();
  });

  it.each(MESSAGES)('maps %s to its message', async (error, text) => {
    renderForm(() => ({ ok: false, error, origin: 'https://support.example.com' }));
    fill({ 'Installation URL': 'https://support.example.com', 'Inbox identifier': 'x' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('.alert__text')!.textContent).toMatch(text);
    expect(screen.getByRole('status').textContent).not.toContain('Connected');
  });

  it('marks and focuses the field an error is about', async () => {
    renderForm(() => ({ ok: false, error: 'identity_rejected' }));
    fill({ 'Installation URL': 'https://support.example.com', 'Inbox identifier': 'x', 'Identifier (optional)': 'u1', 'Identifier hash (optional)': 'bad' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('alert');
    const hash = input(/^Identifier hash/);
    expect(hash.getAttribute('aria-invalid')).toBe('true');
    expect(hash.getAttribute('aria-describedby')).toContain('connect-error');
    await waitFor(() => expect(document.activeElement).toBe(hash));
  });

  it('permission_needed: "Allow access" asks for the origin at once, then saves again', async () => {
    const results: ConnectResult[] = [
      { ok: false, error: 'permission_needed', origin: 'https://support.example.com' },
      { ok: true },
    ];
    const fake = renderForm(() => results.shift()!);
    fill({ 'Installation URL': 'https://support.example.com', 'Inbox identifier': 'x' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const allow = await screen.findByRole('button', { name: 'Allow access to https://support.example.com' });

    fireEvent.click(allow);
    // Synchronously in the click: nothing awaited before the prompt.
    expect(fake.connector.requestOrigin).toHaveBeenCalledWith('https://support.example.com');
    await waitFor(() => expect(screen.getByText('Connected')).toBeTruthy());
    expect(fake.sent('connect')).toHaveLength(2);
  });

  it('permission refused at the prompt says so', async () => {
    const fake = renderForm(() => ({ ok: false, error: 'permission_needed', origin: 'https://support.example.com' }), {}, { answers: { origin: false } });
    fill({ 'Installation URL': 'https://support.example.com', 'Inbox identifier': 'x' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(await screen.findByRole('button', { name: /^Allow access to/ }));
    expect(await screen.findByText(/was refused/)).toBeTruthy();
    expect(fake.sent('connect')).toHaveLength(1);
    // Still offered: the user may change their mind.
    expect(screen.getByRole('button', { name: 'Allow access to https://support.example.com' })).toBeTruthy();
  });

  it('a connector failure is shown, not swallowed', async () => {
    renderForm(() => Promise.reject(new CodedError('no_background')));
    fill({ 'Installation URL': 'https://support.example.com', 'Inbox identifier': 'x' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Try again in a moment/);
    expect(screen.getByRole('status').textContent).not.toContain('Connected');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(false);
  });

  // Source bug: components/options/options-form.tsx turns any failed 'connect' request into `server`, so a
  // background that did not answer reads "The server answered with an error": the request's code is lost.
  it('a connector failure says what failed, by its code', async () => {
    renderForm(() => Promise.reject(new CodedError('no_background')));
    fill({ 'Installation URL': 'https://support.example.com', 'Inbox identifier': 'x' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The extension is restarting. Try again in a moment.');
  });
});

describe('notifications toggle', () => {
  const box = () => screen.getByRole('switch', { name: 'Desktop notifications for new replies' }) as HTMLInputElement;

  it('shows the stored choice', async () => {
    renderForm(undefined, { 'settings.get': () => ({ ...SETTINGS, notifications: true }) });
    await waitFor(() => expect(box().checked).toBe(true));
  });

  it('asks for the permission first and has the background store true when granted', async () => {
    const fake = renderForm();
    await new Promise((r) => setTimeout(r, 0)); // the stored choice (off) has loaded
    fireEvent.click(box());
    // In the click itself: the prompt needs the user's gesture.
    expect(fake.connector.requestNotifications).toHaveBeenCalledOnce();
    await waitFor(() => expect(fake.sent('settings.notifications')).toEqual([{ type: 'settings.notifications', on: true }]));
    await waitFor(() => expect(box().checked).toBe(true));

    fireEvent.click(box());
    await waitFor(() => expect(fake.sent('settings.notifications').at(-1)).toEqual({ type: 'settings.notifications', on: false }));
    expect(box().checked).toBe(false);
    expect(fake.connector.requestNotifications).toHaveBeenCalledTimes(1); // turning off asks nothing
  });

  it('stays off when the permission is refused', async () => {
    const fake = renderForm(undefined, {}, { answers: { notifications: false } });
    fireEvent.click(box());
    expect(await screen.findByText('Notifications were not allowed.')).toBeTruthy();
    expect(box().checked).toBe(false);
    expect(fake.sent('settings.notifications')).toHaveLength(0);
  });
});

// utils/options/notifications-model.ts (kept beside its component: tests/unit/options/ is not ours to add).
describe('notifications model', () => {
  it('loads the stored choice, and stays off when the background does not answer', async () => {
    const on = createNotificationsModel(fakeConnector({ 'settings.get': () => ({ ...SETTINGS, notifications: true }) }).connector);
    await on.load();
    expect(on.on.value).toBe(true);
    const down = createNotificationsModel(fakeConnector({ 'settings.get': () => Promise.reject(new CodedError('no_background')) }).connector);
    await down.load();
    expect(down.on.value).toBe(false);
  });

  it('turning on asks, then stores; refused, it stays off and says so until the next toggle', async () => {
    const fake = fakeConnector({}, { answers: { notifications: false } });
    const model = createNotificationsModel(fake.connector);
    await model.toggle(true);
    expect(model.on.value).toBe(false);
    expect(model.refused.value).toBe(true);
    expect(fake.sent('settings.notifications')).toEqual([]);

    fake.answer({ notifications: true });
    await model.toggle(true);
    expect(model.on.value).toBe(true);
    expect(model.refused.value).toBe(false);
    expect(fake.sent('settings.notifications')).toEqual([{ type: 'settings.notifications', on: true }]);

    await model.toggle(false);
    expect(model.on.value).toBe(false);
    expect(fake.sent('settings.notifications').at(-1)).toEqual({ type: 'settings.notifications', on: false });
    expect(fake.connector.requestNotifications).toHaveBeenCalledTimes(2);
  });

  it('a prompt that throws counts as refused, and a failed store does not throw', async () => {
    const fake = fakeConnector({ 'settings.notifications': () => Promise.reject(new CodedError('no_background')) });
    vi.mocked(fake.connector.requestNotifications).mockRejectedValueOnce(new Error('prompt failed'));
    const model = createNotificationsModel(fake.connector);
    await model.toggle(true);
    expect(model.refused.value).toBe(true);
    await expect(model.toggle(false)).resolves.toBeUndefined();
  });
});

