import type { PortalReportForm } from '@guanjia/shared/api';
import { Space, Tag, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type Item = PortalReportForm['items'][number];
interface Node {
  value: number;
  title: string;
  selectable: boolean;
  children: Node[];
}

/** The tree for antd (items arrive parents first, the most used first inside each parent). */
function toTree(items: readonly Item[]): Node[] {
  const nodes = new Map<number, Node>();
  const roots: Node[] = [];
  for (const i of items) nodes.set(i.id, { value: i.id, title: i.name, selectable: true, children: [] });
  for (const i of items) {
    const node = nodes.get(i.id)!;
    const parent = i.parentId === null ? null : nodes.get(i.parentId);
    if (parent) {
      parent.children.push(node);
      // A place or a trade is a heading: the resident picks the problem itself.
      parent.selectable = false;
    } else roots.push(node);
  }
  return roots;
}

/**
 * 问题类型: the problems residents of this estate report most, one tap each, then the whole tree
 * (searchable) for anything else.
 */
export function PortalCategoryPicker({
  form,
  value,
  onChange,
}: {
  form: PortalReportForm | undefined;
  value?: number | null;
  onChange?: (id: number | null) => void;
}) {
  const { t } = useTranslation();
  const tree = useMemo(() => toTree(form?.items ?? []), [form]);
  const byId = useMemo(() => new Map((form?.items ?? []).map((i) => [i.id, i])), [form]);
  const common = (form?.common ?? []).map((id) => byId.get(id)).filter((i): i is Item => !!i);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={6}>
      {common.length > 0 && (
        <div data-testid="portal-common-categories">
          <Typography.Text type="secondary" style={{ marginRight: 6 }}>
            {t('portalReport.common')}
          </Typography.Text>
          {common.map((c) => (
            <Tag.CheckableTag
              key={c.id}
              checked={value === c.id}
              onChange={(on) => onChange?.(on ? c.id : null)}
              style={{ marginBottom: 4, border: '1px solid #d9d9d9' }}
              data-testid={`portal-common-${c.id}`}
            >
              {c.name}
            </Tag.CheckableTag>
          ))}
        </div>
      )}
      <TreeSelect
        size="large"
        style={{ width: '100%' }}
        value={value ?? undefined}
        onChange={(v: number | undefined) => onChange?.(v ?? null)}
        treeData={tree}
        allowClear
        showSearch
        treeNodeFilterProp="title"
        placeholder={t('portalReport.categoryPlaceholder')}
        popupMatchSelectWidth
        data-testid="portal-category"
      />
    </Space>
  );
}
