// Minimal types for @rails/actioncable (it ships none).
declare module '@rails/actioncable' {
  export interface Subscription {
    identifier: string;
    perform(action: string, data?: object): boolean;
    unsubscribe(): void;
  }
  export interface SubscriptionMixin {
    initialized?(): void;
    connected?(details?: { reconnected: boolean }): void;
    disconnected?(details?: { willAttemptReconnect: boolean }): void;
    rejected?(): void;
    received?(data: unknown): void;
  }
  export interface Consumer {
    subscriptions: { create(params: object, mixin: SubscriptionMixin): Subscription };
    connect(): void;
    disconnect(): void;
    connection: { isOpen(): boolean; isActive(): boolean; open(): boolean; reopen(): void };
  }
  export function createConsumer(url: string): Consumer;
  export const adapters: { WebSocket: unknown; logger: unknown };
  export const logger: { enabled: boolean };
  export const ConnectionMonitor: { staleThreshold: number; reconnectionBackoffRate: number };
}
