import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES } from '@/utils/files/file-store';
import { choose, file, fileInput, renderNew, stubPreviews } from './helpers';

beforeEach(() => stubPreviews());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('files in the composer', () => {
  it('the paper clip is a labelled button in front of a real multiple file input', async () => {
    await renderNew();
    const button = screen.getByRole('button', { name: 'Attach files' });
    const input = fileInput();
    expect(input.multiple).toBe(true);
    expect(input.hidden).toBe(true);
    let opened = 0;
    input.addEventListener('click', () => opened++);
    fireEvent.click(button);
    expect(opened).toBe(1);
  });

  it('picked files show as chips with name, size in human units, a thumbnail for images, and go with the caption', async () => {
    const { fake, box } = await renderNew();
    choose(fileInput(), [file('notes.txt', 'text/plain', 2048), file('shot.png', 'image/png', 'png-bytes')]);
    const list = await screen.findByRole('list', { name: 'Files to send' });
    await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(2));
    expect(list.textContent).toContain('notes.txt');
    expect(list.textContent).toContain('2 KB');
    expect(list.querySelectorAll('img.file-chip__thumb')).toHaveLength(1); // the image only
    expect(screen.getByRole('button', { name: 'Black out parts of shot.png' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Black out parts of notes.txt' })).toBeNull();
    await waitFor(() => expect(fake.files.size).toBe(2)); // stored at once, for the background

    fireEvent.input(box, { target: { value: 'Here they are' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(fake.sent('message.send')).toHaveLength(1));
    const sent = fake.sent('message.send')[0]!;
    expect(sent.content).toBe('Here they are');
    expect(sent.attachments?.map((a) => [a.name, a.type, a.size])).toEqual([
      ['notes.txt', 'text/plain', 2048],
      ['shot.png', 'image/png', 9],
    ]);
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Files to send' })).toBeNull());
    expect(box.value).toBe('');
  });

  it('files alone (no text) can be sent', async () => {
    const { fake } = await renderNew();
    const send = screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    choose(fileInput(), [file('a.pdf', 'application/pdf')]);
    await waitFor(() => expect(send.disabled).toBe(false));
    fireEvent.click(send);
    await waitFor(() => expect(fake.sent('message.send')).toHaveLength(1));
    expect(fake.sent('message.send')[0]!.content).toBe('');
  });

  it('"Remove <name>" takes a file off and out of the store; the focus moves to the next chip, then the box', async () => {
    const { fake, box } = await renderNew();
    choose(fileInput(), [file('one.txt', 'text/plain'), file('two.txt', 'text/plain')]);
    await waitFor(() => expect(fake.files.size).toBe(2));
    fireEvent.click(screen.getByRole('button', { name: 'Remove one.txt' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove two.txt' })));
    expect(fake.files.size).toBe(1);
    expect(screen.queryByText('one.txt')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove two.txt' }));
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(fake.files.size).toBe(0);
    expect(screen.queryByRole('list', { name: 'Files to send' })).toBeNull();
  });

  it('a file over 40 MB is refused here, saying why; nothing is stored or sent and the caption stays', async () => {
    const { fake, model, box } = await renderNew();
    fireEvent.input(box, { target: { value: 'My recording' } });
    choose(fileInput(), [file('huge.mov', 'video/quicktime', MAX_FILE_BYTES + 1024 * 1024)]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('This file is too large to send. Files can be up to 40 MB.');
    expect(screen.getByText('41 MB')).toBeTruthy();
    expect(fake.connector.putFile).not.toHaveBeenCalled();
    const send = screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.keyDown(box, { key: 'Enter' });
    await act(() => model.composer.send());
    expect(fake.sent('message.send')).toHaveLength(0);
    expect(box.value).toBe('My recording');
    // Removing it lets the caption go.
    fireEvent.click(screen.getByRole('button', { name: 'Remove huge.mov' }));
    await waitFor(() => expect(send.disabled).toBe(false));
  });

  it('a file the store cannot keep says so and blocks sending', async () => {
    const { fake } = await renderNew();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    fake.connector.putFile = async () => {
      throw new Error('QuotaExceededError');
    };
    choose(fileInput(), [file('a.txt', 'text/plain')]);
    expect((await screen.findByRole('alert')).textContent).toBe('The file is no longer available: attach it again.');
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('choosing the same file again after removing it adds it again (the input is emptied each time)', async () => {
    const { fake } = await renderNew();
    const input = fileInput();
    choose(input, [file('same.txt', 'text/plain')]);
    await waitFor(() => expect(fake.files.size).toBe(1));
    expect(input.value).toBe('');
  });
});
