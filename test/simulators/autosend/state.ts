/**
 * What the AutoSend simulator remembers: contacts (one per lower-case email), contact lists and
 * segments, custom fields, event definitions and the events sent, suppression groups and suppressed
 * addresses, the emails sent, and the registered webhooks. A new resource adds its record type and its
 * map here, and its seed rows in seed.ts.
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

export type AsFieldType = 'string' | 'number' | 'boolean' | 'date';

export interface AsCustomField {
	id: string;
	fieldName: string;
	fieldType: AsFieldType;
	createdAt: string;
	updatedAt: string;
}

export interface AsEventProperty {
	propertyName: string;
	type: AsFieldType;
	description?: string;
	suggestedValues: string[];
}

export interface AsEventDefinition {
	id: string;
	eventName: string;
	description: string | null;
	properties: AsEventProperty[];
	createdAt: string;
	updatedAt: string;
}

/** One event recorded by POST /events/send. */
export interface AsEventLog {
	id: string;
	eventName: string;
	contactId: string;
	properties: Record<string, unknown>;
	createdAt: string;
}

export interface AsSuppressionGroup {
	/** The record id (24 hex) */
	id: string;
	/** The short id the API takes as groupId and unsubscribeGroupId, e.g. "20XWO" */
	groupId: string;
	name: string;
	description: string;
	isGlobal: boolean;
	isActive: boolean;
	createdAt: string;
	updatedAt: string;
}

/** Where a suppressed address is suppressed: a group's short groupId, the global list, or the default group. */
export type SuppressionScope = string;
export const GLOBAL_SCOPE = 'global';
export const DEFAULT_SCOPE = 'default';

export interface AsSuppression {
	email: string;
	scope: SuppressionScope;
	reason: string | null;
	createdAt: string;
}

export interface AsTemplate {
	templateId: string;
	templateName: string;
	subject: string;
}

/** One email AutoSend accepted (POST /mails/send, or one recipient of POST /mails/bulk). */
export interface AsMail {
	emailId: string;
	batchId?: string;
	from: { email: string; name?: string };
	to: { email: string; name?: string };
	cc: Array<{ email: string; name?: string }>;
	bcc: Array<{ email: string; name?: string }>;
	subject?: string;
	html?: string;
	text?: string;
	templateId?: string;
	dynamicData?: Record<string, unknown>;
	replyTo?: { email: string; name?: string };
	unsubscribeGroupId?: string;
	createdAt: string;
}

export interface AutoSendState {
	contacts: Map<string, AsContact>;
	/** Lower-case email to contact id. */
	contactIdsByEmail: Map<string, string>;
	lists: Map<string, AsList>;
	/** By fieldName. */
	customFields: Map<string, AsCustomField>;
	/** By eventName. */
	events: Map<string, AsEventDefinition>;
	eventLogs: AsEventLog[];
	/** By record id. */
	suppressionGroups: Map<string, AsSuppressionGroup>;
	/** By suppressionKey(scope, email). */
	suppressions: Map<string, AsSuppression>;
	templates: Map<string, AsTemplate>;
	/** Sender domains that may send (AutoSend requires a verified domain). */
	verifiedDomains: Set<string>;
	mails: AsMail[];
	/** Emails of the contacts a bulk update started workflows for (runWorkflow: true). */
	workflowRuns: string[];
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
	return {
		contacts: new Map(),
		contactIdsByEmail: new Map(),
		lists: new Map(),
		customFields: new Map(),
		events: new Map(),
		eventLogs: [],
		suppressionGroups: new Map(),
		suppressions: new Map(),
		templates: new Map(),
		verifiedDomains: new Set(),
		mails: [],
		workflowRuns: [],
	};
}

export function suppressionKey(scope: SuppressionScope, email: string): string {
	return `${scope}\u0000${email.toLowerCase()}`;
}

/**
 * Whether AutoSend holds mail to this address back: suppressed globally or in the default group, or in
 * the unsubscribe group a mail names.
 */
export function isSuppressed(state: AutoSendState, email: string, groupId?: string): boolean {
	const scopes = [GLOBAL_SCOPE, DEFAULT_SCOPE, ...(groupId ? [groupId] : [])];
	return scopes.some((scope) => state.suppressions.has(suppressionKey(scope, email)));
}

/** A suppression group by its short groupId or its record id. */
export function findSuppressionGroup(state: AutoSendState, id: string): AsSuppressionGroup | undefined {
	for (const group of state.suppressionGroups.values()) if (group.groupId === id || group.id === id) return group;
	return undefined;
}

/** The contact a record id or address names. */
export function contactByEmail(state: AutoSendState, email: string): AsContact | undefined {
	const id = state.contactIdsByEmail.get(email.toLowerCase());
	return id === undefined ? undefined : state.contacts.get(id);
}

/** Takes a contact out of the project and out of every list. */
export function deleteContact(state: AutoSendState, contact: AsContact): void {
	state.contacts.delete(contact.id);
	state.contactIdsByEmail.delete(contact.email);
	for (const list of state.lists.values()) list.contactIds.delete(contact.id);
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
