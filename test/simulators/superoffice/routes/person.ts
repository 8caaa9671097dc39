/**
 * Person: the REST entity (list, default, create, read, PATCH, delete), its custom-field metadata and
 * consents, and the PersonAgent methods for bounces and consent. Strict as the Swagger files: only the
 * PersonEntity's own properties, typed, custom fields only by published FieldName, agent bodies with
 * exactly their documented keys.
 */
import type { SimRequest } from '../../common/request';
import type { SimResponse } from '../../common/response';
import type { Route } from '../../common/routes';
import type { SuperOfficeContext } from '../context';
import { agentError, InvalidInput, lookupById, requireExactKeys, requireInt32, tryParse } from '../helpers';
import type { SoConsentListItem, SoCustomFieldInfo, SoPerson, SuperOfficeState } from '../state';
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

const PERSON_COLUMNS: ArchiveColumn[] = [
	{ name: 'personId', type: 'int' },
	{ name: 'firstName', type: 'string' },
	{ name: 'lastName', type: 'string' },
	{ name: 'middleName', type: 'string' },
	{ name: 'fullName', type: 'string' },
	{ name: 'title', type: 'string' },
	{ name: 'contactId', type: 'int' },
	{ name: 'personContact/name', type: 'string' },
	{ name: 'email/emailAddress', type: 'string' },
	{ name: 'email/emailBounceCount', type: 'int' },
	{ name: 'email/emailHasBounced', type: 'bool' },
	{ name: 'personDirectPhone/formattedNumber', type: 'string' },
	{ name: 'personMobilePhone/formattedNumber', type: 'string' },
	{ name: 'personNoMail', type: 'bool' },
	{ name: 'personUpdatedDate', type: 'date' },
	{ name: 'personRegisteredDate', type: 'date' },
];

export function personRoutes({ state, webApiUrl }: SuperOfficeContext): Route[] {
	return [
		{
			method: 'GET',
			pattern: /^\/v1\/Person$/i,
			run: (req) =>
				archiveList(
					req,
					[...state.persons.values()].map((p) => personRow(state, p)),
					PERSON_COLUMNS,
					webApiUrl(),
				),
		},
		{ method: 'POST', pattern: /^\/v1\/Person$/i, run: (req) => createPerson(state, req, webApiUrl()) },
		{ method: 'GET', pattern: /^\/v1\/Person\/default$/i, run: () => ({ status: 200, body: defaultPerson(state) }) },
		{
			method: 'GET',
			pattern: /^\/v1\/Person\/CustomField$/i,
			run: () => ({ status: 200, body: state.customFieldInfo.person.map(fieldInfo) }),
		},
		{ method: 'GET', pattern: /^\/v1\/Person\/(\d+)$/i, run: (_req, [id]) => getPerson(state, id, webApiUrl()) },
		{
			method: 'PATCH',
			pattern: /^\/v1\/Person\/(\d+)$/i,
			run: (req, [id]) => patchPerson(state, req, id, webApiUrl()),
		},
		{ method: 'DELETE', pattern: /^\/v1\/Person\/(\d+)$/i, run: (_req, [id]) => deletePerson(state, id) },
		{ method: 'GET', pattern: /^\/v1\/Person\/(\d+)\/Consent$/i, run: (_req, [id]) => getConsents(state, id) },
		{ method: 'POST', pattern: /^\/v1\/Agents\/Person\/AddBounce$/i, run: (req) => addBounce(state, req, false) },
		{
			method: 'POST',
			pattern: /^\/v1\/Agents\/Person\/AddBounceWithDetails$/i,
			run: (req) => addBounce(state, req, true),
		},
		{ method: 'POST', pattern: /^\/v1\/Agents\/Person\/SetConsent$/i, run: (req) => setConsent(state, req) },
		{ method: 'POST', pattern: /^\/v1\/Agents\/Person\/RemoveConsent$/i, run: (req) => removeConsent(state, req) },
	];
}

/** FieldInfoBase as GET /v1/{Entity}/CustomField lists it. */
export function fieldInfo(field: SoCustomFieldInfo): Record<string, unknown> {
	return {
		...field,
		ShortLabel: '',
		HideLabel: false,
		IsIndexed: false,
		IsExternal: false,
		IsDisplayField: false,
	};
}

const firstNameOf = (person: SoPerson) => person.firstName ?? person.fullName.split(' ')[0];
const lastNameOf = (person: SoPerson) => person.lastName ?? person.fullName.split(' ').slice(1).join(' ');

function personRow(state: SuperOfficeState, person: SoPerson): ArchiveRow {
	const bounce = state.bounces.get(person.email.toLowerCase());
	return {
		PrimaryKey: person.personId,
		EntityName: 'person',
		personId: person.personId,
		firstName: firstNameOf(person),
		lastName: lastNameOf(person),
		middleName: '',
		fullName: person.fullName,
		title: person.title ?? '',
		contactId: person.contactId,
		'personContact/name': state.contacts.get(person.contactId)?.name ?? '',
		'email/emailAddress': person.email,
		'email/emailBounceCount': bounce?.count ?? 0,
		'email/emailHasBounced': (bounce?.count ?? 0) > 0,
		'personDirectPhone/formattedNumber': person.phone ?? '',
		'personMobilePhone/formattedNumber': person.mobilePhone ?? '',
		personNoMail: person.noMailing ?? false,
		personUpdatedDate: person.updated ?? '',
		personRegisteredDate: person.registered ?? '',
	};
}

/** A PersonEntity; the template from GET /v1/Person/default when no person is given. */
function personEntity(state: SuperOfficeState, person: SoPerson | undefined): Record<string, unknown> {
	const contact = person && person.contactId > 0 ? state.contacts.get(person.contactId) : undefined;
	const customFields =
		person?.customFields ?? Object.fromEntries(state.customFieldInfo.person.map((f) => [f.FieldName, '']));
	const emails = person ? [person.email, ...(person.otherEmails ?? [])] : [];
	return {
		PersonId: person?.personId ?? 0,
		Firstname: person ? firstNameOf(person) : '',
		MiddleName: '',
		Lastname: person ? lastNameOf(person) : '',
		Mrmrs: '',
		Title: person?.title ?? '',
		UpdatedDate: person?.updated ?? '0001-01-01T00:00:00',
		CreatedDate: person?.registered ?? '0001-01-01T00:00:00',
		Emails: elements(...emails),
		Description: '',
		IsAssociate: false,
		PrivatePhones: [],
		Faxes: [],
		MobilePhones: elements(person?.mobilePhone),
		OfficePhones: elements(person?.phone),
		OtherPhones: [],
		Position: null,
		Contact: contact
			? {
					ContactId: contact.contactId,
					Name: contact.name,
					OrgNr: contact.orgNr ?? '',
					Department: contact.department ?? '',
				}
			: null,
		Country: null,
		Interests: [],
		PersonNumber: '',
		FullName: person?.fullName ?? '',
		NoMailing: person?.noMailing ?? false,
		UsePersonAddress: false,
		Retired: person?.retired ?? false,
		Urls: [],
		FormalName: person?.fullName ?? '',
		Consents: person ? consentInfos(state, person.personId) : [],
		BounceEmails: emails.filter((email) => (state.bounces.get(email.toLowerCase())?.count ?? 0) > 0),
		UserDefinedFields: customFieldsPart(customFields, true),
		ExtraFields: customFieldsPart(customFields, false),
		CustomFields: { ...customFields },
		TableRight: { Mask: 'FULL', Reason: '' },
		FieldProperties: {},
	};
}

function defaultPerson(state: SuperOfficeState): Record<string, unknown> {
	return personEntity(state, undefined);
}

function getPerson(state: SuperOfficeState, rawId: string, webApiUrl: string): SimResponse {
	const lookup = lookupById(state.persons, rawId, 'Person');
	if ('error' in lookup) return lookup.error;
	const person = lookup.found;
	return { status: 200, body: withLinks(personEntity(state, person), `${webApiUrl}/v1/Person/${person.personId}`) };
}

/** Lists the simulator keeps nothing of: accepted only empty, as the template has them. */
const UNKEPT_LISTS = ['PrivatePhones', 'Faxes', 'OtherPhones', 'Urls', 'Interests', 'Consents', 'BounceEmails'];

function createPerson(state: SuperOfficeState, req: SimRequest, webApiUrl: string): SimResponse {
	const keys = [...Object.keys(defaultPerson(state)), '_Links'];
	const parsed = tryParse(() => {
		const body = entityBody(req.body, keys, 'PersonEntity');
		if (body.PersonId !== undefined && body.PersonId !== 0)
			throw new InvalidInput('PersonId must be 0 to create a person; use PUT or PATCH /v1/Person/{id} to change one');
		refuseUnkept(body, UNKEPT_LISTS);
		const firstName = optionalString(body, 'Firstname') ?? '';
		const lastName = optionalString(body, 'Lastname') ?? '';
		if (firstName.trim() === '' && lastName.trim() === '')
			throw new InvalidInput('A person needs a Firstname or a Lastname');
		const emails =
			body.Emails == null ? [] : elementValues(body.Emails, 'Emails').map((e) => emailAddress(e, 'Emails'));
		const phones = body.OfficePhones == null ? [] : elementValues(body.OfficePhones, 'OfficePhones');
		const mobiles = body.MobilePhones == null ? [] : elementValues(body.MobilePhones, 'MobilePhones');
		const contactId = contactIdOf(state, body.Contact);
		const customFields = {
			...blankCustomFields(state.customFieldInfo.person),
			...(body.CustomFields == null ? {} : customFieldValues(body.CustomFields, state.customFieldInfo.person)),
		};
		return {
			firstName,
			lastName,
			title: optionalString(body, 'Title') ?? '',
			retired: optionalBoolean(body, 'Retired'),
			noMailing: optionalBoolean(body, 'NoMailing'),
			emails,
			phones,
			mobiles,
			contactId,
			customFields,
		};
	});
	if (parsed instanceof InvalidInput) return badEntity(parsed);
	const now = nowIso();
	const person: SoPerson = {
		personId: nextId(state.persons),
		contactId: parsed.contactId,
		firstName: parsed.firstName.trim(),
		lastName: parsed.lastName.trim(),
		fullName: `${parsed.firstName.trim()} ${parsed.lastName.trim()}`.trim(),
		title: parsed.title,
		retired: parsed.retired,
		noMailing: parsed.noMailing,
		email: parsed.emails[0] ?? '',
		otherEmails: parsed.emails.slice(1),
		phone: parsed.phones[0] ?? '',
		mobilePhone: parsed.mobiles[0] ?? '',
		customFields: parsed.customFields,
		updated: now,
		registered: now,
	};
	state.persons.set(person.personId, person);
	return { status: 200, body: withLinks(personEntity(state, person), `${webApiUrl}/v1/Person/${person.personId}`) };
}

function contactIdOf(state: SuperOfficeState, contact: unknown): number {
	if (contact === undefined || contact === null) return 0;
	if (typeof contact !== 'object' || Array.isArray(contact)) throw new InvalidInput('Contact must be an object');
	const contactId = requireInt32(contact as Record<string, unknown>, 'ContactId', 0, 'Contact.ContactId');
	if (contactId > 0 && !state.contacts.has(contactId)) throw new InvalidInput(`Contact id ${contactId} not found`);
	return contactId;
}

function patchPerson(state: SuperOfficeState, req: SimRequest, rawId: string, webApiUrl: string): SimResponse {
	return patchRecord(
		req,
		lookupById(state.persons, rawId, 'Person'),
		(person, operation) => applyPersonPatch(state, person, operation),
		(person) => {
			person.fullName = `${firstNameOf(person)} ${lastNameOf(person)}`.trim();
			state.persons.set(person.personId, person);
			return { status: 200, body: withLinks(personEntity(state, person), `${webApiUrl}/v1/Person/${person.personId}`) };
		},
	);
}

const TEXT_PATHS: Record<string, 'firstName' | 'lastName' | 'title'> = {
	firstname: 'firstName',
	lastname: 'lastName',
	title: 'title',
};

const FLAG_PATHS: Record<string, 'retired' | 'noMailing'> = { retired: 'retired', nomailing: 'noMailing' };

/** A boolean property of an entity body: false when absent or null. */
function optionalBoolean(body: Record<string, unknown>, key: string): boolean {
	const value = body[key];
	if (value === undefined || value === null) return false;
	if (typeof value !== 'boolean') throw new InvalidInput(`${key} must be a boolean, got ${JSON.stringify(value)}`);
	return value;
}

function applyPersonPatch(state: SuperOfficeState, person: SoPerson, operation: PatchOperation): void {
	if (patchCustomFields(person.customFields!, operation, state.customFieldInfo.person)) return;
	const { op, path, value } = operation;
	const key = path.toLowerCase();
	const text = TEXT_PATHS[key];
	if (text) {
		person.firstName = firstNameOf(person);
		person.lastName = lastNameOf(person);
		if (op === 'remove') person[text] = '';
		else if (typeof value !== 'string') throw new InvalidInput(`${path} must be a string`);
		else person[text] = value;
		return;
	}
	if (key === 'emails' || key === 'emails/-') {
		const values = op === 'remove' ? [] : elementValues(key === 'emails' ? value : [value], 'Emails');
		const emails = values.map((email) => emailAddress(email, 'Emails'));
		const all = key === 'emails' ? emails : [person.email, ...(person.otherEmails ?? []), ...emails].filter(Boolean);
		person.email = all[0] ?? '';
		person.otherEmails = all.slice(1);
		return;
	}
	if (key === 'officephones' || key === 'mobilephones') {
		const values = op === 'remove' ? [] : elementValues(value, path);
		if (key === 'officephones') person.phone = values[0] ?? '';
		else person.mobilePhone = values[0] ?? '';
		return;
	}
	const flag = FLAG_PATHS[key];
	if (flag) {
		if (op === 'remove') person[flag] = false;
		else if (typeof value !== 'boolean') throw new InvalidInput(`${path} must be a boolean`);
		else person[flag] = value;
		return;
	}
	if (key === 'contact/contactid') {
		person.contactId = contactIdOf(state, { ContactId: value });
		return;
	}
	throw new InvalidInput(`Patch path '${path}' is not one the simulator changes on a person`);
}

function deletePerson(state: SuperOfficeState, rawId: string): SimResponse {
	const lookup = lookupById(state.persons, rawId, 'Person');
	if ('error' in lookup) return lookup.error;
	const { personId } = lookup.found;
	state.persons.delete(personId);
	state.consents.delete(personId);
	for (const selection of state.selections.values())
		selection.members = selection.members.filter((member) => member.personId !== personId);
	return { status: 204 };
}

function listItem(items: SoConsentListItem[], key: string): SoConsentListItem | undefined {
	return items.find((item) => item.key === key && !item.deleted);
}

function consentInfos(state: SuperOfficeState, personId: number): Array<Record<string, unknown>> {
	const { purposes, sources, legalBases } = state.consentLists;
	return (state.consents.get(personId) ?? []).map((consent, index) => ({
		ConsentPersonId: personId * 100 + index,
		Comment: consent.comment,
		Registered: consent.updated,
		Updated: consent.updated,
		LegalBaseId: listItem(legalBases, consent.legalBase)?.id ?? 0,
		LegalBaseKey: consent.legalBase,
		LegalBaseName: listItem(legalBases, consent.legalBase)?.name ?? '',
		ConsentPurposeId: listItem(purposes, consent.purpose)?.id ?? 0,
		ConsentPurposeKey: consent.purpose,
		ConsentPurposeName: listItem(purposes, consent.purpose)?.name ?? '',
		ConsentSourceId: listItem(sources, consent.source)?.id ?? 0,
		ConsentSourceKey: consent.source,
		ConsentSourceName: listItem(sources, consent.source)?.name ?? '',
	}));
}

function getConsents(state: SuperOfficeState, rawId: string): SimResponse {
	const lookup = lookupById(state.persons, rawId, 'Person');
	if ('error' in lookup) return lookup.error;
	return { status: 200, body: consentInfos(state, lookup.found.personId) };
}

function requireString(body: Record<string, unknown>, key: string): string {
	if (typeof body[key] !== 'string')
		throw new InvalidInput(`${key} must be a string, got ${JSON.stringify(body[key])}`);
	return body[key] as string;
}

/** "Add a bounce count on the email address if it exists": an address nobody has changes nothing, also 204. */
function addBounce(state: SuperOfficeState, req: SimRequest, details: boolean): SimResponse {
	const parsed = tryParse(() => {
		const keys = details ? ['EmailAddress', 'Counts', 'Code', 'Reason'] : ['EmailAddress'];
		const body = requireExactKeys(req.body, keys, 'Request body');
		const email = requireString(body, 'EmailAddress');
		if (!details) return { email, counts: 1, code: 0, reason: '' };
		return {
			email,
			counts: requireInt32(body, 'Counts', 1, 'Counts'),
			code: requireInt32(body, 'Code', 0, 'Code'),
			reason: requireString(body, 'Reason'),
		};
	});
	if (parsed instanceof InvalidInput) return agentError(400, parsed.message);
	const address = parsed.email.trim().toLowerCase();
	const known =
		[...state.persons.values()].some((p) =>
			[p.email, ...(p.otherEmails ?? [])].some((e) => e.toLowerCase() === address),
		) || [...state.contacts.values()].some((c) => (c.email ?? '').toLowerCase() === address);
	if (known) {
		const before = state.bounces.get(address);
		state.bounces.set(address, {
			count: (before?.count ?? 0) + parsed.counts,
			code: parsed.code,
			reason: parsed.reason,
			last: nowIso(),
		});
	}
	return { status: 204 };
}

/** A person and a purpose for the consent agents; an unknown one answers as agents do (200 with Message). */
function consentRequest(
	state: SuperOfficeState,
	req: SimRequest,
	keys: string[],
): { body: Record<string, unknown>; personId: number; purpose: string } | SimResponse {
	const parsed = tryParse(() => {
		const body = requireExactKeys(req.body, keys, 'Request body');
		return { body, personId: requireInt32(body, 'PersonId', 1, 'PersonId'), purpose: requireString(body, 'Purpose') };
	});
	if (parsed instanceof InvalidInput) return agentError(400, parsed.message);
	if (!state.persons.has(parsed.personId)) return agentError(200, `Person ${parsed.personId} does not exist`);
	if (!listItem(state.consentLists.purposes, parsed.purpose))
		return agentError(200, `Unknown consent purpose '${parsed.purpose}'`);
	return parsed;
}

function setConsent(state: SuperOfficeState, req: SimRequest): SimResponse {
	const request = consentRequest(state, req, ['PersonId', 'Purpose', 'Source', 'LegalBase', 'Comment']);
	if ('status' in request) return request;
	const fields = tryParse(() => ({
		source: requireString(request.body, 'Source'),
		legalBase: requireString(request.body, 'LegalBase'),
		comment: requireString(request.body, 'Comment'),
	}));
	if (fields instanceof InvalidInput) return agentError(400, fields.message);
	if (!listItem(state.consentLists.sources, fields.source))
		return agentError(200, `Unknown consent source '${fields.source}'`);
	if (!listItem(state.consentLists.legalBases, fields.legalBase))
		return agentError(200, `Unknown legal base '${fields.legalBase}'`);
	const others = (state.consents.get(request.personId) ?? []).filter((c) => c.purpose !== request.purpose);
	state.consents.set(request.personId, [...others, { purpose: request.purpose, ...fields, updated: nowIso() }]);
	return { status: 204 };
}

/** "To remove a consent, mark its legalbase as 'WITHDRAWN'": a consent never given stays absent, also 204. */
function removeConsent(state: SuperOfficeState, req: SimRequest): SimResponse {
	const request = consentRequest(state, req, ['PersonId', 'Purpose']);
	if ('status' in request) return request;
	for (const consent of state.consents.get(request.personId) ?? []) {
		if (consent.purpose === request.purpose && consent.legalBase !== 'WITHDRAWN') {
			consent.legalBase = 'WITHDRAWN';
			consent.updated = nowIso();
		}
	}
	return { status: 204 };
}
