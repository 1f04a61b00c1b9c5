import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandoffs } from '@/utils/background/handoffs';
import { createPanels } from '@/utils/background/panels';
import { handoffMailbox } from '@/utils/protocol/mailboxes';
import { panel } from './fixtures';

beforeEach(() => fakeBrowser.reset());

const PAGE = { url: 'https://shop.example/cart', title: 'Cart' };

describe('hand-offs', () => {
  it('are kept for a panel that is only now opening', async () => {
    const handoffs = createHandoffs(createPanels());
    await handoffs.leave({ kind: 'page', page: PAGE, at: 1 });
    expect(await handoffMailbox.getValue()).toEqual({ kind: 'page', page: PAGE, at: 1 });
  });

  it('are announced to every panel already open', async () => {
    const panels = createPanels();
    const one = panel(panels);
    const two = panel(panels);
    await createHandoffs(panels).leave({ kind: 'conversation', conversationId: 7, at: 2 });
    expect(one.events).toEqual([{ type: 'handoff' }]);
    expect(two.events).toEqual([{ type: 'handoff' }]);
  });

  it('the first panel to ask takes it; the others get nothing', async () => {
    const handoffs = createHandoffs(createPanels());
    expect(await handoffs.take()).toBeNull();
    await handoffs.leave({ kind: 'page', page: PAGE, selection: 'why?', at: 3 });
    expect(await handoffs.take()).toEqual({ kind: 'page', page: PAGE, selection: 'why?', at: 3 });
    expect(await handoffs.take()).toBeNull();
    expect(await handoffMailbox.getValue()).toBeNull();
  });

  it('a newer hand-off replaces one not taken yet', async () => {
    const handoffs = createHandoffs(createPanels());
    await handoffs.leave({ kind: 'page', page: PAGE, at: 4 });
    await handoffs.leave({ kind: 'conversation', conversationId: 9, at: 5 });
    expect(await handoffs.take()).toEqual({ kind: 'conversation', conversationId: 9, at: 5 });
  });
});
