/** The Library's item drawer: the player (its opening is a logged view), the facts, the edit form. */
import { Card, Col, Drawer, Row, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOp } from '../api/hooks';
import { useSession } from '../state/session';
import { ErrorAlert } from './error-alert';
import { MediaEditForm } from './media-edit-form';
import { MediaMeta } from './media-meta';
import { MediaPlayer } from './media-player';
import type { Registries } from './use-registries';

interface Props {
  id: number | null;
  regs: Registries;
  onClose: () => void;
}

/** Drawer for item `id` (closed when null). */
export function MediaDetailDrawer({ id, regs, onClose }: Props) {
  const { t } = useTranslation();
  const { can } = useSession();
  const q = useOp('media.get', { id: id ?? 0 }, { enabled: id !== null });
  const item = q.data?.id === id ? q.data : undefined;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={1100}
      title={item ? item.title || item.originalName : t('media.detail')}
      destroyOnHidden
    >
      <div data-testid="media-detail" data-id={id ?? ''}>
        {q.error && <ErrorAlert error={q.error} />}
        <Row gutter={16}>
          <Col xs={24} lg={15}>
            {id !== null && <MediaPlayer id={id} />}
            {item && (
              <div style={{ marginTop: 16 }}>
                <Typography.Title level={5}>{t('media.meta')}</Typography.Title>
                <MediaMeta item={item} />
              </div>
            )}
          </Col>
          <Col xs={24} lg={9}>
            {!item && !q.error && <Spin />}
            {item && (
              <Card size="small" title={t('media.edit')}>
                <MediaEditForm key={item.id} item={item} regs={regs} readOnly={!can('evidence.edit')} />
              </Card>
            )}
          </Col>
        </Row>
      </div>
    </Drawer>
  );
}
