// The bad-input and fault matrices: every operation's rows, gathered from each service's file.
import { AUTOSEND_BAD_INPUT, AUTOSEND_FAULT_OPERATIONS } from './autosend.cases';
import { SUPEROFFICE_BAD_INPUT, SUPEROFFICE_FAULT_OPERATIONS } from './superoffice.cases';
import type { BadInputOperation, Operation } from './values';

export * from './values';

export const OPERATIONS: Operation[] = [...SUPEROFFICE_FAULT_OPERATIONS, ...AUTOSEND_FAULT_OPERATIONS];

export const BAD_INPUT: BadInputOperation[] = [...SUPEROFFICE_BAD_INPUT, ...AUTOSEND_BAD_INPUT];
