/**
 * The operations in a real n8n, in either execution mode (workflows.e2e.ts, workflows.queue.e2e.ts): the
 * example workflows and the e2e workflows, imported with `n8n import:workflow` and run from their manual
 * trigger against the simulators (runner.ts says how each mode runs them). Every test asserts on what the
 * simulators received, so a run that reports success without doing anything fails.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { RecordedRequest } from '../../simulators';
import { setupE2e, type E2eContext } from '../support';
import { importWorkflows, nodeItems, nodeOutput, type ExecuteResult } from '../support/cli';
import { REPO_ROOT } from '../support/paths';
import { workflowRunner, type WorkflowRunner } from '../support/runner';
import { NEWSLETTER_LIST, NEWSLETTER_SELECTION, SECRETS } from '../support/simulators';
import { workerStarts, type N8nMode, type N8nStack } from '../support/stack';
import {
	batchWorkflow,
	BULK,
	CUSTOMER_IDS,
	CUSTOMERS_LIST,
	EVENT_SELECTION,
	operationsWorkflow,
	SCHEME_TARGETS,
	SCHEMES,
	WRONG_KEY,
	wrongKeyWorkflow,
} from '../workflows';

const EXAMPLES = path.join(REPO_ROOT, 'examples');

/** What n8n stored for the credentials: the SQLite files, or the Postgres table in queue mode. */
function storedCredentials(ctx: E2eContext): string {
	if (ctx.services) return ctx.services.postgres.query('SELECT name, data FROM credentials_entity');
	return ['database.sqlite', 'database.sqlite-wal']
		.map((name) => path.join(ctx.folder.n8nDir, name))
		.filter((file) => fs.existsSync(file))
		.map((file) => fs.readFileSync(file).toString('latin1'))
		.join('');
}

export function operationsSuite(mode: N8nMode): void {
	let ctx: E2eContext;
	let runner: WorkflowRunner;
	let bulkListId: string;
	/** Everything n8n printed, checked for calls out of 127.0.0.1 at the end. */
	const outputs: string[] = [];

	async function execute(workflowId: string): Promise<ExecuteResult> {
		const result = await runner.execute(workflowId);
		outputs.push(result.stdout, result.stderr);
		return result;
	}

	function members(selectionId: number): string[] {
		return (ctx.so.state.selections.get(selectionId)?.members ?? []).map((m) => `${m.contactId}/${m.personId}`);
	}

	/** Requests since the last call, so each test sees only what its own execution sent. */
	const seen = { so: 0, as: 0 };
	function newRequests(sim: 'so' | 'as'): RecordedRequest[] {
		const all = ctx[sim].requests;
		const fresh = all.slice(seen[sim]);
		seen[sim] = all.length;
		return fresh;
	}

	function expectSuccess(result: ExecuteResult): void {
		if (result.code !== 0 || result.run?.status !== 'success') {
			throw new Error(
				`execution failed (exit ${result.code}, status ${result.run?.status}):\n${result.stdout}\n${result.stderr}`,
			);
		}
	}

	beforeAll(async () => {
		ctx = await setupE2e(mode === 'queue' ? 'workflows-queue' : 'workflows', {
			mode,
			credentials: ({ as }) => [
				{
					id: WRONG_KEY.credentialId,
					name: 'AutoSend (wrong key)',
					type: 'autoSendApi',
					data: { apiKey: WRONG_KEY.apiKey, baseUrl: as.baseUrl },
				},
			],
		});

		// Data the e2e workflows work on, next to the simulators' seed.
		const so = ctx.so.state;
		for (const [scheme, target] of Object.entries(SCHEME_TARGETS)) {
			so.relations.set(target.relationId, {
				relationId: target.relationId,
				sourceContactId: target.member.contactId,
				sourcePersonId: 0,
				destinationContactId: 138,
				destinationPersonId: 0,
				relationDefinitionId: 1,
				activeText: `Partner (${scheme})`,
				passiveText: 'Partner of',
			});
		}
		so.selections.set(BULK.selectionId, {
			selectionId: BULK.selectionId,
			name: 'Bulk mailing',
			kind: 'static',
			description: 'e2e',
			members: Array.from({ length: BULK.items + 10 }, (_, i) => ({ contactId: 10000 + i, personId: 20000 + i })),
		});
		const bulkList = ctx.as.addList({ name: BULK.listName });
		bulkListId = bulkList.id;
		ctx.as.addContacts(BULK.items + 10, { listId: bulkListId });

		const workflows = path.join(ctx.work, 'workflows');
		fs.mkdirSync(workflows, { recursive: true });
		for (const file of fs.readdirSync(EXAMPLES).filter((name) => name.endsWith('.json'))) {
			fs.copyFileSync(path.join(EXAMPLES, file), path.join(workflows, file));
		}
		for (const wf of [operationsWorkflow(), batchWorkflow(bulkListId), wrongKeyWorkflow()]) {
			fs.writeFileSync(path.join(workflows, `${wf.id}.json`), JSON.stringify(wf, null, 2));
		}
		const imported = await importWorkflows(ctx.install, ctx.env, workflows);
		outputs.push(imported.stdout, imported.stderr);
		runner = await workflowRunner(ctx);
	}, 600_000);

	afterAll(async () => {
		await ctx?.cleanup();
	});

	describe(`examples/person-left-company.json`, () => {
		it('removes the leavers from the SuperOffice selection and the AutoSend list, one request each', async () => {
			expect(members(NEWSLETTER_SELECTION)).toEqual(['138/266', '138/267', '139/301', '140/0']);
			expect(ctx.as.listMembers(NEWSLETTER_LIST)).toContain('ola.hansen@nordicbikes.example');

			const result = await execute('ExPersonLeft0001');
			expectSuccess(result);

			const soRequests = newRequests('so');
			expect(soRequests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
				'POST /v1/Agents/Selection/RemoveContactSelectionMembers 204',
			]);
			expect(soRequests[0].body).toEqual({
				SelectionId: 938,
				ContactPersonIds: [
					{ PersonId: 266, ContactId: 138 },
					{ PersonId: 267, ContactId: 138 },
				],
			});
			expect(soRequests[0].headers.authorization).toBe(`SOTicket ${SECRETS.superOffice.ticket}`);
			expect(soRequests[0].headers['so-apptoken']).toBe(SECRETS.superOffice.appToken);
			const asRequests = newRequests('as');
			expect(asRequests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
				`POST /contact-lists/${NEWSLETTER_LIST}/contacts/remove 200`,
			]);
			expect(asRequests[0].body).toEqual({
				emails: ['kari.nordmann@nordicbikes.example', 'ola.hansen@nordicbikes.example'],
			});

			expect(members(NEWSLETTER_SELECTION)).toEqual(['139/301', '140/0']);
			expect(ctx.as.listMembers(NEWSLETTER_LIST)).not.toContain('kari.nordmann@nordicbikes.example');
			expect(ctx.as.listMembers(NEWSLETTER_LIST)).not.toContain('ola.hansen@nordicbikes.example');
			expect(ctx.as.listMembers(NEWSLETTER_LIST)).toContain('ingrid.berg@fjordconsulting.example');

			expect(nodeOutput(result.run, 'Remove from newsletter selection')).toEqual([
				{ success: true, selectionId: 938, contactId: 138, personId: 266 },
				{ success: true, selectionId: 938, contactId: 138, personId: 267 },
			]);
			const autoSendItems = nodeItems(result.run, 'Remove from AutoSend newsletter');
			expect(autoSendItems.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(autoSendItems.map((item) => item.json)).toEqual([
				expect.objectContaining({
					success: true,
					contactListId: NEWSLETTER_LIST,
					emails: ['kari.nordmann@nordicbikes.example'],
					results: [{ email: 'kari.nordmann@nordicbikes.example', status: 'removed' }],
				}),
				expect.objectContaining({
					success: true,
					emails: ['ola.hansen@nordicbikes.example'],
					results: [{ email: 'ola.hansen@nordicbikes.example', status: 'removed' }],
				}),
			]);
		});
	});

	describe('examples/partnership-ended.json (On Error: Continue)', () => {
		it('deletes the relations that exist and reports the one already gone as deleted, each paired to its input', async () => {
			expect([...ctx.so.state.relations.keys()]).toEqual(expect.arrayContaining([413, 414, 415]));

			const result = await execute('ExRelationEnd001');
			expectSuccess(result);

			// Sorted: the node may send independent deletes concurrently.
			const requests = newRequests('so');
			expect(requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body)} ${r.status}`).sort()).toEqual([
				'GET /v1/Relation/999 undefined 404',
				'POST /v1/Agents/Relation/DeleteContactRelation {"ContactRelationEntityId":413} 204',
				'POST /v1/Agents/Relation/DeleteContactRelation {"ContactRelationEntityId":414} 204',
				'POST /v1/Agents/Relation/DeleteContactRelation {"ContactRelationEntityId":999} 200',
			]);
			expect(ctx.so.state.relations.has(413)).toBe(false);
			expect(ctx.so.state.relations.has(414)).toBe(false);
			expect(ctx.so.state.relations.has(415)).toBe(true);

			const items = nodeItems(result.run, 'Delete relation');
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(items.map((item) => item.json)).toEqual([
				{ success: true, relationId: 413, alreadyDeleted: false },
				{ success: true, relationId: 999, alreadyDeleted: true },
				{ success: true, relationId: 414, alreadyDeleted: false },
			]);
		});
	});

	describe('every operation with every SuperOffice authentication scheme', () => {
		let result: ExecuteResult;
		let soRequests: RecordedRequest[];

		beforeAll(async () => {
			result = await execute('E2eOperations001');
			soRequests = newRequests('so');
		}, 300_000);

		it('runs all seven nodes successfully', () => {
			expectSuccess(result);
			expect(soRequests).toHaveLength(6);
			expect(soRequests.every((r) => r.status === 204)).toBe(true);
		});

		const expectedAuthorization = {
			basic: `Basic ${Buffer.from(`${SECRETS.superOffice.username}:${SECRETS.superOffice.password}`).toString('base64')}`,
			soTicket: `SOTicket ${SECRETS.superOffice.ticket}`,
			bearer: `Bearer ${SECRETS.superOffice.accessToken}`,
		};

		it.each(SCHEMES.map((s) => s.scheme))('Selection › Remove Members with %s', (scheme) => {
			const { contactId, personId } = SCHEME_TARGETS[scheme].member;
			const request = soRequests.find(
				(r) =>
					r.path === '/v1/Agents/Selection/RemoveContactSelectionMembers' &&
					r.headers.authorization === expectedAuthorization[scheme],
			);
			expect(request?.body).toEqual({
				SelectionId: EVENT_SELECTION,
				ContactPersonIds: [{ PersonId: personId, ContactId: contactId }],
			});
			expect(request?.headers['so-apptoken']).toBe(scheme === 'soTicket' ? SECRETS.superOffice.appToken : undefined);
			expect(members(EVENT_SELECTION)).not.toContain(`${contactId}/${personId}`);
			expect(nodeOutput(result.run, `Remove member (${scheme})`)).toEqual([
				{ success: true, selectionId: EVENT_SELECTION, contactId, personId },
			]);
		});

		it.each(SCHEMES.map((s) => s.scheme))('Relation › Delete with %s', (scheme) => {
			const { relationId } = SCHEME_TARGETS[scheme];
			const request = soRequests.find(
				(r) =>
					r.path === '/v1/Agents/Relation/DeleteContactRelation' &&
					r.headers.authorization === expectedAuthorization[scheme],
			);
			expect(request?.body).toEqual({ ContactRelationEntityId: relationId });
			expect(ctx.so.state.relations.has(relationId)).toBe(false);
			expect(nodeOutput(result.run, `Delete relation (${scheme})`)).toEqual([
				{ success: true, relationId, alreadyDeleted: false },
			]);
		});

		it('AutoSend › Contact List › Remove Contacts by contact ID with the API key', () => {
			const requests = newRequests('as');
			expect(requests).toHaveLength(1);
			expect(requests[0].path).toBe(`/contact-lists/${CUSTOMERS_LIST}/contacts/remove`);
			expect(requests[0].headers.authorization).toBe(`Bearer ${SECRETS.autoSendApiKey}`);
			expect(requests[0].body).toEqual({ contactIds: CUSTOMER_IDS });
			expect(ctx.as.listMembers(CUSTOMERS_LIST)).toEqual(['sofia.rossi@example.com']);
			expect(nodeOutput(result.run, 'Remove contacts by ID')).toEqual([
				expect.objectContaining({
					success: true,
					contactListId: CUSTOMERS_LIST,
					contactIds: CUSTOMER_IDS,
					results: CUSTOMER_IDS.map((contactId) => ({ contactId, status: 'removed' })),
				}),
			]);
		});
	});

	describe('many items combined into few requests', () => {
		it(`sends ${BULK.items} members to SuperOffice in one request and ${BULK.items} emails to AutoSend in two`, async () => {
			const result = await execute('E2eBatching00001');
			expectSuccess(result);

			const soRequests = newRequests('so');
			expect(soRequests).toHaveLength(1);
			const body = soRequests[0].body as { SelectionId: number; ContactPersonIds: unknown[] };
			expect(body.SelectionId).toBe(BULK.selectionId);
			expect(body.ContactPersonIds).toHaveLength(BULK.items);
			expect(ctx.so.memberCount(BULK.selectionId)).toBe(10);

			const asRequests = newRequests('as');
			// Sorted: the node may send the two requests concurrently.
			expect(asRequests.map((r) => (r.body as { emails: string[] }).emails.length).sort((a, b) => b - a)).toEqual([
				100,
				BULK.items - 100,
			]);
			expect(asRequests.every((r) => r.status === 200)).toBe(true);
			expect(ctx.as.listMembers(bulkListId)).toHaveLength(10);

			const soOut = nodeItems(result.run, 'Remove members (bulk)');
			expect(soOut).toHaveLength(BULK.items);
			expect(soOut[149]).toEqual({
				json: { success: true, selectionId: BULK.selectionId, contactId: 10149, personId: 20149 },
				pairedItem: { item: 149 },
			});
			const asOut = nodeItems(result.run, 'Remove contacts (bulk)');
			expect(asOut).toHaveLength(BULK.items);
			expect(asOut[0].json).toMatchObject({
				emails: ['contact1@bulk.example.com'],
				results: [{ email: 'contact1@bulk.example.com', status: 'removed' }],
			});
			expect(asOut[149].json).toMatchObject({
				emails: ['contact150@bulk.example.com'],
				results: [{ email: 'contact150@bulk.example.com', status: 'removed' }],
			});
		});
	});

	describe('a wrong API key', () => {
		it('fails the execution with a clear message that does not contain the key', async () => {
			const result = await execute('E2eWrongApiKey01');

			const requests = newRequests('as');
			expect(requests).toHaveLength(1);
			expect(requests[0].headers.authorization).toBe(`Bearer ${WRONG_KEY.apiKey}`);
			expect(requests[0].status).toBe(401);

			expect(result.code).not.toBe(0);
			expect(result.run?.status).toBe('error');
			const error = result.run?.data.resultData.error;
			expect(error?.message).toBe(
				'AutoSend could not remove contacts from list 60d5ec49f1b2c72d9c8b4569: Unauthorized (UNAUTHORIZED) [item 0]',
			);
			expect(error?.description).toContain('Check the API key in the AutoSend credential');
			expect(result.stdout + result.stderr).toContain('AutoSend could not remove contacts');
			expect(result.stdout + result.stderr).not.toContain(WRONG_KEY.apiKey);
			expect(result.stdout + result.stderr).not.toContain('5ecr3t');
		});
	});

	describe('n8n import:credentials', () => {
		it('stored the plain credential data it was given encrypted with the instance key', () => {
			const database = storedCredentials(ctx);
			expect(database).toContain('SuperOffice onsite (Basic)');
			for (const secret of [
				SECRETS.superOffice.password,
				SECRETS.superOffice.ticket,
				SECRETS.autoSendApiKey,
				WRONG_KEY.apiKey,
			]) {
				expect([secret, database.includes(secret)]).toEqual([secret, false]);
			}
		});
	});

	describe('the n8n commands and processes', () => {
		it('made no call out of 127.0.0.1', () => {
			outputs.push(runner.output());
			expect(outputs.length).toBeGreaterThan(2);
			expect(outputs.join('\n')).not.toMatch(/ENOTFOUND|EAI_AGAIN|getaddrinfo|ENETUNREACH/);
		});

		if (mode === 'queue') {
			it('ran every execution on a worker, not in the main process', () => {
				expect(runner.executionIds.length).toBeGreaterThanOrEqual(5);
				for (const id of runner.executionIds) {
					expect([id, workerStarts(runner.stack as N8nStack, id)]).toEqual([id, 1]);
				}
			});
		}
	});
}
