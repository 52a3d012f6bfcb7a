import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE, classifyDataDir, tornRelationFiles } from './data-dir';

describe('classifyDataDir', () => {
  it.each([
    { entries: null, state: 'absent' },
    { entries: [], state: 'empty' },
    { entries: ['PG_VERSION', 'base', 'global', 'pg_wal'], state: 'initialized' },
    // PG_VERSION lost (a torn directory): opening it would run initdb over the rest.
    { entries: ['base', 'global', 'pg_wal'], state: 'foreign' },
    { entries: ['notes.txt'], state: 'foreign' },
  ] as const)('$entries → $state', ({ entries, state }) => {
    expect(classifyDataDir(entries)).toBe(state);
  });
});

describe('tornRelationFiles', () => {
  it.each([
    { path: 'base/5/16478', size: 0, torn: false },
    { path: 'base/5/16478', size: 3 * BLOCK_SIZE, torn: false },
    { path: 'base/5/16478', size: 100, torn: true },
    { path: 'base/5/16478.1', size: BLOCK_SIZE + 1, torn: true },
    { path: 'base/5/16478_fsm', size: 24_000, torn: true },
    { path: 'base/5/16478_vm', size: BLOCK_SIZE, torn: false },
    // Not relation files: their size means nothing here.
    { path: 'base/5/pg_filenode.map', size: 524, torn: false },
    { path: 'base/5/PG_VERSION', size: 3, torn: false },
    { path: 'global/pg_control', size: 100, torn: false },
  ])('$path of $size bytes → torn: $torn', ({ path, size, torn }) => {
    expect(tornRelationFiles([{ path, size }])).toEqual(torn ? [path] : []);
  });

  it('reports a relation file exactly when its size is not whole pages', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ node: fc.integer({ min: 1, max: 1e6 }), size: fc.nat(1e7) }), {
          maxLength: 30,
        }),
        (rels) => {
          const files = rels.map((r) => ({ path: `base/5/${r.node}`, size: r.size }));
          expect(tornRelationFiles(files)).toEqual(
            files.filter((f) => f.size % BLOCK_SIZE !== 0).map((f) => f.path),
          );
        },
      ),
    );
  });
});
