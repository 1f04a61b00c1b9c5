// The bounds every value from the server is cut to at the edge (issue 19, "nothing breaks it"): one
// oversized or absurd field must never stop the worker, the storage cache or the panel. Each number says
// why it is what it is; ../shared/reference/chatwoot-contract.md §1 and §6 give the server's own limits.
export const LIMITS = {
  /** Characters of message content kept for display. Chatwoot accepts up to 150,000; we keep 64 Ki so the
   *  60 cached messages of a conversation stay well inside storage.local's 10 MB quota and one message
   *  never paints tens of thousands of links. Longer content is cut and ends with "…". */
  content: 65_536,
  /** Names, emails, identifiers: Chatwoot's own limit on string columns (application_record.rb). */
  name: 255,
  /** Enum-like strings (content_type, status, file_type, …): the longest real value is 14 characters. */
  token: 64,
  /** Avatar and attachment URLs. ActiveStorage redirect URLs are a few hundred characters; a longer one is
   *  replaced by "" (a cut URL would point elsewhere). */
  url: 8_192,
  /** source_id and pubsub_token: credentials are never cut, a longer one is a bad answer. */
  credential: 1_024,
  /** A 422's message, shown to the user. */
  errorMessage: 1_000,
} as const;

/** Free-form data (content_attributes, custom_attributes, additional_attributes and every unknown key):
 *  a value nested thousands of levels deep cannot be structured-cloned to the panel ("Could not serialize
 *  message") nor stored, and Chrome's extension messaging refuses anything deeper than 100 levels. */
export const FREE_FORM = {
  /** Nesting levels of objects and arrays kept under one field; deeper ones are cut. */
  depth: 8,
  /** Keys of one object or items of one array. */
  entries: 200,
  /** Values in all the free-form data of one object (a message, a conversation, a sender, …). */
  nodes: 2_000,
  /** Characters in all the free-form strings (and keys) of one object. */
  chars: 65_536,
  /** Characters of one free-form string. */
  string: 8_192,
  /** A longer key is dropped with its value (a cut key could collide with another). */
  key: 255,
} as const;
