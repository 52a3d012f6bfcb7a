import { pdfFile } from '@guanjia/shared/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../../../platform/auth/context';
import { currentAuth } from '../../../platform/auth/guard';
import type { App } from '../../../platform/http/app-types';
import { idParam } from '../../../platform/http/pagination';
import { guardAny } from '../../tickets/guard-any';
import { loadJobCards, shiftOrderIds } from './load-job-cards';
import { printBatchQuery, printOneQuery } from './print-job-cards.types';
import { type PaperSize, renderJobCards } from './render-job-cards';
import { JOB_CARD_LABELS, type JobCardLang } from './rules/job-card-fields';

const tags = ['work-orders'];

/** The printable 派工单: one order, or a batch (chosen orders or a shift) with one card per page. */
export async function workOrderPrintRoutes(app: App): Promise<void> {
  const { db } = app.services.database;
  const onRequest = guardAny('tickets.read', 'workorders.execute');

  async function send(
    request: FastifyRequest,
    reply: FastifyReply,
    auth: AuthContext,
    ids: number[],
    opts: { size: PaperSize; lang?: JobCardLang },
  ) {
    const cards = await loadJobCards(db, auth, ids);
    const lang: JobCardLang = opts.lang ?? (auth.locale.startsWith('en') ? 'en' : 'zh-CN');
    const origin = `${request.protocol}://${request.host}`;
    const pdf = await renderJobCards(
      cards.map((c) => ({ ...c, link: `${origin}/tech/wo/${c.data.id}` })),
      JOB_CARD_LABELS[lang],
      opts.size,
    );
    const name = cards.length === 1 ? `派工单-${cards[0]!.data.number}.pdf` : `派工单-${cards.length}.pdf`;
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'no-store')
      .send(pdf);
  }

  app.get(
    '/api/work-orders/print.pdf',
    { onRequest, schema: { tags, querystring: printBatchQuery, response: { 200: pdfFile } } },
    async (request, reply) => {
      const auth = currentAuth(request);
      const q = request.query;
      const ids = q.ids?.length
        ? q.ids
        : await shiftOrderIds(db, auth, q.projectId!, new Date(q.from!), new Date(q.to!));
      return send(request, reply, auth, ids, q);
    },
  );

  app.get(
    '/api/work-orders/:id/print.pdf',
    { onRequest, schema: { tags, params: idParam, querystring: printOneQuery, response: { 200: pdfFile } } },
    async (request, reply) => send(request, reply, currentAuth(request), [request.params.id], request.query),
  );
}
