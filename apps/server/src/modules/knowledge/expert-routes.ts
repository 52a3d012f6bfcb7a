import { kbQuestionPageSchema, kbQuestionPublishedSchema, kbQuestionSchema } from '@guanjia/shared/api';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam } from '../../platform/http/pagination';
import { answerQuestion } from './answer-question';
import { askQuestion } from './ask-question';
import { answerInput, askInput, publishQuestionInput, questionListQuery } from './inputs';
import { publishQuestion } from './publish-question';
import { listQuestions, presentQuestion, questionRow, ticketNumbersOf } from './question-queries';

/** 专家席: agents ask (kb.read), experts answer and publish (kb.expert). */
export async function expertRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  app.post(
    '/api/kb/questions',
    {
      onRequest: guard('kb.read'),
      schema: { tags: ['knowledge'], body: askInput, response: { 201: kbQuestionSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await askQuestion(services, currentAuth(request), request.body)),
  );

  app.get(
    '/api/kb/questions',
    {
      onRequest: guard('kb.read'),
      schema: {
        tags: ['knowledge'],
        querystring: questionListQuery,
        response: { 200: kbQuestionPageSchema },
      },
    },
    async (request) => listQuestions(db, currentAuth(request), request.query),
  );

  app.get(
    '/api/kb/questions/:id',
    {
      onRequest: guard('kb.read'),
      schema: { tags: ['knowledge'], params: idParam, response: { 200: kbQuestionSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const row = await questionRow(db, auth, request.params.id);
      const numbers = await ticketNumbersOf(db, auth, row.memberTicketIds);
      return presentQuestion(auth, row, {
        memberTickets: row.memberTicketIds.flatMap((id) => {
          const number = numbers.get(id);
          return number ? [{ id, number }] : [];
        }),
      });
    },
  );

  app.post(
    '/api/kb/questions/:id/answer',
    {
      onRequest: guard('kb.expert'),
      schema: {
        tags: ['knowledge'],
        params: idParam,
        body: answerInput,
        response: { 200: kbQuestionSchema },
      },
    },
    async (request) => answerQuestion(services, currentAuth(request), request.params.id, request.body),
  );

  app.post(
    '/api/kb/questions/:id/publish',
    {
      onRequest: guard('kb.expert', 'kb.write'),
      schema: {
        tags: ['knowledge'],
        params: idParam,
        body: publishQuestionInput,
        response: { 201: kbQuestionPublishedSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await publishQuestion(services, currentAuth(request), request.params.id, request.body)),
  );
}
