// Uploaded files: their Chatwoot file_type, and the ActiveStorage-like URLs that serve them back.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendText, type UploadedFile } from './http';
import { secureToken } from './ids';
import { imageSize } from './media';
import type { Attachment, Store } from './state';

const IMAGE = ['image/jpeg', 'image/png', 'image/gif', 'image/bmp', 'image/webp'];
const VIDEO = ['video/ogg', 'video/mp4', 'video/webm', 'video/quicktime'];

/** file_type_helper.rb: svg and heic are plain files. */
function fileTypeFor(mimeType: string): string {
  const t = mimeType.toLowerCase().split(';')[0].trim();
  if (IMAGE.includes(t)) return 'image';
  if (VIDEO.includes(t)) return 'video';
  if (t.startsWith('audio/')) return 'audio';
  return 'file';
}

/** An attachment record for an upload: its file_type, a blob key, sha256, and an image's pixel size. */
export function newAttachment(id: number, messageId: number, f: UploadedFile): Attachment {
  const fileType = fileTypeFor(f.mimeType);
  const size = fileType === 'image' ? imageSize(f.data) : null;
  return {
    id, messageId, fileType, mimeType: f.mimeType, filename: f.filename, key: secureToken(28), data: f.data,
    sha256: createHash('sha256').update(f.data).digest('hex'), width: size?.width ?? null, height: size?.height ?? null,
  };
}

const REDIRECT = /^\/rails\/active_storage\/(?:blobs|representations)\/redirect\/([^/]+)\/([^/]+)$/;
const BLOB = /^\/rails\/active_storage\/disk\/([^/]+)\/([^/]+)$/;

/** data_url/thumb_url redirect (302, as ActiveStorage does) to the blob, which is served from memory. */
export function serveAttachment(store: Store, req: IncomingMessage, res: ServerResponse, path: string): boolean {
  const redirect = REDIRECT.exec(path);
  const blob = redirect ? null : BLOB.exec(path);
  const match = redirect ?? blob;
  if (!match) return false;
  const a = store.attachmentsByKey.get(match[1]);
  const cors = { 'Access-Control-Allow-Origin': '*' };
  if (!a || (req.method !== 'GET' && req.method !== 'HEAD')) {
    sendText(res, 404, 'Not Found', cors);
    return true;
  }
  if (redirect) {
    res.writeHead(302, { Location: `${store.baseUrl}/rails/active_storage/disk/${a.key}/${match[2]}`, 'Content-Length': 0, ...cors });
    res.end();
    return true;
  }
  res.writeHead(200, {
    'Content-Type': a.mimeType, 'Content-Length': a.data.length, ...cors,
    // Any name a customer uploads: an ASCII fallback, and the exact name RFC 5987-encoded.
    'Content-Disposition': `inline; filename="${a.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
    // Uploaded SVG or HTML must not run script on the sandbox's origin.
    'Content-Security-Policy': 'sandbox', 'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : a.data);
  return true;
}
