// A form message's fields (content_attributes.items) read into a checked shape, and their validation.
// Types: text, email, text_area (Chatwoot's spelling) or textarea, select; anything else is a text field.
import { richStrings } from '@/utils/rich-strings';
import { type Attributes, items, objects, str } from './attributes';
import { humanize } from './json-answer';

export interface Field {
  name: string;
  label: string;
  type: 'text' | 'email' | 'textarea' | 'select';
  placeholder?: string;
  initial: string;
  required: boolean;
  pattern?: RegExp;
  patternError?: string;
  options: { label: string; value: string }[];
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
/** A pattern is checked against what the customer typed; past this length only required/email apply. */
const MAX_PATTERN_INPUT = 1000;

function compile(pattern: string | undefined): RegExp | undefined {
  if (!pattern) return undefined;
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return undefined; // a broken pattern from the server must not block the form
  }
}

function typeOf(value: unknown): Field['type'] {
  if (value === 'email' || value === 'select') return value;
  return value === 'text_area' || value === 'textarea' ? 'textarea' : 'text';
}

export function fieldsOf(attributes: Attributes): Field[] {
  return items(attributes).map((item, i) => {
    const name = str(item.name) || `field_${i + 1}`;
    const options = objects(item.options).flatMap((o) => {
      const value = str(o.value) ?? str(o.label);
      return value === undefined ? [] : [{ label: str(o.label) || value, value }];
    });
    return {
      name,
      label: str(item.label) || humanize(name),
      type: typeOf(item.type),
      placeholder: str(item.placeholder),
      initial: str(item.default) ?? '',
      required: item.required === true || item.required === 'true',
      pattern: compile(str(item.pattern) ?? str(item.regex)),
      patternError: str(item.pattern_error),
      options,
    };
  });
}

/** What is wrong with a value, in words, or undefined when it is fine. */
export function validate(field: Field, value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return field.required ? richStrings.requiredField(field.label) : undefined;
  if (field.type === 'email' && !EMAIL.test(trimmed)) return richStrings.invalidEmail;
  if (field.type === 'select' && field.options.length > 0 && !field.options.some((o) => o.value === value)) {
    return richStrings.invalidField(field.label);
  }
  if (field.pattern && trimmed.length <= MAX_PATTERN_INPUT && !field.pattern.test(trimmed)) {
    return field.patternError || richStrings.invalidField(field.label);
  }
  return undefined;
}
