// Every parameter of the SuperOffice node: the resources, and each resource's operations and their fields.
import type { INodeProperties } from 'n8n-workflow';
import { authenticationProperty } from '../authentication';
import * as company from './company';
import * as person from './person';
import * as relation from './relation';
import * as selection from './selection';

export const properties: INodeProperties[] = [
	authenticationProperty,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Company (Contact)', value: 'company' },
			{ name: 'Person', value: 'person' },
			{ name: 'Relation', value: 'relation' },
			{ name: 'Selection', value: 'selection' },
		],
		default: 'selection',
	},
	...selection.description,
	...relation.description,
	...person.description,
	...company.description,
];
