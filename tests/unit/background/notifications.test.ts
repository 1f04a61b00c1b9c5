import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { conversationOfNotification, createNotifier, notificationId } from '@/utils/background/notifications';
import { createPanels } from '@/utils/background/panels';
import { msg, panel, session } from './fixtures';

beforeEach(() => fakeBrowser.reset());

async function setup({ on = true } = {}) {
  const { session: s } = await session();
  if (on) await s.setNotifications(true);
  const panels = createPanels();
  const notify = vi.fn(async (_id: string, _title: string, _message: string) => {});
  return { session: s, panels, notify, notifier: createNotifier(s, panels, notify) };
}

describe('notifications', () => {
  it('an agent’s reply notifies with the agent’s name and the text, under an id that names the conversation', async () => {
    const { notify, notifier } = await setup();
    notifier.agentReplied(msg(5, { conversation_id: 7, content: 'We shipped it', sender: { name: 'Dana Agent', available_name: 'Dana' } }));
    expect(notify).toHaveBeenCalledWith('hoory:7:5', 'Dana', 'We shipped it');
  });

  it('falls back to the name, then to the team; and to "New reply" for a message without text', async () => {
    const { notify, notifier } = await setup();
    notifier.agentReplied(msg(1, { sender: { name: 'Dana Agent' }, content: '' }));
    notifier.agentReplied(msg(2, { sender: null, content: null as never }));
    expect(notify.mock.calls).toEqual([
      ['hoory:1:1', 'Dana Agent', 'New reply'],
      ['hoory:1:2', 'Support', 'New reply'],
    ]);
  });

  it('cuts a long text', async () => {
    const { notify, notifier } = await setup();
    notifier.agentReplied(msg(1, { content: 'x'.repeat(1_000) }));
    expect(notify.mock.calls[0]![2]).toHaveLength(200);
  });

  it('not when the customer has not turned them on', async () => {
    const { notify, notifier } = await setup({ on: false });
    notifier.agentReplied(msg(1));
    expect(notify).not.toHaveBeenCalled();
  });

  it('not for a thread a panel shows; again once no panel shows it', async () => {
    const { panels, notify, notifier } = await setup();
    const one = panel(panels);
    one.show(1);
    notifier.agentReplied(msg(1));
    notifier.agentReplied(msg(2, { conversation_id: 2 }));
    expect(notify.mock.calls.map(([id]) => id)).toEqual(['hoory:2:2']);
    one.show(null);
    notifier.agentReplied(msg(3));
    expect(notify.mock.calls.map(([id]) => id)).toEqual(['hoory:2:2', 'hoory:1:3']);
  });

  it('a notification the browser refuses is no error', async () => {
    const { notify, notifier } = await setup();
    notify.mockRejectedValueOnce(new Error('no permission'));
    expect(() => notifier.agentReplied(msg(1))).not.toThrow();
    await Promise.resolve();
  });
});

describe('notification ids', () => {
  it('name the conversation a click opens', () => {
    expect(notificationId(7, 5)).toBe('hoory:7:5');
    expect(conversationOfNotification(notificationId(7, 5))).toBe(7);
  });

  it('are not ours otherwise', () => {
    for (const id of ['other:7:5', 'hoory', 'hoory:x:5', 'hoory:0:1', 'hoory:-3:1', 'hoory:1.5:1', '']) {
      expect(conversationOfNotification(id), id).toBeNull();
    }
  });
});
