// Field schemas for ./schemas.ts: how each kind of server value is bounded. A cosmetic field that is wrong
// (wrong type, absurd size) gets a harmless value instead of failing its object, so a bad avatar URL or a
// status of 10,000 characters never costs the customer a message. Only what identifies a record (ids,
// message_type, credentials) can still make it fail.
import * as z from 'zod/mini';
import { boundValue, cutText, cutWithEllipsis, freshBudget, isRecord, setOwn } from './bounds';
import { LIMITS } from './limits';

/** A string cut to `max` characters. */
export const cut = (max: number) => z.pipe(z.string(), z.transform((text) => cutText(text, max)));

/** A cosmetic string: cut to `max`; null when it is not a string. */
export const softText = (max: number = LIMITS.name) => z.catch(z.nullish(cut(max)), null);

/** A URL to show (avatar, thumbnail): "" when longer than LIMITS.url; null when it is not a string. */
export const softUrl = z.catch(
  z.nullish(z.pipe(z.string(), z.transform((url) => (url.length > LIMITS.url ? '' : url)))),
  null,
);

/** Message content: cut for display, with "…" where it was cut; null when it is not a string. */
export const contentField = z.catch(
  z.nullish(z.pipe(z.string(), z.transform((text) => cutWithEllipsis(text, LIMITS.content)))),
  null,
);

export const softInt = z.catch(z.optional(z.int()), undefined);
export const softNumber = z.catch(z.nullish(z.number()), null);
export const softBoolean = z.catch(z.optional(z.boolean()), undefined);

/** A free-form object such as content_attributes: anything that is not an object becomes {}. Its size is
 *  bounded with the rest of its object's free-form data by boundedObject. */
export const objectField = z._default(
  z.pipe(z.unknown(), z.transform((value): Record<string, unknown> => (isRecord(value) ? value : {}))),
  () => ({}),
);

/** The same where absent means "unchanged" (custom_attributes): anything that is not an object is null. */
export const nullableObjectField = z.optional(
  z.pipe(z.unknown(), z.transform((value): Record<string, unknown> | null => (isRecord(value) ? value : null))),
);

/**
 * A loose object: unknown keys are accepted and kept (servers differ by version), but every value that
 * `shape` does not type (the `freeForm` fields first, then unknown keys) is bounded in depth and size by
 * one budget for the whole object (see FREE_FORM).
 */
export function boundedObject<S extends z.core.$ZodLooseShape>(shape: S, freeForm: readonly string[] = []) {
  const typed = new Set(Object.keys(shape).filter((key) => !freeForm.includes(key)));
  return z.pipe(
    z.looseObject(shape),
    z.transform((parsed) => boundFreeForm(parsed, typed, freeForm)),
  );
}

/** Bounds in place (zod hands the transform a fresh object) every value whose key is not in `typed`. */
function boundFreeForm<T extends object>(parsed: T, typed: ReadonlySet<string>, first: readonly string[]): T {
  const budget = freshBudget();
  const keys = [...first.filter((key) => Object.hasOwn(parsed, key)), ...Object.keys(parsed).filter((key) => !typed.has(key) && !first.includes(key))];
  for (const key of keys) {
    const value = Reflect.get(parsed, key);
    if (value === null || value === undefined) continue;
    const bounded = boundValue(value, budget);
    // An object stays an object (content_attributes is typed so), even when the budget left nothing of it.
    if (isRecord(value)) setOwn(parsed, key, isRecord(bounded) ? bounded : {});
    else if (bounded === undefined) Reflect.deleteProperty(parsed, key);
    else setOwn(parsed, key, bounded);
  }
  return parsed;
}

/**
 * An array whose items that do not parse are left out instead of failing the whole list: one message with
 * a broken id must not keep a conversation's whole history (and every resync) from loading. Keeps at most
 * `max` items.
 */
export function tolerantList<T extends z.ZodMiniType>(item: T, max = Number.POSITIVE_INFINITY) {
  return z.pipe(
    z.array(z.unknown()),
    z.transform((items) => {
      const kept: z.output<T>[] = [];
      for (const raw of items) {
        if (kept.length >= max) break;
        const parsed = item.safeParse(raw);
        if (parsed.success) kept.push(parsed.data);
      }
      return kept;
    }),
  );
}
