// Validates sandbox responses against Chatwoot's client_swagger.json, with the overlay from
// ../shared/reference/README.md applied in this one place before compiling.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Schema = Record<string, unknown>;

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
const swagger = JSON.parse(readFileSync(path.join(sharedDir, 'reference', 'client_swagger.json'), 'utf8')) as {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
};

const BASE = '/public/api/v1/inboxes/{inbox_identifier}';
const DOC_ID = 'https://sandbox.local/client_swagger.json';

/** The overlay (reference/README.md): where the server legitimately differs from the declared schemas. */
function applyOverlay(schemas: Record<string, Schema>): void {
  const props = (name: string) => (schemas[name] as { properties: Record<string, Schema> }).properties;
  const msg = props('public_message');
  for (const key of ['id', 'message_type', 'created_at', 'conversation_id']) msg[key] = { ...msg[key], type: 'integer' };
  msg.content_attributes = { ...msg.content_attributes, type: 'object' };
  msg.content = { ...msg.content, type: ['string', 'null'] };
  const conv = props('public_conversation');
  conv.inbox_id = { ...conv.inbox_id, type: 'integer' };
  conv.messages = { ...conv.messages, items: { $ref: '#/components/schemas/public_message' } };
  const contact = props('public_contact');
  contact.email = { ...contact.email, type: ['string', 'null'] };
  contact.name = { ...contact.name, type: ['string', 'null'] };
  contact.phone_number = { type: ['string', 'null'] };
  // Not in the README's table: GET inbox (public_inbox) sends null hours on days closed all day.
  const hours = (props('public_inbox').working_hours as { items: { properties: Record<string, Schema> } }).items.properties;
  for (const key of ['open_hour', 'open_minutes', 'close_hour', 'close_minutes']) hours[key] = { ...hours[key], type: ['integer', 'null'] };
  // Every object may carry more properties than declared; OpenAPI 3.0 `nullable` becomes a JSON Schema type.
  walk(schemas, (node) => {
    if (node.additionalProperties === false) delete node.additionalProperties;
    if (node.nullable === true) {
      if (typeof node.type === 'string') node.type = [node.type, 'null'];
      if (Array.isArray(node.enum)) node.enum = [...node.enum, null];
      delete node.nullable;
    }
  });
}

function walk(node: unknown, visit: (n: Schema) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Schema);
    Object.values(node).forEach((n) => walk(n, visit));
  }
}

/** A copy of a schema fragment whose local `#/components/...` refs point into the registered document. */
function rebase(schema: Schema): Schema {
  return JSON.parse(JSON.stringify(schema), (key, value) =>
    key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? DOC_ID + value : value,
  );
}

const schemas = structuredClone(swagger.components.schemas);
applyOverlay(schemas);
const ajv = new Ajv({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its default import is the plugin itself or a namespace holding it.
const formats = addFormatsModule as unknown as ((a: Ajv) => Ajv) | { default: (a: Ajv) => Ajv };
const addFormats = typeof formats === 'function' ? formats : formats.default;
addFormats(ajv);
ajv.addSchema({ $id: DOC_ID, components: { schemas } });

const compiled = new Map<string, ValidateFunction>();
function compile(key: string, schema: Schema): ValidateFunction {
  let fn = compiled.get(key);
  if (!fn) compiled.set(key, (fn = ajv.compile(rebase(schema))));
  return fn;
}

/** The 200 schema that client_swagger.json declares for an operation under the inbox base. */
export function operationSchema(method: string, subPath: string): Schema {
  const op = swagger.paths[BASE + subPath]?.[method.toLowerCase()];
  const schema = op?.responses?.['200']?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`client_swagger.json has no 200 JSON schema for ${method} ${subPath}`);
  return schema;
}

export type Validation = { valid: boolean; errors: string };

function run(fn: ValidateFunction, body: unknown): Validation {
  const valid = fn(body) as boolean;
  return { valid, errors: valid ? '' : ajv.errorsText(fn.errors) };
}

/** Validates a response body for `method subPath` (e.g. 'POST', '/contacts/{contact_identifier}/conversations'). */
export function validateOperation(method: string, subPath: string, body: unknown): Validation {
  return run(compile(`${method} ${subPath}`, operationSchema(method, subPath)), body);
}

/** Validates against a named component schema (public_inbox, public_message, …). */
export function validateComponent(name: string, body: unknown): Validation {
  return run(compile(`#${name}`, { $ref: `#/components/schemas/${name}` }), body);
}
