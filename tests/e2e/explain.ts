// What a failed wait prints beside its own error: what the page shows, what the extension's storage holds and
// what its worker logged — enough to tell a stuck panel from a worker that lost something.
import type { Page } from 'puppeteer-core';
import type { Harness } from './harness';
import { bodyText } from './sandbox-agent';

/** The extension's storage (session and local), whole: a failure's message shows its start. */
export const storedText = (h: Harness) =>
  h.inWorker<string>('Promise.all([chrome.storage.session.get(null), chrome.storage.local.get(null)]).then(([session, local]) => JSON.stringify({ session, local }))').catch(String);

export async function whatWasGoingOn(h: Harness, page: Page, stored?: string): Promise<string> {
  const shows = await bodyText(page).then((text) => text.slice(-400), String);
  return `the page shows: ${shows}\nstorage: ${(stored ?? (await storedText(h))).slice(0, 800)}\nthe worker logged: ${await h.workerConsole().catch(String)}`;
}

/** For `.catch`: the wait's error again, with what was going on. */
export const explained = (h: Harness, page: Page) => async (error: unknown): Promise<never> => {
  throw new Error(`${String(error)}\n${await whatWasGoingOn(h, page)}`, { cause: error });
};
