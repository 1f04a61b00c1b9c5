import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AnswerSummary } from '@/components/panel/rich/answer-summary';
import { loadInteractive } from '@/components/panel/rich/use-interactive';
import { agentMessage, renderMessage } from './helpers';

beforeAll(async () => {
  await loadInteractive(); // the lazy chunk, so these render synchronously
});
afterEach(cleanup);

const formItems = [
  { name: 'full_name', label: 'Full name', type: 'text', placeholder: 'Jane Doe', required: true },
  { name: 'email', label: 'Email', type: 'email', placeholder: 'you@example.com', required: true },
  { name: 'notes', label: 'Notes', type: 'text_area' },
  { name: 'plan', label: 'Plan', type: 'select', options: [{ label: 'Free', value: 'free' }, { label: 'Pro', value: 'pro' }] },
  { name: 'code', label: 'Code', type: 'text', pattern: '[A-Z]{3}', pattern_error: 'Three capital letters' },
];

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('form', () => {
  it('labels each field by type', () => {
    renderMessage(agentMessage({ contentType: 'form', contentAttributes: { items: formItems, button_label: 'Send details' } }));
    expect(screen.getByLabelText('Full name').getAttribute('type')).toBe('text');
    expect(screen.getByLabelText('Full name').getAttribute('placeholder')).toBe('Jane Doe');
    expect(screen.getByLabelText('Email').getAttribute('type')).toBe('email');
    expect(screen.getByLabelText('Notes').tagName).toBe('TEXTAREA');
    const plan = screen.getByLabelText('Plan');
    expect(plan.tagName).toBe('SELECT');
    expect([...plan.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Choose…', 'Free', 'Pro']);
    expect(screen.getByRole('button', { name: 'Send details' })).toBeTruthy();
    expect(document.querySelector('form')?.hasAttribute('action')).toBe(false);
  });

  it('checks required fields, the email format and the server’s pattern before sending', () => {
    const { onSubmit } = renderMessage(agentMessage({ contentType: 'form', contentAttributes: { items: formItems } }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Full name is required')).toBeTruthy();
    expect(screen.getByText('Email is required')).toBeTruthy();
    expect(screen.getByLabelText('Full name').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Full name'));

    type('Full name', 'Ana');
    expect(screen.queryByText('Full name is required')).toBeNull(); // the error follows the typing
    type('Email', 'ana@');
    type('Code', 'abc');
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(screen.getByText('Enter a valid email address, like name@example.com')).toBeTruthy();
    expect(screen.getByText('Three capital letters')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends [{ name, value }] once, then shows the values sent', async () => {
    const m = agentMessage({ contentType: 'form', contentAttributes: { items: formItems } });
    const { onSubmit } = renderMessage(m);
    type('Full name', ' Ana Lima ');
    type('Email', 'ana@example.com');
    fireEvent.change(screen.getByLabelText('Plan'), { target: { value: 'pro' } });
    type('Code', 'ABC');
    const button = screen.getByRole('button', { name: 'Submit' });
    fireEvent.click(button);
    fireEvent.click(button);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith(m.id, [
      { name: 'full_name', value: 'Ana Lima' },
      { name: 'email', value: 'ana@example.com' },
      { name: 'notes', value: '' },
      { name: 'plan', value: 'pro' },
      { name: 'code', value: 'ABC' },
    ]);
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: /Submit|Sending/ })).toBeNull());
    expect([...document.querySelectorAll('dt')].map((d) => d.textContent)).toEqual(['Full name', 'Email', 'Notes', 'Plan', 'Code']);
  });

  it('the button says Sending… and the fields are disabled while the answer goes out', () => {
    const m = agentMessage({ contentType: 'form', contentAttributes: { items: [formItems[0]] } });
    const { onSubmit } = renderMessage(m);
    onSubmit.mockReturnValueOnce(new Promise(() => {}));
    type('Full name', 'Ana');
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect((screen.getByRole('button', { name: 'Sending…' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByLabelText('Full name') as HTMLInputElement).disabled).toBe(true);
  });

  it('shows the submitted values from content_attributes after a reopen', () => {
    renderMessage(
      agentMessage({
        contentType: 'form',
        contentAttributes: { items: formItems, submitted_values: [{ name: 'full_name', value: 'Ana' }, { name: 'email', value: 'ana@example.com' }] },
      }),
    );
    expect(document.querySelector('form')).toBeNull();
    const rows = [...document.querySelectorAll('.answers__row')].map((r) => r.textContent);
    expect(rows).toEqual(['Full nameAna', 'Emailana@example.com']);
  });

  it('uses defaults, and survives a broken pattern from the server', () => {
    const { onSubmit } = renderMessage(
      agentMessage({ contentType: 'form', contentAttributes: { items: [{ name: 'city', label: 'City', type: 'text', default: 'Lisbon', pattern: '([' }] } }),
    );
    expect((screen.getByLabelText('City') as HTMLInputElement).value).toBe('Lisbon');
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.any(Number), [{ name: 'city', value: 'Lisbon' }]);
  });
});

describe('input_email', () => {
  it('asks for an email, checks it, and answers [{ name: "email", value }] once', async () => {
    const m = agentMessage({ content: 'Where can we reach you?', contentType: 'input_email' });
    const { onSubmit } = renderMessage(m);
    const field = screen.getByLabelText('Your email');
    fireEvent.input(field, { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(screen.getByText('Enter a valid email address, like name@example.com')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.input(field, { target: { value: 'ana@example.com ' } });
    const button = screen.getByRole('button', { name: 'Submit' });
    fireEvent.click(button);
    fireEvent.click(button);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith(m.id, [{ name: 'email', value: 'ana@example.com' }]);
    expect(await screen.findByText('Your email: ana@example.com')).toBeTruthy();
  });

  it('is answered after a reopen, from submitted_email or submitted_values', () => {
    renderMessage(agentMessage({ contentType: 'input_email', contentAttributes: { submitted_email: 'a@example.com' } }));
    expect(screen.getByText('Your email: a@example.com')).toBeTruthy();
    expect(screen.queryByLabelText('Your email')).toBeNull();
    cleanup();
    renderMessage(agentMessage({ contentType: 'input_email', contentAttributes: { submitted_values: [{ name: 'email', value: 'b@example.com' }] } }));
    expect(screen.getByText('Your email: b@example.com')).toBeTruthy();
  });
});

describe('answers summary', () => {
  it('a label that is a question, or ends in a colon, gets no second colon', () => {
    render(<AnswerSummary rows={[{ label: 'Which plan?', value: 'Pro' }, { label: 'Name:', value: 'Ana' }, { label: 'Email', value: 'a@b.c' }]} />);
    const classes = [...document.querySelectorAll('dt')].map((d) => d.className);
    expect(classes).toEqual(['answers__label--ends', 'answers__label--ends', '']);
  });
});
