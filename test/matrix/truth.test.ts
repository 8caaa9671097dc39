// Outputs that match what happened: no success for a change the API did not make, no failure for a state
// already reached, "unknown" when the outcome is unknown, partial outcomes spelled out, secrets never echoed.
import { NodeApiError } from 'n8n-workflow';
import {
	autoSendCredential,
	harness,
	removeContactsParameters,
	removeMembersParameters,
	SO_SECRETS,
	superOfficeCredential,
	superOfficeOAuth2Credential,
	useSimulators,
} from '../support/package';

const REMOVE_MEMBERS = '/v1/Agents/Selection/RemoveContactSelectionMembers';
const NEWSLETTER = '60d5ec49f1b2c72d9c8b4567';

describe('outcomes that match what happened', () => {
	const sims = useSimulators();

	const removeMembers = async (items: object[], options: object = {}, onError?: 'continueRegularOutput') =>
		await harness.runNode({
			nodeType: 'superOffice',
			parameters: removeMembersParameters(938, { options: { maxTries: 1, ...options } }),
			credentials: superOfficeCredential(sims.so),
			items: items as never,
			onError,
		});
	const removeEmails = async (emails: string, options: object = {}) =>
		await harness.runNode({
			nodeType: 'autoSend',
			parameters: removeContactsParameters(NEWSLETTER, { options }),
			credentials: autoSendCredential(sims.as),
			items: [{ emails }],
		});

	describe('no success that did not happen', () => {
		it('a 200 with an HTML sign-in page is not a success', async () => {
			sims.so.injectFault({
				match: { path: REMOVE_MEMBERS },
				status: 200,
				contentType: 'text/html',
				body: '<html><body><h1>Sign in</h1><form>…</form></body></html>',
			});
			const result = await removeMembers([{ contactId: 138, personId: 266 }]);

			expect(result.error).toBeInstanceOf(NodeApiError);
			expect(result.error?.message).toContain("unexpected answer that is not SuperOffice's JSON: Sign in");
			expect(result.error?.description).toContain('nothing can be assumed done');
			expect(sims.so.state.selections.get(938)?.members.some((m) => m.personId === 266)).toBe(true);
		});

		it('a 200 with cut-off JSON is not a success', async () => {
			sims.so.injectFault({
				match: { path: REMOVE_MEMBERS },
				status: 200,
				contentType: 'application/json',
				body: '{"Removed": tr',
			});
			const result = await removeMembers([{ contactId: 138, personId: 266 }]);

			expect(result.error?.message).toContain("unexpected answer that is not SuperOffice's JSON");
		});

		it('a redirect to a sign-in page is not followed, so a POST is never replayed as GET', async () => {
			sims.so.injectFault({
				match: { path: REMOVE_MEMBERS },
				status: 302,
				headers: { Location: `${sims.so.webApiUrl.replace(/\/api$/, '')}/login?ReturnUrl=%2Fapi` },
			});
			const result = await removeMembers([{ contactId: 138, personId: 266 }]);

			expect(sims.so.requests).toHaveLength(1);
			expect(result.error?.httpCode).toBe('302');
			expect(result.error?.message).toContain('answered with a redirect to');
			expect(result.error?.message).not.toContain('ReturnUrl');
			expect(result.error?.description).toContain('redirects are not followed');
		});
	});

	describe('partial outcomes spelled out', () => {
		it('a run that stops on a failed request says which items were done before it stopped', async () => {
			const selectionId = sims.so.addSelection({
				name: 'Partial',
				members: Array.from({ length: 6 }, (_, i) => ({ contactId: 138, personId: 40_000 + i })),
			}).selectionId;
			sims.so.injectFault({ match: { path: REMOVE_MEMBERS }, status: 500, body: { ErrorMessage: 'Deadlock' } });
			const result = await harness.runNode({
				nodeType: 'superOffice',
				parameters: removeMembersParameters(selectionId, { options: { batchSize: 2, maxTries: 1, combineWindow: 0 } }),
				credentials: superOfficeCredential(sims.so),
				items: Array.from({ length: 6 }, (_, i) => ({ contactId: 138, personId: 40_000 + i })),
			});

			expect(result.error?.message).toContain('Deadlock');
			expect(result.error?.description).toMatch(
				/Before the run stopped, 4 of 6 items were done \(items \d, \d, \d, \d\)/,
			);
			expect(sims.so.memberCount(selectionId)).toBe(2);
		});

		it('an item whose values went out in several requests says which were done when one request failed', async () => {
			const emails = Array.from({ length: 250 }, (_, i) => `partial${String(i).padStart(3, '0')}@example.com`);
			sims.as.addContacts(
				emails.map((email) => ({ email })),
				{ listId: NEWSLETTER },
			);
			// Of three requests (100, 100, 50 addresses), the second fails; the others remove theirs.
			sims.as.injectFault({
				match: { path: /\/contacts\/remove$/ },
				skip: 1,
				status: 500,
				body: { success: false, error: { message: 'Internal error', code: 'INTERNAL' } },
			});
			const result = await harness.runNode({
				nodeType: 'autoSend',
				parameters: removeContactsParameters(NEWSLETTER, { options: { maxTries: 1, requestsPerSecond: 100 } }),
				credentials: autoSendCredential(sims.as),
				items: [{ emails: emails.join(',') }],
				onError: 'continueRegularOutput',
			});

			expect(Object.keys(result.items[0].json)).toEqual(['error']);
			const error = String(result.items[0].json.error);
			expect(error).toContain('Internal error (INTERNAL)');
			expect(error).toContain('Done: partial000@example.com');
			expect(error).toContain('and 140 more. Not done:');
			expect(error).toContain('and 90 more.');
			expect(sims.as.listMembers(NEWSLETTER).filter((email) => email.startsWith('partial'))).toHaveLength(100);
		});

		it('a request whose answer was lost after the change was made says the outcome is unknown', async () => {
			sims.as.addContacts([{ email: 'lost.answer@example.com' }], { listId: NEWSLETTER });
			sims.as.injectFault({ match: { path: /\/contacts\/remove$/ }, kind: 'appliedThenHang' });
			const result = await removeEmails('lost.answer@example.com', { timeout: 300, maxTries: 1 });

			expect(result.error?.message).toContain(
				`AutoSend did not confirm whether it could remove contacts from list ${NEWSLETTER}: no answer within 0.3 s`,
			);
			expect(result.error?.description).toContain('may or may not have been made');
			expect(sims.as.listMembers(NEWSLETTER)).not.toContain('lost.answer@example.com');
		});

		it('a value removed by an attempt whose answer was lost is not reported as never on the list', async () => {
			sims.as.addContacts([{ email: 'retried@example.com' }], { listId: NEWSLETTER });
			sims.as.injectFault({ match: { path: /\/contacts\/remove$/ }, kind: 'appliedThenHang' });
			const result = await removeEmails('retried@example.com', { timeout: 300, maxTries: 2 });

			expect(result.error).toBeUndefined();
			// The retry found it gone: removed by the first attempt, or not there before; not "notInList".
			expect(result.items[0].json.results).toEqual([{ email: 'retried@example.com', status: 'removedOrNotInList' }]);
		});

		it('a relation deleted by an attempt whose answer was lost is deleted, not "already deleted"', async () => {
			sims.so.injectFault({ match: { path: /DeleteContactRelation/ }, kind: 'appliedThenHang' });
			const result = await harness.runNode({
				nodeType: 'superOffice',
				parameters: {
					resource: 'relation',
					operation: 'delete',
					relationId: 413,
					options: { timeout: 300, maxTries: 2 },
				},
				credentials: superOfficeCredential(sims.so),
			});

			expect(result.items.map((item) => item.json)).toEqual([
				{ success: true, relationId: 413, alreadyDeleted: false },
			]);
		});
	});

	describe('secrets never echoed', () => {
		it("removes a ticket that an API or proxy echoed from SuperOffice's error text", async () => {
			sims.so.injectFault({
				match: { path: REMOVE_MEMBERS },
				status: 500,
				body: { ErrorMessage: `Ticket ${SO_SECRETS.ticket} rejected for app ${SO_SECRETS.appToken}` },
			});
			const result = await harness.runNode({
				nodeType: 'superOffice',
				parameters: removeMembersParameters(938, { options: { maxTries: 1 } }),
				credentials: superOfficeCredential(sims.so, 'soTicket'),
				items: [{ contactId: 138, personId: 266 }],
			});

			expect(result.error?.message).toContain('Ticket [redacted] rejected for app [redacted]');
			expect(JSON.stringify(result.error)).not.toContain(SO_SECRETS.ticket);
			expect(JSON.stringify(result.error)).not.toContain(SO_SECRETS.appToken);
		});

		it('refreshes an expired OAuth2 token once for ten concurrent runs, not ten times', async () => {
			const credentials = await superOfficeOAuth2Credential(sims.so);
			const credentialStore = harness.credentialStore(credentials);
			sims.so.expireAccessTokens();
			const grantsBefore = sims.so.tokenGrants.length;
			const runs = await Promise.all(
				Array.from(
					{ length: 10 },
					async (_, i) =>
						await harness.runNode({
							nodeType: 'superOffice',
							parameters: {
								authentication: 'superOfficeOAuth2Api',
								...removeMembersParameters(938, { options: { combine: false } }),
							},
							credentials,
							credentialStore,
							items: [{ contactId: 138, personId: 266 + i }],
						}),
				),
			);

			expect(runs.map((run) => run.error?.message).filter(Boolean)).toEqual([]);
			expect(sims.so.tokenGrants.slice(grantsBefore).filter((grant) => grant === 'refresh_token')).toHaveLength(1);
		});
	});
});
