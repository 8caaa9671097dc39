import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as deletePerson from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as registerBounce from './registerBounce.operation';
import * as removeConsent from './removeConsent.operation';
import * as setConsent from './setConsent.operation';
import * as update from './update.operation';

export { create, deletePerson as delete, get, getAll, registerBounce, removeConsent, setConsent, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['person'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a person in a company, with email, phone, title and custom fields',
				action: 'Create person',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a person; a person already gone counts as deleted',
				action: 'Delete person',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a person by ID',
				action: 'Get person',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Find persons by email address, name, company or last change',
				action: 'Get many persons',
			},
			{
				name: 'Register Bounce',
				value: 'registerBounce',
				description: "Add a bounce to an email address's bounce count, with optional code and reason",
				action: 'Register bounce for email address',
			},
			{
				name: 'Remove Consent',
				value: 'removeConsent',
				description: "Withdraw a person's consent for a purpose such as email marketing",
				action: 'Remove consent from person',
			},
			{
				name: 'Set Consent',
				value: 'setConsent',
				description: 'Record that a person consents to a purpose such as email marketing',
				action: 'Set consent for person',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a person's names, email, phone, title or custom fields",
				action: 'Update person',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...deletePerson.description,
	...get.description,
	...getAll.description,
	...registerBounce.description,
	...removeConsent.description,
	...setConsent.description,
	...update.description,
];
