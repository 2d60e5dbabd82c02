/**
 * The shape preload exposes to the page as `workstation`: one domain object per contract prefix with
 * one verb per operation (`workstation.custody.verifyStart(input, session)`), never raw IPC.
 * Derived from the contract so the two cannot drift.
 */
import type { OpInput, OpName, OpOutput } from './contract';
import type { ApiResult } from './types';

type DomainOf<K> = K extends `${infer D}.${string}` ? D : never;
type VerbOf<K, D extends string> = K extends `${D}.${infer V}` ? V : never;

type Verb<K extends OpName> = (input: OpInput<K>, session?: string) => Promise<ApiResult<OpOutput<K>>>;
type Join<D extends string, V extends string> = Extract<`${D}.${V}`, OpName>;

export type WorkstationBridge = {
  [D in DomainOf<OpName>]: {
    [V in VerbOf<OpName, D>]: Verb<Join<D, V>>;
  };
};

/** Splits 'custody.verifyStart' into ['custody', 'verifyStart']. */
export function splitOp(op: string): [string, string] {
  const i = op.indexOf('.');
  return [op.slice(0, i), op.slice(i + 1)];
}
