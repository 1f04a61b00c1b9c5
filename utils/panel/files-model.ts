// Files waiting in the composer: picked, pasted, dropped or captured. Each is put in the file store at once
// (the background reads it there when it sends), checked against the server's 40 MB, shown as a chip with
// a preview for images, and can be removed, or blacked out in places (a screenshot) before sending.
import { computed, signal } from '@preact/signals';
import type { Connector } from '../connector';
import { MAX_FILE_BYTES, type FileRef } from '../files/file-store';
import type { ErrorCode } from '../protocol';
import { readonly } from './readonly';

export interface PendingFile {
  /** Stable while the file waits, even when a redaction replaces its bytes. */
  key: string;
  name: string;
  size: number;
  type: string;
  /** In the store, ready to send; absent while it is being stored, or when it cannot be sent. */
  ref?: FileRef;
  /** A local preview (object URL) for images. */
  preview?: string;
  error?: ErrorCode;
}

let seq = 0;

export function createFilesModel(connector: Connector) {
  const files = signal<PendingFile[]>([]);
  /** The file being redacted (a screenshot), by key. */
  const editing = signal<string | null>(null);

  const update = (key: string, change: Partial<PendingFile>) =>
    (files.value = files.value.map((f) => (f.key === key ? { ...f, ...change } : f)));
  const previewOf = (blob: Blob) => (blob.type.startsWith('image/') ? URL.createObjectURL(blob) : undefined);

  async function add(blob: Blob, name: string): Promise<string> {
    const key = `f${++seq}`;
    const base = { key, name, size: blob.size, type: blob.type };
    if (blob.size > MAX_FILE_BYTES) {
      files.value = [...files.value, { ...base, error: 'file_too_large' }]; // never stored, never sent
      return key;
    }
    files.value = [...files.value, { ...base, preview: previewOf(blob) }];
    try {
      update(key, { ref: await connector.putFile(blob, name) });
    } catch (e) {
      console.warn('Could not keep the file', e);
      update(key, { error: 'file_missing' });
    }
    return key;
  }

  function release(file: PendingFile) {
    if (file.preview) URL.revokeObjectURL(file.preview);
  }

  return {
    files: readonly(files),
    editing: readonly(editing),
    /** Sending waits until every file is stored, and refuses while one cannot be sent (it says why). */
    ready: computed(() => files.value.every((f) => f.ref && !f.error)),
    blocked: computed(() => files.value.some((f) => f.error)),
    async addFiles(list: Iterable<File>) {
      for (const file of list) await add(file, file.name || 'file');
    },
    /** A screenshot the background captured and stored: it opens in the redaction view. */
    async addStored(ref: FileRef) {
      const key = `f${++seq}`;
      files.value = [...files.value, { key, name: ref.name, size: ref.size, type: ref.type, ref }];
      editing.value = key;
      const blob = await connector.readFile(ref.id).catch(() => undefined);
      update(key, blob ? { preview: previewOf(blob) } : { ref: undefined, error: 'file_missing' });
    },
    remove(key: string) {
      const file = files.value.find((f) => f.key === key);
      if (!file) return;
      release(file);
      if (file.ref) void connector.deleteFile(file.ref.id).catch(() => {});
      files.value = files.value.filter((f) => f.key !== key);
      if (editing.value === key) editing.value = null;
    },
    edit: (key: string | null) => void (editing.value = key),
    /** The redacted image replaces the original: its blacked-out pixels never leave the machine. */
    async replace(key: string, blob: Blob) {
      const file = files.value.find((f) => f.key === key);
      if (!file) return;
      release(file);
      const old = file.ref;
      update(key, { ref: undefined, size: blob.size, type: blob.type, preview: previewOf(blob) });
      editing.value = null;
      try {
        update(key, { ref: await connector.putFile(blob, file.name) });
      } catch (e) {
        console.warn('Could not keep the file', e);
        update(key, { error: 'file_missing' }); // never the original instead: its chip says to attach it again
      }
      if (old) void connector.deleteFile(old.id).catch(() => {});
    },
    /** The files to send now; the chips go (the store keeps the bytes until the server has them). */
    take(): FileRef[] {
      const refs = files.value.flatMap((f) => (f.ref && !f.error ? [f.ref] : []));
      files.value = [];
      return refs;
    },
    /** Sending failed before the background had them: the chips come back. */
    restore(previous: PendingFile[]) {
      files.value = [...previous, ...files.value];
    },
  };
}

export type FilesModel = ReturnType<typeof createFilesModel>;
