import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { agentMessage, renderMessage } from './rich/helpers';

afterEach(cleanup);

const own = (progress: number | null | undefined) =>
  agentMessage({ from: 'me', sender: null, content: '', delivery: 'sending', ...(progress !== undefined ? { progress } : {}), attachments: [{ fileType: 'file', url: '', fileName: 'big.zip', fileSize: 8e6 }] });

describe('an own message whose files are uploading', () => {
  it('shows a progress bar with its value and the percent in words', () => {
    renderMessage(own(42));
    const bar = screen.getByRole('progressbar', { name: 'Uploading…' }) as HTMLProgressElement;
    expect(bar.getAttribute('aria-valuenow')).toBe('42');
    expect(bar.value).toBe(42);
    expect(bar.max).toBe(100);
    expect(screen.getByText('Uploading… 42%')).toBeTruthy();
    expect(screen.queryByText('Sending…')).toBeNull();
  });

  it('shows an indeterminate bar and "Uploading…" when the browser cannot tell', () => {
    renderMessage(own(null));
    const bar = screen.getByRole('progressbar', { name: 'Uploading…' });
    expect(bar.hasAttribute('value')).toBe(false);
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    expect(screen.getAllByText('Uploading…').length).toBeGreaterThan(0);
  });

  it('says "Sending…" as before when it is not uploading now', () => {
    renderMessage(own(undefined));
    expect(screen.getByText('Sending…')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
