import { type Bus, type BusListener, type BusMessage, Listeners } from './bus';

/** Single process (the embedded default): delivery is a function call. */
export function createMemoryBus(): Bus {
  const listeners = new Listeners();
  return {
    async publish(message: BusMessage) {
      listeners.emit(message);
    },
    subscribe: (listener: BusListener) => listeners.add(listener),
    async close() {},
  };
}
