import type { INodeProperties } from 'n8n-workflow';

export const superOfficeOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Fields',
			name: 'select',
			type: 'string',
			default: '',
			placeholder: 'e.g. name,department,category',
			description: 'Comma-separated list of fields SuperOffice should return ($select); others are left out',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			default: '',
			placeholder: 'e.g. en',
			description: 'Language for texts in the answer, sent as the Accept-Language header',
		},
	],
};
