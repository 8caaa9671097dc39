// Company (Contact) › Delete: one DELETE /v1/Contact/{id} per item; a company that is already gone counts
// as deleted.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { companyRLC } from '../../descriptions/rlc.description';
import { SUPEROFFICE } from '../../transport';
import { superOfficeOptions } from '../common.description';
import { deleteEntity } from '../entity';

const properties: INodeProperties[] = [
	{ ...companyRLC, description: 'The company to delete' },
	superOfficeOptions({ combines: false }),
];

export const description = updateDisplayOptions({ show: { resource: ['company'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => parameters.id('contactId', itemIndex, { locator: true }),
		execute: async (context, contactId, policy) => ({
			success: true,
			contactId,
			...(await deleteEntity(context, 'Contact', contactId, policy)),
		}),
	});
}
