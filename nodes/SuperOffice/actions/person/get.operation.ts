// Person › Get: one GET /v1/Person/{id} per item.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { personRLC } from '../../descriptions/rlc.description';
import { simplifyProperty } from '../../descriptions/records.description';
import { SUPEROFFICE } from '../../transport';
import { superOfficeOptions } from '../common.description';
import { readEntity, recordShape, shaped } from '../entity';
import { simplePerson } from './person';

const properties: INodeProperties[] = [
	{ ...personRLC, description: 'The person to get' },
	simplifyProperty,
	superOfficeOptions({ combines: false, returnsRecords: true }),
];

export const description = updateDisplayOptions({ show: { resource: ['person'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => ({
			personId: parameters.id('personId', itemIndex, { locator: true }),
			...recordShape(parameters, itemIndex),
		}),
		execute: async (context, item, policy) =>
			shaped(await readEntity(context, 'Person', item.personId, policy, item.options), item, simplePerson),
	});
}
