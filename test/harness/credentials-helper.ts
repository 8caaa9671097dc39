/**
 * A test stand-in for the n8n CLI's `CredentialsHelper` (packages/cli/src/credentials-helper.ts).
 *
 * n8n-core never applies a credential itself: `httpRequestWithAuthentication` asks
 * `additionalData.credentialsHelper` for the decrypted data (`getDecrypted`), for any
 * `preAuthentication` token and for the authenticated request (`authenticate`). Instead of a
 * database this class reads plain test data, and it applies the credential classes the way
 * the CLI does, so that a generic (object-form) `authenticate` really gets evaluated.
 */
import { Credentials, getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	ICredentialType,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow, isExpression } from 'n8n-workflow';

/** The node the CLI resolves credential expressions against when no node context exists. */
const mockNode: INode = {
	id: 'mock',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};

const mockNodeType: INodeType = {
	description: {
		displayName: 'Mock',
		name: 'mock',
		group: [],
		version: 1,
		description: '',
		defaults: {},
		inputs: [],
		outputs: [],
		properties: [],
	},
};

const mockNodeTypes: INodeTypes = {
	getByName: () => mockNodeType,
	getByNameAndVersion: () => mockNodeType,
	getKnownTypes: () => ({}),
};

export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();

	/** Credential type name -> the data a user would have typed into the credential form. */
	private readonly data = new Map<string, ICredentialDataDecryptedObject>();

	constructor(credentialTypes: ICredentialType[], data: Record<string, ICredentialDataDecryptedObject> = {}) {
		super();
		for (const type of credentialTypes) this.types.set(type.name, type);
		for (const [type, values] of Object.entries(data)) this.setData(type, values);
	}

	setData(type: string, values: ICredentialDataDecryptedObject): void {
		this.getType(type);
		// A copy, so that tokens written back by preAuthentication do not leak into the caller's object.
		this.data.set(type, { ...values });
	}

	/** What the credential holds now, e.g. after `preAuthentication` stored a token. */
	getStoredData(type: string): ICredentialDataDecryptedObject | undefined {
		return this.data.get(type);
	}

	getType(type: string): ICredentialType {
		const credentialType = this.types.get(type);
		if (credentialType === undefined) {
			throw new Error(`Credential type "${type}" is not registered with the test harness`);
		}
		return credentialType;
	}

	/** Same walk as the CLI's CredentialTypes.getParentTypes: the whole `extends` chain. */
	getParentTypes(typeName: string): string[] {
		const parents = this.types.get(typeName)?.extends ?? [];
		return [...parents, ...parents.flatMap((parent) => this.getParentTypes(parent))];
	}

	/** As in the CLI: parents first, then the type's own properties override them. */
	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.getType(type);
		if (credentialType.extends === undefined) return credentialType.properties;

		const combined: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			// Base types such as oAuth2Api live in n8n-nodes-base, which a community package does
			// not install; an unregistered parent simply contributes no properties.
			if (!this.types.has(parent)) continue;
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
		return combined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<Credentials> {
		// A real, encrypted n8n-core Credentials object (its key comes from the temporary N8N_USER_FOLDER).
		const credentials = new Credentials(nodeCredentials, type);
		credentials.setData(this.getRawData(type));
		return credentials;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.getRawData(type);
		if (raw === true) return { ...stored };
		return this.applyDefaults(additionalData, stored, type, mode, executeData, expressionResolveValues);
	}

	/**
	 * The CLI's applyDefaultsAndOverwrites without overwrites: fill in property defaults (with
	 * displayOptions honoured, like the credential form), then resolve `={{ }}` expressions in the
	 * data, against the running item when n8n-core passes one.
	 */
	applyDefaults(
		additionalData: IWorkflowExecuteAdditionalData,
		stored: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): ICredentialDataDecryptedObject {
		let decrypted = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			stored as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;

		// Fields that are not declared as properties (OAuth token data) are dropped by
		// getNodeParameters; the CLI puts this one back.
		if (stored.oauthTokenData !== undefined) decrypted.oauthTokenData = stored.oauthTokenData;

		const additionalKeys = getAdditionalKeys(additionalData, mode, null);
		if (expressionResolveValues) {
			const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } = expressionResolveValues;
			decrypted = workflow.expression.getParameterValue(
				decrypted as INodeParameters,
				runExecutionData,
				runIndex,
				itemIndex,
				node.name,
				connectionInputData,
				mode,
				additionalKeys,
				executeData,
				false,
				decrypted,
			) as ICredentialDataDecryptedObject;
		} else {
			const workflow = new Workflow({
				nodes: [mockNode],
				connections: {},
				active: false,
				nodeTypes: mockNodeTypes,
			});
			decrypted = workflow.expression.getComplexParameterValue(
				mockNode,
				decrypted as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				decrypted,
			) as ICredentialDataDecryptedObject;
		}
		return decrypted;
	}

	/** Copied in behaviour from the CLI's CredentialsHelper.authenticate. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		// The CLI mutates the incoming options rather than copying them; so do we.
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = this.getType(typeName);
		if (authenticate === undefined) return requestOptions;

		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}

		if (requestOptions.headers === undefined) requestOptions.headers = {};
		if (authenticate.type === 'generic') {
			const target = requestOptions as unknown as Record<string, Record<string, string>>;
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				// e.g. outerKey 'headers' with { Authorization: '=Bearer {{$credentials.apiKey}}' }:
				// keys and values are both resolved, then merged into what the node already set.
				for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
					const keyResolved = this.resolveValue(key, { $credentials: credentials }, workflow, node);
					const valueResolved = this.resolveValue(value, { $credentials: credentials }, workflow, node);
					if (!target[outerKey]) target[outerKey] = {};
					target[outerKey][keyResolved] = valueResolved;
				}
			}
		}
		return requestOptions;
	}

	/** The CLI's preAuthentication: refresh an `expirable` hidden field when empty or expired. */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.getType(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable === undefined || typeof credentialType.preAuthentication !== 'function') {
			return undefined;
		}

		// The CLI recognises a credential test by its temporary noOp node (see harness.testCredential).
		const isTestingCredentials = node.parameters?.temp === '' && node.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials) {
			return undefined;
		}

		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		if (node.credentials) {
			// n8n saves the fresh token to the database; here it goes back into the test data.
			await this.updateCredentials(node.credentials[typeName], typeName, {
				...this.getRawData(typeName),
				...(output as ICredentialDataDecryptedObject),
			});
			return Object.assign(credentials, output);
		}
		return undefined;
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.data.set(type, { ...data });
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.data.set(type, { ...this.getRawData(type), oauthTokenData: data.oauthTokenData });
	}

	private getRawData(type: string): ICredentialDataDecryptedObject {
		const stored = this.data.get(type);
		if (stored === undefined) {
			throw new Error(`No test data for credential type "${type}": pass it in \`credentials\``);
		}
		return stored;
	}

	/** As the CLI: only `=`-prefixed strings are expressions; an empty result becomes ''. */
	private resolveValue(
		parameterValue: string,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(parameterValue)) return parameterValue;
		const returnValue = workflow.expression.getSimpleParameterValue(
			node,
			parameterValue,
			'internal',
			additionalKeys,
			undefined,
			'',
		);
		if (!returnValue) return '';
		return returnValue.toString();
	}
}
