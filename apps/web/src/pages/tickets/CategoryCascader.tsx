import { Cascader } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCategoryOptions } from '../../api/serviceHooks';

/**
 * The project's category tree (place › category › problem) as a searchable cascader. The value is the
 * path of ids, root first, as antd keeps it; the ticket stores the last one. Any level can be chosen:
 * a correction or a complaint is often only known as "公共区域 › 秩序".
 */
export function CategoryCascader({
  projectId,
  value,
  onChange,
  testId,
  autoFocus,
}: {
  projectId: number;
  value?: number[];
  onChange?: (path: number[] | undefined) => void;
  testId?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const { options } = useCategoryOptions(projectId);
  return (
    <Cascader
      options={options}
      value={value}
      changeOnSelect
      autoFocus={autoFocus}
      placeholder={t('intake.categoryPlaceholder')}
      showSearch={{
        filter: (input, path) =>
          path.some((o) => String(o.label).toLowerCase().includes(input.toLowerCase())),
      }}
      onChange={(v) => onChange?.(v?.length ? (v as number[]) : undefined)}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

/** The category path (root first) of a category id, from the project's flat category rows. */
export function categoryPathOf(
  byId: ReadonlyMap<number, { pathIds: number[] }>,
  categoryId: number | null,
): number[] | undefined {
  return categoryId ? byId.get(categoryId)?.pathIds : undefined;
}
