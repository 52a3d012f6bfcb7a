import { ApartmentOutlined, BankOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { UnitStatus, UnitType } from '@guanjia/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Card,
  Dropdown,
  Empty,
  Input,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  Tree,
  type TreeDataNode,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useEstateTree } from '../../api/hooks';
import type { Building, Page, Project, Unit } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { formatArea, formatDate } from '../../format';
import { UNIT_STATUS_COLOR, useVocab } from '../../vocab';
import { BuildingModal, ProjectModal, UnitCreateModal } from './EstateForms';
import { EstateScopeCard } from './EstateScopeCard';
import { UnitDrawer } from './UnitDrawer';

type Modal =
  | { kind: 'project'; project: Project | null }
  | { kind: 'building'; building: Building | null }
  | { kind: 'unit' }
  | null;

export default function EstatePage() {
  const { t } = useTranslation();
  const vocab = useVocab();
  const { can, user, projectId: currentProjectId, setProjectId, projects } = useAuth();
  const [params, setParams] = useSearchParams();
  const tree = useEstateTree();

  const projectId = currentProjectId;
  const buildingParam = Number(params.get('building')) || null;
  const status = (params.get('status') as UnitStatus | null) ?? undefined;
  const type = (params.get('type') as UnitType | null) ?? undefined;
  const q = params.get('q') ?? '';
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const [search, setSearch] = useState(q);
  const [openUnit, setOpenUnit] = useState<number | null>(null);
  const [modal, setModal] = useState<Modal>(null);
  useEffect(() => setSearch(q), [q]);

  const update = (changes: Record<string, string | number | null | undefined>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (resetPage && !('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const projectsInTree = tree.data?.items ?? [];
  const treeProject = projectsInTree.find((p) => p.id === projectId) ?? null;
  // The header's project is the page's project; a building of another project (stale link) is ignored.
  const selectedBuilding = treeProject?.buildings.find((b) => b.id === buildingParam) ?? null;
  const buildingId = selectedBuilding?.id ?? null;
  const projectDetail = projects.find((p) => p.id === projectId) ?? null;

  const building = useQuery({
    queryKey: ['building', buildingId],
    queryFn: () => api.get<Building>(`/api/buildings/${buildingId}`),
    enabled: buildingId !== null,
  });

  const filters = {
    projectId: buildingId ? undefined : (projectId ?? undefined),
    buildingId: buildingId ?? undefined,
    status,
    type,
    q: q || undefined,
  };
  const units = useQuery({
    queryKey: ['units', filters, page, pageSize],
    queryFn: () => api.get<Page<Unit>>('/api/units', { ...filters, page, pageSize }),
    enabled: Boolean(projectId || buildingId),
    placeholderData: keepPreviousData,
  });

  const treeData = useMemo<TreeDataNode[]>(
    () =>
      projectsInTree.map((p) => ({
        key: `p:${p.id}`,
        icon: <BankOutlined />,
        title: (
          <span data-testid={`tree-project-${p.code}`}>
            {p.name} <Typography.Text type="secondary">{p.code}</Typography.Text>
          </span>
        ),
        children: p.buildings.map((b) => ({
          key: `b:${b.id}`,
          icon: <ApartmentOutlined />,
          isLeaf: true,
          title: (
            <span
              data-testid={`tree-building-${b.id}`}
              style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}
            >
              {b.name}
              <Badge
                count={b.units}
                showZero
                overflowCount={9999}
                color={b.units ? '#1677ff' : '#d9d9d9'}
                size="small"
                title={t('estate.tree.unitCount', { count: b.units })}
              />
            </span>
          ),
        })),
      })),
    [projectsInTree, t],
  );

  const selectedKey = buildingId ? `b:${buildingId}` : projectId ? `p:${projectId}` : undefined;
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const expandedKeys = expanded ?? projectsInTree.map((p) => `p:${p.id}`);

  const onSelect = (key: string) => {
    const [kind, raw] = key.split(':');
    const id = Number(raw);
    if (kind === 'p') {
      setProjectId(id);
      update({ building: null });
    } else {
      const owner = projectsInTree.find((p) => p.buildings.some((b) => b.id === id));
      if (owner) setProjectId(owner.id);
      update({ building: id });
    }
  };

  const columns: TableProps<Unit>['columns'] = [
    {
      title: t('estate.unit.label'),
      dataIndex: 'label',
      render: (label: string, u) => (
        <Typography.Link onClick={() => setOpenUnit(u.id)} data-testid={`unit-label-${label}`}>
          {label}
        </Typography.Link>
      ),
    },
    {
      title: t('estate.unit.entrance'),
      dataIndex: 'entrance',
      width: 90,
      render: (v: string | null) => v || '—',
    },
    { title: t('estate.unit.floor'), dataIndex: 'floor', width: 80, render: (v: number | null) => v ?? '—' },
    { title: t('estate.unit.room'), dataIndex: 'room', width: 100 },
    {
      title: t('estate.unit.type'),
      dataIndex: 'type',
      width: 100,
      render: (v: UnitType) => <Tag>{vocab.unitType(v)}</Tag>,
    },
    {
      title: t('estate.unit.status'),
      dataIndex: 'status',
      width: 110,
      render: (v: UnitStatus) => <Tag color={UNIT_STATUS_COLOR[v]}>{vocab.unitStatus(v)}</Tag>,
    },
    {
      title: t('estate.unit.area'),
      dataIndex: 'areaM2',
      width: 120,
      align: 'right',
      render: (v: number | null) => formatArea(v),
    },
    {
      title: t('estate.unit.handoverDate'),
      dataIndex: 'handoverDate',
      width: 130,
      render: (v: string | null) => formatDate(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_: unknown, u) => (
        <Typography.Link onClick={() => setOpenUnit(u.id)}>{t('common.detail')}</Typography.Link>
      ),
    },
  ];

  const writable = can('estate.write');
  const scopeTitle = selectedBuilding
    ? `${treeProject?.name ?? ''} / ${selectedBuilding.name}`
    : (treeProject?.name ?? t('estate.title'));

  return (
    <div>
      <PageHeader
        title={t('estate.title')}
        subTitle={t('estate.subtitle')}
        extra={
          writable && (
            <Dropdown
              menu={{
                items: [
                  ...(user?.allProjects ? [{ key: 'project', label: t('estate.project.create') }] : []),
                  { key: 'building', label: t('estate.building.create'), disabled: !projectId },
                  { key: 'unit', label: t('estate.unit.create'), disabled: !treeProject?.buildings.length },
                ],
                onClick: ({ key }) => {
                  if (key === 'project') setModal({ kind: 'project', project: null });
                  if (key === 'building') setModal({ kind: 'building', building: null });
                  if (key === 'unit') setModal({ kind: 'unit' });
                },
              }}
            >
              <Button type="primary" icon={<PlusOutlined />} data-testid="estate-create">
                {t('common.create')}
              </Button>
            </Dropdown>
          )
        }
      />
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Card
          title={t('estate.tree.title')}
          size="small"
          style={{ width: 300, flex: '0 0 300px' }}
          extra={
            <Button
              type="text"
              size="small"
              icon={<ReloadOutlined />}
              onClick={() => void tree.refetch()}
              aria-label={t('common.refresh')}
            />
          }
          loading={tree.isLoading}
        >
          {treeData.length ? (
            <Tree
              showIcon
              blockNode
              data-testid="estate-tree"
              treeData={treeData}
              selectedKeys={selectedKey ? [selectedKey] : []}
              expandedKeys={expandedKeys}
              onExpand={(keys) => setExpanded(keys.map(String))}
              onSelect={(keys) => {
                const key = keys[0];
                if (key !== undefined) onSelect(String(key));
              }}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('estate.tree.empty')} />
          )}
        </Card>
        <div style={{ flex: 1, minWidth: 0 }}>
          <EstateScopeCard
            project={projectDetail}
            building={selectedBuilding ? (building.data ?? null) : null}
            buildingCount={treeProject?.buildings.length ?? 0}
            unitCount={selectedBuilding?.units ?? 0}
            writable={writable}
            onEditProject={(project) => setModal({ kind: 'project', project })}
            onEditBuilding={(b) => setModal({ kind: 'building', building: b })}
          />
          <Card
            size="small"
            title={t('estate.unit.listTitle', { scope: scopeTitle })}
            extra={<ExportButton path="/api/units/export.xlsx" query={filters} />}
          >
            <Space wrap style={{ marginBottom: 12 }}>
              <Select<UnitStatus>
                allowClear
                placeholder={t('estate.unit.status')}
                style={{ width: 140 }}
                value={status}
                options={vocab.unitStatusOptions}
                onChange={(v) => update({ status: v })}
                data-testid="filter-status"
              />
              <Select<UnitType>
                allowClear
                placeholder={t('estate.unit.type')}
                style={{ width: 140 }}
                value={type}
                options={vocab.unitTypeOptions}
                onChange={(v) => update({ type: v })}
                data-testid="filter-type"
              />
              <Input.Search
                allowClear
                placeholder={t('estate.unit.labelPrefix')}
                style={{ width: 220 }}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                onSearch={(v) => update({ q: v.trim() })}
                data-testid="filter-label"
              />
            </Space>
            <Table<Unit>
              rowKey="id"
              size="middle"
              data-testid="units-table"
              loading={units.isFetching}
              columns={columns}
              dataSource={units.data?.items ?? []}
              scroll={{ x: 900 }}
              onRow={(u) => ({ onDoubleClick: () => setOpenUnit(u.id) })}
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={projectId ? t('estate.unit.empty') : t('estate.tree.pick')}
                  />
                ),
              }}
              pagination={{
                current: page,
                pageSize,
                total: units.data?.total ?? 0,
                showSizeChanger: true,
                pageSizeOptions: [20, 50, 100, 200],
                showTotal: (total) =>
                  t(units.data?.totalCapped ? 'common.totalCapped' : 'common.total', { total }),
                onChange: (p, s) =>
                  update({ page: p === 1 ? null : p, pageSize: s === 20 ? null : s }, false),
              }}
            />
          </Card>
        </div>
      </div>
      <UnitDrawer unitId={openUnit} onClose={() => setOpenUnit(null)} />
      <ProjectModal
        open={modal?.kind === 'project'}
        project={modal?.kind === 'project' ? modal.project : null}
        onClose={() => setModal(null)}
        onSaved={(p) => {
          setModal(null);
          setProjectId(p.id);
          update({ building: null });
        }}
      />
      <BuildingModal
        open={modal?.kind === 'building'}
        projectId={projectId}
        building={modal?.kind === 'building' ? modal.building : null}
        onClose={() => setModal(null)}
        onSaved={(b) => {
          setModal(null);
          setProjectId(b.projectId);
          update({ building: b.id });
        }}
      />
      <UnitCreateModal
        open={modal?.kind === 'unit'}
        buildings={treeProject?.buildings ?? []}
        buildingId={buildingId}
        onClose={() => setModal(null)}
        onSaved={(u) => {
          setModal(null);
          setOpenUnit(u.id);
        }}
      />
    </div>
  );
}
