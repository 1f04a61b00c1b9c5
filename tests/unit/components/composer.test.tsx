import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelApp } from '@/components/panel/panel-app';
import { SidePanel } from '@/components/panel/side-panel';
import { createPanelModel } from '@/utils/panel/panel-model';
import { CodedError } from '@/utils/protocol/errors';
import { fakeConnector, message, pendingMessage, snapshot, summary, thread, type FakeOptions } from './fake-connector';

const PAGE = { url: 'https://shop.example.com/cart', title: 'Your cart' };

afterEach(cleanup);

async function renderNew(options: FakeOptions = {}) {
  const fake = fakeConnector({}, options);
  const model = createPanelModel(fake.connector);
  render(<PanelApp model={model} />);
  await screen.findByRole('button', { name: 'New conversation' });
  act(() => model.startNewConversation());
  const box = (await screen.findByRole('textbox', { name: 'Message' })) as HTMLTextAreaElement;
  return { fake, model, box };
}

/** The echo id the (fake) background answered the last message.send with. */
async function lastEchoId(fake: ReturnType<typeof fakeConnector>) {
  const sends = fake.request.mock.calls.map(([r], i) => [r, i] as const).filter(([r]) => r.type === 'message.send');
  const [, index] = sends.at(-1)!;
  return ((await fake.request.mock.results[index]!.value) as { echoId: string }).echoId;
}

describe('composer', () => {
  it('Enter sends the draft; Shift+Enter does not', async () => {
    const { fake, model, box } = await renderNew();
    const send = screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);

    fireEvent.input(box, { target: { value: 'Line one' } });
    expect(model.composer.draft.value).toBe('Line one');
    expect(send.disabled).toBe(false);

    expect(fireEvent.keyDown(box, { key: 'Enter', shiftKey: true })).toBe(true); // default (newline) not prevented
    expect(fake.sent('message.send')).toHaveLength(0);

    expect(fireEvent.keyDown(box, { key: 'Enter' })).toBe(false);
    await waitFor(() => expect(fake.sent('message.send')).toHaveLength(1));
    expect(fake.sent('message.send')[0]).toEqual({ type: 'message.send', conversationId: null, content: 'Line one', page: undefined });
    await waitFor(() => expect(box.value).toBe(''));
    // The background reports the message of the conversation it is creating; the new view shows it.
    const echoId = await lastEchoId(fake);
    fake.emit({ type: 'unsent', messages: [pendingMessage(echoId, { content: 'Line one' })] });
    expect(await screen.findByText('Line one')).toBeTruthy();
    expect(screen.getByText('Sending…')).toBeTruthy();
  });

  it('the Send button sends too', async () => {
    const { fake, box } = await renderNew();
    fireEvent.input(box, { target: { value: 'By the button' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(fake.sent('message.send')).toHaveLength(1));
    expect(fake.sent('message.send')[0]!.content).toBe('By the button');
  });

  it('does not send a blank draft', async () => {
    const { fake, box } = await renderNew();
    fireEvent.input(box, { target: { value: '   ' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    expect(fake.sent('message.send')).toHaveLength(0);
  });

  it('a send the background refuses keeps the text and says why', async () => {
    const fake = fakeConnector({
      'message.send': () => {
        throw new CodedError('rate_limited');
      },
    });
    const model = createPanelModel(fake.connector);
    render(<PanelApp model={model} />);
    await screen.findByRole('button', { name: 'New conversation' });
    act(() => model.startNewConversation());
    const box = (await screen.findByRole('textbox', { name: 'Message' })) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'Keep me' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toContain('Too many requests: try again in a minute.');
    expect(box.value).toBe('Keep me');
    expect(model.composer.draft.value).toBe('Keep me');
  });

  it('typing in a thread notes typing with the background', async () => {
    const fake = fakeConnector({
      'snapshot.get': () => snapshot([summary(3)]),
      'thread.open': () => thread(3, [message()]),
    });
    const model = createPanelModel(fake.connector);
    render(<PanelApp model={model} />);
    await screen.findByRole('button', { name: /Conversation #3/ });
    await act(() => model.openConversation(3));
    fireEvent.input(await screen.findByRole('textbox', { name: 'Message' }), { target: { value: 'h' } });
    expect(fake.sent('typing')).toEqual([{ type: 'typing', conversationId: 3, on: true }]);
  });

  it('"Attach this page" shows the page and sends it with the message', async () => {
    const { fake, model, box } = await renderNew({ page: PAGE });
    await act(() => model.page.refresh());
    expect(await screen.findByText('Your cart')).toBeTruthy();
    expect(screen.getByText(PAGE.url)).toBeTruthy();

    const toggle = screen.getByRole('switch', { name: 'Attach this page' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.checked).toBe(true));
    expect(model.page.attach.value).toBe(true);
    expect(fake.connector.requestPage).not.toHaveBeenCalled(); // the page was already known

    fireEvent.input(box, { target: { value: 'Checkout fails' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(fake.sent('message.send')).toHaveLength(1));
    expect(fake.sent('message.send')[0]!.page).toEqual(PAGE);
    await waitFor(() => expect(toggle.checked).toBe(false)); // one message carries the page, not all of them
    expect(model.page.attach.value).toBe(false);
  });

  it('"Attach this page" with no known page reads it from the click, or says it cannot', async () => {
    const { fake, model } = await renderNew({ page: PAGE, readable: false, answers: { page: false } });
    const toggle = screen.getByRole('switch', { name: 'Attach this page' }) as HTMLInputElement;

    fireEvent.click(toggle);
    // Asked synchronously in the click: the permission prompt needs the user's gesture.
    expect(fake.connector.requestPage).toHaveBeenCalledOnce();
    expect(await screen.findByText('Can’t read this page’s address')).toBeTruthy();
    expect(model.page.attach.value).toBe(false);
    expect(toggle.checked).toBe(false);

    fake.answer({ page: true });
    fireEvent.click(toggle);
    expect(await screen.findByText('Your cart')).toBeTruthy();
    expect(model.page.page.value).toEqual(PAGE);
    expect(model.page.attach.value).toBe(true);
    await waitFor(() => expect(toggle.checked).toBe(true));
    expect(screen.queryByText('Can’t read this page’s address')).toBeNull();
  });

  it('a context-menu handoff starts a new conversation with the quote, focuses the composer and is taken', async () => {
    const handoff = { kind: 'page' as const, page: PAGE, selection: 'Error 42\nat checkout', at: 1 };
    const fake = fakeConnector({}, { handoff });
    const model = createPanelModel(fake.connector);
    render(<SidePanel model={model} />);

    const box = (await screen.findByRole('textbox', { name: 'Message' })) as HTMLTextAreaElement;
    expect(model.view.value).toEqual({ kind: 'new' });
    expect(box.value).toBe('> Error 42\n> at checkout\n\n');
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect((screen.getByRole('switch', { name: 'Attach this page' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('Your cart')).toBeTruthy();
    expect(fake.taken).toEqual([handoff]);
    expect(fake.pendingHandoff()).toBeNull();
  });

  it('a handoff arriving while the panel is open is taken too', async () => {
    const fake = fakeConnector();
    const model = createPanelModel(fake.connector);
    render(<SidePanel model={model} />);
    await screen.findByRole('button', { name: 'New conversation' });
    await fake.handoff({ kind: 'page', page: PAGE, at: 2 });
    await waitFor(() => expect(model.view.value).toEqual({ kind: 'new' }));
    expect(model.page.page.value).toEqual(PAGE);
    expect(model.page.attach.value).toBe(true);
    expect(model.composer.draft.value).toBe(''); // no selection: nothing quoted
    expect(fake.pendingHandoff()).toBeNull();
  });

  it('a notification click (a conversation hand-off) shows that conversation', async () => {
    const fake = fakeConnector();
    const model = createPanelModel(fake.connector);
    render(<SidePanel model={model} />);
    await screen.findByRole('button', { name: 'New conversation' });
    await fake.handoff({ kind: 'conversation', conversationId: 7, at: 3 });
    await waitFor(() => expect(model.view.value).toEqual({ kind: 'thread', conversationId: 7 }));
    expect(fake.request).toHaveBeenCalledWith({ type: 'thread.open', conversationId: 7, panel: 'panel-under-test' });
    expect(fake.pendingHandoff()).toBeNull();
  });

  it('a closed panel stops taking hand-offs', async () => {
    const fake = fakeConnector();
    const model = createPanelModel(fake.connector);
    const { unmount } = render(<SidePanel model={model} />);
    await screen.findByRole('button', { name: 'New conversation' });
    act(() => void unmount());
    await fake.handoff({ kind: 'conversation', conversationId: 7, at: 4 });
    expect(model.view.value).toEqual({ kind: 'list' });
    expect(fake.pendingHandoff()).not.toBeNull(); // left for the next panel
    expect(fake.watchers()).toBe(0);
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
      expect(fake.sent('thread.open')).toEqual([{ type: 'thread.open', conversationId: 42, panel: 'panel-under-test' }]);
    }
  });

  it('does not follow a conversation another panel started', async () => {
    const { fake, model, box } = await renderNew();
    fireEvent.input(box, { target: { value: 'Mine' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(fake.sent('message.send')).toHaveLength(1));
    fake.emit({ type: 'conversation.started', echoId: 'someone-else', conversationId: 43 });
    await new Promise((r) => setTimeout(r, 0));
    expect(model.view.value).toEqual({ kind: 'new' });
  });

  it('a first message that cannot start its conversation shows "Not sent" and Retry in the new view', async () => {
    const { fake, box } = await renderNew();
    fireEvent.input(box, { target: { value: 'Help' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(fake.sent('message.send')).toHaveLength(1));
    const echoId = await lastEchoId(fake);
    const failed = pendingMessage(echoId, { content: 'Help', delivery: 'failed', error: 'invalid' });
    // Another panel's unsent message is not this view's.
    const other = pendingMessage('other', { content: 'Not mine', delivery: 'sending' });
    fake.emit({ type: 'unsent', messages: [failed, other] });
    expect(await screen.findByText('Not sent')).toBeTruthy();
    expect(screen.queryByText('Not mine')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(fake.sent('message.retry')).toEqual([{ type: 'message.retry', echoId }]);
  });

  it('keeps a draft per conversation, and brings drafts back in a new panel', async () => {
    const handlers = {
      'snapshot.get': () => snapshot([summary(1), summary(2)]),
      'thread.open': (r: { conversationId: number }) => thread(r.conversationId, []),
    };
    const fake = fakeConnector(handlers);
    const model = createPanelModel(fake.connector);
    render(<SidePanel model={model} />);
    await screen.findByRole('button', { name: 'New conversation' });
    await act(() => model.openConversation(1));
    fireEvent.input(await screen.findByRole('textbox', { name: 'Message' }), { target: { value: 'half a thought' } });
    await act(() => model.openConversation(2));
    expect(model.composer.draft.value).toBe('');
    await act(() => model.openConversation(1));
    expect(model.composer.draft.value).toBe('half a thought');
    await waitFor(() => expect(fake.drafts()).toEqual({ c1: 'half a thought' }));

    cleanup();
    const again = createPanelModel(fakeConnector(handlers, { drafts: fake.drafts() }).connector);
    render(<SidePanel model={again} />);
    await screen.findByRole('button', { name: 'New conversation' });
    await act(() => again.openConversation(1));
    await waitFor(() => expect(again.composer.draft.value).toBe('half a thought'));
    expect((screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe('half a thought');
  });

  it('switching to a tab whose address is hidden forgets a page that was only shown, not one to attach', async () => {
    const fake = fakeConnector({}, { page: PAGE });
    const model = createPanelModel(fake.connector);
    render(<SidePanel model={model} />);
    await waitFor(() => expect(model.page.page.value).toEqual(PAGE));
    await fake.switchTab({ url: 'https://elsewhere.example/', title: 'Elsewhere' }, { readable: false });
    await waitFor(() => expect(model.page.page.value).toBeNull());

    await fake.switchTab(PAGE);
    await waitFor(() => expect(model.page.page.value).toEqual(PAGE));
    act(() => void model.page.setAttach(true)); // the user chose to attach it
    await fake.switchTab({ url: 'https://elsewhere.example/', title: 'Elsewhere' }, { readable: false });
    expect(model.page.page.value).toEqual(PAGE);
    expect(model.page.attach.value).toBe(true);
  });
});
