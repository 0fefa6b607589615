import type { Diagnostic } from '../../../core/diagnostic.ts';
import { noConflictingCorrections } from './no-conflicting-corrections.ts';
import { noDuplicatePending } from './no-duplicate-pending.ts';
import type { PendingContribution } from './pending-context.ts';

export type PendingRule = (pending: readonly PendingContribution[]) => Diagnostic[];

/** Rules across the pending contributions, for `persona validate` (the merge meets these one by one). */
export const PENDING_RULES: readonly PendingRule[] = [noConflictingCorrections, noDuplicatePending];
