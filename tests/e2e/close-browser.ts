// How the harnesses close their browser: a browser left running would slow every test file after it on a
// two-core machine.

/** Closes a browser, and kills it if closing takes over 10 s (a page stuck in a capture or a dialog). */
export async function closeBrowser(browser: { close(): Promise<void>; process(): { kill(signal?: NodeJS.Signals): boolean } | null }) {
  const closed = browser.close().then(() => true, () => false);
  const inTime = await Promise.race([closed, new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
  if (!inTime) browser.process()?.kill('SIGKILL');
}
