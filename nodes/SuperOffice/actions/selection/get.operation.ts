// Selection › Get: one selection (its SelectionEntity: name, type, member type, member count, …).
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { SUPEROFFICE, superOfficeRequest } from '../../transport';
import { selectionRLC } from '../../descriptions/rlc.description';
import { responseOptionsOf, superOfficeOptions } from '../common.description';

const properties: INodeProperties[] = [
	{ ...selectionRLC, description: 'The selection to get (static, dynamic or combined)' },
	superOfficeOptions({ combines: false, returnsRecords: true }),
];

export const description = updateDisplayOptions({ show: { resource: ['selection'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => ({
			selectionId: parameters.id('selectionId', itemIndex, { locator: true }),
			options: responseOptionsOf(parameters, itemIndex),
		}),
		execute: async (context, { selectionId, options }, policy) =>
			(await superOfficeRequest.call(
				context,
				{
					method: 'GET',
					path: `/Selection/${selectionId}`,
					action: `get selection ${selectionId}`,
					idempotent: true,
					options,
					hints: {
						404: `Check the selection ID: SuperOffice has no selection ${selectionId} (it may have been deleted).`,
					},
				},
				policy,
			)) as IDataObject,
	});
}
