import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agentMessage, renderMessage } from './helpers';

afterEach(cleanup);

const items = [
  { title: 'Billing', value: 'billing' },
  { title: 'Bug', value: 'bug' },
];

describe('input_select', () => {
  it('sends the chosen option once, then shows the choice', async () => {
    const m = agentMessage({ content: 'What is it about?', contentType: 'input_select', contentAttributes: { items } });
    const { onSubmit } = renderMessage(m);
    const [billing, bug] = [screen.getByRole('button', { name: 'Billing' }), screen.getByRole('button', { name: 'Bug' })];
    fireEvent.click(bug);
    fireEvent.click(billing); // a second press, before the first answer is back: nothing more is sent
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith(m.id, [{ title: 'Bug', value: 'bug' }]);
    expect(await screen.findByText('You chose: Bug')).toBeTruthy();
  });

  it('stays answered when reopened with submitted_values', () => {
    renderMessage(agentMessage({ contentType: 'input_select', contentAttributes: { items, submitted_values: [{ title: 'Billing', value: 'billing' }] } }));
    expect(screen.getByText('You chose: Billing')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Bug' })).toBeNull();
  });

  it('opens again when sending fails, so the customer can retry', async () => {
    const m = agentMessage({ contentType: 'input_select', contentAttributes: { items } });
    const { onSubmit } = renderMessage(m);
    onSubmit.mockRejectedValueOnce(new Error('offline'));
    fireEvent.click(screen.getByRole('button', { name: 'Bug' }));
    await vi.waitFor(() => expect((screen.getByRole('button', { name: 'Bug' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Bug' }));
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });
});

describe('input_csat', () => {
  it('emoji scale by default: five buttons, one rating sent', async () => {
    const m = agentMessage({ content: 'Rate us', contentType: 'input_csat' });
    const { onSubmit } = renderMessage(m);
    const group = screen.getByRole('group', { name: 'Rate this conversation' });
    expect(within(group).getAllByRole('button')).toHaveLength(5);
    expect(group.textContent).toContain('😍');
    const [four, five] = [screen.getByRole('button', { name: 'Rate 4 out of 5' }), screen.getByRole('button', { name: 'Rate 5 out of 5' })];
    fireEvent.click(four);
    fireEvent.click(five);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith(m.id, { csat_survey_response: { rating: 4 } });
    expect(await screen.findByText('Thanks for your feedback!')).toBeTruthy();
  });

  it('star scale when the thread view says so (csatDisplayType) or the message does (display_type)', () => {
    renderMessage(agentMessage({ contentType: 'input_csat', csatDisplayType: 'star' }));
    const stars = within(screen.getByRole('group', { name: 'Rate this conversation' })).getAllByRole('button');
    expect(stars.map((b) => b.textContent)).toEqual(['★', '★', '★', '★', '★']);
    fireEvent.mouseEnter(stars[2]!);
    expect(stars.filter((b) => b.classList.contains('csat__star--lit'))).toHaveLength(3);
    cleanup();
    renderMessage(agentMessage({ contentType: 'input_csat', contentAttributes: { display_type: 'star' } }));
    expect(screen.getAllByRole('button', { name: /Rate \d out of 5/ })[0]!.classList.contains('csat__star')).toBe(true);
  });

  it('stays answered when reopened with csat_survey_response', () => {
    renderMessage(
      agentMessage({ contentType: 'input_csat', csatDisplayType: 'star', contentAttributes: { submitted_values: { csat_survey_response: { rating: 3 } } } }),
    );
    expect(screen.queryByRole('group', { name: 'Rate this conversation' })).toBeNull();
    expect(screen.getByText('You rated 3 out of 5')).toBeTruthy();
    expect(document.querySelector('.csat--done')?.textContent).toContain('★★★☆☆');
  });

  it('without a message id (still sending) or a callback, the buttons are disabled', () => {
    renderMessage(agentMessage({ id: undefined, contentType: 'input_csat' }));
    for (const b of screen.getAllByRole('button', { name: /Rate/ })) expect((b as HTMLButtonElement).disabled).toBe(true);
  });
});
