import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { BlockListTab } from './BlockListTab';
import { ExtensionsTab } from './ExtensionsTab';
import { LinkTab } from './LinkTab';

/** PBX 对接: the project's webhook token and dial URL, staff extensions and the block list. */
export default function PbxLinkPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pbx.title')} subTitle={t('pbx.subtitle')} />
      <Tabs
        items={[
          { key: 'link', label: t('pbx.tabs.link'), children: <LinkTab /> },
          { key: 'extensions', label: t('pbx.tabs.extensions'), children: <ExtensionsTab /> },
          { key: 'blocked', label: t('pbx.tabs.blocked'), children: <BlockListTab /> },
        ]}
      />
    </>
  );
}
