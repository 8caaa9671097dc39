import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

export class AutoSendApi implements ICredentialType {
	name = 'autoSendApi';

	displayName = 'AutoSend API';

	icon = { light: 'file:../icons/autoSend.svg', dark: 'file:../icons/autoSend.dark.svg' } as const;

	documentationUrl = 'https://docs.autosend.com/api-reference';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. AS_...',
			description:
				'A project API key from the AutoSend dashboard: Settings › API Keys › Generate API Key. AutoSend shows the key only once, so copy it when it is created.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.autosend.com/v1',
			description: 'The AutoSend API address. Keep the default unless AutoSend gave you another one.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{ String($credentials.apiKey ?? "").trim() }}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ ($credentials.baseUrl || "https://api.autosend.com/v1").trim().replace(/\\/+$/, "") }}',
			url: '/contact-lists',
			method: 'GET',
		},
		rules: [
			{
				// A proxy's page answers 200 too; only AutoSend's envelope says success.
				type: 'responseSuccessBody',
				properties: {
					key: 'success',
					value: undefined,
					message:
						"The Base URL answered, but not with AutoSend's API: check the Base URL (keep https://api.autosend.com/v1 unless AutoSend gave you another).",
				},
			},
		],
	};
}
