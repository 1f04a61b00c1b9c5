// Server behaviour that differs between Chatwoot versions or deployments, switched through
// /sandbox/api/config (and the CLI). Unlike faults, it is not cleared by DELETE /faults; reset restores it.
import { HttpError } from './http';

export interface SandboxConfig {
  /** PATCH /contacts/{source_id} answers the contact record (`full`, Chatwoot 4.9) or the session shape
   *  (`session`: id, name, email, phone_number, source_id, pubsub_token; Chatwoot 2026-07). */
  contact_update_shape: 'full' | 'session';
  /** A PATCH answering an `input_email` also stores `submitted_email` and identifies the contact by that
   *  email (merging as PATCH /contacts does), as Chatwoot's widget API does. Chatwoot's Client API only stores
   *  `submitted_values`, which is the default. */
  input_email_updates_contact: boolean;
  /** Customer uploads with these content types (`type/subtype`, or `type/*`) answer Chatwoot's 422
   *  "Attachments file type not supported" (what a website inbox's allow-list answers). */
  rejected_attachment_types: string[];
}

export const defaultConfig = (): SandboxConfig => ({
  contact_update_shape: 'full',
  input_email_updates_contact: false,
  rejected_attachment_types: [],
});

export class Config {
  state: SandboxConfig;

  constructor(private readonly initial: SandboxConfig = defaultConfig()) {
    this.state = structuredClone(initial);
  }

  reset(): void {
    this.state = structuredClone(this.initial);
  }

  /** Merges a POST body into the state; 422 on the first invalid value, nothing changed then. */
  apply(body: Record<string, unknown>): SandboxConfig {
    const bad = (field: string) => new HttpError(422, { message: `Invalid ${field}`, attributes: [field] });
    const next = structuredClone(this.state);
    if ('contact_update_shape' in body) {
      const v = body.contact_update_shape;
      if (v !== 'full' && v !== 'session') throw bad('contact_update_shape');
      next.contact_update_shape = v;
    }
    if ('input_email_updates_contact' in body) {
      if (typeof body.input_email_updates_contact !== 'boolean') throw bad('input_email_updates_contact');
      next.input_email_updates_contact = body.input_email_updates_contact;
    }
    if ('rejected_attachment_types' in body) {
      const v = body.rejected_attachment_types;
      const list = v === null ? [] : typeof v === 'string' ? v.split(',') : v;
      if (!Array.isArray(list) || !list.every((t) => typeof t === 'string')) throw bad('rejected_attachment_types');
      const types = list.map((t) => t.trim().toLowerCase()).filter(Boolean);
      if (!types.every((t) => /^[a-z0-9!#$&^_.+-]+\/([a-z0-9!#$&^_.+-]+|\*)$/.test(t))) throw bad('rejected_attachment_types');
      next.rejected_attachment_types = [...new Set(types)];
    }
    this.state = next;
    return this.state;
  }

  /** Whether an upload of this MIME type is refused. */
  rejects(mimeType: string): boolean {
    const t = mimeType.toLowerCase().split(';')[0].trim();
    return this.state.rejected_attachment_types.some((r) => r === t || (r.endsWith('/*') && t.startsWith(r.slice(0, -1))));
  }
}
