// The options page when a browser policy sets some fields: they show the policy's values, read-only, each
// saying "Set by your organization"; the others stay editable, and Save sends what is shown.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsForm } from '@/components/options/options-form';
import { fakeConnector } from '../components/fake-connector';

afterEach(cleanup);

const SETTINGS = { installationUrl: '', inboxIdentifier: '', name: '', email: '', identifier: '', identifierHash: '', notifications: false };

describe('options with managed settings', () => {
  it('locks the fields the policy sets and says so; the others stay editable', async () => {
    const fake = fakeConnector({
      'settings.get': () => ({ ...SETTINGS, installationUrl: 'https://corp.example', inboxIdentifier: 'corp', name: 'Typed', managed: ['installationUrl', 'inboxIdentifier'] }),
    });
    render(<OptionsForm connector={fake.connector} />);
    const url = screen.getByRole<HTMLInputElement>('textbox', { name: 'Installation URL' });
    await waitFor(() => expect(url.value).toBe('https://corp.example'));
    expect(url.readOnly).toBe(true);
    expect(url.getAttribute('aria-describedby')).toContain('field-installationUrl-managed');
    expect(screen.getAllByText('Set by your organization')).toHaveLength(2);
    expect(screen.getByRole('note').textContent).toMatch(/Your organization manages some of these settings/);
    const name = screen.getByRole<HTMLInputElement>('textbox', { name: /Name/ });
    expect(name.readOnly).toBe(false);
    fireEvent.input(name, { target: { value: 'Pat' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.sent('connect')).toHaveLength(1));
    expect(fake.sent('connect')[0]!.settings).toMatchObject({ installationUrl: 'https://corp.example', inboxIdentifier: 'corp', name: 'Pat' });
  });

  it('shows no lock without a policy (an older background sends no list)', async () => {
    const fake = fakeConnector({ 'settings.get': () => SETTINGS });
    render(<OptionsForm connector={fake.connector} />);
    await waitFor(() => expect(fake.sent('settings.get').length).toBeGreaterThan(0));
    expect(screen.queryByText('Set by your organization')).toBeNull();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Installation URL' }).readOnly).toBe(false);
  });

  it('a policy’s value replaces what was typed while the settings were loading', async () => {
    const waiting: ((value: typeof SETTINGS & { managed: string[] }) => void)[] = [];
    const fake = fakeConnector({ 'settings.get': () => new Promise((resolve) => void waiting.push(resolve)) });
    render(<OptionsForm connector={fake.connector} />);
    const url = screen.getByRole<HTMLInputElement>('textbox', { name: 'Installation URL' });
    fireEvent.input(url, { target: { value: 'https://typed.example' } });
    const inbox = screen.getByRole<HTMLInputElement>('textbox', { name: 'Inbox identifier' });
    fireEvent.input(inbox, { target: { value: 'typed-inbox' } });
    await waitFor(() => expect(waiting.length).toBeGreaterThan(0));
    for (const answer of waiting) answer({ ...SETTINGS, inboxIdentifier: 'corp', managed: ['inboxIdentifier'] });
    await waitFor(() => expect(inbox.value).toBe('corp'));
    expect(url.value).toBe('https://typed.example');
  });
});
