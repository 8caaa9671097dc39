// Person › Update: one PATCH /v1/Person/{id} per item carrying only the fields the item sets, as JSON Patch
// (RFC 6902, the format SuperOffice's REST documentation calls preferred).
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { fieldsCollection, simplifyProperty, updateFieldsPatch } from '../../descriptions/records.description';
import { personRLC } from '../../descriptions/rlc.description';
import { SUPEROFFICE } from '../../transport';
import { superOfficeOptions } from '../common.description';
import { recordShape, updateEntity } from '../entity';
import { nameFields, personFields, simplePerson } from './person';

const properties: INodeProperties[] = [
	{ ...personRLC, description: 'The person to update' },
	fieldsCollection('updateFields', [...personFields, ...nameFields]),
	simplifyProperty,
	superOfficeOptions({ combines: false, returnsRecords: true }),
];

export const description = updateDisplayOptions({ show: { resource: ['person'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => ({
			personId: parameters.id('personId', itemIndex, { locator: true }),
			operations: updateFieldsPatch(node, itemIndex, parameters.collection('updateFields', itemIndex), [
				{ key: 'firstName', label: 'First Name', path: '/Firstname' },
				{ key: 'lastName', label: 'Last Name', path: '/Lastname' },
				{ key: 'title', label: 'Title', path: '/Title' },
				{ key: 'email', label: 'Email', path: '/Emails', kind: 'email' },
				{ key: 'phone', label: 'Phone', path: '/OfficePhones', kind: 'element' },
			]),
			...recordShape(parameters, itemIndex),
		}),
		execute: async (context, item, policy) =>
			await updateEntity(context, 'Person', item.personId, item.operations, policy, item, simplePerson),
	});
}
