// The SuperOffice node's rows in the bad-input and fault matrices: every operation has both (coverage.test.ts).
import { removeMembersParameters } from '../support/package';
import { RECORD_BAD_INPUT, RECORD_FAULT_OPERATIONS } from '../support/superoffice-records';
import {
	addMembersParameters,
	createRelationParameters,
	FAULT_OPTIONS,
	getMembersParameters,
	relationParameters,
	byId,
	selectionParameters,
} from '../support/superoffice-selections';
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
	// Selection and Relation (issue 12): two items, each with its own request, one output each.
	{
		name: 'Add Members',
		key: 'selection/addMembers',
		service: 'superOffice',
		parameters: addMembersParameters('={{ $json.selectionId }}', { options: FAULT_OPTIONS }),
		items: [
			{ selectionId: 938, contactId: 141, personId: 315 },
			{ selectionId: 939, contactId: 138, personId: 266 },
		],
		path: /AddContactSelectionMembers/,
	},
	{
		name: 'Get Selection Members',
		key: 'selection/getMembers',
		service: 'superOffice',
		parameters: getMembersParameters('={{ $json.selectionId }}', {
			returnAll: false,
			limit: 1,
			options: FAULT_OPTIONS,
		}),
		items: [{ selectionId: 938 }, { selectionId: 939 }],
		path: /^\/v1\/Selection\/\d+\/Members$/,
	},
	{
		name: 'Get Selection',
		key: 'selection/get',
		service: 'superOffice',
		parameters: selectionParameters('get', {
			selectionId: byId('={{ $json.selectionId }}'),
			options: FAULT_OPTIONS,
		}),
		items: [{ selectionId: 938 }, { selectionId: 939 }],
		path: /^\/v1\/Selection\/\d+$/,
	},
	{
		name: 'Get Many Selections',
		key: 'selection/getAll',
		service: 'superOffice',
		parameters: selectionParameters('getAll', {
			returnAll: false,
			limit: 1,
			filters: { name: '={{ $json.name }}' },
			options: FAULT_OPTIONS,
		}),
		items: [{ name: 'Newsletter' }, { name: 'Event' }],
		path: /^\/v1\/Selection$/,
	},
	{
		name: 'Create Selection',
		key: 'selection/create',
		service: 'superOffice',
		parameters: selectionParameters('create', { name: '={{ $json.name }}', options: FAULT_OPTIONS }),
		items: [{ name: 'Fault one' }, { name: 'Fault two' }],
		// The POST only (the defaults come from /Selection/default).
		path: /^\/v1\/Selection$/,
	},
	{
		name: 'Create Relation',
		key: 'relation/create',
		service: 'superOffice',
		parameters: createRelationParameters({ options: FAULT_OPTIONS }),
		items: [
			{ relationDefinitionId: 4, sourceContactId: 140, destinationContactId: 141 },
			{ relationDefinitionId: 2, sourceContactId: 139, destinationContactId: 142 },
		],
		path: /SaveContactRelation/,
	},
	{
		name: 'Get Relation',
		key: 'relation/get',
		service: 'superOffice',
		parameters: relationParameters('get', { relationId: '={{ $json.relationId }}', options: FAULT_OPTIONS }),
		items: [{ relationId: 413 }, { relationId: 414 }],
		path: /^\/v1\/Relation\/\d+$/,
	},
	{
		name: 'Get Many Relations',
		key: 'relation/getAll',
		service: 'superOffice',
		parameters: relationParameters('getAll', {
			of: 'company',
			contactId: byId('={{ $json.contactId }}'),
			returnAll: false,
			limit: 1,
			options: FAULT_OPTIONS,
		}),
		items: [{ contactId: 142 }, { contactId: 141 }],
		path: /^\/v1\/Contact\/\d+\/Relations$/,
	},
	...RECORD_FAULT_OPERATIONS,
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
	// Selection and Relation (issue 12).
	{
		key: 'selection/addMembers',
		service: 'superOffice',
		parameters: addMembersParameters('={{ $json.selectionId }}'),
		good: { selectionId: 939, contactId: 138, personId: 266 },
		cases: [
			...asChanges(badIds('Selection'), 'selectionId'),
			...asChanges(badIds('Company (Contact) ID'), 'contactId'),
			...asChanges(badIds('Person ID', { zeroAllowed: true }), 'personId'),
		],
	},
	{
		key: 'selection/getMembers',
		service: 'superOffice',
		parameters: getMembersParameters('={{ $json.selectionId }}'),
		good: { selectionId: 938 },
		cases: asChanges(badIds('Selection'), 'selectionId'),
	},
	{
		key: 'selection/get',
		service: 'superOffice',
		parameters: selectionParameters('get', { selectionId: byId('={{ $json.selectionId }}') }),
		good: { selectionId: 938 },
		cases: asChanges(badIds('Selection'), 'selectionId'),
	},
	{
		key: 'selection/getAll',
		service: 'superOffice',
		parameters: selectionParameters('getAll', { returnAll: true, filters: { name: '={{ $json.name }}' } }),
		good: { name: 'News' },
		cases: asChanges(
			[
				['Filters › Name Contains: an object', { text: 'News' }, 'Filters › Name Contains'],
				['Filters › Name Contains: an array', ['News'], 'Filters › Name Contains'],
				['Filters › Name Contains: a boolean', true, 'Filters › Name Contains'],
			],
			'name',
		),
	},
	{
		key: 'selection/create',
		service: 'superOffice',
		parameters: selectionParameters('create', {
			name: '={{ $json.name }}',
			memberType: '={{ $json.memberType }}',
			additionalFields: { description: '={{ $json.description }}' },
		}),
		good: { name: 'Webinar', memberType: 'person', description: 'From the webinar' },
		cases: [
			...asChanges(
				[
					['Name: empty', '', 'Name'],
					['Name: only spaces', '   ', 'Name'],
					['Name: null', null, 'Name'],
					['Name: an object', { name: 'Webinar' }, 'Name'],
				],
				'name',
			),
			...asChanges(
				[
					['Member Type: unknown', 'sale', 'Member Type'],
					['Member Type: empty', '', 'Member Type'],
				],
				'memberType',
			),
			...asChanges([['Description: an object', { text: 'x' }, 'Description']], 'description'),
		],
	},
	{
		key: 'relation/create',
		service: 'superOffice',
		parameters: createRelationParameters(),
		good: { relationDefinitionId: 4, sourceContactId: 140, destinationContactId: 141 },
		cases: [
			...asChanges(badIds('Relation Definition Name or ID'), 'relationDefinitionId'),
			...asChanges(badIds('Source Company (Contact)'), 'sourceContactId'),
			...asChanges(
				badIds('Source Person ID', { zeroAllowed: true }).filter(([, value]) => value !== null),
				'sourcePersonId',
			),
			...asChanges(badIds('Destination Company (Contact)'), 'destinationContactId'),
			...asChanges(
				badIds('Destination Person ID', { zeroAllowed: true }).filter(([, value]) => value !== null),
				'destinationPersonId',
			),
			...asChanges([['Comment: an object', { text: 'x' }, 'Comment']], 'comment'),
		],
	},
	{
		key: 'relation/get',
		service: 'superOffice',
		parameters: relationParameters('get', { relationId: '={{ $json.relationId }}' }),
		good: { relationId: 413 },
		cases: asChanges(badIds('Relation ID'), 'relationId'),
	},
	{
		key: 'relation/getAll',
		service: 'superOffice',
		parameters: relationParameters('getAll', {
			of: 'company',
			contactId: byId('={{ $json.contactId }}'),
			returnAll: true,
		}),
		good: { contactId: 138 },
		cases: asChanges(badIds('Company (Contact)'), 'contactId'),
	},
	...RECORD_BAD_INPUT,
];
