// Combining, pacing and retry as a user configures them in the nodes' Options, run through n8n's engine.
// Timing is asserted on the simulators' own request clock, never on how long a test took.
import type { INodeParameters } from 'n8n-workflow';
import type { AutoSendSimulator, SuperOfficeSimulator } from '../simulators';
import { startAutoSendSimulator } from '../simulators';
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

describe('combining, pacing and retry', () => {
	const sims = useSimulators({ each: true });

	const members = (count: number) =>
		Array.from({ length: count }, (_, i) => ({ contactId: 138, personId: 10_000 + i }));
	const removeMembers = async (items: object[], options: object, onError?: 'continueRegularOutput') =>
		await harness.runNode({
			nodeType: 'superOffice',
			parameters: removeMembersParameters(938, { options }),
			credentials: superOfficeCredential(sims.so),
			items: items as never,
			onError,
		});
	const deleteRelation = async (options: INodeParameters) =>
		await harness.runNode({
			nodeType: 'superOffice',
			parameters: { resource: 'relation', operation: 'delete', relationId: 413, options },
			credentials: superOfficeCredential(sims.so),
		});
	const removeEmails = async (emails: string[], options: object) =>
		await harness.runNode({
			nodeType: 'autoSend',
			parameters: removeContactsParameters(NEWSLETTER, { options }),
			credentials: autoSendCredential(sims.as),
			items: emails.map((email) => ({ emails: email })),
		});
	const sentTo = (sim: SuperOfficeSimulator | AutoSendSimulator, suffix: string) =>
		sim.requests.filter((r) => r.path.endsWith(suffix));

	describe('combining', () => {
		it('uses the Batch Size option: 1,001 members in requests of 500, 500 and 1', async () => {
			const result = await removeMembers(members(1001), { batchSize: 500 });

			expect(
				sentTo(sims.so, REMOVE_MEMBERS).map((r) => (r.body as { ContactPersonIds: [] }).ContactPersonIds.length),
			).toEqual([500, 500, 1]);
			expect(result.items).toHaveLength(1001);
			expect(result.items.every((item, index) => (item.pairedItem as { item: number }).item === index)).toBe(true);
			expect(result.items[1000].json.personId).toBe(11_000);
		});

		it('with Combine Items off sends one request per item', async () => {
			await removeMembers(members(3), { combine: false });

			expect(
				sentTo(sims.so, REMOVE_MEMBERS).map((r) => (r.body as { ContactPersonIds: [] }).ContactPersonIds.length),
			).toEqual([1, 1, 1]);
		});

		it('caps AutoSend requests at 100 values even when a larger batch is configured', async () => {
			const emails = Array.from({ length: 150 }, (_, i) => `p${i}@example.com`);
			await removeEmails(emails, { batchSize: 500 });

			expect(sentTo(sims.as, '/contacts/remove').map((r) => (r.body as { emails: [] }).emails.length)).toEqual([
				100, 50,
			]);
		});

		it('fails exactly the items of the chunk whose request failed', async () => {
			sims.so.injectFault({ match: { path: REMOVE_MEMBERS }, status: 500, body: { ErrorMessage: 'Deadlock' } });
			const result = await removeMembers(members(600), { batchSize: 500, maxTries: 1 }, 'continueRegularOutput');

			const failed = result.items.flatMap((item, index) => ('error' in item.json ? [index] : []));
			const chunks = [Array.from({ length: 500 }, (_, i) => i), Array.from({ length: 100 }, (_, i) => 500 + i)];
			expect(chunks).toContainEqual(failed);
			expect(result.items[failed[0]].json.error).toContain(`Deadlock`);
			expect(result.items[failed[0]].json.error).toContain(`${failed.length} items combined`);
			expect(result.items).toHaveLength(600);
		});
	});

	describe('retry', () => {
		it.each([
			['a Retry-After header in seconds', { status: 429, headers: { 'Retry-After': '1' } }, 900],
			['X-RateLimit-Reset', { status: 429, headers: { 'X-RateLimit-Reset': '1' } }, 900],
		])('waits for %s, then succeeds', async (_case, fault, minimumGapMs) => {
			sims.so.injectFault(fault);
			const result = await deleteRelation({});

			expect(result.error).toBeUndefined();
			expect(sims.so.requests.map((r) => r.status)).toEqual([fault.status, 204]);
			expect(sims.so.requests[1].at - sims.so.requests[0].at).toBeGreaterThanOrEqual(minimumGapMs);
		});

		it('waits for a Retry-After HTTP date, then succeeds', async () => {
			// HTTP dates have whole seconds: two seconds ahead is at least one second away.
			sims.so.injectFault({ status: 503, headers: { 'Retry-After': new Date(Date.now() + 2000).toUTCString() } });
			const result = await deleteRelation({});

			expect(result.error).toBeUndefined();
			expect(sims.so.requests.map((r) => r.status)).toEqual([503, 204]);
			expect(sims.so.requests[1].at - sims.so.requests[0].at).toBeGreaterThanOrEqual(900);
		});

		it("waits for AutoSend's retryAfter body field, then succeeds", async () => {
			sims.as.injectFault({ status: 429, body: { success: false, error: { message: 'Slow down' }, retryAfter: 0.3 } });
			const result = await removeEmails(['jane@example.com'], {});

			expect(result.items[0].json).toMatchObject({ success: true, results: [{ email: 'jane@example.com' }] });
			expect(sims.as.requests.map((r) => r.status)).toEqual([429, 200]);
			expect(sims.as.requests[1].at - sims.as.requests[0].at).toBeGreaterThanOrEqual(280);
		});

		it('backs off and retries a 503 without a hint, and a dropped connection', async () => {
			sims.so.injectFault({ status: 503, body: 'Service Unavailable' });
			sims.so.injectFault({ kind: 'reset' });
			const result = await deleteRelation({});

			expect(result.error).toBeUndefined();
			expect(sims.so.requests.map((r) => r.status)).toEqual([503, 0, 204]);
			expect(sims.so.requests[1].at - sims.so.requests[0].at).toBeGreaterThanOrEqual(450);
		});

		it('retries a request that timed out', async () => {
			sims.so.injectFault({ kind: 'hang' });
			const result = await deleteRelation({ timeout: 300 });

			expect(result.error).toBeUndefined();
			expect(sims.so.requests.map((r) => r.status)).toEqual([0, 204]);
		});

		it('keeps sending a rate-limited request until Max Wait is used up, then says so and what to change', async () => {
			sims.so.injectFault({ status: 429, headers: { 'Retry-After': '0.4' }, times: 20 });
			const result = await deleteRelation({ maxWait: 1 });

			const deletes = sentTo(sims.so, '/DeleteContactRelation');
			expect(deletes.length).toBeGreaterThanOrEqual(2);
			expect(deletes.length).toBeLessThanOrEqual(4);
			expect(deletes[deletes.length - 1].at - deletes[0].at).toBeLessThan(1100);
			expect(result.error?.httpCode).toBe('429');
			expect(result.error?.message).toMatch(
				/asked to wait 0\.4 s, more than the 0(\.\d)? s left of Max Wait \(1 s\) after \d tries/,
			);
			expect(result.error?.description).toContain('nothing was changed');
			expect(result.error?.description).toContain('Lower Requests per Second');
		});

		it('retries a rate-limited request that is not idempotent: a 429 means it was not processed', async () => {
			sims.so.injectFault({
				match: { method: 'POST', path: '/v1/Webhook' },
				status: 429,
				headers: { 'Retry-After': '0.2' },
			});
			const trigger = await harness.startTrigger({
				nodeType: 'superOfficeTrigger',
				parameters: { events: ['person.changed'] },
				credentials: superOfficeCredential(sims.so),
			});
			try {
				await trigger.activate();
				expect(
					sims.so.requests.filter((r) => r.method === 'POST' && r.path === '/v1/Webhook').map((r) => r.status),
				).toEqual([429, 200]);
				expect(sims.so.webhooks.size).toBe(1);
			} finally {
				await trigger.deactivate();
				await trigger.close();
			}
		});

		it('repeats an idempotent request after an unknown outcome up to Max Tries, and says the outcome is unknown', async () => {
			sims.so.injectFault({ match: { path: /DeleteContactRelation/ }, status: 502, body: 'Bad Gateway', times: 5 });
			const result = await deleteRelation({ maxTries: 2 });

			expect(sentTo(sims.so, '/DeleteContactRelation')).toHaveLength(2);
			expect(result.error?.httpCode).toBe('502');
			expect(result.error?.message).toContain('did not confirm whether it could delete relation 413');
			expect(result.error?.message).toContain('(after 2 tries)');
			expect(result.error?.description).toContain('may or may not have been made');
		});

		it('never retries another 4xx', async () => {
			sims.so.injectFault({
				match: { path: /DeleteContactRelation/ },
				status: 400,
				body: { Message: 'The request is invalid.' },
			});
			const result = await deleteRelation({ maxTries: 5 });

			expect(sentTo(sims.so, '/DeleteContactRelation')).toHaveLength(1);
			expect(result.error?.httpCode).toBe('400');
		});

		it('fails at once when the server asks for a wait longer than what is left of Max Wait', async () => {
			sims.so.injectFault({ status: 429, headers: { 'Retry-After': '3600' } });
			const result = await deleteRelation({});

			expect(sentTo(sims.so, '/DeleteContactRelation')).toHaveLength(1);
			expect(result.error?.httpCode).toBe('429');
			expect(result.error?.message).toContain('asked to wait 3600 s, more than the 300 s left of Max Wait');
			expect(result.error?.description).toContain("Raise Max Wait in the node's options to at least 3600 s");
		});
	});

	describe('pacing', () => {
		it('starts at most Requests per Second requests in any second, the first ones without delay', async () => {
			const emails = Array.from({ length: 600 }, (_, i) => `p${i}@example.com`);
			await removeEmails(emails, { requestsPerSecond: 2 });

			const starts = sentTo(sims.as, '/contacts/remove').map((r) => r.at);
			expect(starts).toHaveLength(6);
			expect(starts[1] - starts[0]).toBeLessThan(500);
			for (let i = 2; i < starts.length; i++) expect(starts[i] - starts[i - 2]).toBeGreaterThanOrEqual(1000);
		});

		it('sends relation deletions concurrently up to the rate instead of one after another', async () => {
			sims.so.setLatency(200);
			for (let i = 0; i < 5; i++)
				sims.so.addRelation({ sourceContactId: 138, destinationContactId: 139, relationDefinitionId: 1 });
			const ids = [...sims.so.state.relations.keys()];
			const result = await harness.runNode({
				nodeType: 'superOffice',
				parameters: { resource: 'relation', operation: 'delete', relationId: '={{ $json.id }}' },
				credentials: superOfficeCredential(sims.so),
				items: ids.map((id) => ({ id })),
			});

			expect(result.items.map((item) => item.json.relationId)).toEqual(ids);
			const starts = sims.so.requests.map((r) => r.at);
			// Sequential sending would spread 5 starts over at least 4 x 200 ms; concurrency starts them together.
			expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(400);
		});

		it('recovers through 429s when the server allows less than the configured rate, losing nothing', async () => {
			await sims.as.close();
			sims.as = await startAutoSendSimulator({ rateLimitPerSecond: 1 });
			const emails = Array.from({ length: 800 }, (_, i) => `p${i}@example.com`);
			sims.as.addContacts(
				emails.map((email) => ({ email })),
				{ listId: NEWSLETTER },
			);
			const result = await removeEmails(emails, { requestsPerSecond: 4 });

			expect(sims.as.stats.rateLimited).toBeGreaterThan(0);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(800);
			expect(result.items.every((item) => item.json.success === true)).toBe(true);
			expect(sims.as.listMembers(NEWSLETTER).filter((email) => email.startsWith('p'))).toEqual([]);
		});
	});
});
