import { describe, expect, it } from 'vitest';
import type { Message } from '@/utils/api/schemas';
import { toThreadMessage } from '@/utils/background/views';

function serverMessage(extra: Partial<Message> = {}): Message {
  return {
    id: 7,
    content: 'hi',
    message_type: 1,
    content_type: 'text',
    content_attributes: {},
    created_at: 1_700_000_000,
    conversation_id: 5,
    sender: { id: 1, name: 'Dana', type: 'user' },
    ...extra,
  };
}

describe('toThreadMessage for rich messages', () => {
  it('says what kind of sender wrote it', () => {
    expect(toThreadMessage(serverMessage(), 0).senderKind).toBe('human');
    expect(toThreadMessage(serverMessage({ sender: { name: 'Bot', type: 'agent_bot' } }), 0).senderKind).toBe('bot');
    expect(toThreadMessage(serverMessage({ sender: { name: 'Captain', type: 'captain_assistant' } }), 0).senderKind).toBe('ai');
    expect(toThreadMessage(serverMessage({ sender: { name: 'x', type: 'constructor' } }), 0).senderKind).toBeUndefined();
    expect(toThreadMessage(serverMessage({ sender: undefined }), 0).senderKind).toBeUndefined();
    expect(toThreadMessage(serverMessage({ message_type: 0, sender: { name: 'Me', type: 'contact' } }), 0).senderKind).toBeUndefined();
  });

  it('keeps what the server tells about attachments, and only that', () => {
    const m = toThreadMessage(
      serverMessage({
        attachments: [
          { id: 1, file_type: 'image', data_url: 'https://x/a.png', thumb_url: 'https://x/t.png', extension: null, file_size: 2048, width: 10, height: 20 },
          { id: 2, file_type: 'location', data_url: '', coordinates_lat: '38.7', coordinates_long: -9.1, fallback_title: 'Shop', file_size: null },
          { id: 3, file_type: 'file', data_url: 'https://x/f', extension: 'pdf', file_name: 'f.pdf', width: null, height: null },
        ],
      }),
      0,
    );
    expect(m.attachments).toEqual([
      { fileType: 'image', url: 'https://x/a.png', thumbUrl: 'https://x/t.png', fileSize: 2048, width: 10, height: 20 },
      { fileType: 'location', url: '', lat: 38.7, long: -9.1, fallbackTitle: 'Shop' },
      { fileType: 'file', url: 'https://x/f', extension: 'pdf', fileName: 'f.pdf' },
    ]);
    expect(Object.keys(m.attachments[2]!)).toEqual(['fileType', 'url', 'fileName', 'extension']);
  });

  it('passes the CSAT scale on for input_csat', () => {
    const csat = (display_type: unknown) =>
      toThreadMessage(serverMessage({ content_type: 'input_csat', content_attributes: { display_type } }), 0).csatDisplayType;
    expect(csat('star')).toBe('star');
    expect(csat('emoji')).toBe('emoji');
    expect(csat('other')).toBeUndefined();
  });
});
