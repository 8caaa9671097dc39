/** The project the AutoSend simulator starts with (unless seed: false): eight contacts, three lists and a segment. */
import { addList, upsertContact, type AsListType, type AutoSendState, type NewId } from './state';

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

export function seed(state: AutoSendState, newId: NewId): void {
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
