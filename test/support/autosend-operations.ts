// Parameters of the AutoSend node's operations as a workflow saves them, and the simulator's seeded IDs the
// tests use. Values read from each item ($json) unless a test passes its own.
import type { INodeParameters } from 'n8n-workflow';
import type { AutoSendSimulator } from '../simulators';
import { autoSendCredential, harness } from './package';

export const NEWSLETTER = '60d5ec49f1b2c72d9c8b4567';
export const CUSTOMERS = '60d5ec49f1b2c72d9c8b4568';
export const WEBINAR = '60d5ec49f1b2c72d9c8b4569';
export const ENGAGED_SEGMENT = '60d5ec49f1b2c72d9c8b4570';
/** Seeded contacts: Jane Doe (Newsletter, Webinar) and John Smith (Newsletter, Customers). */
export const JANE = { id: '60d5ec49f1b2c72d9c8b1111', email: 'jane@example.com' };
export const JOHN = { id: '60d5ec49f1b2c72d9c8b2222', email: 'john@example.com' };
/** In the global suppression list from the start. */
export const SUPPRESSED = 'blocked@example.com';
export const MARKETING_GROUP = '20XWO';
export const SENDER = 'hello@example.com';

type Extra = Record<string, unknown>;

/** Options that keep tests quick: no waiting for a rate the simulator does not enforce. */
export const QUICK = { requestsPerSecond: 100 };

export const byId = (value: unknown) => ({ __rl: true as const, mode: 'id', value: value as string });

export const upsertParameters = (extra: Extra = {}): INodeParameters => ({
	resource: 'contact',
	operation: 'upsert',
	email: '={{ $json.email }}',
	...extra,
});

export const getContactParameters = (by: 'id' | 'email', extra: Extra = {}): INodeParameters => ({
	resource: 'contact',
	operation: 'get',
	by,
	...(by === 'id' ? { contactId: '={{ $json.contactId }}' } : { email: '={{ $json.email }}' }),
	...extra,
});

export const deleteContactParameters = (by: 'id' | 'email', extra: Extra = {}): INodeParameters => ({
	resource: 'contact',
	operation: 'delete',
	by,
	...(by === 'id' ? { contactId: '={{ $json.contactId }}' } : { emails: '={{ $json.emails }}' }),
	...extra,
});

export const addContactsParameters = (contactListId: unknown, extra: Extra = {}): INodeParameters => ({
	resource: 'contactList',
	operation: 'addContacts',
	contactListId: byId(contactListId),
	addBy: 'email',
	emails: '={{ $json.emails }}',
	...extra,
});

export const getListsParameters = (extra: Extra = {}): INodeParameters => ({
	resource: 'contactList',
	operation: 'getAll',
	...extra,
});

export const getListContactsParameters = (contactListId: unknown, extra: Extra = {}): INodeParameters => ({
	resource: 'contactList',
	operation: 'getContacts',
	contactListId: byId(contactListId),
	...extra,
});

export const createListParameters = (extra: Extra = {}): INodeParameters => ({
	resource: 'contactList',
	operation: 'create',
	name: '={{ $json.name }}',
	...extra,
});

export const deleteListParameters = (contactListId: unknown, extra: Extra = {}): INodeParameters => ({
	resource: 'contactList',
	operation: 'delete',
	contactListId: byId(contactListId),
	...extra,
});

/** An HTML email from the verified sender to $json.email. */
export const sendEmailParameters = (extra: Extra = {}): INodeParameters => ({
	resource: 'email',
	operation: 'send',
	fromEmail: SENDER,
	fromName: 'Example',
	toEmail: '={{ $json.email }}',
	subject: 'Hello',
	content: 'html',
	html: '<p>Hello {{name}}</p>',
	...extra,
});

export const sendManyParameters = (extra: Extra = {}): INodeParameters => ({
	...sendEmailParameters(),
	operation: 'sendMany',
	...extra,
});

export const sendEventParameters = (extra: Extra = {}): INodeParameters => ({
	resource: 'event',
	operation: 'send',
	eventName: { __rl: true, mode: 'name', value: 'order_completed' },
	identifyBy: 'email',
	email: '={{ $json.email }}',
	...extra,
});

export const suppressParameters = (extra: Extra = {}): INodeParameters => ({
	resource: 'suppression',
	operation: 'suppress',
	emails: '={{ $json.emails }}',
	...extra,
});

/** Runs the AutoSend node with the simulator's credential. */
export async function runAutoSend(
	sim: AutoSendSimulator,
	parameters: INodeParameters,
	items: object[] = [{}],
	onError?: 'continueRegularOutput',
) {
	return await harness.runNode({
		nodeType: 'autoSend',
		parameters,
		credentials: autoSendCredential(sim),
		items: items as never,
		onError,
	});
}

/** Requests to a path (after /v1), in the order they came. */
export const requestsTo = (sim: AutoSendSimulator, path: string | RegExp) =>
	sim.requests.filter((request) => (typeof path === 'string' ? request.path === path : path.test(request.path)));
