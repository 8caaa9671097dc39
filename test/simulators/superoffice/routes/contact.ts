/**
 * Contact (a company, in SuperOffice's words): the REST entity (list, default, create, read, PATCH,
 * delete) and its custom-field metadata, as strict as the Swagger files. The trigger's full-record fetch
 * reads the same GET /v1/Contact/{id}.
 */
import type { SimRequest } from '../../common/request';
import type { SimResponse } from '../../common/response';
import type { Route } from '../../common/routes';
import type { SuperOfficeContext } from '../context';
import { InvalidInput, lookupById, tryParse } from '../helpers';
import type { SoContact, SuperOfficeState } from '../state';
import { nextId } from '../state';
import { archiveList, type ArchiveColumn, type ArchiveRow } from './archive';
import {
	badEntity,
	blankCustomFields,
	customFieldsPart,
	customFieldValues,
	elements,
	elementValues,
	emailAddress,
	entityBody,
	nowIso,
	optionalString,
	patchCustomFields,
	patchRecord,
	refuseUnkept,
	withLinks,
	type PatchOperation,
} from './entity';
import { fieldInfo } from './person';

const CONTACT_COLUMNS: ArchiveColumn[] = [
	{ name: 'contactId', type: 'int' },
	{ name: 'name', type: 'string' },
	{ name: 'department', type: 'string' },
	{ name: 'nameDepartment', type: 'string' },
	{ name: 'orgnr', type: 'string' },
	{ name: 'email/emailAddress', type: 'string' },
	{ name: 'phone/formattedNumber', type: 'string' },
	{ name: 'contactNoMail', type: 'bool' },
	{ name: 'updatedDate', type: 'date' },
	{ name: 'registeredDate', type: 'date' },
];

export function contactRoutes({ state, webApiUrl }: SuperOfficeContext): Route[] {
	return [
		{
			method: 'GET',
			pattern: /^\/v1\/Contact$/i,
			run: (req) => archiveList(req, [...state.contacts.values()].map(contactRow), CONTACT_COLUMNS, webApiUrl()),
		},
		{ method: 'POST', pattern: /^\/v1\/Contact$/i, run: (req) => createContact(state, req, webApiUrl()) },
		{ method: 'GET', pattern: /^\/v1\/Contact\/default$/i, run: () => ({ status: 200, body: contactEntity(state) }) },
		{
			method: 'GET',
			pattern: /^\/v1\/Contact\/CustomField$/i,
			run: () => ({ status: 200, body: state.customFieldInfo.contact.map(fieldInfo) }),
		},
		{ method: 'GET', pattern: /^\/v1\/Contact\/(\d+)$/i, run: (_req, [id]) => getContact(state, id, webApiUrl()) },
		{
			method: 'PATCH',
			pattern: /^\/v1\/Contact\/(\d+)$/i,
			run: (req, [id]) => patchContact(state, req, id, webApiUrl()),
		},
		{ method: 'DELETE', pattern: /^\/v1\/Contact\/(\d+)$/i, run: (_req, [id]) => deleteContact(state, id) },
	];
}

function contactRow(contact: SoContact): ArchiveRow {
	const department = contact.department ?? '';
	return {
		PrimaryKey: contact.contactId,
		EntityName: 'contact',
		contactId: contact.contactId,
		name: contact.name,
		department,
		nameDepartment: department ? `${contact.name} ${department}` : contact.name,
		orgnr: contact.orgNr ?? '',
		'email/emailAddress': contact.email ?? '',
		'phone/formattedNumber': contact.phone ?? '',
		contactNoMail: false,
		updatedDate: contact.updated ?? '',
		registeredDate: contact.registered ?? '',
	};
}

/** A ContactEntity; the template from GET /v1/Contact/default when no contact is given. */
function contactEntity(state: SuperOfficeState, contact?: SoContact): Record<string, unknown> {
	const customFields = contact?.customFields ?? blankCustomFields(state.customFieldInfo.contact);
	const persons = contact ? [...state.persons.values()].filter((p) => p.contactId === contact.contactId) : [];
	return {
		ContactId: contact?.contactId ?? 0,
		Name: contact?.name ?? '',
		Department: contact?.department ?? '',
		OrgNr: contact?.orgNr ?? '',
		Number1: '',
		Number2: '',
		UpdatedDate: contact?.updated ?? '0001-01-01T00:00:00',
		CreatedDate: contact?.registered ?? '0001-01-01T00:00:00',
		Emails: elements(contact?.email),
		Interests: [],
		Urls: [],
		Phones: elements(contact?.phone),
		Faxes: [],
		Description: '',
		Associate: null,
		Business: null,
		Category: null,
		Country: null,
		Persons: persons.map((p) => ({
			PersonId: p.personId,
			ContactId: p.contactId,
			FullName: p.fullName,
			Email: p.email,
		})),
		NoMailing: false,
		Xstop: false,
		Deleted: 0,
		BounceEmails: [],
		Domains: [],
		UserDefinedFields: customFieldsPart(customFields, true),
		ExtraFields: customFieldsPart(customFields, false),
		CustomFields: { ...customFields },
		TableRight: { Mask: 'FULL', Reason: '' },
		FieldProperties: {},
	};
}

function getContact(state: SuperOfficeState, rawId: string, webApiUrl: string): SimResponse {
	const lookup = lookupById(state.contacts, rawId, 'Contact');
	if ('error' in lookup) return lookup.error;
	const contact = lookup.found;
	return {
		status: 200,
		body: withLinks(contactEntity(state, contact), `${webApiUrl}/v1/Contact/${contact.contactId}`),
	};
}

const UNKEPT_LISTS = ['Interests', 'Urls', 'Faxes', 'Persons', 'BounceEmails', 'Domains'];

function createContact(state: SuperOfficeState, req: SimRequest, webApiUrl: string): SimResponse {
	const keys = [...Object.keys(contactEntity(state)), '_Links'];
	const parsed = tryParse(() => {
		const body = entityBody(req.body, keys, 'ContactEntity');
		if (body.ContactId !== undefined && body.ContactId !== 0)
			throw new InvalidInput(
				'ContactId must be 0 to create a company; use PUT or PATCH /v1/Contact/{id} to change one',
			);
		refuseUnkept(body, UNKEPT_LISTS);
		const name = (optionalString(body, 'Name') ?? '').trim();
		if (name === '') throw new InvalidInput('A company needs a Name');
		const emails =
			body.Emails == null ? [] : elementValues(body.Emails, 'Emails').map((e) => emailAddress(e, 'Emails'));
		const phones = body.Phones == null ? [] : elementValues(body.Phones, 'Phones');
		return {
			name,
			department: optionalString(body, 'Department') ?? '',
			orgNr: optionalString(body, 'OrgNr') ?? '',
			email: emails[0] ?? '',
			phone: phones[0] ?? '',
			customFields: {
				...blankCustomFields(state.customFieldInfo.contact),
				...(body.CustomFields == null ? {} : customFieldValues(body.CustomFields, state.customFieldInfo.contact)),
			},
		};
	});
	if (parsed instanceof InvalidInput) return badEntity(parsed);
	const now = nowIso();
	const contact: SoContact = { contactId: nextId(state.contacts), ...parsed, updated: now, registered: now };
	state.contacts.set(contact.contactId, contact);
	return {
		status: 200,
		body: withLinks(contactEntity(state, contact), `${webApiUrl}/v1/Contact/${contact.contactId}`),
	};
}

function patchContact(state: SuperOfficeState, req: SimRequest, rawId: string, webApiUrl: string): SimResponse {
	return patchRecord(
		req,
		lookupById(state.contacts, rawId, 'Contact'),
		(contact, operation) => applyContactPatch(state, contact, operation),
		(contact) => {
			state.contacts.set(contact.contactId, contact);
			return {
				status: 200,
				body: withLinks(contactEntity(state, contact), `${webApiUrl}/v1/Contact/${contact.contactId}`),
			};
		},
	);
}

const TEXT_PATHS: Record<string, 'name' | 'department' | 'orgNr'> = {
	name: 'name',
	department: 'department',
	orgnr: 'orgNr',
};

function applyContactPatch(state: SuperOfficeState, contact: SoContact, operation: PatchOperation): void {
	if (patchCustomFields(contact.customFields!, operation, state.customFieldInfo.contact)) return;
	const { op, path, value } = operation;
	const key = path.toLowerCase();
	const text = TEXT_PATHS[key];
	if (text) {
		if (op === 'remove' || typeof value !== 'string') throw new InvalidInput(`${path} must be set to a string`);
		if (text === 'name' && value.trim() === '') throw new InvalidInput('A company needs a Name');
		contact[text] = value;
		return;
	}
	if (key === 'emails' || key === 'phones') {
		const values = op === 'remove' ? [] : elementValues(value, path);
		if (key === 'emails') contact.email = values.map((email) => emailAddress(email, 'Emails'))[0] ?? '';
		else contact.phone = values[0] ?? '';
		return;
	}
	throw new InvalidInput(`Patch path '${path}' is not one the simulator changes on a company`);
}

/** Deleting a company deletes its persons, and takes both out of selections and relations. */
function deleteContact(state: SuperOfficeState, rawId: string): SimResponse {
	const lookup = lookupById(state.contacts, rawId, 'Contact');
	if ('error' in lookup) return lookup.error;
	const { contactId } = lookup.found;
	state.contacts.delete(contactId);
	for (const person of [...state.persons.values()]) {
		if (person.contactId !== contactId) continue;
		state.persons.delete(person.personId);
		state.consents.delete(person.personId);
	}
	for (const selection of state.selections.values())
		selection.members = selection.members.filter((member) => member.contactId !== contactId);
	for (const relation of [...state.relations.values()]) {
		if (relation.sourceContactId === contactId || relation.destinationContactId === contactId)
			state.relations.delete(relation.relationId);
	}
	return { status: 204 };
}
