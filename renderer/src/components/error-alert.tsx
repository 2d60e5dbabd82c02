/**
 * Engine errors shown the same way everywhere: the catalog's sentence for the code, then the
 * field and hint the engine gave, then its English message as technical detail.
 */
import { Alert, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError, type ClientErrorInfo } from '../api/client';

/** Any thrown value as ErrorInfo (non-API errors become INTERNAL). */
export function errorInfo(err: unknown): ClientErrorInfo {
  if (err instanceof ApiError) return err.info;
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

/** One line for a toast: "<code sentence> — <hint>". */
export function errorText(t: TFunction, err: unknown): string {
  const info = errorInfo(err);
  const head = t(`errors.${info.code}`, { defaultValue: info.message });
  const field = info.field ? `（${t(`fields.${info.field}`, { defaultValue: info.field })}）` : '';
  return info.hint ? `${head}${field} — ${info.hint}` : `${head}${field}`;
}

/** Shows an error with its field, hint and technical message. */
export function ErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  const info = errorInfo(error);
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId ?? 'error-alert'}
      data-code={info.code}
      title={t(`errors.${info.code}`, { defaultValue: info.code })}
      description={
        <>
          {info.field && (
            <div>
              {t('errorDetail.field', { field: t(`fields.${info.field}`, { defaultValue: info.field }) })}
            </div>
          )}
          {info.hint && <div>{t('errorDetail.hint', { hint: info.hint })}</div>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('errorDetail.engine', { message: info.message })}
          </Typography.Text>
        </>
      }
    />
  );
}

/**
 * When the engine names a field the form has (e.g. 'agency.creditCode'), marks that field in
 * the form too, so the message appears where the user types. `stripPrefix` maps an engine path
 * onto a form that holds one section ('agency.' → the agency step). Returns true when it did.
 */
export function applyFieldError(form: FormInstance, t: TFunction, err: unknown, stripPrefix = ''): boolean {
  const info = errorInfo(err);
  if (!info.field || !info.field.startsWith(stripPrefix)) return false;
  const path = info.field.slice(stripPrefix.length).split('.');
  const values = form.getFieldsValue(true) as Record<string, unknown>;
  let cur: unknown = values;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object' || !(p in (cur as object))) return false;
    cur = (cur as Record<string, unknown>)[p];
  }
  // The catalog sentence (in the UI language) under the field; the engine's English hint stays in the alert.
  form.setFields([{ name: path, errors: [t(`errors.${info.code}`, { defaultValue: info.message })] }]);
  return true;
}
