import { queryBigrams } from './search-terms';

/** Query expansion never adds more than this many terms: each is one more index lookup. */
export const MAX_EXPANSION_TERMS = 12;

/** A group's terms as stored and compared: trimmed, lower-case, at least two characters, no repeats. */
export function normalizeTerms(terms: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of terms) {
    const term = raw.trim().toLowerCase().replace(/\s+/g, '');
    if ([...term].length >= 2 && !out.includes(term)) out.push(term);
  }
  return out;
}

/**
 * The other words a search means: for every group with a term inside the query (spaces ignored, so
 * 水管 爆了 counts as 水管爆了), the group's terms the query does not already contain, in group order,
 * at most `max`. 水管爆了 with the group [漏水, 爆管, 水管爆了] → [漏水, 爆管].
 */
export function expandQuery(
  text: string,
  groups: readonly (readonly string[])[],
  max = MAX_EXPANSION_TERMS,
): string[] {
  const query = text.toLowerCase().replace(/\s+/g, '');
  if (!query) return [];
  const out: string[] = [];
  for (const group of groups) {
    const terms = normalizeTerms(group);
    if (!terms.some((term) => query.includes(term))) continue;
    for (const term of terms) {
      if (out.length >= max) return out;
      if (!query.includes(term) && !out.includes(term)) out.push(term);
    }
  }
  return out;
}

/** The two-character pieces an article must hold all of to contain the term (the bigram index). */
export const termPieces = (term: string): string[] =>
  queryBigrams(term).filter((piece) => [...piece].length === 2);

/**
 * The common words of a property service center, grouped by meaning (from the seed documents' service
 * standards and the calls they describe): seeded for every company, edited in the console afterwards.
 */
export const STANDARD_SYNONYMS: readonly (readonly string[])[] = [
  ['漏水', '爆管', '水管爆了', '水管爆裂', '水管破裂', '管道破裂', '跑水', '水管破了'],
  ['渗水', '渗漏', '返潮', '洇水', '墙面渗水'],
  ['堵塞', '堵了', '不通', '下水不畅', '返水', '冒水'],
  ['下水道', '排水管', '污水管', '地漏'],
  ['马桶', '坐便器', '座便器', '厕所'],
  ['停电', '断电', '没电', '跳闸', '漏电'],
  ['停水', '断水', '没水', '水压低', '水小'],
  ['电梯困人', '困电梯', '关在电梯', '电梯停了', '电梯故障'],
  ['门禁', '门禁卡', '门卡', '刷卡', '单元门', '可视对讲'],
  ['钥匙', '门锁', '开锁', '锁芯'],
  ['噪音', '噪声', '扰民', '吵闹', '太吵'],
  ['装修', '施工', '装潢', '翻新'],
  ['装修押金', '装修保证金', '押金'],
  ['违建', '违章搭建', '私搭乱建', '加建'],
  ['宠物', '养狗', '狗叫', '遛狗', '犬只'],
  ['垃圾', '垃圾清运', '垃圾桶', '建筑垃圾', '垃圾房'],
  ['保洁', '卫生', '清洁', '打扫'],
  ['绿化', '草坪', '树木', '修剪', '园林'],
  ['车位', '停车位', '车库', '地下车库'],
  ['停车', '停车费', '月卡', '临停', '道闸'],
  ['违停', '乱停', '占用车位', '堵车位', '挡车'],
  ['快递', '包裹', '快件', '外卖', '快递柜'],
  ['物业费', '管理费', '服务费', '物管费'],
  ['发票', '收据', '开票'],
  ['维修基金', '专项维修资金', '公共维修基金'],
  ['监控', '摄像头', '录像', '调监控'],
  ['消防', '消防栓', '灭火器', '烟感', '消防通道'],
  ['空调', '冷气', '空调外机'],
  ['暖气', '供暖', '采暖', '暖气片', '地暖'],
  ['燃气', '煤气', '天然气', '燃气泄漏'],
  ['异味', '臭味', '味道大', '气味'],
  ['蟑螂', '老鼠', '白蚁', '虫害', '消杀'],
  ['外墙', '墙皮', '脱落', '开裂', '掉皮'],
  ['防水', '屋面', '天面', '楼顶漏水', '顶楼漏水'],
  ['路灯', '楼道灯', '灯不亮', '照明'],
  ['访客', '来访', '外来人员', '陌生人'],
  ['保安', '秩序维护', '门岗', '巡逻'],
  ['高空抛物', '乱扔', '往下扔'],
  ['电动车', '电瓶车', '充电桩', '飞线充电'],
  ['投诉', '不满意', '举报', '意见反映'],
  ['报修', '维修', '修理', '上门维修'],
];
