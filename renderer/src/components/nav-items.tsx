/** The navigation: route keys in menu order, their icons and the permission each needs. */
import type { ReactNode } from 'react';
import {
  AuditOutlined,
  CloudDownloadOutlined,
  FileProtectOutlined,
  FolderOpenOutlined,
  NotificationOutlined,
  PlaySquareOutlined,
  SettingOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import type { Permission } from '../../../native/api/types';

export type RouteKey =
  'dock' | 'library' | 'cases' | 'review' | 'publicity' | 'archive' | 'custody' | 'admin';

export interface NavItem {
  key: RouteKey;
  icon: ReactNode;
  /** The engine permission that opens this screen. */
  permission: Permission;
}

export const navItems: readonly NavItem[] = [
  { key: 'dock', icon: <CloudDownloadOutlined />, permission: 'evidence.ingest' },
  { key: 'library', icon: <PlaySquareOutlined />, permission: 'evidence.view' },
  { key: 'cases', icon: <FolderOpenOutlined />, permission: 'cases.view' },
  { key: 'review', icon: <AuditOutlined />, permission: 'review.decide' },
  { key: 'publicity', icon: <NotificationOutlined />, permission: 'publicity.manage' },
  { key: 'archive', icon: <FileProtectOutlined />, permission: 'archive.seal' },
  { key: 'custody', icon: <SafetyCertificateOutlined />, permission: 'custody.view' },
  { key: 'admin', icon: <SettingOutlined />, permission: 'users.view' },
];

/** True when `key` names a navigation route. */
export function isRouteKey(key: string): key is RouteKey {
  return navItems.some((n) => n.key === key);
}
