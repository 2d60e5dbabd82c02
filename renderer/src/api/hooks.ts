/**
 * TanStack Query wrappers over the contract: query keys are [op, input], so invalidating by op
 * name refreshes every page/filter of that operation.
 */
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { OpInput, OpName, OpOutput } from '../../../native/api/contract';
import { ApiError, call } from './client';

type QueryOpts<K extends OpName> = Omit<UseQueryOptions<OpOutput<K>, ApiError>, 'queryKey' | 'queryFn'>;

/** Fetches one operation's output and caches it under [op, input]. */
export function useOp<K extends OpName>(op: K, input: OpInput<K>, options: QueryOpts<K> = {}) {
  return useQuery<OpOutput<K>, ApiError>({
    queryKey: [op, input],
    queryFn: () => call(op, input),
    ...options,
  });
}

/** A mutation that calls `op`, then invalidates the listed operations' cached queries (and the status). */
export function useOpMutation<K extends OpName>(op: K, invalidates: OpName[] = []) {
  const qc = useQueryClient();
  return useMutation<OpOutput<K>, ApiError, OpInput<K>>({
    mutationFn: (input) => call(op, input),
    onSuccess: async () => {
      // A change may be followed by a checkpoint, whose short root the header shows.
      const names = invalidates.length ? [...new Set<OpName>([...invalidates, 'system.status'])] : [];
      await Promise.all(names.map((name) => qc.invalidateQueries({ queryKey: [name] })));
    },
  });
}

/** Retry policy: transport hiccups once, never engine refusals (they will not change by retrying). */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError) return error.code === 'NETWORK' && failureCount < 2;
  return failureCount < 1;
}
