import type { CampaignBand, CampaignRole } from '@guanjia/shared';

/** Q114–Q118 as numbers; money in 分. */
export interface BandParams {
  /** Q114: 80 (含) and above is 良好. */
  goodMin: number;
  /** Q114: 91 (含) and above is 优秀. */
  excellentMin: number;
  /** Q115: penalties at 不及格, per role (positive numbers, deducted). */
  penalties: Record<CampaignRole, number>;
  /** Q117: rewards at 优秀, per role. */
  rewards: Record<CampaignRole, number>;
  /** Q118: the team award threshold and amount. */
  teamAwardMin: number;
  teamAward: number;
}

export const SEED_BANDS: BandParams = {
  goodMin: 80,
  excellentMin: 91,
  penalties: { manager: 50_000, supervisor: 30_000, lead: 10_000 },
  rewards: { manager: 50_000, supervisor: 30_000, lead: 20_000 },
  teamAwardMin: 96,
  teamAward: 100_000,
};

/** Q114: ≤79 不及格, 80–90 良好, 91–100 优秀 (a fractional score between bands falls to the lower one). */
export function bandOf(score: number, p: BandParams = SEED_BANDS): CampaignBand {
  if (score >= p.excellentMin) return 'excellent';
  if (score >= p.goodMin) return 'good';
  return 'fail';
}

export interface BandOutcome {
  band: CampaignBand;
  /** Signed amounts in 分 per role: negative a penalty (Q115), positive a reward (Q117), 0 for 良好 (Q116). */
  amounts: Record<CampaignRole, number>;
  /** Q118: the extra team award, 0 below the threshold. */
  teamAward: number;
}

export function bandOutcome(score: number, p: BandParams = SEED_BANDS): BandOutcome {
  const band = bandOf(score, p);
  const amounts: Record<CampaignRole, number> = { manager: 0, supervisor: 0, lead: 0 };
  for (const role of Object.keys(amounts) as CampaignRole[]) {
    if (band === 'fail') amounts[role] = -p.penalties[role];
    else if (band === 'excellent') amounts[role] = p.rewards[role];
  }
  return { band, amounts, teamAward: score >= p.teamAwardMin ? p.teamAward : 0 };
}
