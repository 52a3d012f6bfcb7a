import { and, asc, desc, eq, isNull, max } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { ticketCategories } from '../tickets/schema';
import { type SuggestOptions, type TrainingText, type TriageModel, trainTriage } from './rules/classifier';
import { DEFAULT_URGENT_PHRASES, type UrgentPhrase } from './rules/urgency';
import { type ModelMetrics, triageModels, triagePhrases } from './schema';
import { segmenter } from './segmenter';
import { evaluate } from './training/evaluate';
import { FRESH_SET } from './training/fresh-set';
import { generateTrainingSet } from './training/generate';

/** Models by row id: rows never change, so a cached one is valid for as long as the process lives. */
const models = new Map<number, TriageModel>();
let baseTexts: TrainingText[] | null = null;

/** The shipped training set (generated once per process, deterministic). */
export function shippedTexts(): TrainingText[] {
  baseTexts ??= generateTrainingSet();
  return baseTexts;
}

export function trainModel(texts: readonly TrainingText[]) {
  const { segment, engine } = segmenter();
  const started = performance.now();
  const model = trainTriage(texts, segment, engine);
  return { model, trainMs: Math.round(performance.now() - started) };
}

/** The fresh hand-written set, scored with the product's urgent phrases (comparable across versions). */
export function measure(model: TriageModel, urgentPaths: ReadonlySet<string>): ModelMetrics {
  const { segment } = segmenter();
  const e = evaluate(
    model,
    FRESH_SET.map(([text, path, u]) => ({ text, path, urgent: u === 'u' })),
    segment,
    { phrases: DEFAULT_URGENT_PHRASES, urgentPaths, urgentCategoryConfidence: 0.8 },
  );
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    top1: r(e.top1),
    top3: r(e.top3),
    urgentRecall: r(e.urgentRecall),
    urgentPrecision: r(e.urgentPrecision),
    n: e.n,
  };
}

/** Leaf paths whose problem defaults to 急 in the company's tree (company rows). */
export async function urgentPathsOf(db: DbOrTx, companyId: number): Promise<Set<string>> {
  const rows = await db
    .select({ path: ticketCategories.pathNames })
    .from(ticketCategories)
    .where(
      and(
        eq(ticketCategories.companyId, companyId),
        eq(ticketCategories.level, 3),
        eq(ticketCategories.defaultPriority, '急'),
        isNull(ticketCategories.projectId),
      ),
    );
  return new Set(rows.map((r) => r.path));
}

/**
 * The company's active model. A company without one gets the base model, trained from the shipped
 * set on first use and stored as version 1 (two nodes racing store one: the version is unique).
 */
export async function activeModel(
  db: DbOrTx,
  companyId: number,
): Promise<{ id: number; version: number; model: TriageModel }> {
  const [row] = await db
    .select({ id: triageModels.id, version: triageModels.version })
    .from(triageModels)
    .where(and(eq(triageModels.companyId, companyId), eq(triageModels.active, true)))
    .limit(1);
  if (row) return { ...row, model: await loadModel(db, row.id) };
  await storeBaseModel(db, companyId);
  return activeModel(db, companyId);
}

async function loadModel(db: DbOrTx, id: number): Promise<TriageModel> {
  const cached = models.get(id);
  if (cached) return cached;
  const [row] = await db
    .select({ model: triageModels.model })
    .from(triageModels)
    .where(eq(triageModels.id, id));
  if (!row) throw new Error(`triage model ${id} vanished`);
  models.set(id, row.model);
  return row.model;
}

export async function storeBaseModel(db: DbOrTx, companyId: number): Promise<void> {
  const texts = shippedTexts();
  const { model, trainMs } = trainModel(texts);
  const metrics = measure(model, await urgentPathsOf(db, companyId));
  const [existing] = await db
    .select({ n: max(triageModels.version) })
    .from(triageModels)
    .where(eq(triageModels.companyId, companyId));
  if (existing?.n) return;
  const [stored] = await db
    .insert(triageModels)
    .values({
      companyId,
      version: 1,
      kind: 'base',
      engine: model.engine,
      model,
      trainingTexts: texts.length,
      metrics,
      trainMs,
      active: true,
    })
    .onConflictDoNothing()
    .returning({ id: triageModels.id });
  if (stored) models.set(stored.id, model);
}

/** The company's urgent phrase table, seeded from the product's list the first time it is read. */
export async function companyPhrases(db: DbOrTx, companyId: number): Promise<UrgentPhrase[]> {
  const read = () =>
    db
      .select({ phrase: triagePhrases.phrase, kind: triagePhrases.kind, active: triagePhrases.active })
      .from(triagePhrases)
      .where(eq(triagePhrases.companyId, companyId))
      .orderBy(asc(triagePhrases.id));
  let rows = await read();
  if (!rows.length) {
    await db
      .insert(triagePhrases)
      .values(DEFAULT_URGENT_PHRASES.map((p) => ({ companyId, phrase: p.phrase, kind: p.kind })))
      .onConflictDoNothing();
    rows = await read();
  }
  return rows.filter((r) => r.active).map(({ phrase, kind }) => ({ phrase, kind }));
}

export async function suggestOptions(
  db: DbOrTx,
  companyId: number,
  urgentCategoryPercent: number,
): Promise<SuggestOptions> {
  const [phrases, urgentPaths] = await Promise.all([
    companyPhrases(db, companyId),
    urgentPathsOf(db, companyId),
  ]);
  return { phrases, urgentPaths, urgentCategoryConfidence: urgentCategoryPercent / 100 };
}

export async function latestVersion(db: DbOrTx, companyId: number): Promise<number> {
  const [row] = await db
    .select({ v: triageModels.version })
    .from(triageModels)
    .where(eq(triageModels.companyId, companyId))
    .orderBy(desc(triageModels.version))
    .limit(1);
  return row?.v ?? 0;
}
