// Reading a large input's expressions takes n8n seconds (about 0.7 ms per item in n8n 2.41). The node must
// let n8n's event loop in meanwhile, or the whole n8n process (webhooks, the editor, other runs, idle
// keep-alive connections) stands still until the read is done: in a real n8n, 50,000 items held it for
// over 20 s and n8n dropped the connection of a client polling the execution.
import type { INodeParameters } from 'n8n-workflow';
import { harness, removeMembersParameters, superOfficeCredential, useSimulators } from '../support/package';

const ITEMS = 20_000;

describe('a large input', () => {
	const sims = useSimulators();

	it("lets n8n's event loop in while it reads every item's expressions", async () => {
		const items = Array.from({ length: ITEMS }, (_, i) => ({ contactId: 138, personId: 10_000 + i }));
		let last = Date.now();
		let longestHold = 0;
		const ticker = setInterval(() => {
			const now = Date.now();
			longestHold = Math.max(longestHold, now - last);
			last = now;
		}, 5);
		const started = Date.now();
		let result;
		try {
			result = await harness.runNode({
				nodeType: 'superOffice',
				parameters: removeMembersParameters(938, { options: { requestsPerSecond: 100 } }) as INodeParameters,
				credentials: superOfficeCredential(sims.so),
				items: items as never,
			});
		} finally {
			clearInterval(ticker);
		}
		const took = Date.now() - started;

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(ITEMS);
		// The run is long enough that holding the loop for the read would show (the read alone takes seconds)…
		expect(took).toBeGreaterThan(1_500);
		// …and the loop was never held for more than a short stretch (100 ms slices, plus GC and jest's own work).
		expect(longestHold).toBeLessThan(500);
	});
});
