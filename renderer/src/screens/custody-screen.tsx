/** 日志 Custody log: the entries and checkpoints tabs, and the Verify button with its panel. */
import { useState } from 'react';
import { Button, Card, Tabs, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useOpMutation } from '../api/hooks';
import { VerifyPanel } from '../components/verify-panel';
import { useSession } from '../state/session';
import { CustodyCheckpoints } from './custody-checkpoints';
import { CustodyEntries } from './custody-entries';

/** The custody log screen. */
export function CustodyScreen() {
  const { t } = useTranslation();
  const { can } = useSession();
  const start = useOpMutation('custody.verifyStart');
  const [jobId, setJobId] = useState<string | null>(null);
  const [panel, setPanel] = useState(false);
  const [running, setRunning] = useState(false);

  const verify = () => {
    setPanel(true);
    setJobId(null);
    start.mutate({}, { onSuccess: (r) => setJobId(r.jobId) });
  };

  return (
    <>
      {panel && (
        <VerifyPanel
          jobId={jobId}
          startError={start.error}
          onAgain={verify}
          onRunning={setRunning}
          onClose={() => {
            setPanel(false);
            setJobId(null);
            setRunning(false);
            start.reset();
          }}
        />
      )}
      <Card
        title={t('custody.title')}
        extra={
          can('custody.verify') && (
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined />}
              onClick={verify}
              loading={start.isPending}
              disabled={running}
              data-testid="verify-button"
              className="no-print"
            >
              {t('verify.button')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('custody.subtitle')}</Typography.Paragraph>
        <Tabs
          defaultActiveKey="entries"
          items={[
            {
              key: 'entries',
              label: <span data-testid="custody-tab-entries">{t('custody.tabEntries')}</span>,
              children: <CustodyEntries />,
            },
            {
              key: 'checkpoints',
              label: <span data-testid="custody-tab-checkpoints">{t('custody.tabCheckpoints')}</span>,
              children: <CustodyCheckpoints />,
            },
          ]}
        />
      </Card>
    </>
  );
}
