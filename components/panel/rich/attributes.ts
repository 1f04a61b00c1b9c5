// Readers for content_attributes, which are the server's (and any bot's) free-form JSON: every field is
// checked for its type here, so the renderers only see strings and arrays of objects.

export type Attributes = Record<string, unknown>;
export type Item = Record<string, unknown>;

/** A string field, or undefined (numbers are accepted as text: bots send values as either). */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The objects in an array field (anything else in it is skipped). */
export function objects(value: unknown): Item[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is Item => typeof v === 'object' && v !== null && !Array.isArray(v));
}

export function items(attributes: Attributes): Item[] {
  return objects(attributes.items);
}

/** The CSAT rating the customer gave, if any (submitted_values.csat_survey_response.rating). */
export function submittedRating(attributes: Attributes): number | null {
  const submitted = attributes.submitted_values;
  if (typeof submitted !== 'object' || submitted === null) return null;
  const response = (submitted as Item).csat_survey_response;
  if (typeof response !== 'object' || response === null) return null;
  const rating = (response as Item).rating;
  return typeof rating === 'number' && rating >= 1 && rating <= 5 ? Math.round(rating) : null;
}

/** The submitted_values list ([{title|name, value}]) of an answered select, form or email question. */
export function submittedList(attributes: Attributes): Item[] {
  return objects(attributes.submitted_values);
}

/** The email the customer gave to an input_email message, however the server recorded it. */
export function submittedEmail(attributes: Attributes): string | undefined {
  const email = str(attributes.submitted_email);
  if (email) return email;
  const entry = submittedList(attributes).find((v) => v.name === 'email') ?? submittedList(attributes)[0];
  return entry ? str(entry.value) : undefined;
}
