import type { ICredentialType, INodeProperties } from 'n8n-workflow';

// The login host of the chosen environment (online, sod, qaonline), or a custom one: only an https host under
// superoffice.com (or a loopback address, for local test servers) may receive the client secret and the
// authorization code. Anything else becomes a host that cannot resolve, named so that the sign-in error
// says why. Tenant data is never served from the login host (see webApiUrl).
const CUSTOM_LOGIN_HOST =
	'(/^(https:\\/\\/([a-z0-9-]+\\.)*superoffice\\.com|http:\\/\\/(127\\.0\\.0\\.1|localhost|\\[::1\\])(:\\d+)?)\\/?$/i.test(String($self["customLoginHost"]).trim()) ? String($self["customLoginHost"]).trim().replace(/\\/+$/, "") : "https://login-host-must-be-https-under-superoffice-com.invalid")';
const LOGIN_ORIGIN = `($self["environment"] === "custom" ? ${CUSTOM_LOGIN_HOST} : "https://" + ($self["environment"] === "sod" || $self["environment"] === "qaonline" ? $self["environment"] : "online") + ".superoffice.com")`;

export class SuperOfficeOAuth2Api implements ICredentialType {
	name = 'superOfficeOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'SuperOffice OAuth2 API';

	icon = { light: 'file:../icons/superOffice.svg', dark: 'file:../icons/superOffice.dark.svg' } as const;

	documentationUrl = 'https://docs.superoffice.com/en/api/authentication/online/index.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production (Online)', value: 'online' },
				{ name: 'Development (SOD)', value: 'sod' },
				{ name: 'Stage (QAOnline)', value: 'qaonline' },
				{ name: 'Custom Login Host', value: 'custom' },
			],
			default: 'online',
			description:
				'The SuperOffice Online environment your app is registered in. Sign-in goes to https://{environment}.superoffice.com.',
		},
		{
			displayName: 'Custom Login Host',
			name: 'customLoginHost',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://sod2.superoffice.com',
			description:
				'A SuperOffice login address: https and a host under superoffice.com, so that the client secret and the sign-in code go nowhere else',
			displayOptions: { show: { environment: ['custom'] } },
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
				'={{ String($self["tenant"] || "").trim() ? "acr_values=tenant:" + encodeURIComponent(String($self["tenant"]).trim()) : "" }}',
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
