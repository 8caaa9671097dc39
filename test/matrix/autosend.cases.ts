// The AutoSend node's rows in the bad-input and fault matrices: every operation has both (coverage.test.ts).
import {
	addContactsParameters,
	createListParameters,
	CUSTOMERS,
	deleteContactParameters,
	deleteListParameters,
	getContactParameters,
	getListContactsParameters,
	getListsParameters,
	JANE,
	JOHN,
	MARKETING_GROUP,
	NEWSLETTER,
	SENDER,
	sendEmailParameters,
	sendEventParameters,
	sendManyParameters,
	suppressParameters,
	upsertParameters,
} from '../support/autosend-operations';
import { removeContactsParameters } from '../support/package';
import type { BadInputOperation, Case, Operation } from './values';
import { asChanges, badEmails, badListIds } from './values';

const FAULT_OPTIONS = { maxTries: 1, maxWait: 0, timeout: 500, requestsPerSecond: 100, combineWindow: 0 };
const emailItems = [{ email: 'a@example.com' }, { email: 'b@example.com' }];
const contactIdItems = [{ contactId: JANE.id }, { contactId: JOHN.id }];
const CONTACT_PATH = /^\/contacts\/[0-9a-f]{24}$/;

/** badEmails for a field that takes one address. */
const badEmail = (label: string, key: string) =>
	asChanges(
		badEmails.map(([name, value]): Case => [name.replace(/^Emails/, label), value, label]),
		key,
	);

const contactIdCases = (key: string): Array<[string, Record<string, unknown>, string]> =>
	asChanges(
		[
			['Contact ID: ..', '..', 'Contact ID'],
			['Contact ID: a slash', 'a/b', 'Contact ID'],
			['Contact ID: a space', '60d5 ec49', 'Contact ID'],
			['Contact ID: a percent sign', 'abc%2F', 'Contact ID'],
			['Contact ID: empty', '', 'Contact ID'],
			['Contact ID: null', null, 'Contact ID'],
			['Contact ID: an email address', 'jane@example.com', 'Contact ID'],
			['Contact ID: an object', { id: 1 }, 'Contact ID'],
		],
		key,
	);

const contactIdsCases = (by: string): Array<[string, Record<string, unknown>, string]> =>
	(
		[
			['Contact IDs: empty', '', 'Contact IDs'],
			['Contact IDs: null', null, 'Contact IDs'],
			['Contact IDs: an email address', 'jane@example.com', 'Contact IDs'],
			['Contact IDs: a space inside', ['60d5ec49f1b2c72d9c8b1111', '60d5 ec49'], 'Contact IDs'],
		] as Case[]
	).map(([name, value, field]): [string, Record<string, unknown>, string] => [
		name,
		{ [by]: 'contactId', ids: value },
		field,
	]);

export const AUTOSEND_FAULT_OPERATIONS: Operation[] = [
	{
		name: 'Remove Contacts',
		key: 'contactList/removeContacts',
		service: 'autoSend',
		parameters: removeContactsParameters('={{ $json.list }}', { options: FAULT_OPTIONS }),
		items: [
			{ list: '60d5ec49f1b2c72d9c8b4567', emails: 'jane@example.com' },
			{ list: '60d5ec49f1b2c72d9c8b4567', emails: 'x@example.com', separate: true },
		],
		path: /contacts\/remove/,
	},
	// Issue 13: two items, each with its own request (Combine Items is off in the fault matrix), one output each.
	...(
		[
			['Create or Update Contact', 'contact/upsert', upsertParameters(), emailItems, /^\/contacts\/email$/],
			['Get Contact', 'contact/get', getContactParameters('id'), contactIdItems, CONTACT_PATH],
			['Delete Contact', 'contact/delete', deleteContactParameters('id'), contactIdItems, CONTACT_PATH],
			[
				'Add Contacts',
				'contactList/addContacts',
				addContactsParameters('={{ $json.list }}'),
				[
					{ list: NEWSLETTER, emails: 'a@example.com' },
					{ list: NEWSLETTER, emails: 'b@example.com' },
				],
				/bulk-add$/,
			],
			[
				'Get Many Contact Lists',
				'contactList/getAll',
				getListsParameters({ returnAll: false, limit: 1 }),
				[{}, {}],
				/^\/contact-lists$/,
			],
			[
				'Get Contacts of List',
				'contactList/getContacts',
				getListContactsParameters('={{ $json.list }}', { returnAll: false, limit: 1 }),
				[{ list: NEWSLETTER }, { list: CUSTOMERS }],
				/contacts\/search$/,
			],
			[
				'Create Contact List',
				'contactList/create',
				createListParameters(),
				[{ name: 'Fault A' }, { name: 'Fault B' }],
				/^\/contact-lists$/,
			],
			[
				'Delete Contact List',
				'contactList/delete',
				deleteListParameters('={{ $json.list }}'),
				[{ list: NEWSLETTER }, { list: CUSTOMERS }],
				/^\/contact-lists\/[0-9a-f]{24}$/,
			],
			['Send Email', 'email/send', sendEmailParameters(), emailItems, /mails\/send$/],
			['Send Email to Many', 'email/sendMany', sendManyParameters(), emailItems, /mails\/bulk$/],
			[
				'Send Event',
				'event/send',
				sendEventParameters(),
				[{ email: JANE.email }, { email: JOHN.email }],
				/events\/send$/,
			],
			[
				'Suppress Emails',
				'suppression/suppress',
				suppressParameters(),
				[{ emails: 'a@example.com' }, { emails: 'b@example.com' }],
				/emails\/suppress$/,
			],
		] as Array<[string, string, Operation['parameters'], object[], RegExp]>
	).map(
		([name, key, parameters, items, path]): Operation => ({
			name,
			key,
			service: 'autoSend',
			parameters: { ...parameters, options: FAULT_OPTIONS },
			items,
			path,
		}),
	),
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
			...contactIdsCases('removeBy'),
			['Remove By: not one of the choices', { removeBy: 'phone' }, 'Remove By'],
		],
	},
	{
		key: 'contact/upsert',
		service: 'autoSend',
		parameters: upsertParameters({
			firstName: '={{ $json.firstName }}',
			additionalFields: {
				userId: '={{ $json.userId }}',
				customFieldsJson: '={{ $json.custom }}',
				listIds: '={{ $json.lists }}',
			},
		}),
		good: { email: 'a@example.com', firstName: 'Ada', userId: 'u1', custom: {}, lists: [] },
		cases: [
			...badEmail('Email', 'email'),
			['First Name: an object', { firstName: { a: 1 } }, 'First Name'],
			['User ID: an object', { userId: { a: 1 } }, 'User ID'],
			['User ID: two values', { userId: ['u1', 'u2'] }, 'User ID'],
			['Custom Fields (JSON): not JSON', { custom: '{plan:' }, 'Custom Fields (JSON)'],
			['Custom Fields (JSON): an array', { custom: [1] }, 'Custom Fields (JSON)'],
			['Custom Fields (JSON): a reserved field', { custom: { email: 'x@example.com' } }, 'Custom Fields (JSON)'],
			['Custom Fields (JSON): an object value', { custom: { plan: { a: 1 } } }, 'Custom Fields (JSON)'],
			['List IDs: GLOBAL_CONTACT_LIST', { lists: ['GLOBAL_CONTACT_LIST'] }, 'List IDs'],
			['List IDs: ..', { lists: ['..'] }, 'List IDs'],
			['List IDs: objects', { lists: [{ id: 1 }] }, 'List IDs'],
		],
	},
	// Get and Delete: by ID, and by email (one address for Get, several for Delete).
	...(['get', 'delete'] as const).flatMap((operation): BadInputOperation[] => {
		const parameters = operation === 'get' ? getContactParameters : deleteContactParameters;
		return [
			{
				key: `contact/${operation}`,
				service: 'autoSend',
				parameters: parameters('id'),
				good: { contactId: JANE.id },
				cases: contactIdCases('contactId'),
			},
			{
				key: `contact/${operation}`,
				service: 'autoSend',
				parameters: parameters('email'),
				good: operation === 'get' ? { email: JANE.email } : { emails: JANE.email },
				cases: operation === 'get' ? badEmail('Email', 'email') : asChanges(badEmails, 'emails'),
			},
		];
	}),
	{
		key: 'contactList/addContacts',
		service: 'autoSend',
		parameters: addContactsParameters('={{ $json.list }}', {
			addBy: '={{ $json.addBy }}',
			contactIds: '={{ $json.ids }}',
		}),
		good: { list: NEWSLETTER, addBy: 'email', emails: 'a@example.com', ids: '' },
		cases: [
			...asChanges(badEmails, 'emails'),
			...asChanges(badListIds, 'list'),
			...contactIdsCases('addBy'),
			['Add By: not one of the choices', { addBy: 'phone' }, 'Add By'],
		],
	},
	{
		key: 'contactList/getAll',
		service: 'autoSend',
		parameters: getListsParameters({ returnAll: false, limit: 5, type: '={{ $json.type }}' }),
		good: { type: 'list' },
		cases: [
			['Type: not list or segment', { type: 'folder' }, 'Type'],
			['Type: empty', { type: '' }, 'Type'],
			['Type: an array', { type: ['list'] }, 'Type'],
		],
	},
	{
		key: 'contactList/getContacts',
		service: 'autoSend',
		parameters: getListContactsParameters('={{ $json.list }}', {
			returnAll: true,
			filters: { email: '={{ $json.email }}' },
		}),
		good: { list: NEWSLETTER, email: 'jane' },
		cases: [
			...asChanges(
				badListIds.filter(([name]) => !name.includes('GLOBAL_CONTACT_LIST') && !name.includes('global_contact_list')),
				'list',
			),
			['Filters › Email: a number', { email: 42 }, 'Filters › Email'],
			['Filters › Email: an object', { email: { a: 1 } }, 'Filters › Email'],
		],
	},
	{
		key: 'contactList/create',
		service: 'autoSend',
		parameters: createListParameters({ description: '={{ $json.description }}' }),
		good: { name: 'Leads', description: '' },
		cases: [
			['Name: empty', { name: '' }, 'Name'],
			['Name: only spaces', { name: '   ' }, 'Name'],
			['Name: null', { name: null }, 'Name'],
			['Name: an object', { name: { a: 1 } }, 'Name'],
			['Name: over 200 characters', { name: 'x'.repeat(201) }, 'Name'],
			['Description: over 500 characters', { description: 'x'.repeat(501) }, 'Description'],
		],
	},
	{
		key: 'contactList/delete',
		service: 'autoSend',
		parameters: deleteListParameters('={{ $json.list }}'),
		good: { list: NEWSLETTER },
		cases: asChanges(badListIds, 'list'),
	},
	{
		key: 'email/send',
		service: 'autoSend',
		parameters: sendEmailParameters({
			fromEmail: '={{ $json.from }}',
			subject: '={{ $json.subject }}',
			html: '={{ $json.html }}',
			text: '={{ $json.text }}',
			dynamicData: '={{ $json.data }}',
			additionalFields: { cc: '={{ $json.cc }}', bcc: '={{ $json.bcc }}', replyTo: '={{ $json.replyTo }}' },
		}),
		good: {
			from: SENDER,
			email: 'a@example.com',
			subject: 'Hi',
			html: '<p>Hi</p>',
			text: '',
			data: {},
			cc: '',
			bcc: '',
			replyTo: '',
		},
		cases: [
			...badEmail('To Email', 'email'),
			...badEmail('From Email', 'from'),
			['Content: HTML and Text empty', { html: '', text: '' }, 'HTML'],
			['Subject: empty with HTML', { subject: '' }, 'Subject'],
			['Subject: over 998 characters', { subject: 'x'.repeat(999) }, 'Subject'],
			['CC: not an address', { cc: 'team@' }, 'CC'],
			['BCC: not an address', { bcc: ['ok@example.com', 'nope'] }, 'BCC'],
			[
				'CC and BCC: 51 recipients with To',
				{
					cc: Array.from({ length: 25 }, (_, i) => `cc${i}@example.com`),
					bcc: Array.from({ length: 25 }, (_, i) => `b${i}@example.com`),
				},
				'recipients in To, CC and BCC',
			],
			['Reply To: two addresses', { replyTo: 'a@example.com, b@example.com' }, 'Reply To'],
			['Dynamic Data: not JSON', { data: '{x' }, 'Dynamic Data'],
			['Dynamic Data: an array', { data: [1] }, 'Dynamic Data'],
		],
	},
	{
		key: 'email/send',
		service: 'autoSend',
		parameters: sendEmailParameters({ content: 'template', subject: '', templateId: '={{ $json.templateId }}' }),
		good: { email: 'a@example.com', templateId: 'A-welcome01' },
		cases: [
			['Template ID: empty', { templateId: '' }, 'Template ID'],
			['Template ID: null', { templateId: null }, 'Template ID'],
			['Template ID: an object', { templateId: { id: 1 } }, 'Template ID'],
		],
	},
	{
		key: 'email/sendMany',
		service: 'autoSend',
		parameters: sendManyParameters({
			fromEmail: '={{ $json.from }}',
			html: '={{ $json.html }}',
			dynamicData: '={{ $json.data }}',
			additionalFields: { replyTo: '={{ $json.replyTo }}' },
		}),
		good: { from: SENDER, email: 'a@example.com', html: '<p>Hi</p>', data: {}, replyTo: '' },
		cases: [
			...badEmail('To Email', 'email'),
			...badEmail('From Email', 'from'),
			['Content: HTML empty', { html: '' }, 'HTML'],
			['Reply To: not an address', { replyTo: 'support' }, 'Reply To'],
			['Dynamic Data: not JSON', { data: '{x' }, 'Dynamic Data'],
		],
	},
	{
		key: 'event/send',
		service: 'autoSend',
		parameters: sendEventParameters({
			eventName: { __rl: true, mode: 'name', value: '={{ $json.event }}' },
			specifyProperties: 'json',
			propertiesJson: '={{ $json.props }}',
		}),
		good: { event: 'order_completed', email: JANE.email, props: {} },
		cases: [
			...badEmail('Email', 'email'),
			['Event: empty', { event: '' }, 'Event'],
			['Event: spaces inside', { event: 'order completed' }, 'Event'],
			['Event: over 64 characters', { event: 'e'.repeat(65) }, 'Event'],
			['Event: a path', { event: '../events' }, 'Event'],
			['Properties (JSON): not JSON', { props: '{x' }, 'Properties (JSON)'],
			['Properties (JSON): an array', { props: [1] }, 'Properties (JSON)'],
			['Properties (JSON): an object value', { props: { currency: { a: 1 } } }, 'property "currency"'],
		],
	},
	{
		key: 'event/send',
		service: 'autoSend',
		parameters: sendEventParameters({ identifyBy: 'contactId', contactId: '={{ $json.id }}' }),
		good: { id: JANE.id },
		cases: [
			['Contact ID: empty', { id: '' }, 'Contact ID'],
			['Contact ID: an email address', { id: JANE.email }, 'Contact ID'],
			['Contact ID: a space inside', { id: 'a b' }, 'Contact ID'],
		],
	},
	{
		key: 'suppression/suppress',
		service: 'autoSend',
		parameters: suppressParameters({
			additionalFields: {
				groupId: '={{ $json.group }}',
				isGlobal: '={{ $json.global }}',
				reason: '={{ $json.reason }}',
			},
		}),
		good: { emails: 'a@example.com', group: '', global: false, reason: '' },
		cases: [
			...asChanges(badEmails, 'emails'),
			['Group and Is Global: both', { group: MARKETING_GROUP, global: true }, 'Group and Is Global'],
			['Group: a number', { group: 5 }, 'Group'],
			['Reason: an object', { reason: { a: 1 } }, 'Reason'],
		],
	},
];
