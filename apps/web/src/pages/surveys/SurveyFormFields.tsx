import type { SurveyAnswers, SurveySection } from '@guanjia/shared/api';
import { Checkbox, Form, Input, Radio, Rate, Typography } from 'antd';

/**
 * One questionnaire as form fields: the same form for the resident on the phone (portal, SMS link),
 * the agent on a phone interview and the clerk typing in a paper form.
 */
export function SurveyFormFields({ sections }: { sections: SurveySection[] }) {
  return (
    <>
      {sections.map((s) => (
        <div key={s.title}>
          <Typography.Title level={5}>{s.title}</Typography.Title>
          {s.questions.map((q) => (
            <Form.Item
              key={q.key}
              name={q.key}
              label={q.text}
              rules={q.required ? [{ required: true }] : undefined}
              data-testid={`q-${q.key}`}
            >
              {q.type === 'single' ? (
                <Radio.Group options={(q.options ?? []).map((o) => ({ label: o, value: o }))} />
              ) : q.type === 'multiple' ? (
                <Checkbox.Group options={q.options ?? []} />
              ) : q.type === 'scale5' ? (
                <Rate count={5} />
              ) : q.type === 'scale10' ? (
                <Rate count={10} />
              ) : q.type === 'nps' ? (
                <Radio.Group
                  optionType="button"
                  size="small"
                  options={Array.from({ length: 11 }, (_, i) => ({ label: String(i), value: i }))}
                />
              ) : (
                <Input.TextArea rows={2} maxLength={2000} />
              )}
            </Form.Item>
          ))}
        </div>
      ))}
    </>
  );
}

/** Form values → the answers the API takes (empty answers left out). */
export function answersOf(values: Record<string, unknown>): SurveyAnswers {
  const out: SurveyAnswers = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)) continue;
    if (typeof v === 'number' || typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.map(String);
  }
  return out;
}
