import {
  CONTACT_CHANNELS,
  type ContactChannel,
  DEFAULT_ROLES,
  PROJECT_KINDS,
  type ProjectKind,
  RESIDENT_RELATIONS,
  type ResidentRelation,
  UNIT_STATUSES,
  UNIT_TYPES,
  type UnitStatus,
  type UnitType,
} from '@guanjia/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

// The estate vocabularies are stored in Chinese (they are data); these keys translate them for display.
const UNIT_TYPE_KEY: Record<UnitType, string> = {
  住宅: 'residential',
  商铺: 'shop',
  车位: 'parking',
  办公: 'office',
};
const UNIT_STATUS_KEY: Record<UnitStatus, string> = {
  空置: 'vacant',
  已交房: 'handedOver',
  装修中: 'renovating',
  已入住: 'occupied',
};
const RELATION_KEY: Record<ResidentRelation, string> = { 业主: 'owner', 家属: 'family', 租户: 'tenant' };
const PROJECT_KIND_KEY: Record<ProjectKind, string> = {
  住宅: 'residential',
  写字楼: 'office',
  商业: 'commercial',
  综合体: 'mixed',
};
export const GENDERS = ['男', '女'] as const;
export type Gender = (typeof GENDERS)[number];
const GENDER_KEY: Record<Gender, string> = { 男: 'male', 女: 'female' };

export const UNIT_STATUS_COLOR: Record<UnitStatus, string> = {
  空置: 'default',
  已交房: 'blue',
  装修中: 'orange',
  已入住: 'green',
};

export interface Option<T extends string> {
  value: T;
  label: string;
}

export function useVocab() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const unitType = (v: string) =>
      v in UNIT_TYPE_KEY ? t(`vocab.unitType.${UNIT_TYPE_KEY[v as UnitType]}`) : v;
    const unitStatus = (v: string) =>
      v in UNIT_STATUS_KEY ? t(`vocab.unitStatus.${UNIT_STATUS_KEY[v as UnitStatus]}`) : v;
    const relation = (v: string) =>
      v in RELATION_KEY ? t(`vocab.relation.${RELATION_KEY[v as ResidentRelation]}`) : v;
    const projectKind = (v: string) =>
      v in PROJECT_KIND_KEY ? t(`vocab.projectKind.${PROJECT_KIND_KEY[v as ProjectKind]}`) : v;
    const gender = (v: string | null | undefined) =>
      v && v in GENDER_KEY ? t(`vocab.gender.${GENDER_KEY[v as Gender]}`) : '—';
    const channel = (v: string | null | undefined) =>
      v && (CONTACT_CHANNELS as readonly string[]).includes(v) ? t(`vocab.channel.${v}`) : '—';
    const permission = (p: string) => t(`permission.${p}.label`, { defaultValue: p });
    const permissionHint = (p: string) => t(`permission.${p}.hint`, { defaultValue: '' });
    /** Built-in roles carry an English name in the shared list; custom roles show what the admin typed. */
    const roleName = (role: { code: string; name: string }) => {
      if (language !== 'en') return role.name;
      const builtin = DEFAULT_ROLES.find((r) => r.code === role.code);
      return builtin && builtin.name === role.name ? builtin.nameEn : role.name;
    };
    return {
      unitType,
      unitStatus,
      relation,
      projectKind,
      gender,
      channel,
      permission,
      permissionHint,
      roleName,
      unitTypeOptions: UNIT_TYPES.map((v): Option<UnitType> => ({ value: v, label: unitType(v) })),
      unitStatusOptions: UNIT_STATUSES.map((v): Option<UnitStatus> => ({ value: v, label: unitStatus(v) })),
      relationOptions: RESIDENT_RELATIONS.map(
        (v): Option<ResidentRelation> => ({ value: v, label: relation(v) }),
      ),
      projectKindOptions: PROJECT_KINDS.map(
        (v): Option<ProjectKind> => ({ value: v, label: projectKind(v) }),
      ),
      genderOptions: GENDERS.map((v): Option<Gender> => ({ value: v, label: gender(v) })),
      channelOptions: CONTACT_CHANNELS.map((v): Option<ContactChannel> => ({ value: v, label: channel(v) })),
    };
  }, [t, language]);
}
