/**
 * The 执法主体 form items (name, unified social credit code, address, supervision phone) with the
 * engine's own rules, shared by the setup wizard and Admin → Agency.
 */
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** The engine's credit-code pattern (native/api/contract.ts agencySchema). */
export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const PHONE = /^[0-9+\-() ]{5,30}$/;

/** Four form items; `testIdPrefix` gives `<p>-agency-name`, `<p>-credit-code`, `<p>-address`, `<p>-phone`. */
export function AgencyFields({ testIdPrefix, autoFocus }: { testIdPrefix: string; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`fields.agency.${k}`);
  const req = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { field }),
  });
  const max = (field: string, n: number) => ({ max: n, message: t('validation.tooLong', { field, max: n }) });
  return (
    <>
      <Form.Item name="name" label={f('name')} rules={[req(f('name')), max(f('name'), 200)]}>
        <Input
          placeholder={t('setup.namePlaceholder')}
          data-testid={`${testIdPrefix}-agency-name`}
          autoFocus={autoFocus}
        />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={f('creditCode')}
        extra={t('setup.creditCodeExtra')}
        normalize={(v: string | undefined) => v?.toUpperCase()}
        rules={[req(f('creditCode')), { pattern: CREDIT_CODE, message: t('validation.creditCode') }]}
      >
        <Input
          maxLength={18}
          showCount
          data-testid={`${testIdPrefix}-credit-code`}
          style={{ fontFamily: 'monospace' }}
        />
      </Form.Item>
      <Form.Item name="address" label={f('address')} rules={[req(f('address')), max(f('address'), 300)]}>
        <Input data-testid={`${testIdPrefix}-address`} />
      </Form.Item>
      <Form.Item
        name="supervisionPhone"
        label={f('supervisionPhone')}
        rules={[req(f('supervisionPhone')), { pattern: PHONE, message: t('validation.phone') }]}
      >
        <Input data-testid={`${testIdPrefix}-phone`} inputMode="tel" />
      </Form.Item>
    </>
  );
}
