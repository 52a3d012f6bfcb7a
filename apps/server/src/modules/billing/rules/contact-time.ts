import { type BusinessCalendar, nextWorkingStart, type WorkPeriod } from '../../sla/rules/business-calendar';

/** Q07: no non-urgent calls before `dayStart`, after `dayEnd` (21:00) or at mealtimes. */
export interface QuietHours {
  dayStart: string;
  dayEnd: string;
  meals: readonly WorkPeriod[];
}

/** A resident's own window (分时间段催缴): weekdays 0 = Monday … 6 = Sunday, local HH:MM. */
export interface ContactWindow {
  weekdays: readonly number[];
  start: string;
  end: string;
}

export interface ContactRules {
  timezone: string;
  quiet: QuietHours;
  /** Statutory holidays (no calls) and 调休 working weekend days, from the project's business calendar. */
  holidays: readonly string[];
  extraWorkdays: readonly string[];
  /** Whether Saturdays and Sundays are allowed at all (default yes: people are at home). */
  weekends: boolean;
  windows: readonly ContactWindow[];
}

const toMin = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const toHhmm = (min: number) =>
  `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

type Span = [number, number];

/** [start, end) spans minus the spans in `cut`. */
function subtract(spans: Span[], cut: readonly Span[]): Span[] {
  let out = spans;
  for (const [cs, ce] of cut) {
    const next: Span[] = [];
    for (const [s, e] of out) {
      if (ce <= s || cs >= e) next.push([s, e]);
      else {
        if (cs > s) next.push([s, cs]);
        if (ce < e) next.push([ce, e]);
      }
    }
    out = next;
  }
  return out;
}

function intersect(spans: Span[], with_: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const [s, e] of spans)
    for (const [ws, we] of with_) {
      const a = Math.max(s, ws);
      const b = Math.min(e, we);
      if (a < b) out.push([a, b]);
    }
  return out.sort((x, y) => x[0] - y[0]);
}

/** The allowed contact spans of each weekday (0 = Monday), from Q07 and the resident's windows. */
export function allowedSpans(rules: ContactRules): Span[][] {
  const base = subtract(
    [[toMin(rules.quiet.dayStart), toMin(rules.quiet.dayEnd)]],
    rules.quiet.meals.map((m): Span => [toMin(m.start), toMin(m.end)]),
  );
  const days = [0, 1, 2, 3, 4, 5, 6].map((d) => (d >= 5 && !rules.weekends ? [] : base));
  if (!rules.windows.length) return days;
  const windowed = days.map((spans, d) =>
    intersect(
      spans,
      rules.windows.filter((w) => w.weekdays.includes(d)).map((w): Span => [toMin(w.start), toMin(w.end)]),
    ),
  );
  // A window that never meets the allowed hours would mean never calling: Q07 alone applies then.
  return windowed.some((s) => s.length) ? windowed : days;
}

export function contactCalendar(rules: ContactRules): BusinessCalendar {
  return {
    timezone: rules.timezone,
    weekdays: allowedSpans(rules).map((spans) =>
      spans.map(([s, e]) => ({ start: toHhmm(s), end: toHhmm(e) })),
    ),
    holidays: rules.holidays,
    extraWorkdays: rules.weekends ? [] : rules.extraWorkdays,
  };
}

/** `at` itself when a reminder call may be made then, else the next moment one may (project's zone). */
export function nextContactMoment(at: Date, rules: ContactRules): Date {
  return nextWorkingStart(contactCalendar(rules), at);
}
