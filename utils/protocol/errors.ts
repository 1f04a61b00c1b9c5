// Errors travel as codes from where they happen to the UI, which alone turns a code into words (strings).
// No exception text crosses this line: it goes to the console for developers, never to a customer.
import { ApiError, type ApiErrorKind } from '../api/errors';

export const ERROR_CODES = [
  // the Client API
  'unreachable', 'not_found', 'invalid', 'bad_request', 'too_large', 'rate_limited', 'server', 'bad_response',
  // Save on the options page
  'invalid_url', 'not_hoory', 'unknown_inbox', 'identity_rejected', 'identity_required', 'permission_needed',
  'permission_refused',
  // the live link
  'reconnecting', 'live_silent', 'live_refused', 'no_network',
  // files and screenshots
  'unsupported_type', 'file_too_large', 'file_missing', 'no_screenshot',
  // the extension itself
  'not_configured', 'invalid_request', 'no_background', 'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What a failed request answers: a code, and the origin when the words need it (host access). */
export interface AppError {
  code: ErrorCode;
  origin?: string;
}

/** An error with a code, thrown inside the background and by the connector in the pages. */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly origin?: string,
  ) {
    super(code);
    this.name = 'CodedError';
  }
}

const apiCodes: Record<ApiErrorKind, ErrorCode> = {
  unreachable: 'unreachable',
  not_found: 'not_found',
  invalid: 'invalid',
  bad_request: 'bad_request',
  too_large: 'too_large',
  rate_limited: 'rate_limited',
  server: 'server',
  bad_response: 'bad_response',
};

/** The code for anything thrown; what is not ours is logged and becomes `internal`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof CodedError) return { code: error.code, ...(error.origin ? { origin: error.origin } : {}) };
  if (error instanceof ApiError) {
    // A 422 about the attachments: Chatwoot refuses the file's type ("Attachments file type not supported").
    if (error.kind === 'invalid' && error.fields.some((f) => f.startsWith('attachments'))) return { code: 'unsupported_type' };
    return { code: apiCodes[error.kind] };
  }
  console.error('Unexpected error', error);
  return { code: 'internal' };
}

export const errorCodeOf = (error: unknown): ErrorCode => toAppError(error).code;
