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
		const ticks: number[] = [];
		const ticker = setInterval(() => ticks.push(Date.now()), 5);
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

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(ITEMS);
		// Every item is read and checked before the first request goes out, and that takes seconds…
		const read = sims.so.requests[0].at - started;
		expect(read).toBeGreaterThan(1_000);
		// …during which timers still ran: in the middle half of the read, not only before and after it.
		// (Held in one piece, the loop would run no timer there at all.)
		const middle = ticks.filter((at) => at > started + read / 4 && at < started + (read * 3) / 4);
		expect(middle.length).toBeGreaterThanOrEqual(3);
	});
});
