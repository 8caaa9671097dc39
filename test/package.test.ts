// The public names n8n stores in saved workflows, and the package shape n8n's loader expects.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { AutoSendApi } from '../credentials/AutoSendApi.credentials';
import { SuperOfficeApi } from '../credentials/SuperOfficeApi.credentials';
import { SuperOfficeOAuth2Api } from '../credentials/SuperOfficeOAuth2Api.credentials';
import { AutoSendTrigger } from '../nodes/AutoSendTrigger/AutoSendTrigger.node';
import { SuperOfficeTrigger } from '../nodes/SuperOfficeTrigger/SuperOfficeTrigger.node';
import { AutoSend } from '../nodes/AutoSend/AutoSend.node';
import { SuperOffice } from '../nodes/SuperOffice/SuperOffice.node';

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const names = (description: INodeTypeDescription) => description.properties.map((p: INodeProperties) => p.name);

describe('package', () => {
	it('is a community node package without runtime dependencies', () => {
		expect(pkg.name).toBe('n8n-nodes-superoffice-autosend');
		expect(pkg.license).toBe('MIT');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		// The compiled nodes only; source maps stay out (n8n never reads them).
		expect(pkg.files).toEqual(['dist', '!dist/**/*.js.map']);
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
	});

	it('lists every node and credential under dist/, matching the sources', () => {
		expect(pkg.n8n.nodes).toEqual([
			'dist/nodes/SuperOffice/SuperOffice.node.js',
			'dist/nodes/AutoSend/AutoSend.node.js',
			'dist/nodes/SuperOfficeTrigger/SuperOfficeTrigger.node.js',
			'dist/nodes/AutoSendTrigger/AutoSendTrigger.node.js',
		]);
		expect(pkg.n8n.credentials).toEqual([
			'dist/credentials/SuperOfficeApi.credentials.js',
			'dist/credentials/AutoSendApi.credentials.js',
			'dist/credentials/SuperOfficeOAuth2Api.credentials.js',
		]);
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			expect(existsSync(join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
		}
	});

	it('keeps the node type names, display names and AI tool flag', () => {
		const superOffice = new SuperOffice().description;
		const autoSend = new AutoSend().description;
		expect([superOffice.name, superOffice.displayName, superOffice.usableAsTool]).toEqual([
			'superOffice',
			'SuperOffice',
			true,
		]);
		expect([autoSend.name, autoSend.displayName, autoSend.usableAsTool]).toEqual(['autoSend', 'AutoSend', true]);
		expect(superOffice.subtitle).toBeTruthy();
		expect(superOffice.credentials?.map((c) => [c.name, c.displayOptions?.show?.authentication])).toEqual([
			['superOfficeApi', ['superOfficeApi']],
			['superOfficeOAuth2Api', ['superOfficeOAuth2Api']],
		]);
		expect(superOffice.properties.find((p) => p.name === 'authentication')?.default).toBe('superOfficeApi');
		expect(autoSend.credentials).toEqual([{ name: 'autoSendApi', required: true }]);
	});

	it('keeps the parameter names of every operation', () => {
		expect(new Set(names(new SuperOffice().description))).toEqual(
			new Set([
				'authentication',
				'resource',
				'operation',
				'selectionId',
				'contactId',
				'personId',
				'options',
				'relationId',
				// issue 12: Person and Company (Contact)
				...['returnAll', 'limit', 'filters', 'simplify', 'firstName', 'lastName', 'additionalFields', 'updateFields'],
				...['email', 'purpose', 'source', 'legalBase', 'comment', 'name'],
				// issue 12: Selection and Relation
				...['memberType', 'of', 'relationDefinitionId', 'sourceContactId', 'sourcePersonId'],
				...['destinationContactId', 'destinationPersonId'],
				// issue 14: From Input Fields
				...['inputMode', 'contactIdField', 'personIdField'],
			]),
		);
		expect(new Set(names(new AutoSend().description))).toEqual(
			new Set([
				...['resource', 'operation', 'contactListId', 'removeBy', 'emails', 'contactIds', 'options'],
				// issue 13: contacts, list management, email, events, suppressions
				...['by', 'contactId', 'email', 'firstName', 'lastName', 'additionalFields', 'addBy'],
				...['returnAll', 'limit', 'type', 'filters', 'name', 'description'],
				...['fromEmail', 'fromName', 'toEmail', 'toName', 'subject', 'content', 'templateId', 'html', 'text'],
				...['dynamicData', 'eventName', 'identifyBy', 'specifyProperties', 'properties', 'propertiesJson'],
				// issue 14: From Input Fields
				...['inputMode', 'emailsField', 'contactIdsField', 'emailField', 'firstNameField', 'lastNameField'],
				...['toEmailField', 'toNameField', 'dynamicDataField'],
			]),
		);
		const optionNames = (description: INodeTypeDescription, operation: string) =>
			description.properties
				.filter((p) => p.name === 'options' && p.displayOptions?.show?.operation?.includes(operation))
				.flatMap((p) => (p.options ?? []).map((o) => ('name' in o ? o.name : '')))
				.sort();
		// Released names stay; new ones may be added. Fields (select) and Language were dropped from these two
		// before the first release, on purpose: both requests answer with no content, so they never had an effect.
		expect(optionNames(new SuperOffice().description, 'removeMembers')).toEqual(
			expect.arrayContaining(['batchSize', 'combine', 'maxTries', 'requestsPerSecond', 'timeout']),
		);
		expect(optionNames(new SuperOffice().description, 'delete')).toEqual(
			expect.arrayContaining(['maxTries', 'requestsPerSecond', 'timeout']),
		);
		expect(optionNames(new AutoSend().description, 'removeContacts')).toEqual(
			expect.arrayContaining(['batchSize', 'combine', 'maxTries', 'requestsPerSecond', 'timeout']),
		);
	});

	it('keeps the trigger node names, parameters and webhook path, and does not offer them as AI tools', () => {
		const superOfficeTrigger = new SuperOfficeTrigger().description;
		const autoSendTrigger = new AutoSendTrigger().description;
		expect([superOfficeTrigger.name, superOfficeTrigger.displayName, superOfficeTrigger.usableAsTool]).toEqual([
			'superOfficeTrigger',
			'SuperOffice Trigger',
			undefined,
		]);
		expect([autoSendTrigger.name, autoSendTrigger.displayName, autoSendTrigger.usableAsTool]).toEqual([
			'autoSendTrigger',
			'AutoSend Trigger',
			undefined,
		]);
		expect(names(superOfficeTrigger)).toEqual(expect.arrayContaining(['authentication', 'events', 'fetchFullRecord']));
		expect(names(autoSendTrigger)).toEqual(['events']);
		for (const trigger of [superOfficeTrigger, autoSendTrigger]) {
			expect(trigger.inputs).toEqual([]);
			expect(trigger.webhooks).toEqual([
				{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
			]);
		}
		expect(superOfficeTrigger.credentials?.map((c) => c.name)).toEqual(['superOfficeApi', 'superOfficeOAuth2Api']);
		expect(autoSendTrigger.credentials).toEqual([{ name: 'autoSendApi', required: true }]);
	});

	it('keeps the credential names and fields', () => {
		const so = new SuperOfficeApi();
		const as = new AutoSendApi();
		expect([so.name, so.displayName, as.name, as.displayName]).toEqual([
			'superOfficeApi',
			'SuperOffice API',
			'autoSendApi',
			'AutoSend API',
		]);
		expect(so.properties.map((p) => p.name)).toEqual([
			'webApiUrl',
			'authentication',
			'username',
			'password',
			'ticket',
			'accessToken',
			'appToken',
		]);
		expect(
			so.properties.find((p) => p.name === 'authentication')?.options?.map((o) => ('value' in o ? o.value : '')),
		).toEqual(['basic', 'soTicket', 'bearer']);
		expect(as.properties.map((p) => [p.name, p.default])).toEqual([
			['apiKey', ''],
			['baseUrl', 'https://api.autosend.com/v1'],
		]);
		for (const secret of ['password', 'ticket', 'accessToken', 'appToken']) {
			expect(so.properties.find((p) => p.name === secret)?.typeOptions?.password).toBe(true);
		}
		expect(as.properties.find((p) => p.name === 'apiKey')?.typeOptions?.password).toBe(true);
		const oauth = new SuperOfficeOAuth2Api();
		expect([oauth.name, oauth.displayName, oauth.extends]).toEqual([
			'superOfficeOAuth2Api',
			'SuperOffice OAuth2 API',
			['oAuth2Api'],
		]);
	});

	it('ships light and dark icons from one folder for the package, and a codex file for each node', () => {
		const nodes: Array<[string, { description: INodeTypeDescription }]> = [
			['SuperOffice', new SuperOffice()],
			['AutoSend', new AutoSend()],
			['SuperOfficeTrigger', new SuperOfficeTrigger()],
			['AutoSendTrigger', new AutoSendTrigger()],
		];
		const used = new Set<string>();
		const resolve = (folder: string, icon: unknown) => {
			const { light, dark } = icon as { light: string; dark: string };
			expect(light).not.toBe(dark);
			return [light, dark].map((file) => join(folder, file.replace(/^file:/, '')));
		};
		for (const [folder, { description }] of nodes) {
			for (const file of resolve(join(root, 'nodes', folder), description.icon)) used.add(file);
			const codex = JSON.parse(readFileSync(join(root, 'nodes', folder, `${folder}.node.json`), 'utf8'));
			expect(codex.node).toBe(`n8n-nodes-superoffice-autosend.${description.name}`);
		}
		for (const credential of [new SuperOfficeApi(), new AutoSendApi(), new SuperOfficeOAuth2Api()]) {
			for (const file of resolve(join(root, 'credentials'), credential.icon)) used.add(file);
		}
		// Each icon is in icons/ and used; nothing else sits there.
		const folder = readdirSync(join(root, 'icons')).map((name) => join(root, 'icons', name));
		expect([...used].sort()).toEqual(folder.sort());
	});
});
