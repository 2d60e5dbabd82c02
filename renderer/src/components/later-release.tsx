/** Placeholder for screens a later release delivers: says which one, and shows no fake data. */
import { Result } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export type LaterScreen = 'dock' | 'library' | 'cases' | 'review' | 'publicity' | 'archive';

/** The plain "this arrives in release X" notice for one navigation item. */
export function LaterRelease({ screen }: { screen: LaterScreen }) {
  const { t } = useTranslation();
  return (
    <Result
      data-testid={`later-${screen}`}
      icon={<ClockCircleOutlined />}
      title={t(`nav.${screen}`)}
      subTitle={
        <>
          <div>{t(`later.${screen}`)}</div>
          <div>{t('later.note')}</div>
        </>
      }
    />
  );
}
