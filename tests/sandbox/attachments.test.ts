// Attachments both ways: the agent's (built-in samples, multipart, base64) and the customer's, served back
// byte for byte; the agent API's sha256/size/name for each; Chatwoot's 422 for a refused type; 413 over 40 MB.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/server';
import { SAMPLE_IMAGE_SIZE } from '../../sandbox/samples';
import { agent, client, expectSchema, withSandbox } from './helpers';

let sb: Sandbox;
beforeAll(async () => (sb = await withSandbox()));
afterAll(() => sb.close());

const MSGS = '/contacts/{contact_identifier}/conversations/{conversation_id}/messages';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const bytes = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

async function setup() {
  const c = client(sb);
  const s = await c.contact();
  const conv = await c.conversation(s.source_id);
  return { c, s, conv, path: `/contacts/${s.source_id}/conversations/${conv.id}/messages` };
}

describe('agent attachments', () => {
  it('built-in samples: a PNG with its size, a PDF, a WAV, a WebM; served at data_url with the file name in the path', async () => {
    const { c, conv, path } = await setup();
    const expected = {
      image: ['sample.png', 'image/png', 'image'], pdf: ['sample.pdf', 'application/pdf', 'file'],
      audio: ['sample.wav', 'audio/wav', 'audio'], video: ['sample.webm', 'video/webm', 'video'],
    } as const;
    for (const [kind, [name, type, fileType]] of Object.entries(expected)) {
      const r = await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { content: `a ${kind}`, sample: kind });
      expect(r.status).toBe(200);
      const [a] = r.json.attachments;
      expect(a).toMatchObject({ file_type: fileType, file_name: name, content_type: type, message_id: r.json.id });
      expect(new URL(a.data_url).pathname.endsWith(`/${name}`)).toBe(true);
      const served = await fetch(a.data_url);
      expect(served.headers.get('content-type')).toBe(type);
      const body = Buffer.from(await served.arrayBuffer());
      expect(body.length).toBe(a.file_size);
      expect(sha256(body)).toBe(a.sha256);
      if (kind === 'image') {
        expect(a).toMatchObject(SAMPLE_IMAGE_SIZE);
        expect(a.thumb_url).not.toBe('');
      } else expect(a).toMatchObject({ width: null, height: null, thumb_url: '' });
      if (kind === 'audio') expect(a.transcribed_text).toBe('');
    }
    const rest = (await c.call('GET', path)).json;
    expectSchema('GET', MSGS, rest);
    expect(rest.map((m: { attachments: { file_type: string }[] }) => m.attachments[0].file_type)).toEqual(['image', 'file', 'audio', 'video']);
    // The Client API shows Chatwoot's attachment keys only.
    expect(rest[0].attachments[0]).not.toHaveProperty('sha256');
    expect(rest[0].attachments[0]).toMatchObject({ width: 96, height: 64 });
  });

  it('several samples in one message, with or without content; an unknown sample is 422', async () => {
    const { conv } = await setup();
    const r = await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { sample: ['image', 'pdf'] });
    expect(r.status).toBe(200);
    expect(r.json.content).toBeNull();
    expect(r.json.attachments.map((a: { file_name: string }) => a.file_name)).toEqual(['sample.png', 'sample.pdf']);
    const bad = await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { sample: 'spreadsheet' });
    expect(bad.status).toBe(422);
    expect(bad.json).toEqual({ message: 'Sample must be one of image, pdf, audio, video', attributes: ['sample'] });
  });

  it('multipart upload and base64 JSON attachments keep their bytes, names and types', async () => {
    const { conv } = await setup();
    const jpegish = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x20, 0x00, 0x30, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const form = new FormData();
    form.append('content', 'Line one\nLine two');
    form.append('sender', 'bot');
    form.append('attachments[]', new Blob([jpegish], { type: 'image/jpeg' }), 'photo one.jpg');
    form.append('attachments[]', new Blob(['a,b\n1,2\n'], { type: 'text/csv' }), 'data.csv');
    const up = await fetch(`${sb.url}/sandbox/api/conversations/${conv.id}/messages`, { method: 'POST', body: form });
    expect(up.status).toBe(200);
    const msg = await up.json();
    // A multipart field's newlines arrive as CRLF (FormData normalises them), as a real server stores them.
    expect(msg).toMatchObject({ content: 'Line one\r\nLine two', sender: { type: 'agent_bot' } });
    const [jpg, csv] = msg.attachments;
    expect(jpg).toMatchObject({ file_name: 'photo one.jpg', file_type: 'image', width: 48, height: 32, sha256: sha256(jpegish) });
    expect(jpg.data_url).toContain('/photo%20one.jpg');
    expect(csv).toMatchObject({ file_name: 'data.csv', file_type: 'file', content_type: 'text/csv', file_size: 8 });
    expect((await bytes(jpg.data_url)).equals(jpegish)).toBe(true);
    const b64 = await agent(sb, 'POST', `/conversations/${conv.id}/messages`, {
      attachments: [{ file_name: 'note.txt', content_type: 'text/plain', data_base64: Buffer.from('hello').toString('base64') }],
    });
    expect(b64.json.attachments[0]).toMatchObject({ file_name: 'note.txt', file_size: 5, sha256: sha256(Buffer.from('hello')) });
    const bad = await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { attachments: [{ content_type: 'text/plain' }] });
    expect(bad.status).toBe(422);
  });

  it('serves a file whatever its name (quotes, control characters, non-Latin), with the exact name RFC 5987-encoded', async () => {
    const { conv } = await setup();
    const name = 'rapport "été"\r\n<script>—日本.txt';
    const up = await agent(sb, 'POST', `/conversations/${conv.id}/messages`, {
      attachments: [{ file_name: name, content_type: 'text/plain', data_base64: Buffer.from('x').toString('base64') }],
    });
    const served = await fetch(up.json.attachments[0].data_url);
    expect(served.status).toBe(200);
    const disposition = served.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^inline; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(name);
  });
});

describe('customer attachments in the agent API', () => {
  it('lists each upload with sha256, size, name and type, in the conversation and its messages', async () => {
    const { c, conv, path } = await setup();
    const file = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251));
    const form = new FormData();
    form.append('content', 'my screenshot');
    form.append('attachments[]', new Blob([file], { type: 'image/png' }), 'screen shot.png');
    expect((await c.call('POST', path, form)).status).toBe(200);
    const conversation = (await agent(sb, 'GET', `/conversations/${conv.id}`)).json;
    const [a] = conversation.messages[0].attachments;
    expect(a).toMatchObject({ file_name: 'screen shot.png', content_type: 'image/png', file_size: 3000, sha256: sha256(file), width: null });
    const messages = (await agent(sb, 'GET', `/conversations/${conv.id}/messages`)).json;
    expect(messages[0].attachments[0].sha256).toBe(sha256(file));
    expect((await bytes(a.data_url)).equals(file)).toBe(true);
    expect((await agent(sb, 'GET', '/conversations/99999/messages')).status).toBe(404);
  });

  it('rejected_attachment_types answers Chatwoot\'s 422 for those types only; nothing is stored', async () => {
    const { c, conv, path } = await setup();
    const set = await agent(sb, 'POST', '/config', { rejected_attachment_types: ['application/x-msdownload', 'video/*'] });
    expect(set.json.rejected_attachment_types).toEqual(['application/x-msdownload', 'video/*']);
    for (const [type, name] of [['application/x-msdownload', 'setup.exe'], ['video/mp4', 'clip.mp4']]) {
      const form = new FormData();
      form.append('attachments[]', new Blob(['MZ'], { type }), name);
      const r = await c.call('POST', path, form);
      expect(r.status).toBe(422);
      expect(r.json).toEqual({ message: 'Attachments file type not supported', attributes: ['attachments.file'] });
      expect(r.headers.get('access-control-allow-origin')).toBe('*');
    }
    const ok = new FormData();
    ok.append('attachments[]', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'a.pdf');
    expect((await c.call('POST', path, ok)).status).toBe(200);
    expect((await agent(sb, 'GET', `/conversations/${conv.id}`)).json.messages).toHaveLength(1);
    // The agent's own uploads are not checked; the list can be cleared.
    expect((await agent(sb, 'POST', `/conversations/${conv.id}/messages`, { sample: 'video' })).status).toBe(200);
    expect((await agent(sb, 'POST', '/config', { rejected_attachment_types: [] })).json.rejected_attachment_types).toEqual([]);
    expect((await agent(sb, 'POST', '/config', { rejected_attachment_types: ['not a type'] })).status).toBe(422);
  });

  it('an agent upload over 40 MB is 413 too, and nothing is stored', async () => {
    const { conv } = await setup();
    const form = new FormData();
    form.append('attachments[]', new Blob([Buffer.alloc(40 * 1024 * 1024 + 1, 0x61)], { type: 'application/octet-stream' }), 'big.bin');
    const r = await fetch(`${sb.url}/sandbox/api/conversations/${conv.id}/messages`, { method: 'POST', body: form });
    expect(r.status).toBe(413);
    expect(await r.json()).toEqual({ status: 413, error: 'Payload Too Large' });
    expect((await agent(sb, 'GET', `/conversations/${conv.id}`)).json.messages).toEqual([]);
  });
});
