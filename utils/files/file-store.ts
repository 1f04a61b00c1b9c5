// Files on their way to the server, in IndexedDB: the extension's pages and its worker share it (runtime
// messages cannot carry Blobs, and base64 in storage.local would eat its quota). The panel puts a file and
// passes its id; the outbox reads it when it sends and deletes it once the server has it.
import { clear, createStore, del, get, set } from 'idb-keyval';

/** The server's default limit (now configurable there, and never announced): checked before sending. */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;

export interface StoredFile {
  blob: Blob;
  name: string;
}

/** What a message says of a file it carries; the bytes stay in the store. */
export interface FileRef {
  id: string;
  name: string;
  size: number;
  type: string;
}

const store = () => createStore('hoory-files', 'files');

export async function putFile(blob: Blob, name: string): Promise<FileRef> {
  const id = crypto.randomUUID();
  await set(id, { blob, name } satisfies StoredFile, store());
  return { id, name, size: blob.size, type: blob.type };
}

export async function getFile(id: string): Promise<StoredFile | undefined> {
  return get<StoredFile>(id, store());
}

export async function deleteFile(id: string): Promise<void> {
  await del(id, store());
}

/** Every file of the session: a new session keeps none of the old one's. */
export async function clearFiles(): Promise<void> {
  await clear(store());
}
