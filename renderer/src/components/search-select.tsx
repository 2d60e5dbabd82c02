import { Select, type SelectProps } from 'antd';

/**
 * A clearable select whose typed text filters options by label: every registry picker (officer,
 * device, login) searches the same way. Other props pass through (Form.Item injects value/onChange).
 */
export function SearchSelect<V>(props: SelectProps<V>) {
  return <Select<V> allowClear showSearch={{ optionFilterProp: 'label' }} {...props} />;
}
