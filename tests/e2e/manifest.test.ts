// Least privilege, asserted on the manifests as built (issue 19): the exact permissions each browser is
// asked for, and a strict content security policy for extension pages. Lives in the e2e project because
// `npm test` builds both browsers right before it; run `npx wxt build && npx wxt build -b firefox` first
// when running it alone. A permission added on purpose is added here too, so it is never added by accident.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ANY_ORIGIN = ['https://*/*', 'http://*/*'];
const CSP = [
  "default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
  "frame-ancestors 'none'", "connect-src 'self' https: wss: http: ws:", "img-src 'self' https: http: data: blob:",
  "media-src 'self' https: http: blob:",
].join('; ');

function manifest(build: string): Record<string, unknown> {
  const path = resolve(process.env.OUT_DIR ?? '.output', build, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: build first (npx wxt build && npx wxt build -b firefox)`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  const entries = policy.split(';').map((d) => d.trim().split(/\s+/)).filter((parts) => parts[0]);
  return new Map(entries.map(([name, ...values]) => [name!, values]));
}

function expectStrict(policy: unknown) {
  expect(policy).toBe(CSP);
  const csp = directives(String(policy));
  // What an injected script would need: none of it is allowed.
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  for (const locked of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) expect(csp.get(locked)).toEqual(["'none'"]);
  expect(String(policy)).not.toMatch(/unsafe-(eval|inline|hashes)|wasm-unsafe-eval|\*/);
  // The panel talks to any installation and shows its avatars and attachments: those stay open.
  expect(csp.get('connect-src')).toEqual(expect.arrayContaining(['https:', 'wss:']));
  expect(csp.get('img-src')).toEqual(expect.arrayContaining(['https:', 'blob:']));
}

function expectNoReach(built: Record<string, unknown>) {
  // No content scripts, nothing web pages can load or frame, no host access until the user grants one origin.
  for (const key of ['host_permissions', 'content_scripts', 'web_accessible_resources', 'externally_connectable']) {
    expect(built[key], key).toBeUndefined();
  }
}

describe('built manifests: least privilege', () => {
  it('Chrome MV3 asks for exactly these permissions, with a strict CSP', () => {
    const built = manifest('chrome-mv3');
    expect(built.manifest_version).toBe(3);
    expect(built.permissions).toEqual(['storage', 'contextMenus', 'activeTab', 'alarms', 'offscreen', 'sidePanel']);
    expect(built.optional_permissions).toEqual(['notifications', 'tabs']);
    expect(built.optional_host_permissions).toEqual(ANY_ORIGIN);
    expectNoReach(built);
    expect(built.content_security_policy).toEqual({ extension_pages: CSP });
    expectStrict((built.content_security_policy as { extension_pages: unknown }).extension_pages);
  });

  it('Firefox MV2 asks for exactly these permissions (origins only as optional), with a strict CSP', () => {
    const built = manifest('firefox-mv2');
    expect(built.manifest_version).toBe(2);
    expect(built.permissions).toEqual(['storage', 'contextMenus', 'activeTab', 'alarms']);
    // WXT drops optional_host_permissions from MV2: the one origin a user may grant is asked for here.
    expect(built.optional_permissions).toEqual(['notifications', 'tabs', ...ANY_ORIGIN]);
    expect(built.optional_host_permissions).toBeUndefined();
    expectNoReach(built);
    expectStrict(built.content_security_policy);
  });
});
