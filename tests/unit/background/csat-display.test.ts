import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startCsatDisplay } from '@/utils/background/csat-display';
import { createPanelPublisher } from '@/utils/background/panel-publisher';
import { createPanels } from '@/utils/background/panels';
import type { Session } from '@/utils/background/session';
import { createStore } from '@/utils/background/store';
import { conv, msg, session } from './fixtures';

beforeEach(() => fakeBrowser.reset());

/** The thread's view as a panel opening it gets it. */
const threadView = (store: ReturnType<typeof createStore>, s: Session, id: number) => createPanelPublisher(store, s, createPanels()).view(undefined, id);

describe('CSAT display type', () => {
  it('asks the survey page once per conversation whose survey does not say, and the thread shows its scale', async () => {
    const { session: s, fetch } = await session();
    fetch.mockImplementation(async () => new Response(JSON.stringify({ display_type: 'star', id: 1 }), { status: 200 }));
    const store = createStore();
    const stop = startCsatDisplay(store, s);
    store.applyConversation(conv({ id: 1, uuid: 'u-1', messages: [msg(1, { content_type: 'input_csat' })] }), true);
    store.applyConversation(conv({ id: 2, uuid: 'u-2', messages: [msg(2, { conversation_id: 2, content_type: 'input_csat', content_attributes: { display_type: 'emoji' } })] }), true);
    store.applyConversation(conv({ id: 3, uuid: 'u-3', messages: [msg(3, { conversation_id: 3 })] }), true);
    await vi.waitFor(() => expect(store.csatDisplay.value.get(1)).toBe('star'));
    store.applyMessage(msg(4, { created_at: 2_000_000_000 - 1 })); // a change: not asked again
    const asked = fetch.mock.calls.map(([url]) => new URL(String(url)).pathname);
    expect(asked).toEqual(['/public/api/v1/csat_survey/u-1']);
    expect(threadView(store, s, 1).messages[0]).toMatchObject({ csatDisplayType: 'star' });
    expect(threadView(store, s, 2).messages[0]).toMatchObject({ csatDisplayType: 'emoji' }); // the message says
    stop();
  });

  it('an older server without the survey page leaves the emoji scale', async () => {
    const { session: s, fetch } = await session();
    fetch.mockImplementation(async () => new Response('not found', { status: 404 }));
    const store = createStore();
    const stop = startCsatDisplay(store, s);
    store.applyConversation(conv({ id: 1, uuid: 'u-1', messages: [msg(1, { content_type: 'input_csat' })] }), true);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledOnce());
    await new Promise((r) => setTimeout(r, 10));
    expect(store.csatDisplay.value.size).toBe(0);
    expect(threadView(store, s, 1).messages[0]!.csatDisplayType).toBeUndefined();
    stop();
  });
});
