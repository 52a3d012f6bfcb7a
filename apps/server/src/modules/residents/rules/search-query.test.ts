import { describe, expect, it } from 'vitest';
import { classifySearch } from './search-query';

describe('classifySearch', () => {
  it.each([
    ['13812345678', { kind: 'phone', national: '13812345678' }],
    ['+86 138 1234 5678', { kind: 'phone', national: '13812345678' }],
    ['021-68881234', { kind: 'phone', national: '02168881234' }],
    ['5678', { kind: 'phoneTail', reversed: '8765' }],
    ['345678', { kind: 'phoneTail', reversed: '876543' }],
    ['1381234', { kind: 'phonePrefix', digits: '1381234' }],
    ['3-2-1201', { kind: 'unit', label: '3-2-1201' }],
    ['3-', { kind: 'unit', label: '3-' }],
    ['T1-1501', { kind: 'unit', label: 'T1-1501' }],
    ['3栋2单元1201', { kind: 'unit', label: '3-2-1201' }],
    ['3号楼2单元1201室', { kind: 'unit', label: '3-2-1201' }],
    ['3号楼', { kind: 'unit', label: '3' }],
    ['zsf', { kind: 'pinyin', text: 'zsf' }],
    ['ZhangSan', { kind: 'pinyin', text: 'zhangsan' }],
    ['张三', { kind: 'name', text: '张三' }],
    [' 王 芳 ', { kind: 'name', text: '王芳' }],
  ])('%j', (q, expected) => expect(classifySearch(q)).toEqual(expected));

  it('ignores blank input', () => expect(classifySearch('   ')).toBeNull());
});
