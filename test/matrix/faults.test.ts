// The fault matrix: every way an API answer can go wrong, for every operation. Each one ends in a message
// that carries the status and the API's own text, fails only the item it concerns under "On Error:
// Continue", and loses no item. Retries are off (Max Tries 1, Max Wait 0) so each fault is seen once;
// retry itself is specified in test/shared/requestPolicy.test.ts.
import { NodeApiError } from 'n8n-workflow';
import { autoSendCredential, harness, superOfficeCredential, useSimulators } from '../support/package';
import { autoSendFaults, OPERATIONS, superOfficeFaults } from './cases';

describe.each(OPERATIONS)('faults: $name', (operation) => {
	const sims = useSimulators({ each: true });

	const faults = operation.service === 'superOffice' ? superOfficeFaults : autoSendFaults;
	const run = async (onError?: 'continueRegularOutput') => {
		const sim = operation.service === 'superOffice' ? sims.so : sims.as;
		const credentials =
			operation.service === 'superOffice' ? superOfficeCredential(sims.so) : autoSendCredential(sims.as);
		// Remove Contacts combines both items; Combine Items off keeps one request per item here too.
		const parameters =
			operation.service === 'autoSend'
				? { ...operation.parameters, options: { ...(operation.parameters.options as object), combine: false } }
				: operation.parameters;
		const result = await harness.runNode({
			nodeType: operation.service,
			parameters,
			credentials,
			items: operation.items as never,
			onError,
		});
		return { result, sim };
	};

	it.each(faults)('%s stops the run with a clear NodeApiError', async (_name, fault, expected) => {
		(operation.service === 'superOffice' ? sims.so : sims.as).injectFault({
			...fault,
			match: { path: operation.path },
		});
		const { result } = await run();

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.httpCode ?? null).toBe(expected.httpCode);
		expect(result.error?.message).toContain(expected.text);
		expect(result.error?.message).toMatch(/\[item [01]\]$/);
		expect(result.error?.description).toBeTruthy();
	});

	it.each(faults)('%s under On Error: Continue fails one item and keeps the other', async (_name, fault, expected) => {
		(operation.service === 'superOffice' ? sims.so : sims.as).injectFault({
			...fault,
			match: { path: operation.path },
		});
		const { result } = await run('continueRegularOutput');

		expect(result.items).toHaveLength(2);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const failed = result.items.filter((item) => 'error' in item.json);
		expect(failed).toHaveLength(1);
		expect(Object.keys(failed[0].json)).toEqual(['error']);
		expect(failed[0].json.error).toContain(expected.text);
		// The other item succeeded: no error, and (for operations that report it) success: true; Get operations output records.
		expect(result.items.filter((item) => !('error' in item.json) && item.json.success !== false)).toHaveLength(1);
	});
});
