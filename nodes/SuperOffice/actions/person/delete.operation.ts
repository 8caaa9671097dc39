// Person › Delete: one DELETE /v1/Person/{id} per item; a person who is already gone counts as deleted.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { personRLC } from '../../descriptions/rlc.description';
import { SUPEROFFICE } from '../../transport';
import { superOfficeOptions } from '../common.description';
import { deleteEntity } from '../entity';

const properties: INodeProperties[] = [
	{ ...personRLC, description: 'The person to delete' },
	superOfficeOptions({ combines: false }),
];

export const description = updateDisplayOptions({ show: { resource: ['person'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => parameters.id('personId', itemIndex, { locator: true }),
		execute: async (context, personId, policy) => ({
			success: true,
			personId,
			...(await deleteEntity(context, 'Person', personId, policy)),
		}),
	});
}
