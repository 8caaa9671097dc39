import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export class SuperOfficeApi implements ICredentialType {
	name = 'superOfficeApi';

	displayName = 'SuperOffice API';

	icon = { light: 'file:../icons/superOffice.svg', dark: 'file:../icons/superOffice.dark.svg' } as const;

	documentationUrl = 'https://docs.superoffice.com/en/api/web-services/endpoints/rest-webapi/index.html';

	properties: INodeProperties[] = [
		{
			displayName: 'WebAPI URL',
			name: 'webApiUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://sod2.superoffice.com/Cust12345/api',
			description:
				"The address of your tenant's WebAPI, ending in /api. SuperOffice Online: the tenant host (numbered, like online3.superoffice.com, or app.superoffice.com) followed by your customer ID, as shown in the browser address bar when you are logged in; not the login host online.superoffice.com. Onsite: your SuperOffice web address followed by /api, e.g. https://crm.example.com/SuperOffice/api.",
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Basic (Username and Password, Onsite)',
					value: 'basic',
				},
				{
					name: 'SOTicket (Ticket and App Token)',
					value: 'soTicket',
				},
				{
					name: 'Bearer (Access Token, Online)',
					value: 'bearer',
				},
			],
			default: 'basic',
			description:
				'How n8n signs in. Onsite installations usually use Basic; SuperOffice Online needs a SOTicket with an SO-AppToken, or a Bearer access token.',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'The SuperOffice user name (onsite only: Online does not allow Basic authentication)',
			displayOptions: { show: { authentication: ['basic'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['basic'] } },
		},
		{
			displayName: 'Ticket',
			name: 'ticket',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. 7T:c28...',
			description:
				'A SuperOffice credential ticket (starts with 7T:). In Online, a system user ticket comes from the PartnerSystemUser Authenticate service; onsite, from the SoPrincipal of a logged-in session. It is sent as "Authorization: SOTicket …".',
			displayOptions: { show: { authentication: ['soTicket'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. 8A:Cust12345.AR2s...',
			description:
				'An OAuth 2.0 access token issued by SuperOffice Online (SuperID) for your app. It is sent as "Authorization: Bearer …".',
			displayOptions: { show: { authentication: ['bearer'] } },
		},
		{
			displayName: 'App Token (SO-AppToken)',
			name: 'appToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Your app's client secret from the SuperOffice Developer Portal, sent in the SO-AppToken header. Required with SOTicket in SuperOffice Online; leave empty for onsite Basic authentication.",
		},
	];

	// A function rather than a header template: the scheme and its value depend on the chosen authentication.
	authenticate: IAuthenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const headers: Record<string, string> = { ...(requestOptions.headers as Record<string, string>) };
		if (credentials.authentication === 'soTicket') {
			// A ticket or token pasted with a line break still signs; a password is taken as typed.
			headers.Authorization = `SOTicket ${String(credentials.ticket ?? '').trim()}`;
		} else if (credentials.authentication === 'bearer') {
			headers.Authorization = `Bearer ${String(credentials.accessToken ?? '').trim()}`;
		} else {
			const pair = `${String(credentials.username ?? '')}:${String(credentials.password ?? '')}`;
			headers.Authorization = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
		}
		const appToken = String(credentials.appToken ?? '').trim();
		if (appToken !== '') headers['SO-AppToken'] = appToken;
		return { ...requestOptions, headers };
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.webApiUrl.trim().replace(/\\/+$/, "").replace(/\\/v1$/i, "").replace(/\\/+$/, "") }}',
			url: '/v1/User/currentPrincipal',
			method: 'GET',
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				// A sign-in page or proxy in front of the WebAPI answers 200 too; only SuperOffice's principal
				// has an AssociateId.
				type: 'responseSuccessBody',
				properties: {
					key: 'AssociateId',
					value: undefined,
					message:
						"The WebAPI URL answered, but not with SuperOffice's current user: a sign-in page or proxy is in front of it, or the URL is not the tenant's WebAPI. Check the WebAPI URL (it ends in /api) and the authentication.",
				},
			},
		],
	};
}
