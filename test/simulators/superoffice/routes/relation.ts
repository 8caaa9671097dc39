/** Relation: the DeleteContactRelation agent and the REST read of one relation. */
import type { SimRequest } from '../../common/request';
import type { SimResponse } from '../../common/response';
import type { Route } from '../../common/routes';
import type { SuperOfficeContext } from '../context';
import { agentError, InvalidInput, lookupById, requireExactKeys, requireInt32, tryParse } from '../helpers';
import type { SuperOfficeState } from '../state';

export function relationRoutes({ state }: SuperOfficeContext): Route[] {
	return [
		{
			method: 'POST',
			pattern: /^\/v1\/Agents\/Relation\/DeleteContactRelation$/i,
			run: (req) => deleteContactRelation(state, req),
		},
		{ method: 'GET', pattern: /^\/v1\/Relation\/([^/]+)$/i, run: (_req, [id]) => getRelation(state, id) },
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

function getRelation(state: SuperOfficeState, rawId: string): SimResponse {
	const lookup = lookupById(state.relations, rawId, 'Relation');
	if ('error' in lookup) return lookup.error;
	const relation = lookup.found;
	return {
		status: 200,
		body: {
			RelationId: relation.relationId,
			SourceContactId: relation.sourceContactId,
			SourcePersonId: relation.sourcePersonId,
			DestinationContactId: relation.destinationContactId,
			DestinationPersonId: relation.destinationPersonId,
			RelationDefinitionId: relation.relationDefinitionId,
			ActiveText: relation.activeText,
			PassiveText: relation.passiveText,
			SourceContactName: state.contacts.get(relation.sourceContactId)?.name ?? '',
			DestinationContactName: state.contacts.get(relation.destinationContactId)?.name ?? '',
		},
	};
}
