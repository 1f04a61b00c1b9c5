// Reads an image's pixel size from its header (PNG, GIF, JPEG, WebP, BMP), as Chatwoot's blob analysis
// reports width/height. Anything unreadable gives null.

export interface Size {
  width: number;
  height: number;
}

export function imageSize(data: Buffer): Size | null {
  try {
    return png(data) ?? gif(data) ?? jpeg(data) ?? webp(data) ?? bmp(data);
  } catch {
    return null;
  }
}

const valid = (width: number, height: number): Size | null => (width > 0 && height > 0 ? { width, height } : null);

function png(b: Buffer): Size | null {
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return valid(b.readUInt32BE(16), b.readUInt32BE(20));
}

function gif(b: Buffer): Size | null {
  if (b.length < 10 || b.toString('latin1', 0, 4) !== 'GIF8') return null;
  return valid(b.readUInt16LE(6), b.readUInt16LE(8));
}

function jpeg(b: Buffer): Size | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    const length = b.readUInt16BE(i + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return valid(b.readUInt16BE(i + 7), b.readUInt16BE(i + 5));
    i += 2 + length;
  }
  return null;
}

function webp(b: Buffer): Size | null {
  if (b.length < 30 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') return null;
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') return valid(b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff);
  if (chunk === 'VP8L') {
    const bits = b.readUInt32LE(21);
    return valid((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') return valid(b.readUIntLE(24, 3) + 1, b.readUIntLE(27, 3) + 1);
  return null;
}

function bmp(b: Buffer): Size | null {
  if (b.length < 26 || b.toString('latin1', 0, 2) !== 'BM') return null;
  return valid(Math.abs(b.readInt32LE(18)), Math.abs(b.readInt32LE(22)));
}
