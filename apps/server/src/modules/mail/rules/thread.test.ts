import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMessageIds, replyHeaders, resolveThread, threadCandidates } from './thread';

const messageId = fc
  .tuple(fc.stringMatching(/^[a-z0-9.]{1,12}$/), fc.stringMatching(/^[a-z0-9]{1,8}\.[a-z]{2,4}$/))
  .map(([l, d]) => `${l}@${d}`);

describe('parseMessageIds', () => {
  it.each<[string | string[] | undefined, string[]]>([
    ['<a@x.cn>', ['a@x.cn']],
    ['<a@x.cn> <b@y.cn>\r\n <c@z.cn>', ['a@x.cn', 'b@y.cn', 'c@z.cn']],
    [
      ['<a@x.cn>', '<b@y.cn>'],
      ['a@x.cn', 'b@y.cn'],
    ],
    ['<a@x.cn> <a@x.cn>', ['a@x.cn']],
    ['bare@x.cn', ['bare@x.cn']],
    [undefined, []],
    ['', []],
  ])('%j → %j', (header, expected) => expect(parseMessageIds(header)).toEqual(expected));

  it('reads back what bracketing wrote', () => {
    fc.assert(
      fc.property(fc.uniqueArray(messageId), (ids) => {
        expect(parseMessageIds(ids.map((i) => `<${i}>`).join(' '))).toEqual(ids);
      }),
    );
  });
});

describe('resolveThread', () => {
  const known = new Map([
    ['root@x.cn', 7],
    ['other@x.cn', 9],
  ]);
  it.each<[string, string[], string[], number | null, number | null]>([
    ['In-Reply-To known', ['root@x.cn'], [], null, 7],
    ['only References known', ['unknown@y.cn'], ['root@x.cn', 'unknown@y.cn'], null, 7],
    ['nearest known id wins', ['other@x.cn'], ['root@x.cn'], null, 9],
    ['newest reference wins', [], ['root@x.cn', 'other@x.cn'], null, 9],
    ['subject number as fallback', ['lost@y.cn'], [], 3, 3],
    ['header beats subject', ['root@x.cn'], [], 3, 7],
    ['nothing known: new ticket', ['lost@y.cn'], [], null, null],
  ])('%s', (_name, inReplyTo, references, subject, expected) =>
    expect(resolveThread(threadCandidates(inReplyTo, references), known, subject)).toBe(expected),
  );

  it('a reply to any message of a thread finds the thread', () => {
    fc.assert(
      fc.property(fc.uniqueArray(messageId, { minLength: 1, maxLength: 10 }), fc.nat(), (thread, pick) => {
        const knownIds = new Map(thread.map((id) => [id, 42]));
        const parent = thread[pick % thread.length] as string;
        const headers = replyHeaders({
          messageId: parent,
          references: thread.slice(0, pick % thread.length),
        });
        const found = resolveThread(
          threadCandidates([headers.inReplyTo], headers.references),
          knownIds,
          null,
        );
        expect(found).toBe(42);
      }),
    );
  });
});

describe('replyHeaders', () => {
  it('answers the parent and appends it to its chain', () => {
    expect(replyHeaders({ messageId: 'b@x', references: ['a@x'] })).toEqual({
      inReplyTo: 'b@x',
      references: ['a@x', 'b@x'],
    });
    expect(replyHeaders({ messageId: 'a@x', references: [] })).toEqual({
      inReplyTo: 'a@x',
      references: ['a@x'],
    });
  });

  it('keeps the root and the parent and stays within the cap', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(messageId, { minLength: 2, maxLength: 60 }),
        fc.integer({ min: 2, max: 30 }),
        (ids, max) => {
          const parent = ids[ids.length - 1] as string;
          const { references } = replyHeaders({ messageId: parent, references: ids.slice(0, -1) }, max);
          expect(references.length).toBeLessThanOrEqual(max);
          expect(references[0]).toBe(ids[0]);
          expect(references[references.length - 1]).toBe(parent);
        },
      ),
    );
  });
});
