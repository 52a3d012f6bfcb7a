/** Domain code asks the clock, never Date.now(), so tests and acceptance runs can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at real time and moves only when told (GUANJIA_TEST_CLOCK=1). */
export class ControllableClock implements Clock {
  private offsetMs = 0;
  private fixed: number | null = null;
  private readonly listeners = new Set<() => void>();

  now(): Date {
    return new Date(this.fixed ?? Date.now() + this.offsetMs);
  }

  advanceMinutes(minutes: number): Date {
    if (this.fixed !== null) this.fixed += minutes * 60_000;
    else this.offsetMs += minutes * 60_000;
    this.changed();
    return this.now();
  }

  set(at: Date): Date {
    this.fixed = at.getTime();
    this.changed();
    return this.now();
  }

  /** Workers subscribe so that moving time runs what became due at once. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
