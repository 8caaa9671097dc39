import { NodeOperationError } from 'n8n-workflow';
import { byId, person, runSuperOffice, sent, useFreshSuperOffice } from '../../support/superoffice-records';

describe('SuperOffice › Person › Remove Consent', () => {
	const sims = useFreshSuperOffice();
	const removeConsent = (extra = {}) =>
		person('removeConsent', { personId: byId('={{ $json.personId }}'), purpose: 'EMARKETING', ...extra });

	it('withdraws a consent the person gave, with the RemoveConsent agent', async () => {
		const { items } = await runSuperOffice(sims.so, removeConsent(), [{ personId: 266 }]);

		expect(sent(sims.so)).toEqual(['GET /v1/Person/266/Consent', 'POST /v1/Agents/Person/RemoveConsent']);
		expect(sims.so.requests[1].body).toEqual({ PersonId: 266, Purpose: 'EMARKETING' });
		expect(items[0].json).toEqual({ success: true, personId: 266, purpose: 'EMARKETING', alreadyRemoved: false });
		expect(sims.so.state.consents.get(266)?.[0].legalBase).toBe('WITHDRAWN');
	});

	it('reports a consent that was never given as removed, flagged', async () => {
		const { items, error } = await runSuperOffice(sims.so, removeConsent(), [{ personId: 267 }]);

		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ success: true, personId: 267, purpose: 'EMARKETING', alreadyRemoved: true });
	});

	it('reports a consent removed by an earlier run as removed, flagged', async () => {
		await runSuperOffice(sims.so, removeConsent(), [{ personId: 266 }]);
		const { items } = await runSuperOffice(sims.so, removeConsent(), [{ personId: 266 }]);

		expect(items[0].json).toMatchObject({ success: true, alreadyRemoved: true });
	});

	it('refuses a purpose with spaces in it, before calling SuperOffice', async () => {
		const { error } = await runSuperOffice(sims.so, removeConsent({ purpose: '={{ "E MARKETING" }}' }), [
			{ personId: 266 },
		]);

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toContain('is not a key of a SuperOffice consent list [item 0]');
		expect(sims.so.requests).toHaveLength(0);
	});

	it('with On Error: Continue, fails only the item whose removal SuperOffice refused', async () => {
		sims.so.injectFault({
			match: { path: '/v1/Agents/Person/RemoveConsent' },
			status: 200,
			body: { Message: 'The request is invalid.', MessageDetail: 'No rights on consent' },
		});
		const { items } = await runSuperOffice(
			sims.so,
			removeConsent(),
			[{ personId: 266 }, { personId: 301 }],
			'continueRegularOutput',
		);

		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items.filter((item) => 'error' in item.json)).toHaveLength(1);
		expect(items.find((item) => 'error' in item.json)?.json.error).toContain('No rights on consent');
	});
});
