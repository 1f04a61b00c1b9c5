// Whether a text is worth loading the Markdown parser for. The parser is a lazy chunk (the panel's first
// load has a size budget), so plain sentences — most chat messages — render without it. A false positive
// only costs a parse; a false negative shows the text as written, which is still correct.

/** Longer texts are shown as plain text: parsing is bounded, like link detection. */
const MARKDOWN_MAX_CHARS = 16_000;

const HINT = /[*_~`\\|]|\[[^\]\n]*\]|&#?[a-zA-Z0-9]+;|^ {0,3}(?:#{1,6}[ \t]|>|[-+][ \t]|\d{1,9}[.)][ \t]|(?:-{3,}|={3,}) *$)/m;

export function looksLikeMarkdown(text: string): boolean {
  return text.length <= MARKDOWN_MAX_CHARS && HINT.test(text);
}
