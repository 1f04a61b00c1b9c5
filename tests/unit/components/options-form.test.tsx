import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsForm } from '@/components/options/options-form';
import { requestOrigin, requestPermission } from '@/utils/platform';
import type { ConnectError, ConnectResult, SettingsInput } from '@/utils/protocol';
import { EMPTY_SETTINGS, settingsItem } from '@/utils/settings';
import { deferred } from './fake-connector';

vi.mock('@/utils/platform', () => ({
  requestOrigin: vi.fn(async () => true),
  requestPermission: vi.fn(async () => true),
}));

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(requestOrigin).mockReset().mockResolvedValue(true);
  vi.mocked(requestPermission).mockReset().mockResolvedValue(true);
});
afterEach(cleanup);

const input = (label: RegExp | string) => screen.getByLabelText(label) as HTMLInputElement;

function fill(values: Partial<Record<string, string>>) {
  for (const [label, value] of Object.entries(values)) fireEvent.input(input(label), { target: { value } });
}

function renderForm(connect: (s: SettingsInput) => Promise<ConnectResult>) {
  const spy = vi.fn(connect);
  render(<OptionsForm connect={spy} />);
  return spy;
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
  ['invalid', /^Inbox identifier looks wrong$/],
  ['server', /^The server answered with an error: HTTP 502$/],
];

describe('options form', () => {
  it('has every field with its label, the optional ones marked, and help tied to the field', () => {
    renderForm(async () => ({ ok: true }));
    for (const label of ['Installation URL', 'Inbox identifier']) expect(input(label).required).toBe(true);
    for (const label of ['Name', 'Email', 'Identifier', 'Identifier hash']) {
      const field = input(new RegExp(`^${label} \\(optional\\)$`));
      expect(field.required).toBe(false);
    }
    const hash = input(/^Identifier hash/);
    const help = document.getElementById(hash.getAttribute('aria-describedby')!.split(' ')[0])!;
    expect(help.textContent).toMatch(/never holds the HMAC secret/);
    expect(screen.getByText(/API channel inbox → Settings → Configuration/)).toBeTruthy();
  });

  it('loads the current settings', async () => {
    await settingsItem.setValue({ ...EMPTY_SETTINGS, installationUrl: 'https://s.example.com', inboxIdentifier: 'abc', name: 'Ann' });
    renderForm(async () => ({ ok: true }));
    await waitFor(() => expect(input('Installation URL').value).toBe('https://s.example.com'));
    expect(input('Inbox identifier').value).toBe('abc');
    expect(input(/^Name/).value).toBe('Ann');
  });

  it('says "Connected" on opening when the extension already is, and offers to open the chat', async () => {
    const openChat = vi.fn();
    render(
      <OptionsForm
        connect={async () => ({ ok: true })}
        onOpenChat={openChat}
        currentStatus={async () => ({ configured: true, inboxName: 'Help desk' })}
      />,
    );
    const status = await screen.findByRole('status');
    await waitFor(() => expect(status.textContent).toBe('Connected to Help desk'));
    fireEvent.click(screen.getByRole('button', { name: 'Open the chat' }));
    expect(openChat).toHaveBeenCalledOnce();
    cleanup();
    render(<OptionsForm connect={async () => ({ ok: true })} currentStatus={async () => ({ configured: false })} />);
    await new Promise((r) => setTimeout(r, 10));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('Save sends trimmed settings, shows "Checking…" then "Connected"', async () => {
    const pending = deferred<ConnectResult>();
    const connect = renderForm(() => pending.promise);
    fill({ 'Installation URL': ' https://support.example.com ', 'Inbox identifier': 'inb0x', 'Email (optional)': 'a@b.c' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(connect).toHaveBeenCalledWith({
      installationUrl: 'https://support.example.com',
      inboxIdentifier: 'inb0x',
      name: '',
      email: 'a@b.c',
      identifier: '',
      identifierHash: '',
    });
    expect(screen.getByRole('status').textContent).toBe('Checking…');
    pending.resolve({ ok: true, inboxName: 'Help desk' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Connected'));
    expect(screen.getByText('Connected')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for the required fields before connecting and focuses the first missing one', async () => {
    const connect = renderForm(async () => ({ ok: true }));
    fill({ 'Inbox identifier': 'inb0x' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(connect).not.toHaveBeenCalled();
    expect(screen.getByText('Installation URL is required')).toBeTruthy();
    expect(input('Installation URL').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(input('Installation URL')));
  });

  it.each(MESSAGES)('maps %s to its message', async (error, text) => {
    const detail = error === 'invalid' ? 'Inbox identifier looks wrong' : error === 'server' ? 'HTTP 502' : undefined;
    renderForm(async () => ({ ok: false, error, detail, origin: 'https://support.example.com' }));
    fill({ 'Installation URL': 'https://support.example.com', 'Inbox identifier': 'x' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('.alert__text')!.textContent).toMatch(text);
    expect(screen.getByRole('status').textContent).not.toContain('Connected');
  });

  it('marks and focuses the field an error is about', async () => {
    renderForm(async () => ({ ok: false, error: 'identity_rejected' }));
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
    const connect = renderForm(async () => results.shift()!);
    fill({ 'Installation URL': 'https://support.example.com', 'Inbox identifier': 'x' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const allow = await screen.findByRole('button', { name: 'Allow access to https://support.example.com' });

    fireEvent.click(allow);
    // Synchronously in the click: nothing awaited before the prompt.
    expect(requestOrigin).toHaveBeenCalledWith('https://support.example.com');
    await waitFor(() => expect(screen.getByText('Connected')).toBeTruthy());
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it('permission refused at the prompt says so', async () => {
    vi.mocked(requestOrigin).mockResolvedValue(false);
    const connect = renderForm(async () => ({ ok: false, error: 'permission_needed', origin: 'https://support.example.com' }));
    fill({ 'Installation URL': 'https://support.example.com', 'Inbox identifier': 'x' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(await screen.findByRole('button', { name: /^Allow access to/ }));
    expect(await screen.findByText(/was refused/)).toBeTruthy();
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('a connector failure is shown, not swallowed', async () => {
    renderForm(async () => {
      throw new Error('The extension background did not answer');
    });
    fill({ 'Installation URL': 'https://support.example.com', 'Inbox identifier': 'x' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('did not answer');
  });
});

describe('notifications toggle', () => {
  const box = () => screen.getByRole('checkbox', { name: 'Desktop notifications for new replies' }) as HTMLInputElement;

  it('asks for the permission first and saves true when granted, keeping other settings', async () => {
    await settingsItem.setValue({ ...EMPTY_SETTINGS, installationUrl: 'https://s.example.com' });
    renderForm(async () => ({ ok: true }));
    fireEvent.click(box());
    expect(requestPermission).toHaveBeenCalledWith('notifications');
    await waitFor(async () => expect((await settingsItem.getValue()).notifications).toBe(true));
    expect((await settingsItem.getValue()).installationUrl).toBe('https://s.example.com');
    expect(box().checked).toBe(true);

    fireEvent.click(box());
    await waitFor(async () => expect((await settingsItem.getValue()).notifications).toBe(false));
    expect(requestPermission).toHaveBeenCalledTimes(1);
  });

  it('stays off when the permission is refused', async () => {
    vi.mocked(requestPermission).mockResolvedValue(false);
    renderForm(async () => ({ ok: true }));
    fireEvent.click(box());
    expect(await screen.findByText('Notifications were not allowed.')).toBeTruthy();
    expect(box().checked).toBe(false);
    expect((await settingsItem.getValue()).notifications).toBe(false);
  });
});
