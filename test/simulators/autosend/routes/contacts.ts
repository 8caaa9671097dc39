/**
 * Contacts: upsert by email (one, or up to 100 with bulk-update), read by ID, search by emails, delete by
 * ID and by emails. Custom field values must name a field of GET /custom-fields and fit its type.
 */
import type { SimRequest } from '../../common/request';
import type { SimResponse } from '../../common/response';
import type { Route } from '../../common/routes';
import type { AutoSendContext } from '../context';
import {
	coerceToFieldType,
	EMAIL,
	failure,
	fitsFieldType,
	isObject,
	ok,
	stringArrayErrors,
	textErrors,
	unknownKeyErrors,
	validationFailed,
	type FieldError,
} from '../helpers';
import {
	contactByEmail,
	deleteContact,
	GLOBAL_CONTACT_LIST,
	PROJECT_ID,
	upsertContact,
	type AsContact,
	type AutoSendState,
	type NewId,
} from '../state';

/** Documented: "Maximum limit: 100 contacts per request". */
export const MAX_BULK_CONTACTS = 100;

export function contactRoutes(context: AutoSendContext): Route[] {
	const { state } = context;
	return [
		{ method: 'POST', pattern: /^\/contacts\/email$/, run: (req) => upsert(context, req) },
		{ method: 'POST', pattern: /^\/contacts\/bulk-update$/, run: (req) => bulkUpdate(context, req) },
		{ method: 'POST', pattern: /^\/contacts\/search\/emails$/, run: (req) => searchByEmails(context, req) },
		{ method: 'POST', pattern: /^\/contacts\/remove$/, run: (req) => removeByEmails(context, req) },
		{ method: 'GET', pattern: /^\/contacts\/([^/]+)$/, run: (_req, [id]) => getContact(state, id) },
		{ method: 'DELETE', pattern: /^\/contacts\/([^/]+)$/, run: (_req, [id]) => deleteById(state, id) },
	];
}

/** A contact as AutoSend answers it: with the lists and segments it is in. */
export function contactView(state: AutoSendState, contact: AsContact) {
	const listIds: string[] = [];
	const segmentIds: string[] = [];
	for (const list of state.lists.values()) {
		if (list.contactIds.has(contact.id)) (list.type === 'segment' ? segmentIds : listIds).push(list.id);
	}
	return { ...contact, listIds, segmentIds, projectId: PROJECT_ID };
}

function contactNotFound(): SimResponse {
	return failure(404, 'CONTACT_NOT_FOUND', 'Contact not found');
}

/** Each key must be a custom field of the project, each value fit the field's type. */
function customFieldErrors(state: AutoSendState, value: unknown, prefix: string): FieldError[] {
	if (value === undefined) return [];
	if (!isObject(value)) return [{ field: `${prefix}customFields`, message: 'customFields must be an object' }];
	const details: FieldError[] = [];
	for (const [key, entry] of Object.entries(value)) {
		const field = state.customFields.get(key);
		if (!field) details.push({ field: `${prefix}customFields.${key}`, message: `Unknown custom field '${key}'` });
		else if (!fitsFieldType(field.fieldType, entry))
			details.push({ field: `${prefix}customFields.${key}`, message: `${key} must be a ${field.fieldType}` });
	}
	return details;
}

/** List IDs a contact is put into: existing lists, not segments and not All Contacts. */
function listIdErrors(state: AutoSendState, value: unknown): FieldError[] {
	if (value === undefined) return [];
	const details = stringArrayErrors('listIds', value, undefined);
	if (details.length > 0) return details;
	(value as string[]).forEach((id, index) => {
		const list = state.lists.get(id);
		const field = `listIds[${index}]`;
		if (id === GLOBAL_CONTACT_LIST) details.push({ field, message: 'Every contact is in GLOBAL_CONTACT_LIST' });
		else if (!list) details.push({ field, message: `Contact list '${id}' not found` });
		else if (list.type === 'segment') details.push({ field, message: 'listIds can only contain lists, not segments' });
	});
	return details;
}

/** What AutoSend checks in one contact; bulk-update has no listIds. */
function contactErrors(state: AutoSendState, body: Record<string, unknown>, withListIds: boolean, prefix = '') {
	const allowed = ['email', 'firstName', 'lastName', 'userId', 'customFields', ...(withListIds ? ['listIds'] : [])];
	const details = unknownKeyErrors(body, allowed).map((detail) => ({ ...detail, field: prefix + detail.field }));
	if (typeof body.email !== 'string' || !EMAIL.test(body.email)) {
		details.push({ field: `${prefix}email`, message: 'Invalid email format' });
	}
	details.push(...textErrors(`${prefix}firstName`, body.firstName), ...textErrors(`${prefix}lastName`, body.lastName));
	if (body.userId !== undefined && body.userId !== null && typeof body.userId !== 'string') {
		details.push({ field: `${prefix}userId`, message: 'userId must be a string' });
	}
	details.push(...customFieldErrors(state, body.customFields, prefix));
	if (withListIds) details.push(...listIdErrors(state, body.listIds));
	return details;
}

/** Creates the contact for the address or updates the fields given; adds it to listIds. */
function apply(state: AutoSendState, newId: NewId, body: Record<string, unknown>): AsContact {
	const contact = upsertContact(state, newId, { email: body.email as string });
	if (typeof body.firstName === 'string') contact.firstName = body.firstName;
	if (typeof body.lastName === 'string') contact.lastName = body.lastName;
	if (body.userId !== undefined) contact.userId = body.userId as string | null;
	for (const [key, value] of Object.entries((body.customFields as Record<string, unknown>) ?? {})) {
		contact.customFields[key] = coerceToFieldType(state.customFields.get(key)!.fieldType, value);
	}
	for (const id of (body.listIds as string[] | undefined) ?? []) state.lists.get(id)!.contactIds.add(contact.id);
	contact.updatedAt = new Date().toISOString();
	return contact;
}

function upsert({ state, newId }: AutoSendContext, req: SimRequest): SimResponse {
	const body = req.body as Record<string, unknown>;
	const details = contactErrors(state, body, true);
	if (details.length > 0) return validationFailed(details);
	return ok(contactView(state, apply(state, newId, body)));
}

/** Malformed requests are refused whole; a contact that does not pass is counted as failed, unnamed. */
function bulkUpdate({ state, newId }: AutoSendContext, req: SimRequest): SimResponse {
	const body = req.body as Record<string, unknown>;
	const details = unknownKeyErrors(body, ['contacts', 'runWorkflow']);
	const contacts = body.contacts;
	if (!Array.isArray(contacts) || contacts.length === 0) {
		details.push({ field: 'contacts', message: 'contacts must contain at least 1 item' });
	} else if (contacts.length > MAX_BULK_CONTACTS) {
		details.push({ field: 'contacts', message: `contacts must contain at most ${MAX_BULK_CONTACTS} items` });
	} else {
		contacts.forEach((contact, index) => {
			if (!isObject(contact)) details.push({ field: `contacts[${index}]`, message: 'Must be an object' });
		});
	}
	if (body.runWorkflow !== undefined && typeof body.runWorkflow !== 'boolean') {
		details.push({ field: 'runWorkflow', message: 'runWorkflow must be a boolean' });
	}
	if (details.length > 0) return validationFailed(details);
	let successCount = 0;
	let failedCount = 0;
	for (const contact of contacts as Array<Record<string, unknown>>) {
		if (contactErrors(state, contact, false).length > 0) {
			failedCount += 1;
			continue;
		}
		const updated = apply(state, newId, contact);
		if (body.runWorkflow === true) state.workflowRuns.push(updated.email);
		successCount += 1;
	}
	return ok({ successCount, failedCount, totalCount: (contacts as unknown[]).length });
}

/** A non-empty array of addresses ("string<email>[]", normalised by AutoSend). */
function emailListErrors(body: Record<string, unknown>, maxValues: number | undefined): FieldError[] {
	const details = [...unknownKeyErrors(body, ['emails']), ...stringArrayErrors('emails', body.emails, maxValues)];
	if (details.length > 0) return details;
	(body.emails as string[]).forEach((email, index) => {
		if (!EMAIL.test(email)) details.push({ field: `emails[${index}]`, message: 'Invalid email format' });
	});
	return details;
}

function searchByEmails({ state, maxValuesPerRequest }: AutoSendContext, req: SimRequest): SimResponse {
	const body = req.body as Record<string, unknown>;
	const details = emailListErrors(body, maxValuesPerRequest);
	if (details.length > 0) return validationFailed(details);
	const found = new Map<string, AsContact>();
	for (const email of body.emails as string[]) {
		const contact = contactByEmail(state, email);
		if (contact) found.set(contact.id, contact);
	}
	return ok({ contacts: [...found.values()].map((contact) => contactView(state, contact)) });
}

/** Documented answer: { success: true } (a newer page says it returns the removed IDs; shape not captured). */
function removeByEmails({ state, maxValuesPerRequest }: AutoSendContext, req: SimRequest): SimResponse {
	const body = req.body as Record<string, unknown>;
	const details = emailListErrors(body, maxValuesPerRequest);
	if (details.length > 0) return validationFailed(details);
	for (const email of body.emails as string[]) {
		const contact = contactByEmail(state, email);
		if (contact) deleteContact(state, contact);
	}
	return { status: 200, body: { success: true } };
}

function getContact(state: AutoSendState, id: string): SimResponse {
	const contact = state.contacts.get(id.toLowerCase());
	return contact ? ok(contactView(state, contact)) : contactNotFound();
}

function deleteById(state: AutoSendState, id: string): SimResponse {
	const contact = state.contacts.get(id.toLowerCase());
	if (!contact) return contactNotFound();
	deleteContact(state, contact);
	return { status: 200, body: { success: true } };
}
