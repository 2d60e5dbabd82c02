/**
 * The Verify button's panel: starts custody.verifyStart, polls jobs.get every 300 ms with a
 * progress bar (phase, done/total), and ends with a VerifyResult or the job's error.
 */
import { useEffect } from 'react';
import { Alert, Button, Card, Progress, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { JobView, VerifyReport } from '../../../native/api/types';
import { ApiError } from '../api/client';
import { useOp, useOpMutation } from '../api/hooks';
import { ErrorAlert } from './error-alert';
import { VerifyResult } from './verify-result';

interface Props {
  /** The running job, once custody.verifyStart answered. */
  jobId: string | null;
  /** custody.verifyStart's error, if it refused. */
  startError: unknown;
  onAgain: () => void;
  /** Told whether a job is still running, so the Verify button can wait. */
  onRunning: (running: boolean) => void;
  onClose: () => void;
}

/** Progress and outcome of the verification job `jobId`. */
export function VerifyPanel({ jobId, startError, onAgain, onRunning, onClose }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const cancel = useOpMutation('jobs.cancel');

  const job = useOp(
    'jobs.get',
    { jobId: jobId ?? '' },
    {
      enabled: jobId !== null,
      refetchInterval: (q) =>
        !q.state.error && (!q.state.data || q.state.data.state === 'running') ? 300 : false,
      gcTime: 0,
    },
  );
  const view: JobView<VerifyReport> | undefined = job.data?.id === jobId ? job.data : undefined;
  const finished = view && view.state !== 'running';

  const running = jobId !== null && !finished && !job.error;
  useEffect(() => onRunning(running), [running, onRunning]);

  useEffect(() => {
    // The verification itself is logged; refresh what shows the log.
    if (finished)
      for (const op of ['custody.list', 'custody.checkpoints', 'system.status'])
        void qc.invalidateQueries({ queryKey: [op] });
  }, [finished, qc]);

  const again = (
    <Button onClick={onAgain} data-testid="verify-again">
      {t('verify.again')}
    </Button>
  );
  const close = <Button onClick={onClose}>{t('common.close')}</Button>;

  let body: React.ReactNode;
  if (startError) body = <ErrorAlert error={startError} testId="verify-error" />;
  else if (job.error) body = <ErrorAlert error={job.error} testId="verify-error" />;
  else if (!view || view.state === 'running') {
    const p = view?.progress;
    const percent = p && p.total > 0 ? Math.floor((p.done / p.total) * 100) : 0;
    body = (
      <div data-testid="verify-progress">
        <Typography.Text>
          {t('verify.running')}{' '}
          {p && t('verify.phase', { phase: t(`verify.phases.${p.phase}`, { defaultValue: p.phase }) })}
        </Typography.Text>
        <Progress
          percent={percent}
          status="active"
          format={() => (p ? `${p.done.toLocaleString()} / ${p.total.toLocaleString()}` : '')}
        />
        <Button
          size="small"
          disabled={!jobId}
          loading={cancel.isPending}
          onClick={() => jobId && cancel.mutate({ jobId })}
          data-testid="verify-cancel"
        >
          {t('verify.cancel')}
        </Button>
      </div>
    );
  } else if (view.state === 'done' && view.result) {
    body = (
      <VerifyResult
        report={view.result}
        extra={
          <Space>
            {again}
            {close}
          </Space>
        }
      />
    );
  } else if (view.state === 'cancelled') {
    body = (
      <div data-testid="verify-result" data-status="cancelled">
        <Alert
          type="info"
          showIcon
          title={t('errors.CANCELLED')}
          action={
            <Space>
              {again}
              {close}
            </Space>
          }
        />
      </div>
    );
  } else {
    body = (
      <div data-testid="verify-result" data-status="error">
        <Typography.Title level={5}>{t('verify.jobFailed')}</Typography.Title>
        <ErrorAlert
          error={new ApiError('jobs.get', view.error ?? { code: 'INTERNAL', message: view.state })}
        />
        <Space style={{ marginTop: 12 }}>
          {again}
          {close}
        </Space>
      </div>
    );
  }

  return (
    <Card title={t('verify.title')} size="small" style={{ marginBottom: 16 }} data-testid="verify-panel">
      {body}
    </Card>
  );
}
