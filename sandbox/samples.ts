// Built-in sample files for the agent API (`{ "sample": "image" | "pdf" | "audio" | "video" }`), made in code
// so tests need no fixtures: a PNG, a one-page PDF, a WAV tone and a WebM clip, each small and valid.
import { crc32, deflateSync } from 'node:zlib';
import type { UploadedFile } from './http';
import { sampleWebm } from './sample-webm';

export const SAMPLE_KINDS = ['image', 'pdf', 'audio', 'video'] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];

export const isSampleKind = (v: unknown): v is SampleKind => typeof v === 'string' && (SAMPLE_KINDS as readonly string[]).includes(v);

export const SAMPLE_IMAGE_SIZE = { width: 96, height: 64 };

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body) >>> 0, body.length + 4);
  return out;
}

/** 96×64 RGB: a blue-to-teal gradient with a white band, so a person sees it is the sample. */
export function samplePng(): Buffer {
  const { width, height } = SAMPLE_IMAGE_SIZE;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const band = y >= 28 && y < 36;
      const i = row + 1 + x * 3;
      raw[i] = band ? 255 : 40;
      raw[i + 1] = band ? 255 : Math.round(90 + (x / width) * 120);
      raw[i + 2] = band ? 255 : 220;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF 1.4 with one line of text; the cross-reference offsets are computed. */
export function samplePdf(): Buffer {
  const text = 'BT /F1 24 Tf 72 720 Td (Sandbox sample PDF) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Half a second of a quiet 440 Hz tone: PCM, 8 kHz, 16-bit, mono. */
export function sampleWav(): Buffer {
  const rate = 8000;
  const samples = rate / 2;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 6000), i * 2);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVEfmt ', 8, 'latin1');
  h.writeUInt32LE(16, 16); // fmt chunk size
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28); // byte rate
  h.writeUInt16LE(2, 32); // block align
  h.writeUInt16LE(16, 34); // bits per sample
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

const MAKERS: Record<SampleKind, () => UploadedFile> = {
  image: () => ({ filename: 'sample.png', mimeType: 'image/png', data: samplePng() }),
  pdf: () => ({ filename: 'sample.pdf', mimeType: 'application/pdf', data: samplePdf() }),
  audio: () => ({ filename: 'sample.wav', mimeType: 'audio/wav', data: sampleWav() }),
  video: () => ({ filename: 'sample.webm', mimeType: 'video/webm', data: sampleWebm() }),
};

export function sampleFile(kind: SampleKind): UploadedFile {
  return MAKERS[kind]();
}
