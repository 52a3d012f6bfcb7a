import type { TicketType } from '@guanjia/shared';

const PLACES = ['厨房', '卫生间', '客厅', '主卧', '次卧', '阳台', '门口', '楼道', '地下车库', '电梯厅'];
const ASKS = [
  '麻烦尽快安排师傅上门',
  '已经好几天了，请尽快处理',
  '晚上七点以后家里有人',
  '请先电话联系再上门',
  '楼下邻居也反映了',
  '老人在家，请注意时间',
  '周末上午方便',
  '上次修过又坏了',
];
const FREE: Record<Exclude<TicketType, '报修' | '投诉'>, string[]> = {
  咨询: ['物业费怎么缴纳', '装修需要办理什么手续', '快递柜在哪里', '停车月卡怎么办理', '门禁卡丢了怎么补办'],
  建议: ['建议增加儿童游乐设施', '建议晚上延长路灯时间', '建议增设电动车充电桩', '建议定期清洗外墙'],
  求助: ['钥匙锁在家里了', '家里老人摔倒需要帮忙', '需要帮忙搬运大件家具', '宠物走失请帮忙留意'],
  表扬: ['维修师傅服务很好', '保安大哥帮忙很及时', '客服态度非常好', '保洁阿姨很负责'],
};

/** A resident's words for a request: the problem, where, and when to come — varied but deterministic. */
export function descriptionOf(type: TicketType, pathNames: string | null, pick: number): string {
  const place = PLACES[pick % PLACES.length];
  const ask = ASKS[Math.floor(pick / PLACES.length) % ASKS.length];
  if (type === '报修' || type === '投诉') {
    const problem = pathNames?.split('/').pop() ?? (type === '投诉' ? '服务问题' : '设施损坏');
    return type === '报修' ? `${place}${problem}，${ask}` : `${problem}：${place}一带，${ask}`;
  }
  const list = FREE[type];
  return `${list[pick % list.length]}（${place}）`;
}
