/** The outcome of a custody verification: OK with the counts and root, or the first problem named. */
import type { ReactNode } from 'react';
import { Button, Descriptions, Result, Table, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { VerifyProblem, VerifyReport } from '../../../native/api/types';
import { Hex } from './hex';

function firstProblemText(t: TFunction, p: VerifyProblem | undefined): string {
  if (!p) return '';
  if (p.seq !== undefined) return `${t('verify.firstEntry', { seq: p.seq })} — ${p.message}`;
  if (p.file) return `${t('verify.firstFile', { file: p.file })} — ${p.message}`;
  return t('verify.firstOther', { message: p.message });
}

/** Shows one VerifyReport; `extra` holds the panel's own buttons (verify again, close). */
export function VerifyResult({ report, extra }: { report: VerifyReport; extra?: ReactNode }) {
  const { t } = useTranslation();
  const fmt = (s: string) => dayjs(s).format('YYYY-MM-DD HH:mm:ss');
  const counts = (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      size="small"
      bordered
      items={[
        {
          key: 'e',
          label: t('verify.entries'),
          children: <span data-testid="verify-entries">{report.entries}</span>,
        },
        { key: 'c', label: t('verify.checkpoints'), children: report.checkpoints },
        { key: 'o', label: t('verify.objects'), children: report.objects },
        {
          key: 'p',
          label: t('verify.period'),
          children: `${fmt(report.startedAt)} – ${fmt(report.finishedAt)}`,
        },
        {
          key: 'r',
          label: t('verify.root'),
          span: 'filled',
          children: <Hex value={report.rootHex} testId="verify-root" />,
        },
      ]}
    />
  );
  const buttons = (
    <>
      {extra}
      <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print">
        {t('common.print')}
      </Button>
    </>
  );

  if (report.ok) {
    return (
      <div data-testid="verify-result" data-status="ok">
        <Result status="success" title={t('verify.okTitle')} extra={buttons}>
          {counts}
        </Result>
      </div>
    );
  }
  const first = report.firstProblem ?? report.problems[0];
  return (
    <div data-testid="verify-result" data-status="fail">
      <Result
        status="error"
        title={t('verify.failTitle')}
        subTitle={
          <Typography.Text strong type="danger" data-testid="verify-first-problem">
            {firstProblemText(t, first)}
          </Typography.Text>
        }
        extra={buttons}
      >
        {counts}
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('verify.problems', { count: report.problems.length })}
        </Typography.Title>
        <div data-testid="verify-problems">
          <Table<VerifyProblem>
            size="small"
            rowKey={(_, i) => String(i)}
            dataSource={report.problems}
            pagination={report.problems.length > 50 ? { pageSize: 50 } : false}
            columns={[
              {
                title: t('verify.kind'),
                key: 'kind',
                render: (_, p) => t(`verify.kinds.${p.kind}`, { defaultValue: p.kind }),
              },
              {
                title: t('verify.where'),
                key: 'where',
                render: (_, p) => (p.seq !== undefined ? `#${p.seq}` : (p.file ?? '—')),
              },
              { title: t('verify.message'), dataIndex: 'message', key: 'message' },
            ]}
          />
        </div>
      </Result>
    </div>
  );
}
