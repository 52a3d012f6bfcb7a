import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';
import type { ForbiddenPhrase } from './rules/forbidden';

const INSTEAD_UNSURE = '对不起，这个问题我不太清楚，我帮您汇报后尽快给您回复。';

/** Requirements §6.6 服务禁用语, phone-specific ones included. */
export const FORBIDDEN_DEFAULT: ForbiddenPhrase[] = [
  { phrase: '我们不管', instead: '这个问题我帮您联系相关单位，并把结果告诉您。' },
  { phrase: '我不管', instead: '这个问题我帮您联系相关单位，并把结果告诉您。' },
  { phrase: '跟我们没关系', instead: '我先帮您登记，协调开发商/相关单位处理。' },
  { phrase: '没办法解决', instead: INSTEAD_UNSURE },
  { phrase: '没办法', instead: INSTEAD_UNSURE },
  { phrase: '随便', instead: '谢谢您的意见，我们会认真考虑。' },
  { phrase: '我不知道', instead: INSTEAD_UNSURE },
  { phrase: '不知道', instead: INSTEAD_UNSURE },
  { phrase: '不清楚', instead: INSTEAD_UNSURE },
  { phrase: '等一会', instead: '请稍候，我马上为您安排。' },
  { phrase: '没时间', instead: '我们尽快为您安排，稍后回复您具体时间。' },
  { phrase: '不行', instead: '我帮您看看还有什么办法。' },
  { phrase: '这是某某的事', instead: '我帮您联系负责的同事，并跟进到底。' },
  { phrase: '喂', instead: '您好，××物业服务中心。' },
  { phrase: '找谁', instead: '请问您找哪位？' },
  { phrase: '什么事', instead: '请问有什么可以帮您？' },
  { phrase: '你是谁', instead: '请问您贵姓？' },
  { phrase: '干什么的', instead: '请问有什么可以帮您？' },
  { phrase: '快点', instead: '请您慢慢说，我在记录。' },
  { phrase: '烦死了', instead: '非常理解您的心情。' },
];

export const FORBIDDEN_PHRASES = defineSetting({
  key: 'scripts.forbiddenPhrases',
  schema: z
    .array(z.object({ phrase: z.string().trim().min(1).max(20), instead: z.string().max(200).optional() }))
    .max(200),
  defaultValue: FORBIDDEN_DEFAULT,
  description: 'Forbidden phrases (requirements §6.6) flagged in notes and answers, with what to say instead',
});

/** Standard phrases per situation (requirements §6.6 script library, W-01, Q02). */
export const STANDARD_SCRIPTS = defineSetting({
  key: 'scripts.standard',
  schema: z.record(z.string().min(1).max(40), z.array(z.string().min(1).max(300)).max(20)),
  defaultValue: {
    greeting: ['您好，××物业服务中心，请问有什么可以帮您？'],
    lateAnswer: ['不好意思，刚才有事走开了，让您久等了。'],
    hold: ['请稍候。', '对不起，让您久等了。'],
    transfer: ['请稍候，我为您转接。', '他暂时不在，需要我转告吗？'],
    soothing: ['非常理解您的心情，我马上帮您处理。', '给您带来不便，非常抱歉。'],
    unsure: ['对不起，这个问题我不太清楚，我帮您汇报后尽快给您回复。'],
    closing: ['请问还有什么可以帮您？', '感谢您的来电，再见。'],
    complaintClosing: ['谢谢您的信任，我们会跟进到底。'],
  } as Record<string, string[]>,
  qid: 'Q02',
  description:
    'Standard phrases shown to agents per situation (greeting, Q02 late-answer apology, closing …)',
});
