// Many waits on one execution's cancel signal share one listener, so a large run never makes Node warn of
// a listener leak in n8n's log, and cancelling still reaches every wait.
import { getEventListeners } from 'node:events';
import { onAbort } from '../../nodes/shared/abort';
import { RateLimiter, waitFor } from '../../nodes/shared/limiter';
import { harness, removeMembersParameters, superOfficeCredential, useSimulators } from '../support/package';

describe('waiting on a cancel signal', () => {
	const sims = useSimulators();

	it('calls every callback once on abort, none that stopped listening, and none twice', () => {
		const controller = new AbortController();
		const calls: number[] = [];
		const stops = Array.from({ length: 50 }, (_, index) => onAbort(controller.signal, () => calls.push(index)));
		stops[3]();
		stops[3]();
		controller.abort();
		controller.abort();

		expect(calls).toHaveLength(49);
		expect(calls).not.toContain(3);
		expect(new Set(calls).size).toBe(49);
	});

	it('leaves no listener behind once every wait stopped listening', () => {
		const controller = new AbortController();
		const called = jest.fn();
		const stops = Array.from({ length: 20 }, () => onAbort(controller.signal, called));
		for (const stop of stops) stop();
		const again = onAbort(controller.signal, called);
		again();
		controller.abort();

		expect(called).not.toHaveBeenCalled();
	});

	it('keeps one listener on the signal for twenty requests waiting for the rate and ten retry waits', async () => {
		const controller = new AbortController();
		const limiter = new RateLimiter();
		const waiting = Array.from({ length: 20 }, async () => await limiter.acquire(1, controller.signal));
		const sleeping = Array.from({ length: 10 }, async () => await waitFor(60_000, controller.signal));
		await new Promise((resolve) => setImmediate(resolve));

		expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
		controller.abort(new Error('cancelled'));
		const outcomes = await Promise.allSettled([...waiting, ...sleeping]);
		// The first request is admitted at once; every other wait ends with the cancellation.
		expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(29);
		expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
	});

	it('runs 2,000 members in 20 requests that wait for the rate, all removed', async () => {
		const members = Array.from({ length: 2_000 }, (_, i) => ({ personId: 700_000 + i, contactId: 138 }));
		const selectionId = sims.so.addSelection({ name: 'Many chunks', members }).selectionId;
		const result = await harness.runNode({
			nodeType: 'superOffice',
			parameters: removeMembersParameters(selectionId, {
				options: { batchSize: 100, requestsPerSecond: 5, combineWindow: 0 },
			}),
			credentials: superOfficeCredential(sims.so),
			items: members as never,
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2_000);
		expect(sims.so.requests).toHaveLength(20);
		expect(sims.so.memberCount(selectionId)).toBe(0);
	});
});
