/**
 * Selection: the Add/RemoveContactSelectionMembers agents, and the REST entity (default, create, read) with its
 * OData lists (FindSelection, and a selection's members). Strict as the Swagger files: agent bodies with exactly
 * their documented keys, only SelectionEntity's own properties on create, and the archive columns the
 * providers document (FindSelection, ContactPersonStaticSelectionV2).
 */
import type { SimRequest } from '../../common/request';
import { isPlainObject } from '../../common/request';
import type { SimResponse } from '../../common/response';
import type { Route } from '../../common/routes';
import type { SuperOfficeContext } from '../context';
import { agentError, InvalidInput, lookupById, requireExactKeys, requireInt32, restError, tryParse } from '../helpers';
import { odataList } from '../odata';
import type { SoMember, SoSelection, SoTargetTable, SuperOfficeState } from '../state';
import { addSelection } from '../state';

const TABLE_NUMBERS: Record<SoTargetTable, number> = { contact: 5, person: 6 };
const SELECTION_COLUMNS = ['selectionId', 'name', 'kind', 'memberCount', 'targetTableNumber', 'type'];
const MEMBER_COLUMNS = [
	'selectionMemberId',
	'selectionId',
	'contactId',
	'name',
	'personId',
	'firstName',
	'lastName',
	'fullName',
	'personEmail/emailAddress',
	'email/emailAddress',
];

/** SelectionEntity's properties (Swagger-v1-Selection.json); a create body may hold these and no others. */
const ENTITY_PROPERTIES = [
	'Description',
	'Postit',
	'Associate',
	'CreatedBy',
	'UpdatedBy',
	'SelectionCategory',
	'GroupIdx',
	'IncludePerson',
	'MemberCount',
	'Name',
	'PostitTextId',
	'CreatedDate',
	'SelectionId',
	'SoundEx',
	'Source',
	'TextId',
	'UpdatedDate',
	'UpdatedCount',
	'Visibility',
	'SelectionType',
	'CompanyUnique',
	'TargetTableNumber',
	'TargetTableName',
	'Completed',
	'LeftSelectionId',
	'RightSelectionId',
	'SelectionUnionType',
	'MainProviderName',
	'ShadowProviderName',
	'ChartKey',
	'LastLoaded',
	'LastLoadedBy',
	'LastLoadedByAssociate',
	'LastMembershipChange',
	'LastMembershipChangeBy',
	'LastMembershipChangeByAssociate',
	'MainHeading',
	'MemberTabHeading',
	'MailingsProviderName',
	'DashboardTileDefinitionId',
	'VisibleFor',
	'TableRight',
	'FieldProperties',
];

export function selectionRoutes({ state, webApiUrl }: SuperOfficeContext): Route[] {
	return [
		{
			method: 'POST',
			pattern: /^\/v1\/Agents\/Selection\/RemoveContactSelectionMembers$/i,
			run: (req) => changeMembers(state, req, 'remove'),
		},
		{
			method: 'POST',
			pattern: /^\/v1\/Agents\/Selection\/AddContactSelectionMembers$/i,
			run: (req) => changeMembers(state, req, 'add'),
		},
		{
			method: 'GET',
			pattern: /^\/v1\/Selection$/i,
			run: (req) => odataList(req, [...state.selections.values()].map(selectionRow), SELECTION_COLUMNS, webApiUrl()),
		},
		{ method: 'POST', pattern: /^\/v1\/Selection$/i, run: (req) => createSelection(state, req, webApiUrl()) },
		// Before /Selection/{id}: "default" is no id.
		{ method: 'GET', pattern: /^\/v1\/Selection\/default$/i, run: () => ({ status: 200, body: defaultEntity() }) },
		{ method: 'GET', pattern: /^\/v1\/Selection\/([^/]+)$/i, run: (req, [id]) => getSelection(state, req, id) },
		{
			method: 'GET',
			pattern: /^\/v1\/Selection\/([^/]+)\/Members$/i,
			run: (req, [id]) => {
				const lookup = lookupById(state.selections, id, 'Selection');
				if ('error' in lookup) return lookup.error;
				const rows = lookup.found.members.map((member, index) => memberRow(state, lookup.found, member, index));
				// Without $select the archive answers its default columns only.
				const shown = req.query.$select === undefined ? rows.map(defaultMemberColumns) : rows;
				return odataList(req, shown, MEMBER_COLUMNS, webApiUrl());
			},
		},
	];
}

/**
 * Both agents take {SelectionId, ContactPersonIds} and answer 204 for the whole request. Only static selections
 * take or give up members; how SuperOffice refuses the others is UNVERIFIED, so the simulator answers the
 * agents' documented failure form (200 with Message/MessageDetail).
 */
function changeMembers(state: SuperOfficeState, req: SimRequest, change: 'add' | 'remove'): SimResponse {
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
		return agentError(
			200,
			change === 'add'
				? 'Members can only be added to a static selection'
				: 'Members can only be removed from a static selection',
		);
	}
	if (change === 'add') return addMembers(state, selection, pairs);
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

/**
 * A selection member row always names its company, and a person must belong to it (selectionmember table).
 * Nothing is added unless every pair is valid; a member already there is left as it is.
 */
function addMembers(state: SuperOfficeState, selection: SoSelection, pairs: SoMember[]): SimResponse {
	const rows: SoMember[] = [];
	for (const pair of pairs) {
		const person = pair.personId > 0 ? state.persons.get(pair.personId) : undefined;
		if (pair.personId > 0 && !person) return agentError(200, `Person ${pair.personId} does not exist`);
		const contactId = pair.contactId > 0 ? pair.contactId : (person?.contactId ?? 0);
		if (!state.contacts.has(contactId)) return agentError(200, `Contact ${contactId} does not exist`);
		if (person && person.contactId !== contactId) {
			return agentError(200, `Person ${pair.personId} does not belong to contact ${contactId}`);
		}
		rows.push({ personId: pair.personId, contactId });
	}
	for (const row of rows) {
		const present = selection.members.some((member) =>
			row.personId > 0 ? member.personId === row.personId : member.personId === 0 && member.contactId === row.contactId,
		);
		if (!present) selection.members.push(row);
	}
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

/** What GET /Selection/default answers: a new static selection of companies, not saved (SelectionId 0). */
function defaultEntity(): Record<string, unknown> {
	return {
		SelectionId: 0,
		Name: '',
		Description: '',
		Postit: '',
		SelectionType: 'Static',
		TargetTableName: 'contact',
		TargetTableNumber: TABLE_NUMBERS.contact,
		IncludePerson: 0,
		CompanyUnique: false,
		MemberCount: 0,
		Completed: false,
		LeftSelectionId: 0,
		RightSelectionId: 0,
		SelectionUnionType: 'Unknown',
		MainProviderName: 'ContactPersonStaticSelectionV2',
		ShadowProviderName: '',
		VisibleFor: [],
	};
}

function createSelection(state: SuperOfficeState, req: SimRequest, webApiUrl: string): SimResponse {
	const parsed = tryParse(() => {
		if (!isPlainObject(req.body)) throw new InvalidInput('Entity to save is not in request body.');
		const body = req.body;
		for (const key of Object.keys(body)) {
			if (!ENTITY_PROPERTIES.includes(key)) throw new InvalidInput(`SelectionEntity has no property '${key}'`);
		}
		if (body.SelectionId !== undefined && body.SelectionId !== 0) {
			throw new InvalidInput('POST /Selection creates a selection: SelectionId must be 0');
		}
		if (typeof body.Name !== 'string' || body.Name.trim() === '')
			throw new InvalidInput('Name must be a non-empty string');
		if (body.SelectionType !== 'Static') throw new InvalidInput("The simulator creates only SelectionType 'Static'");
		const target = body.TargetTableName;
		if (target !== 'contact' && target !== 'person') {
			throw new InvalidInput(`TargetTableName must be 'contact' or 'person', got ${JSON.stringify(target)}`);
		}
		if (body.TargetTableNumber !== undefined && body.TargetTableNumber !== TABLE_NUMBERS[target]) {
			throw new InvalidInput(
				`TargetTableNumber ${JSON.stringify(body.TargetTableNumber)} is not the table '${target}'`,
			);
		}
		if (body.Description !== undefined && typeof body.Description !== 'string') {
			throw new InvalidInput('Description must be a string');
		}
		return { name: body.Name, target: target as SoTargetTable, description: body.Description as string | undefined };
	});
	if (parsed instanceof InvalidInput) return restError(400, 'ArgumentException', parsed.message);
	const selection = addSelection(state, {
		name: parsed.name,
		description: parsed.description,
		targetTableName: parsed.target,
	});
	const entity = selectionEntity(selection);
	return {
		status: 200,
		body: selectEntity(
			{ ...entity, _Links: { Self: `${webApiUrl}/v1/Selection/${selection.selectionId}` } },
			req.query.$select,
		),
	};
}

function getSelection(state: SuperOfficeState, req: SimRequest, rawId: string): SimResponse {
	const lookup = lookupById(state.selections, rawId, 'Selection');
	if ('error' in lookup) return lookup.error;
	return { status: 200, body: selectEntity(selectionEntity(lookup.found), req.query.$select) };
}

function selectionEntity(selection: SoSelection): Record<string, unknown> {
	const target = selection.targetTableName ?? 'contact';
	return {
		SelectionId: selection.selectionId,
		Name: selection.name,
		Description: selection.description,
		SelectionType: selection.kind.charAt(0).toUpperCase() + selection.kind.slice(1),
		TargetTableName: target,
		TargetTableNumber: TABLE_NUMBERS[target],
		MemberCount: selection.members.length,
	};
}

/** $select on an entity: "Other fields are then nulled out" (names compared without case). */
function selectEntity(entity: Record<string, unknown>, select: string | undefined): Record<string, unknown> {
	if (!select) return entity;
	const wanted = select.split(',').map((name) => name.trim().toLowerCase());
	return Object.fromEntries(
		Object.entries(entity).map(([key, value]) => [key, wanted.includes(key.toLowerCase()) ? value : null]),
	);
}

function selectionRow(s: SoSelection): Record<string, unknown> {
	return {
		PrimaryKey: s.selectionId,
		EntityName: 'selection',
		selectionId: s.selectionId,
		name: s.name,
		kind: s.kind,
		type: '',
		memberCount: s.members.length,
		targetTableNumber: TABLE_NUMBERS[s.targetTableName ?? 'contact'],
	};
}

function defaultMemberColumns(row: Record<string, unknown>): Record<string, unknown> {
	const { PrimaryKey, EntityName, personId, contactId, fullName, name } = row;
	return personId === 0
		? { PrimaryKey, EntityName, personId, contactId, name }
		: { PrimaryKey, EntityName, personId, contactId, fullName };
}

/** A row of ContactPersonStaticSelectionV2: company columns always, person columns for person members. */
function memberRow(state: SuperOfficeState, selection: SoSelection, member: SoMember, index: number) {
	const contact = state.contacts.get(member.contactId);
	const company = {
		selectionMemberId: selection.selectionId * 1000 + index + 1,
		selectionId: selection.selectionId,
		contactId: member.contactId,
		name: contact?.name ?? `Company ${member.contactId}`,
		'email/emailAddress': contact?.email ?? '',
	};
	if (member.personId === 0) {
		return {
			PrimaryKey: member.contactId,
			EntityName: 'contact',
			...company,
			personId: 0,
			firstName: '',
			lastName: '',
			fullName: '',
			'personEmail/emailAddress': '',
		};
	}
	const person = state.persons.get(member.personId);
	const fullName = person?.fullName ?? `Person ${member.personId}`;
	const [first, ...rest] = fullName.split(' ');
	return {
		PrimaryKey: member.personId,
		EntityName: 'person',
		...company,
		personId: member.personId,
		firstName: person?.firstName ?? first,
		lastName: person?.lastName ?? rest.join(' '),
		fullName,
		'personEmail/emailAddress': person?.email ?? '',
	};
}
