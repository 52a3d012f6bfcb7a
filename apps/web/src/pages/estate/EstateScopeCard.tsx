import { ApartmentOutlined, BankOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Building, Project } from '../../api/types';
import { useVocab } from '../../vocab';

interface EstateScopeCardProps {
  project: Project | null;
  /** The selected building; null shows the project instead. */
  building: Building | null;
  buildingCount: number;
  unitCount: number;
  writable: boolean;
  onEditProject(project: Project): void;
  onEditBuilding(building: Building): void;
}

/** The card above the unit list: the selected building's figures, or the project's when none is selected. */
export function EstateScopeCard(props: EstateScopeCardProps) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const { project, building, writable } = props;
  if (building) {
    return (
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={
          <Space>
            <ApartmentOutlined />
            {building.name}
          </Space>
        }
        extra={
          writable && (
            <Button size="small" icon={<EditOutlined />} onClick={() => props.onEditBuilding(building)}>
              {t('common.edit')}
            </Button>
          )
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'code', label: t('estate.building.code'), children: building.code },
            { key: 'floors', label: t('estate.building.floors'), children: building.floors ?? '—' },
            { key: 'entrances', label: t('estate.building.entrances'), children: building.entrances ?? '—' },
            { key: 'units', label: t('estate.building.unitCount'), children: props.unitCount },
          ]}
        />
      </Card>
    );
  }
  if (!project) return null;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space>
          <BankOutlined />
          {project.name}
          <Tag>{vocab.projectKind(project.kind)}</Tag>
        </Space>
      }
      extra={
        writable && (
          <Button size="small" icon={<EditOutlined />} onClick={() => props.onEditProject(project)}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'code', label: t('estate.project.code'), children: project.code },
          { key: 'buildings', label: t('estate.project.buildingCount'), children: props.buildingCount },
          { key: 'phone', label: t('estate.project.servicePhone'), children: project.servicePhone || '—' },
          { key: 'address', label: t('estate.project.address'), children: project.address || '—' },
        ]}
      />
    </Card>
  );
}
