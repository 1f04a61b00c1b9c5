import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createComposerModel, draftKey, type PanelView } from '@/utils/panel/composer-model';
import { createPageModel } from '@/utils/panel/page-model';
import { CodedError } from '@/utils/protocol/errors';
import { deferred, fakeConnector, pendingMessage, type Handlers } from '../components/fake-connector';
import { createFilesModel } from '@/utils/panel/files-model';

afterEach(() => vi.useRealTimers());

const PAGE = { url: 'https://shop.example.com/cart', title: 'Your cart' };
const inThread = (conversationId: number): PanelView => ({ kind: 'thread', conversationId });

function model(start: PanelView = { kind: 'new' }, handlers: Handlers = {}) {
  const fake = fakeConnector(handlers);
  const view = signal<PanelView>(start);
  const page = createPageModel(fake.connector);
  const fail = vi.fn();
  const composer = createComposerModel(fake.connector, { view, page, files: createFilesModel(fake.connector), fail });
  /** What the panel model does when the view changes. */
  const go = (next: PanelView) => {
    composer.switchDraft(view.peek(), next);
    view.value = next;
  };
  return { fake, view, page, fail, composer, go };
}

describe('draftKey', () => {
  it('is one per conversation, one for the new view, none for the list', () => {
    expect(draftKey(inThread(7))).toBe('c7');
    expect(draftKey({ kind: 'new' })).toBe('new');
    expect(draftKey({ kind: 'list' })).toBeNull();
  });
});

describe('composer model: sending', () => {
  it('sends the trimmed draft to the shown conversation and empties the box', async () => {
    const { fake, composer } = model(inThread(3));
    composer.setDraft('  Hello there \n');
    await composer.send();
    expect(fake.sent('message.send')).toEqual([{ type: 'message.send', conversationId: 3, content: 'Hello there', page: undefined }]);
    expect(composer.draft.value).toBe('');
  });

  it('sends nothing blank, and nothing from the list', async () => {
    const { fake, composer, go } = model();
    composer.setDraft('   ');
    await composer.send();
    go({ kind: 'list' });
    composer.setDraft('from the list');
    await composer.send();
    expect(fake.sent('message.send')).toEqual([]);
  });

  it('sends the page with one message when it is attached, then the switch is off', async () => {
    const { fake, composer, page } = model();
    page.attachPage(PAGE);
    composer.setDraft('Checkout fails');
    await composer.send();
    composer.setDraft('And another thing');
    await composer.send();
    expect(fake.sent('message.send').map((r) => r.page)).toEqual([PAGE, undefined]);
    expect(page.attach.value).toBe(false);
  });

  it('a page only shown is not sent', async () => {
    const fake = fakeConnector({}, { page: PAGE });
    const view = signal<PanelView>({ kind: 'new' });
    const page = createPageModel(fake.connector);
    await page.refresh();
    const composer = createComposerModel(fake.connector, { view, page, files: createFilesModel(fake.connector), fail: vi.fn() });
    composer.setDraft('hi');
    await composer.send();
    expect(fake.sent('message.send')[0]!.page).toBeUndefined();
  });

  it('a refused send gives the text back and reports the error, unless the user typed again meanwhile', async () => {
    const answer = deferred<never>();
    const { fail, composer } = model(inThread(3), { 'message.send': () => answer.promise });
    composer.setDraft('Keep me');
    const sending = composer.send();
    expect(composer.draft.value).toBe('');
    answer.reject(new CodedError('rate_limited'));
    await sending;
    expect(composer.draft.value).toBe('Keep me');
    expect(fail).toHaveBeenCalledWith(expect.objectContaining({ code: 'rate_limited' }));

    const again = deferred<never>();
    const second = model(inThread(3), { 'message.send': () => again.promise });
    second.composer.setDraft('first');
    const pending = second.composer.send();
    second.composer.setDraft('typed since');
    again.reject(new CodedError('server'));
    await pending;
    expect(second.composer.draft.value).toBe('typed since');
  });

  it('remembers the echo ids sent from the new view, to show those messages until the conversation exists', async () => {
    const { composer } = model();
    composer.setDraft('one');
    await composer.send();
    composer.setDraft('two');
    await composer.send();
    expect(composer.newEchoIds.value).toEqual(['echo-1', 'echo-2']);
    const mine = [pendingMessage('echo-1'), pendingMessage('echo-2')];
    const others = [pendingMessage('elsewhere'), { ...pendingMessage('x'), echoId: undefined }];
    expect(composer.pendingNew([...others, ...mine])).toEqual(mine);
    composer.forgetNew();
    expect(composer.pendingNew(mine)).toEqual([]);
  });

  it('a message sent in a thread is not a new conversation’s', async () => {
    const { composer } = model(inThread(3));
    composer.setDraft('hi');
    await composer.send();
    expect(composer.newEchoIds.value).toEqual([]);
  });

  it('a card’s reply is sent as the customer’s message in the thread, and only there', async () => {
    const { fake, composer, go, fail } = model(inThread(3));
    await composer.reply('Yes please');
    await composer.reply('   ');
    go({ kind: 'new' });
    await composer.reply('Not here');
    expect(fake.sent('message.send')).toEqual([{ type: 'message.send', conversationId: 3, content: 'Yes please' }]);
    expect(fail).not.toHaveBeenCalled();
  });
});

describe('composer model: drafts', () => {
  it('keeps the draft of the view left and brings back the one of the view entered', () => {
    const { composer, go } = model(inThread(1));
    composer.setDraft('about one');
    go(inThread(2));
    expect(composer.draft.value).toBe('');
    composer.setDraft('about two');
    go({ kind: 'new' });
    composer.setDraft('something new');
    go(inThread(1));
    expect(composer.draft.value).toBe('about one');
    expect(composer.allDrafts.value).toEqual({ c1: 'about one', c2: 'about two', new: 'something new' });
  });

  it('a draft emptied or blank is forgotten', () => {
    const { composer, go } = model(inThread(1));
    composer.setDraft('x');
    go(inThread(2));
    go(inThread(1));
    composer.setDraft('  ');
    expect(composer.allDrafts.value).toEqual({});
    go(inThread(2));
    expect(composer.allDrafts.value).toEqual({});
  });

  it('a view can be entered with a text of its own (a hand-off’s quote)', () => {
    const { composer, view } = model({ kind: 'list' });
    composer.switchDraft(view.peek(), { kind: 'new' }, '> quoted\n\n');
    view.value = { kind: 'new' };
    expect(composer.draft.value).toBe('> quoted\n\n');
  });

  it('brings back the drafts an earlier panel saved, never over what the user already typed', () => {
    const { composer, go } = model(inThread(1));
    composer.restoreDrafts({ c1: 'saved one', c2: 'saved two' });
    expect(composer.draft.value).toBe('saved one');
    go(inThread(2));
    expect(composer.draft.value).toBe('saved two');

    const typed = model(inThread(1));
    typed.composer.setDraft('typed first');
    typed.composer.restoreDrafts({ c1: 'saved one' });
    expect(typed.composer.draft.value).toBe('typed first');
    typed.go(inThread(3));
    typed.composer.setDraft('three');
    typed.composer.restoreDrafts({ c3: 'older three' });
    expect(typed.composer.allDrafts.value).toEqual({ c1: 'typed first', c3: 'three' });
  });

  it('asks for the focus by bumping a counter', () => {
    const { composer } = model();
    const before = composer.focus.value;
    composer.requestFocus();
    expect(composer.focus.value).toBe(before + 1);
  });
});

describe('composer model: the customer’s typing indicator', () => {
  it('says "typing" once, and "stopped" after a 3 s pause', () => {
    vi.useFakeTimers();
    const { fake, composer } = model(inThread(3));
    composer.setDraft('h');
    composer.setDraft('he');
    vi.advanceTimersByTime(2_000);
    composer.setDraft('hel'); // still typing: the pause starts again
    vi.advanceTimersByTime(2_000);
    expect(fake.sent('typing')).toEqual([{ type: 'typing', conversationId: 3, on: true }]);
    vi.advanceTimersByTime(1_000);
    expect(fake.sent('typing')).toEqual([
      { type: 'typing', conversationId: 3, on: true },
      { type: 'typing', conversationId: 3, on: false },
    ]);
    composer.setDraft('hell');
    expect(fake.sent('typing').at(-1)).toEqual({ type: 'typing', conversationId: 3, on: true });
  });

  it('stops at once on send and when leaving the thread; says nothing in the new view', async () => {
    const { fake, composer, go } = model(inThread(3));
    composer.setDraft('hi');
    await composer.send();
    expect(fake.sent('typing').at(-1)).toEqual({ type: 'typing', conversationId: 3, on: false });
    composer.setDraft('again');
    go(inThread(4));
    expect(fake.sent('typing').at(-1)).toEqual({ type: 'typing', conversationId: 3, on: false });
    go({ kind: 'new' });
    const before = fake.sent('typing').length;
    composer.setDraft('new conversation');
    expect(fake.sent('typing')).toHaveLength(before);
    composer.stopTyping(); // nothing on: nothing to say
    expect(fake.sent('typing')).toHaveLength(before);
  });

  it('a typing request that fails is not an error for the user', async () => {
    const { fail, composer } = model(inThread(3), { typing: () => Promise.reject(new CodedError('unreachable')) });
    composer.setDraft('h');
    composer.stopTyping();
    await new Promise((r) => setTimeout(r, 0));
    expect(fail).not.toHaveBeenCalled();
  });
});
