/**
 * Relation: the SaveContactRelation and DeleteContactRelation agents, the REST read of one relation, the
 * Relation archive under a company or a person (GET /Contact/{id}/Relations, /Person/{id}/Relations), and the
 * relation definitions' MDO list. Strict as Swagger-v1-RelationAgent.json: the save body is exactly
 * {"ContactRelationEntity": {…}} with ContactRelationEntity's own properties, ids as int32.
 */
import type { SimRequest } from '../../common/request';
import { isPlainObject } from '../../common/request';
import type { SimResponse } from '../../common/response';
import type { Route } from '../../common/routes';
import type { SuperOfficeContext } from '../context';
import { agentError, InvalidInput, lookupById, requireExactKeys, requireInt32, tryParse } from '../helpers';
import { odataList } from '../odata';
import type { SoRelation, SuperOfficeState } from '../state';
import { addRelation } from '../state';

/** The tenant's relation definitions, as the MDO list 'relationdefinition' gives them (the seed relations use 1-3). */
export const RELATION_DEFINITIONS = [
	{ id: 1, name: 'Subsidiary of', passive: 'Parent of', deleted: false },
	{ id: 2, name: 'Supplier to', passive: 'Customer of', deleted: false },
	{ id: 3, name: 'Consultant for', passive: 'Has consultant', deleted: false },
	{ id: 4, name: 'Partner of', passive: 'Partner of', deleted: false },
	{ id: 5, name: 'Former owner of', passive: 'Formerly owned by', deleted: true },
];

/** ContactRelationEntity's properties (Swagger-v1-RelationAgent.json). */
const ENTITY_PROPERTIES = [
	'SourceContactId',
	'SourcePersonId',
	'DestinationContactId',
	'DestinationPersonId',
	'RelationId',
	'Comment',
	'RelationDefinitionId',
	'Reversed',
	'UpdatedDate',
	'CreatedDate',
	'CreatedBy',
	'UpdatedBy',
	'SourceContactName',
	'SourcePersonName',
	'DestinationContactName',
	'DestinationPersonName',
	'ActiveText',
	'PassiveText',
	'TableRight',
	'FieldProperties',
];

/** Columns of the Relation archive provider the simulator fills. */
const RELATION_COLUMNS = [
	'relationId',
	'relationDefinitionId',
	'relationName',
	'reversedName',
	'relationComment',
	'direction',
	'source/contactId',
	'source/personId',
	'source/name',
	'source/fullName',
	'target/contactId',
	'target/personId',
	'target/name',
	'target/fullName',
];

export function relationRoutes({ state, webApiUrl }: SuperOfficeContext): Route[] {
	const relationsOf = (req: SimRequest, rawId: string, of: 'contact' | 'person') => {
		const lookup =
			of === 'contact' ? lookupById(state.contacts, rawId, 'Contact') : lookupById(state.persons, rawId, 'Person');
		if ('error' in lookup) return lookup.error;
		const id = Number(rawId);
		const rows = [...state.relations.values()]
			.filter((relation) =>
				of === 'contact'
					? relation.sourceContactId === id || relation.destinationContactId === id
					: relation.sourcePersonId === id || relation.destinationPersonId === id,
			)
			.map((relation) =>
				archiveRow(
					state,
					relation,
					of === 'contact' ? relation.sourceContactId === id : relation.sourcePersonId === id,
				),
			);
		return odataList(req, rows, RELATION_COLUMNS, webApiUrl());
	};
	return [
		{
			method: 'POST',
			pattern: /^\/v1\/Agents\/Relation\/DeleteContactRelation$/i,
			run: (req) => deleteContactRelation(state, req),
		},
		{
			method: 'POST',
			pattern: /^\/v1\/Agents\/Relation\/SaveContactRelation$/i,
			run: (req) => saveContactRelation(state, req),
		},
		{ method: 'GET', pattern: /^\/v1\/Relation\/([^/]+)$/i, run: (req, [id]) => getRelation(state, req, id) },
		{
			method: 'GET',
			pattern: /^\/v1\/Contact\/([^/]+)\/Relations$/i,
			run: (req, [id]) => relationsOf(req, id, 'contact'),
		},
		{
			method: 'GET',
			pattern: /^\/v1\/Person\/([^/]+)\/Relations$/i,
			run: (req, [id]) => relationsOf(req, id, 'person'),
		},
		{ method: 'GET', pattern: /^\/v1\/MDOList\/relationdefinition$/i, run: (req) => relationDefinitionList(req) },
	];
}

function deleteContactRelation(state: SuperOfficeState, req: SimRequest): SimResponse {
	const relationId = tryParse(() => {
		const body = requireExactKeys(req.body, ['ContactRelationEntityId'], 'Request body');
		return requireInt32(body, 'ContactRelationEntityId', 1, 'ContactRelationEntityId');
	});
	if (relationId instanceof InvalidInput) return agentError(400, relationId.message);
	if (!state.relations.delete(relationId)) {
		return agentError(200, `Relation ${relationId} does not exist`);
	}
	return { status: 204 };
}

/**
 * Creates (RelationId 0) or updates a relation. Source and destination companies are mandatory, a person must
 * belong to its company, and the definition must exist; how SuperOffice refuses each is UNVERIFIED, so the
 * simulator answers the agents' documented failure form (200 with Message/MessageDetail).
 */
function saveContactRelation(state: SuperOfficeState, req: SimRequest): SimResponse {
	const parsed = tryParse(() => {
		const body = requireExactKeys(req.body, ['ContactRelationEntity'], 'Request body');
		const entity = body.ContactRelationEntity;
		if (!isPlainObject(entity)) throw new InvalidInput('ContactRelationEntity must be a JSON object');
		for (const key of Object.keys(entity)) {
			if (!ENTITY_PROPERTIES.includes(key)) throw new InvalidInput(`ContactRelationEntity has no property '${key}'`);
		}
		const int = (key: string, min: number) =>
			entity[key] === undefined ? 0 : requireInt32(entity, key, min, `ContactRelationEntity.${key}`);
		if (entity.Comment !== undefined && typeof entity.Comment !== 'string') {
			throw new InvalidInput('ContactRelationEntity.Comment must be a string');
		}
		return {
			relationId: int('RelationId', 0),
			sourceContactId: int('SourceContactId', 0),
			sourcePersonId: int('SourcePersonId', 0),
			destinationContactId: int('DestinationContactId', 0),
			destinationPersonId: int('DestinationPersonId', 0),
			relationDefinitionId: int('RelationDefinitionId', 0),
			reversed: int('Reversed', 0),
			comment: (entity.Comment as string | undefined) ?? '',
		};
	});
	if (parsed instanceof InvalidInput) return agentError(400, parsed.message);
	const refusal = saveRefusal(state, parsed);
	if (refusal) return agentError(200, refusal);
	const definition = RELATION_DEFINITIONS.find((d) => d.id === parsed.relationDefinitionId)!;
	const [activeText, passiveText] =
		parsed.reversed === 0 ? [definition.name, definition.passive] : [definition.passive, definition.name];
	const relation = addRelation(state, {
		...(parsed.relationId > 0 ? { relationId: parsed.relationId } : {}),
		sourceContactId: parsed.sourceContactId,
		sourcePersonId: parsed.sourcePersonId,
		destinationContactId: parsed.destinationContactId,
		destinationPersonId: parsed.destinationPersonId,
		relationDefinitionId: parsed.relationDefinitionId,
		activeText,
		passiveText,
		comment: parsed.comment,
	});
	return { status: 200, body: relationEntity(state, relation) };
}

function saveRefusal(
	state: SuperOfficeState,
	entity: {
		relationId: number;
		sourceContactId: number;
		sourcePersonId: number;
		destinationContactId: number;
		destinationPersonId: number;
		relationDefinitionId: number;
		reversed: number;
	},
): string | undefined {
	if (entity.relationId > 0 && !state.relations.has(entity.relationId))
		return `Relation ${entity.relationId} does not exist`;
	for (const [side, contactId, personId] of [
		['source', entity.sourceContactId, entity.sourcePersonId],
		['destination', entity.destinationContactId, entity.destinationPersonId],
	] as const) {
		if (contactId === 0) return `The ${side} contact is mandatory`;
		if (!state.contacts.has(contactId)) return `Contact ${contactId} does not exist`;
		if (personId > 0 && state.persons.get(personId)?.contactId !== contactId) {
			return `Person ${personId} does not belong to contact ${contactId}`;
		}
	}
	const definition = RELATION_DEFINITIONS.find((d) => d.id === entity.relationDefinitionId);
	if (!definition || definition.deleted) return `Relation definition ${entity.relationDefinitionId} does not exist`;
	if (entity.reversed !== 0 && entity.reversed !== 1) return 'Reversed must be 0 or 1';
	return undefined;
}

function getRelation(state: SuperOfficeState, req: SimRequest, rawId: string): SimResponse {
	const lookup = lookupById(state.relations, rawId, 'Relation');
	if ('error' in lookup) return lookup.error;
	const entity = relationEntity(state, lookup.found);
	const select = req.query.$select?.split(',').map((name) => name.trim().toLowerCase());
	// $select: "Other fields are then nulled out".
	const body = select
		? Object.fromEntries(
				Object.entries(entity).map(([key, value]) => [key, select.includes(key.toLowerCase()) ? value : null]),
			)
		: entity;
	return { status: 200, body };
}

function relationEntity(state: SuperOfficeState, relation: SoRelation): Record<string, unknown> {
	return {
		RelationId: relation.relationId,
		SourceContactId: relation.sourceContactId,
		SourcePersonId: relation.sourcePersonId,
		DestinationContactId: relation.destinationContactId,
		DestinationPersonId: relation.destinationPersonId,
		RelationDefinitionId: relation.relationDefinitionId,
		Reversed: 0,
		Comment: relation.comment ?? '',
		ActiveText: relation.activeText,
		PassiveText: relation.passiveText,
		SourceContactName: state.contacts.get(relation.sourceContactId)?.name ?? '',
		SourcePersonName: state.persons.get(relation.sourcePersonId)?.fullName ?? '',
		DestinationContactName: state.contacts.get(relation.destinationContactId)?.name ?? '',
		DestinationPersonName: state.persons.get(relation.destinationPersonId)?.fullName ?? '',
	};
}

/** A row of the Relation archive; direction 1 when the company or person asked about is the source, else 2. */
function archiveRow(state: SuperOfficeState, relation: SoRelation, asSource: boolean): Record<string, unknown> {
	return {
		PrimaryKey: relation.relationId,
		EntityName: 'relation',
		relationId: relation.relationId,
		relationDefinitionId: relation.relationDefinitionId,
		relationName: relation.activeText,
		reversedName: relation.passiveText,
		relationComment: relation.comment ?? '',
		direction: asSource ? 1 : 2,
		'source/contactId': relation.sourceContactId,
		'source/personId': relation.sourcePersonId,
		'source/name': state.contacts.get(relation.sourceContactId)?.name ?? '',
		'source/fullName': state.persons.get(relation.sourcePersonId)?.fullName ?? '',
		'target/contactId': relation.destinationContactId,
		'target/personId': relation.destinationPersonId,
		'target/name': state.contacts.get(relation.destinationContactId)?.name ?? '',
		'target/fullName': state.persons.get(relation.destinationPersonId)?.fullName ?? '',
	};
}

/** GET /MDOList/relationdefinition: MDOListItem carriers; query flat, additional and query as documented. */
function relationDefinitionList(req: SimRequest): SimResponse {
	const unknown = Object.keys(req.query).find((key) => !['flat', 'additional', 'query'].includes(key));
	if (unknown) return agentError(400, `Unknown query parameter '${unknown}'`);
	if (req.query.flat !== undefined && !['true', 'false'].includes(req.query.flat)) {
		return agentError(400, `flat must be true or false, got '${req.query.flat}'`);
	}
	const body = RELATION_DEFINITIONS.map((definition, rank) => ({
		Id: definition.id,
		Name: definition.name,
		ToolTip: `${definition.name} / ${definition.passive}`,
		Deleted: definition.deleted,
		Rank: rank + 1,
		Type: '',
		ChildItems: [],
		IconHint: '',
		ColorBlock: 0,
		ExtraInfo: '',
		StyleHint: '',
		FullName: definition.name,
	}));
	return { status: 200, body };
}
