import { describe, expect, it } from 'vitest';
import { namePinyin } from './name-pinyin';

describe('namePinyin', () => {
  it.each([
    ['张三丰', 'zhangsanfeng', 'zsf'],
    ['王芳', 'wangfang', 'wf'],
    // Surname readings: 单 is shan, 曾 is zeng, 区 is ou when they are surnames.
    ['单雪梅', 'shanxuemei', 'sxm'],
    ['曾小贤', 'zengxiaoxian', 'zxx'],
    ['吕布', 'lvbu', 'lb'],
    ['Tom李', 'tomli', 'tl'],
  ])('%s → %s / %s', (name, full, initials) => expect(namePinyin(name)).toEqual({ full, initials }));
});
