/** Contact lists: listing and reading lists, searching a list's contacts, and removing contacts from a list. */
import type { SimRequest } from '../../common/request';
import type { SimResponse } from '../../common/response';
import type { Route } from '../../common/routes';
import type { AutoSendContext } from '../context';
import {
	EMAIL,
	failure,
	OBJECT_ID,
	ok,
	stringArrayErrors,
	unknownKeyErrors,
	validationFailed,
	type FieldError,
} from '../helpers';
import { SEED_TIME } from '../seed';
import {
	GLOBAL_CONTACT_LIST,
	PROJECT_ID,
	type AsContact,
	type AsList,
	type AsListType,
	type AutoSendState,
} from '../state';

export function contactListRoutes(context: AutoSendContext): Route[] {
	const { state } = context;
	return [
		{ method: 'GET', pattern: /^\/contact-lists$/, run: (req) => getLists(state, req) },
		{ method: 'POST', pattern: /^\/contact-lists\/contacts\/search$/, run: (req) => searchContacts(state, req) },
		{ method: 'GET', pattern: /^\/contact-lists\/([^/]+)$/, run: (_req, [id]) => getList(state, id) },
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

function getLists(state: AutoSendState, req: SimRequest): SimResponse {
	const type = req.query.type;
	if (type !== undefined && type !== 'list' && type !== 'segment') {
		return validationFailed([{ field: 'type', message: "type must be one of 'list', 'segment'" }]);
	}
	const lists = [globalList(state), ...[...state.lists.values()].map(listView)];
	return ok({ lists: type === undefined ? lists : lists.filter((list) => list.type === type) });
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
	const details = unknownKeyErrors(body, ['emails', 'contactIds']);
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
	if (typeof page !== 'number' || !Number.isInteger(page) || page < 1) {
		details.push({ field: 'page', message: 'page must be an integer >= 1' });
	}
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100) {
		details.push({ field: 'limit', message: 'limit must be an integer between 1 and 100' });
	}
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
	const pageNumber = page as number;
	const pageSize = limit as number;
	return ok({
		contacts: contacts
			.slice((pageNumber - 1) * pageSize, pageNumber * pageSize)
			.map((contact) => ({ ...contact, projectId: PROJECT_ID })),
		pagination: {
			page: pageNumber,
			limit: pageSize,
			total: contacts.length,
			pages: Math.ceil(contacts.length / pageSize),
		},
	});
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
