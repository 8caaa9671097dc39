import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as deleteCompany from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteCompany as delete, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['company'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a company (a contact, in SuperOffice) with email, phone and custom fields',
				action: 'Create company',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a company; a company already gone counts as deleted',
				action: 'Delete company',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a company by ID',
				action: 'Get company',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Find companies by name, organization number or last change',
				action: 'Get many companies',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a company's name, department, organization number, email, phone or custom fields",
				action: 'Update company',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...deleteCompany.description,
	...get.description,
	...getAll.description,
	...update.description,
];
