import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageLocale } from './request-locale';
import { chineseOf, translateDetails, translateIssueMessage, translateMessage } from './translate-error';
import { BY_CODE } from './zh-messages';

const HAN = /\p{Script=Han}/u;
const serverSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') && !name.includes('.test.') ? [full] : [];
  });
}

describe('Accept-Language', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-TW,zh;q=0.9', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en;q=0.4, zh-CN;q=0.8', 'zh-CN'],
    ['fr-FR, de;q=0.5', 'en'],
    ['fr-FR, zh;q=0.1', 'zh-CN'],
    ['zh;q=0, en', 'en'],
    [['zh-CN', 'en;q=0.5'], 'zh-CN'],
  ] as const)('%j → %s', (header, expected) => {
    expect(messageLocale(header as string | string[] | undefined)).toBe(expected);
  });

  it('always answers one of the two languages, whatever the header', () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        expect(['zh-CN', 'en']).toContain(messageLocale(header));
      }),
    );
  });
});

describe('server error messages in Chinese', () => {
  it.each([
    ['Ticket not found', 'not_found', '工单不存在'],
    ['Work order not found', 'not_found', '派工单不存在'],
    ['Missing permission settings.read', 'forbidden', '缺少权限：settings.read'],
    [
      'Setting was changed by someone else; reload and try again',
      'version_conflict',
      '设置已被他人修改，请刷新后重试',
    ],
    ['Ticket: "close" is not possible from 处理中', 'invalid_transition', '工单：当前状态「处理中」不能关闭'],
    ['Work order: a reason is required', 'invalid_transition', '派工单：请填写原因'],
    [
      'At most 5 reports a day; please call the service centre',
      'daily_limit',
      '每天最多报事 5 条，请致电服务中心',
    ],
    [
      'This message reaches 812 residents (more than 500): a second person must approve it',
      'approval_required',
      '本条消息将发给 812 位住户（超过 500 位），须由另一人审批后才能发出',
    ],
    ['Synonym group not found', 'not_found', '同义词组不存在'],
    ['The article is already published', 'conflict', '该文章已发布'],
    ['Something nobody translated yet', 'conflict', BY_CODE.conflict],
    ['Something nobody translated yet', 'brand_new_code', '请求未能完成'],
  ])('%s', (message, code, zh) => {
    expect(translateMessage(message, code, 'zh-CN')).toBe(zh);
    expect(translateMessage(message, code, 'en')).toBe(message);
  });

  it('zod’s own messages read zod’s Chinese; a schema’s own message reads the catalog', () => {
    const invalidType = {
      code: 'invalid_type',
      expected: 'string',
      message: 'Invalid input: expected string, received undefined',
    };
    expect(translateIssueMessage(invalidType, 'zh-CN')).toMatch(HAN);
    expect(translateIssueMessage(invalidType, 'en')).toBe(invalidType.message);
    const custom = { code: 'custom', message: 'from must be before to' };
    expect(translateIssueMessage(custom, 'zh-CN')).toBe('开始时间须早于结束时间');
    expect(translateDetails([{ path: 'body.name', message: 'a reason is required' }], 'zh-CN')).toEqual([
      { path: 'body.name', message: '请填写原因' },
    ]);
    expect(translateDetails({ permission: 'x' }, 'zh-CN')).toEqual({ permission: 'x' });
  });

  it('every literal message the server throws has its Chinese', () => {
    const call =
      /\b(?:notFound|conflict|badRequest|unauthorized|staleVersion)\(\s*'((?:[^'\\]|\\.)+)'|new AppError\(\s*[^,]+,\s*'[a-z_]+',\s*'((?:[^'\\]|\\.)+)'/g;
    const missing: string[] = [];
    let seen = 0;
    for (const file of sources(serverSrc)) {
      for (const m of readFileSync(file, 'utf8').matchAll(call)) {
        seen++;
        const message = (m[1] ?? m[2] ?? '').replace(/\\'/g, "'");
        // staleVersion and notFound take the thing's name, not a sentence.
        const sentence = m[0].startsWith('notFound')
          ? `${message} not found`
          : m[0].startsWith('staleVersion')
            ? `${message} was changed by someone else; reload and try again`
            : message;
        if (!chineseOf(sentence)) missing.push(`${path.relative(serverSrc, file)}: ${sentence}`);
      }
    }
    expect(seen).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});
