/** One dock file's state as a coloured tag (pending grey, copying blue … failed red). */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DockFileState } from '../../../native/api/types';

const colours: Record<DockFileState, string> = {
  pending: 'default',
  copying: 'processing',
  verifying: 'cyan',
  ingested: 'success',
  duplicate: 'geekblue',
  failed: 'error',
  skipped: 'warning',
};

/** Tag for a file state; `testId` is set on the tag when given. */
export function FileStateTag({ state, testId }: { state: DockFileState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={colours[state]} data-testid={testId} data-state={state}>
      {t(`dock.fileStates.${state}`)}
    </Tag>
  );
}
