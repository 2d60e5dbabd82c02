/**
 * The officer and device registries with lookups by id, 警号 and serial, for selects and for
 * naming what the engine reports by code. Both lists are open to any signed-in user.
 */
import { useMemo } from 'react';
import type { DeviceView, OfficerView } from '../../../native/api/types';
import { useOp } from '../api/hooks';

export interface Registries {
  officers: OfficerView[];
  devices: DeviceView[];
  officerById: Map<number, OfficerView>;
  officerByCode: Map<string, OfficerView>;
  deviceById: Map<number, DeviceView>;
  deviceBySerial: Map<string, DeviceView>;
  /** Select options keyed by id, labelled as officerLabel / deviceLabel show them. */
  officerOptions: { value: number; label: string }[];
  deviceOptions: { value: number; label: string }[];
  loading: boolean;
}

/** Officers and devices, refreshed when either registry is saved (useOpMutation invalidates). */
export function useRegistries(): Registries {
  const officers = useOp('officers.list', {});
  const devices = useOp('devices.list', {});
  return useMemo(() => {
    const o = officers.data ?? [];
    const d = devices.data ?? [];
    return {
      officers: o,
      devices: d,
      officerById: new Map(o.map((x) => [x.id, x])),
      officerByCode: new Map(o.map((x) => [x.code, x])),
      deviceById: new Map(d.map((x) => [x.id, x])),
      deviceBySerial: new Map(d.map((x) => [x.serial, x])),
      officerOptions: o.map((x) => ({ value: x.id, label: officerLabel(x) })),
      deviceOptions: d.map((x) => ({ value: x.id, label: deviceLabel(x) })),
      loading: officers.isLoading || devices.isLoading,
    };
  }, [officers.data, devices.data, officers.isLoading, devices.isLoading]);
}

/** "警号 姓名" as selects and tables show an officer. */
export function officerLabel(o: Pick<OfficerView, 'code' | 'name'>): string {
  return `${o.code} ${o.name}`;
}

/** "serial（model）" as selects and tables show a device. */
export function deviceLabel(d: Pick<DeviceView, 'serial' | 'model'>): string {
  return d.model ? `${d.serial}（${d.model}）` : d.serial;
}
