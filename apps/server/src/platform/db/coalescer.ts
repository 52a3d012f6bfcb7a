/**
 * Group commit for one kind of write: while a batch is in flight, the items that arrive wait and then
 * go together as the next batch. Alone, an item goes at once (no added latency); under load, N requests
 * share one round trip and one commit instead of paying N — on this kind of host a round trip costs
 * more CPU than the rows it carries.
 *
 * `run` gets the items of a batch and answers one outcome per item, in order: an item's failure (a
 * duplicate key, say) is that item's alone. A batch that throws fails every item in it.
 */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Waiting<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export class Coalescer<T, R> {
  private queue: Waiting<T, R>[] = [];
  private busy = false;

  constructor(
    private readonly run: (items: T[]) => Promise<Outcome<R>[]>,
    private readonly options: {
      maxBatch?: number;
      /**
       * Event-loop turns to wait before taking the next batch: the requests the previous batch just
       * answered, on their way back, join it instead of forming a small batch of their own.
       */
      gatherTurns?: number;
    } = {},
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.busy) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      while (this.queue.length) {
        for (let i = 0; i < (this.options.gatherTurns ?? 0); i++) await new Promise((r) => setImmediate(r));
        const batch = this.queue.splice(0, this.options.maxBatch ?? 64);
        let outcomes: Outcome<R>[];
        try {
          outcomes = await this.run(batch.map((w) => w.item));
        } catch (error) {
          outcomes = batch.map(() => ({ ok: false, error }));
        }
        batch.forEach((w, i) => {
          const o = outcomes[i];
          if (!o) w.reject(new Error('coalesced batch answered fewer outcomes than items'));
          else if (o.ok) w.resolve(o.value);
          else w.reject(o.error);
        });
      }
    } finally {
      this.busy = false;
    }
  }
}

/**
 * Run a batch; if it fails as a whole, run each item alone so one bad item (a duplicate Idempotency-Key)
 * costs only its own request.
 */
export async function batchOrEach<T, R>(
  items: T[],
  together: (items: T[]) => Promise<R[]>,
): Promise<Outcome<R>[]> {
  if (items.length > 1) {
    try {
      return (await together(items)).map((value) => ({ ok: true, value }));
    } catch {
      // Fall through: find the item that failed it.
    }
  }
  const outcomes: Outcome<R>[] = [];
  for (const item of items) {
    try {
      const [value] = await together([item]);
      outcomes.push({ ok: true, value: value as R });
    } catch (error) {
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}
