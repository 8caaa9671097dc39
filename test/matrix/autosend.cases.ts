// The AutoSend node's rows in the bad-input and fault matrices: every operation has both (coverage.test.ts).
import { removeContactsParameters } from '../support/package';
import type { BadInputOperation, Case, Operation } from './values';
import { asChanges, badEmails, badListIds } from './values';

export const AUTOSEND_FAULT_OPERATIONS: Operation[] = [
	{
		name: 'Remove Contacts',
		key: 'contactList/removeContacts',
		service: 'autoSend',
		parameters: removeContactsParameters('={{ $json.list }}', {
			options: { maxTries: 1, maxWait: 0, timeout: 500, requestsPerSecond: 100 },
		}),
		items: [
			{ list: '60d5ec49f1b2c72d9c8b4567', emails: 'jane@example.com' },
			{ list: '60d5ec49f1b2c72d9c8b4567', emails: 'x@example.com', separate: true },
		],
		path: /contacts\/remove/,
	},
];

export const AUTOSEND_BAD_INPUT: BadInputOperation[] = [
	{
		key: 'contactList/removeContacts',
		service: 'autoSend',
		parameters: removeContactsParameters('={{ $json.list }}', {
			removeBy: '={{ $json.removeBy }}',
			contactIds: '={{ $json.ids }}',
		}),
		good: { list: '60d5ec49f1b2c72d9c8b4567', removeBy: 'email', emails: 'a@example.com', ids: '' },
		cases: [
			...asChanges(badEmails, 'emails'),
			...asChanges(badListIds, 'list'),
			...(
				[
					['Contact IDs: empty', '', 'Contact IDs'],
					['Contact IDs: null', null, 'Contact IDs'],
					['Contact IDs: an email address', 'jane@example.com', 'Contact IDs'],
					['Contact IDs: a space inside', ['60d5ec49f1b2c72d9c8b1111', '60d5 ec49'], 'Contact IDs'],
				] as Case[]
			).map(([name, value, field]): [string, Record<string, unknown>, string] => [
				name,
				{ removeBy: 'contactId', ids: value },
				field,
			]),
			['Remove By: not one of the choices', { removeBy: 'phone' }, 'Remove By'],
		],
	},
];
