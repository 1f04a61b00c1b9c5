import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadInteractive } from '@/components/panel/rich/use-interactive';
import { agentMessage, renderMessage } from './helpers';

beforeAll(async () => {
  await loadInteractive(); // the lazy chunk, so these render synchronously
});
afterEach(cleanup);

const card = {
  title: 'Nike Shoes 2.0',
  description: 'Running with Nike Shoe 2.0',
  media_url: 'https://img.example/shoe.jpg',
  actions: [
    { type: 'link', text: 'View more', uri: 'https://shop.example/shoe' },
    { type: 'link', text: 'Bare host', uri: 'shop.example/p/2' },
    { type: 'link', text: 'Bad', uri: 'javascript:alert(1)' },
    { type: 'postback', text: 'Add to cart', payload: 'ITEM_SELECTED' },
    { type: 'postback', text: 'Ask a person' },
  ],
};

describe('cards', () => {
  it('show image, title, description and safe link actions in a new tab', () => {
    renderMessage(agentMessage({ contentType: 'cards', contentAttributes: { items: [card] } }));
    expect(document.querySelector('.card__media')?.getAttribute('src')).toBe('https://img.example/shoe.jpg');
    expect(screen.getByText('Nike Shoes 2.0')).toBeTruthy();
    expect(screen.getByText('Running with Nike Shoe 2.0')).toBeTruthy();
    const view = screen.getByRole('link', { name: 'View more' });
    expect(view.getAttribute('href')).toBe('https://shop.example/shoe');
    expect(view.getAttribute('target')).toBe('_blank');
    expect(view.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByRole('link', { name: 'Bare host' }).getAttribute('href')).toBe('https://shop.example/p/2');
    expect(screen.queryByRole('link', { name: 'Bad' })).toBeNull();
  });

  it('a postback sends its payload (or its text) as the customer’s reply, once', async () => {
    const { onReply } = renderMessage(agentMessage({ contentType: 'cards', contentAttributes: { items: [card, { ...card, title: 'Second' }] } }));
    const [first] = screen.getAllByRole('button', { name: 'Add to cart' });
    fireEvent.click(first!);
    fireEvent.click(screen.getAllByRole('button', { name: 'Ask a person' })[1]!);
    expect(onReply).toHaveBeenCalledTimes(1);
    expect(onReply).toHaveBeenCalledWith('ITEM_SELECTED');
    // The customer reads the button's words; the bot gets the payload.
    expect(await screen.findByText('You chose: Add to cart')).toBeTruthy();
    for (const b of screen.getAllByRole('button')) expect((b as HTMLButtonElement).disabled).toBe(true);
  });

  it('a postback without payload sends its text', () => {
    const { onReply } = renderMessage(agentMessage({ contentType: 'cards', contentAttributes: { items: [card] } }));
    fireEvent.click(screen.getByRole('button', { name: 'Ask a person' }));
    expect(onReply).toHaveBeenCalledWith('Ask a person');
  });

  it('answered cards (submitted_values) keep their postbacks disabled', () => {
    renderMessage(agentMessage({ contentType: 'cards', contentAttributes: { items: [card], submitted_values: [{ title: 'Add to cart', value: 'ITEM_SELECTED' }] } }));
    expect((screen.getByRole('button', { name: 'Add to cart' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('articles', () => {
  it('list article links with titles and descriptions; unsafe links stay text', () => {
    renderMessage(
      agentMessage({
        content: 'These may help:',
        contentType: 'article',
        contentAttributes: {
          items: [
            { title: 'Reset your password', description: 'Step by step', link: 'https://help.example/reset' },
            { title: 'Evil', description: 'x', link: 'javascript:alert(1)' },
            { description: 'no title: skipped' },
          ],
        },
      }),
    );
    const list = screen.getByRole('list', { name: 'Suggested articles' });
    expect(list.querySelectorAll('li')).toHaveLength(2);
    const link = screen.getByRole('link', { name: 'Reset your password' });
    expect(link.getAttribute('href')).toBe('https://help.example/reset');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(screen.getByText('Step by step')).toBeTruthy();
    expect(screen.getByText('Evil').tagName).toBe('SPAN');
  });
});
