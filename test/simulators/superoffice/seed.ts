/** The tenant the SuperOffice simulator starts with (unless seed: false), and the associate every credential signs in as. */
import {
	emptyState,
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
	return state;
}
