// A server's answer that is not a 2xx, as an ApiError, however it came (fetch, XMLHttpRequest, the offscreen
// document): its kind, a 422's fields, a 429's Retry-After. Kept out of errors.ts, which the pages import.
import type { UploadAnswer } from '../upload/form-parts';
import { ApiError, kindForStatus, parseRetryAfter } from './errors';
import { validationErrorSchema } from './schemas';

/** An HTTP answer that is not a 2xx, as an ApiError: its kind, a 422's fields, a 429's Retry-After. */
export function errorFromAnswer({ status, body: raw, retryAfter: retryHeader }: UploadAnswer): ApiError {
  const kind = kindForStatus(status);
  let detail = `HTTP ${status}`;
  let fields: string[] = [];
  if (kind === 'invalid') {
    try {
      const parsed = validationErrorSchema.safeParse(JSON.parse(raw));
      if (parsed.success) {
        detail = parsed.data.message;
        fields = parsed.data.attributes ?? [];
      }
    } catch {
      /* keep the status line */
    }
  }
  const retryAfter = kind === 'rate_limited' ? parseRetryAfter(retryHeader) : null;
  return new ApiError(kind, detail, status, retryAfter, isJson(raw), fields);
}

function isJson(raw: string): boolean {
  try {
    JSON.parse(raw);
    return raw.trim().startsWith('{');
  } catch {
    return false;
  }
}
