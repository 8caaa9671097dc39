/**
 * Contact lists: listing (paged when asked), creating, reading and deleting lists, searching a list's
 * contacts, and adding contacts to a list (bulk-add) or removing them from it.
 */
import type { SimRequest } from '../../common/request';
import type { SimResponse } from '../../common/response';
import type { Route } from '../../common/routes';
import type { AutoSendContext } from '../context';
import {
	EMAIL,
	failure,
	OBJECT_ID,
	ok,
	paged,
	pagingErrors,
	stringArrayErrors,
	textErrors,
	unknownKeyErrors,
	validationFailed,
	type FieldError,
} from '../helpers';
import { contactView } from './contacts';
import { SEED_TIME } from '../seed';
import {
	GLOBAL_CONTACT_LIST,
	PROJECT_ID,
	addList,
	contactByEmail,
	isSuppressed,
	upsertContact,
	type AsContact,
	type AsList,
	type AsListType,
	type AutoSendState,
} from '../state';

export function contactListRoutes(context: AutoSendContext): Route[] {
	const { state } = context;
	return [
		{ method: 'GET', pattern: /^\/contact-lists$/, run: (req) => getLists(context, req) },
		{ method: 'POST', pattern: /^\/contact-lists$/, run: (req) => createList(context, req) },
		{ method: 'POST', pattern: /^\/contact-lists\/contacts\/search$/, run: (req) => searchContacts(state, req) },
		{ method: 'POST', pattern: /^\/contact-lists\/contacts\/bulk-add$/, run: (req) => bulkAdd(context, req) },
		{ method: 'GET', pattern: /^\/contact-lists\/([^/]+)$/, run: (_req, [id]) => getList(state, id) },
		{ method: 'DELETE', pattern: /^\/contact-lists\/([^/]+)$/, run: (_req, [id]) => deleteList(state, id) },
		{
			method: 'POST',
			pattern: /^\/contact-lists\/([^/]+)\/contacts\/remove$/,
			run: (req, [id]) => removeContacts(context, req, id),
		},
	];
}

function listNotFound(): SimResponse {
	return failure(404, 'CONTACT_LIST_NOT_FOUND', 'Contact list not found');
}

/**
 * The docs mention "optional pagination" without naming its parameters: page and limit (as every other
 * AutoSend list) page the answer and add `pagination`; without them the whole list comes back. The array
 * is `lists` or, with listsKey 'contacts', `contacts` (both appear in AutoSend's documentation).
 */
function getLists({ state, listsKey }: AutoSendContext, req: SimRequest): SimResponse {
	const { type, page, limit } = req.query;
	if (type !== undefined && type !== 'list' && type !== 'segment') {
		return validationFailed([{ field: 'type', message: "type must be one of 'list', 'segment'" }]);
	}
	const all = [globalList(state), ...[...state.lists.values()].map(listView)];
	const lists = type === undefined ? all : all.filter((list) => list.type === type);
	if (page === undefined && limit === undefined) return ok({ [listsKey]: lists });
	const [pageNumber, pageSize] = [Number(page ?? 1), Number(limit ?? 20)];
	const details = pagingErrors(pageNumber, pageSize);
	if (details.length > 0) return validationFailed(details);
	const { items, pagination } = paged(lists, pageNumber, pageSize);
	return ok({ [listsKey]: items, pagination });
}

/** Names are unique in a project (case-insensitively); a segment needs filterCriteria. */
function createList({ state, newId }: AutoSendContext, req: SimRequest): SimResponse {
	const body = req.body as Record<string, unknown>;
	const details = [
		...unknownKeyErrors(body, ['name', 'description', 'type', 'filterCriteria', 'parentId']),
		...textErrors('description', body.description, 500),
	];
	if (typeof body.name !== 'string' || body.name.trim() === '') {
		return failure(400, 'LIST_NAME_REQUIRED', 'List name is required');
	}
	if (body.name.length > 200) details.push({ field: 'name', message: 'name must be at most 200 characters' });
	if (body.type !== undefined && body.type !== 'list' && body.type !== 'segment') {
		return failure(400, 'INVALID_LIST_TYPE', "type must be one of 'list', 'segment'");
	}
	if (body.type === 'segment' && body.filterCriteria === undefined) {
		details.push({ field: 'filterCriteria', message: 'filterCriteria is required for segments' });
	}
	if (details.length > 0) return validationFailed(details);
	const name = body.name.trim();
	for (const list of state.lists.values()) {
		if (list.name.toLowerCase() === name.toLowerCase()) {
			return failure(409, 'LIST_NAME_EXISTS', `A contact list named "${name}" already exists`);
		}
	}
	const list = addList(state, newId, {
		name,
		description: (body.description as string | undefined) ?? '',
		type: (body.type as AsListType | undefined) ?? 'list',
	});
	return { status: 201, body: { success: true, data: listView(list) } };
}

function deleteList(state: AutoSendState, id: string): SimResponse {
	if (id === GLOBAL_CONTACT_LIST) {
		return failure(400, 'CANNOT_MODIFY_GLOBAL_LIST', 'GLOBAL_CONTACT_LIST cannot be deleted.');
	}
	if (!state.lists.delete(id)) return listNotFound();
	return { status: 200, body: { success: true, message: 'Contact list deleted successfully' } };
}

/**
 * Adds contacts by address (unknown addresses become new contacts) or by ID. Addresses are validated
 * first: invalid and suppressed ones are listed and not added. Counts: added (existing contacts now in
 * the list), created (new contacts, added), alreadyInList.
 */
function bulkAdd({ state, newId, maxValuesPerRequest }: AutoSendContext, req: SimRequest): SimResponse {
	const body = req.body as Record<string, unknown>;
	const details = unknownKeyErrors(body, ['contactListId', 'emails', 'contactIds']);
	if (typeof body.contactListId !== 'string' || body.contactListId === '') {
		details.push({ field: 'contactListId', message: 'contactListId is required' });
	}
	details.push(...valuesErrors(body, maxValuesPerRequest));
	if (details.length > 0) return validationFailed(details);
	const listId = body.contactListId as string;
	if (listId === GLOBAL_CONTACT_LIST) {
		return failure(
			400,
			'CANNOT_MODIFY_GLOBAL_LIST',
			'Cannot add contacts to GLOBAL_CONTACT_LIST. Use the Create Contact API instead.',
		);
	}
	const list = state.lists.get(listId);
	if (!list) return listNotFound();
	if (list.type === 'segment') {
		return failure(400, 'CANNOT_MODIFY_SEGMENT', 'Contacts cannot be added to a segment; its filter decides.');
	}

	const byEmail = body.emails !== undefined;
	const errors: Array<Record<string, string>> = [];
	const validation = { valid: [] as object[], invalid: [] as object[], suppressed: [] as object[] };
	const touched: AsContact[] = [];
	let [added, created, alreadyInList] = [0, 0, 0];
	const seen = new Set<string>();
	for (const value of (byEmail ? body.emails : body.contactIds) as string[]) {
		const key = value.toLowerCase();
		if (seen.has(key)) continue;
		seen.add(key);
		let contact: AsContact | undefined;
		if (byEmail) {
			if (!EMAIL.test(value)) {
				validation.invalid.push({ email: value, status: 'invalid', reason: 'Invalid email format' });
				continue;
			}
			if (isSuppressed(state, key)) {
				validation.suppressed.push({ email: key, status: 'suppressed' });
				continue;
			}
			validation.valid.push({ email: key, status: 'valid' });
			contact = contactByEmail(state, key);
			if (!contact) {
				contact = upsertContact(state, newId, { email: key });
				list.contactIds.add(contact.id);
				created += 1;
				touched.push(contact);
				continue;
			}
		} else {
			contact = OBJECT_ID.test(value) ? state.contacts.get(key) : undefined;
			if (!contact) {
				errors.push({ contactId: value, message: OBJECT_ID.test(value) ? 'Contact not found' : 'Invalid contact ID' });
				continue;
			}
		}
		if (list.contactIds.has(contact.id)) {
			alreadyInList += 1;
			continue;
		}
		list.contactIds.add(contact.id);
		added += 1;
		touched.push(contact);
	}
	if (added + created > 0) list.updatedAt = new Date().toISOString();
	return ok({
		added,
		created,
		alreadyInList,
		errors,
		validation,
		totalContactsInList: list.contactIds.size,
		contacts: touched.map((contact) => contactView(state, contact)),
	});
}

function getList(state: AutoSendState, id: string): SimResponse {
	if (id === GLOBAL_CONTACT_LIST) return ok(globalList(state));
	const list = state.lists.get(id);
	return list ? ok(listView(list)) : listNotFound();
}

function removeContacts({ state, maxValuesPerRequest }: AutoSendContext, req: SimRequest, listId: string): SimResponse {
	const body = req.body as Record<string, unknown>;
	const details = removeBodyErrors(body, maxValuesPerRequest);
	if (details.length > 0) return validationFailed(details);
	if (listId === GLOBAL_CONTACT_LIST) {
		return failure(
			400,
			'CANNOT_MODIFY_GLOBAL_LIST',
			'Cannot remove contacts from GLOBAL_CONTACT_LIST. Use the Delete Contact API instead.',
		);
	}
	const list = state.lists.get(listId);
	if (!list) return listNotFound();

	const byEmail = body.emails !== undefined;
	const values = (byEmail ? body.emails : body.contactIds) as string[];
	const errors: Array<Record<string, string>> = [];
	let removed = 0;
	let notInList = 0;
	// Duplicates within one request are counted once, keyed on the normalised value.
	const seen = new Set<string>();
	for (const value of values) {
		const key = value.toLowerCase();
		if (seen.has(key)) continue;
		seen.add(key);
		let contactId: string | undefined;
		if (byEmail) {
			if (!EMAIL.test(value)) {
				errors.push({ email: value, message: 'Invalid email format' });
				continue;
			}
			contactId = state.contactIdsByEmail.get(key);
		} else {
			if (!OBJECT_ID.test(value)) {
				errors.push({ contactId: value, message: 'Invalid contact ID' });
				continue;
			}
			contactId = key;
		}
		if (contactId !== undefined && list.contactIds.delete(contactId)) removed += 1;
		else notInList += 1;
	}
	if (removed > 0) list.updatedAt = new Date().toISOString();
	return ok({ removed, notInList, errors });
}

function removeBodyErrors(body: Record<string, unknown>, maxValues: number | undefined): FieldError[] {
	return [...unknownKeyErrors(body, ['emails', 'contactIds']), ...valuesErrors(body, maxValues)];
}

/** Exactly one of emails and contactIds, a non-empty array of strings. */
function valuesErrors(body: Record<string, unknown>, maxValues: number | undefined): FieldError[] {
	const details: FieldError[] = [];
	const given = (['emails', 'contactIds'] as const).filter((field) => body[field] !== undefined);
	if (given.length === 0) details.push({ field: 'emails', message: 'Either emails or contactIds is required' });
	if (given.length === 2)
		details.push({ field: 'contactIds', message: 'Provide either emails or contactIds, not both' });
	for (const field of given) details.push(...stringArrayErrors(field, body[field], maxValues));
	return details;
}

function searchContacts(state: AutoSendState, req: SimRequest): SimResponse {
	const body = req.body as Record<string, unknown>;
	const details = unknownKeyErrors(body, ['contactListId', 'page', 'limit', 'email']);
	const { contactListId, email } = body;
	const page = body.page ?? 1;
	const limit = body.limit ?? 20;
	if (typeof contactListId !== 'string' || contactListId === '') {
		details.push({ field: 'contactListId', message: 'contactListId is required' });
	}
	details.push(...pagingErrors(page, limit));
	if (email !== undefined && typeof email !== 'string')
		details.push({ field: 'email', message: 'email must be a string' });
	if (details.length > 0) return validationFailed(details);

	let ids: Iterable<string>;
	if (contactListId === GLOBAL_CONTACT_LIST) ids = state.contacts.keys();
	else {
		const list = state.lists.get(contactListId as string);
		if (!list) return listNotFound();
		ids = list.contactIds;
	}
	const needle = (email as string | undefined)?.toLowerCase();
	const contacts: AsContact[] = [];
	for (const id of ids) {
		const contact = state.contacts.get(id);
		if (contact && (needle === undefined || contact.email.includes(needle))) contacts.push(contact);
	}
	const { items, pagination } = paged(contacts, page as number, limit as number);
	return ok({ contacts: items.map((contact) => ({ ...contact, projectId: PROJECT_ID })), pagination });
}

function globalList(state: AutoSendState) {
	return {
		id: GLOBAL_CONTACT_LIST,
		name: 'All Contacts',
		description: 'All contacts in the project',
		type: 'list' as AsListType,
		contactCount: state.contacts.size,
		createdAt: SEED_TIME,
		updatedAt: SEED_TIME,
	};
}

function listView(list: AsList) {
	return {
		id: list.id,
		name: list.name,
		description: list.description,
		type: list.type,
		contactCount: list.contactIds.size,
		createdAt: list.createdAt,
		updatedAt: list.updatedAt,
	};
}
