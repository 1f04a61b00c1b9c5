import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Attachments, type Attachment } from '@/components/panel/attachments';
import { loadInteractive } from '@/components/panel/rich/use-interactive';

beforeAll(async () => {
  await loadInteractive(); // the lazy chunk, so these render synchronously
});
afterEach(cleanup);

const show = (...attachments: Attachment[]) => render(<Attachments attachments={attachments} />).container;

describe('images', () => {
  it('shows the thumbnail with its size reserved, linking to the full image', () => {
    show({ fileType: 'image', url: 'https://cdn.example/full.png', thumbUrl: 'https://cdn.example/thumb.png', width: 640, height: 480 });
    const img = screen.getByRole('img', { name: 'Image' });
    expect(img.getAttribute('src')).toBe('https://cdn.example/thumb.png');
    expect(img.getAttribute('width')).toBe('640');
    expect(img.getAttribute('height')).toBe('480');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.closest('a')?.getAttribute('href')).toBe('https://cdn.example/full.png');
  });

  it('opens the full image in a dialog; Escape closes it and gives focus back', () => {
    show({ fileType: 'image', url: 'https://cdn.example/full.png' });
    const opener = screen.getByRole('img', { name: 'Image' }).closest('a')!;
    opener.focus();
    fireEvent.click(opener, { button: 0 });
    const dialog = screen.getByRole('dialog', { name: 'Image' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.querySelector('img')?.getAttribute('src')).toBe('https://cdn.example/full.png');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab inside the viewer, and closes with Close or a click beside the image', () => {
    show({ fileType: 'image', url: 'https://cdn.example/full.png' });
    const opener = screen.getByRole('img', { name: 'Image' }).closest('a')!;
    fireEvent.click(opener, { button: 0 });
    const close = screen.getByRole('button', { name: 'Close' });
    const original = screen.getByRole('link', { name: 'Open original' });
    fireEvent.keyDown(close, { key: 'Tab' });
    expect(document.activeElement).toBe(original);
    fireEvent.keyDown(original, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(close);
    fireEvent.click(close);
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(opener, { button: 0 });
    fireEvent.click(screen.getByRole('dialog'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('leaves a modified click to the browser (new tab), without the viewer', () => {
    show({ fileType: 'image', url: 'https://cdn.example/full.png' });
    // The test stops the browser's own navigation (happy-dom would fetch the address).
    document.addEventListener('click', (e) => e.preventDefault(), { once: true });
    fireEvent.click(screen.getByRole('img', { name: 'Image' }).closest('a')!, { button: 0, ctrlKey: true });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('video and audio', () => {
  it('use the native players, loading only metadata', () => {
    const c = show({ fileType: 'video', url: 'https://cdn.example/clip.mp4', width: 320, height: 180 }, { fileType: 'audio', url: 'https://cdn.example/note.ogg' });
    const video = c.querySelector('video')!;
    expect(video.getAttribute('src')).toBe('https://cdn.example/clip.mp4');
    expect(video.hasAttribute('controls')).toBe(true);
    expect(video.getAttribute('preload')).toBe('metadata');
    const audio = c.querySelector('audio')!;
    expect(audio.getAttribute('src')).toBe('https://cdn.example/note.ogg');
    expect(audio.hasAttribute('controls')).toBe(true);
    expect(audio.getAttribute('preload')).toBe('metadata');
  });
});

describe('file cards', () => {
  it('name the file from its URL when the server gives no name, with its size and a download link', () => {
    show({ fileType: 'file', url: 'https://cdn.example/files/report%202026.pdf', fileSize: 1_572_864, extension: 'pdf' });
    const card = screen.getByRole('link', { name: /report 2026\.pdf/ });
    expect(card.getAttribute('href')).toBe('https://cdn.example/files/report%202026.pdf');
    expect(card.hasAttribute('download')).toBe(true);
    expect(card.textContent).toContain('PDF · 1.5 MB');
    expect(card.textContent).toContain('Download');
  });

  it('use the server’s name or a fallback title when there is one', () => {
    show({ fileType: 'file', url: 'https://cdn.example/blob/abc', fileName: 'invoice.pdf', fileSize: 900 });
    expect(screen.getByRole('link', { name: /invoice\.pdf/ }).textContent).toContain('900 B');
    cleanup();
    show({ fileType: 'fallback', url: 'https://shop.example/p/1', fallbackTitle: 'Blue shoes' });
    expect(screen.getByRole('link', { name: /Blue shoes/ }).getAttribute('href')).toBe('https://shop.example/p/1');
  });

  it('show an unknown file type as a file card', () => {
    show({ fileType: 'ig_reel', url: 'https://cdn.example/x/reel.mp4' });
    expect(screen.getByRole('link', { name: /reel\.mp4/ }).classList.contains('file-card')).toBe(true);
  });

  it('drop attachments whose URL is not http(s) or a local preview', () => {
    const c = show(
      { fileType: 'file', url: 'javascript:alert(1)' },
      { fileType: 'image', url: 'data:image/png;base64,AAAA' },
      { fileType: 'video', url: 'blob:https://evil.example/1234' },
      { fileType: 'file', url: `blob:${location.origin}/5678` },
    );
    expect(c.querySelectorAll('.attachment')).toHaveLength(1);
    expect(c.querySelector('a')?.getAttribute('href')).toBe(`blob:${location.origin}/5678`);
  });
});

describe('locations', () => {
  it('link to the point on OpenStreetMap', () => {
    show({ fileType: 'location', url: '', lat: 38.7223, long: -9.1393, fallbackTitle: 'Our shop' });
    const link = screen.getByRole('link', { name: /Our shop/ });
    expect(link.getAttribute('href')).toBe('https://www.openstreetmap.org/?mlat=38.7223&mlon=-9.1393#map=16/38.7223/-9.1393');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('without usable coordinates, show the title without a link', () => {
    const c = show({ fileType: 'location', url: 'javascript:alert(1)', lat: 200, long: 0 });
    expect(c.querySelector('a')).toBeNull();
    expect(c.textContent).toContain('Location');
  });
});
