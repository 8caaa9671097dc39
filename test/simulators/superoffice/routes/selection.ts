/** Selection: the RemoveContactSelectionMembers agent and the REST reads of selections and their members. */
import type { SimRequest } from '../../common/request';
import type { SimResponse } from '../../common/response';
import type { Route } from '../../common/routes';
import type { SuperOfficeContext } from '../context';
import { agentError, InvalidInput, lookupById, requireExactKeys, requireInt32, tryParse } from '../helpers';
import { odataList } from '../odata';
import type { SoMember, SoSelection, SuperOfficeState } from '../state';

const TARGET_TABLE_CONTACT = 5;
const SELECTION_COLUMNS = ['selectionId', 'name', 'kind', 'memberCount', 'targetTableNumber', 'description'];
const MEMBER_COLUMNS = ['personId', 'contactId', 'fullName', 'name'];

export function selectionRoutes({ state, webApiUrl }: SuperOfficeContext): Route[] {
	return [
		{
			method: 'POST',
			pattern: /^\/v1\/Agents\/Selection\/RemoveContactSelectionMembers$/i,
			run: (req) => removeContactSelectionMembers(state, req),
		},
		{
			method: 'GET',
			pattern: /^\/v1\/Selection$/i,
			run: (req) => odataList(req, [...state.selections.values()].map(selectionRow), SELECTION_COLUMNS, webApiUrl()),
		},
		{ method: 'GET', pattern: /^\/v1\/Selection\/([^/]+)$/i, run: (_req, [id]) => getSelection(state, id) },
		{
			method: 'GET',
			pattern: /^\/v1\/Selection\/([^/]+)\/Members$/i,
			run: (req, [id]) => {
				const lookup = lookupById(state.selections, id, 'Selection');
				if ('error' in lookup) return lookup.error;
				const rows = lookup.found.members.map((member) => memberRow(state, member));
				return odataList(req, rows, MEMBER_COLUMNS, webApiUrl());
			},
		},
	];
}

function removeContactSelectionMembers(state: SuperOfficeState, req: SimRequest): SimResponse {
	const parsed = tryParse(() => {
		const body = requireExactKeys(req.body, ['SelectionId', 'ContactPersonIds'], 'Request body');
		return {
			selectionId: requireInt32(body, 'SelectionId', 1, 'SelectionId'),
			pairs: parseContactPersonIds(body.ContactPersonIds),
		};
	});
	if (parsed instanceof InvalidInput) return agentError(400, parsed.message);
	const { selectionId, pairs } = parsed;
	const selection = state.selections.get(selectionId);
	if (!selection) return agentError(200, `Selection ${selectionId} does not exist`);
	if (selection.kind !== 'static') {
		return agentError(200, 'Members can only be removed from a static selection');
	}
	// A pair with a PersonId matches that person's row whatever ContactId says (the carrier
	// is documented as "either a person id or a contact id"); PersonId 0 means the company row.
	const personIds = new Set<number>();
	const companyIds = new Set<number>();
	for (const pair of pairs) {
		if (pair.personId > 0) personIds.add(pair.personId);
		else companyIds.add(pair.contactId);
	}
	selection.members = selection.members.filter((member) =>
		member.personId > 0 ? !personIds.has(member.personId) : !companyIds.has(member.contactId),
	);
	return { status: 204 };
}

function parseContactPersonIds(value: unknown): SoMember[] {
	if (!Array.isArray(value)) throw new InvalidInput('ContactPersonIds must be an array');
	if (value.length === 0) throw new InvalidInput('ContactPersonIds must contain at least one element');
	return value.map((element, index) => {
		const where = `ContactPersonIds[${index}]`;
		const pair = requireExactKeys(element, ['PersonId', 'ContactId'], where);
		const personId = requireInt32(pair, 'PersonId', 0, `${where}.PersonId`);
		const contactId = requireInt32(pair, 'ContactId', 0, `${where}.ContactId`);
		if (personId === 0 && contactId === 0)
			throw new InvalidInput(`${where} must have a non-zero PersonId or ContactId`);
		return { personId, contactId };
	});
}

function getSelection(state: SuperOfficeState, rawId: string): SimResponse {
	const lookup = lookupById(state.selections, rawId, 'Selection');
	if ('error' in lookup) return lookup.error;
	const selection = lookup.found;
	return {
		status: 200,
		body: {
			SelectionId: selection.selectionId,
			Name: selection.name,
			SelectionType: selection.kind.charAt(0).toUpperCase() + selection.kind.slice(1),
			TargetTableName: 'contact',
			TargetTableNumber: TARGET_TABLE_CONTACT,
			MemberCount: selection.members.length,
			Description: selection.description,
		},
	};
}

function selectionRow(s: SoSelection): Record<string, unknown> {
	return {
		PrimaryKey: s.selectionId,
		EntityName: 'selection',
		selectionId: s.selectionId,
		name: s.name,
		kind: s.kind,
		memberCount: s.members.length,
		targetTableNumber: TARGET_TABLE_CONTACT,
		description: s.description,
	};
}

function memberRow(state: SuperOfficeState, member: SoMember): Record<string, unknown> {
	if (member.personId > 0) {
		return {
			PrimaryKey: member.personId,
			EntityName: 'person',
			personId: member.personId,
			contactId: member.contactId,
			fullName: state.persons.get(member.personId)?.fullName ?? `Person ${member.personId}`,
		};
	}
	return {
		PrimaryKey: member.contactId,
		EntityName: 'contact',
		personId: 0,
		contactId: member.contactId,
		name: state.contacts.get(member.contactId)?.name ?? `Company ${member.contactId}`,
	};
}
