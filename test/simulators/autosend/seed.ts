/**
 * The project the AutoSend simulator starts with (unless seed: false): eight contacts, three lists and a
 * segment, five custom fields, two event definitions, two suppression groups and one suppressed address,
 * two templates and the verified sender domain example.com.
 */
import {
	addList,
	GLOBAL_SCOPE,
	suppressionKey,
	upsertContact,
	type AsCustomField,
	type AsEventDefinition,
	type AsFieldType,
	type AsListType,
	type AutoSendState,
	type NewId,
} from './state';

/** createdAt and updatedAt of every seeded record, and of GLOBAL_CONTACT_LIST. */
export const SEED_TIME = '2026-01-15T09:30:00.000Z';

const PEOPLE: Array<[string, string, string, string]> = [
	['60d5ec49f1b2c72d9c8b1111', 'jane@example.com', 'Jane', 'Doe'],
	['60d5ec49f1b2c72d9c8b2222', 'john@example.com', 'John', 'Smith'],
	['60d5ec49f1b2c72d9c8b3333', 'maria.garcia@example.com', 'Maria', 'Garcia'],
	['60d5ec49f1b2c72d9c8b4444', 'li.wei@example.com', 'Li', 'Wei'],
	['60d5ec49f1b2c72d9c8b5555', 'ahmed.khan@example.com', 'Ahmed', 'Khan'],
	['60d5ec49f1b2c72d9c8b6666', 'sofia.rossi@example.com', 'Sofia', 'Rossi'],
	['60d5ec49f1b2c72d9c8b7777', 'lukas.meyer@example.com', 'Lukas', 'Meyer'],
	['60d5ec49f1b2c72d9c8b8888', 'emma.wilson@example.com', 'Emma', 'Wilson'],
];

/** members are the last four hex digits of the people's ids above. */
const LISTS: Array<{ id: string; name: string; description: string; type: AsListType; members: string[] }> = [
	{
		id: '60d5ec49f1b2c72d9c8b4567',
		name: 'Newsletter',
		description: 'Monthly newsletter subscribers',
		type: 'list',
		members: ['1111', '2222', '3333', '4444', '5555'],
	},
	{
		id: '60d5ec49f1b2c72d9c8b4568',
		name: 'Customers',
		description: 'Paying customers',
		type: 'list',
		members: ['2222', '6666', '7777'],
	},
	{
		id: '60d5ec49f1b2c72d9c8b4569',
		name: 'Webinar attendees',
		description: 'Signed up for the spring webinar',
		type: 'list',
		members: ['1111', '8888'],
	},
	{
		id: '60d5ec49f1b2c72d9c8b4570',
		name: 'Engaged last 30 days',
		description: 'Opened an email in the last 30 days',
		type: 'segment',
		members: ['1111', '3333'],
	},
];

const CUSTOM_FIELDS: Array<[string, AsFieldType]> = [
	['company', 'string'],
	['plan', 'string'],
	['seats', 'number'],
	['trial', 'boolean'],
	['renewalDate', 'date'],
];

const EVENTS: Array<Omit<AsEventDefinition, 'id' | 'createdAt' | 'updatedAt'>> = [
	{
		eventName: 'order_completed',
		description: 'Fired when a customer completes a checkout',
		properties: [
			{ propertyName: 'order_total', type: 'number', description: 'Total order value', suggestedValues: [] },
			{ propertyName: 'currency', type: 'string', suggestedValues: ['USD', 'EUR', 'GBP'] },
			{ propertyName: 'is_first_purchase', type: 'boolean', suggestedValues: [] },
		],
	},
	{ eventName: 'signup_completed', description: null, properties: [] },
];

/** An address no mail may go to (a hard bounce), in the global suppression list. */
export const SUPPRESSED_EMAIL = 'blocked@example.com';
/** The seeded unsubscribe group, by the short id the API takes. */
export const MARKETING_GROUP = '20XWO';

export function seed(state: AutoSendState, newId: NewId): void {
	for (const [fieldName, fieldType] of CUSTOM_FIELDS) {
		const field: AsCustomField = { id: newId(), fieldName, fieldType, createdAt: SEED_TIME, updatedAt: SEED_TIME };
		state.customFields.set(fieldName, field);
	}
	for (const event of EVENTS) {
		state.events.set(event.eventName, { ...event, id: newId(), createdAt: SEED_TIME, updatedAt: SEED_TIME });
	}
	for (const [groupId, name, description, isGlobal] of [
		[MARKETING_GROUP, 'Marketing Unsubscribes', 'Users who opted out of marketing', false],
		['B43YU', 'Bounced Addresses', 'Hard bounces from transactional sends', true],
	] as const) {
		const id = newId();
		state.suppressionGroups.set(id, {
			id,
			groupId,
			name,
			description,
			isGlobal,
			isActive: true,
			createdAt: SEED_TIME,
			updatedAt: SEED_TIME,
		});
	}
	state.suppressions.set(suppressionKey(GLOBAL_SCOPE, SUPPRESSED_EMAIL), {
		email: SUPPRESSED_EMAIL,
		scope: GLOBAL_SCOPE,
		reason: 'bounced',
		createdAt: SEED_TIME,
	});
	state.templates.set('A-welcome01', { templateId: 'A-welcome01', templateName: 'Welcome', subject: 'Welcome!' });
	state.templates.set('A-receipt02', { templateId: 'A-receipt02', templateName: 'Receipt', subject: 'Your receipt' });
	state.verifiedDomains.add('example.com');

	for (const [id, email, firstName, lastName] of PEOPLE) {
		const contact = upsertContact(state, newId, { id, email, firstName, lastName });
		contact.createdAt = contact.updatedAt = SEED_TIME;
	}
	for (const { members, ...list } of LISTS) {
		const contactIds = members.map((suffix) => `60d5ec49f1b2c72d9c8b${suffix}`);
		const created = addList(state, newId, { ...list, contactIds });
		created.createdAt = created.updatedAt = SEED_TIME;
	}
}
