// Hoory integrations write a customer's form answer back as a message whose content is JSON, such as
// {"name":"Ana","email":"ana@example.com"} or [{"label":"Name","value":"Ana"}]. People should read it as
// "Name: Ana" lines, never as raw JSON. Anything that doesn't fit those shapes is left to the text path.

export interface AnswerRow {
  label: string;
  value: unknown;
}

const MAX_JSON_CHARS = 64_000;
const MAX_ROWS = 100;

/** "first_name" → "First name": keys are the only labels an object answer has. */
export function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

/** A value as a line of text: lists joined, nested objects as "key: value" pairs. */
export function valueText(value: unknown, yes = 'Yes', no = 'No', depth = 0): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (depth > 3) return '';
  if (Array.isArray(value)) return value.map((v) => valueText(v, yes, no, depth + 1)).filter(Boolean).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${humanize(k)}: ${valueText(v, yes, no, depth + 1)}`)
      .join(', ');
  }
  return '';
}

function labelled(item: unknown): item is Record<string, unknown> {
  return typeof item === 'object' && item !== null && !Array.isArray(item) && 'value' in item;
}

/** Rows of an answer (label, raw value), or null when the text is not a JSON answer. */
export function jsonAnswer(content: string): AnswerRow[] | null {
  const text = content.trim();
  if (text.length < 2 || text.length > MAX_JSON_CHARS) return null;
  const open = text[0];
  if (!((open === '{' && text.endsWith('}')) || (open === '[' && text.endsWith(']')))) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (Array.isArray(data)) {
    // [{label|title|name, value}]: a form's submitted values.
    if (data.length === 0 || !data.every(labelled)) return null;
    return data.slice(0, MAX_ROWS).map((item) => {
      const name = [item.label, item.title, item.name].find((v) => typeof v === 'string' && v !== '');
      return { label: typeof name === 'string' ? name : '', value: item.value };
    });
  }
  if (typeof data === 'object' && data !== null) {
    return Object.entries(data)
      .slice(0, MAX_ROWS)
      .map(([key, value]) => ({ label: humanize(key), value }));
  }
  return null;
}
