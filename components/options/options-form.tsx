// The settings form. Save asks the background to check and store the connection (it owns the settings);
// everything goes through the connector, so tests give it a fake one.
import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Connector } from '@/utils/connector';
import { createNotificationsModel } from '@/utils/options/notifications-model';
import { errorCodeOf } from '@/utils/protocol/errors';
import { strings } from '@/utils/strings';
import { statusOf, type ConnectOutcome, type ConnectStatus } from './connect-status';
import { ALL_FIELDS, emptyInput, identityFields, serverFields, toInput, trimInput, type FieldName, type FieldSpec } from './fields';
import { NotificationsToggle } from './notifications-toggle';
import { LockIcon, TextField } from './text-field';

const ERROR_ID = 'connect-error';

export function OptionsForm({ connector }: { connector: Connector }) {
  const values = useSignal(emptyInput());
  /** Not set up yet (a first install opens this page): a word of welcome above the form. */
  const welcome = useSignal(false);
  const notifications = useMemo(() => createNotificationsModel(connector), [connector]);
  const required = useSignal<Partial<Record<FieldName, string>>>({});
  const status = useSignal<ConnectStatus>({ kind: 'idle' });
  const form = useRef<HTMLFormElement>(null);
  const edited = useRef(false);
  /** Fields a browser policy sets: shown, read-only, and never overwritten by what the page holds. */
  const managed = useSignal<readonly FieldName[]>([]);

  useEffect(() => {
    // Never overwrite what the user typed while the stored values were loading.
    void connector.request({ type: 'settings.get' }).then((s) => {
      const stored = toInput(s);
      const locked = ALL_FIELDS.map((f) => f.name).filter((name) => s.managed?.includes(name));
      managed.value = locked;
      // Never overwrite what the user typed while the stored values were loading; managed values always win.
      let next = edited.current ? values.value : stored;
      for (const name of locked) next = { ...next, [name]: stored[name] };
      values.value = next;
    }, () => {});
    void connector
      .request({ type: 'snapshot.get' })
      .then(({ status: now }) => {
        welcome.value = !now.configured;
        if (now.configured && status.value.kind === 'idle') status.value = { kind: 'connected', inboxName: now.inboxName };
      })
      .catch(() => {});
    void notifications.load();
  }, []);

  const focusField = (name: FieldName) =>
    requestAnimationFrame(() => form.current?.querySelector<HTMLInputElement>(`#field-${name}`)?.focus());

  const save = async () => {
    const input = trimInput(values.value);
    const missing: Partial<Record<FieldName, string>> = {};
    for (const spec of serverFields) if (!input[spec.name]) missing[spec.name] = strings.required(spec.label);
    required.value = missing;
    const firstMissing = serverFields.find((f) => missing[f.name]);
    if (firstMissing) {
      status.value = { kind: 'idle' };
      focusField(firstMissing.name);
      return;
    }
    status.value = { kind: 'checking' };
    const result: ConnectOutcome = await connector
      .request({ type: 'connect', settings: input })
      .catch((e: unknown) => ({ ok: false as const, error: errorCodeOf(e) }));
    const next = statusOf(result, input);
    status.value = next;
    if (next.kind === 'failed' && next.field) focusField(next.field);
  };

  /** Synchronously first: the permission prompt needs the click's user gesture. */
  const allow = (origin: string) => {
    const asking = connector.requestOrigin(origin);
    void asking
      .catch(() => false)
      .then((granted) => {
        if (granted) void save();
        else status.value = statusOf({ ok: false, error: 'permission_refused', origin }, values.value);
      });
  };

  const s = status.value;
  const failedField = s.kind === 'failed' ? s.field : undefined;
  const field = (spec: FieldSpec) => (
    <TextField
      key={spec.name}
      spec={spec}
      value={values.value[spec.name]}
      error={required.value[spec.name]}
      invalid={failedField === spec.name}
      describedBy={failedField === spec.name ? ERROR_ID : undefined}
      locked={managed.value.includes(spec.name)}
      onInput={(v) => {
        edited.current = true;
        values.value = { ...values.value, [spec.name]: v };
        if (required.value[spec.name]) required.value = { ...required.value, [spec.name]: undefined };
      }}
    />
  );

  return (
    <main class="options">
      <h1 class="options__title">{strings.optionsTitle}</h1>
      {welcome.value && (
        <section class="welcome" aria-labelledby="welcome-title">
          <h2 id="welcome-title" class="welcome__title">{strings.welcomeTitle}</h2>
          <p>{strings.welcomeBody}</p>
        </section>
      )}
      <p class="muted">{strings.optionsIntro}</p>
      {managed.value.length > 0 && (
        <p class="managed-notice" role="note">
          <LockIcon />
          {strings.managedNotice}
        </p>
      )}
      <form
        ref={form}
        class="options__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset class="section">
          <legend class="section__title">{strings.serverSection}</legend>
          {serverFields.map(field)}
        </fieldset>
        <fieldset class="section">
          <legend class="section__title">{strings.identitySection}</legend>
          <p class="field__help">{strings.identityHelp}</p>
          {identityFields.map(field)}
        </fieldset>
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={s.kind === 'checking'}>
            {strings.save}
          </button>
          <p class={`status status--${s.kind}`} role="status">
            {s.kind === 'checking' && strings.checking}
            {s.kind === 'connected' && (
              <>
                <span class="status__ok">{strings.connected}</span>
                {s.inboxName && <span class="status__inbox"> {strings.connectedTo(s.inboxName)}</span>}
              </>
            )}
          </p>
          {s.kind === 'connected' && (
            <button type="button" class="button" onClick={connector.openPanel}>
              {strings.openChat}
            </button>
          )}
        </div>
        {s.kind === 'failed' && (
          <div id={ERROR_ID} class={`alert${s.error === 'permission_needed' ? ' alert--info' : ''}`} role="alert">
            <p class="alert__text">{s.message}</p>
            {(s.error === 'permission_needed' || s.error === 'permission_refused') && s.origin && (
              <button type="button" class="button" onClick={() => allow(s.origin!)}>
                {strings.allowAccess(s.origin)}
              </button>
            )}
          </div>
        )}
      </form>
      <section class="section" aria-labelledby="notifications-title">
        <h2 id="notifications-title" class="section__title">{strings.notificationsSection}</h2>
        <NotificationsToggle model={notifications} />
      </section>
    </main>
  );
}
