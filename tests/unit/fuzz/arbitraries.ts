// Generators for the fuzz tests: answers and payloads shaped like the contract
// (../shared/client-api.md), hostile values, and valid shapes with one field replaced by a hostile value.
import * as fc from 'fast-check';
import { EARLIEST_SECONDS } from '@/utils/api/time';
import { nested } from './invariants';

/** Fixed seed and a few hundred cases per edge: the same cases on every run and every machine. */
export const RUNS = { seed: 19, numRuns: 300 } as const;

type Json = Record<string, unknown>;
const nowSeconds = Math.floor(Date.now() / 1000);

const text = (maxLength = 40) => fc.string({ maxLength });
const positiveId = fc.integer({ min: 1, max: 2 ** 31 });
const time = fc.integer({ min: EARLIEST_SECONDS, max: nowSeconds });
const attributes = fc.dictionary(text(12), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });

/** Built once: values no generator would reach by chance but that real hostile servers send. */
const deep = nested(3_000);
const wide = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]));
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom<unknown>(1e20, -1, 0, 1.5, 2 ** 53, -(2 ** 60), Number.MAX_VALUE, '', 'x'.repeat(200_000), '😀'.repeat(70_000)),
  fc.constantFrom<unknown>(deep, wide, [deep, wide], Array(5_000).fill('https://example.com/a'), { deep }),
  fc.constantFrom<unknown>(null, true, false, [], {}, '2025-12-01T12:00:00.000Z', '1764590400', 1764590400123),
);

export const sender = fc.record(
  {
    id: positiveId,
    name: text(),
    available_name: text(),
    avatar_url: fc.webUrl(),
    thumbnail: fc.constant(''),
    type: fc.constantFrom('user', 'agent_bot', 'contact', 'captain_assistant'),
    availability_status: fc.constantFrom('online', 'busy', 'offline'),
  },
  { requiredKeys: ['id', 'name', 'type'] },
);

export const attachment = fc.record({
  id: positiveId,
  message_id: positiveId,
  file_type: fc.constantFrom('image', 'audio', 'video', 'file'),
  account_id: positiveId,
  extension: fc.constant(null),
  data_url: fc.webUrl(),
  thumb_url: fc.constant(''),
  file_size: fc.nat(),
  width: fc.option(fc.nat(), { nil: null }),
  height: fc.option(fc.nat(), { nil: null }),
});

export const message = fc.record(
  {
    id: positiveId,
    content: fc.option(fc.string({ maxLength: 300 }), { nil: null }),
    message_type: fc.constantFrom(0, 1, 3),
    content_type: fc.constantFrom('text', 'input_select', 'cards', 'form', 'article', 'input_csat', 'input_email'),
    content_attributes: attributes,
    created_at: time,
    conversation_id: positiveId,
    attachments: fc.array(attachment, { maxLength: 3 }),
    sender,
    echo_id: fc.uuid(),
    status: fc.constantFrom('sent', 'delivered', 'read', 'failed'),
    private: fc.constant(false),
    account_id: positiveId,
    additional_attributes: attributes,
  },
  { requiredKeys: ['id', 'content', 'message_type', 'content_type', 'content_attributes', 'created_at', 'conversation_id'] },
);

export const conversation = fc.record(
  {
    id: positiveId,
    uuid: fc.uuid(),
    inbox_id: positiveId,
    status: fc.constantFrom('open', 'resolved', 'pending', 'snoozed'),
    contact_last_seen_at: fc.oneof(fc.constant(0), time),
    agent_last_seen_at: fc.oneof(fc.constant(0), time),
    messages: fc.array(message, { maxLength: 4 }),
    contact: fc.record({ id: positiveId, name: text(), custom_attributes: attributes }),
    custom_attributes: attributes,
    timestamp: time,
    last_activity_at: time,
    meta: fc.record({ sender, hmac_verified: fc.boolean() }),
  },
  { requiredKeys: ['id', 'status', 'messages'] },
);

export const contactSession = fc.record({
  id: positiveId,
  source_id: fc.uuid(),
  pubsub_token: fc.string({ minLength: 24, maxLength: 24 }),
  name: text(),
  email: fc.option(fc.emailAddress(), { nil: null }),
  phone_number: fc.constant(null),
});

export const inbox = fc.record(
  {
    identifier: fc.string({ minLength: 24, maxLength: 24 }),
    name: text(),
    identity_validation_enabled: fc.boolean(),
    timezone: fc.constant('UTC'),
    working_hours: fc.array(fc.record({ day_of_week: fc.integer({ min: 0, max: 6 }), closed_all_day: fc.boolean() }), { maxLength: 7 }),
    working_hours_enabled: fc.boolean(),
    csat_survey_enabled: fc.boolean(),
  },
  { requiredKeys: ['identifier', 'name'] },
);

/** A valid value with one key (of `keys`, or a new one) replaced by a hostile value, or removed. */
export function mutated<T extends object>(valid: fc.Arbitrary<T>, keys: readonly string[]) {
  const replacement = fc.option(hostileValue, { nil: undefined, freq: 5 });
  return fc.tuple(valid, fc.oneof(fc.constantFrom(...keys), text(8)), replacement).map(([value, key, hostile]) => {
    const copy: Json = Object.fromEntries(Object.entries(value));
    if (hostile === undefined) delete copy[key];
    else copy[key] = hostile;
    return { value: copy, key, removed: hostile === undefined };
  });
}

/** Answer bodies: garbage, any JSON, valid shapes (alone and in lists), with a hostile field, cut JSON. */
export function bodies<T extends object>(valid: fc.Arbitrary<T>, keys: readonly string[]): fc.Arbitrary<string> {
  const json = (value: unknown) => JSON.stringify(value);
  const broken = mutated(valid, keys).map((m) => m.value);
  return fc.oneof(
    fc.string(),
    fc.json(),
    valid.map(json),
    fc.array(valid, { maxLength: 3 }).map(json),
    broken.map(json),
    fc.array(fc.oneof(valid, broken), { maxLength: 4 }).map(json),
    fc.tuple(valid.map(json), fc.nat()).map(([text, at]) => text.slice(0, at % (text.length + 1))),
    fc.constantFrom('', 'null', '[]', '{}', '"text"', '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000)),
  );
}
