import type { ICredentialType, INodeProperties } from 'n8n-workflow';

// The login host of the chosen environment (sod, qaonline, online), or a full address for a host
// SuperOffice names differently; tenant data is never served from it (see webApiUrl).
const LOGIN_ORIGIN =
	'(/^https?:\\/\\//i.test(String($self["environment"]).trim()) ? String($self["environment"]).trim().replace(/\\/+$/, "") : "https://" + (String($self["environment"]).trim() || "online") + ".superoffice.com")';

export class SuperOfficeOAuth2Api implements ICredentialType {
	name = 'superOfficeOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'SuperOffice OAuth2 API';

	icon = { light: 'file:icons/superOffice.svg', dark: 'file:icons/superOffice.dark.svg' } as const;

	documentationUrl = 'https://docs.superoffice.com/en/api/authentication/online/index.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'string',
			default: 'online',
			required: true,
			placeholder: 'e.g. online',
			description:
				'The SuperOffice Online environment your app is registered in: "online" (production), "sod" (development) or "qaonline" (stage). Another name or a full login address (e.g. https://sod.superoffice.com) is taken as given.',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ ${LOGIN_ORIGIN} + "/login/common/oauth/authorize" }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ ${LOGIN_ORIGIN} + "/login/common/oauth/tokens" }}`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: 'openid',
		},
		{
			displayName: 'Customer ID (Tenant)',
			name: 'tenant',
			type: 'string',
			default: '',
			placeholder: 'e.g. Cust12345',
			description:
				'Optional. Your tenant\'s customer ID, to skip SuperOffice\'s tenant choice when you sign in (sent as acr_values=tenant:Cust12345). It is the "Cust…" part of the address when you are logged in to SuperOffice.',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default:
				'={{ String($self["tenant"] || "").trim() ? "acr_values=tenant:" + String($self["tenant"]).trim() : "" }}',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		{
			displayName: 'WebAPI URL',
			name: 'webApiUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://online3.superoffice.com/Cust12345/api',
			description:
				"Your tenant's WebAPI address, ending in /api: API calls go to the tenant host, not to the login host. Log in to SuperOffice and copy the host and Cust… ID from the address bar (e.g. https://online3.superoffice.com/Cust12345 becomes https://online3.superoffice.com/Cust12345/api), or open https://online.superoffice.com/api/state/Cust12345 (sod or qaonline for those environments) and take its Api value.",
		},
	];
}
