// Relation › Get: one relation (its ContactRelationEntity: both parties, the definition, its texts, the comment).
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { SUPEROFFICE, superOfficeRequest } from '../../transport';
import { responseOptionsOf, superOfficeOptions } from '../common.description';
import { relationIdProperty } from './relationId';

const properties: INodeProperties[] = [
	relationIdProperty('get'),
	superOfficeOptions({ combines: false, returnsRecords: true }),
];

export const description = updateDisplayOptions({ show: { resource: ['relation'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => ({
			relationId: parameters.id('relationId', itemIndex),
			options: responseOptionsOf(parameters, itemIndex),
		}),
		execute: async (context, { relationId, options }, policy) =>
			(await superOfficeRequest.call(
				context,
				{
					method: 'GET',
					path: `/Relation/${relationId}`,
					action: `get relation ${relationId}`,
					idempotent: true,
					options,
					hints: {
						404: `Check the relation ID: SuperOffice has no relation ${relationId} (it may have been deleted).`,
					},
				},
				policy,
			)) as IDataObject,
	});
}
