// The SuperOffice node's rows in the bad-input and fault matrices: every operation has both (coverage.test.ts).
import { removeMembersParameters } from '../support/package';
import type { BadInputOperation, Operation } from './values';
import { asChanges, badIds } from './values';

export const SUPEROFFICE_FAULT_OPERATIONS: Operation[] = [
	{
		name: 'Remove Members',
		key: 'selection/removeMembers',
		service: 'superOffice',
		parameters: {
			resource: 'selection',
			operation: 'removeMembers',
			selectionId: { __rl: true, mode: 'id', value: '={{ $json.selectionId }}' },
			contactId: '={{ $json.contactId }}',
			personId: '={{ $json.personId }}',
			options: { maxTries: 1, maxWait: 0, timeout: 500, requestsPerSecond: 100 },
		},
		// Two selections: two requests, so one fault fails exactly one item.
		items: [
			{ selectionId: 938, contactId: 138, personId: 266 },
			{ selectionId: 939, contactId: 139, personId: 301 },
		],
		path: /RemoveContactSelectionMembers/,
	},
	{
		name: 'Delete Relation',
		key: 'relation/delete',
		service: 'superOffice',
		parameters: {
			resource: 'relation',
			operation: 'delete',
			relationId: '={{ $json.relationId }}',
			options: { maxTries: 1, maxWait: 0, timeout: 500, requestsPerSecond: 100 },
		},
		items: [{ relationId: 413 }, { relationId: 414 }],
		path: /DeleteContactRelation/,
	},
];

export const SUPEROFFICE_BAD_INPUT: BadInputOperation[] = [
	{
		key: 'selection/removeMembers',
		service: 'superOffice',
		parameters: removeMembersParameters('={{ $json.selectionId }}'),
		good: { selectionId: 938, contactId: 138, personId: 266 },
		cases: [
			...asChanges(badIds('Selection'), 'selectionId'),
			...asChanges(badIds('Company (Contact) ID'), 'contactId'),
			...asChanges(badIds('Person ID', { zeroAllowed: true }), 'personId'),
		],
	},
	{
		key: 'relation/delete',
		service: 'superOffice',
		parameters: { resource: 'relation', operation: 'delete', relationId: '={{ $json.relationId }}' },
		good: { relationId: 413 },
		cases: asChanges(badIds('Relation ID'), 'relationId'),
	},
];
