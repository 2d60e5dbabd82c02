/** The flags of an item as tags: 重点, 待分类, 无法解码, 处理中 / 处理失败. */
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MediaItemView } from '../../../native/api/types';

type Flagged = Pick<MediaItemView, 'id' | 'important' | 'category' | 'unreadableReason' | 'processing'>;

/** Tags for `item`; renders nothing when no flag applies. */
export function MediaFlags({ item }: { item: Flagged }) {
  const { t } = useTranslation();
  return (
    <span data-testid={`media-flags-${item.id}`}>
      {item.important && (
        <Tag color="red" data-flag="important">
          {t('flags.important')}
        </Tag>
      )}
      {item.category === 'unclassified' && (
        <Tag color="orange" data-flag="unclassified">
          {t('flags.unclassified')}
        </Tag>
      )}
      {item.unreadableReason && (
        <Tooltip title={item.unreadableReason}>
          <Tag color="volcano" data-flag="unreadable">
            {t('flags.unreadable')}
          </Tag>
        </Tooltip>
      )}
      {(item.processing === 'pending' || item.processing === 'running') && (
        <Tag color="processing" data-flag="processing">
          {t('flags.processing')}
        </Tag>
      )}
      {item.processing === 'failed' && !item.unreadableReason && (
        <Tag color="warning" data-flag="process-failed">
          {t('flags.processFailed')}
        </Tag>
      )}
    </span>
  );
}
