// Company (Contact) › Get: one GET /v1/Contact/{id} per item.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { simplifyProperty } from '../../descriptions/records.description';
import { companyRLC } from '../../descriptions/rlc.description';
import { SUPEROFFICE } from '../../transport';
import { superOfficeOptions } from '../common.description';
import { readEntity, recordShape, shaped } from '../entity';
import { simpleCompany } from './company';

const properties: INodeProperties[] = [
	{ ...companyRLC, description: 'The company to get' },
	simplifyProperty,
	superOfficeOptions({ combines: false, returnsRecords: true }),
];

export const description = updateDisplayOptions({ show: { resource: ['company'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => ({
			contactId: parameters.id('contactId', itemIndex, { locator: true }),
			...recordShape(parameters, itemIndex),
		}),
		execute: async (context, item, policy) =>
			shaped(await readEntity(context, 'Contact', item.contactId, policy, item.options), item, simpleCompany),
	});
}
