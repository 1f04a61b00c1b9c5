import type { ReadonlySignal, Signal } from '@preact/signals';

/** A model's signal as components see it: to read, never to write (they call the model's actions). */
export const readonly = <T>(signal: Signal<T>): ReadonlySignal<T> => signal;
