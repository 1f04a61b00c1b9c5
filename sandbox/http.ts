// HTTP plumbing: errors, JSON answers, and request bodies (JSON, form, multipart) with a 40 MB cap.
import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';
import { parseForm } from './form';

const MAX_BODY_BYTES = 40 * 1024 * 1024;

export class HttpError extends Error {
  constructor(readonly status: number, readonly body: unknown) {
    super(`HTTP ${status}`);
  }
}

export const notFound = () => new HttpError(404, { status: 404, error: 'Not Found' });
export const internalError = () => new HttpError(500, { status: 500, error: 'Internal Server Error' });
export const badRequest = () => new HttpError(400, { status: 400, error: 'Bad Request' });
const tooLarge = () => new HttpError(413, { status: 413, error: 'Payload Too Large' });
export const invalid = (message: string, attributes: string[]) => new HttpError(422, { message, attributes });

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export interface UploadedFile {
  filename: string;
  mimeType: string;
  data: Buffer;
}

export interface RequestBody {
  params: Record<string, unknown>;
  files: UploadedFile[];
}

/** Reads the body into top-level params (Rails style) and uploaded files. Throws 400 or 413. */
/** `anyFileField`: every file part is an upload (the agent API); otherwise only `attachments[]`, as Chatwoot reads. */
export async function readBody(req: IncomingMessage, options: { jsonOnly?: boolean; anyFileField?: boolean } = {}): Promise<RequestBody> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    req.resume(); // discard the rest so the 413 can be read
    throw tooLarge();
  }
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (!options.jsonOnly && type.startsWith('multipart/form-data')) return readMultipart(req, options.anyFileField ?? false);
  const raw = await readRaw(req);
  if (raw.length === 0) return { params: {}, files: [] };
  const text = raw.toString('utf8');
  if (!options.jsonOnly && type.includes('application/x-www-form-urlencoded')) return { params: parseForm(new URLSearchParams(text)), files: [] };
  // JSON is the default, as the public routes default to the json format.
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest();
  }
  return { params: isObject(parsed) ? parsed : {}, files: [] };
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        over = true;
        chunks.length = 0;
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => !over && resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function readMultipart(req: IncomingMessage, anyFileField: boolean): Promise<RequestBody> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { fileSize: MAX_BODY_BYTES } });
    } catch {
      req.resume();
      return reject(badRequest());
    }
    const fields = new URLSearchParams();
    const files: UploadedFile[] = [];
    let total = 0;
    let failed = false;
    const fail = (e: HttpError) => {
      if (failed) return;
      failed = true;
      req.unpipe(bb);
      req.resume();
      reject(e);
    };
    bb.on('field', (name, value) => fields.append(name, value));
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        total += c.length;
        if (total > MAX_BODY_BYTES) fail(tooLarge());
        else if (!failed) chunks.push(c);
      });
      stream.on('limit', () => fail(tooLarge()));
      stream.on('end', () => {
        if (failed) return;
        // Chatwoot iterates `attachments[]`; any other file part is dropped, a bare `attachments` crashes (see client-api).
        if (name !== 'attachments[]' && !anyFileField) {
          if (name === 'attachments') fields.append(name, info.filename || 'file');
          return;
        }
        files.push({ filename: info.filename || 'file', mimeType: info.mimeType || 'application/octet-stream', data: Buffer.concat(chunks) });
      });
    });
    bb.on('error', () => fail(badRequest()));
    bb.on('close', () => !failed && resolve({ params: parseForm(fields), files }));
    req.pipe(bb);
  });
}
