// Event storms: every webhook event is its own execution with one item. Concurrent executions in one n8n
// process that use the same credential share one pace and, for the same target, one request; each still
// gets exactly its own results, and one run's failure or cancellation never reaches another.
import {
	autoSendCredential,
	harness,
	removeContactsParameters,
	removeMembersParameters,
	superOfficeCredential,
	useSimulators,
} from '../support/package';

const REMOVE_MEMBERS = '/v1/Agents/Selection/RemoveContactSelectionMembers';
const NEWSLETTER = '60d5ec49f1b2c72d9c8b4567';

type Member = { PersonId: number; ContactId: number };
const membersOf = (request: { body: unknown }) => (request.body as { ContactPersonIds: Member[] }).ContactPersonIds;

describe('runs in one process share requests and pace', () => {
	const sims = useSimulators();
	const selection = (count: number) =>
		sims.so.addSelection({
			name: `Storm ${count}`,
			members: Array.from({ length: count }, (_, i) => ({ contactId: 138, personId: 20_000 + i })),
		}).selectionId;

	/** One execution per event, all started at once, as n8n does for a burst of webhook deliveries. */
	const storm = async (selectionId: number, personIds: number[], options: object = {}) =>
		await Promise.all(
			personIds.map(
				async (personId) =>
					await harness.runNode({
						nodeType: 'superOffice',
						parameters: removeMembersParameters(selectionId, { options }),
						credentials: superOfficeCredential(sims.so),
						items: [{ contactId: 138, personId }],
					}),
			),
		);

	it('sends the members of 30 concurrent runs for one selection in one request', async () => {
		const selectionId = selection(30);
		const personIds = Array.from({ length: 30 }, (_, i) => 20_000 + i);
		const runs = await storm(selectionId, personIds);

		const requests = sims.so.requests.filter((r) => r.path === REMOVE_MEMBERS);
		expect(requests).toHaveLength(1);
		expect(
			membersOf(requests[0])
				.map((m) => m.PersonId)
				.sort(),
		).toEqual(personIds);
		expect(sims.so.memberCount(selectionId)).toBe(0);
		// Each run reports its own member, paired to its own item, and nothing of the others.
		runs.forEach((run, i) => {
			expect(run.error).toBeUndefined();
			expect(run.items).toEqual([
				{ json: { success: true, selectionId, contactId: 138, personId: personIds[i] }, pairedItem: { item: 0 } },
			]);
		});
	});

	it('with Combine Window 0 and a free rate, sends at once without waiting for others', async () => {
		const selectionId = selection(3);
		await storm(selectionId, [20_000], { combineWindow: 0 });
		await storm(selectionId, [20_001], { combineWindow: 0 });

		expect(sims.so.requests.filter((r) => r.path === REMOVE_MEMBERS).map((r) => membersOf(r).length)).toEqual([1, 1]);
	});

	it('keeps runs with different credentials apart: own requests, own authorization, own pace', async () => {
		const selectionId = selection(2);
		const [bearer, ticket] = await Promise.all([
			harness.runNode({
				nodeType: 'superOffice',
				parameters: removeMembersParameters(selectionId, { options: { requestsPerSecond: 1 } }),
				credentials: superOfficeCredential(sims.so, 'bearer'),
				items: [{ contactId: 138, personId: 20_000 }],
			}),
			harness.runNode({
				nodeType: 'superOffice',
				parameters: removeMembersParameters(selectionId, { options: { requestsPerSecond: 1 } }),
				credentials: superOfficeCredential(sims.so, 'soTicket'),
				items: [{ contactId: 138, personId: 20_001 }],
			}),
		]);

		expect(bearer.error).toBeUndefined();
		expect(ticket.error).toBeUndefined();
		const requests = sims.so.requests.filter((r) => r.path === REMOVE_MEMBERS);
		expect(requests.map((r) => r.headers.authorization.split(' ')[0]).sort()).toEqual(['Bearer', 'SOTicket']);
		expect(requests.map((r) => membersOf(r).length)).toEqual([1, 1]);
		// One request per second each, but not one per second together: neither waited for the other.
		expect(Math.abs(requests[0].at - requests[1].at)).toBeLessThan(500);
	});
});

describe('a shared limit across runs', () => {
	const sims = useSimulators({
		each: true,
		superOffice: { rateLimitPerSecond: 10 },
		autoSend: { rateLimitPerSecond: 2 },
	});

	it('paces concurrent runs on one credential together, so a storm meets no 429', async () => {
		const { so } = sims;
		// 40 relations deleted by 40 concurrent runs: nothing to combine, one request each.
		const ids = Array.from(
			{ length: 40 },
			() => so.addRelation({ sourceContactId: 138, destinationContactId: 139, relationDefinitionId: 1 }).relationId,
		);
		const runs = await Promise.all(
			ids.map(
				async (relationId) =>
					await harness.runNode({
						nodeType: 'superOffice',
						parameters: { resource: 'relation', operation: 'delete', relationId },
						credentials: superOfficeCredential(so),
					}),
			),
		);

		expect(runs.every((run) => run.items[0]?.json.success === true)).toBe(true);
		expect(so.stats.rateLimited).toBe(0);
		const starts = so.requests.map((r) => r.at).sort((a, b) => a - b);
		for (let i = 10; i < starts.length; i++) expect(starts[i] - starts[i - 10]).toBeGreaterThanOrEqual(1000);
	});

	it('lets 60 AutoSend bounce runs through a 2-per-second limit in a few full requests, losing none', async () => {
		const { as } = sims;
		const emails = Array.from({ length: 60 }, (_, i) => `bounce${i}@example.com`);
		as.addContacts(
			emails.map((email) => ({ email })),
			{ listId: NEWSLETTER },
		);
		const runs = await Promise.all(
			emails.map(
				async (email) =>
					await harness.runNode({
						nodeType: 'autoSend',
						parameters: removeContactsParameters(NEWSLETTER),
						credentials: autoSendCredential(as),
						items: [{ emails: email }],
					}),
			),
		);

		expect(runs.map((run) => run.error?.message).filter(Boolean)).toEqual([]);
		runs.forEach((run, i) =>
			expect(run.items[0].json).toMatchObject({ success: true, emails: [emails[i]], results: [{ email: emails[i] }] }),
		);
		expect(as.stats.rateLimited).toBe(0);
		expect(as.requests.length).toBeLessThanOrEqual(3);
		expect(as.listMembers(NEWSLETTER).filter((email) => email.startsWith('bounce'))).toEqual([]);
	});

	it('gathers runs that keep arriving into about one request a second, each run waiting a bounded time', async () => {
		// 60 runs, one every 50 ms for 3 s, as n8n starts them during a webhook storm. The pace would allow
		// 10 requests a second, each carrying the one or two values that arrived since the last.
		const personIds = Array.from({ length: 60 }, (_, i) => 30_000 + i);
		const selectionId = sims.so.addSelection({
			name: 'Steady storm',
			members: personIds.map((personId) => ({ contactId: 138, personId })),
		}).selectionId;
		const waits: number[] = [];
		const runs = await Promise.all(
			personIds.map(async (personId, i) => {
				await new Promise((resolve) => setTimeout(resolve, i * 50));
				const started = Date.now();
				const run = await harness.runNode({
					nodeType: 'superOffice',
					parameters: removeMembersParameters(selectionId),
					credentials: superOfficeCredential(sims.so),
					items: [{ contactId: 138, personId }],
				});
				waits.push(Date.now() - started);
				return run;
			}),
		);

		expect(runs.map((run) => run.error?.message).filter(Boolean)).toEqual([]);
		expect(sims.so.memberCount(selectionId)).toBe(0);
		const requests = sims.so.requests.filter((r) => r.path === REMOVE_MEMBERS);
		expect(requests.length).toBeGreaterThanOrEqual(2);
		expect(requests.length).toBeLessThanOrEqual(5);
		// No run waits much longer than the longest gathering (1 s) plus a request.
		expect(Math.max(...waits)).toBeLessThan(2_000);
	});
});

describe("one run's trouble stays its own", () => {
	const sims = useSimulators();

	it("never shows one run's rejected value in another run's output", async () => {
		const [jane] = sims.as.addContacts([{ email: 'jane.storm@example.com' }], { listId: NEWSLETTER });
		const run = async (contactIds: string) =>
			await harness.runNode({
				nodeType: 'autoSend',
				parameters: removeContactsParameters(NEWSLETTER, { removeBy: 'contactId', contactIds, emails: undefined }),
				credentials: autoSendCredential(sims.as),
				items: [{}],
				onError: 'continueRegularOutput',
			});
		const [good, bad] = await Promise.all([run(jane.id), run('not-an-id')]);

		// One request carried both; AutoSend refused one value of it.
		expect(sims.as.requests.filter((r) => r.path.endsWith('/contacts/remove'))).toHaveLength(1);
		expect(good.items[0].json).toMatchObject({ success: true, contactIds: [jane.id] });
		expect(JSON.stringify(good.items)).not.toContain('not-an-id');
		expect(Object.keys(bad.items[0].json)).toEqual(['error']);
		expect(bad.items[0].json.error).toContain('not-an-id');
		expect(bad.items[0].json.error).not.toContain(jane.id);
	});

	it('fails every run whose values a failed request carried, each naming only its own item', async () => {
		sims.so.injectFault({ match: { path: REMOVE_MEMBERS }, status: 500, body: { ErrorMessage: 'Deadlock victim' } });
		const runs = await Promise.all(
			[266, 267].map(
				async (personId) =>
					await harness.runNode({
						nodeType: 'superOffice',
						parameters: removeMembersParameters(938, { options: { maxTries: 1 } }),
						credentials: superOfficeCredential(sims.so),
						items: [{ contactId: 138, personId }],
					}),
			),
		);

		expect(sims.so.requests.filter((r) => r.path === REMOVE_MEMBERS)).toHaveLength(1);
		for (const run of runs) {
			expect(run.error?.message).toContain('Deadlock victim');
			expect(run.error?.message).toMatch(/\[item 0\]$/);
			expect(run.error?.description).not.toContain('items combined');
		}
	});

	it('lets the other runs finish when one run is cancelled while its values wait', async () => {
		const selectionId = sims.so.addSelection({
			name: 'Cancel',
			members: [
				{ contactId: 138, personId: 30_000 },
				{ contactId: 138, personId: 30_001 },
			],
		}).selectionId;
		const cancel = new AbortController();
		const run = async (personId: number, signal?: AbortSignal) =>
			await harness.runNode({
				nodeType: 'superOffice',
				parameters: removeMembersParameters(selectionId, { options: { combineWindow: 500 } }),
				credentials: superOfficeCredential(sims.so),
				items: [{ contactId: 138, personId }],
				cancel: signal,
			});
		const cancelled = run(30_000, cancel.signal);
		const other = run(30_001);
		setTimeout(() => cancel.abort(), 100);
		const [, kept] = await Promise.all([cancelled, other]);

		expect(kept.error).toBeUndefined();
		expect(kept.items[0].json).toMatchObject({ success: true, personId: 30_001 });
		const requests = sims.so.requests.filter((r) => r.path === REMOVE_MEMBERS);
		// The cancelled run's member was taken back before the request was formed.
		expect(requests.flatMap((r) => membersOf(r).map((m) => m.PersonId))).toEqual([30_001]);
		expect(sims.so.state.selections.get(selectionId)?.members.map((m) => m.personId)).toEqual([30_000]);
	});

	it('keeps a shared request going when the run that sends it is cancelled', async () => {
		sims.so.setLatency(400);
		const selectionId = sims.so.addSelection({
			name: 'Sender cancelled',
			members: [
				{ contactId: 138, personId: 31_000 },
				{ contactId: 138, personId: 31_001 },
			],
		}).selectionId;
		const cancel = new AbortController();
		const run = async (personId: number, signal?: AbortSignal) =>
			await harness.runNode({
				nodeType: 'superOffice',
				parameters: removeMembersParameters(selectionId),
				credentials: superOfficeCredential(sims.so),
				items: [{ contactId: 138, personId }],
				cancel: signal,
			});
		const first = run(31_000, cancel.signal);
		const second = run(31_001);
		// Cancelled while the shared request (carrying both members) is on its way.
		setTimeout(() => cancel.abort(), 400);
		const [, kept] = await Promise.all([first, second]);
		sims.so.setLatency(0);

		expect(kept.error).toBeUndefined();
		expect(kept.items[0].json).toMatchObject({ success: true, personId: 31_001 });
		expect(sims.so.requests.filter((r) => r.path === REMOVE_MEMBERS)).toHaveLength(1);
		expect(sims.so.memberCount(selectionId)).toBe(0);
	});
});
