/** The AutoSend simulator's suppression groups and bulk suppression. */
import { startAutoSendSimulator, type AutoSendSimulator } from '..';
import { AS_JSON, call } from '../../specClient';

describe('AutoSend simulator: suppressions', () => {
	let as: AutoSendSimulator;
	const suppress = (body: unknown) =>
		call(`${as.baseUrl}/suppression-groups/emails/suppress`, {
			method: 'POST',
			headers: AS_JSON,
			body: JSON.stringify(body),
		});

	beforeEach(async () => {
		as = await startAutoSendSimulator();
	});
	afterEach(async () => await as.close());

	it('lists suppression groups, global ones only with includeGlobal=true', async () => {
		const names = async (query: string) =>
			(await call(`${as.baseUrl}/suppression-groups${query}`, { headers: AS_JSON })).body.data.groups.map(
				(g: { groupId: string }) => g.groupId,
			);
		expect(await names('')).toEqual(['20XWO']);
		expect(await names('?includeGlobal=true')).toEqual(['20XWO', 'B43YU']);
	});

	it('counts only addresses that were not suppressed there before', async () => {
		expect(
			(
				await suppress({
					emails: ['a@example.com', 'A@example.com', 'b@example.com'],
					groupId: '20XWO',
					reason: 'unsubscribed',
				})
			).body,
		).toEqual({
			success: true,
			data: { suppressed: 2 },
		});
		expect((await suppress({ emails: ['a@example.com'], groupId: '20XWO' })).body.data.suppressed).toBe(0);
		expect((await suppress({ emails: ['a@example.com'], isGlobal: true })).body.data.suppressed).toBe(1);
	});

	it.each([
		['no addresses', { emails: [] }, 400],
		['a bad address', { emails: ['nope'] }, 400],
		['a non-boolean isGlobal', { emails: ['a@example.com'], isGlobal: 'yes' }, 400],
		['an unknown group', { emails: ['a@example.com'], groupId: 'NOPE1' }, 404],
	])('refuses %s', async (_case, body, status) => {
		expect((await suppress(body)).status).toBe(status);
	});
});
