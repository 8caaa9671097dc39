// Relation › Delete: one DeleteContactRelation call per item (the agent deletes one relation per call).
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { executeBatched } from '../../../shared/batching';
import { parseInteger } from '../../../shared/validation';
import type { BatchingOptions } from '../../../shared/options';
import { executionPlan } from '../../../shared/options';
import type { SuperOfficeOptions } from '../../transport';
import { superOfficeRequest } from '../../transport';
import { superOfficeOptions, SUPEROFFICE_BATCHING } from '../common.description';

const properties: INodeProperties[] = [
	{
		displayName: 'Relation ID',
		name: 'relationId',
		type: 'number',
		default: 0,
		required: true,
		description: 'ID of the relation between two companies or persons to delete (its RelationId)',
	},
	superOfficeOptions({ combines: false }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['relation'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const options = this.getNodeParameter('options', 0, {}) as SuperOfficeOptions & BatchingOptions;
	const plan = executionPlan(options, SUPEROFFICE_BATCHING);
	// One relation per call: the calls cannot be combined, so they go out concurrently at the paced rate.
	return await executeBatched<number, unknown>(this, {
		prepare: (itemIndex) => {
			const relationId = parseInteger(
				node,
				itemIndex,
				'Relation ID',
				this.getNodeParameter('relationId', itemIndex, 0),
			);
			return { itemIndex, group: String(relationId), values: [relationId] };
		},
		keyOf: String,
		chunkSize: 1,
		concurrency: plan.concurrency,
		send: async (batch) =>
			await superOfficeRequest.call(
				this,
				{
					method: 'POST',
					path: '/Agents/Relation/DeleteContactRelation',
					action: `delete relation ${batch.group}`,
					// A retry after a lost answer may find the relation gone, which SuperOffice reports; no other effect.
					idempotent: true,
					body: { ContactRelationEntityId: batch.values[0] },
					options,
				},
				plan,
			),
		output: (plan) => ({ success: true, relationId: plan.values[0] }),
	});
}
