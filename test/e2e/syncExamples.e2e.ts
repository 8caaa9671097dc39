/**
 * The five sync examples in one real n8n, imported from examples/ unchanged: the four trigger ones activated
 * through n8n's REST API as the editor's Publish button does and driven by signed events the simulators
 * fire at n8n's production webhook URLs; the nightly reconcile run from its Schedule Trigger as the
 * editor's "Execute workflow" button does. Events go one at a time, and each test waits for its run to
 * finish, so the requests the simulators received in between are that run's. Every test asserts on the
 * simulators' state (and on what the run sent) and on how the run ended: successfully, but for the two runs
 * whose person SuperOffice could not send, which must fail visibly. One n8n for all five (about 25 s).
 */
import fs from 'node:fs';
import path from 'node:path';

import type { RecordedRequest } from '../simulators';
import { setupE2e, type E2eContext } from './support';
import { importWorkflows, nodeOutput, type ExecutionRun } from './support/cli';
import { REPO_ROOT } from './support/paths';
import {
	FINISHED_STATUSES,
	getJson,
	listExecutions,
	postJson,
	setActive,
	setupOwner,
	waitForExecution,
	type Session,
} from './support/rest';
import { NEWSLETTER_LIST, NEWSLETTER_SELECTION } from './support/simulators';
import type { N8nStack } from './support/stack';
import { until } from './support/wait';

const EXAMPLES = {
	crmToEmail: { file: 'crm-to-email.json', id: 'ExCrmToEmail0001' },
	bounceToCrm: { file: 'bounce-to-crm.json', id: 'ExBounceToCrm001' },
	unsubscribeToCrm: { file: 'unsubscribe-to-crm.json', id: 'ExUnsubToCrm0001' },
	consentWithdrawn: { file: 'consent-withdrawn-suppress.json', id: 'ExConsentSupp001' },
	nightlyReconcile: { file: 'nightly-reconcile.json', id: 'ExNightlyRecon01' },
} as const;
const TRIGGERED = [EXAMPLES.crmToEmail, EXAMPLES.bounceToCrm, EXAMPLES.unsubscribeToCrm, EXAMPLES.consentWithdrawn];

/** Persons of the SuperOffice seed (test/simulators/superoffice/seed.ts) and the addresses they start with. */
const KARI = { personId: 266, contactId: 138, email: 'kari.nordmann@nordicbikes.example' };
const OLA = { personId: 267, contactId: 138, email: 'ola.hansen@nordicbikes.example' };
const INGRID = { personId: 301, contactId: 139, email: 'ingrid.berg@fjordconsulting.example' };
const LARS = { personId: 302, contactId: 139, email: 'lars.eriksen@fjordconsulting.example' };
const MIKKO = { personId: 315, contactId: 141, email: 'mikko.virtanen@baltictimber.example' };
const SOFIE = { personId: 320, contactId: 142, email: 'sofie.dahl@nordicbikesretail.example' };

const consent = (purpose: string, legalBase: string) => ({
	purpose,
	source: 'WEBFORM',
	legalBase,
	comment: '',
	updated: '2026-01-05T09:00:00Z',
});

/** What one run did: the execution as n8n stored it, and the requests each simulator received meanwhile. */
interface Run {
	id: string;
	run: ExecutionRun;
	so: RecordedRequest[];
	as: RecordedRequest[];
}

const line = (r: RecordedRequest) => `${r.method} ${r.path} ${r.status}`;

describe('the sync examples in a real n8n', () => {
	let ctx: E2eContext;
	let stack: N8nStack;
	let session: Session;
	/** Executions each workflow has had and how each ended, for the check that there were no others. */
	const runIds = new Map<string, Array<{ id: string; status: string }>>();

	/**
	 * The one new execution of a workflow that `start` begins, once it finished, with what it sent. It must
	 * end with `status` (success, unless a test says otherwise).
	 */
	async function runOf(workflowId: string, start: () => Promise<string | void>, status = 'success'): Promise<Run> {
		const before = new Set((await listExecutions(session, workflowId)).map((e) => e.id));
		const [soFrom, asFrom] = [ctx.so.requests.length, ctx.as.requests.length];
		const started = await start();
		const id =
			started ??
			(await until(`a new execution of ${workflowId}`, async () => {
				const fresh = (await listExecutions(session, workflowId)).filter((e) => !before.has(e.id));
				if (fresh.length > 1) throw new Error(`expected one new execution of ${workflowId}, got ${fresh.length}`);
				return fresh.find((e) => FINISHED_STATUSES.has(e.status))?.id;
			}));
		const run = await waitForExecution(session, id);
		runIds.set(workflowId, [...(runIds.get(workflowId) ?? []), { id, status: run.status }]);
		if (run.status !== status) {
			const error = run.data.resultData.error;
			throw new Error(`execution ${id} of ${workflowId}: ${run.status}: ${error?.node?.name}: ${error?.message}`);
		}
		return { id, run, so: ctx.so.requests.slice(soFrom), as: ctx.as.requests.slice(asFrom) };
	}

	/** Fires a SuperOffice event at the workflows subscribed to it and returns the run it started. */
	async function soEvent(workflowId: string, event: string, personId: number, status?: string): Promise<Run> {
		return await runOf(
			workflowId,
			async () => {
				const deliveries = await ctx.so.fireEvent(event, { primaryKey: personId, entity: 'person' });
				expect(deliveries.map((d) => d.status)).toEqual([200]);
			},
			status,
		);
	}

	/** Fires an AutoSend event at the workflows subscribed to it and returns the run it started. */
	async function asEvent(workflowId: string, type: string, data: Record<string, unknown>): Promise<Run> {
		return await runOf(workflowId, async () => {
			const deliveries = await ctx.as.fireEvent(type, data);
			expect(deliveries.map((d) => d.status)).toEqual([200]);
		});
	}

	/**
	 * Runs a saved workflow from a trigger as the editor's "Execute workflow" button does (POST /rest/workflows/
	 * {id}/run with triggerToStartFrom); for a Schedule Trigger, n8n fires it once at once.
	 */
	async function runFromTrigger(workflowId: string, triggerName: string): Promise<Run> {
		return await runOf(workflowId, async () => {
			const { data: workflowData } = await getJson<{ data: unknown }>(
				session,
				`/rest/workflows/${workflowId}`,
				session.cookie,
			);
			const { data } = await postJson<{ data: { executionId?: string } }>(
				session,
				`/rest/workflows/${workflowId}/run`,
				session.cookie,
				{ workflowData, triggerToStartFrom: { name: triggerName } },
			);
			if (!data.executionId) throw new Error(`POST /run started nothing: ${JSON.stringify(data)}`);
			return data.executionId;
		});
	}

	const ran = (run: Run) => Object.keys(run.run.data.resultData.runData);
	const members = () =>
		(ctx.so.state.selections.get(NEWSLETTER_SELECTION)?.members ?? []).map((m) => `${m.contactId}/${m.personId}`);
	const listed = () => ctx.as.listMembers(NEWSLETTER_LIST);
	const contact = (email: string) => {
		const found = [...ctx.as.state.contacts.values()].find((c) => c.email === email);
		return found && { email: found.email, firstName: found.firstName, lastName: found.lastName };
	};
	/** Takes an address off the AutoSend newsletter list, so that adding it again shows. */
	const unlist = (email: string) => {
		const id = ctx.as.state.contactIdsByEmail.get(email);
		if (id) ctx.as.state.lists.get(NEWSLETTER_LIST)?.contactIds.delete(id);
	};
	const person = (personId: number) => {
		const found = ctx.so.state.persons.get(personId);
		if (!found) throw new Error(`no SuperOffice person ${personId} in the seed`);
		return found;
	};

	beforeAll(async () => {
		ctx = await setupE2e('sync-examples');
		ctx.so.webhookRetryDelaysMs = [0, 0];
		const workflows = path.join(ctx.work, 'workflows');
		fs.mkdirSync(workflows, { recursive: true });
		for (const { file } of Object.values(EXAMPLES)) {
			fs.copyFileSync(path.join(REPO_ROOT, 'examples', file), path.join(workflows, file));
		}
		await importWorkflows(ctx.install, ctx.env, workflows);
		stack = await ctx.startStack();
		session = { url: stack.url, cookie: await setupOwner(stack) };
		for (const { id } of TRIGGERED) await setActive(session, id, true);
		await until('the four webhooks', () =>
			ctx.so.webhooks.size === 2 && ctx.as.webhooks.size === 2 ? true : undefined,
		);
	}, 600_000);

	afterAll(async () => {
		await ctx?.cleanup();
	});

	it('registered one SuperOffice and one AutoSend webhook per trigger example, for its events', () => {
		expect([...ctx.so.webhooks.values()].map((w) => [w.Events, w.State]).sort()).toEqual([
			[['person.created', 'person.changed'], 'Active'],
			[['person.unconsented'], 'Active'],
		]);
		expect([...ctx.as.webhooks.values()].map((w) => [w.events, w.isActive]).sort()).toEqual([
			[['email.bounced'], true],
			[['email.unsubscribed'], true],
		]);
	});

	describe('examples/crm-to-email.json', () => {
		const { id } = EXAMPLES.crmToEmail;

		it('updates the AutoSend contact with the changed name and puts a person with e-marketing consent on the list', async () => {
			Object.assign(person(KARI.personId), { lastName: 'Nordmann-Lie', fullName: 'Kari Nordmann-Lie' });
			unlist(KARI.email);
			expect(contact(KARI.email)).toEqual({ email: KARI.email, firstName: 'Kari', lastName: 'Nordmann' });

			const run = await soEvent(id, 'person.changed', KARI.personId);

			expect(contact(KARI.email)).toEqual({ email: KARI.email, firstName: 'Kari', lastName: 'Nordmann-Lie' });
			expect(listed()).toContain(KARI.email);
			expect(run.so.map(line)).toEqual([`GET /v1/Person/${KARI.personId} 200`]);
			expect(run.as.map(line)).toEqual(['POST /contacts/email 200', 'POST /contact-lists/contacts/bulk-add 200']);
			expect(run.as[0].body).toEqual({ email: KARI.email, firstName: 'Kari', lastName: 'Nordmann-Lie' });
			expect(run.as[1].body).toEqual({ contactListId: NEWSLETTER_LIST, emails: [KARI.email] });
		});

		it('creates the contact of a new person, with the address lower-cased, and lists them', async () => {
			ctx.so.state.persons.set(400, {
				personId: 400,
				contactId: 139,
				fullName: 'Nina Holm',
				firstName: 'Nina',
				lastName: 'Holm',
				email: 'Nina.Holm@FjordConsulting.example',
			});
			ctx.so.state.consents.set(400, [consent('EMARKETING', '61A')]);
			expect(contact('nina.holm@fjordconsulting.example')).toBeUndefined();

			await soEvent(id, 'person.created', 400);

			expect(contact('nina.holm@fjordconsulting.example')).toEqual({
				email: 'nina.holm@fjordconsulting.example',
				firstName: 'Nina',
				lastName: 'Holm',
			});
			expect(listed()).toContain('nina.holm@fjordconsulting.example');
		});

		it.each([
			['without e-marketing consent', OLA, {}, []],
			['with a withdrawn e-marketing consent', LARS, {}, [consent('EMARKETING', 'WITHDRAWN')]],
			['who is retired', MIKKO, { retired: true }, [consent('EMARKETING', '61A')]],
			['with No mailings ticked', SOFIE, { noMailing: true }, [consent('EMARKETING', '61A')]],
		])('syncs the contact of a person %s but leaves them off the list', async (_case, who, flags, consents) => {
			Object.assign(person(who.personId), { firstName: 'Changed', ...flags });
			ctx.so.state.consents.set(who.personId, consents);
			unlist(who.email);

			const run = await soEvent(id, 'person.changed', who.personId);

			expect(contact(who.email)).toEqual(expect.objectContaining({ email: who.email, firstName: 'Changed' }));
			expect(listed()).not.toContain(who.email);
			expect(run.as.map(line)).toEqual(['POST /contacts/email 200']);
			expect(ran(run)).not.toContain('Add to newsletter list');
			expect(nodeOutput(run.run, 'Belongs on the newsletter')).toEqual([]);
		});

		it('stops at "Has an email address" for a person without one: nothing reaches AutoSend', async () => {
			ctx.so.state.persons.set(401, { personId: 401, contactId: 140, fullName: 'Per Uten', email: '' });

			const run = await soEvent(id, 'person.created', 401);

			expect(run.as).toEqual([]);
			expect(ran(run).sort()).toEqual(['Has an email address', 'Person fetched?', 'SuperOffice Trigger']);
			expect(nodeOutput(run.run, 'SuperOffice Trigger')[0]).toMatchObject({ PrimaryKey: 401, record: { Emails: [] } });
		});
		it('fails the run, naming the person, when SuperOffice could not send the person', async () => {
			const run = await soEvent(id, 'person.changed', 999, 'error');

			expect(run.so.map(line)).toEqual(['GET /v1/Person/999 404']);
			expect(run.as).toEqual([]);
			expect(nodeOutput(run.run, 'SuperOffice Trigger')[0]).toMatchObject({ record: null });
			expect(run.run.data.resultData.error).toMatchObject({
				node: { name: 'Fail: person not fetched' },
				message: expect.stringContaining('SuperOffice did not send person 999: '),
			});
		});
	});

	describe('examples/bounce-to-crm.json', () => {
		const { id } = EXAMPLES.bounceToCrm;

		it('counts the bounce once on the address and takes everyone with it off the newsletter selection', async () => {
			// SuperOffice keeps the address as typed; a second person (at another company) shares it.
			person(INGRID.personId).email = 'Ingrid.Berg@FjordConsulting.example';
			ctx.so.state.persons.set(402, {
				personId: 402,
				contactId: 140,
				fullName: 'Ingrid Berg',
				email: INGRID.email,
			});
			ctx.so.state.selections.get(NEWSLETTER_SELECTION)!.members.push({ contactId: 140, personId: 402 });
			expect(members()).toEqual(expect.arrayContaining(['139/301', '140/402', '138/267']));

			const run = await asEvent(id, 'email.bounced', {
				emailId: 'em_bounce_1',
				from: 'news@example.com',
				to: { email: INGRID.email, name: 'Ingrid Berg' },
				subject: 'November newsletter',
				test: false,
			});

			expect(ctx.so.state.bounces.get(INGRID.email)).toMatchObject({ count: 1 });
			expect(members()).not.toContain('139/301');
			expect(members()).not.toContain('140/402');
			expect(members()).toContain('138/267');
			expect(run.so.map(line)).toEqual([
				'POST /v1/Agents/Person/AddBounce 204',
				'GET /v1/Person 200',
				'POST /v1/Agents/Selection/RemoveContactSelectionMembers 204',
			]);
			expect(run.so[0].body).toEqual({ EmailAddress: INGRID.email });
			expect(run.so[2].body).toEqual({
				SelectionId: NEWSLETTER_SELECTION,
				ContactPersonIds: [
					{ PersonId: 301, ContactId: 139 },
					{ PersonId: 402, ContactId: 140 },
				],
			});
		});

		it('registers the bounce of an address no person has, and changes no selection', async () => {
			const before = members();

			const run = await asEvent(id, 'email.bounced', {
				emailId: 'em_bounce_2',
				to: { email: 'nobody@unknown.example' },
			});

			expect(run.so.map(line)).toEqual(['POST /v1/Agents/Person/AddBounce 204', 'GET /v1/Person 200']);
			expect(ran(run)).not.toContain('Remove from newsletter selection');
			expect(ctx.so.state.bounces.has('nobody@unknown.example')).toBe(false);
			expect(members()).toEqual(before);
		});
	});

	describe('examples/unsubscribe-to-crm.json', () => {
		const { id } = EXAMPLES.unsubscribeToCrm;

		it('withdraws the e-marketing consent and takes the person off the newsletter selection', async () => {
			ctx.so.state.consents.set(KARI.personId, [consent('EMARKETING', '61A'), consent('STORE', '61F')]);
			expect(members()).toContain('138/266');

			const run = await asEvent(id, 'email.unsubscribed', {
				emailId: 'em_unsub_1',
				to: { email: KARI.email, name: 'Kari Nordmann-Lie' },
			});

			expect(ctx.so.state.consents.get(KARI.personId)?.map((c) => [c.purpose, c.legalBase])).toEqual([
				['EMARKETING', 'WITHDRAWN'],
				['STORE', '61F'],
			]);
			expect(members()).not.toContain('138/266');
			expect(run.so.map(line)).toEqual([
				'GET /v1/Person 200',
				`GET /v1/Person/${KARI.personId}/Consent 200`,
				'POST /v1/Agents/Person/RemoveConsent 204',
				'POST /v1/Agents/Selection/RemoveContactSelectionMembers 204',
			]);
			expect(run.so[2].body).toEqual({ PersonId: KARI.personId, Purpose: 'EMARKETING' });
			expect(nodeOutput(run.run, 'Remove e-marketing consent')).toEqual([
				{ success: true, personId: KARI.personId, purpose: 'EMARKETING', alreadyRemoved: false },
			]);
		});

		it('reads the address from data.email too, and takes someone who never consented off the selection', async () => {
			ctx.so.state.consents.delete(OLA.personId);
			expect(members()).toContain('138/267');

			const run = await asEvent(id, 'email.unsubscribed', { email: OLA.email });

			expect(members()).not.toContain('138/267');
			expect(ctx.so.state.consents.get(OLA.personId) ?? []).toEqual([]);
			expect(nodeOutput(run.run, 'Remove e-marketing consent')).toEqual([
				{ success: true, personId: OLA.personId, purpose: 'EMARKETING', alreadyRemoved: true },
			]);
		});
	});

	describe('examples/consent-withdrawn-suppress.json', () => {
		const { id } = EXAMPLES.consentWithdrawn;
		const suppressions = (email: string) =>
			[...ctx.as.state.suppressions.values()].filter((s) => s.email === email).map((s) => [s.scope, s.reason]);

		it("suppresses all of the person's addresses when no e-marketing consent is left", async () => {
			person(MIKKO.personId).otherEmails = ['Mikko@BalticTimber.example'];
			ctx.so.state.consents.set(MIKKO.personId, [consent('EMARKETING', 'WITHDRAWN'), consent('STORE', '61A')]);
			expect(suppressions(MIKKO.email)).toEqual([]);

			const run = await soEvent(id, 'person.unconsented', MIKKO.personId);

			expect(suppressions(MIKKO.email)).toEqual([['default', 'unsubscribed']]);
			expect(suppressions('mikko@baltictimber.example')).toEqual([['default', 'unsubscribed']]);
			expect(run.as.map(line)).toEqual(['POST /suppression-groups/emails/suppress 200']);
			expect(run.as[0].body).toEqual({
				emails: [MIKKO.email, 'mikko@baltictimber.example'],
				reason: 'unsubscribed',
			});
		});

		it('fails the run, rather than skip a withdrawal, when SuperOffice could not send the person', async () => {
			const before = ctx.as.state.suppressions.size;

			const run = await soEvent(id, 'person.unconsented', 998, 'error');

			expect(run.as).toEqual([]);
			expect(run.run.data.resultData.error?.node?.name).toBe('Fail: person not fetched');
			expect(ctx.as.state.suppressions.size).toBe(before);
		});

		it('suppresses nobody whose e-marketing consent still stands (another purpose was withdrawn)', async () => {
			ctx.so.state.consents.set(SOFIE.personId, [consent('EMARKETING', '61A'), consent('STORE', 'WITHDRAWN')]);
			const before = ctx.as.state.suppressions.size;

			const run = await soEvent(id, 'person.unconsented', SOFIE.personId);

			expect(run.as).toEqual([]);
			expect(ran(run)).not.toContain('Suppress in AutoSend');
			expect(ctx.as.state.suppressions.size).toBe(before);
		});
	});

	describe('examples/nightly-reconcile.json', () => {
		const { id } = EXAMPLES.nightlyReconcile;
		const TRIGGER = 'Every night at 02:00';
		const ASTRID = 'Astrid.Lund@AuroraLogistics.example';
		const COMPANY = 'Post@NordicBikesRetail.example';
		/** The list after a run: every address in the selection, lower-cased. */
		const RECONCILED = [KARI.email, INGRID.email, ASTRID.toLowerCase(), COMPANY.toLowerCase()].sort();
		const STALE = ['jane@example.com', OLA.email];

		beforeAll(() => {
			// The selection: Kari (typed with capitals, also on the list), Ingrid (not on the list), Astrid (new,
			// capitals), a company with an address (capitals) and one without.
			person(KARI.personId).email = 'Kari.Nordmann@NordicBikes.example';
			person(INGRID.personId).email = INGRID.email;
			ctx.so.state.persons.set(410, { personId: 410, contactId: 140, fullName: 'Astrid Lund', email: ASTRID });
			ctx.so.state.contacts.get(142)!.email = COMPANY;
			ctx.so.state.selections.get(NEWSLETTER_SELECTION)!.members = [
				{ contactId: KARI.contactId, personId: KARI.personId },
				{ contactId: INGRID.contactId, personId: INGRID.personId },
				{ contactId: 140, personId: 410 },
				{ contactId: 142, personId: 0 },
				{ contactId: 140, personId: 0 },
			];
			// The list: Kari (in both), and two who are no longer in the selection.
			const list = ctx.as.state.lists.get(NEWSLETTER_LIST)!;
			list.contactIds.clear();
			ctx.as.addContacts(
				[KARI.email, ...STALE].map((email) => ({ email })),
				{ listId: NEWSLETTER_LIST },
			);
			expect(listed().sort()).toEqual([KARI.email, ...STALE].sort());
		});

		it('adds the addresses only in the selection and removes those only on the list', async () => {
			const run = await runFromTrigger(id, TRIGGER);

			expect(listed().sort()).toEqual(RECONCILED);
			const writes = run.as.filter((r) => r.path !== '/contact-lists/contacts/search');
			expect(writes.map(line).sort()).toEqual(
				[
					'POST /contact-lists/contacts/bulk-add 200',
					`POST /contact-lists/${NEWSLETTER_LIST}/contacts/remove 200`,
				].sort(),
			);
			const add = writes.find((r) => r.path.endsWith('/bulk-add'))!;
			const remove = writes.find((r) => r.path.endsWith('/remove'))!;
			expect((add.body as { emails: string[] }).emails.sort()).toEqual(
				[INGRID.email, ASTRID.toLowerCase(), COMPANY.toLowerCase()].sort(),
			);
			expect((remove.body as { emails: string[] }).emails.sort()).toEqual(STALE.sort());
			expect(nodeOutput(run.run, 'Add to newsletter list').filter((item) => 'error' in item)).toEqual([]);
			expect(run.so.map(line)).toEqual([`GET /v1/Selection/${NEWSLETTER_SELECTION}/Members 200`]);
		});

		it('sends no write request when run again: the list already matches', async () => {
			const run = await runFromTrigger(id, TRIGGER);

			expect(run.as.length).toBeGreaterThan(0);
			expect(run.as.map(line).filter((l) => l !== 'POST /contact-lists/contacts/search 200')).toEqual([]);
			expect(run.so.map(line)).toEqual([`GET /v1/Selection/${NEWSLETTER_SELECTION}/Members 200`]);
			expect(ran(run)).not.toContain('Add to newsletter list');
			expect(ran(run)).not.toContain('Remove from newsletter list');
			expect(listed().sort()).toEqual(RECONCILED);
		});
	});

	describe('afterwards', () => {
		it('every execution of every example ended as its test expected (all succeeded but the two whose person could not be fetched), and there were no others', async () => {
			for (const { id } of Object.values(EXAMPLES)) {
				const executions = await listExecutions(session, id);
				const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
				expect([id, executions.map((e) => ({ id: e.id, status: e.status })).sort(byId)]).toEqual([
					id,
					[...(runIds.get(id) ?? [])].sort(byId),
				]);
			}
		});

		it('made no call out of 127.0.0.1', () => {
			expect(stack.output()).not.toMatch(/ENOTFOUND|EAI_AGAIN|getaddrinfo|ENETUNREACH/);
		});
	});
});
