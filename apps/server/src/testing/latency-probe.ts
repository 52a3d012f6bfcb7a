import { Worker } from 'node:worker_threads';

/** Requests sent on a fixed beat from a worker thread; the latencies (ms) come back on stop(). */
export interface LatencyProbe {
  stop(): Promise<number[]>;
}

// Plain JavaScript evaluated in the worker: the prober must not share the server's event loop, or a
// loop the server hogs would also hold the prober's timers back and the stall would go unmeasured.
const PROBER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, everyMs, timeoutMs } = workerData;
const latencies = [];
const pending = new Set();
const send = () => {
  const started = performance.now();
  const request = fetch(url, { signal: AbortSignal.timeout(timeoutMs) })
    .then((res) => res.arrayBuffer())
    .then(() => latencies.push(performance.now() - started))
    .catch(() => latencies.push(performance.now() - started))
    .finally(() => pending.delete(request));
  pending.add(request);
};
const beat = setInterval(send, everyMs);
send();
parentPort.on('message', async () => {
  clearInterval(beat);
  await Promise.all([...pending]);
  parentPort.postMessage(latencies);
});
`;

/**
 * GET `url` every `everyMs` from a worker thread, not waiting for earlier answers (an open loop: a
 * stalled server does not slow the beat down). A request that fails or times out counts with the time
 * it took, so a stall shows up as latency rather than as missing samples.
 */
export function probeLatency(url: string, everyMs = 50, timeoutMs = 120_000): LatencyProbe {
  const worker = new Worker(PROBER, { eval: true, workerData: { url, everyMs, timeoutMs } });
  return {
    async stop() {
      const result = new Promise<number[]>((resolve, reject) => {
        worker.once('message', (latencies: number[]) => resolve(latencies));
        worker.once('error', reject);
      });
      worker.postMessage('stop');
      const latencies = await result;
      await worker.terminate();
      return latencies;
    },
  };
}
