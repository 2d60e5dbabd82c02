/** The Library's grid view: a card per item with its thumbnail, name, officer, time and flags. */
import { Card, Col, Empty, Pagination, Row, Spin, Typography } from 'antd';
import type { PaginationProps } from 'antd';
import dayjs from 'dayjs';
import type { MediaItemView } from '../../../native/api/types';
import { formatMediaDuration } from './format';
import { MediaFlags } from './media-flags';
import { MediaThumb } from './media-thumb';

interface Props {
  items: MediaItemView[];
  loading: boolean;
  pagination: PaginationProps;
  emptyText: string;
  onOpen: (id: number) => void;
}

/** Cards of media items; a click on a card opens it. */
export function MediaGrid({ items, loading, pagination, emptyText, onOpen }: Props) {
  if (!loading && items.length === 0) return <Empty description={emptyText} />;
  return (
    <Spin spinning={loading}>
      <Row gutter={[12, 12]}>
        {items.map((m) => (
          <Col key={m.id} xs={12} sm={8} md={6} xl={4}>
            <Card
              hoverable
              size="small"
              onClick={() => onOpen(m.id)}
              data-testid={`media-card-${m.id}`}
              cover={
                <div style={{ position: 'relative' }}>
                  <MediaThumb item={m} width="100%" height={120} />
                  {formatMediaDuration(m.kind, m.durationSec) !== '—' && (
                    <span
                      style={{
                        position: 'absolute',
                        right: 4,
                        bottom: 4,
                        background: 'rgba(0,0,0,0.65)',
                        color: '#fff',
                        fontSize: 11,
                        padding: '0 4px',
                        borderRadius: 2,
                      }}
                    >
                      {formatMediaDuration(m.kind, m.durationSec)}
                    </span>
                  )}
                </div>
              }
            >
              <Typography.Paragraph
                ellipsis={{ rows: 2, tooltip: m.originalName }}
                style={{ marginBottom: 2, wordBreak: 'break-all', minHeight: 44 }}
              >
                {m.title || m.originalName}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis>
                {m.officerCode ? `${m.officerCode} ${m.officerName ?? ''}` : '—'}
                {m.recordedAt ? ` · ${dayjs(m.recordedAt).format('MM-DD HH:mm')}` : ''}
              </Typography.Text>
              <div style={{ minHeight: 22, marginTop: 4 }}>
                <MediaFlags item={m} />
              </div>
            </Card>
          </Col>
        ))}
      </Row>
      <Pagination style={{ marginTop: 16, justifyContent: 'flex-end' }} {...pagination} />
    </Spin>
  );
}
