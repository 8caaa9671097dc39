// The Authentication choice shared by the SuperOffice node and the SuperOffice Trigger.
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'SuperOffice API (Basic, SOTicket or Bearer)', value: 'superOfficeApi' },
		{ name: 'SuperOffice OAuth2 (Online)', value: 'superOfficeOAuth2Api' },
	],
	// Workflows saved before this choice existed have no value and keep using superOfficeApi.
	default: 'superOfficeApi',
	description:
		'How n8n signs in to SuperOffice. OAuth2 lets a SuperOffice Online user sign in with their own account; SuperOffice API takes a ticket, token or (onsite) a password.',
};

export const superOfficeCredentials: INodeCredentialDescription[] = [
	{
		name: 'superOfficeApi',
		required: true,
		displayOptions: { show: { authentication: ['superOfficeApi'] } },
	},
	{
		name: 'superOfficeOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['superOfficeOAuth2Api'] } },
	},
];
