import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTemplate, TEMPLATE_FALLBACKS, templateVariables, unknownVariables } from './template';

describe('renderTemplate', () => {
  const values = { 'resident.name': '张伟', 'unit.label': '3-1-1201', 'incident.until': '18:00' };
  it.each([
    ['尊敬的{{resident.name}}', '尊敬的张伟'],
    ['{{ resident.name }}您好', '张伟您好'],
    ['{{unit.label}}预计{{incident.until}}恢复', '3-1-1201预计18:00恢复'],
    ['{{resident.name}}{{resident.name}}', '张伟张伟'],
    ['无变量', '无变量'],
    ['{{resident.nmae}}', '{{resident.nmae}}'],
    ['{{project.name}}', '物业'],
    ['{resident.name}', '{resident.name}'],
  ])('%s → %s', (template, want) => {
    expect(renderTemplate(template, values, { 'project.name': '物业' })).toBe(want);
  });

  it('uses fallbacks for missing values', () => {
    expect(renderTemplate('尊敬的{{resident.name}},{{incident.until}}', {}, TEMPLATE_FALLBACKS)).toBe(
      '尊敬的住户,另行通知',
    );
    expect(renderTemplate('{{incident.kind}}', {})).toBe('');
  });

  it.each([
    ['{{a.b}} {{resident.name}} {{a.b}}', ['a.b', 'resident.name'], ['a.b']],
    ['none', [], []],
    ['{{unit.label}}', ['unit.label'], []],
  ])('variables of %s', (template, used, unknown) => {
    expect(templateVariables(template)).toEqual(used);
    expect(unknownVariables(template)).toEqual(unknown);
  });

  it('text without placeholders is returned unchanged; rendering never leaves a known placeholder', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (text, name) => {
        const plain = text.replace(/[{}]/g, '');
        expect(renderTemplate(plain, { 'resident.name': name })).toBe(plain);
        const out = renderTemplate(`${plain}{{resident.name}}${plain}`, {
          'resident.name': name.replace(/[{}]/g, ''),
        });
        expect(out).not.toContain('{{resident.name}}');
      }),
    );
  });
});
