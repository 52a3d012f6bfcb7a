import type { TicketType } from '@guanjia/shared';
import { createRng, type Rng } from '../../../seed/prng';
import { LEAF_POOLS, type LeafPool } from './phrases';

export type Urgency = 'urgent' | 'normal' | 'scheduled';

export interface LabelledText {
  text: string;
  path: string;
  type: TicketType;
  urgency: Urgency;
}

const ROOMS = ['厨房', '卫生间', '洗手间', '主卧', '次卧', '客厅', '阳台', '书房', '厕所', '浴室'];
const BUILDINGS = ['5号楼', '3栋', '12幢', '七号楼', '2单元', '18栋', '1号楼', '九栋', 'A座', '6幢2单元'];
const TIMES = [
  '昨天晚上',
  '今天早上',
  '刚才',
  '从上周开始',
  '这两天',
  '半夜',
  '中午',
  '前天',
  '一大早',
  '下班回来',
];
const OPENINGS = [
  '',
  '',
  '',
  '你好,',
  '喂,',
  '物业吗,',
  '您好,',
  '我是{楼}1102的,',
  '我是{楼}业主,',
  '我家住{楼}302,',
  '麻烦问下,',
  '那个,',
  '师傅,',
  '管家你好,',
  '我想反映一下,',
  '急!',
  '在吗,',
];
const CLOSINGS = [
  '',
  '',
  '',
  ',麻烦派人来看一下',
  ',赶紧来修',
  ',什么时候能处理',
  ',尽快啊',
  ',谢谢',
  '。',
  '!!',
  ',快点来人',
  ',搞快点',
  ',好久了',
  ',请处理一下',
  '~',
  ',咋整',
  ',晓得不',
  ',麻烦了哈',
];
const SCHEDULE = [
  ',明天上午在家,约个时间',
  ',我周末在家,预约一下',
  ',等我下班后再来',
  ',下午在家,方便的时候来',
  ',不着急,下周来也行',
];
const COMPLAIN = [
  '报修好几天了都没人来,',
  '又坏了,第三次了,',
  '你们到底管不管,',
  '我要投诉,',
  '反映好几次了没人处理,',
];
const HELP = ['能不能帮个忙,', '求助,', '麻烦帮帮忙,'];
const PRAISE = [
  '上次{p}的事,师傅修得很好,表扬一下',
  '感谢物业,{p}的问题很快就处理好了',
  '给维修师傅点赞,{p}修得又快又好',
];
const SUGGEST = ['建议物业定期检查一下,最近老是{p}', '提个建议:{p}这种事能不能提前通知'];

/** Common typos and spoken variants, applied to a share of texts so the model meets them. */
const TYPOS: readonly [string, string][] = [
  ['燃气', '然气'],
  ['电梯', '电提'],
  ['马桶', '马通'],
  ['没有', '木有'],
  ['什么', '啥'],
  ['怎么', '咋'],
  ['漏水', '露水'],
  ['堵了', '赌了'],
  ['坏了', '怀了'],
  ['修', '休'],
  ['下水道', '下水到'],
  ['门锁', '门琐'],
];

function fill(rng: Rng, s: string): string {
  return s
    .replace(/\{房\}/g, () => rng.pick(ROOMS))
    .replace(/\{楼\}/g, () => rng.pick(BUILDINGS))
    .replace(/\{时\}/g, () => rng.pick(TIMES));
}

function typo(rng: Rng, s: string): string {
  const options = TYPOS.filter(([a]) => s.includes(a));
  if (!options.length) return s;
  const [a, b] = rng.pick(options);
  return s.replace(a, b);
}

function one(rng: Rng, leaf: LeafPool): LabelledText {
  const urgentPool = leaf.urgent ?? [];
  const urgent = urgentPool.length > 0 && (leaf.calm.length === 0 || rng.chance(0.5));
  const core = fill(rng, rng.pick(urgent ? urgentPool : leaf.calm));
  let type: TicketType = leaf.type;
  let urgency: Urgency = urgent ? 'urgent' : 'normal';
  let text: string;
  const r = rng.next();
  if (!urgent && leaf.type === '报修' && r < 0.08) {
    type = '投诉';
    text = rng.pick(COMPLAIN) + core;
  } else if (!urgent && leaf.type === '报修' && r < 0.12) {
    type = '表扬';
    text = rng.pick(PRAISE).replace('{p}', core);
  } else if (!urgent && leaf.type !== '咨询' && r < 0.16) {
    type = '建议';
    text = rng.pick(SUGGEST).replace('{p}', core);
  } else if (!urgent && r < 0.2) {
    type = leaf.type === '报修' ? '求助' : leaf.type;
    text = rng.pick(HELP) + core;
  } else {
    text = fill(rng, rng.pick(OPENINGS)) + core;
    if (!urgent && leaf.type === '报修' && rng.chance(0.15)) {
      text += rng.pick(SCHEDULE);
      urgency = 'scheduled';
    } else text += rng.pick(CLOSINGS);
  }
  if (rng.chance(0.15)) text = typo(rng, text);
  if (rng.chance(0.1)) text = text.replace(/,/g, ' ');
  return { text, path: leaf.path, type, urgency };
}

/**
 * The shipped training set: `perLeaf` texts for every leaf, from the phrase pools with a fixed seed,
 * so every start of every node trains the same base model. Deterministic, a few milliseconds.
 */
export function generateTrainingSet(perLeaf = 70, seed = 20_260_601): LabelledText[] {
  const rng = createRng(seed);
  const out: LabelledText[] = [];
  for (const leaf of LEAF_POOLS) for (let i = 0; i < perLeaf; i++) out.push(one(rng, leaf));
  return out;
}
