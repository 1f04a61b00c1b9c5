import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSession } from '@/utils/background/session';
import { sessionItem } from '@/utils/background/storage';
import { CodedError } from '@/utils/protocol/errors';
import { settingsMailbox } from '@/utils/protocol/mailboxes';
import { EMPTY_SETTINGS } from '@/utils/settings';
import { SETTINGS, recordingFetch, session, stored } from './fixtures';

beforeEach(() => fakeBrowser.reset());

describe('session', () => {
  it('loads nothing bound when nothing is stored', async () => {
    const s = createSession({ hasOrigin: async () => true });
    await s.load();
    expect(s.current.value).toBeNull();
    expect(s.settings.value).toEqual(EMPTY_SETTINGS);
  });

  it('loads the stored session bound to its contact: calls need no source_id', async () => {
    await settingsMailbox.setValue(SETTINGS);
    await sessionItem.setValue(stored({ identifier: 'u1', identifierHash: 'h1' }));
    const { fetch, calls } = recordingFetch();
    const s = createSession({ fetch: fetch as never, hasOrigin: async () => true });
    await s.load();
    const bound = s.current.value!;
    expect(bound.stored).toMatchObject({ sourceId: 'src-1', inboxName: 'Help desk' });
    expect(bound.settings).toEqual(SETTINGS);
    expect(bound.identity).toEqual({ identifier: 'u1', identifierHash: 'h1' });
    await bound.api.updateLastSeen(3);
    expect(calls).toEqual(['POST /public/api/v1/inboxes/inbox/contacts/src-1/conversations/3/update_last_seen']);
  });

  it('does not bind a session of another inbox, or without settings', async () => {
    await settingsMailbox.setValue({ ...SETTINGS, inboxIdentifier: 'another' });
    await sessionItem.setValue(stored());
    const s = createSession({ hasOrigin: async () => true });
    await s.load();
    expect(s.current.value).toBeNull();

    await settingsMailbox.setValue({ ...SETTINGS, installationUrl: '' });
    await s.load();
    expect(s.current.value).toBeNull();
  });

  it('adopts a session (Save): stored, bound, and says whether the contact changed', async () => {
    const { session: s } = await session({ bound: false });
    expect(await s.adopt(SETTINGS, stored())).toBe(true); // from none
    expect(await sessionItem.getValue()).toEqual(stored());
    expect(await settingsMailbox.getValue()).toEqual(SETTINGS);
    expect(s.current.value?.stored.sourceId).toBe('src-1');
    expect(s.current.value?.identity).toBeUndefined();

    expect(await s.adopt({ ...SETTINGS, name: 'Pat B.' }, stored({ pubsubToken: 'pub-2' }))).toBe(false); // the same contact
    expect(s.settings.value.name).toBe('Pat B.');
    expect(await s.adopt(SETTINGS, stored({ sourceId: 'src-2' }))).toBe(true); // another contact

    // A second service on the same storage (a restarted worker) finds it.
    const again = createSession({ hasOrigin: async () => true });
    await again.load();
    expect(again.current.value?.stored.sourceId).toBe('src-2');

    const other = { ...SETTINGS, installationUrl: 'https://other.example' };
    expect(await s.adopt(other, stored({ key: 'https://other.example|inbox' }))).toBe(true); // another inbox
  });

  it('require: the bound session, or a not_configured error', async () => {
    const { session: none } = await session({ bound: false });
    expect(() => none.require()).toThrow(CodedError);
    expect(() => none.require()).toThrow(expect.objectContaining({ code: 'not_configured' }));
    const { session: s } = await session();
    expect(s.require()).toBe(s.current.value);
    s.drop();
    expect(s.current.value).toBeNull();
    expect(() => s.require()).toThrow(expect.objectContaining({ code: 'not_configured' }));
  });

  it('renews the pubsub token of the same contact, in storage too', async () => {
    const { session: s } = await session();
    const before = s.current.value!;
    await s.renewToken('pub-2');
    expect(s.current.value).not.toBe(before); // a new value: the live link reopens with it
    expect(s.current.value!.stored).toEqual(stored({ pubsubToken: 'pub-2' }));
    expect(s.current.value!.api).toBe(before.api);
    expect(await sessionItem.getValue()).toEqual(stored({ pubsubToken: 'pub-2' }));

    const { session: none } = await session({ bound: false });
    await none.renewToken('pub-3');
    expect(none.current.value).toBeNull();
    expect(await sessionItem.getValue()).toEqual(stored({ pubsubToken: 'pub-2' }));
  });

  it('stores the notifications choice, keeping the other settings', async () => {
    const { session: s } = await session();
    await s.setNotifications(true);
    expect(s.settings.value).toEqual({ ...SETTINGS, notifications: true });
    expect(await settingsMailbox.getValue()).toEqual({ ...SETTINGS, notifications: true });
    await s.setNotifications(false);
    expect((await settingsMailbox.getValue()).installationUrl).toBe(SETTINGS.installationUrl);
    expect((await settingsMailbox.getValue()).notifications).toBe(false);
  });

  it('renews a contact gone on the server with the same settings; a failed renewal keeps what it had', async () => {
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    let up = true;
    const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
      if (!up) throw new TypeError('Failed to fetch');
      const path = new URL(String(input)).pathname;
      if (path.endsWith('/contacts') && init?.method === 'POST') return json({ id: 12, source_id: 'src-new', pubsub_token: 'pub-new' });
      return json({ identifier: 'inbox', name: 'Help desk' });
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const s = createSession({ fetch: fetch as never, hasOrigin: async () => true });
    await s.adopt(SETTINGS, stored());
    expect(await s.renew()).toBe(true);
    expect(s.current.value!.stored).toMatchObject({ sourceId: 'src-new', pubsubToken: 'pub-new', contactId: 12 });
    expect(await sessionItem.getValue()).toMatchObject({ sourceId: 'src-new' });

    up = false;
    expect(await s.renew()).toBe(false);
    expect(s.current.value!.stored.sourceId).toBe('src-new');
    warn.mockRestore();
  });
});
