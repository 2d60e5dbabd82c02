/** A password + confirmation pair of form items with the engine's rules (≥ 8, ≤ 256, equal). */
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Field name; the confirmation is `<name>Confirm`. */
  name: string;
  label: string;
  confirmLabel: string;
  extra?: string;
  /** data-testid prefix: `<prefix>-password` and `<prefix>-confirm`. */
  testId: string;
}

/** Password and confirm fields; confirm re-validates when the password changes. */
export function PasswordFields({ name, label, confirmLabel, extra, testId }: Props) {
  const { t } = useTranslation();
  const confirmName = `${name}Confirm`;
  return (
    <>
      <Form.Item
        name={name}
        label={label}
        extra={extra}
        hasFeedback
        rules={[
          { required: true, message: t('validation.required', { field: label }) },
          { min: 8, message: t('validation.passwordMin') },
          { max: 256, message: t('validation.tooLong', { field: label, max: 256 }) },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid={`${testId}-password`} />
      </Form.Item>
      <Form.Item
        name={confirmName}
        label={confirmLabel}
        dependencies={[name]}
        hasFeedback
        rules={[
          { required: true, message: t('validation.required', { field: confirmLabel }) },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue(name) === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('validation.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid={`${testId}-confirm`} />
      </Form.Item>
    </>
  );
}
