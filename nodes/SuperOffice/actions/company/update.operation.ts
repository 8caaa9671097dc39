// Company (Contact) › Update: one PATCH /v1/Contact/{id} per item carrying only the fields the item sets, as
// JSON Patch (RFC 6902, the format SuperOffice's REST documentation calls preferred).
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { fieldsCollection, simplifyProperty, updateFieldsPatch } from '../../descriptions/records.description';
import { companyRLC } from '../../descriptions/rlc.description';
import { SUPEROFFICE } from '../../transport';
import { superOfficeOptions } from '../common.description';
import { recordShape, updateEntity } from '../entity';
import { companyFields, nameField, simpleCompany } from './company';

const properties: INodeProperties[] = [
	{ ...companyRLC, description: 'The company to update' },
	fieldsCollection('updateFields', [...companyFields, nameField]),
	simplifyProperty,
	superOfficeOptions({ combines: false, returnsRecords: true }),
];

export const description = updateDisplayOptions({ show: { resource: ['company'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => ({
			contactId: parameters.id('contactId', itemIndex, { locator: true }),
			operations: updateFieldsPatch(node, itemIndex, parameters.collection('updateFields', itemIndex), [
				{ key: 'name', label: 'Name', path: '/Name' },
				{ key: 'department', label: 'Department', path: '/Department' },
				{ key: 'orgNr', label: 'Organization Number', path: '/OrgNr' },
				{ key: 'email', label: 'Email', path: '/Emails', kind: 'email' },
				{ key: 'phone', label: 'Phone', path: '/Phones', kind: 'element' },
			]),
			...recordShape(parameters, itemIndex),
		}),
		execute: async (context, item, policy) =>
			await updateEntity(context, 'Contact', item.contactId, item.operations, policy, item, simpleCompany),
	});
}
