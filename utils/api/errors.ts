// One error type for every way a Client API call can fail, so callers branch on `kind`, not on strings.
export type ApiErrorKind =
  | 'unreachable' // no HTTP answer at all (DNS, refused, CORS blocked, timeout)
  | 'not_found' // 404: unknown inbox, contact, conversation or message
  | 'invalid' // 422: the server rejected a field
  | 'bad_request' // 400
  | 'too_large' // 413
  | 'rate_limited' // 429
  | 'server' // 5xx (an HMAC failure is an opaque 500)
  | 'bad_response'; // an answer we cannot parse: not JSON, or not the shape of the contract

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status = 0,
    /** Milliseconds to wait, when the server (or a proxy) sent Retry-After. */
    readonly retryAfterMs: number | null = null,
    /** The error body was JSON: a Rails 404 from the API, not some other web server's page. */
    readonly jsonBody = false,
    /** A 422's `attributes`: the fields the server refused (for the UI to point at, in its own words). */
    readonly fields: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Worth trying again later with the same request. */
  get retryable(): boolean {
    return this.kind === 'unreachable' || this.kind === 'rate_limited' || this.kind === 'server';
  }
}

export function kindForStatus(status: number): ApiErrorKind {
  if (status === 404) return 'not_found';
  if (status === 422) return 'invalid';
  if (status === 400) return 'bad_request';
  if (status === 413) return 'too_large';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'bad_response';
}

/** Retry-After is either seconds or an HTTP date; absent by default on Chatwoot. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
