import type { FieldSpec } from './fields';
import { strings } from '@/utils/strings';

export interface TextFieldProps {
  spec: FieldSpec;
  value: string;
  /** A message for this field alone (shown under it). */
  error?: string;
  /** Ids of other elements that describe the field, e.g. the connect error box. */
  describedBy?: string;
  invalid?: boolean;
  /** Set by a browser policy: read-only, and said so. */
  locked?: boolean;
  onInput: (value: string) => void;
}

export function TextField({ spec, value, error, describedBy, invalid, locked, onInput }: TextFieldProps) {
  const id = `field-${spec.name}`;
  const described = [locked && `${id}-managed`, spec.help && `${id}-help`, error && `${id}-error`, describedBy].filter(Boolean).join(' ');
  return (
    <div class={`field${invalid || error ? ' field--invalid' : ''}${locked ? ' field--managed' : ''}`}>
      <label for={id} class="field__label">
        {spec.label}
        {spec.optional && <span class="field__optional"> {strings.optional}</span>}
      </label>
      <input
        id={id}
        name={spec.name}
        class="field__input"
        type={spec.type as 'text'}
        inputMode={spec.type === 'url' ? 'url' : undefined}
        autoComplete={spec.autoComplete}
        spellcheck={false}
        required={!spec.optional}
        aria-required={!spec.optional}
        aria-invalid={invalid || Boolean(error)}
        aria-describedby={described || undefined}
        readOnly={locked}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {locked && (
        <p id={`${id}-managed`} class="field__managed">
          <LockIcon />
          {strings.managed}
        </p>
      )}
      {spec.help && (
        <p id={`${id}-help`} class="field__help">
          {spec.help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

export function LockIcon() {
  return (
    <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" class="lock-icon">
      <path fill="currentColor" d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5zm-3 8V7a3 3 0 1 1 6 0v3z" />
    </svg>
  );
}
