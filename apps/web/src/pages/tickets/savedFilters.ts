/** Ticket list filters as URL parameters; a saved filter is a name plus the parameters it sets. */
export const FILTER_KEYS = [
  'status',
  'open',
  'type',
  'priority',
  'categoryId',
  'assigneeId',
  'sla',
  'q',
  'from',
  'to',
  'sort',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export interface SavedFilter {
  key: string;
  /** Built-in filters are named by a translation key; a user's own by the name they typed. */
  labelKey?: string;
  name?: string;
  params: Filters;
  builtin?: boolean;
}

/** "我" in a saved filter: replaced by the signed-in user's id when applied. */
export const ME = 'me';

export const BUILTIN_FILTERS: SavedFilter[] = [
  { key: 'all', labelKey: 'tickets.saved.all', params: {}, builtin: true },
  { key: 'mine', labelKey: 'tickets.saved.mine', params: { assigneeId: ME, open: 'true' }, builtin: true },
  {
    key: 'warning',
    labelKey: 'tickets.saved.warning',
    params: { sla: 'warning', open: 'true', sort: 'due' },
    builtin: true,
  },
  {
    key: 'breached',
    labelKey: 'tickets.saved.breached',
    params: { sla: 'breached', open: 'true', sort: 'due' },
    builtin: true,
  },
];

const storageKey = (userId: number) => `guanjia.ticketFilters.${userId}`;

export function loadSaved(userId: number): SavedFilter[] {
  try {
    const raw = localStorage.getItem(storageKey(userId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (f): f is SavedFilter =>
        Boolean(f) && typeof f === 'object' && typeof (f as SavedFilter).key === 'string',
    );
  } catch {
    return [];
  }
}

export function storeSaved(userId: number, filters: SavedFilter[]): void {
  try {
    localStorage.setItem(storageKey(userId), JSON.stringify(filters.filter((f) => !f.builtin)));
  } catch {
    // Private mode or a full quota: the filter lasts for this tab only.
  }
}

/** The filter parameters of a URL (page and size left out). */
export function filtersOf(params: URLSearchParams): Filters {
  const out: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}

/** Same parameters (order-insensitive); `me` matches the user's id. */
export function sameFilters(a: Filters, b: Filters, userId: number): boolean {
  const norm = (f: Filters) =>
    JSON.stringify(
      FILTER_KEYS.map((k) => [k, f[k] === ME ? String(userId) : (f[k] ?? null)]).filter(
        ([, v]) => v !== null,
      ),
    );
  return norm(a) === norm(b);
}
