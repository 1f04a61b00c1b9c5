// The conversation screens and the thread's list are chunks of their own. They are fetched after the first
// screen is painted: asked for while the panel waited for its snapshot, they competed with that paint.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelApp } from '@/components/panel/panel-app';
import { createPanelModel } from '@/utils/panel/panel-model';
import { deferred, fakeConnector, snapshot, summary } from './fake-connector';

const asked = vi.hoisted(() => ({ screens: 0, threadList: 0 }));
vi.mock('@/components/panel/conversation-screens', async (original) => {
  asked.screens++;
  return original();
});
vi.mock('@/components/panel/virtual/thread-list', async (original) => {
  asked.threadList++;
  return original();
});

afterEach(cleanup);

describe('the panel fetches its later screens', () => {
  it('after its first screen, not while it waits for the snapshot; the thread list with them', async () => {
    const first = deferred<ReturnType<typeof snapshot>>();
    const fake = fakeConnector({ 'snapshot.get': () => first.promise });
    render(<PanelApp model={createPanelModel(fake.connector)} />);
    expect(await screen.findByText('Loading…')).toBeTruthy();
    // Longer than an idle callback takes here (a 50 ms timer where there are none; 1 s at most in a page).
    await new Promise((wait) => setTimeout(wait, 300));
    expect(asked).toEqual({ screens: 0, threadList: 0 });

    first.resolve(snapshot([summary(7)]));
    expect(await screen.findByRole('button', { name: /Conversation #7/ })).toBeTruthy();
    await waitFor(() => expect(asked).toEqual({ screens: 1, threadList: 1 }), { timeout: 3_000 });
    // Let both finish loading before the test's page goes away.
    await Promise.all([import('@/components/panel/conversation-screens'), import('@/components/panel/virtual/thread-list')]);
  });
});
