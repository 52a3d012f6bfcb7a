import { Redis } from 'ioredis';
import { type Bus, type BusListener, type BusMessage, Listeners } from './bus';

const CHANNEL = 'guanjia:live';

/** Large fleets: Redis pub/sub instead of PostgreSQL NOTIFY. */
export async function createRedisBus(url: string): Promise<Bus> {
  const listeners = new Listeners();
  const sub = new Redis(url, { lazyConnect: true });
  const pub = new Redis(url, { lazyConnect: true });
  await Promise.all([sub.connect(), pub.connect()]);
  sub.on('message', (channel: string, payload: string) => {
    if (channel === CHANNEL) listeners.emit(JSON.parse(payload) as BusMessage);
  });
  await sub.subscribe(CHANNEL);
  return {
    async publish(message: BusMessage) {
      await pub.publish(CHANNEL, JSON.stringify(message));
    },
    subscribe: (listener: BusListener) => listeners.add(listener),
    async close() {
      sub.disconnect();
      pub.disconnect();
    },
  };
}
