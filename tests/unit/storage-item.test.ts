import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineItem } from '@/utils/storage-item';

beforeEach(() => fakeBrowser.reset());

describe('a storage item', () => {
  it('reads its fallback until set; null removes the value again', async () => {
    const item = defineItem<{ a: number } | null>('local:thing', { fallback: null });
    expect(await item.getValue()).toBeNull();
    await item.setValue({ a: 1 });
    expect(await item.getValue()).toEqual({ a: 1 });
    expect(await fakeBrowser.storage.local.get('thing')).toEqual({ thing: { a: 1 } });
    await item.setValue(null);
    expect(await fakeBrowser.storage.local.get('thing')).toEqual({});
    expect(await item.getValue()).toBeNull();
  });

  it('lives in the area its key names', async () => {
    const item = defineItem<string[]>('session:handoff', { fallback: [] });
    await item.setValue(['x']);
    expect(await fakeBrowser.storage.session.get('handoff')).toEqual({ handoff: ['x'] });
    expect(await fakeBrowser.storage.local.get('handoff')).toEqual({});
  });

  it('migrates a value written by an older version once, and records the version as @wxt-dev/storage did', async () => {
    await fakeBrowser.storage.local.set({ outbox: [{ error: 'Some text' }, { error: 'server' }] });
    let runs = 0;
    const migrations = { 2: (items: { error: string }[]) => (runs++, items.map((i) => ({ error: i.error === 'server' ? i.error : 'server' }))) };
    const item = defineItem<{ error: string }[]>('local:outbox', { fallback: [], version: 2, migrations });
    expect(await item.getValue()).toEqual([{ error: 'server' }, { error: 'server' }]);
    expect(await fakeBrowser.storage.local.get('outbox$')).toEqual({ outbox$: { v: 2 } });
    await item.getValue();
    // A new worker life finds the version recorded: nothing to migrate.
    await defineItem('local:outbox', { fallback: [], version: 2, migrations }).getValue();
    expect(runs).toBe(1);
  });

  it('a value already at its version, or none at all, is left as it is', async () => {
    await fakeBrowser.storage.local.set({ outbox: [{ error: 'Kept' }], outbox$: { v: 2 } });
    const item = defineItem('local:outbox', { fallback: [], version: 2, migrations: { 2: () => [] } });
    expect(await item.getValue()).toEqual([{ error: 'Kept' }]);
    const empty = defineItem('local:other', { fallback: 'none', version: 3, migrations: { 2: () => 'x', 3: () => 'y' } });
    expect(await empty.getValue()).toBe('none');
    expect(await fakeBrowser.storage.local.get('other$')).toEqual({ other$: { v: 3 } });
  });
});
