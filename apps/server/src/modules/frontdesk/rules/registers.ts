import type { DeskRegister, DeskStatus, GateRefusal } from '@guanjia/shared/api';

/**
 * The register engine's table: each register type is its code prefix, its states, the actions that move
 * a record between them (and who may take them), and what the gate checks. Commands look moves up here
 * and never test a status themselves, so the five registers share one state machine, not five copies.
 */
export type DeskAction =
  | 'confirm'
  | 'revoke'
  | 'expire'
  | 'pickup'
  | 'deliver'
  | 'abandon'
  | 'approve'
  | 'reject'
  | 'cancel'
  | 'release'
  | 'return';

/** Who takes a move: the desk (desk.write), the gate (gate.verify), the resident (portal), a job. */
export type DeskActor = 'desk' | 'gate' | 'resident' | 'job';

export interface Move {
  from: readonly DeskStatus[];
  to: DeskStatus;
  by: readonly DeskActor[];
}

export interface GateRule {
  /** The status in which the code lets someone (or something) through. */
  valid: DeskStatus;
  /** The status once its last use is spent. */
  spent: DeskStatus;
  /** Why any other status is refused. */
  refusedAs: Partial<Record<DeskStatus, GateRefusal>>;
}

export interface RegisterType {
  /** The code's prefix: the gate finds the register by it (`V-7K3M9QXP`). */
  prefix: string;
  initial: DeskStatus;
  states: readonly DeskStatus[];
  /** States in which the record is finished (closedAt is set). */
  final: readonly DeskStatus[];
  moves: Partial<Record<DeskAction, Move>>;
  gate: GateRule | null;
  /** A slip to print (PDF with the code as QR). */
  slip: string | null;
}

export const REGISTER_TYPES: Record<DeskRegister, RegisterType> = {
  visitor: {
    prefix: 'V',
    initial: '有效',
    states: ['待确认', '有效', '已用完', '已过期', '已作废'],
    final: ['已用完', '已过期', '已作废'],
    moves: {
      confirm: { from: ['待确认'], to: '有效', by: ['resident', 'desk'] },
      revoke: { from: ['待确认', '有效'], to: '已作废', by: ['resident', 'desk'] },
      expire: { from: ['待确认', '有效'], to: '已过期', by: ['job'] },
    },
    gate: {
      valid: '有效',
      spent: '已用完',
      refusedAs: { 待确认: 'pending', 已用完: 'used_up', 已过期: 'expired', 已作废: 'revoked' },
    },
    slip: '访客通行证',
  },
  parcel: {
    prefix: 'P',
    initial: '待取',
    states: ['待取', '已取件', '已送达', '已弃置'],
    final: ['已取件', '已送达', '已弃置'],
    moves: {
      pickup: { from: ['待取'], to: '已取件', by: ['desk'] },
      deliver: { from: ['待取'], to: '已送达', by: ['desk'] },
      abandon: { from: ['待取'], to: '已弃置', by: ['desk', 'job'] },
    },
    gate: null,
    slip: null,
  },
  release: {
    prefix: 'R',
    initial: '待审批',
    states: ['待审批', '已批准', '已驳回', '已放行', '已取消', '已过期'],
    final: ['已驳回', '已放行', '已取消', '已过期'],
    moves: {
      approve: { from: ['待审批'], to: '已批准', by: ['desk'] },
      reject: { from: ['待审批'], to: '已驳回', by: ['desk'] },
      cancel: { from: ['待审批', '已批准'], to: '已取消', by: ['resident', 'desk'] },
      expire: { from: ['待审批', '已批准'], to: '已过期', by: ['job'] },
    },
    gate: {
      valid: '已批准',
      spent: '已放行',
      refusedAs: {
        待审批: 'pending',
        已放行: 'used_up',
        已过期: 'expired',
        已驳回: 'revoked',
        已取消: 'revoked',
      },
    },
    slip: '物品出门条',
  },
  key: {
    prefix: 'K',
    initial: '借出',
    states: ['借出', '已归还'],
    final: ['已归还'],
    moves: { return: { from: ['借出'], to: '已归还', by: ['desk'] } },
    gate: null,
    slip: '钥匙签收单',
  },
  loan: {
    prefix: 'L',
    initial: '借出',
    states: ['借出', '已归还'],
    final: ['已归还'],
    moves: { return: { from: ['借出'], to: '已归还', by: ['desk'] } },
    gate: null,
    slip: '借用单',
  },
};

export type MoveResult =
  | { ok: true; to: DeskStatus; final: boolean }
  | { ok: false; why: 'no_such_move' | 'not_from_here' | 'not_yours' };

/** The next status for an action, or why it cannot be taken (a pure lookup in the table). */
export function nextStatus(
  register: DeskRegister,
  status: DeskStatus,
  action: DeskAction,
  by: DeskActor,
): MoveResult {
  const type = REGISTER_TYPES[register];
  const move = type.moves[action];
  if (!move) return { ok: false, why: 'no_such_move' };
  if (!move.by.includes(by)) return { ok: false, why: 'not_yours' };
  if (!move.from.includes(status)) return { ok: false, why: 'not_from_here' };
  return { ok: true, to: move.to, final: type.final.includes(move.to) };
}

export interface GateView {
  status: DeskStatus;
  validFrom: Date | null;
  validUntil: Date | null;
  usesAllowed: number | null;
  usesCount: number;
}

/** What the gate says of a record at an instant: let through, or refused with the reason. */
export function gateVerdict(
  register: DeskRegister,
  e: GateView,
  now: Date,
): { valid: true } | { valid: false; reason: GateRefusal } {
  const rule = REGISTER_TYPES[register].gate;
  if (!rule) return { valid: false, reason: 'unknown' };
  if (e.status !== rule.valid) return { valid: false, reason: rule.refusedAs[e.status] ?? 'revoked' };
  if (e.validUntil && now.getTime() >= e.validUntil.getTime()) return { valid: false, reason: 'expired' };
  if (e.validFrom && now.getTime() < e.validFrom.getTime()) return { valid: false, reason: 'not_yet_valid' };
  if (e.usesAllowed !== null && e.usesCount >= e.usesAllowed) return { valid: false, reason: 'used_up' };
  return { valid: true };
}

/** The register a code belongs to, by its prefix (`V-…`); null when no register of ours uses it. */
export function registerOfCode(code: string): DeskRegister | null {
  const prefix = prefixOf(code);
  const hit = (Object.keys(REGISTER_TYPES) as DeskRegister[]).find(
    (r) => REGISTER_TYPES[r].prefix === prefix,
  );
  return hit ?? null;
}

export const prefixOf = (code: string) => code.split('-', 1)[0]?.toUpperCase() ?? '';

/** Codes avoid 0/O and 1/I so a guard can type them off a phone screen. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export function makeCode(prefix: string, random: () => number = Math.random): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return `${prefix}-${s}`;
}

/**
 * The code inside what a scanner read: the code itself, a link ending in `?pass=<code>` or `?qr=<code>`,
 * any case and stray spaces.
 */
export function codeFromScan(scanned: string): string {
  let text = scanned.trim();
  const inUrl = /[?&](?:pass|qr)=([^&#]+)/.exec(text);
  if (inUrl?.[1]) {
    try {
      text = decodeURIComponent(inUrl[1]);
    } catch {
      return '';
    }
  }
  return text.replace(/\s+/g, '').toUpperCase();
}

/** Whole days since an instant (for parcel reminders and abandonment). */
export const daysSince = (from: Date, now: Date) => Math.floor((now.getTime() - from.getTime()) / 86_400_000);

/** What a waiting parcel needs now: nothing, a second notice (once), or to be marked abandoned. */
export function parcelDue(
  receivedAt: Date,
  reminded: boolean,
  now: Date,
  reminderDays: number,
  abandonDays: number,
): 'none' | 'remind' | 'abandon' {
  const days = daysSince(receivedAt, now);
  if (days >= abandonDays) return 'abandon';
  if (!reminded && days >= reminderDays) return 'remind';
  return 'none';
}
