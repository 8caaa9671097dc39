/**
 * The package as n8n installs and loads it: the packed tarball in <user folder>/.n8n/nodes without dev
 * or peer dependencies, and `n8n start` listing both nodes (and their AI-tool variants) and both
 * credentials under their full names, as the editor receives them.
 */
import fs from 'node:fs';
import path from 'node:path';

import { AutoSend } from '../../nodes/AutoSend/AutoSend.node';
import { SuperOffice } from '../../nodes/SuperOffice/SuperOffice.node';

import { n8nVersion, runDir, tarball } from './support';
import { ensureN8n } from './support/install';
import { createUserFolder, installPackage, type UserFolder } from './support/package';
import { PACKAGE_NAME, REPO_ROOT } from './support/paths';
import { n8nEnv, startN8n, type N8nServer } from './support/process';
import { getJson, setupOwner } from './support/rest';

interface NodeTypeDescription {
	name: string;
	displayName: string;
	version: number | number[];
	credentials?: Array<{ name: string }>;
	properties: Array<{ name: string; displayName: string; options?: Array<{ value: unknown }> }>;
	codex?: { categories?: string[] };
}

interface CredentialTypeDescription {
	name: string;
	displayName: string;
	properties: Array<{ name: string }>;
}

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
	version: string;
	devDependencies: Record<string, string>;
	peerDependencies: Record<string, string>;
};

let folder: UserFolder;
let server: N8nServer | undefined;
let nodeTypes: NodeTypeDescription[];
let credentialTypes: CredentialTypeDescription[];

beforeAll(async () => {
	const install = ensureN8n(n8nVersion());
	folder = createUserFolder(runDir(), 'package');
	installPackage(folder, tarball(), install.runtime);

	server = await startN8n(install, await n8nEnv(install, folder));
	const cookie = await setupOwner(server);
	nodeTypes = await getJson<NodeTypeDescription[]>(server, '/types/nodes.json', cookie);
	credentialTypes = await getJson<CredentialTypeDescription[]>(server, '/types/credentials.json', cookie);
}, 300_000);

afterAll(async () => {
	await server?.stop();
});

describe('the package installed as a community package', () => {
	it('is in <user folder>/.n8n/nodes/node_modules with only its runtime files', () => {
		const installed = JSON.parse(fs.readFileSync(path.join(folder.packageDir, 'package.json'), 'utf8'));
		expect(installed.name).toBe(PACKAGE_NAME);
		expect(installed.version).toBe(pkg.version);
		expect(fs.readdirSync(folder.packageDir).sort()).toEqual(['LICENSE.md', 'README.md', 'dist', 'package.json']);
		for (const file of [
			'dist/nodes/SuperOffice/SuperOffice.node.js',
			'dist/icons/superOffice.svg',
			'dist/icons/autoSend.dark.svg',
			'dist/nodes/AutoSend/AutoSend.node.js',
			'dist/credentials/SuperOfficeApi.credentials.js',
			'dist/credentials/AutoSendApi.credentials.js',
			'dist/credentials/SuperOfficeOAuth2Api.credentials.js',
			'dist/nodes/SuperOfficeTrigger/SuperOfficeTrigger.node.js',
			'dist/nodes/AutoSendTrigger/AutoSendTrigger.node.js',
		]) {
			expect(fs.existsSync(path.join(folder.packageDir, file))).toBe(true);
		}
	});

	it('brought no dev dependencies and no copy of n8n-workflow (n8n provides it)', () => {
		const modules = path.join(folder.n8nDir, 'nodes', 'node_modules');
		expect(fs.readdirSync(modules).filter((name) => !name.startsWith('.'))).toEqual([PACKAGE_NAME]);
		expect(fs.existsSync(path.join(folder.packageDir, 'node_modules'))).toBe(false);
		for (const name of [...Object.keys(pkg.devDependencies), ...Object.keys(pkg.peerDependencies)]) {
			expect(fs.existsSync(path.join(modules, name))).toBe(false);
		}
	});
});

describe(`n8n start loads the package`, () => {
	const byName = (name: string) => nodeTypes.filter((type) => type.name === name);

	it.each([
		['n8n-nodes-superoffice-autosend.superOffice', 'SuperOffice', 'superOfficeApi'],
		['n8n-nodes-superoffice-autosend.autoSend', 'AutoSend', 'autoSendApi'],
	])('lists %s with its operations and credential', (name, displayName, credential) => {
		const [type] = byName(name);
		expect(type).toBeDefined();
		expect(type.displayName).toBe(displayName);
		expect(type.credentials?.map((c) => c.name)).toContain(credential);
		const operations = type.properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) => p.options?.map((o) => o.value) ?? []);
		// n8n adds "Custom API Call" (__CUSTOM_API_CALL__) to nodes whose credential has `authenticate`.
		const described = (name.endsWith('superOffice') ? new SuperOffice() : new AutoSend()).description.properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) => (p.options ?? []).map((o) => ('value' in o ? o.value : undefined)));
		expect(operations.filter((value) => value !== '__CUSTOM_API_CALL__').sort()).toEqual(described.sort());
		expect(described.length).toBeGreaterThan(10);
	});

	it.each([
		['n8n-nodes-superoffice-autosend.superOfficeTrigger', 'SuperOffice Trigger', 'superOfficeApi'],
		['n8n-nodes-superoffice-autosend.autoSendTrigger', 'AutoSend Trigger', 'autoSendApi'],
	])('lists the trigger %s with its events and credential', (name, displayName, credential) => {
		const [type] = byName(name);
		expect(type).toBeDefined();
		expect(type.displayName).toBe(displayName);
		expect(type.credentials?.map((c) => c.name)).toContain(credential);
		expect(type.properties.find((p) => p.name === 'events')?.options?.length).toBeGreaterThan(10);
	});

	it('offers both SuperOffice credentials through the Authentication choice', () => {
		const [type] = byName('n8n-nodes-superoffice-autosend.superOffice');
		expect(type.credentials?.map((c) => c.name).sort()).toEqual(['superOfficeApi', 'superOfficeOAuth2Api']);
		const authentication = type.properties.find((p) => p.name === 'authentication');
		expect(authentication?.options?.map((o) => o.value)).toEqual(['superOfficeApi', 'superOfficeOAuth2Api']);
	});

	it.each([
		['n8n-nodes-superoffice-autosend.superOfficeTool', 'SuperOffice Tool'],
		['n8n-nodes-superoffice-autosend.autoSendTool', 'AutoSend Tool'],
	])('lists the AI-tool variant %s', (name, displayName) => {
		const [type] = byName(name);
		expect(type).toBeDefined();
		expect(type.displayName).toBe(displayName);
	});

	it.each([
		[
			'superOfficeApi',
			'SuperOffice API',
			['webApiUrl', 'authentication', 'username', 'password', 'ticket', 'accessToken', 'appToken'],
		],
		['autoSendApi', 'AutoSend API', ['apiKey', 'baseUrl']],
	])('lists the credential %s', (name, displayName, properties) => {
		const type = credentialTypes.find((c) => c.name === name);
		expect(type?.displayName).toBe(displayName);
		// n8n appends its own "Allowed HTTP Request Domains" fields to credentials with `authenticate`.
		expect(type?.properties.map((p) => p.name).slice(0, properties.length)).toEqual(properties);
	});

	it("lists the credential superOfficeOAuth2Api, built on n8n's oAuth2Api", () => {
		const type = credentialTypes.find((c) => c.name === 'superOfficeOAuth2Api') as
			| (CredentialTypeDescription & { extends?: string[] })
			| undefined;
		expect(type?.displayName).toBe('SuperOffice OAuth2 API');
		expect(type?.extends).toEqual(['oAuth2Api']);
		expect(type?.properties.map((p) => p.name)).toEqual(expect.arrayContaining(['environment', 'webApiUrl']));
	});

	it('loaded the package without errors or warnings about it', () => {
		const output = (server?.output() ?? '').replaceAll(PACKAGE_NAME, 'PACKAGE').split('\n');
		const problems = output.filter(
			(line) => /superoffice|autosend|PACKAGE\.|PACKAGE@/i.test(line) && /error|fail|warn|unrecognized/i.test(line),
		);
		expect(problems).toEqual([]);
	});

	it('made no call out of 127.0.0.1 (only 127.0.0.1 is reachable in the tests)', () => {
		expect(server?.output()).not.toMatch(/ENOTFOUND|EAI_AGAIN|getaddrinfo|ENETUNREACH/);
	});
});
