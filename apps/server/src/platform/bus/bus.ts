/**
 * Live-update bus. Messages carry ids and small facts only: receivers re-read what they show,
 * so a NOTIFY payload never carries personal data and never exceeds PostgreSQL's 8 kB limit.
 */
export interface BusMessage {
  type: string;
  companyId?: number | null;
  /** Delivered only to staff whose data scope includes this project (null = company-wide). */
  projectId?: number | null;
  /** Delivered only to this user (e.g. a screen pop, an import of one's own). */
  userId?: number | null;
  entityType?: string;
  entityId?: string | number;
  data?: Record<string, unknown>;
}

export type BusListener = (message: BusMessage) => void;

export interface Bus {
  publish(message: BusMessage): Promise<void>;
  subscribe(listener: BusListener): () => void;
  close(): Promise<void>;
}

/** Fan-out helper shared by every driver. */
export class Listeners {
  private readonly set = new Set<BusListener>();
  add(listener: BusListener): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(message: BusMessage): void {
    for (const listener of this.set) {
      try {
        listener(message);
      } catch {
        // One broken socket handler must not stop delivery to the others.
      }
    }
  }
}
