import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { harness, superOfficeCredential, useSimulators } from '../../support/package';
import { selectionParameters } from '../../support/superoffice-selections';

describe('SuperOffice › Selection › Create', () => {
	const sims = useSimulators();
	const run = async (extra: Record<string, unknown> = {}, items?: object[]) =>
		await harness.runNode({
			nodeType: 'superOffice',
			parameters: selectionParameters('create', { name: '={{ $json.name }}', ...extra }),
			credentials: superOfficeCredential(sims.so),
			items: items as never,
			onError: (extra.onError as never) ?? undefined,
		});

	it("creates a static selection of persons from SuperOffice's defaults and outputs it with its new id", async () => {
		const result = await run({ memberType: 'person', additionalFields: { description: 'From the webinar' } }, [
			{ name: 'Webinar attendees' },
		]);

		expect(result.error).toBeUndefined();
		expect(sims.so.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v1/Selection/default',
			'POST /v1/Selection',
		]);
		const defaults = sims.so.requests[0];
		expect(defaults.status).toBe(200);
		expect(sims.so.requests[1].body).toMatchObject({
			SelectionId: 0,
			Name: 'Webinar attendees',
			SelectionType: 'Static',
			TargetTableName: 'person',
			TargetTableNumber: 6,
			Description: 'From the webinar',
			// What the defaults held is sent back as SuperOffice gave it.
			IncludePerson: 0,
			MainProviderName: 'ContactPersonStaticSelectionV2',
		});
		const created = result.items[0].json;
		expect(created).toMatchObject({ Name: 'Webinar attendees', SelectionType: 'Static', TargetTableName: 'person' });
		expect(sims.so.state.selections.get(created.SelectionId as number)).toMatchObject({
			name: 'Webinar attendees',
			kind: 'static',
			description: 'From the webinar',
		});
	});

	it('creates a selection of companies', async () => {
		const result = await run({ memberType: 'company' }, [{ name: 'Key accounts 2027' }]);

		expect(sims.so.requests[1].body).toMatchObject({ TargetTableName: 'contact', TargetTableNumber: 5 });
		expect(result.items[0].json).toMatchObject({ TargetTableName: 'contact' });
	});

	it('creates one selection per item, each output paired', async () => {
		const result = await run({}, [{ name: 'First' }, { name: 'Second' }]);

		expect(result.items.map((item) => [item.pairedItem, item.json.Name])).toEqual([
			[{ item: 0 }, 'First'],
			[{ item: 1 }, 'Second'],
		]);
	});

	it('never sends a create again after an unknown outcome, and says it may have been created', async () => {
		sims.so.injectFault({ match: { method: 'POST', path: '/v1/Selection' }, kind: 'appliedThenHang' });
		const before = sims.so.state.selections.size;
		const result = await run({ options: { timeout: 300, maxTries: 3 } }, [{ name: 'Lost answer' }]);

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toContain('did not confirm whether it could create selection "Lost answer"');
		expect(result.error?.description).toContain('it was not sent again');
		expect(sims.so.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
		expect(sims.so.state.selections.size).toBe(before + 1);
	});

	it('refuses an empty name before calling SuperOffice', async () => {
		const result = await run({}, [{ name: 'Fine' }, { name: '  ' }]);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe('Name is empty [item 1]');
		expect(sims.so.requests).toHaveLength(0);
	});

	it("reports SuperOffice's refusal, and under On Error: Continue keeps the other items", async () => {
		sims.so.injectFault({
			match: { method: 'POST', path: '/v1/Selection' },
			status: 400,
			body: { Error: true, ErrorType: 'ArgumentException', ErrorMessage: 'Name is too long', ErrorSource: 'x' },
		});
		const result = await run({ onError: 'continueRegularOutput' }, [{ name: 'Refused' }, { name: 'Accepted' }]);

		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const [failed, created] = [result.items.find((i) => 'error' in i.json), result.items.find((i) => 'Name' in i.json)];
		expect(failed?.json.error).toContain('Name is too long');
		expect(created?.json).toMatchObject({ SelectionType: 'Static' });
	});
});
