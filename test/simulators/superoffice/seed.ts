/** The tenant the SuperOffice simulator starts with (unless seed: false), and the associate every credential signs in as. */
import {
	emptyState,
	type SoConsentListItem,
	type SoContact,
	type SoMember,
	type SoPerson,
	type SoRelation,
	type SoSelection,
	type SuperOfficeState,
} from './state';

/** The associate every accepted credential maps to. */
export const PRINCIPAL = {
	AssociateId: 5,
	FullName: 'Siri Operator',
	EMailAddress: 'siri.operator@nordicbikes.example',
	PersonId: 266,
	ContactId: 138,
	GroupId: 2,
	UserType: 'InternalAssociate',
	IsPerson: true,
};

const CONTACTS: SoContact[] = [
	{ contactId: 138, name: 'Nordic Bikes AS' },
	{ contactId: 139, name: 'Fjord Consulting' },
	{ contactId: 140, name: 'Aurora Logistics AB' },
	{ contactId: 141, name: 'Baltic Timber Oy' },
	{ contactId: 142, name: 'Nordic Bikes Retail AS' },
];

const PERSONS: SoPerson[] = [
	{ personId: 266, contactId: 138, fullName: 'Kari Nordmann', email: 'kari.nordmann@nordicbikes.example' },
	{ personId: 267, contactId: 138, fullName: 'Ola Hansen', email: 'ola.hansen@nordicbikes.example' },
	{ personId: 301, contactId: 139, fullName: 'Ingrid Berg', email: 'ingrid.berg@fjordconsulting.example' },
	{ personId: 302, contactId: 139, fullName: 'Lars Eriksen', email: 'lars.eriksen@fjordconsulting.example' },
	{ personId: 315, contactId: 141, fullName: 'Mikko Virtanen', email: 'mikko.virtanen@baltictimber.example' },
	{ personId: 320, contactId: 142, fullName: 'Sofie Dahl', email: 'sofie.dahl@nordicbikesretail.example' },
];

/** [personId, contactId] pairs; personId 0 is a company-only member. */
function members(...pairs: Array<[number, number]>): SoMember[] {
	return pairs.map(([personId, contactId]) => ({ personId, contactId }));
}

const SELECTIONS: SoSelection[] = [
	{
		selectionId: 938,
		name: 'Newsletter subscribers',
		kind: 'static',
		description: 'Monthly product newsletter',
		members: members([266, 138], [267, 138], [301, 139], [0, 140]),
	},
	{
		selectionId: 939,
		name: 'Event invitations 2026',
		kind: 'static',
		description: 'Spring partner event',
		members: members([302, 139], [315, 141], [320, 142]),
	},
	{
		selectionId: 940,
		name: 'Key accounts (dynamic)',
		kind: 'dynamic',
		description: 'Companies in category A',
		members: members([0, 138], [0, 139]),
	},
];

const RELATIONS: SoRelation[] = [
	{
		relationId: 413,
		sourceContactId: 142,
		sourcePersonId: 0,
		destinationContactId: 138,
		destinationPersonId: 0,
		relationDefinitionId: 1,
		activeText: 'Subsidiary of',
		passiveText: 'Parent of',
	},
	{
		relationId: 414,
		sourceContactId: 139,
		sourcePersonId: 0,
		destinationContactId: 141,
		destinationPersonId: 0,
		relationDefinitionId: 2,
		activeText: 'Supplier to',
		passiveText: 'Customer of',
	},
	{
		relationId: 415,
		sourceContactId: 138,
		sourcePersonId: 266,
		destinationContactId: 139,
		destinationPersonId: 301,
		relationDefinitionId: 3,
		activeText: 'Consultant for',
		passiveText: 'Has consultant',
	},
];

/** A fresh copy of the seed rows each time, so one simulator's changes never reach another's. */
export function seededState(): SuperOfficeState {
	const state = emptyState();
	for (const c of CONTACTS) state.contacts.set(c.contactId, { ...c });
	for (const p of PERSONS) state.persons.set(p.personId, { ...p });
	for (const s of SELECTIONS) state.selections.set(s.selectionId, { ...s, members: s.members.map((m) => ({ ...m })) });
	for (const r of RELATIONS) state.relations.set(r.relationId, { ...r });
	seedRecordDetails(state);
	return state;
}

/**
 * What the Person and Company (Contact) operations read beyond ids and names: split names, titles, phones,
 * dates (for Updated Since), consents, the tenant's custom fields and the consent lists.
 */
function seedRecordDetails(state: SuperOfficeState): void {
	const updated: Record<number, string> = {
		266: '2026-03-01T09:00:00Z',
		267: '2026-01-10T09:00:00Z',
		301: '2026-02-15T09:00:00Z',
		302: '2025-11-20T09:00:00Z',
		315: '2026-02-20T09:00:00Z',
		320: '2025-12-01T09:00:00Z',
	};
	for (const person of state.persons.values()) {
		const [firstName, ...rest] = person.fullName.split(' ');
		Object.assign(person, {
			firstName,
			lastName: rest.join(' '),
			title: person.personId === 266 ? 'Marketing Manager' : '',
			phone: person.personId === 266 ? '+47 22 33 44 55' : '',
			mobilePhone: '',
			customFields: { 'SuperOffice:1': '', 'SuperOffice:2': '', x_person_source: '' },
			updated: updated[person.personId] ?? '2026-01-01T09:00:00Z',
			registered: '2025-06-01T09:00:00Z',
		});
	}
	const orgNr: Record<number, string> = { 138: 'NO912345678', 139: 'NO923456789', 140: 'SE556677889901' };
	for (const contact of state.contacts.values()) {
		Object.assign(contact, {
			department: '',
			orgNr: orgNr[contact.contactId] ?? '',
			email: '',
			phone: '',
			customFields: { 'SuperOffice:1': '', 'SuperOffice:2': '0', x_contact_tier: '' },
			updated: contact.contactId === 138 ? '2026-03-02T09:00:00Z' : '2025-12-15T09:00:00Z',
			registered: '2025-05-01T09:00:00Z',
		});
	}
	state.consents.set(266, [
		{ purpose: 'EMARKETING', source: 'WEBFORM', legalBase: '61A', comment: '', updated: '2026-01-05T09:00:00Z' },
	]);
	state.consents.set(301, [
		{ purpose: 'STORE', source: 'USER', legalBase: '61F', comment: '', updated: '2026-01-05T09:00:00Z' },
	]);
	const field = (FieldName: string, DisplayName: string, FieldType: string, Rank: number) => ({
		FieldName,
		DisplayName,
		FieldType,
		Description: '',
		IsReadOnly: false,
		IsMandatory: false,
		HideField: false,
		Rank,
		TemplateVariableName: FieldName.startsWith('SuperOffice:')
			? `c${FieldType === 'Integer' ? 'n' : 's'}0${Rank}`
			: null,
	});
	state.customFieldInfo.person = [
		field('SuperOffice:1', 'Newsletter segment', 'ShortText', 1),
		field('SuperOffice:2', 'Customer number', 'Integer', 2),
		field('x_person_source', 'Lead source', 'ShortText', 3),
	];
	state.customFieldInfo.contact = [
		field('SuperOffice:1', 'Region', 'ShortText', 1),
		field('SuperOffice:2', 'Key account', 'Checkbox', 2),
		field('x_contact_tier', 'Tier', 'ShortText', 3),
	];
	const items = (...entries: Array<[key: string, name: string]>): SoConsentListItem[] =>
		entries.map(([key, name], index) => ({ id: index + 1, key, name, tooltip: '', deleted: false }));
	state.consentLists = {
		purposes: items(['STORE', 'Sales and service'], ['EMARKETING', 'E-marketing']),
		sources: items(['USER', 'Manually by user'], ['WEBFORM', 'Web form'], ['API', 'API'], ['IMPORT', 'Import']),
		legalBases: items(
			['61A', 'Consent'],
			['61B', 'Contract'],
			['61F', 'Legitimate interest'],
			['WITHDRAWN', 'Withdrawn'],
		),
	};
}
