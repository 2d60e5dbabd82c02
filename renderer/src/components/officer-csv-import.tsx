/**
 * "导入 CSV…": reads a file chosen by the administrator (UTF-8, or GBK as Excel saves it in
 * China) and sends the text to officers.importCsv; the engine imports all rows or none and
 * names the first bad line, which is shown here.
 */
import { useRef } from 'react';
import { Alert, App, Button } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useOpMutation } from '../api/hooks';
import { decodeCsv } from './decode-csv';
import { ErrorAlert, errorInfo } from './error-alert';

function readFile(file: File): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error(`Cannot read ${file.name}`));
    reader.readAsArrayBuffer(file);
  });
}

/** The import button with its hidden file input, and the outcome below it. */
export function OfficerCsvImport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const imp = useOpMutation('officers.importCsv', ['officers.list', 'custody.list']);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    imp.reset();
    const csv = decodeCsv(await readFile(file));
    imp.mutate(
      { csv },
      {
        onSuccess: (r) =>
          void message.success(t('officers.imported', { added: r.added, updated: r.updated })),
      },
    );
  };
  const line = imp.error ? /CSV line (\d+)/.exec(errorInfo(imp.error).message)?.[1] : undefined;

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="officers-csv-input"
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = ''; // the same file can be chosen again after fixing it
        }}
      />
      <Button
        icon={<UploadOutlined />}
        loading={imp.isPending}
        onClick={() => input.current?.click()}
        data-testid="officers-import"
      >
        {t('officers.importCsv')}
      </Button>
      {imp.error && (
        <div style={{ flexBasis: '100%', order: 1 }}>
          {line && (
            <Alert
              type="error"
              showIcon
              title={t('officers.importLine', { line })}
              data-testid="officers-import-line"
              style={{ marginBottom: 8 }}
            />
          )}
          <ErrorAlert error={imp.error} testId="officers-import-error" />
        </div>
      )}
    </>
  );
}
