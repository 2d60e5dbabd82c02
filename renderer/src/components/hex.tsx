/** Monospace, copyable display of hashes and other exact text. */
import { Typography } from 'antd';

export const monoStyle = { fontFamily: 'ui-monospace, "Noto Sans Mono CJK SC", Menlo, Consolas, monospace' };

/** A hex string in monospace; `short` shows the first n digits with the full value copyable. */
export function Hex({ value, short, testId }: { value: string; short?: number; testId?: string }) {
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  const shown = short && value.length > short ? `${value.slice(0, short)}…` : value;
  return (
    <Typography.Text
      data-testid={testId}
      style={{ ...monoStyle, wordBreak: 'break-all' }}
      copyable={{ text: value }}
      title={value}
    >
      {shown}
    </Typography.Text>
  );
}
