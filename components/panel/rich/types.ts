// The callbacks interactive messages answer through. Presentational: they never reach the panel model.

/** Sends a message's answer (PATCH submitted_values). */
export type Submit = (messageId: number, values: unknown) => Promise<void> | void;
/** Sends text as the customer's own reply (a card's postback). */
export type Reply = (text: string) => Promise<void> | void;
