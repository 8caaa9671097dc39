import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { byId, person, runSuperOffice, sent, useFreshSuperOffice } from '../../support/superoffice-records';

describe('SuperOffice › Person › Set Consent', () => {
	const sims = useFreshSuperOffice();
	const setConsent = (extra = {}) =>
		person('setConsent', { personId: byId('={{ $json.personId }}'), purpose: 'EMARKETING', ...extra });

	it('sets the consent with the SetConsent agent, defaults API and 61A, after reading the consents', async () => {
		const { items } = await runSuperOffice(sims.so, setConsent({ comment: 'Newsletter sign-up' }), [{ personId: 267 }]);

		expect(sent(sims.so)).toEqual(['GET /v1/Person/267/Consent', 'POST /v1/Agents/Person/SetConsent']);
		expect(sims.so.requests[1].body).toEqual({
			PersonId: 267,
			Purpose: 'EMARKETING',
			Source: 'API',
			LegalBase: '61A',
			Comment: 'Newsletter sign-up',
		});
		expect(items[0].json).toEqual({
			success: true,
			personId: 267,
			purpose: 'EMARKETING',
			source: 'API',
			legalBase: '61A',
			alreadyConsented: false,
		});
		expect(sims.so.state.consents.get(267)).toEqual([
			expect.objectContaining({
				purpose: 'EMARKETING',
				source: 'API',
				legalBase: '61A',
				comment: 'Newsletter sign-up',
			}),
		]);
	});

	it('flags a consent the person had already given, and still records the new source and legal base', async () => {
		const { items } = await runSuperOffice(sims.so, setConsent({ source: 'WEBFORM' }), [{ personId: 266 }]);

		expect(items[0].json).toMatchObject({ success: true, alreadyConsented: true });
		expect(sims.so.requests.map((r) => r.path)).toContain('/v1/Agents/Person/SetConsent');
	});

	it('refuses the WITHDRAWN legal base, which is what Remove Consent is for, before calling SuperOffice', async () => {
		const { error } = await runSuperOffice(sims.so, setConsent({ legalBase: 'WITHDRAWN' }), [{ personId: 267 }]);

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe('Legal Base WITHDRAWN withdraws a consent instead of giving it [item 0]');
		expect(sims.so.requests).toHaveLength(0);
	});

	it("reports a purpose SuperOffice does not know with SuperOffice's message", async () => {
		const { error } = await runSuperOffice(sims.so, setConsent({ purpose: 'SMS' }), [{ personId: 267 }]);

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toContain(
			"SuperOffice could not set SMS consent for person 267: The request is invalid. Unknown consent purpose 'SMS'",
		);
	});

	it('with On Error: Continue, fails only the person who does not exist', async () => {
		const { items } = await runSuperOffice(
			sims.so,
			setConsent(),
			[{ personId: 267 }, { personId: 999 }],
			'continueRegularOutput',
		);

		expect(items.map((item) => [item.pairedItem, item.json.success ?? item.json.error])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, expect.stringContaining('Person id 999 not found')],
		]);
	});
});
