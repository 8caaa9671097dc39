/**
 * What the AutoSend simulator remembers: contacts (one per lower-case email), contact lists and
 * segments, and the registered webhooks. A new resource adds its record type and its map here, and
 * its seed rows in seed.ts.
 */

export interface AsContact {
	id: string;
	email: string;
	firstName: string;
	lastName: string;
	userId: string | null;
	customFields: Record<string, unknown>;
	createdAt: string;
	updatedAt: string;
}

export type AsListType = 'list' | 'segment';

export interface AsList {
	id: string;
	name: string;
	description: string;
	type: AsListType;
	/** Insertion-ordered member ids; a Set keeps removal O(1) for bulk benchmarks. */
	contactIds: Set<string>;
	createdAt: string;
	updatedAt: string;
}

export interface AutoSendState {
	contacts: Map<string, AsContact>;
	/** Lower-case email to contact id. */
	contactIdsByEmail: Map<string, string>;
	lists: Map<string, AsList>;
}

export interface AutoSendStats {
	rateLimited: number;
}

export interface ContactInput {
	email: string;
	id?: string;
	firstName?: string;
	lastName?: string;
	userId?: string | null;
}

export interface ListInput {
	id?: string;
	name: string;
	description?: string;
	type?: AsListType;
	contactIds?: string[];
	emails?: string[];
}

export interface AsWebhook {
	id: string;
	organizationId: string;
	projectId: string;
	url: string;
	secret: string;
	events: string[];
	isActive: boolean;
	createdAt: string;
	updatedAt: string;
	failureCount: number;
}

/** The list every contact is in; it cannot be changed through list endpoints. */
export const GLOBAL_CONTACT_LIST = 'GLOBAL_CONTACT_LIST';

export const PROJECT_ID = '60d5ec49f1b2c72d9c8b0001';

/** Gives the next id for a new record. */
export type NewId = () => string;

/** Deterministic 24-hex ids shaped like MongoDB ObjectIds, counted per simulator. */
export function objectIds(): NewId {
	let counter = 0;
	return () => {
		counter += 1;
		return `6a1b2c3d4e5f6071${counter.toString(16).padStart(8, '0')}`;
	};
}

export function emptyState(): AutoSendState {
	return { contacts: new Map(), contactIdsByEmail: new Map(), lists: new Map() };
}

/** The contact with this email (any casing), created when there is none. */
export function upsertContact(state: AutoSendState, newId: NewId, input: ContactInput): AsContact {
	const email = input.email.toLowerCase();
	const existingId = state.contactIdsByEmail.get(email);
	if (existingId !== undefined) return state.contacts.get(existingId)!;
	const now = new Date().toISOString();
	const contact: AsContact = {
		id: input.id?.toLowerCase() ?? newId(),
		email,
		firstName: input.firstName ?? '',
		lastName: input.lastName ?? '',
		userId: input.userId ?? null,
		customFields: {},
		createdAt: now,
		updatedAt: now,
	};
	state.contacts.set(contact.id, contact);
	state.contactIdsByEmail.set(email, contact.id);
	return contact;
}

export function addList(state: AutoSendState, newId: NewId, input: ListInput): AsList {
	const now = new Date().toISOString();
	const list: AsList = {
		id: input.id ?? newId(),
		name: input.name,
		description: input.description ?? '',
		type: input.type ?? 'list',
		contactIds: new Set(input.contactIds),
		createdAt: now,
		updatedAt: now,
	};
	state.lists.set(list.id, list);
	for (const email of input.emails ?? []) list.contactIds.add(upsertContact(state, newId, { email }).id);
	return list;
}
