// A one-line account of why data did not match its schema, for error messages and logs:
// "id: expected int, received string; sender.name: …". zod/mini has no messages of its own (no locale is
// loaded, to stay small), so the issue's code and expectation are spelled out here.
// The path holds the server's own keys, which may be of any length: each part and the whole line are cut,
// so a hostile key cannot turn one error into a megabyte of log or of text on screen.
import type * as z from 'zod/mini';
import { cutWithEllipsis } from './bounds';

const MAX_PART = 40;
const MAX_LINE = 300;

export function describeIssues(error: z.core.$ZodError, max = 3): string {
  const parts = error.issues.slice(0, max).map((issue) => {
    const where = issue.path.length ? issue.path.map((part) => cutWithEllipsis(String(part), MAX_PART)).join('.') : '(root)';
    const expected = 'expected' in issue && issue.expected ? `expected ${String(issue.expected)}` : issue.code;
    return `${where}: ${expected}`;
  });
  const more = error.issues.length - max;
  return cutWithEllipsis(parts.join('; ') + (more > 0 ? `; and ${more} more` : ''), MAX_LINE);
}
