// A one-second WebM (VP8) built in code: four identical key frames of a 32×32 grey picture.
//
// The VP8 frames need no encoder: the boolean decoder of RFC 6386 reads an all-zero stream as a run of
// zero bits, whatever the probabilities. Zero bits make a valid key frame: no segmentation, loop filter
// level 0, one token partition, quantiser index 0, no probability updates, no skip flag; every macroblock
// B_PRED with B_DC_PRED sub-blocks and DC chroma; every block's first token end-of-block. So the picture is
// the DC prediction alone: mid grey.

const SIZE = 32;
const PARTITION_BYTES = 96; // far more zero bytes than the header, the modes and the tokens consume

function vp8KeyFrame(width: number, height: number): Buffer {
  const first = PARTITION_BYTES;
  const tag = (0 /* key frame */ | (0 << 1) /* version */ | (1 << 4) /* show */ | (first << 5)) >>> 0;
  const header = Buffer.alloc(10);
  header.writeUIntLE(tag, 0, 3);
  header.set([0x9d, 0x01, 0x2a], 3);
  header.writeUInt16LE(width & 0x3fff, 6);
  header.writeUInt16LE(height & 0x3fff, 8);
  return Buffer.concat([header, Buffer.alloc(first), Buffer.alloc(PARTITION_BYTES)]);
}

/** EBML variable-length size. */
function vsize(n: number): Buffer {
  if (n < 0x7f) return Buffer.from([0x80 | n]);
  if (n < 0x3fff) return Buffer.from([0x40 | (n >> 8), n & 0xff]);
  const b = Buffer.alloc(4);
  b.writeUInt32BE((0x10000000 | n) >>> 0);
  return b;
}

function el(id: number, body: Buffer | Buffer[]): Buffer {
  const data = Array.isArray(body) ? Buffer.concat(body) : body;
  const hex = id.toString(16);
  const idBytes = Buffer.from(hex.length % 2 ? '0' + hex : hex, 'hex');
  return Buffer.concat([idBytes, vsize(data.length), data]);
}

function uint(id: number, value: number): Buffer {
  const bytes: number[] = [];
  for (let v = value; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return el(id, Buffer.from(bytes.length ? bytes : [0]));
}

const str = (id: number, value: string) => el(id, Buffer.from(value, 'ascii'));

function float(id: number, value: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeDoubleBE(value);
  return el(id, b);
}

function simpleBlock(timecodeMs: number, frame: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head[0] = 0x81; // track 1
  head.writeInt16BE(timecodeMs, 1);
  head[3] = 0x80; // key frame
  return el(0xa3, [head, frame]);
}

export function sampleWebm(): Buffer {
  const frame = vp8KeyFrame(SIZE, SIZE);
  const ebml = el(0x1a45dfa3, [
    uint(0x4286, 1), uint(0x42f7, 1), uint(0x42f2, 4), uint(0x42f3, 8),
    str(0x4282, 'webm'), uint(0x4287, 2), uint(0x4285, 2),
  ]);
  const info = el(0x1549a966, [uint(0x2ad7b1, 1_000_000), float(0x4489, 1000), str(0x4d80, 'hoory-sandbox'), str(0x5741, 'hoory-sandbox')]);
  const track = el(0xae, [
    uint(0xd7, 1), uint(0x73c5, 1), uint(0x83, 1), uint(0x9c, 0), str(0x86, 'V_VP8'),
    el(0xe0, [uint(0xb0, SIZE), uint(0xba, SIZE)]),
  ]);
  const tracks = el(0x1654ae6b, track);
  const cluster = el(0x1f43b675, [uint(0xe7, 0), ...[0, 250, 500, 750].map((t) => simpleBlock(t, frame))]);
  return Buffer.concat([ebml, el(0x18538067, [info, tracks, cluster])]);
}
