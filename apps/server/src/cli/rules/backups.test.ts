import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupSchedule, beyondRetention, restoreCandidates, restoreCommand, timestampName } from './backups';

describe('backupSchedule', () => {
  it.each([
    { env: {}, everyMs: 15 * 60_000, keep: 24 },
    { env: { GUANJIA_BACKUP_EVERY_MINUTES: '', GUANJIA_BACKUP_KEEP: '' }, everyMs: 15 * 60_000, keep: 24 },
    { env: { GUANJIA_BACKUP_EVERY_MINUTES: '60', GUANJIA_BACKUP_KEEP: '3' }, everyMs: 3_600_000, keep: 3 },
    { env: { GUANJIA_BACKUP_EVERY_MINUTES: '0' }, everyMs: 0, keep: 24 },
    { env: { GUANJIA_BACKUP_EVERY_MINUTES: '0.005' }, everyMs: 300, keep: 24 },
  ])('$env → every $everyMs ms, keep $keep', ({ env, everyMs, keep }) => {
    expect(backupSchedule(env)).toEqual({ everyMs, keep });
  });

  it.each([
    { GUANJIA_BACKUP_EVERY_MINUTES: '-1' },
    { GUANJIA_BACKUP_KEEP: '0' },
    { GUANJIA_BACKUP_KEEP: 'x' },
  ])('refuses %o', (env) => {
    expect(() => backupSchedule(env)).toThrow();
  });
});

describe('beyondRetention', () => {
  const auto = (minute: number) => timestampName('guanjia-auto', new Date(Date.UTC(2025, 11, 6, 2, minute)));

  it('deletes the oldest of the series only', () => {
    const names = [
      auto(45),
      auto(0),
      auto(30),
      auto(15),
      'guanjia-shutdown-2025-01-01T00-00-00-000Z.tar.gz',
      'guanjia-auto-2025-12-06T03-00-00-000Z.tar.gz.partial',
      'mine.tar.gz',
    ];
    expect(beyondRetention(names, 'guanjia-auto', 2)).toEqual([auto(0), auto(15)]);
    expect(beyondRetention(names, 'guanjia-auto', 5)).toEqual([]);
  });

  it('keeps exactly the newest `keep` of any series', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 50 }),
        (minutes, keep) => {
          const names = minutes.map(auto);
          const gone = new Set(beyondRetention(names, 'guanjia-auto', keep));
          const kept = names.filter((n) => !gone.has(n)).sort();
          expect(kept).toEqual([...names].sort().slice(-keep));
        },
      ),
    );
  });
});

describe('restoreCandidates', () => {
  it('lists finished, non-empty dumps newest first by written time', () => {
    const files = [
      { name: 'guanjia-auto-a.tar.gz', size: 10, mtimeMs: 1 },
      { name: 'mine.tar.gz', size: 10, mtimeMs: 3 },
      { name: 'guanjia-auto-b.tar.gz.partial', size: 10, mtimeMs: 4 },
      { name: 'guanjia-auto-c.tar.gz', size: 0, mtimeMs: 5 },
      { name: 'guanjia-shutdown-d.tar.gz', size: 10, mtimeMs: 2 },
      { name: 'notes.txt', size: 10, mtimeMs: 6 },
    ];
    expect(restoreCandidates(files).map((f) => f.name)).toEqual([
      'mine.tar.gz',
      'guanjia-shutdown-d.tar.gz',
      'guanjia-auto-a.tar.gz',
    ]);
  });
});

describe('restoreCommand', () => {
  it.each([
    {
      file: '/srv/gj/backups/guanjia-auto-x.tar.gz',
      env: undefined,
      cmd: 'npm run restore -- /srv/gj/backups/guanjia-auto-x.tar.gz',
    },
    {
      file: '/srv/gj/backups/a.tar.gz',
      env: '/srv/gj/data',
      cmd: 'GUANJIA_DATA_DIR=/srv/gj/data npm run restore -- /srv/gj/backups/a.tar.gz',
    },
    {
      file: "/mnt/我的 备份/it's.tar.gz",
      env: undefined,
      cmd: `npm run restore -- '/mnt/我的 备份/it'\\''s.tar.gz'`,
    },
  ])('$file', ({ file, env, cmd }) => {
    expect(restoreCommand(file, env)).toBe(cmd);
  });
});
