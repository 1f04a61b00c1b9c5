import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PanelApp } from '@/components/panel/panel-app';
import { SidePanel } from '@/components/panel/side-panel';
import { draftHandoffItem, openConversationItem } from '@/utils/draft-handoff';
import { draftsItem } from '@/utils/panel/drafts';
import { getActivePage, readActivePage } from '@/utils/page-context';
import { createPanelModel } from '@/utils/panel/models';
import { fakeConnector, message, snapshot, summary, thread } from './fake-connector';

vi.mock('@/utils/page-context', () => ({
  getActivePage: vi.fn(async () => null),
  readActivePage: vi.fn(async () => null),
}));

const PAGE = { url: 'https://shop.example.com/cart', title: 'Your cart' };

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(getActivePage).mockReset().mockResolvedValue(null);
});
afterEach(cleanup);

async function renderNew() {
  const fake = fakeConnector();
  const model = createPanelModel(fake.connector);
  render(<PanelApp model={model} />);
  await screen.findByRole('button', { name: 'New conversation' });
  model.startNewConversation();
  const box = (await screen.findByRole('textbox', { name: 'Message' })) as HTMLTextAreaElement;
  return { fake, model, box };
}

describe('composer', () => {
  it('Enter sends the draft; Shift+Enter does not', async () => {
    const { fake, model, box } = await renderNew();
    const send = screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);

    fireEvent.input(box, { target: { value: 'Line one' } });
    expect(model.draft.value).toBe('Line one');
    expect(send.disabled).toBe(false);

    expect(fireEvent.keyDown(box, { key: 'Enter', shiftKey: true })).toBe(true); // default (newline) not prevented
    expect(fake.sent('message.send')).toHaveLength(0);

    expect(fireEvent.keyDown(box, { key: 'Enter' })).toBe(false);
    await waitFor(() => expect(fake.sent('message.send')).toHaveLength(1));
    expect(fake.sent('message.send')[0]).toEqual({ type: 'message.send', conversationId: null, content: 'Line one', page: undefined });
    await waitFor(() => expect(box.value).toBe(''));
    // The background reports the message of the conversation it is creating; the new view shows it.
    const echoId = (await fake.request.mock.results.at(-1)!.value as { echoId: string }).echoId;
    fake.emit({ type: 'snapshot', snapshot: snapshot([], { unsent: [message({ id: undefined, key: `e${echoId}`, echoId, from: 'me', sender: null, content: 'Line one', delivery: 'sending' })] }) });
    expect(await screen.findByText('Line one')).toBeTruthy();
    expect(screen.getByText('Sending…')).toBeTruthy();
  });

  it('does not send a blank draft', async () => {
    const { fake, box } = await renderNew();
    fireEvent.input(box, { target: { value: '   ' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    expect(fake.sent('message.send')).toHaveLength(0);
  });

  it('typing in a thread notes typing with the background', async () => {
    const fake = fakeConnector({
      'snapshot.get': () => snapshot([summary(3)]),
      'thread.open': () => thread(3, [message()]),
    });
    const model = createPanelModel(fake.connector);
    render(<PanelApp model={model} />);
    await model.openConversation(3);
    fireEvent.input(await screen.findByRole('textbox', { name: 'Message' }), { target: { value: 'h' } });
    expect(fake.sent('typing')).toEqual([{ type: 'typing', conversationId: 3, on: true }]);
  });

  it('"Attach this page" shows the page and sends it with the message', async () => {
    const { fake, model, box } = await renderNew();
    model.page.value = PAGE;
    expect(await screen.findByText('Your cart')).toBeTruthy();
    expect(screen.getByText(PAGE.url)).toBeTruthy();

    const toggle = screen.getByRole('switch', { name: 'Attach this page' }) as HTMLInputElement;
    fireEvent.click(toggle);
    expect(model.attachPage.value).toBe(true);
    expect(getActivePage).not.toHaveBeenCalled(); // the page was already known

    fireEvent.input(box, { target: { value: 'Checkout fails' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(fake.sent('message.send')).toHaveLength(1));
    expect(fake.sent('message.send')[0].page).toEqual(PAGE);
    await waitFor(() => expect(toggle.checked).toBe(false)); // one message carries the page, not all of them
  });

  it('"Attach this page" with no known page reads it from the click, or says it cannot', async () => {
    const { model } = await renderNew();
    const toggle = screen.getByRole('switch', { name: 'Attach this page' }) as HTMLInputElement;

    fireEvent.click(toggle);
    expect(getActivePage).toHaveBeenCalledOnce();
    expect(await screen.findByText('Can’t read this page’s address')).toBeTruthy();
    expect(model.attachPage.value).toBe(false);
    expect(toggle.checked).toBe(false);

    vi.mocked(getActivePage).mockResolvedValue(PAGE);
    fireEvent.click(toggle);
    expect(await screen.findByText('Your cart')).toBeTruthy();
    expect(model.page.value).toEqual(PAGE);
    expect(model.attachPage.value).toBe(true);
    expect(screen.queryByText('Can’t read this page’s address')).toBeNull();
  });

  it('a context-menu handoff starts a new conversation with the quote, focuses the composer and clears the handoff', async () => {
    await draftHandoffItem.setValue({ page: PAGE, selection: 'Error 42\nat checkout', at: 1 });
    const model = createPanelModel(fakeConnector().connector);
    render(<SidePanel model={model} />);

    const box = (await screen.findByRole('textbox', { name: 'Message' })) as HTMLTextAreaElement;
    expect(model.view.value).toEqual({ kind: 'new' });
    expect(box.value).toBe('> Error 42\n> at checkout\n\n');
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect((screen.getByRole('switch', { name: 'Attach this page' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('Your cart')).toBeTruthy();
    await waitFor(async () => expect(await draftHandoffItem.getValue()).toBeNull());
  });

  it('a handoff arriving while the panel is open is taken too', async () => {
    const model = createPanelModel(fakeConnector().connector);
    render(<SidePanel model={model} />);
    await screen.findByRole('button', { name: 'New conversation' });
    await draftHandoffItem.setValue({ page: PAGE, at: 2 });
    await waitFor(() => expect(model.view.value).toEqual({ kind: 'new' }));
    expect(model.page.value).toEqual(PAGE);
    await waitFor(async () => expect(await draftHandoffItem.getValue()).toBeNull());
  });

  it('a notification click (an open request) shows that conversation and clears the request', async () => {
    const fake = fakeConnector();
    const model = createPanelModel(fake.connector);
    render(<SidePanel model={model} />);
    await screen.findByRole('button', { name: 'New conversation' });
    await openConversationItem.setValue(7);
    await waitFor(() => expect(model.view.value).toEqual({ kind: 'thread', conversationId: 7 }));
    expect(fake.request).toHaveBeenCalledWith({ type: 'thread.open', conversationId: 7 });
    await waitFor(async () => expect(await openConversationItem.getValue()).toBeNull());
  });

  it('follows the conversation its first message starts, even when the start is announced before the send answers', async () => {
    for (const early of [false, true]) {
      cleanup();
      const { fake, model, box } = await renderNew();
      let answer!: (value: { conversationId: null; echoId: string }) => void;
      fake.request.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve as never)));
      fireEvent.input(box, { target: { value: 'Hello' } });
      fireEvent.keyDown(box, { key: 'Enter' });
      if (early) fake.emit({ type: 'conversation.started', echoId: 'e-1', conversationId: 42 });
      answer({ conversationId: null, echoId: 'e-1' });
      await waitFor(() => expect(fake.request.mock.calls.length).toBeGreaterThan(0));
      await new Promise((r) => setTimeout(r, 0)); // the send's answer is handled
      if (!early) fake.emit({ type: 'conversation.started', echoId: 'e-1', conversationId: 42 });
      await waitFor(() => expect(model.view.value).toEqual({ kind: 'thread', conversationId: 42 }));
    }
  });

  it('a first message that cannot start its conversation shows "Not sent" and Retry in the new view', async () => {
    const { fake, box } = await renderNew();
    fireEvent.input(box, { target: { value: 'Help' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(fake.sent('message.send')).toHaveLength(1));
    const echoId = ((await fake.request.mock.results.at(-1)!.value) as { echoId: string }).echoId;
    const failed = message({ id: undefined, key: `e${echoId}`, echoId, from: 'me', sender: null, content: 'Help', delivery: 'failed', error: 'HTTP 422' });
    fake.emit({ type: 'snapshot', snapshot: snapshot([], { unsent: [failed] }) });
    expect(await screen.findByText('Not sent')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(fake.sent('message.retry')).toEqual([{ type: 'message.retry', echoId }]);
  });

  it('keeps a draft per conversation, and brings drafts back in a new panel', async () => {
    const fake = fakeConnector({
      'snapshot.get': () => snapshot([summary(1), summary(2)]),
      'thread.open': (r) => thread(r.conversationId, []),
    });
    const model = createPanelModel(fake.connector);
    render(<SidePanel model={model} />);
    await screen.findByRole('button', { name: 'New conversation' });
    await model.openConversation(1);
    fireEvent.input(await screen.findByRole('textbox', { name: 'Message' }), { target: { value: 'half a thought' } });
    await model.openConversation(2);
    expect(model.draft.value).toBe('');
    await model.openConversation(1);
    expect(model.draft.value).toBe('half a thought');
    await waitFor(async () => expect(await draftsItem.getValue()).toEqual({ c1: 'half a thought' }));

    cleanup();
    const again = createPanelModel(
      fakeConnector({ 'snapshot.get': () => snapshot([summary(1)]), 'thread.open': (r) => thread(r.conversationId, []) }).connector,
    );
    render(<SidePanel model={again} />);
    await screen.findByRole('button', { name: 'New conversation' });
    await again.openConversation(1);
    await waitFor(() => expect(again.draft.value).toBe('half a thought'));
  });

  it('switching to a tab whose address is hidden forgets a page that was only shown, not one to attach', async () => {
    vi.mocked(readActivePage).mockResolvedValueOnce(PAGE).mockResolvedValue(null);
    const model = createPanelModel(fakeConnector().connector);
    render(<SidePanel model={model} />);
    await waitFor(() => expect(model.page.value).toEqual(PAGE));
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 2, windowId: 1 });
    await waitFor(() => expect(model.page.value).toBeNull());

    model.page.value = PAGE;
    model.attachPage.value = true; // the user (or the context menu) chose to attach it
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 3, windowId: 1 });
    await new Promise((r) => setTimeout(r, 10));
    expect(model.page.value).toEqual(PAGE);
  });
});
