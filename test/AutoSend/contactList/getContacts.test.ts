import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import {
	ENGAGED_SEGMENT,
	getListContactsParameters,
	NEWSLETTER,
	QUICK,
	runAutoSend,
} from '../../support/autosend-operations';
import { useSimulators } from '../../support/package';

const SEARCH = '/contact-lists/contacts/search';

describe('AutoSend › Contact List › Get Contacts', () => {
	const sim = useSimulators({ each: true });
	const run = async (
		listId: unknown,
		extra: Record<string, unknown> = {},
		items: object[] = [{}],
		onError?: 'continueRegularOutput',
	) => await runAutoSend(sim.as, getListContactsParameters(listId, { options: QUICK, ...extra }), items, onError);

	it("returns a list's contacts, one output item per contact", async () => {
		const result = await run(NEWSLETTER, { returnAll: true });

		expect(sim.as.requests.map((r) => [r.path, r.body])).toEqual([
			[SEARCH, { contactListId: NEWSLETTER, page: 1, limit: 100 }],
		]);
		expect(result.items.map((item) => item.json.email)).toEqual([
			'jane@example.com',
			'john@example.com',
			'maria.garcia@example.com',
			'li.wei@example.com',
			'ahmed.khan@example.com',
		]);
	});

	it('Return All pages past the first page', async () => {
		const list = sim.as.addList({ name: 'Big' });
		sim.as.addContacts(250, { listId: list.id });
		const result = await run(list.id, { returnAll: true });

		expect(sim.as.requests.map((r) => (r.body as { page: number }).page)).toEqual([1, 2, 3]);
		expect(result.items).toHaveLength(250);
		expect(new Set(result.items.map((item) => item.json.id)).size).toBe(250);
	});

	it('Limit is respected', async () => {
		const result = await run(NEWSLETTER, { returnAll: false, limit: 2 });

		expect(sim.as.requests.map((r) => r.body)).toEqual([{ contactListId: NEWSLETTER, page: 1, limit: 2 }]);
		expect(result.items).toHaveLength(2);
	});

	it('filters by part of the address', async () => {
		const result = await run(NEWSLETTER, { returnAll: true, filters: { email: 'GARCIA' } });

		expect(sim.as.requests[0].body).toMatchObject({ email: 'GARCIA' });
		expect(result.items.map((item) => item.json.email)).toEqual(['maria.garcia@example.com']);
	});

	it('reads All Contacts and segments too', async () => {
		const all = await run('GLOBAL_CONTACT_LIST', { returnAll: true });
		const segment = await run(ENGAGED_SEGMENT, { returnAll: true });

		expect(all.items).toHaveLength(8);
		expect(segment.items).toHaveLength(2);
	});

	it('gives each input item its own contacts, paired, and fails only an unknown list under On Error: Continue', async () => {
		const result = await run(
			'={{ $json.list }}',
			{ returnAll: true },
			[{ list: '60d5ec49f1b2c72d9c8b0000' }, { list: ENGAGED_SEGMENT }],
			'continueRegularOutput',
		);

		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 1 }]);
		expect(result.items[0].json.error).toContain('Contact list not found');
	});

	it("reports an unknown list with AutoSend's message", async () => {
		const result = await run('60d5ec49f1b2c72d9c8b0000');

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toContain('Check the contact list ID');
	});

	it.each([
		['a list ID with a slash', 'a/b', {}, 'is not an AutoSend ID'],
		['a filter that is not text', NEWSLETTER, { filters: { email: '={{ 42 }}' } }, 'Filters › Email must be text'],
	])('refuses %s before calling AutoSend', async (_case, listId, extra, message) => {
		const result = await run(listId, extra);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain(message);
		expect(sim.as.requests).toHaveLength(0);
	});
});
