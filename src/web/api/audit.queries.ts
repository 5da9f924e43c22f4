import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { LIMITS } from '../../shared/limits.js';
import { type AuditFilters, listAuditEntries, verifyAuditChain } from './audit.api.js';

/** TanStack Query keys for the audit trail (beside query-keys.ts, as the task keys are). */
export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters) => ['audit', 'list', filters] as const,
};

/** Audit entries matching the filters, a page at a time ("load more"). */
export function useAuditPages(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      listAuditEntries({ ...filters, cursor: pageParam ?? undefined, limit: LIMITS.pageSizeDefault }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
  });
}

/** "Verify the chain": run on demand, the result kept until the next run. */
export function useAuditVerification() {
  return useMutation({ mutationFn: verifyAuditChain });
}
