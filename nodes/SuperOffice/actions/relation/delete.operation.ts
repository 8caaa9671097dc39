// Relation › Delete: one DeleteContactRelation call per item (the agent deletes one relation per call); a
// relation that is already gone counts as deleted.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { failureOf } from '../../../shared/errors';
import type { RequestContext, RequestPolicy } from '../../../shared/http';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { SUPEROFFICE, superOfficeRequest } from '../../transport';
import { superOfficeOptions } from '../common.description';
import { relationIdProperty } from './relationId';

const properties: INodeProperties[] = [relationIdProperty('delete'), superOfficeOptions({ combines: false })];

export const description = updateDisplayOptions(
	{ show: { resource: ['relation'], operation: ['delete'] } },
	properties,
);

/** Whether SuperOffice still has the relation; a failed delete is only a failure while it does. */
async function relationExists(context: RequestContext, relationId: number, policy: RequestPolicy): Promise<boolean> {
	return await superOfficeRequest
		.call(
			context,
			{ method: 'GET', path: `/Relation/${relationId}`, action: `look up relation ${relationId}`, idempotent: true },
			policy,
		)
		.then(
			() => true,
			async (error: Error) => (failureOf(error)?.httpCode === '404' ? false : await Promise.reject(error)),
		);
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => parameters.id('relationId', itemIndex),
		execute: async (context, relationId, policy) => {
			try {
				await superOfficeRequest.call(
					context,
					{
						method: 'POST',
						path: '/Agents/Relation/DeleteContactRelation',
						action: `delete relation ${relationId}`,
						// Deleting twice leaves no relation either way (the second call finds it gone).
						idempotent: true,
						body: { ContactRelationEntityId: relationId },
					},
					policy,
				);
				return { success: true, relationId, alreadyDeleted: false };
			} catch (error) {
				// Gone (a retry, a rerun, someone else, or this very request before its answer was lost): the
				// state asked for is reached. If even the check fails, the delete's own error is the one to show.
				const exists = await relationExists(context, relationId, policy).catch(() => true);
				if (exists) return await Promise.reject(error);
				// Gone before this run only if no attempt of this run may have deleted it.
				const failure = failureOf(error);
				const mayHaveDeleted = failure?.outcome === 'unknown' || failure?.afterUnknownAttempt === true;
				return { success: true, relationId, alreadyDeleted: !mayHaveDeleted };
			}
		},
	});
}
