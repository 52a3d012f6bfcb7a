import type { Permission } from '@guanjia/shared';
import type { ReactNode } from 'react';

export interface NavItem {
  key: string;
  path?: string;
  /** Top-level entries only: a submenu reads better as text (and ships fewer icons with the first route). */
  icon?: ReactNode;
  /** A node where the entry carries a live count (the portal requests' badge). */
  label: ReactNode;
  permission?: Permission;
  children?: NavItem[];
}
