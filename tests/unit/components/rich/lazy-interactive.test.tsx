// Cards, forms, articles, the email question and the image viewer come from a lazy chunk: the row renders
// at once, and the widget appears when the chunk has loaded.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Attachments } from '@/components/panel/attachments';
import { agentMessage, renderMessage } from './helpers';

afterEach(cleanup);

describe('lazy interactive renderers', () => {
  it('a cards message shows its text at once and its cards once loaded', async () => {
    renderMessage(agentMessage({ content: 'Pick one', contentType: 'cards', contentAttributes: { items: [{ title: 'Blue shoes' }] } }));
    expect(screen.getByText('Pick one')).toBeTruthy();
    expect(await screen.findByText('Blue shoes')).toBeTruthy();
  });

  it('the image viewer opens once its chunk is there', async () => {
    render(<Attachments attachments={[{ fileType: 'image', url: 'https://cdn.example/full.png' }]} />);
    fireEvent.click(screen.getByRole('img', { name: 'Image' }).closest('a')!, { button: 0 });
    expect(await screen.findByRole('dialog', { name: 'Image' })).toBeTruthy();
  });
});
