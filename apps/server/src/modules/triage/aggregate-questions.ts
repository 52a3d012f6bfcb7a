import { and, eq, gte, inArray, lt, ne, or } from 'drizzle-orm';
import type { Actor } from '../../platform/events/record-event';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { kbQuestions } from '../knowledge/schema';
import { projects } from '../org/schema';
import { tickets } from '../tickets/schema';
import { groupQuestions } from './rules/question-clusters';
import { overlap } from './rules/similarity';
import { TRIAGE_QUESTION_CLUSTER } from './settings';
import { SAME_PROBLEM, signatureOf, textOf } from './similar';

const WEEK_MS = 7 * 24 * 3_600_000;
/** A candidate's question is at most this long: the representative consultation, as the resident put it. */
const QUESTION_MAX = 500;

export interface AggregateResult {
  created: number;
  grown: number;
}

/**
 * Weekly 问题汇总 for the 专家席 (§1.15: the same question gets the same answer). The past week's
 * 咨询 tickets of each project that found no article are clustered by near-duplicate text; a cluster
 * of at least `triage.questionClusterSize` becomes ONE automatic candidate question (source 'auto')
 * carrying its member tickets, and a consultation that reads like an open candidate joins it instead.
 *
 * "Found no article": nothing links a ticket to the article an agent used (kb.article_used counts the
 * article, not the ticket), so every consultation not already with the 专家席 (no question with its
 * ticket) and not yet a member of a candidate counts as unanswered by the knowledge base. That also
 * makes the job idempotent: a re-run finds every clustered ticket taken and adds nothing.
 */
export async function aggregateQuestions(
  services: Pick<Services, 'database'>,
  now: Date,
): Promise<AggregateResult> {
  const { db } = services.database;
  const result: AggregateResult = { created: 0, grown: 0 };
  const all = await db.select({ id: projects.id, companyId: projects.companyId }).from(projects);
  for (const p of all) {
    const r = await aggregateProject(services, p, now);
    result.created += r.created;
    result.grown += r.grown;
  }
  return result;
}

async function aggregateProject(
  services: Pick<Services, 'database'>,
  project: { id: number; companyId: number },
  now: Date,
): Promise<AggregateResult> {
  const { db } = services.database;
  const from = new Date(now.getTime() - WEEK_MS);
  const consultations = await db
    .select({ id: tickets.id, title: tickets.title, description: tickets.description })
    .from(tickets)
    .where(
      and(
        eq(tickets.projectId, project.id),
        eq(tickets.type, '咨询'),
        ne(tickets.status, '已取消'),
        gte(tickets.createdAt, from),
        lt(tickets.createdAt, now),
      ),
    );
  if (!consultations.length) return { created: 0, grown: 0 };
  const minSize = await getSetting(db, TRIAGE_QUESTION_CLUSTER, {
    companyId: project.companyId,
    projectId: project.id,
  });
  const actor: Actor = { userId: null, companyId: project.companyId, source: 'job' };
  return db.transaction(async (tx) => {
    // Tickets already with the 专家席: asked by an agent, or members of a candidate touched this week
    // (a ticket of this week can only have joined one since). Locked: the candidates may grow below.
    const asked = await tx
      .select({
        id: kbQuestions.id,
        ticketId: kbQuestions.ticketId,
        source: kbQuestions.source,
        status: kbQuestions.status,
        question: kbQuestions.question,
        memberTicketIds: kbQuestions.memberTicketIds,
      })
      .from(kbQuestions)
      .where(
        and(
          eq(kbQuestions.projectId, project.id),
          or(
            inArray(
              kbQuestions.ticketId,
              consultations.map((c) => c.id),
            ),
            and(
              eq(kbQuestions.source, 'auto'),
              or(eq(kbQuestions.status, 'open'), gte(kbQuestions.updatedAt, from)),
            ),
          ),
        ),
      )
      .for('update');
    const taken = new Set<number>();
    for (const q of asked) {
      if (q.ticketId) taken.add(q.ticketId);
      for (const id of q.memberTicketIds) taken.add(id);
    }
    const open = asked
      .filter((q) => q.source === 'auto' && q.status === 'open')
      .map((q) => ({ ...q, sig: signatureOf(q.question) }));
    const fresh = consultations
      .filter((c) => !taken.has(c.id))
      .map((c) => ({ id: c.id, text: textOf(c), sig: signatureOf(textOf(c)) }));

    // Consultations asking an open candidate's question join it: one standard answer for all of them.
    const joining = new Map<number, number[]>();
    const rest: typeof fresh = [];
    for (const c of fresh) {
      let best: { id: number; score: number } | null = null;
      for (const q of open) {
        const score = overlap(c.sig, q.sig);
        if (score >= SAME_PROBLEM && (!best || score > best.score)) best = { id: q.id, score };
      }
      if (best) joining.set(best.id, [...(joining.get(best.id) ?? []), c.id]);
      else rest.push(c);
    }
    let grown = 0;
    for (const q of open) {
      const added = joining.get(q.id);
      if (!added) continue;
      const members = [...q.memberTicketIds, ...added].sort((a, b) => a - b);
      await tx
        .update(kbQuestions)
        .set({ memberTicketIds: members, updatedAt: now })
        .where(eq(kbQuestions.id, q.id));
      await recordEvent(tx, actor, now, {
        action: 'kb.question_aggregated',
        entityType: 'kb_question',
        entityId: q.id,
        projectId: project.id,
        before: { members: q.memberTicketIds.length },
        after: { members: members.length, added },
      });
      grown++;
    }

    let created = 0;
    const texts = new Map(rest.map((c) => [c.id, c.text]));
    for (const g of groupQuestions(rest, SAME_PROBLEM, minSize)) {
      const [row] = await tx
        .insert(kbQuestions)
        .values({
          companyId: project.companyId,
          projectId: project.id,
          question: (texts.get(g.representative) ?? '').slice(0, QUESTION_MAX),
          source: 'auto',
          memberTicketIds: g.members,
          askedById: null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: kbQuestions.id });
      if (!row) throw new Error('insert returned nothing');
      await recordEvent(tx, actor, now, {
        action: 'kb.question_aggregated',
        entityType: 'kb_question',
        entityId: row.id,
        projectId: project.id,
        after: { members: g.members.length, representativeTicketId: g.representative, added: g.members },
      });
      created++;
    }
    return { created, grown };
  });
}
