/** A dock's state as a coloured tag, with data-state for tests and scripts. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DockView } from '../../../native/api/types';

const colours: Record<DockView['state'], string> = {
  running: 'processing',
  done: 'success',
  failed: 'error',
  cancelled: 'default',
  interrupted: 'warning',
};

/** Tag for dock `dockId` in `state`. */
export function DockStateTag({ dockId, state }: { dockId: number; state: DockView['state'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={colours[state]} data-testid={`dock-state-${dockId}`} data-state={state}>
      {t(`dock.states.${state}`)}
    </Tag>
  );
}
