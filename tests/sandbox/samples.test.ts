// Unit checks of the pieces with no HTTP: the sample files are well formed, image sizes are read from
// headers, and form keys nest the Rails way.
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../sandbox/form';
import { HttpError } from '../../sandbox/http';
import { imageSize } from '../../sandbox/media';
import { SAMPLE_IMAGE_SIZE, samplePdf, samplePng, sampleWav } from '../../sandbox/samples';
import { sampleWebm } from '../../sandbox/sample-webm';

describe('sample files', () => {
  it('PNG: signature, chunks with valid CRCs, pixels that inflate to width × height', () => {
    const png = samplePng();
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const chunks: { type: string; data: Buffer }[] = [];
    for (let i = 8; i < png.length; ) {
      const len = png.readUInt32BE(i);
      const type = png.toString('latin1', i + 4, i + 8);
      const data = png.subarray(i + 8, i + 8 + len);
      expect(png.readUInt32BE(i + 8 + len)).toBe(crc32(png.subarray(i + 4, i + 8 + len)) >>> 0);
      chunks.push({ type, data });
      i += 12 + len;
    }
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const { width, height } = SAMPLE_IMAGE_SIZE;
    expect(inflateSync(chunks[1].data).length).toBe((width * 3 + 1) * height);
    expect(imageSize(png)).toEqual(SAMPLE_IMAGE_SIZE);
  });

  it('PDF: header, every xref offset points at its object, startxref at the table', () => {
    const text = samplePdf().toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const start = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(start, start + 4)).toBe('xref');
    const offsets = [...text.slice(start).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((o, i) => expect(text.slice(o, o + 8)).toBe(`${i + 1} 0 obj\n`));
  });

  it('WAV: RIFF sizes match, 8 kHz 16-bit mono PCM, half a second', () => {
    const wav = sampleWav();
    expect(wav.toString('latin1', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.toString('latin1', 8, 16)).toBe('WAVEfmt ');
    expect([wav.readUInt16LE(20), wav.readUInt16LE(22), wav.readUInt32LE(24), wav.readUInt16LE(34)]).toEqual([1, 1, 8000, 16]);
    expect(wav.readUInt32LE(40)).toBe(8000);
  });

  it('WebM: EBML header with DocType webm, a V_VP8 track, key frames with the VP8 start code and size', () => {
    const webm = sampleWebm();
    expect(webm.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
    expect(webm.includes(Buffer.from('webm'))).toBe(true);
    expect(webm.includes(Buffer.from('V_VP8'))).toBe(true);
    const start = webm.indexOf(Buffer.from([0x9d, 0x01, 0x2a]));
    expect(start).toBeGreaterThan(0);
    expect(webm[start - 3] & 1).toBe(0); // key frame
    expect([webm.readUInt16LE(start + 3), webm.readUInt16LE(start + 5)]).toEqual([32, 32]);
    let frames = 0;
    for (let i = webm.indexOf(Buffer.from([0x9d, 0x01, 0x2a])); i >= 0; i = webm.indexOf(Buffer.from([0x9d, 0x01, 0x2a]), i + 1)) frames++;
    expect(frames).toBe(4);
  });
});

describe('imageSize', () => {
  it('reads GIF, JPEG, BMP and WebP headers; null for anything else', () => {
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([5, 0, 7, 0])]);
    expect(imageSize(gif)).toEqual({ width: 5, height: 7 });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc2, 0, 0x11, 8, 0, 20, 0, 10, 3, 0, 0, 0, 0]);
    expect(imageSize(jpeg)).toEqual({ width: 10, height: 20 });
    const bmp = Buffer.alloc(30);
    bmp.write('BM');
    bmp.writeInt32LE(3, 18);
    bmp.writeInt32LE(-4, 22);
    expect(imageSize(bmp)).toEqual({ width: 3, height: 4 });
    const webp = Buffer.alloc(30);
    webp.write('RIFF');
    webp.write('WEBPVP8X', 8);
    webp.writeUIntLE(99, 24, 3);
    webp.writeUIntLE(49, 27, 3);
    expect(imageSize(webp)).toEqual({ width: 100, height: 50 });
    expect(imageSize(Buffer.from('<svg/>'))).toBeNull();
    expect(imageSize(Buffer.from([0xff, 0xd8]))).toBeNull();
  });
});

describe('parseForm (Rack nesting)', () => {
  const parse = (q: string) => parseForm(new URLSearchParams(q));

  it('arrays of objects: a key already in the last object starts the next one', () => {
    expect(parse('submitted_values[][title]=A&submitted_values[][value]=a&submitted_values[][title]=B&submitted_values[][value]=b')).toEqual({
      submitted_values: [{ title: 'A', value: 'a' }, { title: 'B', value: 'b' }],
    });
    expect(parse('submitted_values[][name]=email&submitted_values[][value]=x%40y.z')).toEqual({ submitted_values: [{ name: 'email', value: 'x@y.z' }] });
  });

  it('objects, arrays of scalars, deep nesting, plain keys', () => {
    expect(parse('a=1&b[c]=2&b[d][e]=3&f[]=4&f[]=5')).toEqual({ a: '1', b: { c: '2', d: { e: '3' } }, f: ['4', '5'] });
    expect(parse('submitted_values[csat_survey_response][rating]=4')).toEqual({ submitted_values: { csat_survey_response: { rating: '4' } } });
    expect(parse('x[][y][z]=1&x[][y][w]=2')).toEqual({ x: [{ y: { z: '1', w: '2' } }] });
  });

  it('conflicting shapes are a 400, as Rack raises', () => {
    for (const q of ['a=1&a[b]=2', 'a[b]=1&a[]=2', 'a[]=1&a[b]=2']) {
      let err: unknown;
      try {
        parse(q);
      } catch (e) {
        err = e;
      }
      expect(err, q).toBeInstanceOf(HttpError);
      expect((err as HttpError).status).toBe(400);
    }
  });
});
