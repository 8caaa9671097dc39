import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { person, runSuperOffice, sent, useFreshSuperOffice } from '../../support/superoffice-records';

describe('SuperOffice › Person › Register Bounce', () => {
	const sims = useFreshSuperOffice();
	const bounce = (extra = {}) => person('registerBounce', { email: '={{ $json.email }}', ...extra });

	it('adds a bounce to the address with AddBounce, the address lower-cased', async () => {
		const { items } = await runSuperOffice(sims.so, bounce(), [{ email: ' Ola.Hansen@NordicBikes.example' }]);

		expect(items).toEqual([
			{ json: { success: true, email: 'ola.hansen@nordicbikes.example' }, pairedItem: { item: 0 } },
		]);
		expect(sent(sims.so)).toEqual(['POST /v1/Agents/Person/AddBounce']);
		expect(sims.so.requests[0].body).toEqual({ EmailAddress: 'ola.hansen@nordicbikes.example' });
		expect(sims.so.state.bounces.get('ola.hansen@nordicbikes.example')?.count).toBe(1);
	});

	it('uses AddBounceWithDetails with all four values when the item gives a code, reason or count', async () => {
		const { items } = await runSuperOffice(
			sims.so,
			bounce({ additionalFields: { code: 550, reason: 'Mailbox unknown' } }),
			[{ email: 'ola.hansen@nordicbikes.example' }],
		);

		expect(sims.so.requests[0].path).toBe('/v1/Agents/Person/AddBounceWithDetails');
		expect(sims.so.requests[0].body).toEqual({
			EmailAddress: 'ola.hansen@nordicbikes.example',
			Counts: 1,
			Code: 550,
			Reason: 'Mailbox unknown',
		});
		expect(items[0].json).toEqual({
			success: true,
			email: 'ola.hansen@nordicbikes.example',
			counts: 1,
			code: 550,
			reason: 'Mailbox unknown',
		});
		expect(sims.so.state.bounces.get('ola.hansen@nordicbikes.example')).toMatchObject({ count: 1, code: 550 });
	});

	it('counts each item: two bounces for one address make a count of two', async () => {
		await runSuperOffice(sims.so, bounce(), [
			{ email: 'ola.hansen@nordicbikes.example' },
			{ email: 'OLA.HANSEN@nordicbikes.example' },
		]);

		expect(sims.so.requests).toHaveLength(2);
		expect(sims.so.state.bounces.get('ola.hansen@nordicbikes.example')?.count).toBe(2);
	});

	it('succeeds for an address SuperOffice does not have, as SuperOffice answers, changing nothing', async () => {
		const { items, error } = await runSuperOffice(sims.so, bounce(), [{ email: 'stranger@example.com' }]);

		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ success: true, email: 'stranger@example.com' });
		expect(sims.so.state.bounces.size).toBe(0);
	});

	it('does not send a bounce again when its outcome is unknown, as that would count it twice', async () => {
		sims.so.injectFault({ kind: 'appliedThenHang' });
		const { error } = await runSuperOffice(sims.so, bounce({ options: { timeout: 300, maxTries: 3 } }), [
			{ email: 'ola.hansen@nordicbikes.example' },
		]);

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.description).toContain('it was not sent again');
		expect(sims.so.requests).toHaveLength(1);
		expect(sims.so.state.bounces.get('ola.hansen@nordicbikes.example')?.count).toBe(1);
	});

	it.each([
		['no address', '', 'Email needs at least one email address'],
		['two addresses', 'a@example.com, b@example.com', 'Email holds 2 addresses; a bounce is registered for one'],
		['a mailto: link', 'mailto:a@example.com', 'Email contains "mailto:a@example.com", which is not an email address'],
	])('refuses %s before calling SuperOffice', async (_name, email, message) => {
		const { error } = await runSuperOffice(sims.so, bounce(), [{ email }]);

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toContain(message);
		expect(sims.so.requests).toHaveLength(0);
	});

	it('with On Error: Continue, registers the others and pairs the failure with its item', async () => {
		sims.so.injectFault({ skip: 1, status: 500, body: { ErrorMessage: 'Bounce store down' } });
		const { items } = await runSuperOffice(
			sims.so,
			bounce(),
			[{ email: 'kari.nordmann@nordicbikes.example' }, { email: 'ola.hansen@nordicbikes.example' }],
			'continueRegularOutput',
		);

		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items.filter((item) => 'error' in item.json)).toHaveLength(1);
		expect(items.find((item) => 'error' in item.json)?.json.error).toContain('Bounce store down');
	});
});
